"""Employee post about the employer does not say that the author works there.

## What it does
For an account with an `employer` in the accounts file (a corporate influencer, brand
ambassador or employee posting from a personal profile, docs/accounts.md), reports a
post that names the employer or one of the account's `brands`, as a word, an @-mention or
a hashtag (`Muster GmbH`, `Muster`, `@MusterGmbH`), without a word that shows the
relationship: `mein Arbeitgeber`, `wir bei`, `bei uns`, `unser Team`, `ich arbeite bei`,
`#TeamMuster`, `my employer`, `our team`, a possessive right before the name
(`unsere neue MusterCloud`), or "we" in the sentence that names it (`At Muster, we ...`). The phrases are the lexicon `employer-relationship.txt`.
Company accounts have no `employer` and are not checked.

## Why is this bad?
The Bitkom Social-Media-Leitfaden says the art of corporate influencing is to be recognised
as part of the company at all times, through the content one shares and not only the profile
(Bitkom, Social-Media-Leitfaden, Kap. 4.5); the LinkedIn-Ratgeber warns that a personal
profile used for the employer makes one a brand ambassador, with legal points to observe
(LinkedIn-Ratgeber, „Markenbotschafter auf LinkedIn: Das sollten Sie wissen!“). Praise for
one's employer's product without the relationship can read as hidden advertising. Whether a
post is about the employer is judged only from the names, so this is an info.

## Example
```toml
# accounts.toml
[jana]
employer = "Muster GmbH"
brands = ["MusterCloud"]
```

```text
---
account: jana
---
Die MusterCloud hat mir heute zwei Stunden Reisekostenabrechnung gespart. Wer kennt das? #Digitalisierung #HR
```

Use instead:
```text
---
account: jana
---
Unsere MusterCloud hat mir heute zwei Stunden Reisekostenabrechnung gespart. Wer kennt das? #Digitalisierung #HR
```
"""

import functools

import regex

from postlint.i18n import t
from postlint.packs import lexicon
from postlint.problem import Hit

CODE = "PL510"
NAME = "affiliation-not-visible"
OPTIONS = {}
# what follows a company's name in its legal name: "Muster GmbH" is also called "Muster"
LEGAL_FORM = regex.compile(r"\s*,?\s*(?:GmbH\s*&\s*Co\.\s*KG(?:aA)?|gGmbH|GmbH|UG|AG|SE|KGaA|KG|OHG|e\.\s?V\.|"
                           r"Inc\.?|Ltd\.?|LLC|plc|Corp\.?)$", regex.I)
WE = regex.compile(r"(?<!\w)(?:wir|uns|we|us)(?!\w)")
SENTENCE_END = regex.compile(r"[.!?\n]+(?:\s|$)")
POSSESSIVE = r"(?:unser\w*|mein\w*|our|my)\s+(?:(?:neue[nmrs]?|new|eigene[nmrs]?|own)\s+)?"


def check(draft, opts):
    account = draft.account
    if account is None or account.employer is None:
        return
    names = _names((account.employer, *account.brands))
    first = _first_mention(draft, names)
    if first is None or _relationship(draft, names):
        return
    start, end = first
    yield Hit(start, end, t("{name} named without saying you work there (e.g. 'my employer', 'wir bei')",
                            name=repr(draft.text[start:end])))


def _names(names) -> tuple[str, ...]:
    """Each name as written and without its legal form."""
    found = []
    for name in names:
        for variant in (name, LEGAL_FORM.sub("", name)):
            if len(variant) >= 2 and variant.casefold() not in found:
                found.append(variant.casefold())
    return tuple(found)


def _compact(text: str) -> str:
    return regex.sub(r"[\W_]+", "", text.casefold())


def _first_mention(draft, names) -> tuple[int, int] | None:
    """The span of the first mention of a name: as words, or as an @-mention or hashtag."""
    spans = []
    folded = draft.text.casefold()
    for name in names:
        match = regex.search(rf"(?<!\w){regex.escape(name)}(?!\w)", folded)
        if match:
            spans.append(match.span())
    compact = {_compact(name) for name in names}
    spans += [(e.start, e.end) for e in (*draft.mentions, *draft.hashtags) if _compact(e.text) in compact]
    return min(spans) if spans else None


def _relationship(draft, names) -> bool:
    folded = draft.text.casefold()
    if _markers().search(folded):
        return True
    for tag in draft.hashtags:  # #TeamMuster, #MusterTeam, #WirSuchen
        text = tag.text.casefold()
        if text.startswith("team") or text.endswith("team") or text in _hashtag_markers():
            return True
    alternatives = "|".join(regex.escape(name) for name in names)
    if regex.search(rf"(?<!\w){POSSESSIVE}[@#]?(?:{alternatives})", folded):
        return True
    # "At Muster, we ...", "Muster ... as a company, we are": the name and "we" in one sentence
    return any(regex.search(rf"(?<!\w)(?:{alternatives})(?!\w)", sentence) and WE.search(sentence)
               for sentence in SENTENCE_END.split(folded))


@functools.cache
def _hashtag_markers() -> frozenset[str]:
    return frozenset(_compact(line) for line in lexicon("employer-relationship") if "*" not in line)


@functools.cache
def _markers() -> regex.Pattern:
    phrases = [regex.escape(line.casefold()).replace(r"\*", r"\w*") for line in lexicon("employer-relationship")]
    return regex.compile(rf"(?<!\w)(?:{'|'.join(phrases)})")
