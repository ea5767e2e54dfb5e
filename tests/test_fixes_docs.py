"""The fixing commands and settings in README.md and docs/fixes.md, run as written."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

from helpers import ROOT
from postlint import registry

PAGE = (ROOT / "docs" / "fixes.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")
README_COMMAND = re.compile(r"^(postlint check --(?:fix|diff)[^\n#]*?)\s*(?:#.*)?$", re.M)


def run(command: str, cwd: Path) -> subprocess.CompletedProcess:
    env_path = str(Path(sys.executable).parent)
    return subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=cwd, capture_output=True, text=True,
                          env={"PATH": f"{env_path}:/usr/bin:/bin", "HOME": str(cwd)})


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*.md"))}


@pytest.mark.slow
def test_documented_commands_run_as_written(tmp_path):
    (block,) = re.findall(r"```bash\n(.*?)```", PAGE, re.S)
    commands = [line for line in block.splitlines() if line.strip()] + README_COMMAND.findall(README)
    assert len(commands) == 7
    for command in commands:
        work = tmp_path / str(abs(hash(command)))
        shutil.copytree(ROOT / "examples", work / "drafts")
        before = snapshot(work / "drafts")
        done = run(command, work)
        assert done.returncode in (0, 1), (command, done.stderr)
        after = snapshot(work / "drafts")
        if "--diff" in command:
            assert after == before and done.stdout.startswith("--- drafts/"), command
            # the diff applies with patch to give what --fix writes
            patched = tmp_path / "patched"
            shutil.copytree(work / "drafts", patched / "drafts")
            subprocess.run(["patch", "-s", "-p0"], input=done.stdout, text=True, cwd=patched, check=True)
            fixing = "--fix --unsafe-fixes" if "--unsafe-fixes" in command else "--fix"
            run(f"postlint check {fixing} drafts/", work)
            assert snapshot(patched / "drafts") == snapshot(work / "drafts"), command
            shutil.rmtree(patched)
        elif " - <" in command:
            assert after == before
            fixed = (work / "fixed.md").read_text(encoding="utf-8")
            original = (work / "drafts" / "linkedin" / "de-webinar-hashtags.md").read_text(encoding="utf-8")
            assert fixed != original and fixed.count("#KI") < original.count("#KI")
        else:
            assert after != before, command
            if "--fix-only" in command:
                assert done.stdout == "" and "Fixed " in done.stderr


def test_the_table_lists_every_fix_with_its_applicability():
    rows = re.findall(r"^\| `(PL\d{3})` [a-z-]+ \| .+? \| (safe|unsafe) \|$", PAGE, re.M)
    documented = {r.code: re.match(r"\w+", r.doc.split("\n## Fix\n", 1)[1].lstrip())[0].lower()
                  for r in registry.rules() if "\n## Fix\n" in r.doc}
    assert dict(rows) == documented


def test_documented_options_do_what_the_page_says(tmp_path):
    (toml,) = re.findall(r"```toml\n(.*?)```", PAGE, re.S)
    (tmp_path / "postlint.toml").write_text(toml, encoding="utf-8")
    tomllib.loads(toml)
    post = tmp_path / "post.md"
    post.write_text("---\nsponsored: true\nlang: de\naccount: anna\n---\nSeit drei Wochen teste ich die Laufuhr: "
                    "https://beispiel.de/uhr\n", encoding="utf-8")
    done = run("postlint check --no-cache --fix --unsafe-fixes --select PL501,PL302 post.md", tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert post.read_text(encoding="utf-8").endswith(
        "---\nAnzeige | Seit drei Wochen teste ich die Laufuhr: "
        "https://beispiel.de/uhr?utm_source=linkedin&utm_medium=social&utm_campaign=anna\n")


def test_the_pre_commit_snippet_adds_fix_to_the_hook():
    import yaml

    (snippet,) = re.findall(r"```yaml\n(.*?)```", PAGE, re.S)
    (hook,) = yaml.safe_load(snippet)["repos"][0]["hooks"]
    (shipped,) = [h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text()) if h["id"] == hook["id"]]
    assert shipped["entry"] + " " + " ".join(hook["args"]) == "postlint check --schedule skip --fix"
