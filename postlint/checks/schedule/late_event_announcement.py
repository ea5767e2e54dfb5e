"""Event is announced too late for people to plan it.

## What it does
For a draft with `event:` and `scheduled:` in its front matter, reports a post scheduled
fewer than `min-days` days before the event's date (14 by default), or after it. Days
are calendar days in the time zone of `scheduled`. Reminders close to the date are fine
once the event has been announced: mark them with `postlint: {ignore: [late-event-announcement]}`
or lower `min-days` for their folder.

## Why is this bad?
The Bitkom Social-Media-Leitfaden reports from an event comparison on XING: the earlier an
event is published, the more visitors find their way to its page (Bitkom,
Social-Media-Leitfaden, Kap. 4.5). The guidance gives no number of days; 14 is postlint's
choice.

## Example
```text
---
channel: facebook
scheduled: 2027-03-08T09:00:00+01:00
event:
  date: 2027-03-12
---
Webinar E-Rechnung am 12. März, 10:00 Uhr, 45 Minuten. Jetzt anmelden: https://example.de/webinar?utm_source=facebook&utm_medium=social&utm_campaign=erechnung #ERechnung #Mittelstand #Buchhaltung
```

Use instead:
```text
---
channel: facebook
scheduled: 2027-02-19T09:00:00+01:00
event:
  date: 2027-03-12
---
Webinar E-Rechnung am 12. März, 10:00 Uhr, 45 Minuten. Jetzt anmelden: https://example.de/webinar?utm_source=facebook&utm_medium=social&utm_campaign=erechnung #ERechnung #Mittelstand #Buchhaltung
```

## Options
- `min-days`: the fewest days between the post and the event.
"""

from postlint.checks._kinds import at_front_matter
from postlint.i18n import nt

CODE = "PL606"
NAME = "late-event-announcement"
OPTIONS = {"min-days": int}


def check(draft, opts):
    event, scheduled = draft.event, draft.meta.get("scheduled")
    if event is None or scheduled is None:
        return
    days = (event.day - scheduled.date()).days
    if days < 0:
        yield at_front_matter(draft, "event", nt("announced {days} day after the event on {date}",
                                                 "announced {days} days after the event on {date}", -days,
                                                 days=-days, date=event.day.isoformat()))
    elif days < opts["min-days"]:
        yield at_front_matter(draft, "event", nt("event on {date} announced {days} day before (min {min})",
                                                 "event on {date} announced {days} days before (min {min})", days,
                                                 date=event.day.isoformat(), days=days, min=opts["min-days"]))
