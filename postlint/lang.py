"""Tell German from English drafts by their function words (lexicons in `rules/core/lexicons`).

Function words decide most drafts after a handful of tokens; it needs no model download,
which keeps postlint offline and its install small.
"""

from __future__ import annotations

import functools

import regex

from postlint.packs import lexicon

WORD = regex.compile(r"\p{L}+")
GERMAN_LETTERS = regex.compile(r"[äöüßÄÖÜ]")


@functools.cache
def _words(lang: str) -> frozenset[str]:
    return frozenset(term.casefold() for term in lexicon(f"function-words-{lang}"))


def detect(text: str, default: str = "de") -> str:
    """'de' or 'en'; `default` when the text gives no evidence either way."""
    de, en = _words("de"), _words("en")
    score_de = score_en = 0
    for match in WORD.finditer(text[:5000]):
        word = match.group().casefold()
        score_de += word in de
        score_en += word in en
    score_de += len(GERMAN_LETTERS.findall(text[:5000])) // 3
    if score_de == score_en:
        return default
    return "de" if score_de > score_en else "en"
