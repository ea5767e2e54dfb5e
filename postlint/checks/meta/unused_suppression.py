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
"""

from postlint.problem import Hit

CODE = "PL002"
NAME = "unused-suppression"
OPTIONS = {}


def check_suppressions(draft, opts, outcome):
    for start, end, message in outcome.unused:
        yield Hit(start, end, message, raw=True)
