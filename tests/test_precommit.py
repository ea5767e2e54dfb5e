"""The pre-commit hook, run by the real `pre-commit` against a temporary git repository."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from helpers import ROOT

pytestmark = pytest.mark.skipif(shutil.which("pre-commit") is None or shutil.which("git") is None,
                                reason="needs the pre-commit and git executables (pip install -e '.[test]')")


def git(repo, *args):
    return subprocess.run(["git", *args], cwd=repo, capture_output=True, text=True, check=True)


@pytest.fixture
def content_repo(tmp_path):
    repo = tmp_path / "content"
    repo.mkdir()
    git(repo, "init", "-q")
    git(repo, "config", "user.email", "team@example.com")
    git(repo, "config", "user.name", "Team")
    (repo / "drafts").mkdir()
    return repo


def try_repo(repo, tmp_path):
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path.parent / "pre-commit-home")}
    return subprocess.run(["pre-commit", "try-repo", str(ROOT), "postlint", "--color", "never"],
                          cwd=repo, capture_output=True, text=True, env=env)


@pytest.mark.slow
def test_bad_draft_fails_and_clean_draft_passes(content_repo, tmp_path):
    bad = content_repo / "drafts" / "bad.md"
    bad.write_text("Lest mehr: https://www.beispiel.de #a1 #b2 #c3 #d4 #e5 #f6 #g7\n", encoding="utf-8")
    git(content_repo, "add", "drafts/bad.md")
    failed = try_repo(content_repo, tmp_path)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "drafts/bad.md:1:12: PL301 [warning] external link to beispiel.de" in failed.stdout

    bad.write_text("Drei Learnings aus unserem Kundenprojekt. #Digitalisierung #KI #Mittelstand\n", encoding="utf-8")
    git(content_repo, "add", "drafts/bad.md")
    passed = try_repo(content_repo, tmp_path)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert "Passed" in passed.stdout
