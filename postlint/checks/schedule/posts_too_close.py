"""Two posts of an account less than the minimum time apart.

## What it does
Reports a post planned less than `min-hours` after an earlier post of the same account
on the same channel, on its `scheduled` value, naming the earlier drafts and their
local times. The time between posts is measured between instants, so a change of
daylight saving time does not shorten or stretch it. Default: 3 hours on LinkedIn
(guidance 002:73).

## Why is this bad?
The guidance allows a second post on the same day only "wenn es unbedingt sein muß", and
then with at least 3 hours between the posts (002:73). Posts close together compete for
the same audience in the feed. This is the stronger warning next to
`too-many-posts-per-day`: both can fire on the same draft.

## Example
Several drafts, one after the other as `tail -n +1 drafts/*.md` prints them:
```text
==> drafts/a.md <==
---
account: acme
scheduled: 2026-12-01T09:00:00+01:00
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
==> drafts/b.md <==
---
account: acme
scheduled: 2026-12-01T10:30:00+01:00
---
Unser Team wächst: Willkommen, Jana! Schaut mal auf ihr Profil! #Team #Karriere #Mittelstand
```

Use instead:
```text
==> drafts/a.md <==
---
account: acme
scheduled: 2026-12-01T09:00:00+01:00
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
==> drafts/b.md <==
---
account: acme
scheduled: 2026-12-02T09:00:00+01:00
---
Unser Team wächst: Willkommen, Jana! Schaut mal auf ihr Profil! #Team #Karriere #Mittelstand
```

## Options
- `min-hours`: the least time, in hours, between two posts of an account on one channel.
"""

import bisect
import datetime as dt

from postlint import calendar

CODE = "PL602"
NAME = "posts-too-close"
OPTIONS = {"min-hours": float}



def check_all(timeline, opts_for):
    for posts in timeline.streams(opts_for):
        times = [p.utc for p in posts]
        for i, post in enumerate(posts):
            hours = opts_for(post)["min-hours"]
            start = bisect.bisect_right(times, post.utc - dt.timedelta(hours=hours), 0, i)
            if start < i:
                close = posts[start:i][::-1]
                yield post.draft, calendar.hit(post, f"{calendar.duration(post.utc - close[0].utc)} after "
                                                     f"{calendar.names(close, post)} "
                                                     f"(min {hours:g} h between {post.channel} posts)")
