"""The command line as users run it: a real subprocess, real files, real exit codes."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

GOOD = "Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand\n"
BAD = "Lest mehr: https://www.beispiel.de/x #a1 #b2 #c3 #d4 #e5 #f6 #g7\n"


def run(*args, stdin: bytes | None = None, cwd=None):
    proc = subprocess.run([sys.executable, "-m", "postlint", *args], input=stdin, capture_output=True, cwd=cwd)
    return proc.returncode, proc.stdout.decode(), proc.stderr.decode()


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "good.md").write_text(GOOD, encoding="utf-8")
    (tmp_path / "bad.md").write_text(BAD, encoding="utf-8")
    return tmp_path


@pytest.mark.slow
def test_clean_file_exits_zero(drafts):
    code, out, err = run("check", str(drafts / "good.md"))
    assert code == 0, out + err
    assert "no problems" in out


@pytest.mark.slow
def test_findings_exit_one_with_source_line_and_caret(drafts):
    code, out, _ = run("check", "--color", "never", str(drafts / "bad.md"))
    assert code == 1
    path = (drafts / "bad.md").as_posix()
    assert f"{path}:1:12: PL301 [warning] external link to beispiel.de" in out
    assert "   1 | Lest mehr:" in out
    caret_line = out.splitlines()[out.splitlines().index(next(l for l in out.splitlines() if "PL301" in l)) + 2]
    assert caret_line.endswith(" " * 11 + "^" * len("https://www.beispiel.de/x"))
    assert "\n\nFound 3 problems (2 warnings, 1 info) in 1 file (1 file checked).\n" in out
    # the missing UTM parameters have no fix (none configured); the hashtags past the maximum an unsafe one
    assert out.rstrip().endswith("No safe fixes (1 fix with `postlint check --fix --unsafe-fixes`).")


@pytest.mark.slow
def test_fail_on_and_exit_zero(drafts):
    bad = str(drafts / "bad.md")
    assert run("check", "--fail-on", "error", bad)[0] == 0
    assert run("check", "--exit-zero", bad)[0] == 0
    assert run("check", "--select", "PL203", bad)[0] == 0  # silent: 7 > max, too-many takes over
    assert run("check", "--select", "PL206", "--fail-on", "info", bad)[0] == 0


@pytest.mark.slow
def test_select_and_ignore_by_prefix_and_name(drafts):
    bad = str(drafts / "bad.md")
    _, out, _ = run("check", "--format", "concise", "--select", "PL2", bad)
    assert "PL202" in out and "PL301" not in out
    _, out, _ = run("check", "--format", "concise", "--ignore", "too-many-hashtags,PL3", bad)
    assert "PL202" not in out and "PL301" not in out and "PL302" not in out


@pytest.mark.slow
def test_unknown_selector_is_a_usage_error(drafts):
    code, _, err = run("check", "--select", "PL9", str(drafts / "good.md"))
    assert code == 2 and "'PL9' matches no rule" in err and "did you mean" not in err


@pytest.mark.slow
def test_a_misspelt_rule_gets_a_suggestion(drafts):
    code, _, err = run("check", "--select", "too-many-hashtag", str(drafts / "good.md"))
    assert code == 2 and "(did you mean 'too-many-hashtags'?)" in err
    code, _, err = run("rule", "PL2O2")
    assert code == 2 and "(did you mean 'PL202'?)" in err


@pytest.mark.slow
def test_stdin_with_filename(drafts):
    code, out, _ = run("check", "--format", "concise", "--stdin-filename", "drafts/x.md", "-", stdin=BAD.encode())
    assert code == 1
    assert out.startswith("drafts/x.md:1:12: PL301")


@pytest.mark.slow
def test_folder_walk_skips_hidden_and_other_suffixes(drafts):
    (drafts / ".hidden").mkdir()
    (drafts / ".hidden" / "a.md").write_text(BAD, encoding="utf-8")
    (drafts / "notes.json").write_text("{}", encoding="utf-8")
    (drafts / "sub").mkdir()
    (drafts / "sub" / "c.txt").write_text(BAD, encoding="utf-8")
    _, out, _ = run("check", "--format", "json", str(drafts))
    paths = {f["path"] for f in json.loads(out)["findings"]}
    assert paths == {(drafts / "bad.md").as_posix(), (drafts / "sub" / "c.txt").as_posix()}


@pytest.mark.parametrize(("content", "fragment"), [
    (b"Gr\xfc\xdfe #KI", "invalid UTF-8 at byte 2 (line 1)"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    (b"---\nchannel: [linkedin\n---\nText", "malformed front matter"),
    (b"---\n- a\n- b\n---\nText", "malformed front matter: expected key: value pairs"),
    (b"---\nchannel: linkedin\nscheduled: 2026-02-30\n---\nText", "malformed front matter (line 3): day is out"),
    (b"---\nscheduled: 2026-02-30 # no day 30\n---\nText", "malformed front matter (line 2): day is out"),
])
@pytest.mark.slow
def test_bad_input_is_one_line_exit_two_and_other_files_still_checked(drafts, content, fragment):
    broken = drafts / "broken.md"
    broken.write_bytes(content)
    code, out, err = run("check", "--format", "concise", str(broken), str(drafts / "bad.md"))
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{broken.as_posix()}: error: ") and fragment in lines[0]
    assert "Traceback" not in err
    assert "PL301" in out  # the other file was still checked


@pytest.mark.slow
def test_huge_file_is_refused_without_reading_it(drafts):
    huge = drafts / "huge.md"
    with huge.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    code, _, err = run("check", str(huge), str(drafts / "good.md"))
    assert code == 2
    assert f"{huge.as_posix()}: error: file too large (52.4 MB > 1 MB limit" in err


def test_missing_path(drafts):
    code, _, err = run("check", str(drafts / "nope.md"))
    assert code == 2 and "no such file or directory" in err


@pytest.mark.slow
def test_crlf_and_bom_keep_positions(drafts):
    path = drafts / "crlf.md"
    path.write_bytes("\ufeff---\r\nchannel: linkedin\r\n---\r\nZeile\r\nLest mehr: https://www.beispiel.de/x #a #b #c\r\n"
                     .encode("utf-8"))
    _, out, _ = run("check", "--format", "json", str(path))
    (finding,) = [f for f in json.loads(out)["findings"] if f["code"] == "PL301"]
    assert finding["start"] == {"line": 5, "column": 12}
    assert finding["end"] == {"line": 5, "column": 37}
    assert path.read_bytes().startswith(b"\xef\xbb\xbf---\r\n")  # never modified


@pytest.mark.slow
def test_rules_and_rule(drafts):
    code, out, _ = run("rules", "--format", "json")
    rows = json.loads(out)
    assert code == 0 and {"PL101", "PL202", "PL301"} <= {r["code"] for r in rows}
    code, out, _ = run("rule", "too-many-hashtags")
    assert code == 0 and out.startswith("# too-many-hashtags (PL202)") and "Abschnitt „1. Hashtags“" in out
    assert run("rule", "PL202")[1] == out
    assert run("rule", "PL999")[0] == 2


@pytest.mark.slow
def test_stats_json(drafts):
    text = "---\nchannel: x\n---\nHallo 👋 #KI und #Größe: https://firma.de @anna max@firma.de\n"
    code, out, _ = run("stats", "--format", "json", "-", stdin=text.encode())
    assert code == 0
    (stats,) = json.loads(out)
    body = "Hallo 👋 #KI und #Größe: https://firma.de @anna max@firma.de"
    assert stats["channel"] == "x" and stats["type"] == "post"
    assert stats["length"]["characters"] == len(body)
    assert stats["length"]["utf16"] == len(body) + 1
    assert stats["length"]["x_weighted"] == len(body) - len("https://firma.de") + 23 + 1
    assert [(h["tag"], h["start"], h["end"]) for h in stats["hashtags"]] == [
        ("KI", body.index("#KI"), body.index("#KI") + 3), ("Größe", body.index("#Größe"), body.index("#Größe") + 6)]
    assert [u["url"] for u in stats["urls"]] == ["https://firma.de"]
    assert [m["mention"] for m in stats["mentions"]] == ["anna"]
    assert stats["emoji"] == 1
    code, out, _ = run("stats", "-", stdin=text.encode())
    assert "#KI (4:9)" in out and "x_weighted" not in out


def test_options_are_declared_once_for_click_and_the_replay():
    """The replay reads `check`'s command line without click, from the table click's options
    are built from (options.py): the two cannot drift apart."""
    import click

    from postlint import cli, options, replay

    declared = {name for o in options.CHECK for name in o.names}
    built = {name for param in cli.check.params if isinstance(param, click.Option)
             for name in param.opts + param.secondary_opts} - {"--help", "-h"}
    assert built == declared
    # --no-cache, --stdin-filename and --output are left to a normal run on purpose, and so
    # are the fixing options: a run that writes files is never replayed
    assert replay.FLAGS | replay.VALUE_OPTIONS == declared - {
        "--no-cache", "--stdin-filename", "--output", "-o", "--fix", "--unsafe-fixes", "--diff", "--fix-only"}
    assert "--exit-zero" in replay.FLAGS and "--jobs" in replay.VALUE_OPTIONS


