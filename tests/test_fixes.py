"""Fixes: the before/after fixture of every fix, the fix loop, writes that lose nothing, the
command line (--fix, --unsafe-fixes, --diff, --fix-only), the outputs and the language
server's handling of what clients send back."""

from __future__ import annotations

import json
import os
import stat
import tomllib
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import ROOT, SHARED, make_config
from postlint import cli, fixes, registry
from postlint.linter import Linter, Options
from postlint.problem import Finding, Fix, InputError, Level
from postlint.source import decode

FIXTURES = sorted((Path(__file__).parent / "fixtures").glob("*.toml"))
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # 👨‍👩‍👧‍👦, a ZWJ sequence


def fix_cases():
    for path in FIXTURES:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for case in data["case"]:
            if "fixed" in case:
                yield pytest.param(data["rule"], case, id=f"{path.stem}: {case['name']}")


def fixed_by(code: str, text: str, config: dict | None = None, unsafe: bool = True,
             accounts: dict | None = None) -> fixes.Outcome:
    """The fix loop with only `code`'s fixes, as `check --fix --select CODE` would run it."""
    linter = Linter(Options(), make_config({code: config} if config else None,
                                           **({"accounts": accounts} if accounts else {})))
    raw = decode(text.encode("utf-8"))
    return fixes.fix_text(lambda t: [f for f in linter.lint_text(t, Path("draft.md"), "draft.md").findings
                                     if f.code == code], raw, unsafe)


# -- every fix, before and after ------------------------------------------------------------------
@pytest.mark.parametrize(("code", "case"), list(fix_cases()))
def test_fixture_fix(code, case):
    outcome = fixed_by(code, case["text"], case.get("config"), accounts=case.get("accounts"))
    assert outcome.problem is None
    assert outcome.text == case["fixed"]
    # fixing the fixed text changes nothing, and nothing this rule can fix is left
    again = fixed_by(code, outcome.text, case.get("config"), accounts=case.get("accounts"))
    assert again.text == outcome.text and again.count == 0
    if case["fixed"] != case["text"]:
        # an unsafe fix waits for --unsafe-fixes; a safe one does not
        assert (fixed_by(code, case["text"], case.get("config"), unsafe=False,
                         accounts=case.get("accounts")).text == case["text"]) \
            == case.get("unsafe", False)


def test_every_rule_with_a_fix_documents_it_and_has_a_fixture():
    fixed_codes = {code for code, case in (p.values for p in fix_cases()) if case["fixed"] != case["text"]}
    documented = {r.code for r in registry.rules() if "\n## Fix\n" in r.doc}
    assert documented == fixed_codes
    for rule in registry.rules():
        if rule.code in documented:
            section = rule.doc.split("\n## Fix\n", 1)[1].lstrip()
            assert section.startswith(("Safe", "Unsafe")), rule.code


# -- applying edits --------------------------------------------------------------------------------
def finding(start: int, end: int, content: str, code: str = "PL206") -> Finding:
    return Finding("a.md", 1, 1, code, 1, 1, "x", Level.INFO, "m", fix=Fix(start, end, content))


def test_apply_sorts_skips_conflicts_and_applies_identical_edits_once():
    text = "abcdefghij"
    new, applied = fixes.apply(text, [finding(6, 8, "X"), finding(0, 2, ""), finding(1, 3, "Y"),
                                      finding(6, 8, "X"), finding(9, 9, "<"), finding(9, 9, ">")])
    assert new == "cdefX" + "i<j"
    assert [f.fix.content for f in applied] == ["", "X", "X", "<"]  # the overlapping and the 2nd insert wait


def test_adjacent_removals_both_apply():
    assert fixes.apply("ab cd ef", [finding(2, 5, ""), finding(5, 8, "")])[0] == "ab"


def test_a_loop_that_does_not_settle_leaves_the_text_as_it_was():
    flip = {"a": [finding(0, 1, "b")], "b": [finding(0, 1, "a")]}
    outcome = fixes.fix_text(lambda text: flip[text], "a")
    assert outcome.text == "a" and outcome.count == 0 and "do not settle" in outcome.problem


def test_a_fix_that_breaks_the_draft_is_not_kept():
    def lint(text):
        if text != "ok":
            raise InputError("malformed front matter")
        return [finding(0, 2, "broken")]

    outcome = fixes.fix_text(lint, "ok")
    assert outcome.text == "ok" and "would break" in outcome.problem


def test_a_fix_across_an_author_note_is_dropped():
    text = "Hallo #KI <!-- Notiz --> und #KI <!-- Notiz --> #KI\n"
    linter = Linter()
    dups = [f for f in linter.lint_text(text, Path("a.md"), "a.md").findings if f.code == "PL206"]
    # the first removal stays clear of the notes; the second would take the space before the
    # tag, which in the post text joins the space before the note: the note would go with it
    assert [text[f.fix.start:f.fix.end] if f.fix else None for f in dups] == [" #KI", None]
    moved = Linter(Options(select=("PL511",))).lint_text(
        "---\nsponsored: true\n---\nSeit drei Wochen <!-- Notiz --> teste ich.\n\n#Laufen #Werbung\n",
        Path("a.md"), "a.md").findings
    assert [f.fix for f in moved] == [None]  # the move would delete the note


# -- bytes outside the edits ---------------------------------------------------------------------
def test_restore_keeps_bom_and_each_lines_ending():
    original = "\ufeff---\r\nchannel: x\n---\r\nHallo #KI #KI\r\nZeile\rEnde"
    old = decode(original.encode("utf-8"))
    new = old.replace("#KI #KI", "#KI")
    assert fixes.restore(original, old, new) == original.replace("#KI #KI", "#KI")
    inserted = old.replace("Zeile\n", "Zeile\nneu\n")
    assert fixes.restore(original, old, inserted) == original.replace("Zeile\r", "Zeile\rneu\r\n")


PIECE = st.sampled_from(["Hallo", "Grüße", FAMILY, "Cafe\u0301", "e\u0301\u0301", "\u00a0", " ", "  ", "\t",
                         "\r\n", "\n", "\r", "🚀", "#KI", "#ki", "#Köln", "#köln", "<!-- notiz -->", "Welt."])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pieces=st.lists(PIECE, max_size=25), bom=st.booleans())
def test_fixing_changes_only_the_edited_bytes_and_settles(pieces, bom):
    original = ("\ufeff" if bom else "") + "".join(pieces)
    data = original.encode("utf-8")
    linter = Linter(Options(select=("PL206",)))
    try:
        fixed = fixes.fix_input(linter, data, Path("a.md"), "a.md", unsafe=False)
    except InputError:
        return
    assert fixed.outcome.problem is None
    # what is left of the input, in order, is the fixed file: only removals were made
    removed = iter(fixed.after)
    assert all(ch in removed for ch in fixed.after) and _subsequence(fixed.after, original)
    assert fixed.after.startswith("\ufeff") == bom
    assert fixed.after.count("\r\n") <= original.count("\r\n")
    again = fixes.fix_input(linter, fixed.after.encode("utf-8"), Path("a.md"), "a.md", unsafe=False)
    assert again.after == fixed.after  # twice is once
    left = linter.lint_text(decode(fixed.after.encode("utf-8")), Path("a.md"), "a.md").findings
    assert not [f for f in left if f.fix is not None and f.fix.safe]


def _subsequence(small: str, large: str) -> bool:
    it = iter(large)
    return all(ch in it for ch in small)


# -- the command line ----------------------------------------------------------------------------
def check(*args, input: bytes | None = None):
    result = CliRunner().invoke(cli.main, ["check", "--no-cache", *args], input=input)
    # the bytes: click's `output` turns CRLF into LF
    return result.exit_code, result.stdout_bytes.decode("utf-8"), result.stderr_bytes.decode("utf-8")


DRAFT = "---\r\nchannel: linkedin\r\n---\r\nWas meint ihr? #KI #Mittelstand #KI\r\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "postlint.toml").write_text('select = ["PL0", "PL2"]\n', encoding="utf-8")
    return tmp_path


def test_fix_writes_in_place_keeping_bom_crlf_and_mode(folder):
    path = folder / "post.md"
    path.write_bytes(b"\xef\xbb\xbf" + DRAFT.encode("utf-8"))
    path.chmod(0o640)
    code, out, err = check("--fix", "post.md")
    assert path.read_bytes() == b"\xef\xbb\xbf" + DRAFT.replace(" #Mittelstand #KI", " #Mittelstand").encode("utf-8")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert code == 0 and "Fixed 1 problem." in out, out + err
    assert not [p for p in os.listdir(folder) if p.startswith(".post.md")]  # no temporary file left


def test_a_symbolic_link_stays_a_link(folder):
    (folder / "real.md").write_bytes(DRAFT.encode("utf-8"))
    (folder / "link.md").symlink_to("real.md")
    check("--fix", "link.md")
    assert (folder / "link.md").is_symlink()
    assert (folder / "real.md").read_bytes() == DRAFT.replace(" #Mittelstand #KI", " #Mittelstand").encode("utf-8")


def test_text_output_marks_the_fixable_and_counts_them(folder):
    (folder / "post.md").write_text("---\nchanel: linkedin\n---\nWas meint ihr? #KI #KI\n", encoding="utf-8")
    code, out, _ = check("post.md")
    assert code == 1
    assert "PL206 [info] [*] duplicate hashtag #KI" in out
    assert "PL001 [error] unknown front matter key 'chanel'" in out  # unsafe: no mark without --unsafe-fixes
    assert out.rstrip().endswith("[*] 1 fixable with `postlint check --fix` (1 more with `--unsafe-fixes`).")
    code, out, _ = check("--unsafe-fixes", "post.md")
    assert "PL001 [error] [*] unknown front matter key" in out
    assert out.rstrip().endswith("[*] 2 fixable with `postlint check --fix --unsafe-fixes`.")


def test_unsafe_fixes_apply_only_when_asked(folder):
    path = folder / "post.md"
    path.write_text("---\nchanel: linkedin\n---\nWas meint ihr? #KI #KI\n", encoding="utf-8")
    check("--fix", "post.md")
    assert path.read_text(encoding="utf-8") == "---\nchanel: linkedin\n---\nWas meint ihr? #KI\n"
    code, out, _ = check("--fix", "--unsafe-fixes", "post.md")
    assert path.read_text(encoding="utf-8") == "---\nchannel: linkedin\n---\nWas meint ihr? #KI\n"
    assert code == 0 and "Fixed 1 problem." in out


def test_diff_writes_nothing_and_exits_one(folder):
    path = folder / "post.md"
    path.write_bytes(DRAFT.encode("utf-8"))
    code, out, err = check("--diff", "post.md")
    assert code == 1 and path.read_bytes() == DRAFT.encode("utf-8")
    assert out.startswith("--- post.md\n+++ post.md\n") and "-Was meint ihr? #KI #Mittelstand #KI\r\n" in out
    assert "Would fix 1 problem in 1 file." in err
    check("--fix", "post.md")
    assert check("--diff", "post.md")[:2] == (0, "")


def test_diff_to_an_output_file_and_of_stdin(folder):
    (folder / "post.md").write_bytes(DRAFT.encode("utf-8"))
    code, out, _ = check("--diff", "--output", "changes.patch", "post.md")
    assert code == 1 and out == ""
    assert (folder / "changes.patch").read_bytes().startswith(b"--- post.md\n+++ post.md\n")
    code, out, _ = check("--diff", "--stdin-filename", "drafts/a.md", "-", input=DRAFT.encode("utf-8"))
    assert code == 1 and out.startswith("--- drafts/a.md\n") and "+Was meint ihr? #KI #Mittelstand\r\n" in out


def test_fix_only_lists_no_findings(folder):
    (folder / "post.md").write_bytes(DRAFT.encode("utf-8"))
    code, out, err = check("--fix-only", "post.md")
    assert code == 0 and out == "" and "Fixed 1 problem in 1 file." in err


def test_stdin_fix_prints_the_fixed_text(folder):
    code, out, err = check("--fix", "-", input=DRAFT.encode("utf-8"))
    assert out == DRAFT.replace(" #Mittelstand #KI", " #Mittelstand")
    assert "Fixed 1 problem." in err and code == 0


def test_input_errors_are_never_written(folder):
    broken = folder / "broken.md"
    broken.write_bytes(b"---\nchannel: [x\n---\nWas meint ihr? #KI #KI\n")
    (folder / "post.md").write_bytes(DRAFT.encode("utf-8"))
    code, _, err = check("--fix", "broken.md", "post.md")
    assert code == 2 and "broken.md: error: malformed front matter" in err
    assert broken.read_bytes() == b"---\nchannel: [x\n---\nWas meint ihr? #KI #KI\n"
    assert (folder / "post.md").read_bytes() != DRAFT.encode("utf-8")  # the other file is fixed
    code, _, err = check("--fix-only", "broken.md")
    assert code == 2 and "malformed front matter" in err


def test_calendars_are_not_rewritten(folder):
    calendar = folder / "plan.csv"
    calendar.write_text("date,channel,text\n2026-12-01T09:00:00+01:00,linkedin,Was meint ihr? #KI #KI\n",
                        encoding="utf-8")
    before = calendar.read_bytes()
    code, out, err = check("--fix", "--format", "json", "plan.csv")
    assert calendar.read_bytes() == before
    assert "fixes are not applied to calendar files (not applicable)" in err
    findings = json.loads(out)["findings"]
    assert [f["fix"] for f in findings if f["code"] == "PL206"] == [None]


@pytest.mark.slow  # every bundled example, fixed and checked again: about a second
def test_after_fix_no_safe_fix_is_left_in_the_examples(tmp_path, monkeypatch):
    import shutil

    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    check("--fix", "examples")
    code, out, _ = check("--format", "json", "examples")
    left = [f for f in json.loads(out)["findings"] if f["fix"] and f["fix"]["applicability"] == "safe"]
    assert left == []


# -- outputs ---------------------------------------------------------------------------------
def test_json_carries_the_edit_and_matches_the_schema(folder):
    (folder / "post.md").write_text(f"{FAMILY} Was meint ihr? #KI #KI\n", encoding="utf-8")
    _, out, _ = check("--format", "json", "post.md")
    document = json.loads(out)
    schema = json.loads((ROOT / "docs" / "schema" / "output-v1.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(document)
    (dup,) = [f for f in document["findings"] if f["code"] == "PL206"]
    # the family is 7 code points: the tag after it starts at column 7 + 1 + 15 = 23
    assert dup["fix"] == {"start": 26, "end": 30, "content": "", "applicability": "safe",
                          "edits": [{"start": {"line": 1, "column": 27}, "end": {"line": 1, "column": 31},
                                     "content": ""}]}
    _, lines, _ = check("--format", "json-lines", "post.md")
    assert [json.loads(line)["fix"] for line in lines.splitlines() if '"PL206"' in line] == [dup["fix"]]


def test_sarif_carries_fixes_with_artifact_changes(folder):
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip("needs ../shared/schemas/sarif-schema-2.1.0.json")
    (folder / "post.md").write_text("Was meint ihr? #KI #KI\n", encoding="utf-8")
    _, out, _ = check("--format", "sarif", "post.md")
    document = json.loads(out)
    jsonschema.Draft7Validator(json.loads(schema_path.read_text(encoding="utf-8"))).validate(document)
    (result,) = [r for r in document["runs"][0]["results"] if r["ruleId"] == "PL206"]
    (fix,) = result["fixes"]
    (change,) = fix["artifactChanges"]
    assert change["artifactLocation"] == {"uri": "post.md", "uriBaseId": "%SRCROOT%"}
    assert change["replacements"] == [{"deletedRegion": {"startLine": 1, "startColumn": 19, "endLine": 1,
                                                         "endColumn": 23}, "insertedContent": {"text": ""}}]
    assert fix["properties"] == {"applicability": "safe"}


# -- the language server --------------------------------------------------------------------------
lsp_mod = pytest.importorskip("postlint.lsp", reason="needs pygls (pip install -e '.[lsp]')")
POST = f"{FAMILY} Was meint ihr? #KI #KI #KI\n"


def published(text: str = POST):
    from postlint.lsp import Text, diagnostic

    linter = Linter(Options(select=("PL2",)))
    result = linter.lint_text(text, Path("post.md"), "post.md")
    return [diagnostic(f, Text(result.draft.raw, "utf-16"), 0) for f in result.findings]


def stripped(diag, **data):
    """The diagnostic as a client sends it back: `data` replaced (None: no data at all)."""
    import attrs

    return attrs.evolve(diag, data=None if data.get("none") else data)


@pytest.mark.parametrize("data", [
    {"none": True},                                          # no data at all
    {"code": "PL206"},                                       # keys missing (Lua drops nulls)
    {"code": "PL206", "name": "duplicate-hashtag", "line": 0, "in_body": True, "suppressible": True,
     "extra": [1, 2], "fix": {"range": "nonsense"}},          # extra keys and a broken fix
    {"code": 17, "line": "x"},                               # wrong types
])
def test_quick_fixes_survive_what_clients_send_back(data):
    from postlint.lsp import code_actions

    diags = [d for d in published() if d.code == "PL206"]
    sent = [stripped(d, **data) for d in diags]
    titles = [a.title for a in code_actions("file:///post.md", POST, sent, "utf-16", diags)]
    # matched with the published diagnostics: their fixes; the line action once for both
    assert titles == ["Fix PL206 (duplicate-hashtag)", "Disable PL206 (duplicate-hashtag) for this line",
                      "Disable PL206 (duplicate-hashtag) in this file (front matter)",
                      "Fix PL206 (duplicate-hashtag)"]
    # without the published ones (an older document): the code and range still give the suppressions
    fallback = [a.title for a in code_actions("file:///post.md", POST, sent, "utf-16")]
    assert "Disable PL206 (duplicate-hashtag) for this line" in fallback and fallback.count(fallback[0]) == 1


def test_quick_fix_edit_counts_utf16_units_and_keeps_crlf():
    from postlint.lsp import code_actions

    document = POST.replace("\n", "\r\n")
    (first, *_) = [d for d in published() if d.code == "PL206"]
    (fix, *_) = code_actions("file:///post.md", document, [first], "utf-16", [first])
    (edit,) = fix.edit.changes["file:///post.md"]
    # the family is 11 UTF-16 units (4 emoji of 2, 3 joiners)
    assert (edit.range.start.character, edit.range.end.character, edit.new_text) == (30, 34, "")


def test_fix_all_is_one_edit_giving_the_cli_result():
    from postlint.lsp import fix_all_action

    document = "\ufeff" + POST.replace("\n", "\r\n") + "Zweite Zeile #ki\r\n"
    fixed = fixes.fix_input(Linter(Options(select=("PL2",))), document.encode("utf-8"), Path("post.md"),
                            "post.md", unsafe=False).after
    action = fix_all_action("file:///post.md", document, fixed, "utf-16")
    (edit,) = action.edit.changes["file:///post.md"]
    assert action.kind == "source.fixAll.postlint" and action.title == "Fix all postlint problems"
    lines = document.split("\r\n")
    start = sum(len(line) + 2 for line in lines[:edit.range.start.line]) + _code_points(
        lines[edit.range.start.line], edit.range.start.character)
    end = sum(len(line) + 2 for line in lines[:edit.range.end.line]) + _code_points(
        lines[edit.range.end.line], edit.range.end.character)
    assert document[:start] + edit.new_text + document[end:] == fixed
    assert fixed == "\ufeff" + f"{FAMILY} Was meint ihr? #KI\r\nZweite Zeile\r\n"
    assert fix_all_action("file:///post.md", fixed, fixed, "utf-16") is None


def _code_points(line: str, units: int) -> int:
    count = 0
    for index, char in enumerate(line):
        if count >= units:
            return index
        count += 2 if ord(char) > 0xFFFF else 1
    return len(line)
