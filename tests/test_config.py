"""Configuration files: discovery, precedence, overrides and strict validation."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import compact, lint
from postlint import ConfigError, config
from postlint.linter import Linter, Options
from postlint.source import decode

SEVEN = "Text #a1 #b2 #c3 #d4 #e5 #f6 #g7\n"


def lint_file(path: Path, **options):
    linter = Linter(Options(**options))
    return linter.lint_path(path)


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def setup_function():
    config.discover.cache_clear()


def test_nearest_config_wins(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.postlint]\nignore = ['PL202']\n")
    write(tmp_path / "team" / "postlint.toml", "[rules.too-many-hashtags]\nmax = 6\n")
    top = lint_file(write(tmp_path / "a.md", SEVEN))
    nested = lint_file(write(tmp_path / "team" / "b.md", SEVEN))
    assert "PL202" not in {f.code for f in top.findings}
    assert compact(nested.findings, "PL202") == ["1:30 PL202"]


def test_pyproject_without_table_is_skipped(tmp_path):
    write(tmp_path / "postlint.toml", "ignore = ['PL2']\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    result = lint_file(write(tmp_path / "sub" / "a.md", SEVEN))
    assert not [f for f in result.findings if f.code.startswith("PL2")]


def test_dot_file_beats_plain_file_in_same_folder(tmp_path):
    write(tmp_path / ".postlint.toml", "ignore = ['PL202']\n")
    write(tmp_path / "postlint.toml", "ignore = ['PL301']\n")
    result = lint_file(write(tmp_path / "a.md", SEVEN))
    assert "PL202" not in {f.code for f in result.findings}


def test_channel_precedence(tmp_path):
    write(tmp_path / "postlint.toml", "channel = 'facebook'\n[per-path.'drafts/x/**']\nchannel = 'x'\n")
    long = "a" * 300 + " #a #b #c\n"
    by_path = lint_file(write(tmp_path / "drafts" / "x" / "a.md", long))
    assert by_path.draft.channel == "x" and "PL102" in {f.code for f in by_path.findings}
    assert lint_file(tmp_path / "drafts" / "x" / "a.md", channel="instagram").draft.channel == "instagram"
    fm = write(tmp_path / "drafts" / "x" / "b.md", "---\nchannel: linkedin\n---\n" + long)
    assert lint_file(fm, channel="instagram").draft.channel == "linkedin"
    assert lint_file(write(tmp_path / "c.md", long)).draft.channel == "facebook"
    assert Linter().lint_text("x", Path("/nonexistent/a.md"), "a.md").draft.channel == "linkedin"


def test_per_channel_and_per_path_rule_options(tmp_path):
    write(tmp_path / "postlint.toml", """
[rules.too-many-hashtags.channel.linkedin.type.post]
max = 6
[per-path.'campaign/**'.rules.too-many-hashtags]
max = 3
[per-path.'archive/**']
ignore = ['ALL']
""")
    assert compact(lint_file(write(tmp_path / "a.md", SEVEN)).findings, "PL202") == ["1:30 PL202"]
    (campaign,) = [f for f in lint_file(write(tmp_path / "campaign" / "a.md", SEVEN)).findings if f.code == "PL202"]
    assert (campaign.column, campaign.message) == (18, "7 hashtags (max 3): #d4 #e5 #f6 …")
    assert lint_file(write(tmp_path / "archive" / "a.md", SEVEN)).findings == []


def test_level_override_per_rule_and_channel():
    findings = lint(SEVEN, rules={"PL202": {"level": "error"}})
    assert {str(f.level) for f in findings if f.code == "PL202"} == {"error"}
    findings = lint(SEVEN, channel="instagram", rules={"PL202": {"channel": {"instagram": {"level": "info"}}}})
    assert {str(f.level) for f in findings if f.code == "PL202"} == {"info"}


def test_longest_prefix_wins():
    findings = lint(SEVEN, select=["PL2"], ignore=["PL20"], **{"extend-select": ["PL202"]})
    assert {f.code for f in findings} == {"PL202"}


def test_exclude_globs(tmp_path, monkeypatch):
    write(tmp_path / "postlint.toml", "extend-exclude = ['archive/**', 'README.md', 'drafts/private-*']\n")
    write(tmp_path / "archive" / "old.md", SEVEN)
    write(tmp_path / "README.md", SEVEN)
    write(tmp_path / "drafts" / "new.md", SEVEN)
    write(tmp_path / "drafts" / "private-1.md", SEVEN)
    (tmp_path / "drafts" / "link.md").symlink_to(tmp_path / "archive" / "old.md")  # resolves into archive/
    from postlint.linter import iter_files

    files = [p.relative_to(tmp_path).as_posix() for p, _ in iter_files([tmp_path], Linter())]
    assert files == ["drafts/new.md"]
    monkeypatch.chdir(tmp_path)  # relative folders give the same answer
    assert [p.as_posix() for p, _ in iter_files(["drafts", "."], Linter())] == ["drafts/new.md", "drafts/new.md"]


@pytest.mark.parametrize(("text", "message"), [
    ("colour = 'red'\n", "unknown key"),
    ("select = ['PL9']\n", "'PL9' matches no rule"),
    ("[rules.hashtag-limit]\nmax = 3\n", "unknown rule 'hashtag-limit'"),
    ("[rules.too-many-hashtags]\nmaximum = 3\n", "unknown option 'maximum' for rule too-many-hashtags"),
    ("[rules.too-many-hashtags]\nmax = 'five'\n", "rules.too-many-hashtags.max: expected an integer"),
    ("[rules.too-many-hashtags.channel.tiktok]\nmax = 3\n", "unknown channel 'tiktok'"),
    ("[rules.PL102.channel.x]\nunit = 'bytes'\n", "expected one of characters"),
    ("[rules.PL102]\nlevel = 'fatal'\n", "rules.PL102.level: expected one of error"),
    ("channel = \n", "invalid TOML"),
])
def test_config_errors_name_file_table_and_key(tmp_path, text, message):
    path = write(tmp_path / "postlint.toml", text)
    with pytest.raises(ConfigError) as err:
        config.load(path)
    assert str(err.value).startswith(str(path)) and message in str(err.value)


def test_pyproject_errors_name_the_table(tmp_path):
    path = write(tmp_path / "pyproject.toml", "[tool.postlint]\nfail_on = 'error'\n")
    with pytest.raises(ConfigError, match=r"\[tool.postlint\] fail_on: unknown key"):
        config.load(path)


@pytest.mark.slow
def test_cli_reports_config_error_once_with_exit_2(tmp_path):
    import subprocess
    import sys

    write(tmp_path / "postlint.toml", "[rules.too-many-hashtags]\nmaximum = 3\n")
    write(tmp_path / "a.md", SEVEN)
    proc = subprocess.run([sys.executable, "-m", "postlint", "check", str(tmp_path)], capture_output=True, text=True)
    assert proc.returncode == 2
    assert proc.stderr.count("\n") == 1 and "unknown option 'maximum'" in proc.stderr and "Traceback" not in proc.stderr


def test_glob_semantics():
    assert config.glob_regex("drafts/linkedin/**").match("drafts/linkedin/2026/a.md")
    assert not config.glob_regex("drafts/linkedin/**").match("other/drafts/linkedin/a.md")
    assert config.glob_regex("*.txt").match("deep/folder/a.txt")
    assert not config.glob_regex("drafts/*.md").match("drafts/sub/a.md")
    assert config.glob_regex("archive").match("archive/old/a.md")


def test_library_api():
    import postlint

    findings = postlint.lint_text(SEVEN)
    assert [f.code for f in findings].count("PL202") == 1
    assert postlint.lint_text(SEVEN, ignore=["PL2", "PL4"]) == []
    with pytest.raises(postlint.InputError):
        postlint.lint_text("---\nchannel: [x\n---\nText")
    assert decode(b"a\r\nb\rc") == "a\nb\nc"


def test_calendar_table_in_config_and_cli_override(tmp_path):
    path = write(tmp_path / "postlint.toml", "[calendar]\ntimezone = 'America/New_York'\n[calendar.columns]\ntext = 'body'\n")
    linter = Linter(Options(config_file=str(path)))
    assert linter.calendar.zone.key == "America/New_York" and linter.calendar.columns["text"] == "body"
    linter = Linter(Options(config_file=str(path), calendar=("timezone=Europe/Vienna",)))
    assert linter.calendar.zone.key == "Europe/Vienna" and linter.calendar.columns["text"] == "body"
    write(tmp_path / "bad" / "postlint.toml", "[calendar]\ntimezon = 'UTC'\n")
    with pytest.raises(ConfigError, match=r"calendar: unknown key 'timezon'"):
        config.load(tmp_path / "bad" / "postlint.toml")
