"""Person or company named without an @-mention.

## What it does
Reports the first place where a post names a person, partner or brand from the `names`
option without tagging them anywhere in the post. A name counts as tagged when it is
written after an `@` (`@Anna Berg`, as LinkedIn shows a mention) or when an @mention of
the post matches it: its handle, given after `=` in the option (`"Planwise GmbH =
@planwise"`), or a handle that holds the name or is held by it, ignoring case, spaces,
dots, hyphens and underscores (`@anna_berg` for `Anna Berg`). Names are matched as whole
words in their case; hashtags, links and e-mail addresses are not names. With no `names`
configured the rule has nothing to look for and stays silent.

## Why is this bad?
Bitkom, Social-Media-Leitfaden, Kap. 5.3 „Was ist Social Media Monitoring?“: brands look for
conversations they would otherwise miss, "wenn jemand die Brand falsch schreibt oder diese
nicht im Post markiert". A tag notifies the person or company, puts the post in front of
their network and gives them the chance to answer.

## Example
With this in `postlint.toml`:
```toml
[rules.untagged-mention]
names = ["Anna Berg", "Planwise GmbH = @planwise"]
```

```text
Danke an Anna Berg und das Team von Planwise GmbH für den Workshop! Was nehmt ihr mit? #Teamwork
```

Use instead:
```text
Danke an @Anna Berg und das Team von @planwise für den Workshop! Was nehmt ihr mit? #Teamwork
```

## Options
- `names` (list): people, partners and brands to tag, each `"Name"` or `"Name = @handle"`: `names = ["Anna Berg", "Planwise GmbH = @planwise"]`.
"""

from __future__ import annotations

import functools

import regex

from postlint import text
from postlint.i18n import t
from postlint.problem import Hit

CODE = "PL403"
NAME = "untagged-mention"
OPTIONS = {"names": list}


def check(draft, opts):
    if not opts["names"]:
        return
    handles = [_key(m.text) for m in draft.mentions]
    skip = [(e.start, e.end) for e in (*draft.urls, *draft.hashtags, *text.emails(draft.text))]
    for name, handle, pattern in _names(tuple(opts["names"])):
        if handle in handles or any(h and (h in _key(name) or _key(name) in h) for h in handles):
            continue
        found = [m for m in pattern.finditer(draft.text) if not any(s <= m.start() < e for s, e in skip)]
        if found and not any(draft.text[:m.start()].endswith("@") for m in found):
            first = found[0]
            yield Hit(first.start(), first.end(), t("'{name}' named without an @-mention", name=name))


def _key(name: str) -> str:
    return regex.sub(r"[\s._\-@＠]", "", name).lower()


@functools.cache
def _names(entries: tuple[str, ...]) -> list[tuple[str, str, regex.Pattern]]:
    """(name, handle key or "", the name as a whole word) of each configured entry."""
    out = []
    for entry in entries:
        name, _, handle = entry.partition("=")
        name = name.strip()
        if name:
            words = r"\s+".join(regex.escape(w) for w in name.split())
            out.append((name, _key(handle), regex.compile(rf"(?<![\p{{L}}\p{{N}}_]){words}(?![\p{{L}}\p{{N}}_])")))
    return out
