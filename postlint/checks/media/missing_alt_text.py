"""Image has no alt text for readers who cannot see it.

## What it does
Reports each image and carousel among the `attachments:` without `alt:`, the description
that LinkedIn, X, Instagram and Facebook offer to screen-reader users.

## Why is this bad?
Without alt text a blind or low-vision reader learns nothing from the picture, and a post
whose message is in the picture says nothing to them. All four platforms have an alt-text
field for images (external, as of 2026-12). The guidance does not mention alt text; this
is a postlint addition for accessibility.

## Example
```text
---
attachments:
  - kind: image
    source: own
---
So sieht unser neues Büro in Leipzig aus. Kommt zur Eröffnung am Freitag! #NewWork #Leipzig #Büro
```

Use instead:
```text
---
attachments:
  - kind: image
    alt: Offener Büroraum mit Holztischen, Pflanzen und Blick auf den Augustusplatz
    source: own
---
So sieht unser neues Büro in Leipzig aus. Kommt zur Eröffnung am Freitag! #NewWork #Leipzig #Büro
```
"""

from postlint.checks._kinds import on_attachment
from postlint.i18n import t

CODE = "PL410"
NAME = "missing-alt-text"
OPTIONS = {}
DESCRIBED_KINDS = ("image", "carousel")  # a video has captions, a document its own text


def check(draft, opts):
    for item in draft.attachments or ():
        if item.kind in DESCRIBED_KINDS and item.alt is None:
            yield on_attachment(draft, item, t("{attachment} has no alt text", attachment=item.label))
