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


def detect(text: str, default: str = "de") -> str:
    """'de' or 'en'; `default` when the text gives no evidence either way."""
    head = text[:5000]
    words = list(map(str.casefold, WORD.findall(head)))
    score_de = sum(map(_words("de").__contains__, words)) + sum(map(head.count, GERMAN_LETTERS)) // 3
    score_en = sum(map(_words("en").__contains__, words))
    if score_de == score_en:
        return default
    return "de" if score_de > score_en else "en"
