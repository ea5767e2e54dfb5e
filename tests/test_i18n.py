"""postlint in German and English: the catalogue is complete and current, placeholders match,
every finding of every fixture comes out of the catalogue in German, and the CLI chooses the
language from --language, the configuration and the environment."""

from __future__ import annotations

import ast
import gettext
import json
import string
import sys
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner

from helpers import lint
from postlint import cli, i18n

ROOT = Path(__file__).resolve().parent.parent
PO = ROOT / "postlint" / "locale" / "de" / "LC_MESSAGES" / "postlint.po"
FIXTURES = sorted((ROOT / "tests" / "fixtures").glob("*.toml"))
MARKERS = {"t": 1, "nt": 2, "N_": 1}  # the functions that mark msgids, and how many leading literals

babel = pytest.importorskip("babel", reason="babel (the test extra) reads and checks the catalogues")
from babel.messages.pofile import read_po  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
import catalogues  # noqa: E402


def german_catalogue():
    with PO.open("rb") as f:
        return read_po(f, locale="de", domain="postlint")


def fields(text: str) -> set[str]:
    """The placeholder names of a brace-format message ("{count} Hashtags" -> {"count"})."""
    return {name.split("!")[0].split(".")[0] for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_catalogues_are_current():
    """`python tools/catalogues.py --check`: every msgid in the source is in the .po, the .mo
    is compiled from it (a stale one would ship old German)."""
    assert catalogues.main(["--check"]) == 0, "run python tools/catalogues.py and translate the new entries"


def test_every_message_is_translated_with_the_same_placeholders():
    entries = [m for m in german_catalogue() if m.id]
    assert len(entries) > 100
    for message in entries:
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        assert all(strings) and not message.fuzzy, f"untranslated or fuzzy: {message.id!r}"
        # German has the two plural forms of English: each form has the placeholders of its English form
        for english, text in zip(ids, strings, strict=True):
            assert fields(text) == fields(english), f"{message.id!r}: {text!r}"


def marked_calls():
    """(file, line, call) of every t(), nt() and N_() in postlint/."""
    for path in sorted((ROOT / "postlint").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in MARKERS:
                yield path.relative_to(ROOT), node.lineno, node


def test_marked_messages_are_literals():
    """pybabel extracts only string literals: an f-string or a variable in t() would reach
    users untranslated (N_ marks a literal kept for later)."""
    calls = list(marked_calls())
    assert len(calls) > 100
    for path, line, call in calls:
        if call.func.id == "t" and call.args and isinstance(call.args[0], (ast.Name, ast.Subscript, ast.Call)):
            continue  # a msgid marked with N_ where it is defined
        literals = call.args[:MARKERS[call.func.id]]
        assert literals and all(isinstance(a, ast.Constant) and isinstance(a.value, str) for a in literals), \
            f"{path}:{line}: {ast.unparse(call)[:80]}"


def template(text: str):
    """A regex matching what a brace-format message becomes once its placeholders are filled."""
    import re

    parts = []
    for literal, name, _, _ in string.Formatter().parse(text):
        parts.append(re.escape(literal))
        if name is not None:
            parts.append(".*?")
    return re.compile("".join(parts) + r"\Z", re.S)


def german_templates():
    found = []
    for message in german_catalogue():
        if message.id:
            strings = message.string if isinstance(message.string, tuple) else (message.string,)
            found += [template(s) for s in strings]
    return found


def fixture_cases():
    for path in FIXTURES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            if case["expect"]:
                yield data["rule"], case


@pytest.mark.slow
def test_every_fixture_finding_is_german():
    """All fixtures with German messages: each finding's message is a German catalogue
    message with its placeholders filled, and differs from the English run's."""
    templates = german_templates()
    seen = set()
    cases = list(fixture_cases())
    for code, case in cases:
        rules = {code: case["config"]} if "config" in case else None
        english = [f.message for f in lint(case["text"], rules=rules, channel=case.get("channel"))]
        i18n.use("de")
        try:
            german = lint(case["text"], rules=rules, channel=case.get("channel"))
        finally:
            i18n.use("en")
        assert len(german) == len(english)
        for finding, before in zip(german, english):
            assert any(p.match(finding.message) for p in templates), f"{case['name']}: {finding.message!r}"
            assert finding.message != before, f"{case['name']}: {finding.message!r} is the English message"
            seen.add(finding.code)
    assert len(seen) >= 30, sorted(seen)


def test_language_from_tags_and_environment():
    assert i18n.normalize("de_DE.UTF-8") == i18n.normalize("de-AT") == "de"
    assert i18n.normalize("en_GB") == "en" and i18n.normalize("fr_FR") is None and i18n.normalize("") is None
    assert i18n.from_environment({"LANG": "de_DE.UTF-8"}) == "de"
    assert i18n.from_environment({"LANGUAGE": "fr:de", "LANG": "en_US.UTF-8"}) == "de"  # gettext's order
    assert i18n.from_environment({"LC_ALL": "C", "LANG": "de_DE.UTF-8"}) is None  # C: the source language
    assert i18n.from_environment({"LC_MESSAGES": "en_US.UTF-8", "LANG": "de_DE.UTF-8"}) == "en"


def test_numbers_and_plurals_follow_the_language():
    i18n.use("de")
    assert i18n.number(12345) == "12.345"
    assert i18n.nt("{count} file", "{count} files", 1, count=1) == "1 Datei"
    assert i18n.nt("{count} file", "{count} files", 2, count=2) == "2 Dateien"
    i18n.use("en")
    assert i18n.number(12345) == "12,345"


HASHTAGS = "Text #a1 #b2 #c3 #d4 #e5 #f6\n"


def run(tmp_path, *args, env=None):
    (tmp_path / "draft.md").write_text(HASHTAGS, encoding="utf-8")
    return CliRunner().invoke(cli.main, list(args), env=env or {}, catch_exceptions=False)


@pytest.mark.parametrize(("args", "env", "german"), [
    (["--language", "de", "check", "--no-cache", "draft.md"], {}, True),
    (["check", "--no-cache", "--language=de", "draft.md"], {}, True),
    (["check", "--no-cache", "draft.md"], {"LANG": "de_DE.UTF-8"}, True),
    (["check", "--no-cache", "draft.md"], {"LC_ALL": "de_AT.UTF-8"}, True),
    (["check", "--no-cache", "--language", "en", "draft.md"], {"LANG": "de_DE.UTF-8"}, False),
    (["check", "--no-cache", "draft.md"], {"LANG": "en_US.UTF-8"}, False),
    (["check", "--no-cache", "draft.md"], {}, False),
])
def test_cli_language(tmp_path, monkeypatch, args, env, german):
    monkeypatch.chdir(tmp_path)
    result = run(tmp_path, *args, env=env)
    expected = ("6 Hashtags (max. 5): #f6", "1 Problem (1 Warnung) in 1 Datei gefunden (1 Datei geprüft).") \
        if german else ("6 hashtags (max 5): #f6", "Found 1 problem (1 warning) in 1 file (1 file checked).")
    assert all(text in result.output for text in expected), result.output


@pytest.mark.parametrize("name", ["postlint.toml", "pyproject.toml"])
def test_configured_language_and_its_precedence(tmp_path, monkeypatch, name):
    monkeypatch.chdir(tmp_path)
    table = "[tool.postlint]\n" if name == "pyproject.toml" else ""
    (tmp_path / name).write_text(f'{table}language = "de"\n', encoding="utf-8")
    assert "6 Hashtags (max. 5)" in run(tmp_path, "check", "--no-cache", "draft.md", env={"LANG": "en_US"}).output
    assert "6 hashtags (max 5)" in run(tmp_path, "check", "--no-cache", "--language", "en", "draft.md").output


def test_configured_language_is_validated(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "postlint.toml").write_text('language = "fr"\n', encoding="utf-8")
    result = run(tmp_path, "check", "--no-cache", "draft.md")
    assert result.exit_code == 2
    assert "postlint.toml: language: unknown value" in result.output or "language: expected one of en, de" in \
        result.output, result.output


@pytest.mark.parametrize("args", [["--language", "de", "--help"], ["--help", "--language", "de"],
                                  ["check", "--help", "--language", "de"]])
def test_help_in_german(tmp_path, monkeypatch, args):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.main, args)
    assert result.exit_code == 0
    assert "Aufruf:" in result.output and "Optionen:" in result.output
    assert "Diese Hilfe anzeigen und beenden." in result.output
    assert "Show this message" not in result.output
    if "check" in args:
        assert "Nur Befunde ausgeben, keine Zusammenfassung." in result.output
    else:
        assert "Ein Linter für Social-Media-Beiträge im Entwurf." in result.output
        assert "Entwürfe prüfen" in result.output  # the commands' short help


def test_click_errors_in_german(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(cli.main, ["--language", "de", "check", "--no-such-option"])
    assert result.exit_code == 2
    assert "Fehler: Unbekannte Option '--no-such-option'." in result.output


def test_json_keeps_codes_and_names_across_languages(tmp_path, monkeypatch):
    """Scripts read `code` and `name`: those stay the same in German."""
    monkeypatch.chdir(tmp_path)
    runs = [json.loads(run(tmp_path, "check", "--no-cache", "--format", "json", "--language", lang,
                           "draft.md").output) for lang in ("en", "de")]
    strip = lambda out: [{k: v for k, v in f.items() if k != "message"} for f in out["findings"]]  # noqa: E731
    assert strip(runs[0]) == strip(runs[1]) and runs[0]["findings"]
    assert runs[0]["findings"][0]["message"] != runs[1]["findings"][0]["message"]


def test_one_line_errors_in_german(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "bin.md").write_bytes(b"ab\0cd")  # one NUL byte: binary (every other one would be UTF-16)
    result = run(tmp_path, "--language", "de", "check", "--no-cache", "bin.md", "missing.md", "draft.md")
    assert result.exit_code == 2
    assert "bin.md: error: Binärdatei (enthält NUL-Bytes), kein Textentwurf" in result.output
    assert "missing.md: error: Datei oder Ordner nicht gefunden" in result.output
    assert "1 Problem (1 Warnung) in 1 Datei gefunden (1 Datei geprüft). 2 Dateien konnten nicht geprüft werden." \
        in result.output
    unknown = CliRunner().invoke(cli.main, ["rule", "too-many-hashtag", "--language", "de"])
    assert unknown.exit_code == 2
    assert "unbekannte Regel 'too-many-hashtag' (meinten Sie 'too-many-hashtags'?)" in unknown.output


def test_mo_file_is_what_gettext_reads():
    translation = gettext.translation("postlint", i18n.LOCALEDIR, languages=["de"])
    assert translation.gettext("Usage:") == "Aufruf:"


def test_readme_german_section_as_written(tmp_path, monkeypatch):
    """The README's "In German" commands and configuration, run as written."""
    import re

    from postlint import config as config_mod

    section = (ROOT / "README.md").read_text(encoding="utf-8").split("## In German", 1)[1].split("\n## ", 1)[0]
    commands = re.findall(r"```bash\n(.*?)```", section, re.S)[0].strip().splitlines()
    (toml,) = re.findall(r"```toml\n(.*?)```", section, re.S)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "post.md").write_text(HASHTAGS, encoding="utf-8")
    outputs = []
    for command in commands:
        assert command.startswith("postlint ")
        outputs.append(CliRunner().invoke(cli.main, command.split()[1:] + (["--no-cache"] if " check " in command
                                                                            else [])).output)
    assert "6 Hashtags (max. 5): #f6" in outputs[0] and "## Was die Regel prüft" in outputs[1]
    (tmp_path / "postlint.toml").write_text(toml, encoding="utf-8")
    assert config_mod.load(tmp_path / "postlint.toml").language == "de"
    result = CliRunner().invoke(cli.main, ["check", "--no-cache", "drafts/"])
    assert "1 Problem (1 Warnung) in 1 Datei gefunden (1 Datei geprüft)." in result.output


def test_configuration_errors_in_german(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "postlint.toml").write_text("colour = 1\n", encoding="utf-8")
    result = run(tmp_path, "--language", "de", "check", "--no-cache", "draft.md")
    assert result.exit_code == 2
    assert "postlint.toml: colour: unbekannter Schlüssel (erlaubt: accounts, calendar," in result.output
    (tmp_path / "postlint.toml").write_text("[rules.too-many-hashtags]\nmax = 'viele'\n", encoding="utf-8")
    result = run(tmp_path, "check", "--no-cache", "draft.md", env={"LANG": "de_CH.UTF-8"})
    assert "rules.too-many-hashtags.max: erwartet wird eine ganze Zahl, nicht 'viele'" in result.output


def test_stats_and_calendar_views_in_german(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "post.md").write_text("---\nscheduled: 2026-03-10T09:00:00+01:00\n---\nHallo #KI https://a.de\n",
                                      encoding="utf-8")
    stats = CliRunner().invoke(cli.main, ["--language", "de", "stats", "post.md"]).output
    assert "  Länge        22 Zeichen, 22 UTF-16-Einheiten" in stats and "  Erwähnungen  keine" in stats
    plan = CliRunner().invoke(cli.main, ["--language", "de", "calendar", "post.md"]).output
    assert "Woche          Mo      Di      Mi" in plan and "(kein Konto)" in plan
    assert "externer Link zu a.de" in plan
