"""Post is written in another language than its front matter says.

## What it does
Reports a draft whose text reads as English while its front matter says `lang: de`, or as
German while it says `lang: en`. postlint tells the languages by their function words
(the same detection it uses when `lang` is absent) and reports only clear cases: the other
language has at least twice the evidence and three function words more. Texts of fewer
than `min-words` words are left alone.

## Why is this bad?
The guidance asks to speak to the audience in its language: "Alle Aktivitäten sollten der
Zielgruppe in der Wort- und Bildsprache angepasst sein. Passte die Sprache nicht zum Ziel
der Kampagne, so wird diese gar nicht oder im schlimmsten Fall sogar negativ
wahrgenommen" (Bitkom, Social-Media-Leitfaden, Kap. 2.3). A wrong `lang` also makes postlint check the post with the
other language's rules (ad labels, calls to action, readability).

## Example
```text
---
lang: de
---
We are hiring two backend engineers for our team in Leipzig. Apply by the end of the month.
```

Use instead:
```text
---
lang: en
---
We are hiring two backend engineers for our team in Leipzig. Apply by the end of the month.
#Hiring #Backend #Leipzig
```

## Options
- `min-words` (int): the fewest words a text needs before its language is judged.
"""

from postlint import lang
from postlint.checks._kinds import whole_post
from postlint.i18n import N_, t

CODE = "PL707"
NAME = "language-mismatch"
OPTIONS = {"min-words": int}
NAMES = {"de": N_("German"), "en": N_("English")}


def check(draft, opts):
    declared = draft.meta.get("lang")
    if declared not in NAMES or len(lang.WORD.findall(draft.text)) < opts["min-words"]:
        return
    found = lang.scores(draft.text)
    detected = "en" if declared == "de" else "de"
    if found[detected] >= max(2 * found[declared], found[declared] + 3):
        yield whole_post(draft, t("text reads as {language}, but the front matter says lang: {declared}",
                                  language=t(NAMES[detected]), declared=declared))
