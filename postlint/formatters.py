"""Output formats. Each formatter is a function of the results; none changes them.

JSON output follows `docs/schema/output-v1.json`; bump OUTPUT_VERSION on any change that
is not a pure addition.
"""

from __future__ import annotations

import json
import os
import unicodedata
import xml.etree.ElementTree as ET
from pathlib import Path, PurePosixPath
from urllib.parse import quote

import click
import regex

from postlint import __version__
from postlint.problem import Level

OUTPUT_VERSION = "1"
COLORS = {Level.ERROR: "red", Level.WARNING: "yellow", Level.INFO: "cyan"}
INFORMATION_URI = "https://github.com/postlint/postlint"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
SARIF_LEVELS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "note"}
GITHUB_COMMANDS = {Level.ERROR: "error", Level.WARNING: "warning", Level.INFO: "notice"}
# GitHub code scanning rejects longer rule descriptions (sarif-support.md, linter-conventions §9)
SARIF_TEXT_MAX = 1024
# characters XML 1.0 does not allow even as character references
XML_INVALID = regex.compile(r"[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def summary_counts(results) -> dict[str, int]:
    counts = {"files": len(results), "findings": 0, "error": 0, "warning": 0, "info": 0,
              "unreadable": sum(1 for r in results if r.error)}
    for result in results:
        for finding in result.findings:
            counts["findings"] += 1
            counts[str(finding.level)] += 1
    return counts


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _snippet(finding, source, color: bool, width: int = 100) -> list[str]:
    """The source line with carets under the span; long paragraphs are cut to a window."""
    line_text = source.line_text(finding.line).replace("\t", " ")
    start = finding.column - 1
    end = finding.end_column - 1 if finding.end_line == finding.line else len(line_text)
    left = max(0, min(start - 20, len(line_text) - width))
    right = max(left + width, min(end, left + width))
    shown = ("…" if left else "") + line_text[left:right] + ("…" if right < len(line_text) else "")
    pad = _width(shown[:start - left + (1 if left else 0)])
    marks = max(1, _width(line_text[start:min(end, right)]))
    gutter = f"{finding.line:>4} | "
    caret = " " * pad + "^" * marks
    if color:
        caret = click.style(caret, fg=COLORS[finding.level], bold=True)
    return [gutter + shown, " " * (len(gutter) - 2) + "| " + caret]


def _headline(finding, color: bool) -> str:
    where = f"{finding.path}:{finding.line}:{finding.column}:"
    level = f"[{finding.level}]"
    if color:
        where = click.style(where, bold=True)
        level = click.style(level, fg=COLORS[finding.level])
        return f"{where} {click.style(finding.code, bold=True)} {level} {finding.message}"
    return f"{where} {finding.code} {level} {finding.message}"


def plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 or word == 'info' else 's'}"


def summary_line(results) -> str:
    c = summary_counts(results)
    if not c["findings"] and not c["unreadable"]:
        text = f"All clear: {plural(c['files'], 'file')} checked, no problems."
    elif not c["findings"]:
        text = f"No problems in {plural(c['files'] - c['unreadable'], 'file')} checked."
    else:
        parts = ", ".join(plural(c[k], k) for k in ("error", "warning", "info") if c[k])
        files = len({f.path for r in results for f in r.findings})
        text = f"Found {plural(c['findings'], 'problem')} ({parts}) in {plural(files, 'file')}."
    if c["unreadable"]:
        text += f" {plural(c['unreadable'], 'file')} could not be checked."
    return text


def text(results, color: bool = False, quiet: bool = False) -> str:
    lines = []
    for result in results:
        for finding in result.findings:
            lines.append(_headline(finding, color))
            if result.draft is not None or result.raw is not None:
                lines += _snippet(finding, result, color)
    if not quiet:
        if lines:
            lines.append("")
        lines.append(summary_line(results))
    return "\n".join(lines)


def concise(results, color: bool = False, quiet: bool = False) -> str:
    lines = [_headline(f, color) for r in results for f in r.findings]
    if not quiet:
        lines.append(summary_line(results))
    return "\n".join(lines)


def finding_dict(finding) -> dict:
    data = {
        "path": finding.path,
        "code": finding.code,
        "name": finding.name,
        "severity": str(finding.level),
        "message": finding.message,
        "start": {"line": finding.line, "column": finding.column},
        "end": {"line": finding.end_line, "column": finding.end_column},
        "url": finding.url,
        "fix": None,
    }
    if finding.fix is not None:
        data["fix"] = {"start": finding.fix.start, "end": finding.fix.end, "content": finding.fix.content,
                       "applicability": "safe" if finding.fix.safe else "unsafe"}
    return data


def json_(results, color: bool = False, quiet: bool = False) -> str:
    document = {
        "version": OUTPUT_VERSION,
        "tool": {"name": "postlint", "version": __version__},
        "findings": [finding_dict(f) for r in results for f in r.findings],
        "errors": [{"path": r.path, "message": r.error} for r in results if r.error],
        "summary": summary_counts(results),
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def json_lines(results, color: bool = False, quiet: bool = False) -> str:
    return "\n".join(json.dumps(finding_dict(f), ensure_ascii=False) for r in results for f in r.findings)


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
        "helpUri": registry.docs_url(rule.name),
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
    return {"uri": quote(str(relative), safe="/"), "uriBaseId": "%SRCROOT%"}


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


def sarif(results, color: bool = False, quiet: bool = False, root: Path | None = None) -> str:
    from postlint import registry

    root = root or Path.cwd()
    rules = [registry.lookup(code) for code in sorted({f.code for r in results for f in r.findings})]
    rule_index = {rule.code: i for i, rule in enumerate(rules)}
    errors = [r for r in results if r.error]
    run = {
        "tool": {"driver": {"name": "postlint", "version": __version__, "semanticVersion": __version__,
                            "informationUri": INFORMATION_URI, "rules": [_sarif_rule(rule) for rule in rules]}},
        "invocations": [{
            "executionSuccessful": not errors,
            "toolExecutionNotifications": [
                {"level": "error", "message": {"text": r.error},
                 "locations": [{"physicalLocation": {"artifactLocation": _artifact(r.path, root)}}]}
                for r in errors],
        }],
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "results": [_sarif_result(f, rule_index, root) for r in results for f in r.findings],
    }
    return json.dumps({"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}, ensure_ascii=False, indent=2)


# -- GitHub Actions workflow commands ----------------------------------------------------------
def _escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def _annotation(command: str, message: str, **properties) -> str:
    props = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
    return f"::{command} {props}::{_escape_data(message)}"


def github(results, color: bool = False, quiet: bool = False) -> str:
    lines = []
    for result in results:
        if result.error:
            lines.append(_annotation("error", result.error, file=result.path, title="postlint input error"))
        for f in result.findings:
            where = {"file": f.path, "line": f.line, "endLine": f.end_line}
            # the runner rejects col/endColumn on multi-line spans (astral-sh/ruff#22074)
            if f.end_line == f.line:
                where.update(col=f.column, endColumn=f.end_column)
            lines.append(_annotation(GITHUB_COMMANDS[f.level], f.message, **where, title=f"{f.code} {f.name}"))
    if not quiet:
        lines.append(summary_line(results))
    return "\n".join(lines)


# -- JUnit XML ----------------------------------------------------------------------------------
def _xml_text(value: str) -> str:
    return XML_INVALID.sub(lambda m: f"\\x{ord(m.group()):02x}", value)


def _cases(result) -> int:
    return len(result.findings) + (1 if result.error or not result.findings else 0)


def junit(results, color: bool = False, quiet: bool = False) -> str:
    """One testsuite per file, one failing testcase per finding; a clean file is one passing case.

    An input error is an erroring case of its own: a calendar file can have findings and
    unreadable rows at once.
    """
    counts = summary_counts(results)
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
    return ET.tostring(root, encoding="unicode", xml_declaration=True)


FORMATTERS = {"text": text, "concise": concise, "json": json_, "json-lines": json_lines, "sarif": sarif,
              "github": github, "junit": junit}
