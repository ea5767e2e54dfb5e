"""A suppression comment or front matter `ignore` that suppresses nothing.

## What it does
Reports `<!-- postlint-disable ... -->` comments, `postlint-disable-next-line` comments
and front matter `postlint: {ignore: [...]}` entries that did not hide any finding.

## Why is this bad?
Suppressions outlive the problem they were written for. A stale one hides the next real
finding on that line or in that file, and it clutters the draft.

## Example
```text
<!-- postlint-disable-next-line PL202 -->
Drei Learnings aus unserem Kundenprojekt #Digitalisierung #KI #Mittelstand
```

Use instead:
```text
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

## Fix
Safe: removes the unused code from the comment or the front matter `ignore` list, and the
whole comment (with its line, when it stands alone) or the `postlint` entry when none of
its codes is used. Nothing that is published changes.
"""

import json

import regex

from postlint import fixes, suppress
from postlint.problem import Fix, Hit

CODE = "PL002"
NAME = "unused-suppression"
OPTIONS = {}


def check_suppressions(draft, opts, outcome):
    for start, end, message, suppression, code in outcome.unused:
        yield Hit(start, end, message, raw=True, fix=_fix(draft, suppression, code))


def _fix(draft, s, code: str | None) -> Fix | None:
    """The removal of `code` from the suppression `s`, or of `s` when nothing else is used."""
    raw = draft.raw
    keep = [c for c in s.codes if c != code]
    if s.kind == "front-matter":
        if not keep:
            key_start = draft.front_matter.key_spans["postlint"][0]
            end = s.start + len(raw[s.start:s.end].rstrip())
            end = raw.find("\n", end)
            return Fix(key_start, len(raw) if end < 0 else end + 1, "")
        listed = ", ".join(c if regex.fullmatch(r"[\w-]+", c) else json.dumps(c) for c in keep)
        return Fix(s.start, s.start + len(raw[s.start:s.end].rstrip()), "{ignore: [" + listed + "]}")
    if not keep:
        return fixes.remove(raw, s.start, s.end)
    content_start = s.start + 4  # after `<!--`
    _, _, codes_end = suppress.directive(raw[content_start:s.end - 3])
    # the code with the separator before it; the first code with the one after it
    first = regex.compile(r"postlint-[a-z-]+\s+(" + regex.escape(code) + r"[\s,]+)(?=[\w-])")
    later = regex.compile(r"(?<=[\w-])[\s,]+" + regex.escape(code) + r"(?![\w-])")
    found = first.search(raw, content_start, content_start + codes_end)
    if found:
        return Fix(found.start(1), found.end(1), "")
    found = later.search(raw, content_start, content_start + codes_end)
    return Fix(found.start(), found.end(), "") if found else None
