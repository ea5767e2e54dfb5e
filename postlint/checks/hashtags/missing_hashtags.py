"""Post has no hashtag where the channel expects some.

## What it does
Reports a post without any hashtag on channels where hashtags carry reach: LinkedIn
posts and Instagram posts by default. Hashtags are recognised as X and the other
platforms do (`#KI2025` and `#Größe` count; `#2025`, `C#` and `#anchor` in a link do not).

## Why is this bad?
In the 2019 LinkedIn study quoted by the guidance, posts without a hashtag were about
50 % less successful (LinkedIn-Ratgeber, „1. Hashtags“). On Instagram "geht es nicht ohne Hashtags" (Bitkom, Social-Media-Leitfaden, Kap. 2.2).
The study is old and LinkedIn has de-emphasised hashtags since 2023/2024 (external
platform facts), so treat this as a reach hint.

## Example
```text
Drei Learnings aus unserem Kundenprojekt: Zuhören, messen, nachsteuern.
```

Use instead:
```text
Drei Learnings aus unserem Kundenprojekt: Zuhören, messen, nachsteuern. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

## Options
- `min`: the fewest hashtags a post should have.
"""

from postlint.checks._kinds import whole_post
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL201"
NAME = "missing-hashtags"
OPTIONS = {"min": int}


def check(draft, opts):
    count = len(draft.hashtags)
    if count >= opts["min"]:
        return
    if count == 0:
        yield whole_post(draft, t("no hashtags (min {min})", min=opts["min"]))
    else:
        tag = draft.hashtags[-1]
        yield Hit(tag.start, tag.end, t("{count} hashtags (min {min})", count=count, min=opts["min"]))
