"""Attachment does not say where it comes from or under which license.

## What it does
Reports each attachment whose rights the front matter leaves open: no `source:` (`own`,
`stock` or `third-party`; `stock: true` counts), or stock material without a `license:`,
or a license without `license_covers_social:`. A stock image with both is not reported
here (`stock-image` still suggests an own photo). Third-party material without
permission or a license that covers social media, and licenses that do not, are reported
by `media-rights-not-cleared`.

## Why is this bad?
The Bitkom Social-Media-Leitfaden asks to check for every bought stock photo whether its
license covers social media, as standard licenses often cover only websites and blogs
(Bitkom, Social-Media-Leitfaden, Kap. 6.7). Writing down source and license before the post
goes out is how a team notices the gap, not the warning letter afterwards.

## Example
```text
---
attachments:
  - kind: image
    alt: Zwei Personen im Gespräch an einem Stehtisch
    source: stock
---
Netzwerken auf der Messe: Wie bereitet ihr euch vor? #Messe #Networking #Vertrieb
```

Use instead:
```text
---
attachments:
  - kind: image
    alt: Unsere Kollegin Jana im Gespräch am Messestand
    source: own
---
Netzwerken auf der Messe: Wie bereitet ihr euch vor? #Messe #Networking #Vertrieb
```
"""

from postlint.checks._kinds import on_attachment
from postlint.i18n import t

CODE = "PL520"
NAME = "undeclared-media-rights"
OPTIONS = {}


def check(draft, opts):
    for item in draft.attachments or ():
        message = _gap(item)
        if message:
            yield on_attachment(draft, item, message)


def _gap(item) -> str | None:
    if item.source is None:
        return t("{attachment}: source not declared (source: own, stock or third-party)", attachment=item.label)
    if item.source != "stock":  # own material; third-party is judged by media-rights-not-cleared
        return None
    if item.license is None and item.license_covers_social is None:
        return t("{attachment}: {source} material without a declared license (license)", attachment=item.label,
                 source=item.source)
    if item.license_covers_social is None:
        return t("{attachment}: not declared whether the license covers social media (license_covers_social)",
                 attachment=item.label)
    return None
