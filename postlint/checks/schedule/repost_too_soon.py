"""The same post or link again within a few weeks.

## What it does
Reports a scheduled post that repeats an earlier post of the same account on the same
channel less than `window-days` before it: a text at least `min-similarity` alike (the
share of word 3-shingles the two have in common, estimated by MinHash, with links left
out), or the same link (compared without `utm_` parameters, `www.` and a trailing slash;
a link to a home page alone, as in a signature, does not count). The finding is on the
later post's `scheduled` value and names the earlier post. Candidates come from LSH
banding, so a plan of 100,000 posts is not compared pair by pair (`postlint/similar.py`).

## Why is this bad?
The guidance allows reusing content: "Inhalte können mehrfach benutzt werden. Im Zweifel so
oft, bis sie angekommen sind", and "Auch erfolgreiche Beiträge erneut zu teilen, ist ein
probates Mittel. Allerdings sollte man die Wiederholungsrate mit Bedacht wählen" (Bitkom,
Social-Media-Leitfaden, Kap. 2.4). A repeat within days reaches the same followers, who
notice. The guidance names no window: 30 days is postlint's choice, so the rule is an info.

## Example
Several drafts, one after the other as `tail -n +1 drafts/*.md` prints them:
```text
==> drafts/studie.md <==
---
account: acme
scheduled: 2026-12-01T09:00:00+01:00
---
Unsere Studie ist da: 312 Entscheiderinnen und Entscheider im Mittelstand haben uns gesagt, was sie 2027 vorhaben. Nachhaltigkeit steht vor Kostensenkung. Was meint ihr? #Mittelstand #Studie
==> drafts/studie-2.md <==
---
account: acme
scheduled: 2026-12-08T09:00:00+01:00
---
Unsere Studie ist da: 312 Entscheiderinnen und Entscheider im Mittelstand haben uns gesagt, was sie 2027 vorhaben. Nachhaltigkeit steht vor Kostensenkung. Was meint ihr? #Mittelstand #Studie #KI
```

Use instead:
```text
==> drafts/studie.md <==
---
account: acme
scheduled: 2026-12-01T09:00:00+01:00
---
Unsere Studie ist da: 312 Entscheiderinnen und Entscheider im Mittelstand haben uns gesagt, was sie 2027 vorhaben. Nachhaltigkeit steht vor Kostensenkung. Was meint ihr? #Mittelstand #Studie
==> drafts/studie-2.md <==
---
account: acme
scheduled: 2027-01-12T09:00:00+01:00
---
Unsere Studie ist da: 312 Entscheiderinnen und Entscheider im Mittelstand haben uns gesagt, was sie 2027 vorhaben. Nachhaltigkeit steht vor Kostensenkung. Was meint ihr? #Mittelstand #Studie #KI
```

## Options
- `window-days` (int): the fewest days between a post and its repeat.
- `min-similarity` (float): the share of shared word 3-shingles (0 to 1) from which a post counts as a repeat.
"""

import datetime as dt

from postlint import calendar, similar
from postlint.i18n import nt, t

CODE = "PL608"
NAME = "repost-too-soon"
OPTIONS = {"window-days": int, "min-similarity": float}
TEXTS = "scheduled"  # only scheduled posts have a time to compare


def check_all(timeline, opts_for):
    for posts in timeline.streams(opts_for):
        index, links = similar.Index(), {}
        for post in posts:
            mark = post.draft.fingerprint
            if mark is None:
                continue
            opts = opts_for(post)
            since = post.utc - dt.timedelta(days=opts["window-days"])
            earlier = [(similar.similarity(mark.signature, other.draft.fingerprint.signature), other)
                       for other in index.add(mark.signature, post) if other.utc > since]
            value, twin = max(((v, o) for v, o in earlier if v >= opts["min-similarity"]),
                              key=lambda pair: (pair[0], pair[1].utc), default=(0, None))
            shared = [(links[link], link) for link in mark.links if link in links and links[link].utc > since]
            for link in mark.links:
                links[link] = post
            if twin is not None:
                yield post.draft, calendar.hit(post, t("repeats {posts} ({value} alike, {ago}; min {min} days)",
                                                       posts=calendar.names([twin], post), value=similar.percent(value),
                                                       ago=_ago(post, twin), min=opts["window-days"]))
            elif shared:
                other, link = max(shared, key=lambda pair: pair[0].utc)
                yield post.draft, calendar.hit(post, t("repeats the link {link} of {posts} ({ago}; min {min} days)",
                                                       link=link, posts=calendar.names([other], post),
                                                       ago=_ago(post, other), min=opts["window-days"]))


def _ago(post, earlier) -> str:
    delta = post.utc - earlier.utc
    if delta.days >= 2:
        return nt("{days} day earlier", "{days} days earlier", delta.days, days=delta.days)
    return t("{duration} earlier", duration=calendar.duration(delta))
