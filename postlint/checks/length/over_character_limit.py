"""Post is longer than the platform accepts.

## What it does
Measures the post text the way the platform does and reports when it exceeds the
platform's hard limit for the channel and type. The finding starts at the first
character past the limit. Defaults:

| Channel and type | Limit | Unit | Source |
|---|---|---|---|
| X post, comment | 280 | weighted (URL = 23, emoji and CJK = 2) | Bitkom, Social-Media-Leitfaden, Kap. 3.3.3; twitter-text v3 |
| LinkedIn post | 3,000 | UTF-16 units | external, LinkedIn API error text (as of 2026-11) |
| LinkedIn connection note | 300 | UTF-16 units | LinkedIn-Ratgeber, „Vernetzung über LinkedIn am Desktop“ |
| LinkedIn comment | 1,250 | UTF-16 units | external, Buffer developer docs (as of 2026-11) |
| LinkedIn headline | 220 | UTF-16 units | external (as of 2026-11) |
| LinkedIn about | 2,600 | UTF-16 units | external (as of 2026-11; 1,980 in 2018) |
| Instagram post, comment | 2,200 | UTF-16 units | external, Instagram via Ayrshare docs (as of 2026-11) |
| Facebook post | 63,206 | UTF-16 units | external, widely cited, unverified (as of 2026-11) |

On X, the @mentions a reply (`type: comment`) starts with are not counted, as X
does not count them (external, X help center "About replies and mentions", as of
2026-11); set `skip-reply-mentions = false` to count them.

Free LinkedIn accounts reportedly get only 200 characters for a connection note;
set `max = 200` for them.

## Why is this bad?
The platform refuses or truncates a text over its limit, so the post fails at the
moment of publishing, or goes out cut off.

## Example
```text
---
channel: x
---
Wir haben in den letzten zwölf Monaten unser gesamtes Onboarding neu gedacht. Neue Kolleginnen und Kollegen brauchten im Schnitt vierzehn Wochen, bis sie sich sicher fühlten. Heute sind es sieben Wochen, dank Patenschaften quer durch alle Teams, kurzer Lerneinheiten und regelmäßiger Gespräche nach dreißig, sechzig und neunzig Tagen.
```

Use instead:
```text
---
channel: x
---
Unser Onboarding neu gedacht: 7 statt 14 Wochen, bis sich Neue sicher fühlen. Der Schlüssel: Patenschaften quer durch alle Teams, Lerneinheiten von 20 Minuten und Gespräche nach 30, 60 und 90 Tagen. Was meint ihr?
```

## Options
- `max`: the platform's limit.
- `unit`: how the platform counts: `utf16`, `characters`, `graphemes` or `x_weighted`.
- `skip-reply-mentions`: leave out the @mentions the text starts with (replies on X).
"""

from postlint.checks.length._measure import UNITS, over, reply_prefix
from postlint.problem import Hit

CODE = "PL102"
NAME = "over-character-limit"
OPTIONS = {"max": int, "unit": UNITS, "skip-reply-mentions": bool}


def check(draft, opts):
    skip = reply_prefix(draft) if opts["skip-reply-mentions"] else 0
    found = over(draft, opts["max"], opts["unit"], "limit", skip)
    if found:
        yield Hit(*found)
