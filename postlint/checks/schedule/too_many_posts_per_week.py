"""More posts in one week than the guidance recommends.

## What it does
Counts the posts of each account and channel per ISO week (Monday to Sunday, local time
in the calendar's time zone) and reports every post past the weekly maximum on its
`scheduled` value, naming the posts before it. Default: more than 5 LinkedIn posts a
week (guidance 002:73, "3-5 Postings pro Woche").

## Why is this bad?
The guidance calls 3 to 5 posts a week right ("machen Sie nichts falsch", 002:73) and
adds "Weniger ist mehr" (002:74): most readers are on LinkedIn for their job, not to
follow one account all day. The sources disagree on the right cadence, so this is only
a hint.

## Example
Several drafts, one after the other as `tail -n +1 drafts/*.md` prints them:
```text
==> drafts/mon.md <==
---
scheduled: 2026-11-30T09:00:00+01:00
---
Montag: Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
==> drafts/tue.md <==
---
scheduled: 2026-12-01T09:00:00+01:00
---
Dienstag: Unser Team wächst. Schaut mal auf Janas Profil! #Team #Karriere #Mittelstand
==> drafts/wed.md <==
---
scheduled: 2026-12-02T09:00:00+01:00
---
Mittwoch: Ein Blick in die Werkstatt. Schaut mal rein! #Handwerk #Qualität #Mittelstand
==> drafts/thu.md <==
---
scheduled: 2026-12-03T09:00:00+01:00
---
Donnerstag: Fragen aus dem Webinar. Was würdet ihr ergänzen? #Webinar #KI #Mittelstand
==> drafts/fri.md <==
---
scheduled: 2026-12-04T09:00:00+01:00
---
Freitag: Unser Wochenrückblick. Was war euer Highlight? #Rückblick #Team #Mittelstand
==> drafts/sat.md <==
---
scheduled: 2026-12-05T09:00:00+01:00
---
Samstag: Noch ein Gedanke zum Wochenende. Was habt ihr vor? #Wochenende #Team #Mittelstand
```

Use instead:
```text
==> drafts/mon.md <==
---
scheduled: 2026-11-30T09:00:00+01:00
---
Montag: Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
==> drafts/wed.md <==
---
scheduled: 2026-12-02T09:00:00+01:00
---
Mittwoch: Ein Blick in die Werkstatt. Schaut mal rein! #Handwerk #Qualität #Mittelstand
==> drafts/fri.md <==
---
scheduled: 2026-12-04T09:00:00+01:00
---
Freitag: Unser Wochenrückblick. Was war euer Highlight? #Rückblick #Team #Mittelstand
```

## Options
- `max`: the most posts an account should publish on one channel in one ISO week.
"""

from postlint import calendar

CODE = "PL603"
NAME = "too-many-posts-per-week"
OPTIONS = {"max": int}



def check_all(timeline, opts_for):
    def describe(post, n, limit, also):
        return f"{calendar.ordinal(n)} {post.channel} post in week {calendar.week(post)} (max {limit} a week{also})"

    return calendar.over_limit(timeline, opts_for, lambda p: p.week, describe)
