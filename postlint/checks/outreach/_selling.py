"""Find selling in a message or note, shared by PL503 and PL806: the `selling` lexicon,
prices and shop or booking links (lexicon `shop-links`), except where the context sells
nothing (lexicon `not-selling`: a request to buy, a street demonstration, a call with
someone else, a job offer accepted; lexicon `service-amounts`: a refund or a fee owed).

Who sells to whom decides: a sender who buys, has paid or wants money back (lexicon
`buying`) and offers nothing of its own (lexicon `own-offer`) sells nothing, and a price in
a sentence about the recipient's things ("your online course – at €199 …") is theirs. A
sender who presents an offer of its own and links to it pitches, price or not."""

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
    own = patterns.find(draft.text, draft.lang, "own-offer")
    if found and not own:
        if patterns.find(draft.text, draft.lang, "buying"):
            return []
        found = _not_recipients(draft, found)
    if not found and own and draft.urls:
        url = draft.urls[0]
        found.append((url.start, url.end, f"a pitch: '{draft.text[own[0].start:own[0].end]}' and a link"))
    return sorted(found)


# the reader addressed
ADDRESS = frozenset({"du", "dich", "dir", "ihr", "euch", "Sie", "Ihnen", "you"}) | {
    "dein", "deine", "deinen", "deinem", "deiner", "your", "eure", "euer", "euren", "eurem", "Ihr", "Ihre", "Ihren",
    "Ihrem", "Ihrer"}
RECIPIENT = frozenset({"dein", "deine", "deinen", "deinem", "deiner", "your", "yours", "eure", "euer", "euren",
                       "eurem", "Ihr", "Ihre", "Ihren", "Ihrem", "Ihrer"})
SENDER = frozenset({"ich", "wir", "mir", "mich", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "mein",
                    "meine", "meinen", "meinem", "i", "we", "me", "us", "our", "my"})


def _not_recipients(draft, found):
    """The signals outside sentences about the recipient's own things: a second-person
    possessive and no first person ("deine Keramikbecher … für 28 €")."""
    theirs = []
    for sentence in nlp.analyse(draft.text, draft.lang).sentences():
        words = [w[2] for w in sentence.words]
        if any(w in RECIPIENT or w.lower() in RECIPIENT and w.islower() for w in words) and not any(
                w.lower() in SENDER for w in words):
            theirs.append((sentence.start, sentence.end))
    return [f for f in found if not any(a <= f[0] < b for a, b in theirs)]


def _prices(draft) -> list[tuple[int, int, str]]:
    """Prices in sentences that speak to the reader or of the sender ("Unser Paket kostet
    49 €", "Sie sparen 20 €"; not news: "female CFOs generated $1.8 trillion more"), except
    those about a refund or a fee already owed (lexicon `service-amounts`: "Wir haben Ihnen
    die 12,90 € zurückerstattet")."""
    prices = [(m.start(), m.end(), f"price '{m[0]}'") for m in PRICE.finditer(draft.text)]
    if not prices:
        return prices
    sentences = [(s.start, s.end, {w[2] for w in s.words}) for s in nlp.analyse(draft.text, draft.lang).sentences()]
    personal = [(a, b) for a, b, words in sentences
                if any(w.lower() in SENDER or w in ADDRESS or w.lower() in ADDRESS and w.islower() for w in words)]
    prices = [p for p in prices if any(a <= p[0] < b for a, b in personal)]
    if not prices:
        return prices
    cues = [m.start for m in patterns.find(draft.text, draft.lang, "service-amounts")]
    if not cues:
        return prices
    sentences = [(s.start, s.end) for s in nlp.analyse(draft.text, draft.lang).sentences()]
    service = [(a, b) for a, b in sentences if any(a <= c < b for c in cues)]
    return [p for p in prices if not any(a <= p[0] < b for a, b in service)]
