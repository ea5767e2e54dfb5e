"""What the pre-commit hooks rely on, in-process: `--schedule skip|only`, the `calendars`
setting, the default excludes; and the docs' TOML snippets load as written."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from helpers import ROOT
from postlint import config
from postlint.cli import main
from postlint.problem import ConfigError

CLEAN = "Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand"
SEVEN = "Lest mehr im Blog. Was meint ihr? #a1 #b2 #c3 #d4 #e5 #f6 #g7"


def check(*args):
    result = CliRunner().invoke(main, ["check", "--no-cache", "--format", "concise", *args])
    return result.exit_code, result.output


def codes(output: str) -> list[str]:
    return re.findall(r"^(\S+?):\d+:\d+: (PL\d+)", output, re.M)


@pytest.fixture
def plan(tmp_path, monkeypatch):
    """Two drafts one hour apart, one with too many hashtags, and a calendar with a clash."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    for name, hour, text in (("a.md", 9, CLEAN), ("b.md", 10, SEVEN)):
        (tmp_path / "drafts" / name).write_text(
            f"---\nscheduled: 2026-12-01T{hour:02}:00:00+01:00\n---\n{text}\n", encoding="utf-8")
    (tmp_path / "plan.csv").write_text(f"date,text\n2026-12-08 09:00,{CLEAN}\n2026-12-08 10:00,{CLEAN}\n",
                                       encoding="utf-8")
    (tmp_path / "postlint.toml").write_text('calendars = ["plan.csv"]\n', encoding="utf-8")
    return tmp_path


def test_schedule_skip_and_only_split_the_rules(plan):
    _, everything = check()
    _, skipped = check("--schedule", "skip")
    _, only = check("--schedule", "only")
    assert codes(skipped) == [("drafts/b.md", "PL202")]
    # the calendar repeats drafts/a.md: the repeat rule (phase "run") is a schedule rule too
    assert codes(only) == [("drafts/b.md", "PL601"), ("drafts/b.md", "PL602"), ("plan.csv", "PL608"),
                           ("plan.csv", "PL601"), ("plan.csv", "PL602"), ("plan.csv", "PL608")]
    assert sorted(codes(everything)) == sorted(codes(skipped) + codes(only))


def test_named_calendar_is_checked_once_with_its_folder(plan):
    code, out = check(".", "plan.csv")
    assert code == 1
    assert codes(out).count(("plan.csv", "PL601")) == 1
    _, drafts_only = check("drafts")  # the calendar lies outside drafts/
    assert "plan.csv" not in drafts_only


def test_missing_calendar_is_an_input_error_naming_the_configuration(plan):
    (plan / "plan.csv").unlink()
    code, out = check()
    assert code == 2
    assert f"plan.csv: error: no such file or directory (named in {plan / 'postlint.toml'})" in out


def test_calendars_must_be_calendar_files(tmp_path):
    with pytest.raises(ConfigError, match=r"calendars: 'plan.xlsx' is not a calendar file \(.csv or .jsonl\)"):
        config.parse({"calendars": ["plan.xlsx"]}, "postlint.toml", tmp_path, "")


def test_repository_documents_and_dot_folders_are_excluded_by_default(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    for name in ("README.md", "CHANGELOG.md", "LICENSE.txt", "CONTRIBUTING.md", "docs/README.de.md",
                 ".github/pull_request_template.md", "drafts/post.md"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(SEVEN + "\n", encoding="utf-8")
    assert [path for path, _ in codes(check()[1])] == ["drafts/post.md"]
    # named as pre-commit names them: still left out
    assert [path for path, _ in codes(check("README.md", ".github/pull_request_template.md")[1])] == []
    # `exclude` replaces the defaults
    (tmp_path / "postlint.toml").write_text('exclude = [".*"]\n', encoding="utf-8")
    config.discover.cache_clear()  # a new process would not remember the folder without one
    assert "README.md" in [path for path, _ in codes(check()[1])]


@pytest.mark.parametrize("doc", ["README.md", "docs/integrations/pre-commit.md", "docs/configuration.md"])
def test_docs_postlint_toml_snippets_load(doc, tmp_path):
    snippets = re.findall(r"^```toml\n(# postlint.toml\n.*?)^```$", (ROOT / doc).read_text(encoding="utf-8"),
                          re.S | re.M)
    assert snippets
    for snippet in snippets:
        (tmp_path / "postlint.toml").write_text(snippet, encoding="utf-8")
        assert config.load(tmp_path / "postlint.toml") is not None
