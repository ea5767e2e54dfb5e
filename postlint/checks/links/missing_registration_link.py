"""Event post has no link to register.

## What it does
For a draft with `event:` in its front matter (docs/front-matter.md), reports a post text
without any link, so readers have nowhere to sign up. When the front matter gives
`registration_url`, the message names it. Off on LinkedIn, where external links cost
reach (`external-link`) and the link usually goes into the first comment or the LinkedIn
event page. Drafts without `event:` are not checked.

## Why is this bad?
The Bitkom Social-Media-Leitfaden builds its best-practice webinar post around the facts and
the sign-up (Bitkom, Social-Media-Leitfaden, Kap. 2.2), and its checklist for interaction
includes a link to the relevant content or landing page. An event post that readers cannot
act on wastes the attention it gets.

## Example
```text
---
channel: facebook
event:
  date: 2027-03-12
  registration_url: https://example.de/webinar
---
Webinar E-Rechnung am 12. März, 10:00 Uhr, 45 Minuten. Meldet euch an, die Plätze sind begrenzt!
```

Use instead:
```text
---
channel: facebook
event:
  date: 2027-03-12
  registration_url: https://example.de/webinar
---
Webinar E-Rechnung am 12. März, 10:00 Uhr, 45 Minuten. Meldet euch an, die Plätze sind begrenzt: https://example.de/webinar?utm_source=facebook&utm_medium=social&utm_campaign=erechnung
```
"""

from postlint.checks._kinds import whole_post
from postlint.i18n import t

CODE = "PL303"
NAME = "missing-registration-link"
OPTIONS = {}


def check(draft, opts):
    event = draft.event
    if event is None or draft.urls:
        return
    if event.registration_url:
        yield whole_post(draft, t("event post without a registration link ({url} is not in the text)",
                                  url=event.registration_url))
    else:
        yield whole_post(draft, t("event post without a registration link"))
