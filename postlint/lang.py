"""Tell German from English drafts by their function words (lexicons in `rules/core/lexicons`).

Function words decide most drafts after a handful of tokens; it needs no model download,
which keeps postlint offline and its install small.
"""

from __future__ import annotations

import functools

import regex

from postlint.packs import lexicon

WORD = regex.compile(r"\p{L}+")
GERMAN_LETTERS = "äöüßÄÖÜ"


@functools.cache
def _words(lang: str) -> frozenset[str]:
    return frozenset(term.casefold() for term in lexicon(f"function-words-{lang}"))


def scores(text: str) -> dict[str, int]:
    """The evidence for each language: its function words in the text's first 5,000
    characters (and, for German, a third of its umlauts and ß)."""
    head = text[:5000]
    words = list(map(str.casefold, WORD.findall(head)))
    return {"de": sum(map(_words("de").__contains__, words)) + sum(map(head.count, GERMAN_LETTERS)) // 3,
            "en": sum(map(_words("en").__contains__, words))}


def detect(text: str, default: str = "de") -> str:
    """'de' or 'en'; `default` when the text gives no evidence either way."""
    found = scores(text)
    if found["de"] == found["en"]:
        return default
    return "de" if found["de"] > found["en"] else "en"
