"""Front matter has an unknown key or a value of the wrong type.

## What it does
Checks the YAML front matter of a draft: every key must be one postlint knows
(`channel`, `type`, `lang`, `sponsored`, `scheduled`, `account`, `consent`,
`first_contact`, `postlint`) or one
listed in `allow-keys`, and every value must have the right type and a known value
(`channel: x`, `type: connection-note`, `scheduled: 2026-12-01T09:00:00+01:00`).

## Why is this bad?
The other rules rely on these values. A typo such as `chanel: x` or `sponsored: ture`
silently lints the draft as the wrong channel or skips the advertising checks. A
timestamp without a UTC offset is ambiguous across time zones and daylight saving.

## Example
```text
---
chanel: x
scheduled: 2026-12-01
---
Drei Learnings aus unserem Kundenprojekt #Digitalisierung #KI #Mittelstand
```

Use instead:
```text
---
channel: x
scheduled: 2026-12-01T09:00:00+01:00
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

## Options
- `allow-keys`: further front matter keys your team uses (for example `title` or `author`).
"""

from postlint import frontmatter
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL001"
NAME = "invalid-front-matter"
OPTIONS = {"allow-keys": list}


def check(draft, opts):
    fm = draft.front_matter
    _, problems = frontmatter.validate(fm.data, extra_keys=opts["allow-keys"])
    for key, on_value, message in problems:
        start, end = (fm.value_spans if on_value else fm.key_spans)[key]
        written = draft.raw[start:end]
        if not on_value and written != key:  # `on:`, `yes:`: YAML 1.1 reads a boolean
            message = t("{problem} (YAML reads {written} as {key})", problem=message, written=repr(written), key=key)
        yield Hit(start, end, message, raw=True)
