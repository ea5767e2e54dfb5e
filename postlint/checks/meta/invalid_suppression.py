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

## Fix
Unsafe: a misspelt directive or rule name with exactly one close spelling is corrected
(`postlint-disabel` → `postlint-disable`, `too-many-hashtag` → `too-many-hashtags`). The
corrected comment then hides findings, so the fix waits for `--unsafe-fixes`: check that
it hides what was meant.
"""

import difflib

import regex

from postlint import registry, suppress
from postlint.problem import Fix, Hit

CODE = "PL003"
NAME = "invalid-suppression"
OPTIONS = {}


WORD = regex.compile(r"postlint-([a-z-]+)|[\w-]+")


def check_suppressions(draft, opts, outcome):
    for start, end, message in outcome.invalid:
        yield Hit(start, end, message, raw=True, fix=_fix(draft.raw, start, end))


def _fix(raw: str, start: int, end: int) -> Fix | None:
    """The one close spelling of the first misspelt directive or rule name in a comment."""
    found = suppress.directive(raw[start + 4:end - 3]) if raw.startswith("<!--", start) else None
    if found is None:
        return None  # a front matter entry: its list is left to the author
    codes = sorted({r.name for r in registry.rules()} | {r.code for r in registry.rules()})
    for word in WORD.finditer(raw, start + 4, start + 4 + found[2]):  # not into the reason
        if word.group(1) is not None:
            if word.group(1) in suppress.KINDS:
                continue
            close = difflib.get_close_matches(word.group(1), suppress.KINDS, n=2, cutoff=0.75)
            span = word.span(1)
        else:
            text = word.group()
            if registry.lookup(text) is not None or text.upper().startswith("PL") and any(
                    c.startswith(text.upper()) for c in codes):
                continue
            close = difflib.get_close_matches(text.upper() if text[:2].lower() == "pl" else text.lower(), codes,
                                              n=2, cutoff=0.75)
            span = word.span()
        return Fix(*span, close[0], safe=False) if len(close) == 1 else None
    return None
