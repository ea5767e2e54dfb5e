"""Fewer posts in a week than the minimum cadence.

## What it does
Counts the posts of each account and channel per ISO week (local time in the calendar's
time zone), from the first to the last week the run plans. A week with too few posts is
reported on its last post; weeks without any post are reported on the first post after
them. Off by default: the sources disagree on the minimum (2 a week in SSI-Ratgeber, „Grenzen des SSI – Was sagt er nicht aus?“,
"1–2x" in SSI-Ratgeber, „Strategien zur Steigerung deines SSI“, 3-5 in LinkedIn-Ratgeber, „8. Anzahl der Postings/ Tag“), so choose yours and turn the rule on per channel.

## Why is this bad?
The guidance asks for regular posting: "Wöchentlich mindestens 2 Posts veröffentlichen"
(SSI-Ratgeber, „Grenzen des SSI – Was sagt er nicht aus?“), and relationships grow when contacts read from you regularly (LinkedIn-Ratgeber, „Meine Tipps für Ihre Social-Selling-Aktivitäten“). A
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
from postlint.i18n import nt, t

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
                    yield first.draft, calendar.hit(first, t(
                        "no {channel} post in week {week} (min {min} a week)", channel=first.channel,
                        week=calendar.week_of(after), min=minimum))
                elif after < before:
                    yield first.draft, calendar.hit(first, t(
                        "no {channel} post in weeks {first} to {last} (min {min} a week)", channel=first.channel,
                        first=calendar.week_of(after), last=calendar.week_of(before), min=minimum))
            minimum, count = opts_for(last)["min"], len(same_week)
            if count < minimum:
                also = calendar.also(same_week[:-1], last)
                yield last.draft, calendar.hit(last, nt(
                    "only {n} {channel} post in week {week} (min {min} a week{also})",
                    "only {n} {channel} posts in week {week} (min {min} a week{also})", count,
                    channel=last.channel, week=calendar.week(last), min=minimum, also=also))
            previous = last
