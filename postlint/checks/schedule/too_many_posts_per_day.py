"""More posts on one day than the channel rewards.

## What it does
Groups the drafts of a run that have a `scheduled` time by `account` and channel, and
reports every post past the daily maximum on its `scheduled` value, naming the drafts
already planned for that day. Days are local days in the calendar's time zone (default
Europe/Berlin). Default: more than one LinkedIn post a day (guidance 002:73).

## Why is this bad?
The guidance says one LinkedIn post a day is enough, and that a 2nd or 3rd post on the
same day reaches clearly fewer people: it needs about three times the engagement to get
the views of the first (002:73, "das 2. Thema deutlich weniger Personen erreicht").

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
scheduled: 2026-12-01T15:00:00+01:00
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
- `max`: the most posts an account should publish on one channel on one local day.
"""

from postlint import calendar

CODE = "PL601"
NAME = "too-many-posts-per-day"
OPTIONS = {"max": int}



def check_all(timeline, opts_for):
    def describe(post, n, limit, also):
        return f"{calendar.ordinal(n)} {post.channel} post on {calendar.day(post)} (max {limit} a day{also})"

    return calendar.over_limit(timeline, opts_for, lambda p: p.day, describe)
