"""Connection notes or messages that are copies of each other apart from the name.

## What it does
Compares the connection notes and messages of a run with each other, per account and
channel, and reports every one that is at least `min-similarity` alike with another once
the salutation and the names in it are left out (`Hallo Frau Keller,` and `Hi Tom!` count
the same). Alike means: the share of word 3-shingles the texts have in common (Jaccard),
estimated by MinHash; drafts are compared only when LSH banding makes them candidates,
so a run of 100,000 drafts is not compared pair by pair (`postlint/similar.py`). Notes
with fewer than `min-words` words are left out. The finding points at the note's first
line and names the copies.

A template adapted to each person (a sentence about their post, their company, where you
met) differs in enough shingles to stay below the threshold: the guidance itself works
from a prepared text that it adapts (see below).

## Why is this bad?
"Dann der Inhalt: ist er persönlich oder klingt er nach copy-paste?" (LinkedIn-Blogbeitrag
2021, „Der Wert des Netzwerks liegt hinter dem Netzwerk“): a note that only swaps the name
reads as mass outreach, and recipients who compare notes (or LinkedIn, which limits
invitations) notice. Templates are fine when they are adapted: "Ich habe einen solchen Text
bereits vorbereitet, welchen ich nach Bedarf an die jeweilige Situation anpasse"
(LinkedIn-Ratgeber, „Personalisierte Kontaktanfragen auf LinkedIn auch über die App“), so
the rule looks for unadapted reuse only. The guidance names no threshold: the default is
postlint's choice.

## Example
Several drafts, one after the other as `tail -n +1 notes/*.md` prints them:
```text
==> notes/keller.md <==
---
type: connection-note
---
Hallo Frau Keller, ich bin Jonas von Planwise und helfe Teams im Mittelstand bei der Einsatzplanung. Ich würde mich freuen, mich mit Ihnen zu vernetzen.
==> notes/berg.md <==
---
type: connection-note
---
Hallo Herr Berg, ich bin Jonas von Planwise und helfe Teams im Mittelstand bei der Einsatzplanung. Ich würde mich freuen, mich mit Ihnen zu vernetzen.
```

Use instead:
```text
==> notes/keller.md <==
---
type: connection-note
---
Hallo Frau Keller, Ihr Vortrag zur Schichtplanung in der Pflege auf der Zukunftsmesse hat mich zum Nachdenken gebracht. Ich würde mich freuen, mich mit Ihnen zu vernetzen.
==> notes/berg.md <==
---
type: connection-note
---
Hallo Herr Berg, wir haben uns beim Stammtisch der IHK Stuttgart über Fachkräfte in der Logistik unterhalten. Gern bleibe ich mit Ihnen in Kontakt.
```

## Options
- `min-similarity` (float): the share of shared word 3-shingles (0 to 1) from which two notes count as copies.
- `min-words` (int): the fewest words (without salutation and links) a note needs to be compared.
"""

from postlint import similar
from postlint.i18n import t

CODE = "PL807"
NAME = "copy-paste-message"
OPTIONS = {"min-similarity": float, "min-words": int}
TEXTS = "all"  # notes and messages are compared whether they are scheduled or not


def check_all(timeline, opts_for):
    return similar.copies(timeline, opts_for, lambda others, value, limit:
                          t("same text as {others} apart from the name ({value} alike; copies from {limit})",
                            others=others, value=value, limit=limit))
