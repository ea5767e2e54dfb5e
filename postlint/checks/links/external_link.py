"""Post links to a site outside the platform.

## What it does
Reports every link in a LinkedIn post or article that leads away from LinkedIn.
Links are found with and without `https://` (`www.firma.de`, `firma.de/angebot`);
`linkedin.com` and `lnkd.in` links count as internal, and so does every domain in
`internal-domains`. E-mail addresses are not links.

## Why is this bad?
The guidance's advice is "Keine externe Links" (LinkedIn-Ratgeber, „9. Keine externe Links“): LinkedIn wants content that
keeps readers on the platform, and the author has observed since 2017/2018 that posts
with external links reach fewer people (LinkedIn-Ratgeber, „9. Keine externe Links“). If the link matters, put it in the
first comment or make the post stand on its own. Whether LinkedIn still penalises
links today is disputed (external, as of 2026-11).

## Example
```text
Unser neuer Leitfaden zur Arbeitszeiterfassung ist da: https://www.beispiel-gmbh.de/leitfaden #HR #Arbeitsrecht #Mittelstand
```

Use instead:
```text
Unser neuer Leitfaden zur Arbeitszeiterfassung ist da. Die drei wichtigsten Punkte fasse ich hier zusammen, den Link gibt es im ersten Kommentar. #HR #Arbeitsrecht #Mittelstand
```

## Options
- `internal-domains`: domains that count as part of the platform (subdomains included).
"""

from postlint import text
from postlint.checks.links._domains import on_domain
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL301"
NAME = "external-link"
OPTIONS = {"internal-domains": list}


def check(draft, opts):
    for url in draft.urls:
        if not on_domain(url.text, opts["internal-domains"]):
            yield Hit(url.start, url.end, t("external link to {domain}", domain=text.domain_of(url.text)))
