"""Post has more hashtags than recommended, though not too many.

## What it does
Reports the hashtags past the recommended count (3 on LinkedIn posts) as long as the
post stays within `max`; above that, `too-many-hashtags` takes over and this rule stays
silent. Each extra hashtag is reported at its position.

## Why is this bad?
The guidance calls 3 hashtags "völlig ausreichend": in the 2019 study reach rose by
about 25 % with 3 hashtags (LinkedIn-Ratgeber, „1. Hashtags“). Every further hashtag dilutes the topic and moves
the post towards the 5 at which reach halves.

## Example
```text
Drei Learnings aus unserem Kundenprojekt. #Digitalisierung #KI #Mittelstand #Innovation
```

Use instead:
```text
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

## Options
- `recommended`: the recommended number of hashtags.
- `max`: above this count the rule stays silent; keep it equal to `max` of `too-many-hashtags`.
"""

from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL203"
NAME = "more-hashtags-than-recommended"
OPTIONS = {"recommended": int, "max": int}


def check(draft, opts):
    tags = draft.hashtags
    if len(tags) > opts["max"]:
        return
    for tag in tags[opts["recommended"]:]:
        yield Hit(tag.start, tag.end, t("{count} hashtags ({recommended} recommended): #{tag}", count=len(tags),
                                        recommended=opts["recommended"], tag=tag.text))
