"""Post has more hashtags than the channel rewards.

## What it does
Counts the hashtags of a post and reports every hashtag past the maximum, each at its
own position, so you can see which ones to drop. Defaults: more than 5 on LinkedIn
posts (guidance 002:38) and more than 5 on Instagram (external: Instagram's limit since
December 2025, platform-facts.md §1.3, as of 2026-11).

## Why is this bad?
The guidance reports that reach drops by about 50 % with more than 5 hashtags on
LinkedIn (002:38: "bei mehr als 5 Hashtags sinkt sie um 50%"). A block of hashtags
also reads as spam.

## Example
```text
Drei Learnings aus unserem Kundenprojekt. #Digitalisierung #KI #Mittelstand #Innovation #Zukunft #Transformation #Leadership
```

Use instead:
```text
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

## Options
- `max`: the most hashtags a post should have.
"""

from postlint.problem import Hit

CODE = "PL202"
NAME = "too-many-hashtags"
OPTIONS = {"max": int}


def check(draft, opts):
    tags = draft.hashtags
    for tag in tags[opts["max"]:]:
        yield Hit(tag.start, tag.end, f"{len(tags)} hashtags (max {opts['max']}): #{tag.text}")
