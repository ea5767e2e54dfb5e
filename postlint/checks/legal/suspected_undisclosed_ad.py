"""Post looks like advertising but does not say whether it is sponsored.

## What it does
Reports a draft without `sponsored` in its front matter that shows signs of advertising
for someone:

- a discount code: `Code SOMMER20`, `Rabattcode`, `mit dem Code „LAUF10“`, `20 % Rabatt`; not a
  code in another sense (`error code E4012`, `Fehler Code E21`, `QR code`, `zip code`);
- an affiliate link: a link to one of `affiliate-domains` (`amzn.to`, …) or with one of
  `affiliate-params` in its query (`tag=`, `ref=`, …), or the words `Affiliate-Link`;
- working with a brand: `in Kooperation mit @Brand`, `sponsored by`, `powered by @Brand`,
  and labels that do not say "Werbung" (`#ad` in a German post, `Sponsored:`);
- a gifted product (`zur Verfügung gestellt`, `PR-Sample`, `gifted by`, `goodies from
  @brand`) in a post that mentions or links someone.

Set `sponsored: true` (and label the post) if you received money, free products or any
other consideration, or `sponsored: false` to confirm you did not; either silences the
rule. A post that already carries an accepted label is left to `hidden-ad-label`. The
phrases are the lexicons `commercial-signals.txt`, `gifted-signals.txt` and
`ad-labels-weak.txt`.

## Why is this bad?
Whether a post is advertising depends on consideration (004:6528-6532), and a link to the
manufacturer's site is "regelmäßig ein werblicher Überschuss" (004:6546-6552). Since 2022
the law presumes consideration for a post promoting another business unless the author
shows there was none (§ 5a Abs. 4 S. 3 UWG, external, platform-facts.md §4.1, as of
2026-11). Deciding in the front matter makes that explicit and lets `missing-ad-label`
do its job.

## Example
```text
Meine neue Laufuhr von @Sportwerk ist der Hammer! Mit dem Code LAUF10 spart ihr 10 %.
```

Use instead:
```text
---
sponsored: true
---
Werbung | Meine neue Laufuhr von @Sportwerk ist der Hammer! Mit dem Code LAUF10 spart ihr 10 %. Probiert sie aus! #Laufen #Sport
```

## Options
- `affiliate-domains`: link domains that are affiliate or shortened shop links (subdomains included).
- `affiliate-params`: query parameters that mark an affiliate link.
"""

from urllib.parse import parse_qsl, urlsplit

import regex

from postlint import patterns, text
from postlint.checks.legal import _labels
from postlint.problem import Hit

CODE = "PL502"
NAME = "suspected-undisclosed-ad"
OPTIONS = {"affiliate-domains": list, "affiliate-params": list}


def check(draft, opts):
    if "sponsored" in draft.meta or _labels.accepted(draft):
        return
    signals = [(m.start, m.end, f"'{draft.text[m.start:m.end]}'")
               for m in patterns.find(draft.analysis, "commercial-signals") if not _negated(draft.text, m.start)]
    signals += [(w.start, w.end, f"'{w.text}'") for w in _labels.weak(draft, evident_only=True)]
    signals += _affiliate_links(draft, opts)
    if draft.mentions or draft.urls:
        signals += [(m.start, m.end, f"'{draft.text[m.start:m.end]}'")
                    for m in patterns.find(draft.analysis, "gifted-signals")]
    if signals:
        start, end, what = min(signals)
        yield Hit(start, end, f"possible undisclosed ad: {what} (declare sponsored: true or false)")


NEGATION = regex.compile(r"(?:^|\W)(?:kein|keine|keinen|keiner|ohne|no|without|nicht|never|nie)\W+(?:\w+\W+)?$",
                         regex.IGNORECASE)


def _negated(text: str, start: int) -> bool:
    """A signal named to reject it: "Keine Rabattcodes", "no discount codes", "ohne
    Gutschein" (a negation at most one word before it, in the same line)."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return NEGATION.search(line[-40:]) is not None


def _affiliate_links(draft, opts):
    domains = [d.lower() for d in opts["affiliate-domains"]]
    params = {p.lower() for p in opts["affiliate-params"]}
    for url in draft.urls:
        host = text.domain_of(url.text)
        query = urlsplit(url.text if "://" in url.text else "https://" + url.text).query
        keys = {key.lower() for key, _ in parse_qsl(query, keep_blank_values=True)}
        if any(host == d or host.endswith("." + d) for d in domains) or keys & params:
            yield url.start, url.end, f"affiliate link {host}"
