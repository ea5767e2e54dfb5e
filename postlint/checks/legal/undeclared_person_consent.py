"""Photo or video shows people, and the draft does not say whether they consented.

## What it does
Reports each attachment declared with `people: true` (or `minors: true`) that does not
declare `consent:`. A declared refusal (`consent: false`) and minors without their
parents' consent are reported by `missing-person-consent`.

## Why is this bad?
A person's image may, in principle, only be published with their consent (§ 22 KUG), as the
Bitkom Social-Media-Leitfaden reminds (Bitkom, Social-Media-Leitfaden, Kap. 6.7). Team
photos, event pictures and customer visits go out quickly; asking before the post is planned
is how the consent gets obtained at all.

## Example
```text
---
attachments:
  - kind: image
    alt: Fünf Kolleginnen und Kollegen am Messestand
    source: own
    people: true
---
Tag 1 auf der Hannover Messe: Kommt an Stand B12 vorbei! #HannoverMesse #Industrie #Team
```

Use instead:
```text
---
attachments:
  - kind: image
    alt: Fünf Kolleginnen und Kollegen am Messestand
    source: own
    people: true
    consent: true
---
Tag 1 auf der Hannover Messe: Kommt an Stand B12 vorbei! #HannoverMesse #Industrie #Team
```
"""

from postlint.checks._kinds import on_attachment
from postlint.i18n import t

CODE = "PL521"
NAME = "undeclared-person-consent"
OPTIONS = {}


def check(draft, opts):
    for item in draft.attachments or ():
        if (item.people or item.minors) and item.consent is None:
            yield on_attachment(draft, item, t("{attachment} shows people; consent not declared (consent)",
                                               attachment=item.label))
