"""Find selling in a message or note, shared by PL503 and PL806: the `selling` lexicon,
prices and shop or booking links (lexicon `shop-links`), except where the context sells
nothing (lexicon `not-selling`: a request to buy, a street demonstration, a call with
someone else, a job offer accepted; lexicon `service-amounts`: a refund or a fee owed)."""

from __future__ import annotations

import regex

from postlint import nlp, patterns
from postlint.packs import lexicon

# "49 €", "€49", "1.299,- EUR", "$99": amounts with a currency ("20 %" alone is no price)
PRICE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*(?:,-)?\s?(?:€|EUR|Euro|USD|\$|£|CHF)(?![\p{L}]))",
    regex.IGNORECASE)


def selling(draft) -> list[tuple[int, int, str]]:
    """(start, end, what) of every selling signal, in text order. None overlaps a context
    that sells nothing (lexicon `not-selling`): a buyer's request for an offer or a price,
    a street demonstration, a call reported as arranged or arranged with someone else."""
    found = [(m.start, m.end, f"'{draft.text[m.start:m.end]}'") for m in patterns.find(draft.text, draft.lang, "selling")]
    found += _prices(draft)
    if found:
        contexts = [(m.start, m.end) for m in patterns.find(draft.text, draft.lang, "not-selling")]
        found = [f for f in found if not any(a < f[1] and f[0] < b for a, b in contexts)]
    parts = lexicon("shop-links")
    for url in draft.urls:
        if any(part in url.text.lower() for part in parts):
            found.append((url.start, url.end, f"shop or booking link '{url.text}'"))
    return sorted(found)


def _prices(draft) -> list[tuple[int, int, str]]:
    """Prices, except those in a sentence about a refund or a fee already owed (lexicon
    `service-amounts`: "Wir haben Ihnen die 12,90 € zurückerstattet")."""
    prices = [(m.start(), m.end(), f"price '{m[0]}'") for m in PRICE.finditer(draft.text)]
    if not prices:
        return prices
    cues = [m.start for m in patterns.find(draft.text, draft.lang, "service-amounts")]
    if not cues:
        return prices
    sentences = [(s.start, s.end) for s in nlp.analyse(draft.text, draft.lang).sentences()]
    service = [(a, b) for a, b in sentences if any(a <= c < b for c in cues)]
    return [p for p in prices if not any(a <= p[0] < b for a, b in service)]
