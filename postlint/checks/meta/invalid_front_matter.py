"""Front matter has an unknown key or a value of the wrong type.

## What it does
Checks the YAML front matter of a draft: every key must be one postlint knows
(`channel`, `type`, `lang`, `sponsored`, `scheduled`, `account`, `consent`,
`first_contact`, `postlint`, `attachments`, `event`, `series`) or one
listed in `allow-keys`, and every value must have the right type and a known value
(`channel: x`, `type: connection-note`, `scheduled: 2026-12-01T09:00:00+01:00`). Inside
`attachments:` and `event:` the message names the item and field
(`attachments[2].kind: unknown value 'foto'`); docs/front-matter.md lists them. When an
accounts file is configured, `account:` must name one of its accounts, and `series:` a
series of that account or a hashtag (docs/accounts.md).

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

## Fix
Unsafe: a misspelt key or value with exactly one close known spelling is corrected
(`chanel` → `channel`, `linkdin` → `linkedin`, `ture` → `true`). One close spelling is
likely what was meant, but the draft is then linted as another channel or as an ad, so
the fix waits for `--unsafe-fixes`. Nothing else in the front matter changes.

## Options
- `allow-keys`: further front matter keys your team uses (for example `title` or `author`).
"""

import difflib

import regex

from postlint import frontmatter
from postlint.i18n import t
from postlint.problem import Fix, Hit

CODE = "PL001"
NAME = "invalid-front-matter"
OPTIONS = {"allow-keys": list}
# the values a key takes, for the spelling fix
CHOICES = {"channel": frontmatter.CHANNELS, "type": frontmatter.TYPES, "lang": frontmatter.LANGS,
           **{key: ("true", "false") for key, check in frontmatter.SCHEMA.items() if check is frontmatter._bool}}


def check(draft, opts):
    fm = draft.front_matter
    _, problems = frontmatter.validate(fm.data, extra_keys=opts["allow-keys"])
    for key, on_value, message in problems:
        start, end = (fm.value_spans if on_value else fm.key_spans)[key]
        # `attachments[2].kind: ...`, `event.date: ...`: on that item or field where it is shown
        part = regex.match(rf"{regex.escape(key)}(?:\[(\d+)\]|\.(\w+))", message) if on_value else None
        if part:
            start, end = fm.inner_spans.get(key, {}).get(int(part[1]) if part[1] else part[2], (start, end))
        written = draft.raw[start:end]
        if not on_value and written != key:  # `on:`, `yes:`: YAML 1.1 reads a boolean
            message = t("{problem} (YAML reads {written} as {key})", problem=message, written=repr(written), key=key)
        yield Hit(start, end, message, raw=True, fix=_fix(fm.data, key, on_value, start, end, opts))
    yield from _account_problems(draft, fm)


def _fix(data: dict, key: str, on_value: bool, start: int, end: int, opts) -> Fix | None:
    """The one close spelling of a misspelt key or value, as an unsafe fix; None if there is
    no such spelling or more than one."""
    if on_value:
        value = data[key]
        if not isinstance(value, str) or key not in CHOICES:
            return None
        candidates, word = CHOICES[key], value.strip().lower()
    else:
        candidates = [k for k in (*frontmatter.SCHEMA, *opts["allow-keys"]) if k not in data]
        word = key.lower()
    close = difflib.get_close_matches(word, candidates, n=2, cutoff=0.75)
    return Fix(start, end, close[0], safe=False) if len(close) == 1 else None


def _account_problems(draft, fm):
    """`account:` naming no account of the accounts file, `series:` naming no series."""
    accounts, meta = draft.accounts, draft.meta
    if accounts and accounts.by_name and "account" in meta and draft.account is None:
        start, end = fm.value_spans["account"]
        yield Hit(start, end, t("account: no account {name} in {source} (accounts: {names})",
                                name=repr(meta["account"]), source=accounts.source,
                                names=", ".join(accounts.by_name)), raw=True)
    series, account = meta.get("series"), draft.account
    if series is None or series.startswith("#"):  # a hashtag needs no account
        return
    start, end = fm.value_spans["series"]
    if account is None:
        yield Hit(start, end, t("series: {series} is no hashtag, and the draft has no account with series "
                                "(write e.g. series: \"#FreitagsFrage\")", series=repr(series)), raw=True)
    elif account.series_hashtag(series) is None:
        yield Hit(start, end, t("series: {series} is no hashtag and no series of account {name} (series: {known})",
                                series=repr(series), name=repr(account.name),
                                known=", ".join(account.series) or t("none")), raw=True)
