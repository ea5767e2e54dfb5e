"""Connection note or first message tries to sell.

## What it does
Reports selling in a connection note, and in a `type: message` with `first_contact: true`
in its front matter: offers and discounts (`Angebot`, `Rabatt`, `Frühbucherrabatt`,
`special offer`, `early bird pricing`), prices (`49 €`), trials (`14 Tage kostenlos`, `Try
it free for 14 days`, `no credit card needed`), demo or call booking (`Demo vereinbaren`,
`Live-Demo`, `book a call`), selling words (`unsere Lösung`, `our platform`) and shop or
booking links (`calendly.com`, `/shop`, `/trial`). Offering help (`Kann ich helfen?`,
`happy to support`) and inviting to a group or a free event are not selling, nor is a
selling word where the context sells nothing: a request to buy, a street demonstration
(`wir waren beide auf der Demo gegen …`), a call reported as arranged or arranged with
someone else, a job offer the recipient accepted (`Glückwunsch, dass du das Angebot von
Zalando angenommen hast`), an amount refunded or owed as a fee, an invoice for the
recipient's own booking, money paid back (`ich überweise dir das`), thanks for the
recipient's own offer (`Danke für Ihr Angebot, mir zu helfen`). What decides is who sells to whom. A sender who buys, has paid or wants money back (`Sind
die für 28 € noch zu haben? Dann würde ich gern zwei bestellen`, `just pay me back`;
lexicon `buying.txt`) and offers nothing of its own sells nothing, and a price in a sentence
about the recipient's things (`your online course – at €199 …`) or in one that speaks
neither of the sender nor to the reader is no offer. A sender that presents an offer of its
own (`Genau dafür haben wir ReiseBeleg entwickelt`, `our new platform`; lexicon
`own-offer.txt`) and links to it pitches, with or without a price, and so does one who links
to a product page of its own site (the `domains` of its account in the accounts file,
docs/accounts.md; not its blog, magazine or press pages, lexicon `editorial-paths.txt`). The phrases are the
lexicons `selling.txt`, `shop-links.txt`, `not-selling.txt` and `service-amounts.txt`.

## Why is this bad?
"Platzen Sie nicht mit der Tür ins Haus und fangen mit dieser Nachricht an zu verkaufen"
(LinkedIn-Ratgeber, „Vernetzung über LinkedIn am Desktop“); connection requests that lead straight to offers are what "mag wohl keiner von
uns" (LinkedIn-Ratgeber, „7. Sie fallen mit der Tür ins Haus“). Social selling is about relationships and trust, not selling directly
(Bitkom, Social-Media-Leitfaden, Kap. 1.3). A pitch in the first contact gets the request declined.

## Example
```text
---
type: connection-note
---
Hallo Herr Brandt, wir haben uns auf der DMEXCO gesehen. Unsere Lösung spart 20 % Kosten, sichern Sie sich jetzt ein Angebot!
```

Use instead:
```text
---
type: connection-note
---
Hallo Herr Brandt, wir haben uns auf der DMEXCO am Stand von Sportwerk gesehen. Ihr Blick auf das Thema Nachhaltigkeit hat mich beeindruckt. Ich würde mich freuen, in Kontakt zu bleiben!
```
"""

from postlint.checks.outreach._selling import selling
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL806"
NAME = "selling-in-first-contact"
OPTIONS = {}


def check(draft, opts):
    if draft.type == "message" and draft.meta.get("first_contact") is not True:
        return
    found = selling(draft)
    if found:
        start, end, what = found[0]
        yield Hit(start, end, t("selling in a first contact: {what}", what=what))
