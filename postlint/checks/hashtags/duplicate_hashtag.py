"""The same hashtag appears twice in a post.

## What it does
Reports every repetition of a hashtag, compared without regard to case
(`#KI` and `#ki` are the same tag on every platform).

## Why is this bad?
A repeated hashtag adds nothing to discoverability and uses up the hashtag budget
(see `too-many-hashtags`). It usually means the closing hashtag block repeats a tag
already used in the text. This rule is a postlint addition; the guidance does not
mention duplicates.

## Example
```text
Wie #KI unseren Mittelstand verändert. #KI #Digitalisierung #Mittelstand
```

Use instead:
```text
Wie #KI unseren Mittelstand verändert. Was meint ihr? #Digitalisierung #Mittelstand
```

## Fix
Safe: removes the later hashtag and the space before it. The post keeps its words, and
the platforms index a tag once however often it appears.
"""

from postlint import fixes
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL206"
NAME = "duplicate-hashtag"
OPTIONS = {}


def check(draft, opts):
    seen = {}
    for tag in draft.hashtags:
        key = tag.text.casefold()
        if key in seen:
            yield Hit(tag.start, tag.end, t("duplicate hashtag #{tag} (first on line {line})", tag=tag.text, line=seen[key]),
                      fix=fixes.remove(draft.text, tag.start, tag.end))
        else:
            seen[key] = draft.position(draft.file_offset(tag.start))[0]
