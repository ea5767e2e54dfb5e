"""Event post does not say when the event is or how long it takes.

## What it does
For a draft with `event:` in its front matter (docs/front-matter.md), reports the key
facts the post text does not give: the date (`12.03.`, `12. März`, `March 12`,
`2027-03-12`, `Donnerstag`, `morgen`), the time (`18:00`, `18 Uhr`, `6 pm`) and the
duration (`90 Minuten`, `2 Std.`, `18–19:30 Uhr`, `ganztägig`, `one hour`). The words are
the lexicons `event-days.txt` and `event-durations.txt`. The front matter's own date does
not count: readers see only the text. Drafts without `event:` are not checked.

## Why is this bad?
The Bitkom Social-Media-Leitfaden takes apart a best-practice webinar post: its headline
gives the key information, and the visible text answers when the webinar takes place and how
much time readers must plan for (Bitkom, Social-Media-Leitfaden, Kap. 2.2). A reader who has
to click through to learn the date does not plan to come.

## Example
```text
---
channel: facebook
event:
  date: 2027-03-12
  registration_url: https://example.de/webinar
---
Unser Webinar zur E-Rechnung: alles, was der Mittelstand jetzt wissen muss. Jetzt anmelden: https://example.de/webinar?utm_source=facebook&utm_medium=social&utm_campaign=erechnung
```

Use instead:
```text
---
channel: facebook
event:
  date: 2027-03-12
  registration_url: https://example.de/webinar
---
Webinar E-Rechnung am 12. März, 10:00 Uhr, 45 Minuten: alles, was der Mittelstand jetzt wissen muss. Jetzt anmelden: https://example.de/webinar?utm_source=facebook&utm_medium=social&utm_campaign=erechnung
```

## Options
- `require`: the facts the text must give: any of `date`, `time`, `duration`.
"""

import functools

import regex

from postlint.checks._kinds import whole_post
from postlint.i18n import N_, t
from postlint.packs import lexicon

CODE = "PL407"
NAME = "missing-event-details"
OPTIONS = {"require": list}

NUMERIC_DATE = r"\b\d{1,2}\.\s?\d{1,2}\.|\b\d{4}-\d{2}-\d{2}\b|\b\d{1,2}/\d{1,2}\b"
TIME = r"\b\d{1,2}:\d{2}\b|\b\d{1,2}(?:\.\d{2})?\s?(?:uhr|h)\b|\b\d{1,2}(?::\d{2})?\s?(?:am|pm|a\.m\.|p\.m\.)"
UNITS = r"minuten|minütig\w*|min\.?|mins?|minutes?|stunden?|stündig\w*|std\.?|hours?|hrs?|tage?|days?"
RANGE = r"\b\d{1,2}(?:[:.]\d{2})?\s?(?:uhr\s?)?(?:[-–—]|bis|to|until)\s?\d{1,2}(?:[:.]\d{2})?\s?(?:uhr|h|am|pm)?\b"
DURATION = rf"\b\d+(?:[.,]\d+)?\s?-?\s?(?:{UNITS})(?!\w)|{RANGE}"
# the facts as messages name them
FACTS = {"date": N_("date"), "time": N_("time"), "duration": N_("duration")}


@functools.cache
def _patterns() -> dict[str, regex.Pattern]:
    def words(name):
        return "|".join(regex.escape(w) for w in sorted(lexicon(name), key=len, reverse=True))

    return {"date": regex.compile(rf"{NUMERIC_DATE}|(?<!\w)(?:{words('event-days')})(?!\w)", regex.I),
            "time": regex.compile(TIME, regex.I),
            "duration": regex.compile(rf"{DURATION}|(?<!\w)(?:{words('event-durations')})(?!\w)", regex.I)}


def check(draft, opts):
    if draft.event is None:
        return
    missing = [fact for fact in opts["require"] if fact in FACTS and not _patterns()[fact].search(draft.text)]
    if missing:
        names = [t(FACTS[fact]) for fact in missing]
        listed = t("{items} and {last}", items=", ".join(names[:-1]), last=names[-1]) if len(names) > 1 else names[0]
        yield whole_post(draft, t("event post without {facts}", facts=listed))
