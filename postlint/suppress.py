"""Suppressions that never reach a published post: front matter and HTML comments.

    ---
    postlint: {ignore: [PL201]}
    ---
    <!-- postlint-disable PL301 -- reason -->   until postlint-enable or the end
    <!-- postlint-enable PL301 -->
    <!-- postlint-disable-next-line PL202 -->

Without codes a directive covers every rule. Codes may be prefixes or names.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

from postlint import registry
from postlint.problem import Finding

# a directive: `postlint-<kind>`, its codes, and an optional ` -- reason`. Read by `directive`
# in two linear steps: the one pattern `^\s*postlint-([a-z-]+)(.*?)(?:\s--\s.*)?\s*$` took
# quadratic time on a long run of white space (22 s for 64,000 spaces).
DIRECTIVE = regex.compile(r"\s*postlint-([a-z-]+)")
REASON = regex.compile(r"\s--\s")
SPACE_RUN = regex.compile(r"\s*")
KINDS = ("disable", "enable", "disable-next-line")


@dataclass(slots=True)
class Suppression:
    kind: str  # "front-matter" or one of KINDS
    codes: tuple[str, ...]  # empty: all rules
    start: int  # file offsets of the directive, for reporting it
    end: int
    line: int  # line the directive ends on
    used: set[str] = field(default_factory=set)

    def matches(self, code: str) -> str | None:
        """The selector of this suppression that covers `code` ('' for all rules)."""
        if not self.codes:
            return ""
        rule = registry.lookup(code)
        for selector in self.codes:
            if code.startswith(selector.upper()) or (rule and selector.lower() == rule.name):
                return selector
        return None


def directive(content: str) -> tuple[str, str, int] | None:
    """(kind, the text of its codes, where that text ends) of a note's content, or None when
    it is no directive. The codes' text runs up to the first ` -- ` (the reason)."""
    head = DIRECTIVE.match(content)
    if head is None:
        return None
    reason = REASON.search(content, head.end())
    # without a reason the codes end where the trailing white space starts (read backwards)
    end = reason.start() if reason else max(head.end(), len(content) - SPACE_RUN.match(content[::-1]).end())
    return head.group(1), content[head.end():end], end


def _valid(selector: str) -> bool:
    return registry.lookup(selector) is not None or (
        selector[:2].upper() == "PL" and any(r.code.startswith(selector.upper()) for r in registry.rules()))


def parse(draft) -> tuple[list[Suppression], list[tuple[int, int, str]]]:
    """Suppressions of a draft and the malformed ones as (start, end, message) file spans."""
    found, invalid = [], []
    settings = draft.meta.get("postlint", {})
    if settings.get("ignore"):
        start, end = draft.front_matter.value_spans["postlint"]
        found.append(Suppression("front-matter", tuple(settings["ignore"]), start, end, 0))
    for note in draft.notes:
        found_directive = directive(note.content)
        if found_directive is None:
            continue
        kind, rest, _ = found_directive
        codes = tuple(c for c in regex.split(r"[\s,]+", rest.strip()) if c)
        if kind not in KINDS:
            invalid.append((note.start, note.end, f"unknown directive 'postlint-{kind}' "
                                                  f"(expected {', '.join('postlint-' + k for k in KINDS)})"))
            continue
        bad = [c for c in codes if not _valid(c)]
        if bad:
            invalid.append((note.start, note.end, f"'{bad[0]}' is not a rule code, prefix or name"))
            continue
        found.append(Suppression(kind, codes, note.start, note.end, draft.position(note.end)[0]))
    for suppression in found:
        if suppression.kind == "front-matter":
            bad = [c for c in suppression.codes if not _valid(c)]
            if bad:
                invalid.append((suppression.start, suppression.end, f"'{bad[0]}' is not a rule code, prefix or name"))
    return found, invalid


def _covers(s: Suppression, finding: Finding, regions: dict[int, int]) -> bool:
    if s.kind == "front-matter":
        return True
    if s.kind == "disable-next-line":
        return finding.line == s.line + 1
    if s.kind == "disable":
        return s.end <= finding.start < regions[id(s)]
    return False


def apply(findings: list[Finding], suppressions: list[Suppression]) -> list[Finding]:
    """Drop suppressed findings and record which selectors were used."""
    # a disable region ends at the next enable covering any of its codes
    regions: dict[int, int] = {}
    enables = [s for s in suppressions if s.kind == "enable"]
    for s in suppressions:
        if s.kind == "disable":
            ends = [e.start for e in enables if e.start > s.end and (not e.codes or not s.codes or set(
                c.upper() for c in e.codes) & set(c.upper() for c in s.codes))]
            regions[id(s)] = min(ends, default=float("inf"))
    kept = []
    for finding in findings:
        hidden = False
        for s in suppressions:
            if s.kind == "enable":
                continue
            selector = s.matches(finding.code)
            if selector is not None and _covers(s, finding, regions):
                s.used.add(selector)
                hidden = True
        if not hidden:
            kept.append(finding)
    return kept


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a draft's suppressions did, for the rules that report on them (phase
    "after-suppressions"): (start, end, message) file spans of the unused and the malformed."""

    unused: list[tuple[int, int, str]]
    invalid: list[tuple[int, int, str]]


def unused(suppressions: list[Suppression]) -> list[tuple[int, int, str]]:
    problems = []
    for s in suppressions:
        if s.kind == "enable":
            continue
        where = "front matter ignore" if s.kind == "front-matter" else f"postlint-{s.kind}"
        if not s.codes and not s.used:
            problems.append((s.start, s.end, f"unused {where}: no finding to suppress"))
        for code in s.codes:
            if code not in s.used:
                problems.append((s.start, s.end, f"unused {where} {code}: no {code} finding to suppress"))
    return problems
