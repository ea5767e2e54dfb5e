"""Post has more hashtags than the channel rewards.

## What it does
Counts the hashtags of a post and reports those past the maximum in one finding that
spans them, from the first to the last, so you can see which ones to drop (the message
names up to three of them). Defaults: more than 5 on LinkedIn
posts (LinkedIn-Ratgeber, „1. Hashtags“) and more than 5 on Instagram (external: Instagram's limit since
December 2025 as of 2026-11).

## Why is this bad?
The guidance reports that reach drops by about 50 % with more than 5 hashtags on
LinkedIn (LinkedIn-Ratgeber, „1. Hashtags“: "bei mehr als 5 Hashtags sinkt sie um 50%"). A block of hashtags
also reads as spam.

## Example
```text
Drei Learnings aus unserem Kundenprojekt. #Digitalisierung #KI #Mittelstand #Innovation #Zukunft #Transformation #Leadership
```

Use instead:
```text
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

## Fix
Unsafe: removes the hashtags past the maximum, from the end, with the spaces before them.
Which tags to keep is the author's choice, and a tag inside a sentence takes a word with it.

## Options
- `max`: the most hashtags a post should have.
"""

from postlint import fixes
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL202"
NAME = "too-many-hashtags"
OPTIONS = {"max": int}


def check(draft, opts):
    tags = draft.hashtags
    excess = tags[opts["max"]:]
    if excess:
        named = " ".join(f"#{tag.text}" for tag in excess[:3]) + (" …" if len(excess) > 3 else "")
        # tags with only blanks between them go as one run, so no blank is removed twice
        runs = []
        for tag in excess:
            if runs and draft.text[runs[-1][1]:tag.start].isspace():
                runs[-1][1] = tag.end
            else:
                runs.append([tag.start, tag.end])
        fix = fixes.combine(draft.text, [fixes.remove(draft.text, a, b) for a, b in runs], safe=False)
        yield Hit(excess[0].start, excess[-1].end,
                  t("{count} hashtags (max {max}): {tags}", count=len(tags), max=opts["max"], tags=named), fix=fix)
