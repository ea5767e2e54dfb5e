"""Image or video is used without the rights to post it on social media.

## What it does
Reports each attachment whose front matter says the rights do not allow the post: a
license that does not cover social media (`license_covers_social: false`), or third-party
material (`source: third-party`) with neither the rights holder's permission (`permission:
true`) nor a license that covers social media (`license_covers_social: true`, such as a
Creative Commons license). Rights that are simply not declared are reported by `undeclared-media-rights`.

## Why is this bad?
The Bitkom Social-Media-Leitfaden says users need the rights to every image, video, music
and text they use; stock licenses often cover websites and blogs but not social media, and
other people's images without the author's consent lead to costly warning letters (Bitkom,
Social-Media-Leitfaden, Kap. 6.7). This is a legal check, not legal advice.

## Example
```text
---
attachments:
  - kind: image
    alt: Skyline von Frankfurt am Abend
    source: stock
    license: Standardlizenz Web
    license_covers_social: false
---
Ab Januar sind wir auch in Frankfurt für euch da. Wer ist dabei? #Frankfurt #Beratung #Mittelstand
```

Use instead:
```text
---
attachments:
  - kind: image
    alt: Unser Team vor dem neuen Büro in Frankfurt
    source: own
---
Ab Januar sind wir auch in Frankfurt für euch da. Wer ist dabei? #Frankfurt #Beratung #Mittelstand
```
"""

from postlint.checks._kinds import on_attachment
from postlint.i18n import t

CODE = "PL507"
NAME = "media-rights-not-cleared"
OPTIONS = {}


def check(draft, opts):
    for item in draft.attachments or ():
        if item.license_covers_social is False:
            if item.license:
                message = t("{attachment}: license {license} does not cover social media", attachment=item.label,
                            license=repr(item.license))
            else:
                message = t("{attachment}: its license does not cover social media", attachment=item.label)
            yield on_attachment(draft, item, message)
        elif item.source == "third-party" and item.permission is not True and item.license_covers_social is not True:
            yield on_attachment(draft, item, t("{attachment} is third-party material without the rights holder's "
                                               "permission (permission: true)", attachment=item.label))
