"""Video runs longer than the channel accepts.

## What it does
Reports each video among the `attachments:` whose `duration:` is over the channel's
limit for a native video: X 2:20 (140 s), Instagram 3:00 (reels), LinkedIn 15:00,
Facebook 240 minutes. XING's limit is not known, so nothing is checked there. A video
without `duration:` is not checked.

## Why is this bad?
The platform refuses the upload or cuts the video, and the post goes out late or without its
ending. The limits are external platform facts (as of 2026-12; X for accounts without
Premium): they change, so they are options. The Bitkom Social-Media-Leitfaden plans the
content type (image, video, carousel) in the editorial plan (Bitkom, Social-Media-Leitfaden,
Kap. 2.2); this rule checks that the planned video fits.

## Example
```text
---
channel: x
attachments:
  - kind: video
    duration: "3:10"
    source: own
---
Unser Produktchef erklärt die neue Version in drei Minuten. Was fehlt euch noch?
```

Use instead:
```text
---
channel: x
attachments:
  - kind: video
    duration: "2:05"
    source: own
---
Unser Produktchef erklärt die neue Version in zwei Minuten. Was fehlt euch noch?
```

## Options
- `max-seconds`: the longest video the channel accepts, in seconds (0: no limit known).
"""

from postlint.checks._kinds import clock, on_attachment
from postlint.i18n import t

CODE = "PL105"
NAME = "video-too-long"
OPTIONS = {"max-seconds": int}


def check(draft, opts):
    limit = opts["max-seconds"]
    if not limit:
        return
    for item in draft.attachments or ():
        if item.duration is not None and item.duration > limit:
            yield on_attachment(draft, item, t("{attachment} runs {duration} (max {max} on {channel})",
                                               attachment=item.label, duration=clock(item.duration),
                                               max=clock(limit), channel=draft.channel))
