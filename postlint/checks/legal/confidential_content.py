"""Post marks itself as internal or names a confidential project.

## What it does
Reports words that mark text as internal (`streng vertraulich`, `nur intern`, `unter
NDA`, `Sperrfrist`, `internal only`, `do not share`; lexicon `confidential.txt`) and the
project code names and other terms in the `terms` option, matched as whole words in any
case. Hashtags, @mentions and links are searched too: `#ProjektPhoenix` leaks as much as
the words. The lone words "vertraulich", "intern" and "confidential" are not reported:
"Ihre Daten behandeln wir vertraulich" is a public promise, not a leak.

## Why is this bad?
The Bitkom Social-Media-Leitfaden asks companies for do's and don'ts such as "keine
Firmeninterna posten" (Bitkom, Social-Media-Leitfaden, Kap. 3.2), and the LinkedIn-Ratgeber
warns that brand ambassadors must know "was an die Öffentlichkeit geraten darf und was
nicht. Es wäre nicht zum ersten Mal der Fall, dass durch die Social-Media-Aktivitäten von
Mitarbeitern, wichtige Details „geleaked“ worden sind" (LinkedIn-Ratgeber, „So gestalten Sie
ein professionelles Mitarbeiter-Profil auf LinkedIn“). A draft copied from an internal
document often still carries its marks.

## Example
With this in `postlint.toml`:
```toml
[rules.confidential-content]
terms = ["Projekt Phoenix"]
```

```text
Streng vertraulich: Projekt Phoenix startet im März mit drei Pilotkunden. Wer ist dabei? #Innovation
```

Use instead:
```text
Im März starten wir mit drei Pilotkunden ein neues Projekt. Mehr dazu bald hier – wer ist neugierig? #Innovation
```

## Options
- `terms` (list): project code names and other terms that must not be published, matched as whole words in any case: `terms = ["Projekt Phoenix", "Falcon"]`.
"""

from __future__ import annotations

import functools

import regex

from postlint.i18n import t
from postlint.packs import lexicon
from postlint.problem import Hit

CODE = "PL509"
NAME = "confidential-content"
OPTIONS = {"terms": list}


def check(draft, opts):
    for kind, pattern in _patterns(tuple(opts["terms"])):
        for m in pattern.finditer(draft.text):
            if kind == "marker":
                yield Hit(m.start(), m.end(), t("'{term}' marks internal content", term=m.group()))
            else:
                yield Hit(m.start(), m.end(), t("confidential term '{term}'", term=m.group()))


@functools.cache
def _patterns(terms: tuple[str, ...]) -> list[tuple[str, regex.Pattern]]:
    out = [("marker", _words(lexicon("confidential")))]
    if terms:
        out.append(("term", _words(terms, hashtags=True)))
    return out


def _words(phrases, hashtags: bool = False) -> regex.Pattern:
    """The phrases as whole words, any case, any spaces between words; with `hashtags` also
    written together after a # ("#ProjektPhoenix")."""
    spaced = [r"\s+".join(map(regex.escape, p.split())) for p in phrases]
    if hashtags:
        spaced += [regex.escape("".join(p.split())) for p in phrases if " " in p.strip()]
    alternatives = "|".join(sorted(spaced, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}_])(?:{alternatives})(?![\p{{L}}\p{{N}}_])", regex.IGNORECASE)
