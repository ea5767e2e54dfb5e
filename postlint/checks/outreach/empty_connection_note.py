"""Connection request goes out without a note of its own.

## What it does
Reports a `type: connection-note` draft that is empty, only whitespace, or only one of
the invitation texts the platform fills in (`I'd like to join your LinkedIn network`,
`Ich möchte Sie gerne zu meinem beruflichen Netzwerk auf LinkedIn hinzufügen`), give or
take a greeting and a name. The platform texts are the lexicon
`default-connection-notes.txt`.

## Why is this bad?
"Der erste Fehler: keine Nachricht anhängen bei der Kontaktanfrage – würde man sich
ungefragt an einen Tisch setzen zu einer Person?" (LinkedIn-Blogbeitrag 2021, „Der Wert des Netzwerks liegt hinter dem Netzwerk“). The guidance asks to back
every connection request with a personal note whenever possible (LinkedIn-Ratgeber, „Personalisierte Kontaktanfragen auf LinkedIn auch über die App“); an empty or
default request reads as impersonal and is often ignored.

## Example
```text
---
type: connection-note
---
I'd like to join your LinkedIn network.
```

Use instead:
```text
---
type: connection-note
---
Hi Tom, we met at the DMEXCO panel on retail media yesterday. I enjoyed your take on first-party data and would love to stay in touch!
```
"""

import functools

import regex

from postlint.checks._kinds import whole_post
from postlint.packs import lexicon
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL801"
NAME = "empty-connection-note"
OPTIONS = {}
WORD = regex.compile(r"[\p{L}\p{N}']+")
# a greeting with a name and a signature around a default text leave a few words over
SPARE_WORDS = 4


def check(draft, opts):
    if not draft.text.strip():
        # nothing to point at in the post: point at where the body starts
        yield Hit(draft.body_start, draft.body_start, t("empty connection note"), raw=True)
        return
    words = [w.casefold() for w in WORD.findall(draft.text.replace("’", "'"))]
    for default in _defaults():
        if len(words) - len(default) <= SPARE_WORDS and _contains(words, default):
            yield whole_post(draft, t("connection note is the platform's default text"))
            return


def _contains(words, part) -> bool:
    return any(words[i:i + len(part)] == part for i in range(len(words) - len(part) + 1))


@functools.cache
def _defaults() -> list[list[str]]:
    return [WORD.findall(line.casefold()) for line in lexicon("default-connection-notes")]
