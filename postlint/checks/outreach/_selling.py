"""Find selling in a message or note, shared by PL503 and PL806: the `selling` lexicon,
prices and shop or booking links (lexicon `shop-links`), except where the context sells
nothing (lexicon `not-selling`: a request to buy, a street demonstration, a call with
someone else, a job offer accepted; lexicon `service-amounts`: a refund or a fee owed).

Who sells to whom decides: a sender who buys, has paid or wants money back (lexicon
`buying`) and offers nothing of its own (lexicon `own-offer`) sells nothing, and a price in
a sentence about the recipient's things ("your online course – at €199 …") is theirs. A
sender who presents an offer of its own and links to it pitches, price or not, and so does
one who links to its own shop (the `domains` of its account in the accounts file), but for
its editorial pages (lexicon `editorial-paths`)."""

from __future__ import annotations

import regex

from postlint import patterns, text
from postlint.i18n import t
from postlint.packs import lexicon

# "49 €", "€49", "1.299,- EUR", "$99": amounts with a currency ("20 %" alone is no price)
PRICE = regex.compile(
    r"(?<![\p{L}\p{N}])(?:[€$£]\s?\d[\d.,]*|\d[\d.,]*(?:,-)?\s?(?:€|EUR|Euro|USD|\$|£|CHF)(?![\p{L}]))",
    regex.IGNORECASE)


def selling(draft) -> list[tuple[int, int, str]]:
    """(start, end, what) of every selling signal, in text order. None overlaps a context
    that sells nothing (lexicon `not-selling`): a buyer's request for an offer or a price,
    a street demonstration, a call reported as arranged or arranged with someone else."""
    found = [(m.start, m.end, f"'{draft.text[m.start:m.end]}'") for m in patterns.find(draft.analysis, "selling")]
    found += _prices(draft)
    if found:
        contexts = [(m.start, m.end) for m in patterns.find(draft.analysis, "not-selling")]
        found = [f for f in found if not any(a < f[1] and f[0] < b for a, b in contexts)]
    parts = lexicon("shop-links")
    domains = draft.account.domains if draft.account is not None else ()
    for url in draft.urls:
        if any(part in url.text.lower() for part in parts):
            found.append((url.start, url.end, t("shop or booking link '{link}'", link=url.text)))
        elif domains and _own_offer_link(url.text, domains):
            found.append((url.start, url.end, t("link to the sender's own site '{link}'", link=url.text)))
    own = patterns.find(draft.analysis, "own-offer")
    if found and not own:
        if patterns.find(draft.analysis, "buying"):
            return []
        found = _not_recipients(draft, found)
    if not found and own and draft.urls:
        url = draft.urls[0]
        found.append((url.start, url.end, t("a pitch: '{offer}' and a link", offer=draft.text[own[0].start:own[0].end])))
    return sorted(found)


def _own_offer_link(url: str, domains: tuple[str, ...]) -> bool:
    """Whether `url` leads to a page of one of the sender's own domains (the accounts file)
    other than an editorial one (lexicon `editorial-paths`: "/magazin/…", "/blog/…")."""
    host = text.domain_of(url)
    if not any(host == d or host.endswith("." + d) for d in domains):
        return False
    path = url.split("://", 1)[-1].partition("/")[2].lower()
    return not set(regex.split(r"[/?#&=._-]+", path)) & set(lexicon("editorial-paths"))


POSSESSIVE = frozenset({"dein", "deine", "deinen", "deinem", "deiner", "your", "eure", "euer", "euren", "eurem", "Ihr",
                        "Ihre", "Ihren", "Ihrem", "Ihrer"})
# the reader addressed
ADDRESS = POSSESSIVE | {"du", "dich", "dir", "ihr", "euch", "Sie", "Ihnen", "you"}
# what belongs to the recipient
RECIPIENT = POSSESSIVE | {"yours"}
SENDER = frozenset({"ich", "wir", "mir", "mich", "uns", "unser", "unsere", "unseren", "unserem", "unserer", "mein",
                    "meine", "meinen", "meinem", "i", "we", "me", "us", "our", "my"})


def _sentences(draft, test) -> list[tuple[int, int]]:
    """The spans of the sentences whose words `test` accepts."""
    return [(s.start, s.end) for s in draft.analysis.sentences() if test([w[2] for w in s.words])]


def _mentions(words: list[str], forms: frozenset[str]) -> bool:
    """Whether one of `forms` stands among `words`: capitalised forms ("Ihre") as written,
    lower-case ones in any case."""
    return any(w in forms or w.islower() and w.lower() in forms for w in words)


def _not_recipients(draft, found):
    """The signals outside sentences about the recipient's own things: a second-person
    possessive and no first person ("deine Keramikbecher … für 28 €")."""
    theirs = _sentences(draft, lambda words: _mentions(words, RECIPIENT) and not any(w.lower() in SENDER for w in words))
    return [f for f in found if not any(a <= f[0] < b for a, b in theirs)]


def _prices(draft) -> list[tuple[int, int, str]]:
    """Prices in sentences that speak to the reader or of the sender ("Unser Paket kostet
    49 €", "Sie sparen 20 €"; not news: "female CFOs generated $1.8 trillion more"), except
    those about a refund or a fee already owed (lexicon `service-amounts`: "Wir haben Ihnen
    die 12,90 € zurückerstattet")."""
    prices = [(m.start(), m.end(), t("price '{price}'", price=m[0])) for m in PRICE.finditer(draft.text)]
    if not prices:
        return prices
    personal = _sentences(draft, lambda words: any(w.lower() in SENDER for w in words) or _mentions(words, ADDRESS))
    prices = [p for p in prices if any(a <= p[0] < b for a, b in personal)]
    if not prices:
        return prices
    cues = [m.start for m in patterns.find(draft.analysis, "service-amounts")]
    if not cues:
        return prices
    sentences = [(s.start, s.end) for s in draft.analysis.sentences()]
    service = [(a, b) for a, b in sentences if any(a <= c < b for c in cues)]
    return [p for p in prices if not any(a <= p[0] < b for a, b in service)]
