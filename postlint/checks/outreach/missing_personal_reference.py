"""Connection note or message says nothing about the recipient.

## What it does
Reports a connection note or message with no personal reference. These count:

- the recipient's name after the salutation or with a form of address (`Hallo Anna`,
  `Sehr geehrter Herr Brandt`, `Danke, Frau Albers!`, `Dear Ms. Smith`; not
  `Hallo zusammen`), or an @mention;
- where you met or spoke: `wir haben uns auf der DMEXCO getroffen`, `nach unserem
  Telefonat`, `we met at the summit`;
- a shared contact, group or event: `gemeinsame Kontakte`, `in der Gruppe`,
  `Anna hat mir Sie empfohlen`, `mutual connection`;
- their content or work named with a topic, place or time: `Ihr Beitrag über …`,
  `dein Reel über Balkongemüse`, `Ihre Arbeit bei …`, `your talk at …`.

Generic words would fit anyone and do not count: `Ihre Beiträge`, `Ihr Unternehmen`,
`your company`, `Ihr Profil ist mir aufgefallen`. The phrases are the lexicons
`personal-references.txt`, `salutation-titles.txt` and `group-addresses.txt`. An empty
note is left to `empty-connection-note`.

## Why is this bad?
A personal request says where you know each other or refers to the person's profile or
content: "erwähnen woher Sie sich kennen" (002:120), look at the profile and "zu Inhalten
Bezug nehmen" (002:104). The reader asks "ist er persönlich oder klingt er nach
copy-paste? Kann ich einen relevanten Bezug herstellen?" (003:5). A note that would fit
anyone reads as mass outreach.

## Example
```text
---
type: connection-note
---
Hallo, ich baue gerade mein Netzwerk im Bereich Marketing aus und würde mich freuen, mich mit Ihnen zu vernetzen!
```

Use instead:
```text
---
type: connection-note
---
Hallo Frau Berg, Ihr Beitrag über Arbeitszeiterfassung im Mittelstand hat mir sehr geholfen. Ich würde mich freuen, mich mit Ihnen zu vernetzen!
```
"""

import functools

from postlint import nlp
from postlint.checks._kinds import whole_post
from postlint.checks.outreach.missing_greeting import greeting
from postlint.packs import lexicon

CODE = "PL805"
NAME = "missing-personal-reference"
OPTIONS = {}


def check(draft, opts):
    if not draft.text.strip() or draft.mentions or _names_recipient(draft):
        return
    if not nlp.find(draft.text, draft.lang, "personal-references"):
        yield whole_post(draft, "no personal reference (name, shared context, their content or company)")


def _names_recipient(draft) -> bool:
    """Whether a name follows the salutation: "Hallo Frau Dr. Berg", not "Hallo zusammen"."""
    match = greeting(draft)
    if match is None:
        return False
    analysis = nlp.analyse(draft.text, draft.lang)
    titles, groups = _words("salutation-titles"), _words("group-addresses")
    for token in analysis.doc:
        start, _ = analysis.token_span(token)
        if start < match.end or token.is_space or token.lower_ in titles:
            continue
        return token.is_title and token.is_alpha and token.lower_ not in groups
    return False


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(term.casefold() for term in lexicon(name))
