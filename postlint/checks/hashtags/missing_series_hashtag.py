"""Post of a content series lacks the series hashtag.

## What it does
Reports a post whose front matter names a series (`series: freitagsfrage`) when the
series hashtag is not among its hashtags. The hashtag is the one the account's `series`
table gives the series (docs/accounts.md), or the `series:` value itself when that is a
hashtag (`series: "#FreitagsFrage"`). Case does not matter.

## Why is this bad?
The Bitkom Social-Media-Leitfaden recommends own hashtags together with a regular, for
example weekly, content series (Bitkom, Social-Media-Leitfaden, Kap. 2.3). The series
hashtag is what lets readers follow the series and find its earlier posts; one post without
it breaks the chain.

## Example
```toml
# accounts.toml
[anna.series]
freitagsfrage = "#FreitagsFrage"
```

```text
---
account: anna
series: freitagsfrage
---
Wie viele Stunden Weiterbildung plant ihr 2027 ein? Schreibt es in die Kommentare. #Weiterbildung #HR
```

Use instead:
```text
---
account: anna
series: freitagsfrage
---
Wie viele Stunden Weiterbildung plant ihr 2027 ein? Schreibt es in die Kommentare. #FreitagsFrage #Weiterbildung #HR
```
"""

from postlint.checks._kinds import at_front_matter
from postlint.i18n import t

CODE = "PL205"
NAME = "missing-series-hashtag"
OPTIONS = {}


def check(draft, opts):
    series = draft.meta.get("series")
    if series is None:
        return
    tag = draft.account.series_hashtag(series) if draft.account else series if series.startswith("#") else None
    if tag is None:  # no hashtag known for the series: invalid-front-matter says so
        return
    if all(f"#{found.text}".casefold() != tag.casefold() for found in draft.hashtags):
        yield at_front_matter(draft, "series", t("post of the series {series} without its hashtag {tag}",
                                                 series=repr(series), tag=tag))
