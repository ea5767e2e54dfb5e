"""Replies to comments that are near copies of each other.

## What it does
Compares the comment drafts (`type: comment`) of a run with each other, per account and
channel, and reports every reply that is at least `min-similarity` alike with another:
the share of word 3-shingles they have in common (Jaccard, estimated by MinHash; only
candidates from LSH banding are compared, so 100,000 drafts are not compared pair by
pair, see `postlint/similar.py`). Replies with fewer than `min-words` words are left
out: a short "Danke dir!" under several comments is a normal courtesy. The finding points
at the reply's first line and names the other replies.

## Why is this bad?
LinkedIn-Ratgeber, „Juli 2019: Die Eigenarten des LinkedIn Algorithmus“, „3. Antworten auf
Kommentare“: answer (almost) every comment, but "Wenn ich zu einem Post 15 ähnliche
Kommentare erhalte, muß ich nicht jeden mit den gleichen/ ähnlichen Worten beantworten. Das
wird über kurz oder lang der Algorithmus auch erkennen. […] Wir wollen keinen Spam
produzieren". Commenters see each other's replies, too.

## Example
Several drafts, one after the other as `tail -n +1 replies/*.md` prints them:
```text
==> replies/anna.md <==
---
type: comment
---
Vielen Dank für deinen Kommentar, Anna! Schön, dass dir der Beitrag gefallen hat. Schau gern in unseren nächsten Newsletter.
==> replies/tom.md <==
---
type: comment
---
Vielen Dank für deinen Kommentar, Tom! Schön, dass dir der Beitrag gefallen hat. Schau gern in unseren nächsten Newsletter.
```

Use instead:
```text
==> replies/anna.md <==
---
type: comment
---
Danke, Anna! Gute Frage zur Schichtplanung: Wir starten mit zwei Teams und messen nach vier Wochen, was sich verändert hat.
==> replies/tom.md <==
---
type: comment
---
Tom, das sehen wir genauso. Ohne den Betriebsrat wäre die Umstellung nicht so schnell gegangen, das hätte in den Beitrag gehört.
```

## Options
- `min-similarity` (float): the share of shared word 3-shingles (0 to 1) from which two replies count as copies.
- `min-words` (int): the fewest words (without links) a reply needs to be compared.
"""

from postlint import similar
from postlint.i18n import t

CODE = "PL408"
NAME = "duplicate-replies"
OPTIONS = {"min-similarity": float, "min-words": int}
TEXTS = "all"  # replies are compared whether they are scheduled or not


def check_all(timeline, opts_for):
    return similar.copies(timeline, opts_for, lambda others, value, limit:
                          t("nearly the same reply as {others} ({value} alike; copies from {limit})",
                            others=others, value=value, limit=limit))
