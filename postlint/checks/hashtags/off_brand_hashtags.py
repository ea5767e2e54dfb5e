"""Post uses hashtags, but none of the account's own.

## What it does
Reports a post with hashtags of which none is one of its account's own hashtags
(`hashtags` in the accounts file, docs/accounts.md). Posts without an account, accounts
without own hashtags, and posts without any hashtag (see `missing-hashtags`) are not
reported. Hashtags compare without regard to case (`#ki` is `#KI`).

## Why is this bad?
The Bitkom Social-Media-Leitfaden recommends own hashtags for a recognisable presence
(Bitkom, Social-Media-Leitfaden, Kap. 2.3) and asks employees who build a personal brand to
define their topics and hashtags first (Bitkom, Social-Media-Leitfaden, Kap. 3.2). A post
that uses only other hashtags does not add to what the account wants to be found for.

## Example
```toml
# accounts.toml
[anna]
hashtags = ["#Arbeitsrecht", "#HR"]
```

```text
---
account: anna
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand
```

Use instead:
```text
---
account: anna
---
Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Arbeitsrecht #HR #Mittelstand
```
"""

from postlint.i18n import nt
from postlint.problem import Hit

CODE = "PL204"
NAME = "off-brand-hashtags"
OPTIONS = {}


def check(draft, opts):
    account = draft.account
    if account is None or not account.hashtags or not draft.hashtags:
        return
    own = {tag.casefold() for tag in account.hashtags}
    if any(f"#{tag.text}".casefold() in own for tag in draft.hashtags):
        return
    listed = ", ".join(account.hashtags[:3]) + (", ..." if len(account.hashtags) > 3 else "")
    count = len(draft.hashtags)
    yield Hit(draft.hashtags[0].start, draft.hashtags[-1].end,
              nt("the hashtag is none of the account's own ({listed})",
                 "none of the {count} hashtags is one of the account's own ({listed})", count,
                 count=count, listed=listed))
