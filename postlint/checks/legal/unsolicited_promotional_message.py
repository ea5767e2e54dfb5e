"""Direct message advertises without the recipient's consent.

## What it does
Reports a draft of `type: message` that contains promotional content and does not say
`consent: true` in its front matter. Promotional content is an offer or discount
(`Angebot`, `Rabatt`, `Frühbucherrabatt`, `special offer`, `early bird pricing`), a price
(`49 €`, `$99`), a trial (`14 Tage kostenlos testen`, `Try it free for 14 days`, `no
credit card needed`), a demo or call booking (`Demo vereinbaren`, `Live-Demo`, `book a
call`), selling words (`unsere Lösung`, `our platform`, `jetzt bestellen`) or a shop or
booking link (`calendly.com`, `/shop`, `/trial`). Offering help, or inviting to a group or
a free event, is not promotional on its own, nor is a selling word where the context
sells nothing: a request to buy (`Könnten Sie mir ein Angebot schicken?`), a street
demonstration (`auf der Demo`, `Demo gegen …`), a call reported as arranged or arranged
with someone else (`Jana and I have already booked a call`), a job offer the recipient
accepted (`dass du das Angebot von Zalando angenommen hast`). Nor is thanks for or acceptance of the recipient's own offer (`vielen Dank für Ihr Angebot,
mir … zu helfen`, `thanks for your offer to review my deck`). Nor is an amount in a
sentence about a refund or a fee the recipient already owes (`Wir haben Ihnen die 12,90 €
zurückerstattet`, `We've refunded £18.50`, `Dein Mitgliedsbeitrag (48 €) wird per
Lastschrift eingezogen`), an invoice for the recipient's own purchase or booking (`Anbei die
Rechnung über 1.240 € für die Anzahlung`, `Attached is the invoice for £240`), or money paid
back between people (`Das Ticket hat 38 € gekostet, ich überweise dir das heute Abend`,
`I'll pay you back`). What decides is who sells to whom. A sender who buys, has paid or wants money back (`Sind
die für 28 € noch zu haben? Dann würde ich gern zwei bestellen`, `just pay me back`;
lexicon `buying.txt`) and offers nothing of its own sells nothing, and a price in a sentence
about the recipient's things (`your online course – at €199 it's the best money I've
spent`) or in one that speaks neither of the sender nor to the reader (news: `female CFOs
generated $1.8 trillion more`) is no offer. A sender that presents an offer of its own
(`Genau dafür haben wir ReiseBeleg entwickelt`, `our new platform`; lexicon
`own-offer.txt`) and links to it pitches, with or without a price, and so does one who links
to a product page of its own site (the `domains` of its account in the accounts file,
docs/accounts.md; not its blog, magazine or press pages, lexicon `editorial-paths.txt`). The phrases are the lexicons `selling.txt`, `shop-links.txt`,
`not-selling.txt` and `service-amounts.txt`.

Set `consent: true` only when the recipient explicitly agreed to receive such messages;
following you or being a contact is not consent.

## Why is this bad?
Sending advertising as a personal message needs the recipient's explicit prior consent:
"Es bedarf einer ausdrücklichen Einwilligung, bevor Werbung als persönliche Nachricht an
eine Nutzerin oder einen Nutzer versendet werden darf", and being a "Fan" or "Follower"
is no such consent (Bitkom, Social-Media-Leitfaden, Kap. 6.2.1; DS-GVO Art. 6). A promotional message
can also be an "unzumutbare Belästigung" under § 7 UWG (Bitkom, Social-Media-Leitfaden, Kap. 6.3.2). This is a legal
check, not legal advice.

## Example
```text
---
type: message
---
Hallo Frau Berg, unsere Software spart Ihrem Team 10 Stunden pro Woche. Buchen Sie hier eine Demo: calendly.com/anna-demo
```

Use instead:
```text
---
type: message
---
Hallo Frau Berg, danke für Ihren Vortrag auf der DMEXCO! Ihre Zahlen zur Arbeitszeiterfassung haben mich zum Nachdenken gebracht. Darf ich Ihnen eine Frage dazu stellen?
```
"""

from postlint.checks.outreach._selling import selling
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL503"
NAME = "unsolicited-promotional-message"
OPTIONS = {}


def check(draft, opts):
    if draft.meta.get("consent") is True:
        return
    found = selling(draft)
    if found:
        start, end, what = found[0]
        yield Hit(start, end, t("promotional message without consent: {what} (set consent: true only if agreed)", what=what))
