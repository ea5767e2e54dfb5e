"""Find selling in a message or note, shared by PL503 and PL806: the `selling` lexicon,
prices and shop or booking links (lexicon `shop-links`), except in a request to buy."""

from __future__ import annotations

import regex

from postlint import nlp
from postlint.packs import lexicon

# "49 €", "€49", "1.299,- EUR", "$99": amounts with a currency ("20 %" alone is no price)
PRICE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*(?:,-)?\s?(?:€|EUR|Euro|USD|\$|£|CHF)(?![\p{L}]))",
    regex.IGNORECASE)


def selling(draft) -> list[tuple[int, int, str]]:
    """(start, end, what) of every selling signal, in text order; a buyer's request for an
    offer or a price (lexicon `buying-requests`) is none."""
    found = [(m.start, m.end, f"'{draft.text[m.start:m.end]}'") for m in nlp.find(draft.text, draft.lang, "selling")]
    found += [(m.start(), m.end(), f"price '{m[0]}'") for m in PRICE.finditer(draft.text)]
    requests = [(m.start, m.end) for m in nlp.find(draft.text, draft.lang, "buying-requests")]
    found = [f for f in found if not any(a <= f[0] and f[1] <= b for a, b in requests)]
    parts = lexicon("shop-links")
    for url in draft.urls:
        if any(part in url.text.lower() for part in parts):
            found.append((url.start, url.end, f"shop or booking link '{url.text}'"))
    return sorted(found)
