"""Fewer posts in a week than the minimum cadence.

## What it does
Counts the posts of each account and channel per ISO week (local time in the calendar's
time zone), from the first to the last week the run plans. A week with too few posts is
reported on its last post; weeks without any post are reported on the first post after
them. Off by default: the sources disagree on the minimum (2 a week in guidance 000:124,
"1–2x" in 000:103, 3-5 in 002:73), so choose yours and turn the rule on per channel.

## Why is this bad?
The guidance asks for regular posting: "Wöchentlich mindestens 2 Posts veröffentlichen"
(000:124), and relationships grow when contacts read from you regularly (002:205). A
plan with thin weeks loses the audience it built.

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
scheduled: 2026-12-08T09:00:00+01:00
---
Unser Team wächst: Willkommen, Jana! Schaut mal auf ihr Profil! #Team #Karriere #Mittelstand
==> drafts/c.md <==
---
scheduled: 2026-12-10T09:00:00+01:00
---
Ein Blick in die Werkstatt. Schaut mal rein! #Handwerk #Qualität #Mittelstand
```

Use instead:
```text
==> drafts/a.md <==
---
scheduled: 2026-11-30T09:00:00+01:00
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
==> drafts/a2.md <==
---
scheduled: 2026-12-03T09:00:00+01:00
---
Fragen aus dem Webinar. Was würdet ihr ergänzen? #Webinar #KI #Mittelstand
==> drafts/b.md <==
---
scheduled: 2026-12-08T09:00:00+01:00
---
Unser Team wächst: Willkommen, Jana! Schaut mal auf ihr Profil! #Team #Karriere #Mittelstand
==> drafts/c.md <==
---
scheduled: 2026-12-10T09:00:00+01:00
---
Ein Blick in die Werkstatt. Schaut mal rein! #Handwerk #Qualität #Mittelstand
```

## Options
- `min`: the fewest posts an account should publish on one channel in one ISO week.
"""

import datetime as dt

from postlint import calendar

CODE = "PL604"
NAME = "too-few-posts-per-week"
OPTIONS = {"min": int}



def check_all(timeline, opts_for):
    week = dt.timedelta(days=7)
    for posts in timeline.streams(opts_for):
        previous = None
        for same_week in calendar.runs(posts, lambda p: p.week):
            first, last = same_week[0], same_week[-1]
            minimum = opts_for(first)["min"]
            if previous is not None and minimum > 0:
                after, before = calendar.monday(previous) + week, calendar.monday(first) - week
                if after == before:
                    yield first.draft, calendar.hit(first, f"no {first.channel} post in week "
                                                           f"{calendar.week_of(after)} (min {minimum} a week)")
                elif after < before:
                    yield first.draft, calendar.hit(first, f"no {first.channel} post in weeks "
                                                           f"{calendar.week_of(after)} to {calendar.week_of(before)} "
                                                           f"(min {minimum} a week)")
            minimum, count = opts_for(last)["min"], len(same_week)
            if count < minimum:
                also = f"; also {calendar.names(same_week[:-1], last)}" if count > 1 else ""
                yield last.draft, calendar.hit(last, f"only {count} {last.channel} post{'s' if count > 1 else ''} "
                                                     f"in week {calendar.week(last)} (min {minimum} a week{also})")
            previous = last
