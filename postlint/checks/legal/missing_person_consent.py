"""Photo or video shows people who did not consent, or minors without parental consent.

## What it does
Reports each attachment whose front matter says it shows people who did not consent
(`people: true` with `consent: false`), or minors without their parents' consent
(`minors: true` without `parental_consent: true`). People whose consent is simply not
declared are reported by `undeclared-person-consent`.

## Why is this bad?
Everyone has the right to their own image under § 22 KUG: it may, in principle, only be
published with their consent, and for children the parents must agree, as the Bitkom
Social-Media-Leitfaden puts it (Bitkom, Social-Media-Leitfaden, Kap. 6.7). This is a legal
check, not legal advice.

## Example
```text
---
attachments:
  - kind: image
    alt: Kinder basteln am Stand unserer Ausbildungswerkstatt
    source: own
    people: true
    consent: true
    minors: true
---
Unser Tag der offenen Tür war ein voller Erfolg. Was hat euch am besten gefallen? #Ausbildung #Handwerk #Familie
```

Use instead:
```text
---
attachments:
  - kind: image
    alt: Kinder basteln am Stand unserer Ausbildungswerkstatt
    source: own
    people: true
    consent: true
    minors: true
    parental_consent: true
---
Unser Tag der offenen Tür war ein voller Erfolg. Was hat euch am besten gefallen? #Ausbildung #Handwerk #Familie
```
"""

from postlint.checks._kinds import on_attachment
from postlint.i18n import t

CODE = "PL508"
NAME = "missing-person-consent"
OPTIONS = {}


def check(draft, opts):
    for item in draft.attachments or ():
        if item.minors and item.parental_consent is not True:
            yield on_attachment(draft, item, t("{attachment} shows minors without their parents' consent "
                                               "(parental_consent: true)", attachment=item.label))
        elif item.consent is False and item.people is not False:
            yield on_attachment(draft, item, t("{attachment} shows people who have not consented", attachment=item.label))
