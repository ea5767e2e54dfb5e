"""Machine formats (SARIF, GitHub annotations, JUnit, JSON lines) and the editor recipes in the docs."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest

from helpers import ROOT, SHARED
from postlint import formatters
from postlint.linter import Result
from postlint.problem import Finding, Level

SARIF_SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"
EDITORS_DOC = ROOT / "docs" / "integrations" / "editors.md"
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"
URI_CHARS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]+")


@pytest.fixture
def drafts(tmp_path):
    """A folder with a path that needs URI escaping, a multi-line finding and an unreadable file."""
    (tmp_path / "drafts" / "a b").mkdir(parents=True)
    (tmp_path / "drafts" / "x").mkdir()
    (tmp_path / "drafts" / "a b" / "Grüße.md").write_text(
        f"{FAMILY} Grüße https://www.beispiel.de/seite #KI #Mittelstand\nUnser Team grüßt.\n", encoding="utf-8")
    (tmp_path / "drafts" / "x" / "tweet.md").write_text(
        "---\nchannel: x\n---\n" + "Wort " * 60 + "\n\nZweiter Absatz, 100% ehrlich: a, b\n", encoding="utf-8")
    (tmp_path / "drafts" / "bad.md").write_bytes(b"\xff\xfe broken")
    return tmp_path


def check(cwd: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    # the rules these tests are about, so that rules added later do not change the expectations
    return subprocess.run([sys.executable, "-m", "postlint", "check", "--select", "PL0,PL1,PL2,PL3", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=60)


def json_findings(cwd: Path) -> list[dict]:
    return json.loads(check(cwd, "--format", "json", "drafts").stdout)["findings"]


def finding(**changes) -> Finding:
    values = dict(path="drafts/a.md", line=3, column=5, code="PL202", end_line=3, end_column=9,
                  name="too-many-hashtags", level=Level.WARNING, message="6 hashtags (max 5): #KI")
    return Finding(**{**values, **changes})


# -- SARIF --------------------------------------------------------------------------------------
@pytest.mark.slow
@pytest.mark.skipif(not SARIF_SCHEMA.is_file(), reason=f"SARIF schema not found at {SARIF_SCHEMA} (../shared absent)")
def test_sarif_is_valid_and_carries_every_finding(drafts):
    proc = check(drafts, "--format", "sarif", "drafts")
    assert proc.returncode == 2, proc.stderr
    log = json.loads(proc.stdout)
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.validators.validator_for(schema)(schema, format_checker=jsonschema.FormatChecker()).validate(log)

    (run,) = log["runs"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == drafts.resolve().as_uri() + "/"
    rules = run["tool"]["driver"]["rules"]
    # the rules the results use, in the order they first occur (results are written as they come)
    assert [r["id"] for r in rules] == ["PL301", "PL302", "PL102"]
    assert rules[0]["name"] == "external-link" and rules[0]["defaultConfiguration"]["level"] == "warning"
    assert rules[0]["help"]["markdown"].startswith("# external-link (PL301)")
    assert rules[0]["helpUri"].endswith("/docs/rules/external-link.md")

    expected = json_findings(drafts)
    assert len(run["results"]) == len(expected) == 3
    for result, want in zip(run["results"], expected):
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == want["code"]
        assert result["level"] == {"error": "error", "warning": "warning", "info": "note"}[want["severity"]]
        assert result["message"]["text"] == want["message"]
        (location,) = result["locations"]
        artifact, region = location["physicalLocation"]["artifactLocation"], location["physicalLocation"]["region"]
        assert artifact["uriBaseId"] == "%SRCROOT%" and unquote(artifact["uri"]) == want["path"]
        assert region == {"startLine": want["start"]["line"], "startColumn": want["start"]["column"],
                          "endLine": want["end"]["line"], "endColumn": want["end"]["column"]}
    assert run["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == \
        "drafts/a%20b/Gr%C3%BC%C3%9Fe.md"

    (invocation,) = run["invocations"]
    assert invocation["executionSuccessful"] is False
    (note,) = invocation["toolExecutionNotifications"]
    assert note["message"]["text"] == "invalid UTF-8 at byte 0 (line 1): invalid start byte"
    assert note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "drafts/bad.md"


@pytest.mark.slow
def test_sarif_meets_what_github_code_scanning_requires(drafts):
    """sarif-support.md and sarif-limits.md (linter-conventions.md §9), as far as they can be checked offline."""
    log = json.loads(check(drafts, "--format", "sarif", "drafts").stdout)
    assert log["version"] == "2.1.0" and log["$schema"].startswith("https://")
    assert 1 <= len(log["runs"]) <= 20
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "postlint" and driver["version"]
    assert len(driver["rules"]) <= 25_000 and len(run["results"]) <= 25_000
    for rule in driver["rules"]:
        assert rule["id"] and len(rule["name"]) <= 255
        for key in ("shortDescription", "fullDescription"):
            assert 0 < len(rule[key]["text"]) <= 1024
        assert rule["help"]["text"] and rule["defaultConfiguration"]["level"] in ("note", "warning", "error")
        assert len(rule["properties"]["tags"]) <= 20
    ids = {rule["id"] for rule in driver["rules"]}
    for result in run["results"]:
        assert result["ruleId"] in ids and result["message"]["text"].strip()
        assert 1 <= len(result["locations"]) <= 10
        # upload-sarif fills in primaryLocationLineHash itself; any other key would be ignored
        assert set(result.get("partialFingerprints", {})) <= {"primaryLocationLineHash"}
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
        assert URI_CHARS.fullmatch(uri) and not uri.startswith(("/", "file:")) and "\\" not in uri
        region = result["locations"][0]["physicalLocation"]["region"]
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])


def test_sarif_keeps_paths_outside_the_working_directory_absolute(tmp_path):
    inside, outside = finding(path="drafts/a.md"), finding(path=(tmp_path / "elsewhere" / "b.md").as_posix())
    root = tmp_path / "repo"
    run = json.loads(formatters.render("sarif", [Result("x", [inside, outside])], root=root))["runs"][0]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run["results"]]
    assert uris == [{"uri": "drafts/a.md", "uriBaseId": "%SRCROOT%"},
                    {"uri": (tmp_path / "elsewhere" / "b.md").as_uri()}]
    assert run["invocations"] == [{"executionSuccessful": True, "toolExecutionNotifications": []}]


# -- GitHub Actions -----------------------------------------------------------------------------
def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    """Read a workflow command back the way the runner does (actions/toolkit command.ts)."""
    def unescape(value: str) -> str:
        for code, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
            value = value.replace(code, char)
        return value

    match = re.fullmatch(r"::(\w+) ([^:]*)::(.*)", line)
    assert match, line
    props = dict(p.split("=", 1) for p in match.group(2).split(","))
    return match.group(1), {k: unescape(v) for k, v in props.items()}, unescape(match.group(3))


def test_github_annotations_escape_and_omit_columns_across_lines():
    tricky = finding(path="drafts/a:b,c%.md", message="50% off,\r\nreally: yes", level=Level.INFO)
    multi = finding(line=4, column=281, end_line=6, end_column=35, code="PL102", name="over-character-limit",
                    level=Level.ERROR, message="336 weighted characters (limit 280)")
    results = [Result("drafts/a.md", [tricky, multi]), Result("bad.md", error="binary file")]
    output = formatters.render("github", results)
    lines = output.splitlines()
    assert lines[0] == ("::notice file=drafts/a%3Ab%2Cc%25.md,line=3,endLine=3,col=5,endColumn=9,"
                        "title=PL202 too-many-hashtags::50%25 off,%0D%0Areally: yes")
    assert parse_command(lines[0]) == ("notice", {"file": "drafts/a:b,c%.md", "line": "3", "endLine": "3",
                                                  "col": "5", "endColumn": "9",
                                                  "title": "PL202 too-many-hashtags"}, tricky.message)
    assert parse_command(lines[1]) == ("error", {"file": "drafts/a.md", "line": "4", "endLine": "6",
                                                 "title": "PL102 over-character-limit"}, multi.message)
    assert parse_command(lines[2]) == ("error", {"file": "bad.md", "title": "postlint input error"}, "binary file")
    assert lines[3].startswith("Found 2 problems")
    assert formatters.render("github", [Result("a.md", [multi])], quiet=True).count("\n") == 0


@pytest.mark.slow
def test_format_auto_picks_github_only_inside_github_actions(drafts):
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    inside = check(drafts, "--format", "auto", "drafts/x", env={**env, "GITHUB_ACTIONS": "true"})
    outside = check(drafts, "--format", "auto", "drafts/x", env=env)
    assert inside.stdout.startswith("::error file=drafts/x/tweet.md,line=4,endLine=6,title=PL102 ")
    assert outside.stdout == check(drafts, "--format", "text", "drafts/x", env=env).stdout
    assert outside.stdout.startswith("drafts/x/tweet.md:4:281: PL102 [error]")


# -- JUnit and JSON lines -----------------------------------------------------------------------
@pytest.mark.slow
def test_junit_is_valid_xml_with_a_failure_per_finding(drafts):
    suites = ET.fromstring(check(drafts, "--format", "junit", "drafts").stdout)
    assert suites.tag == "testsuites" and suites.attrib["failures"] == "3" and suites.attrib["errors"] == "1"
    by_name = {suite.attrib["name"]: suite for suite in suites}
    assert set(by_name) == {"drafts/a b/Grüße.md", "drafts/bad.md", "drafts/x/tweet.md"}
    (bad,) = by_name["drafts/bad.md"]
    assert bad.find("error").attrib["message"].startswith("invalid UTF-8")
    (case,) = by_name["drafts/x/tweet.md"]
    failure = case.find("failure")
    assert case.attrib["name"] == "PL102 over-character-limit" and failure.attrib["type"] == "PL102"
    assert failure.text == "drafts/x/tweet.md:4:281: PL102 [error] 336 weighted characters (limit 280)"
    assert [c.attrib["name"] for c in by_name["drafts/a b/Grüße.md"]] == ["PL301 external-link", "PL302 missing-utm"]


def test_junit_escapes_markup_and_keeps_errors_next_to_findings():
    odd = finding(path='drafts/<&">.md', message="a <b> & \"c\"\x0b\x1b end")
    both = Result("plan.csv", [finding(path="plan.csv")], error="row 7: no date")
    suites = ET.fromstring(formatters.render("junit", [Result(odd.path, [odd]), Result("clean.md"), both]))
    (failing, passing, mixed) = suites
    assert failing.attrib["name"] == odd.path
    assert failing.find("testcase/failure").attrib["message"] == 'a <b> & "c"\\x0b\\x1b end'
    assert passing.find("testcase").attrib == {"name": "postlint", "classname": "clean.md", "file": "clean.md"}
    assert passing.find("testcase/failure") is None
    # a calendar with unreadable rows and findings: both are reported
    assert (mixed.attrib["tests"], mixed.attrib["failures"], mixed.attrib["errors"]) == ("2", "1", "1")
    assert mixed.find("testcase/error").attrib["message"] == "row 7: no date"
    assert suites.attrib["tests"] == "4"


@pytest.mark.slow
def test_json_lines_are_the_json_findings(drafts):
    lines = check(drafts, "--format", "json-lines", "drafts").stdout.splitlines()
    assert [json.loads(line) for line in lines] == json_findings(drafts)
    assert all("\\u" not in line for line in lines)


# -- editors: the recipes in docs/integrations/editors.md ------------------------------------
def documented(block: str) -> str:
    """The first fenced code block of a language in editors.md."""
    return EDITORS_DOC.read_text(encoding="utf-8").split(f"```{block}\n", 1)[1].split("\n```", 1)[0]


@pytest.mark.slow
def test_concise_output_matches_the_vscode_problem_matcher(drafts):
    matcher = json.loads(documented("json"))["tasks"][0]["problemMatcher"]
    pattern = re.compile(matcher["pattern"]["regexp"])
    groups = {key: matcher["pattern"][key] for key in ("file", "line", "column", "code", "severity", "message")}
    lines = check(drafts, "--format", "concise", "--quiet", "drafts").stdout.splitlines()
    expected = json_findings(drafts)
    assert len(lines) == len(expected) == 3
    for line, want in zip(lines, expected):
        match = pattern.match(line)
        assert match, line
        got = {key: match.group(index) for key, index in groups.items()}
        assert got == {"file": want["path"], "line": str(want["start"]["line"]),
                       "column": str(want["start"]["column"]), "code": want["code"],
                       "severity": want["severity"], "message": want["message"]}


@pytest.mark.slow
@pytest.mark.skipif(not (shutil.which("vim") or shutil.which("nvim")), reason="needs vim or nvim for the errorformat")
def test_vim_errorformat_fills_the_quickfix_list_and_jumps_right(tmp_path):
    (tmp_path / "post.md").write_text("Schöne Grüße aus Köln: https://www.beispiel.de/seite #KI\nUnser Team grüßt.\n",
                                      encoding="utf-8")
    (tmp_path / "out.txt").write_text(check(tmp_path, "--format", "concise", "--quiet", "post.md").stdout,
                                      encoding="utf-8")
    settings = [line.removeprefix("setlocal ") for line in documented("vim").splitlines()]
    script = [*(f"set {s}" for s in settings if s.startswith("errorformat")), "cgetfile out.txt",
              "call writefile([json_encode(getqflist())], 'qf.json')", "cfirst",
              "call writefile([getline('.')[col('.') - 1:]], 'cursor.txt')", "qa!"]
    (tmp_path / "script.vim").write_text("\n".join(script) + "\n", encoding="utf-8")
    editor = ([shutil.which("vim"), "-Nu", "NONE", "-i", "NONE", "-es"] if shutil.which("vim")
              else [shutil.which("nvim"), "--headless", "-u", "NONE", "-i", "NONE", "-n"])
    subprocess.run([*editor, "-S", "script.vim"], cwd=tmp_path, timeout=60, capture_output=True)
    entries = json.loads((tmp_path / "qf.json").read_text(encoding="utf-8"))
    assert [(e["lnum"], e["col"], e["nr"], e["type"], e["text"], e["valid"]) for e in entries] == [
        (1, 24, 301, "w", "external link to beispiel.de", 1),
        (1, 24, 302, "i", "link without utm_source, utm_medium, utm_campaign", 1)]
    # umlauts before the link: the cursor still lands on it
    assert (tmp_path / "cursor.txt").read_text(encoding="utf-8").startswith("https://www.beispiel.de/seite")
