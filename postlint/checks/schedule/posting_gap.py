"""Too many days between two posts of an account.

## What it does
Reports a post planned more than `max-days` local calendar days after the previous post
of the same account on the same channel, on its `scheduled` value, naming the previous
draft. Days are counted between local dates in the calendar's time zone. Off by
default: the guidance asks for regular posts but names no longest pause; 7 days is
postlint's choice.

## Why is this bad?
The guidance builds on regular posting (002:205, "regelmäßig auf LinkedIn posten";
004:3388-3390, "dass regelmäßig Inhalte geteilt werden"). A long silence in the plan is
easy to miss in a folder of drafts and easy to fill when seen early.

## Example
Several drafts, one after the other as `tail -n +1 drafts/*.md` prints them:
```text
==> drafts/a.md <==
---
scheduled: 2026-11-30T09:00:00+01:00
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
==> drafts/b.md <==
---
scheduled: 2026-12-10T09:00:00+01:00
---
Unser Team wächst: Willkommen, Jana! Schaut mal auf ihr Profil! #Team #Karriere #Mittelstand
```

Use instead:
```text
==> drafts/a.md <==
---
scheduled: 2026-11-30T09:00:00+01:00
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
==> drafts/b.md <==
---
scheduled: 2026-12-04T09:00:00+01:00
---
Unser Team wächst: Willkommen, Jana! Schaut mal auf ihr Profil! #Team #Karriere #Mittelstand
```

## Options
- `max-days`: the most local calendar days between two posts of an account on one channel.
"""

import itertools

from postlint import calendar

CODE = "PL605"
NAME = "posting-gap"
OPTIONS = {"max-days": int}



def check_all(timeline, opts_for):
    for posts in timeline.streams(opts_for):
        for previous, post in itertools.pairwise(posts):
            limit = opts_for(post)["max-days"]
            days = (post.day - previous.day).days
            if days > limit:
                yield post.draft, calendar.hit(post, f"{days} days after {calendar.names([previous], post)} "
                                                     f"(max {limit} days between {post.channel} posts)")
