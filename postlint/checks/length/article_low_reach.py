"""LinkedIn article where a short post would reach more readers.

## What it does
Reports every LinkedIn article (`type: article`) with a hint: a post of at most
`max-post` characters with the article's core, or instead of it, reaches more people. The
finding is on the first line of the text. It is an info: an article has its place (search,
a profile's "Aktivitäten"), the hint is about reach in the feed.

## Why is this bad?
LinkedIn-Ratgeber, „Juli 2019: Die Eigenarten des LinkedIn Algorithmus“, „6.
LinkedIn-Artikel“: until 2017 new articles were announced to the network; "Seit 2018 hat
LinkedIn diese Funktion abgestellt und viele Artikel werden nur einer homöopathischen Menge
an Personen angezeigt. Mein Tipp: Sie könnten den Inhalt eines Artikels in Kurzform in einen
Beitrag von maximal 1300 Zeichen packen, da diese meist eine höhere Reichweite erreichen."
The observation dates from 2019.

## Example
```text
---
type: article
---
Schichtplanung in der Pflege: fünf Fehler, die wir immer wieder sehen
```

Use instead:
```text
---
type: post
---
Fünf Fehler in der Schichtplanung, die wir in 40 Pflegeeinrichtungen immer wieder gesehen haben. Welchen kennt ihr? #Pflege #Schichtplanung
```

## Options
- `max-post` (int): the length of the post the hint suggests, in characters.
"""

from postlint.checks._kinds import number
from postlint.i18n import t
from postlint.problem import Hit

CODE = "PL104"
NAME = "article-low-reach"
OPTIONS = {"max-post": int}


def check(draft, opts):
    if not draft.text.strip():
        return
    start = len(draft.text) - len(draft.text.lstrip())
    end = draft.text.find("\n", start)
    yield Hit(start, end if end >= 0 else len(draft.text.rstrip()),
              t("articles reach few readers on LinkedIn: consider a post of at most {max} characters",
                max=number(opts["max-post"])))
