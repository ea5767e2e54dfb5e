"""Link has no UTM tracking parameters.

## What it does
Reports every link that lacks one of the `required-params` query parameters
(`utm_source`, `utm_medium` and `utm_campaign` by default). Links to
`exempt-domains` (by default LinkedIn's own) are skipped.

## Why is this bad?
"Wenn man einen Link einfach teilt, erfährt man vergleichsweise wenig darüber, welchen
Effekt dies für die eigenen Marketingziele hatte" (Bitkom, Social-Media-Leitfaden, Kap. 5.2). A UTM code in the
link shows which posts were clicked and which leads and sales came from social media
(Bitkom, Social-Media-Leitfaden, Kap. 5.2).

## Example
```text
---
channel: facebook
---
Jetzt anmelden zum Webinar am 12. März: https://www.beispiel-gmbh.de/webinar
```

Use instead:
```text
---
channel: facebook
---
Jetzt anmelden zum Webinar am 12. März: https://www.beispiel-gmbh.de/webinar?utm_source=facebook&utm_medium=social&utm_campaign=webinar-maerz
```

## Options
- `required-params`: query parameters every link must carry.
- `exempt-domains`: domains whose links need no tracking (subdomains included).
"""

from urllib.parse import parse_qsl, urlsplit

from postlint.checks.links._domains import on_domain
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL302"
NAME = "missing-utm"
OPTIONS = {"required-params": list, "exempt-domains": list}


def check(draft, opts):
    for url in draft.urls:
        if on_domain(url.text, opts["exempt-domains"]):
            continue
        target = url.text if "://" in url.text else "https://" + url.text
        present = {key.lower() for key, _ in parse_qsl(urlsplit(target).query, keep_blank_values=True)}
        missing = [p for p in opts["required-params"] if p.lower() not in present]
        if missing:
            yield Hit(url.start, url.end, t("link without {parameters}", parameters=", ".join(missing)))
