"""Post has no image or video on a channel that shows pictures first.

## What it does
Reports a post whose `attachments:` list no image, video or carousel (only a document,
or an empty list) on Instagram (error) and Facebook (info). A draft that does not declare
`attachments:` at all is not reported, since postlint cannot see what the scheduler
attaches; turn on `undeclared` for teams that declare every attachment (docs/front-matter.md).

## Why is this bad?
The Bitkom Social-Media-Leitfaden calls Instagram "eine mobile, visuelle App" on which
high-quality photos and videos matter (Bitkom, Social-Media-Leitfaden, Kap. 3.3.3), and its
best-practice Facebook post names "Das gewählte Bild / Key Visual" as a success factor:
readers scroll fast, visual eye-catchers stop them (Bitkom, Social-Media-Leitfaden, Kap.
2.2). Instagram does not publish a feed post without an image or video at all (external, as
of 2026-12).

## Example
```text
---
channel: instagram
attachments: [document]
---
Unser Sommerfest 2026: Was war euer schönster Moment? #Sommerfest #Team #Kultur
```

Use instead:
```text
---
channel: instagram
attachments:
  - kind: image
    alt: Das Team beim Sommerfest im Innenhof
    source: own
---
Unser Sommerfest 2026: Was war euer schönster Moment? #Sommerfest #Team #Kultur
```

## Options
- `undeclared`: also report drafts that declare no `attachments:` at all.
"""

from postlint.checks._kinds import at_front_matter, whole_post
from postlint.i18n import t
from postlint.media import VISUAL_KINDS

CODE = "PL404"
NAME = "missing-visual"
OPTIONS = {"undeclared": bool}


def check(draft, opts):
    items = draft.attachments
    if items is None:
        if opts["undeclared"]:
            yield whole_post(draft, t("no attachments declared ({channel} needs an image or video)",
                                      channel=draft.channel))
        return
    if not any(item.kind in VISUAL_KINDS for item in items):
        kinds = ", ".join(item.kind for item in items) or "none"
        yield at_front_matter(draft, "attachments", t("no image or video (attachments: {kinds}; {channel} needs one)",
                                                      kinds=kinds, channel=draft.channel))
