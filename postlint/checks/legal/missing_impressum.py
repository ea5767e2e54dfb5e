"""Commercial account has no Impressum.

## What it does
Reports the drafts of an account marked `commercial = true` in the accounts file
(docs/accounts.md) that has no `imprint_url`. A profile "about" text (`type: about`) that
itself carries the word Impressum and a link passes. XING is exempt, as the case law the
guidance reports exempts it. The finding sits on the draft's `account:` value; adding
`imprint_url` to the account clears it on every draft.

## Why is this bad?
The Bitkom Social-Media-Leitfaden explains that the duty to provide an Impressum applies to
company pages on social media and to every account designed commercially, through which
goods or services are sold or advertised, including influencers' private accounts; only
purely private accounts and XING profiles are exempt (Bitkom, Social-Media-Leitfaden, Kap.
6.4). The Impressum must be reachable in at most two clicks, so its link belongs on the
profile. Missing details draw warning letters (§ 5 DDG, formerly § 5 TMG). This is a legal
check, not legal advice.

## Example
```toml
# accounts.toml
[muster]
channel = "instagram"
commercial = true
```

```text
---
account: muster
attachments:
  - kind: image
    alt: Die neue Kollektion auf einem Tisch im Laden
    source: own
---
Die Herbstkollektion ist da! Kommt vorbei oder bestellt im Shop. #Mode #Herbst #Nachhaltig
```

Use instead:
```toml
# accounts.toml
[muster]
channel = "instagram"
commercial = true
imprint_url = "https://muster-mode.de/impressum"
```

```text
---
account: muster
attachments:
  - kind: image
    alt: Die neue Kollektion auf einem Tisch im Laden
    source: own
---
Die Herbstkollektion ist da! Kommt vorbei oder bestellt im Shop. #Mode #Herbst #Nachhaltig
```
"""

from postlint.checks._kinds import at_front_matter
from postlint.i18n import t

CODE = "PL505"
NAME = "missing-impressum"
OPTIONS = {}


def check(draft, opts):
    account = draft.account
    if account is None or not account.commercial or account.imprint_url:
        return
    if draft.type == "about" and "impressum" in draft.text.casefold() and draft.urls:
        return
    yield at_front_matter(draft, "account", t("commercial account {name} has no Impressum (imprint_url in the "
                                              "accounts file)", name=repr(account.name)))
