"""Output formats. Each formatter is a function of the results; none changes them.

JSON output follows `docs/schema/output-v1.json`; bump OUTPUT_VERSION on any change that
is not a pure addition.
"""

from __future__ import annotations

import collections
import functools
import json
import os
import textwrap
import unicodedata
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import click
import regex

from postlint import __version__
from postlint.paths import docs_url
from postlint.problem import Level

OUTPUT_VERSION = "1"
ITEMS = "\0items\0"  # where a streamed JSON document's list goes (_streamed_json)
MARK = json.dumps(ITEMS)
COLORS = {Level.ERROR: "red", Level.WARNING: "yellow", Level.INFO: "cyan"}
INFORMATION_URI = "https://github.com/postlint/postlint"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
GITHUB_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}
# GitHub code scanning rejects longer rule descriptions (sarif-support.md, linter-conventions §9)
SARIF_TEXT_MAX = 1024
NOT_ASCII = regex.compile(r"[^\x00-\x7f]")
# what a terminal would act on rather than show: C0 controls (line breaks too: a name or a
# message cannot forge a line), DEL, C1 controls (CSI, OSC as single characters) and the
# bidirectional overrides and isolates that reorder what is shown; `_visible` escapes them
TERMINAL_CONTROL = regex.compile(r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
# characters XML 1.0 does not allow even as character references
XML_INVALID = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class Tally:
    """Counts of the results that passed through `count` (a streamed run's summary)."""

    def __init__(self):
        self.counts = {"files": 0, "findings": 0, "error": 0, "warning": 0, "info": 0, "unreadable": 0}
        self.flagged: set[str] = set()  # files with findings
        self.levels: collections.Counter = collections.Counter()

    def count(self, results) -> Iterator:
        counts, levels = self.counts, self.levels
        for result in results:
            counts["files"] += 1
            counts["unreadable"] += bool(result.error)
            if result.findings:
                counts["findings"] += len(result.findings)
                for finding in result.findings:
                    levels[finding.level] += 1
                self.flagged.update(finding.path for finding in result.findings)
            yield result
        for level, n in levels.items():  # by Level while counting: str() is a call per finding
            counts[str(level)] += n
        levels.clear()

    def summary(self) -> str:
        c = self.counts
        if not c["findings"] and not c["unreadable"]:
            text = f"All clear: {plural(c['files'], 'file')} checked, no problems."
        elif not c["findings"]:
            text = f"No problems in {plural(c['files'] - c['unreadable'], 'file')} checked."
        else:
            parts = ", ".join(plural(c[k], k) for k in ("error", "warning", "info") if c[k])
            text = f"Found {plural(c['findings'], 'problem')} ({parts}) in {plural(len(self.flagged), 'file')}."
        if c["unreadable"]:
            text += f" {plural(c['unreadable'], 'file')} could not be checked."
        return text


@functools.lru_cache(maxsize=4096)
def _extra_width(ch: str) -> int:
    """Terminal columns of a character beyond one: -1 for a combining mark, 1 for a wide one."""
    return -1 if unicodedata.combining(ch) else 1 if unicodedata.east_asian_width(ch) in "WF" else 0


def _width(text: str) -> int:
    return len(text) + sum(map(_extra_width, NOT_ASCII.findall(text)))  # ASCII is one column each


def _visible(text: str) -> str:
    """`text` with what a terminal would act on (TERMINAL_CONTROL) written as escapes such as
    `\\x1b`: post text and file names are printed, and may come from anyone."""
    if not TERMINAL_CONTROL.search(text):
        return text
    return TERMINAL_CONTROL.sub(lambda m: f"\\x{ord(m[0]):02x}" if ord(m[0]) < 0x100 else f"\\u{ord(m[0]):04x}",
                                text)


def _snippet(finding, source, color: bool, width: int = 100) -> list[str]:
    """The source line with carets under the span; long paragraphs are cut to a window."""
    line_text = source.line_text(finding.line).replace("\t", " ")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line_text)
    left = max(0, min(start - 20, len(line_text) - width))
    right = max(left + width, min(end, left + width))
    if TERMINAL_CONTROL.search(line_text):  # escaped piece by piece, so the carets stay under the span
        shown = ("…" if left else "") + _visible(line_text[left:right]) + ("…" if right < len(line_text) else "")
        pad = _width(("…" if left else "") + _visible(line_text[left:start]))
        marks = max(1, _width(_visible(line_text[start:min(end, right)])))
        gutter = f"{finding.line:>4} | "
        caret = " " * pad + "^" * marks
        if color:
            caret = click.style(caret, fg=COLORS[finding.level], bold=True)
        return [gutter + shown, " " * (len(gutter) - 2) + "| " + caret]
    shown = ("…" if left else "") + line_text[left:right] + ("…" if right < len(line_text) else "")
    pad = _width(shown[:start - left + (1 if left else 0)])
    marks = max(1, _width(line_text[start:min(end, right)]))
    gutter = f"{finding.line:>4} | "
    caret = " " * pad + "^" * marks
    if color:
        caret = click.style(caret, fg=COLORS[finding.level], bold=True)
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + caret]


def _headline(finding, color: bool) -> str:
    path, message = _visible(finding.path), _visible(finding.message)
    if color:
        where = click.style(f"{path}:{finding.line}:{finding.column}:", bold=True)
        level = click.style(f"[{finding.level}]", fg=COLORS[finding.level])
        return f"{where} {click.style(finding.code, bold=True)} {level} {message}"
    return f"{path}:{finding.line}:{finding.column}: {finding.code} [{finding.level}] {message}"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 or word == 'info' else 's'}"


# Each formatter yields its output a line (or a block of lines) at a time as the results
# arrive, so a run of any size is printed as it goes: `render` joins them.
def text(results, color: bool = False, quiet: bool = False) -> Iterator[str]:
    tally, shown = Tally(), False
    for result in tally.count(results):
        for finding in result.findings:
            shown = True
            yield _headline(finding, color)
            if result.draft is not None or result.raw is not None:
                yield from _snippet(finding, result, color)
    if not quiet:
        if shown:
            yield ""
        yield tally.summary()


def concise(results, color: bool = False, quiet: bool = False) -> Iterator[str]:
    tally = Tally()
    for result in tally.count(results):
        for finding in result.findings:
            yield _headline(finding, color)
    if not quiet:
        yield tally.summary()


def finding_dict(finding) -> dict:
    data = {
        "path": finding.path,
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.level),
        "message": finding.message,
        "start": {"line": finding.line, "column": finding.column},
        "end": {"line": finding.end_line, "column": finding.end_column},
        "url": docs_url(finding.name),
        "fix": None,
    }
    if finding.fix is not None:
        data["fix"] = {"start": finding.fix.start, "end": finding.fix.end, "content": finding.fix.content,
                       "applicability": "safe" if finding.fix.safe else "unsafe"}
    return data


def _streamed_json(document, items) -> Iterator[str]:
    """The lines of `json.dumps(document(ITEMS), indent=2)`, with the list that stands where
    `document` puts ITEMS written an item at a time. `document` is called once before the
    items and once after them: what it puts after ITEMS may count them, what it puts before
    may not."""
    before, _ = json.dumps(document(ITEMS), ensure_ascii=False, indent=2).split(MARK)
    *head, opening = before.split("\n")
    yield from head
    indent = " " * (len(opening) - len(opening.lstrip()) + 2)
    previous = None
    for item in items:
        yield opening + "[" if previous is None else previous + ","
        previous = textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), indent)
    if previous is not None:
        yield previous
    _, after = json.dumps(document(ITEMS), ensure_ascii=False, indent=2).split(MARK)
    yield (opening + "[]" if previous is None else indent[:-2] + "]") + after


def json_(results, color: bool = False, quiet: bool = False) -> Iterator[str]:
    tally, errors = Tally(), []

    def document(findings):
        return {"version": OUTPUT_VERSION, "tool": {"name": "postlint", "version": __version__},
                "findings": findings, "errors": errors, "summary": tally.counts}

    def findings():
        for result in tally.count(results):
            if result.error:
                errors.append({"path": result.path, "message": result.error})
            yield from (finding_dict(f) for f in result.findings)

    yield from _streamed_json(document, findings())


def json_lines(results, color: bool = False, quiet: bool = False) -> Iterator[str]:
    for result in results:
        for finding in result.findings:
            yield json.dumps(finding_dict(finding), ensure_ascii=False)


# -- SARIF 2.1.0 (GitHub code scanning) -----------------------------------------------------
def _clip(text: str, limit: int = SARIF_TEXT_MAX) -> str:
    return text if len(text) <= limit else text[:limit - 1] + "…"


def _what_it_does(rule) -> str:
    _, found, rest = rule.doc.partition("## What it does")
    return " ".join(rest.split("\n## ", 1)[0].split()) if found else rule.summary


def _sarif_rule(rule) -> dict:
    from postlint import docgen, registry

    docs = docgen.render(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _clip(rule.summary)},
        "fullDescription": {"text": _clip(_what_it_does(rule))},
        "helpUri": docs_url(rule.name),
        "help": {"text": docs, "markdown": docs},
        "defaultConfiguration": {"level": SARIF_LEVELS[rule.default_level]},
        "properties": {"tags": ["postlint", rule.family]},
    }


def _artifact(path: str, root: Path) -> dict:
    """A location relative to %SRCROOT% (the working directory), as GitHub recommends.

    Paths outside it cannot be relative to the repository, so they stay absolute file URIs.
    """
    full = os.path.normpath(os.path.join(root, path))
    relative = PurePosixPath(Path(os.path.relpath(full, root)).as_posix())
    if relative.parts[:1] == ("..",):
        return {"uri": Path(full).as_uri()}
    # a name that is not UTF-8 arrives with surrogates: percent-encoded as its bytes
    return {"uri": quote(str(relative), safe="/", errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def _sarif_result(finding, rule_index: dict[str, int], root: Path) -> dict:
    return {
        "ruleId": finding.code,
        "ruleIndex": rule_index[finding.code],
        "level": SARIF_LEVELS[finding.level],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": _artifact(finding.path, root),
            "region": {"startLine": finding.line, "startColumn": finding.column,
                       "endLine": finding.end_line, "endColumn": finding.end_column},
        }}],
    }


def sarif(results, color: bool = False, quiet: bool = False, root: Path | None = None) -> Iterator[str]:
    """SARIF 2.1.0; the results come first in the run, so the rules they use (indexed in
    the order they first occur) and the input errors can follow them."""
    from postlint import registry

    root = root or Path.cwd()
    rule_index: dict[str, int] = {}
    errors = []

    def document(items):
        run = {
            "results": items,
            "tool": {"driver": {"name": "postlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": INFORMATION_URI,
                                "rules": [_sarif_rule(registry.lookup(code)) for code in rule_index]}},
            "invocations": [{
                "executionSuccessful": not errors,
                "toolExecutionNotifications": [
                    {"level": "error", "message": {"text": r.error},
                     "locations": [{"physicalLocation": {"artifactLocation": _artifact(r.path, root)}}]}
                    for r in errors],
            }],
            "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
            "columnKind": "unicodeCodePoints",
        }
        return {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}

    def items():
        for result in results:
            if result.error:
                errors.append(result)
            for finding in result.findings:
                rule_index.setdefault(finding.code, len(rule_index))
                yield _sarif_result(finding, rule_index, root)

    yield from _streamed_json(document, items())


# -- GitHub Actions workflow commands ----------------------------------------------------------
def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(command: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{_escape_data(message)}"


def github(results, color: bool = False, quiet: bool = False) -> Iterator[str]:
    tally = Tally()
    for result in tally.count(results):
        if result.error:
            yield _annotation("error", result.error, file=result.path, title="postlint input error")
        for f in result.findings:
            where = {"file": f.path, "line": f.line, "endLine": f.end_line}
            # the runner rejects col/endColumn on multi-line spans (astral-sh/ruff#22074)
            if f.end_line == f.line:
                where.update(col=f.column, endColumn=f.end_column)
            yield _annotation(GITHUB_COMMANDS[f.level], f.message, **where, title=f"{f.code} {f.name}")
    if not quiet:
        yield tally.summary()


# -- JUnit XML ----------------------------------------------------------------------------------
def _xml_text(value: str) -> str:
    return XML_INVALID.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def _cases(result) -> int:
    return len(result.findings) + (1 if result.error or not result.findings else 0)


def junit(results, color: bool = False, quiet: bool = False) -> Iterator[str]:
    """One testsuite per file, one failing testcase per finding; a clean file is one passing case.

    An input error is an erroring case of its own: a calendar file can have findings and
    unreadable rows at once. The totals lead the document, so the results are collected
    (their findings only) before it is written.
    """
    import xml.etree.ElementTree as ET  # here: only this format pays for importing it

    tally = Tally()
    results = list(tally.count(results))
    counts = tally.counts
    root = ET.Element("testsuites", name="postlint", tests=str(sum(_cases(r) for r in results)),
                      failures=str(counts["findings"]), errors=str(counts["unreadable"]))
    for result in results:
        path = _xml_text(result.path)
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(_cases(result)),
                              failures=str(len(result.findings)), errors=str(int(bool(result.error))))
        if result.error or not result.findings:
            case = ET.SubElement(suite, "testcase", name="postlint", classname=path, file=path)
            if result.error:
                ET.SubElement(case, "error", message=_xml_text(result.error), type="input-error")
        for f in result.findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.code} {f.name}", classname=path, file=path,
                                 line=str(f.line))
            failure = ET.SubElement(case, "failure", message=_xml_text(f.message), type=f.code)
            failure.text = _xml_text(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.level}] {f.message}")
    ET.indent(root)
    yield ET.tostring(root, encoding="unicode", xml_declaration=True)


def render(fmt: str, results, **options) -> str:
    """The whole output of a formatter as one string."""
    return "\n".join(FORMATTERS[fmt](results, **options))


FORMATTERS = {"text": text, "concise": concise, "json": json_, "json-lines": json_lines, "sarif": sarif,
              "github": github, "junit": junit}
