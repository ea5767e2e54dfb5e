"""Sponsored post carries no advertising label.

## What it does
Reports a draft with `sponsored: true` in its front matter that has no advertising label
anywhere. Accepted labels in German posts: `Werbung` and `Anzeige`, as a word standing
as a label (`Werbung:`, `[Werbung]`, `Werbung |`, `Anzeige` alone on a line) or as a
hashtag (`#Werbung`, `#Anzeige`), and `Bezahlte Werbepartnerschaft`. English posts also
accept `#ad`, `Ad:`, `Advertisement`, `#sponsored`, `Sponsored` and `Paid partnership`.
A sentence that says the post is an ad counts as a label too (`Dieser Beitrag ist eine
Anzeige der …`, `Dieses Video enthält Werbung`, `This post is an ad`); where it stands is
checked by `hidden-ad-label`.
Styled Unicode (`𝗪𝗲𝗿𝗯𝘂𝗻𝗴`, fullwidth letters) counts as the plain word. A word used in a
sentence (`Ich arbeite in der Werbung`, `Anzeige erstatten`) is no label.

A German post whose only disclosure is English or vague (`#ad`, `in Kooperation mit`,
`mit freundlicher Unterstützung`) is reported by `insufficient-ad-label` instead; a label
in the wrong place by `hidden-ad-label`. The label lists are the lexicons `ad-labels-de.txt` and
`ad-labels-en.txt`.

## Why is this bad?
A post paid for by a brand, or made in return for free products, must make its
commercial purpose recognisable; the guidance reports the BGH rulings of 9 September 2021
on the notice »Werbung« (Bitkom, Social-Media-Leitfaden, Kap. 6.3.1) and names consideration as the decisive criterion
(Bitkom, Social-Media-Leitfaden, Kap. 6.3.1). Unlabelled advertising is unfair under § 5a Abs. 4 UWG and § 6 DDG
(external, as of 2026-11) and draws warning letters
(Abmahnungen). This is a legal check, not legal advice.

## Example
```text
---
sponsored: true
---
Seit drei Wochen teste ich die neue Laufuhr von @Sportwerk und bin begeistert.
```

Use instead:
```text
---
sponsored: true
---
Werbung | Seit drei Wochen teste ich die neue Laufuhr von @Sportwerk. Was ist euch beim Laufen wichtig? #Laufen #Sport
```

## Fix
Unsafe: puts the label for the post's language (`label-de` or `label-en`) at the start of
the post. It changes what is published, so it waits for `--unsafe-fixes`; check that the
post really is an ad and the label is the one your team uses.

## Options
- `label-de`: the label the fix puts at the start of a German post (`Werbung:`, `Anzeige |`).
- `label-en`: the label the fix puts at the start of an English post (`Ad:`, `#ad`).
"""

import dataclasses

from postlint.checks._kinds import whole_post
from postlint.checks.legal import _labels
from postlint.i18n import t
from postlint.problem import Fix

CODE = "PL501"
NAME = "missing-ad-label"
OPTIONS = {"label-de": str, "label-en": str}


def check(draft, opts):
    if draft.meta.get("sponsored") is not True or _labels.accepted(draft):
        return
    if draft.lang == "de" and _labels.weak(draft, evident_only=False):
        return  # insufficient-ad-label explains what is wrong with the label used
    if draft.lang == "de":
        message = t("sponsored post without ad label ('Werbung' or 'Anzeige' at the start)")
    else:
        message = t("sponsored post without ad label ('Ad:' or '#ad' at the start)")
    label = opts["label-de"] if draft.lang == "de" else opts["label-en"]
    fix = Fix(0, 0, label if label[-1:].isspace() else label + " ", safe=False) if label.strip() else None
    yield dataclasses.replace(whole_post(draft, message), fix=fix)
