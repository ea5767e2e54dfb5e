"""Long stretch of text without a line break.

## What it does
Reports a stretch of the post longer than `max-chars` characters without a line break,
pointing at that stretch. Any line break counts as a break, since the platforms show
every one.

## Why is this bad?
Readers scroll past a solid block of text. The guidance wants content served "in
Häppchen" (Bitkom, Social-Media-Leitfaden, Kap. 2.2) and the core message "in wenigen, einfachen Sätzen"
(Bitkom, Social-Media-Leitfaden, Kap. 2.3); short paragraphs are how a post does both. The default of 600
characters is a postlint choice; the guidance gives no number.

## Example
```text
Wir haben in den letzten zwölf Monaten unser Onboarding neu gedacht. Neue Kolleginnen und Kollegen brauchten im Schnitt vierzehn Wochen, bis sie sich im Alltag sicher fühlten. Das war zu lang, für sie und für uns. Also haben wir zugehört, Interviews geführt und Daten ausgewertet. Jede neue Person bekommt jetzt eine Patin oder einen Paten aus einem anderen Team. Die Einarbeitung besteht aus kleinen Lerneinheiten von zwanzig Minuten. Nach dreißig, sechzig und neunzig Tagen fragen wir, was fehlt. Das Ergebnis nach einem Jahr: sieben statt vierzehn Wochen bis zur Sicherheit im Alltag. Danke an alle, die dabei geholfen haben! Was meint ihr? #Onboarding #HR
```

Use instead:
```text
Wir haben in den letzten zwölf Monaten unser Onboarding neu gedacht. Neue Kolleginnen und Kollegen brauchten im Schnitt vierzehn Wochen, bis sie sich im Alltag sicher fühlten.

Also haben wir zugehört, Interviews geführt und Daten ausgewertet. Jede neue Person bekommt jetzt eine Patin oder einen Paten aus einem anderen Team. Die Einarbeitung besteht aus kleinen Lerneinheiten von zwanzig Minuten.

Das Ergebnis nach einem Jahr: sieben statt vierzehn Wochen bis zur Sicherheit im Alltag. Was meint ihr? #Onboarding #HR
```

## Options
- `max-chars`: the most characters between two line breaks.
"""

import regex

from postlint.problem import Hit
from postlint.i18n import number, t

CODE = "PL703"
NAME = "wall-of-text"
OPTIONS = {"max-chars": int}
BLOCK = regex.compile(r"[^\n]+")


def check(draft, opts):
    for block in BLOCK.finditer(draft.text):
        text = block[0].rstrip()
        if len(text) > opts["max-chars"]:
            yield Hit(block.start(), block.start() + len(text),
                      t("{count} characters without a line break (max {max})", count=number(len(text)),
                        max=number(opts["max-chars"])))
