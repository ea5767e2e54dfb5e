"""Advertising label is not at the start of the post.

## What it does
Reports an advertising label (see `missing-ad-label` for the accepted labels) that does
not stand at the start of the post: every label of the post is

- not in the first line, or
- after the first `fold` characters, the part shown before "…more" (140 on LinkedIn,
  125 on Instagram), or
- only in the hashtag block that closes the post (`… #Werbung #Sommer`).

A label anywhere in the first line before the fold is fine, unless it is in the closing
hashtags. A sentence that says the post is an ad (`Dieser Beitrag ist eine Anzeige der
…`) is a label too, and is hidden when it closes the post. The rule checks drafts with `sponsored: true`, and drafts without `sponsored`
that carry a label (the label says it is an ad); `sponsored: false` skips it. Profile
texts (`about`, `headline`) are no posts and are not checked ("Werbung & Kooperationen:
mail@…" in a bio is a contact line).

## Why is this bad?
The commercial purpose must be recognisable "auf den ersten Blick": the OLG Celle held
"#ad" among the closing hashtags insufficient (13 U 53/17), the Medienanstalten require
the label to "sichtbar voranstehen", and the FTC wants it above the "more" button
(external, as of 2026-11). A label the reader sees only
after the text does not tell them they are reading an ad. The guidance names the notice
»Werbung« (Bitkom, Social-Media-Leitfaden, Kap. 6.3.1) but not its place.

## Example
```text
---
sponsored: true
---
Seit drei Wochen teste ich die neue Laufuhr von @Sportwerk und bin begeistert. #Werbung #Laufen
```

Use instead:
```text
---
sponsored: true
---
#Werbung Seit drei Wochen teste ich die neue Laufuhr von @Sportwerk. Was ist euch beim Laufen wichtig? #Laufen
```

## Fix
Unsafe: moves a hashtag label (`#Werbung`), or a label word alone on its line
(`Anzeige`), to the start of the post. It changes what readers see first; a label inside
a sentence has no fix, as the sentence would have to be rewritten.

## Options
- `fold`: how many characters the platform shows before "…more"; a label must end within them.
"""

from postlint import fixes
from postlint.checks.legal import _labels
from postlint.i18n import t
from postlint.problem import Fix, Hit

CODE = "PL511"
NAME = "hidden-ad-label"
OPTIONS = {"fold": int}


def check(draft, opts):
    if draft.meta.get("sponsored") is False:
        return
    labels = _labels.accepted(draft)
    if not labels:
        return
    newline = draft.text.find("\n")
    first_line_end = newline if newline >= 0 else len(draft.text)
    closing = _labels.trailing_hashtags_start(draft)
    problems = []
    for label in labels:
        if label.start >= closing:
            problems.append(t("ad label '{label}' only in the closing hashtags", label=label.text))
        elif label.start >= first_line_end:
            line = draft.text.count("\n", 0, label.start) + 1
            problems.append(t("ad label '{label}' not in the first line (line {line})", label=label.text, line=line))
        elif label.end > opts["fold"]:
            problems.append(t("ad label '{label}' after the first {fold} characters", label=label.text,
                              fold=opts["fold"]))
        else:
            return
    yield Hit(labels[0].start, labels[0].end, problems[0], fix=_move(draft.text, labels[0]))


def _move(text: str, label) -> Fix | None:
    """The label taken from where it is to the start of the post: a hashtag before the first
    word, a word alone on its line as the first line."""
    line_start = text.rfind("\n", 0, label.start) + 1
    line_end = text.find("\n", label.end)
    alone = not text[line_start:label.start].strip() and not text[label.end:None if line_end < 0 else line_end].strip()
    if label.kind == "tag":
        moved = label.text + " "
    elif label.kind == "word" and alone:
        moved = label.text + "\n"
    else:
        return None
    return fixes.combine(text, [Fix(0, 0, moved), fixes.remove(text, label.start, label.end)], safe=False)
