"""Output formats. Each formatter is a function of the results; none changes them.

JSON output follows `docs/schema/output-v1.json`; bump OUTPUT_VERSION on any change that
is not a pure addition.
"""

from __future__ import annotations

import json
import unicodedata

import click

from postlint import __version__
from postlint.problem import Level

OUTPUT_VERSION = "1"
COLORS = {Level.ERROR: "red", Level.WARNING: "yellow", Level.INFO: "cyan"}


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


def _snippet(finding, draft, color: bool, width: int = 100) -> list[str]:
    """The source line with carets under the span; long paragraphs are cut to a window."""
    line_text = draft.line_text(finding.line).replace("\t", " ")
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
    if not c["findings"]:
        text = f"All clear: {plural(c['files'] - c['unreadable'], 'file')} checked, no problems."
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
            if result.draft is not None:
                lines += _snippet(finding, result.draft, color)
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


FORMATTERS = {"text": text, "concise": concise, "json": json_}
