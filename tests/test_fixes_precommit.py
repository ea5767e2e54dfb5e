"""The fixing pre-commit hook of docs/fixes.md (`args: [--fix]`), run by the real pre-commit
in a temporary git repository: the commit stops, the draft is fixed on disk, and the next
commit passes."""

from __future__ import annotations

import os
import re
import shutil
import subprocess

import pytest
import yaml

from helpers import ROOT

pytestmark = [pytest.mark.slow,
              pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None,
                                 reason="needs the pre-commit and git executables (pip install -e '.[test]')")]


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)


def hook_repository(tmp_path) -> tuple[str, str]:
    """postlint as it is in the working tree, committed in a repository of its own (what
    `pre-commit try-repo` does), so the snippet's `repo` and `rev` can point at it."""
    shadow = tmp_path / "postlint-repo"
    git(tmp_path, "clone", "-q", "--no-hardlinks", str(ROOT), str(shadow))
    changed = git(ROOT, "ls-files", "-m", "-o", "--exclude-standard").stdout.split()
    for name in changed:
        if (ROOT / name).is_file():
            (shadow / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / name, shadow / name)
    git(shadow, "add", "-A")
    git(shadow, "-c", "user.email=t@example.com", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "wip")
    return str(shadow), git(shadow, "rev-parse", "HEAD").stdout.strip()


def test_the_fixing_hook_fixes_and_stops_the_commit_once(tmp_path):
    page = (ROOT / "docs" / "fixes.md").read_text(encoding="utf-8")
    (snippet,) = re.findall(r"```yaml\n(.*?)```", page, re.S)
    config = yaml.safe_load(snippet)
    config["repos"][0]["repo"], config["repos"][0]["rev"] = hook_repository(tmp_path)
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "team@example.com")
    git(repo, "config", "user.name", "Team")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    draft = repo / "post.md"
    draft.write_bytes(b"Was meint ihr? #KI #Mittelstand #KI\r\n")
    git(repo, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    first = subprocess.run(["pre-commit", "run", "--color", "never"], cwd=repo, capture_output=True, text=True,
                           env=env)
    assert first.returncode == 1, first.stdout + first.stderr
    assert "files were modified by this hook" in first.stdout
    assert draft.read_bytes() == b"Was meint ihr? #KI #Mittelstand\r\n"
    git(repo, "add", "-A")
    second = subprocess.run(["pre-commit", "run", "--color", "never"], cwd=repo, capture_output=True, text=True,
                            env=env)
    assert second.returncode == 0, second.stdout + second.stderr
