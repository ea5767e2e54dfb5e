"""A `postlint-` comment that postlint cannot understand.

## What it does
Reports HTML comments that start with `postlint-` but use an unknown directive
(`postlint-disabel`) or name something that is not a rule code, prefix or name, and
front matter `ignore` entries that name no rule.

## Why is this bad?
A misspelt suppression suppresses nothing, so the author believes a finding is handled
when it is not.

## Example
```text
<!-- postlint-disabel PL202 -->
Drei Learnings aus unserem Kundenprojekt #Digitalisierung #KI #Mittelstand
```

Use instead:
```text
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```
"""

from postlint.problem import Hit

CODE = "PL003"
NAME = "invalid-suppression"
OPTIONS = {}


def check_suppressions(draft, opts, outcome):
    for start, end, message in outcome.invalid:
        yield Hit(start, end, message, raw=True)
