"""Brand name misspelled or in the wrong case.

## What it does
Reports a word (or two words written apart) that spells a brand name differently from
its owner: in another case (`Linkedin`, `Youtube`), split or joined otherwise
(`Linked In`, `Whats App`) or one or two letters off (`LinkdIn`, `Instragram`). The
brands are the platforms postlint knows (lexicon `brands.txt`: LinkedIn, XING, YouTube,
TikTok, WhatsApp, Instagram, Facebook, SlideShare) and the names in the `brands` option:
your company, products and partners.

To keep ordinary words quiet, a spelling that is letters off must start with the brand's
letter, be at least 6 letters long for one letter off and 9 for two, and must not be a
word of postlint's word lists (the verb and function-word lexicons: `planen` is not a
misspelling of a brand `Planen`), a brand itself, or written in lower case. A word in
capitals (`YOUTUBE`) is emphasis, and a possessive (`LinkedIn's`) is the brand's spelling. Hashtags, @mentions, links and e-mail addresses are skipped:
`#linkedin` and `linkedin.com` are not misspellings.

## Why is this bad?
Bitkom, Social-Media-Leitfaden, Kap. 5.3 „Was ist Social Media Monitoring?“: brands search
for conversations they would otherwise miss, "wenn jemand die Brand falsch schreibt oder
diese nicht im Post markiert": a misspelled name is a mention its owner never sees, and
readers notice a company that cannot spell its own name or its partner's.

## Example
```text
Wir haben unsere Schichtplanung mit Planwise umgestellt und berichten auf Linkedin darüber. Folgt uns dort! #Planung
```

Use instead:
```text
Wir haben unsere Schichtplanung mit Planwise umgestellt und berichten auf LinkedIn darüber. Folgt uns dort! #Planung
```

## Options
- `brands` (list): brand names in their own spelling, checked besides the platform names: `brands = ["Planwise", "Coca-Cola"]`.
"""

from __future__ import annotations

import functools

import regex

from postlint import text
from postlint.packs import lexicon
from postlint.i18n import t
from postlint.problem import Hit

CODE = "PL710"
NAME = "brand-misspelling"
OPTIONS = {"brands": list}
# the second of two words written apart: "Linked In", "Whats-App"
NEXT_WORD = regex.compile(r"[ -][\p{L}\p{N}]+")
POSSESSIVE = regex.compile(r"['’]s?$")
SEPARATORS = str.maketrans("", "", " \t-.&'’")  # "Linked In", "Coca-Cola": compared without them


def check(draft, opts):
    brands = _brands(tuple(opts["brands"]))
    # hashtags, mentions, links and e-mail addresses are blanked out: "#linkedin" is no misspelling
    searched = text.blanked(draft.text, (*draft.urls, *draft.hashtags, *draft.mentions, *text.emails(draft.text)))
    prefixes = _prefixes(tuple(brands))
    for m in _candidates(tuple(brands)).finditer(searched):
        key = m[0].translate(SEPARATORS).lower()
        if key not in prefixes and (len(key) < 6 or m[0].islower()):
            continue  # most words: no brand starts so, and too short or plain to misspell one
        # two words written apart ("Linked In"), then the word alone
        after = NEXT_WORD.match(searched, m.end()) if key in prefixes else None
        for end in ((after.end(), m.end()) if after else (m.end(),)):
            spelled = POSSESSIVE.sub("", searched[m.start():end])  # "LinkedIn's" is the brand's spelling
            found = _match(spelled, brands)
            if found:
                yield Hit(m.start(), m.start() + len(spelled), t("'{spelled}' for the brand '{brand}'",
                                                                 spelled=spelled, brand=found))
                break


@functools.cache
def _candidates(keys: tuple[str, ...]) -> regex.Pattern:
    """Words that start as a brand does, in any case: only they can misspell one (a
    misspelling keeps the first letter), which spares most words of a post the comparison."""
    firsts = "".join(sorted({regex.escape(k[0]) for k in keys}))
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])[{firsts}][\p{{L}}\p{{N}}]*(?:[-.&'’][\p{{L}}\p{{N}}]+)*",
                         regex.IGNORECASE)


def _match(spelled: str, brands: dict[str, str]) -> str | None:
    """The brand that `spelled` misspells, or None (also when it is the brand itself)."""
    key = spelled.translate(SEPARATORS).lower()
    if not key or spelled in brands.values() or spelled.isupper():  # "YOUTUBE" shouts, it does not misspell
        return None
    if key in _common():  # "planen" is a word, whatever the brand "Planen"
        return None
    if key in brands:  # another case, a space or a hyphen
        return brands[key] if not (spelled.islower() and " " not in spelled and len(spelled) < 6) else None
    if len(key) < 6 or " " in spelled or spelled.islower():
        return None
    for brand_key, brand in brands.items():
        if brand_key[0] == key[0] and abs(len(brand_key) - len(key)) <= 2:
            limit = 1 if len(brand_key) < 9 else 2
            if _distance(key, brand_key, limit) <= limit:
                return brand
    return None


@functools.cache
def _prefixes(keys: tuple[str, ...]) -> frozenset[str]:
    """Every beginning of a brand's key ("l", "li", … "linkedin"): a word that is none of
    them can only misspell a brand if it is long and not in lower case (`_match`)."""
    return frozenset(key[:n] for key in keys for n in range(1, len(key) + 1))


@functools.cache
def _brands(configured: tuple[str, ...]) -> dict[str, str]:
    return {name.translate(SEPARATORS).lower(): name for name in (*lexicon("brands"), *configured)}


@functools.cache
def _common() -> frozenset[str]:
    """Ordinary words: a near miss that is one of them is no misspelling."""
    return frozenset(word.lower() for name in ("verbs-de", "verbs-en", "verbs-en-finite", "function-words-de",
                                               "function-words-en") for word in lexicon(name))


def _distance(a: str, b: str, limit: int) -> int:
    """Optimal string alignment distance (Levenshtein with adjacent transpositions), cut
    off once it exceeds `limit`: brand names are short, so no library is needed."""
    previous2, previous = None, list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb))
            if previous2 is not None and i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                current[j] = min(current[j], previous2[j - 2] + 1)
        if min(current) > limit:
            return limit + 1
        previous2, previous = previous, current
    return previous[-1]
