"""Post uses a stock photo, which readers recognise as such.

## What it does
Reports each attachment declared as stock material (`source: stock` or `stock: true`).
Its rights are checked by `undeclared-media-rights` and `media-rights-not-cleared`; this
rule is about the eye-catcher.

## Why is this bad?
In the Bitkom Social-Media-Leitfaden the analysis of a best-practice post notes: the image
is stock material, readers recognise it as such, so it is "nicht die erste Wahl" to catch
the eye (Bitkom, Social-Media-Leitfaden, Kap. 2.2). An own photo of the team, the product or
the event works better.

## Example
```text
---
attachments:
  - kind: image
    alt: Hände über einer Tastatur
    source: stock
    license: Adobe Stock Standard
    license_covers_social: true
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

Use instead:
```text
---
attachments:
  - kind: image
    alt: Unser Projektteam vor dem Whiteboard
    source: own
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```
"""

from postlint.checks._kinds import on_attachment
from postlint.i18n import t

CODE = "PL406"
NAME = "stock-image"
OPTIONS = {}


def check(draft, opts):
    for item in draft.attachments or ():
        if item.source == "stock":
            yield on_attachment(draft, item, t("{attachment} is stock material", attachment=item.label))
