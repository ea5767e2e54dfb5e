"""Measure a post and extract its entities the way the platforms see them.

Lengths come in four units: code points, UTF-16 code units (LinkedIn), extended grapheme
clusters (Bluesky, Mastodon) and X's weighted length (twitter-text v3). Hashtags, URLs and
the X weighted length follow twitter-text, as described in
``shared/guidance/platform-facts.md`` sections 1.1, 2.1 and 3.1, and pass its conformance
suite (tests/test_twitter_conformance.py). Mentions, e-mail addresses and emoji follow
simpler rules of our own, stated in their functions.

Every offset is a 0-based code point offset into the text exactly as given (not
normalised); ``start`` is inclusive and ``end`` exclusive.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

import regex

from postlint.packs import data_path
from postlint.problem import quick_init

__all__ = [
    "Entity",
    "Lengths",
    "blanked",
    "domain_of",
    "emails",
    "emoji",
    "hashtags",
    "length_in",
    "measure",
    "mentions",
    "unit_offset",
    "urls",
    "weighted_offset",
    "x_is_valid",
    "x_weighted_length",
]

# twitter-text config/v3.json with the scale (100) divided out: weights are 1 or 2.
X_MAX_WEIGHTED_LENGTH = 280
X_URL_WEIGHT = 23
X_EMOJI_WEIGHT = 2
# twitter-text js/src/extractUrlsWithIndices.js
MAX_URL_LENGTH = 4096
MAX_TCO_SLUG_LENGTH = 40
MAX_DOMAIN_LABEL_LENGTH = 63  # js/src/lib/idna.js


@quick_init
@dataclass(frozen=True, slots=True)
class Entity:
    """A hashtag, URL, mention, e-mail address or emoji found in a text."""

    kind: str  # "hashtag" | "url" | "mention" | "email" | "emoji"
    text: str  # hashtag without "#", mention without "@", everything else as written
    start: int  # code point offset, inclusive; a hashtag span includes "#", a mention "@"
    end: int  # code point offset, exclusive


@dataclass(frozen=True, slots=True)
class Lengths:
    """The length of a text in each unit a platform may count in."""

    characters: int  # code points: len(text)
    utf16: int  # UTF-16 code units (LinkedIn)
    graphemes: int  # extended grapheme clusters (regex \X)
    x_weighted: int  # X weighted length, twitter-text v3


# --- Character classes (twitter-text js/src/regexp/*.js) --------------------------------

# spacesGroup.js: includes NO-BREAK SPACE U+00A0 and NARROW NO-BREAK SPACE U+202F.
_SPACES = r"\x09-\x0D\x20\x85\xA0\u1680\u180E\u2000-\u200A\u2028\u2029\u202F\u205F\u3000"
_INVALID = r"\uFFFE\uFEFF\uFFFF"  # invalidCharsGroup.js
_DIRECTIONAL = r"\u202A-\u202E\u061C\u200E\u200F\u2066-\u2069"  # directionalMarkersGroup.js
_PUNCT = r"!'#%&()*+,\\\-./:;<=>?@\[\]^_{|}~$"  # punct.js
_LATIN_ACCENTS = (  # latinAccentChars.js
    r"\xC0-\xD6\xD8-\xF6\xF8-\xFF\u0100-\u024F\u0253\u0254\u0256\u0257\u0259\u025B"
    r"\u0263\u0268\u026F\u0272\u0289\u028B\u02BB\u0300-\u036F\u1E00-\u1EFF"
)
_CYRILLIC = r"\u0400-\u04FF"  # cyrillicLettersAndMarks.js

# The hashtag classes use Unicode properties where twitter-text has generated tables
# (hashtagAlpha.js, hashtagAlphaNumeric.js, hashtagSpecialChars.js).
_TAG_ALPHA = r"\p{L}\p{M}"
_TAG_ALNUM = (
    r"\p{L}\p{M}\p{Nd}_\u200C\u200D\uA67E\u05BE\u05F3\u05F4\uFF5E\u301C\u309B\u309C"
    r"\u30A0\u30FB\u3003\u0F0B\u0F0C\u00B7"
)

# --- URLs (extractUrl.js and the files it includes) -------------------------------------

# These patterns need no Unicode properties, so they are compiled with the stdlib `re`,
# which compiles them 3x and matches them 5x faster than `regex` does.
_DOMAIN_CHAR = rf"[^{_PUNCT}{_SPACES}{_INVALID}{_DIRECTIONAL}]"
# validSubdomain.js / validDomainName.js. The labels are possessive: a label is always
# followed by ".", which no label character matches, so giving characters back never helps.
_SUBDOMAIN = rf"{_DOMAIN_CHAR}(?:[_\-]*+{_DOMAIN_CHAR})*+\."
_DOMAIN_NAME = rf"{_DOMAIN_CHAR}(?:-*+{_DOMAIN_CHAR})*+\."
# validGTLD.js / validCCTLD.js ({tlds} is filled in from the TLD list); validPunycode.js
_TLD = r"(?:{tlds}(?=[^0-9a-zA-Z@+\-]|\Z)|xn--[\-0-9a-z]+)"
_PATH_CHAR = rf"[a-z{_CYRILLIC}0-9!*';:=+,.$/%#\[\]\-\u2013_~@|&{_LATIN_ACCENTS}]"
_BALANCED_PARENS = rf"\((?:{_PATH_CHAR}+|{_PATH_CHAR}*\({_PATH_CHAR}+\){_PATH_CHAR}*)\)"
_PATH_END = rf"(?:[+\-a-z{_CYRILLIC}0-9=_#/{_LATIN_ACCENTS}]|{_BALANCED_PARENS})"
_PATH = (
    rf"(?:{_PATH_CHAR}*(?:{_BALANCED_PARENS}{_PATH_CHAR}*)*{_PATH_END}"
    rf"|@{_PATH_CHAR}+/)"
)
_QUERY = r"\?[a-z0-9!?*'@();:&=+$/%#\[\]\-_.,~|]*[a-z0-9\-_&=#/]"
_URL_SOURCE = (
    rf"(?P<before>[^A-Za-z0-9@＠$#＃{_INVALID}]|^)"
    r"(?P<url>(?P<protocol>https?://)?"
    rf"(?P<domain>(?:{_SUBDOMAIN})*{_DOMAIN_NAME}{_TLD})"
    r"(?::[0-9]+)?"
    rf"(?P<path>/{_PATH}*)?"
    rf"(?:{_QUERY})?)"
)
_ASCII_DOMAIN_SOURCE = rf"(?:[\-a-z0-9{_LATIN_ACCENTS}]+\.)+{_TLD}"  # validAsciiDomain.js
# Every URL holds "." + TLD and no whitespace, so only the whitespace-delimited tokens that
# hold such a hint need the full URL regex (about 5x faster on a typical post).
_URL_HINT_SOURCE = rf"\.{_TLD}"
_TCO_URL = re.compile(rf"https?://t\.co/([a-z0-9]+)(?:{_QUERY})?", re.IGNORECASE)
_DOMAIN_LABEL_SEPARATORS = re.compile(r"[\u3002\uFF0E\uFF61]")  # punycode.js mapDomain

# --- Hashtags (validHashtag.js, hashtagBoundary.js, endHashtagMatch.js) -----------------

# Starts with the hash sign (fast to search for); the boundary before it is a lookbehind.
_HASHTAG = regex.compile(
    rf"[#＃](?<=(?:^|[\uFE0E\uFE0F]|[^{_TAG_ALNUM}&])[#＃])(?![\uFE0F\u20E3])"
    rf"(?P<tag>(?=[{_TAG_ALNUM}]*?[{_TAG_ALPHA}])[{_TAG_ALNUM}]++)"
)
_HASHTAG_END = regex.compile(r"[#＃]|://")

# --- Mentions and e-mail addresses (our rules) ------------------------------------------

# "@handle" of letters, digits and "_", not glued to a word ("a@b") and not "@http://".
# Unlike twitter-text, handles may hold non-ASCII letters ("@Jörg" on LinkedIn), and
# "@user@server" yields the mention "user" (a Mastodon remote mention's local part).
_MENTION = regex.compile(
    r"(?<![\p{L}\p{M}\p{Nd}_!#$%&*@＠])[@＠](?P<handle>[\p{L}\p{M}\p{Nd}_]++)(?!://)"
)
_EMAIL_LABEL = r"[\p{L}\p{M}\p{N}]++(?:-++[\p{L}\p{M}\p{N}]++)*+"
_EMAIL = regex.compile(
    r"(?<![\w%+\-@＠])[\w%+\-]++(?:\.[\w%+\-]++)*+"
    rf"@(?:{_EMAIL_LABEL}\.)+[\p{{L}}\p{{M}}]{{2,63}}(?![\p{{L}}\p{{M}}\p{{N}}\-@＠])"
)
# Likewise an address holds "@" and no whitespace.
_AT_SIGN = regex.compile("@")
_SPACE = regex.compile(rf"[{_SPACES}]")
_SPACE_BEFORE = regex.compile(rf"[{_SPACES}]", regex.REVERSE)

# --- Emoji and lengths ------------------------------------------------------------------

_GRAPHEME = regex.compile(r"\X")
# Counting clusters one by one is slow; a run of these characters is one cluster per code
# point unless the next character extends the last one, so the run stops before that.
_SINGLE_CLUSTER_RUN = regex.compile(
    r"(?P<run>[\t\n\x20-\x7E\xA0-\u02FF]+"
    r"(?![\p{GCB=Extend}\p{GCB=ZWJ}\p{GCB=SpacingMark}]))|\X"
)
# A grapheme cluster that may be an emoji: it starts (after any Prepend characters, so the
# whole cluster is matched) with a keycap sequence, a regional-indicator pair or an
# Extended_Pictographic code point.
_EMOJI_CANDIDATE = regex.compile(
    r"(?=\p{Grapheme_Cluster_Break=Prepend}*+"
    r"(?:(?P<keycap>[#*0-9]\uFE0F?\u20E3)|\p{Regional_Indicator}{2}|\p{Extended_Pictographic}))"
    r"\X"
)
# What makes a pictograph cluster an emoji rather than a text symbol: an emoji-presentation
# character (this includes skin tones and regional indicators), VS16, a ZWJ joining another
# pictograph, or an unassigned pictographic code point (reserved for emoji newer than the
# `regex` module's Unicode tables). "©", "®", "™", "↔", "❤" alone are text (UTS #51 default
# text presentation); for X this matches twemoji-parser's weights, see _x_spans().
_EMOJI_PRESENTED = regex.compile(
    r"(?V1)[\p{Emoji_Presentation}\uFE0F[\p{Extended_Pictographic}&&\p{Cn}]]"
    r"|\u200D\p{Extended_Pictographic}"
)
# config/v3.json ranges of weight 1; everything else weighs 2.
_X_HEAVY = regex.compile(r"[^\x00-\u10FF\u2000-\u200D\u2010-\u201F\u2032-\u2037]")
_X_INVALID = regex.compile(rf"[{_INVALID}]")
_ASTRAL = regex.compile(r"[\U00010000-\U0010FFFF]")
# Scheme, then user info, then the host (domain_of).
_HOST = regex.compile(
    r"(?:[a-z][a-z0-9+.\-]*://)?(?:[^/?#@]*@)?(?P<host>[^/?#:]*)", regex.IGNORECASE
)


@functools.cache
def _url_regexes() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Compile the URL, ASCII-domain and URL-hint regexes with the TLD list, once (~60 ms)."""
    lines = data_path("core", "tlds.txt").read_text(encoding="utf-8").splitlines()
    tlds = _trie_pattern(line.strip() for line in lines if line.strip() and line[0] != "#")
    url, ascii_domain, hint = (
        re.compile(source.replace("{tlds}", tlds), re.IGNORECASE)
        for source in (_URL_SOURCE, _ASCII_DOMAIN_SOURCE, _URL_HINT_SOURCE)
    )
    return url, ascii_domain, hint


def _trie_pattern(words: Iterable[str]) -> str:
    """Return a regex for any of ``words``, longest first, shaped as a character trie.

    With 1,574 TLDs, ``re`` compiles a trie twice and matches it four times faster than a
    flat alternation.
    """
    trie: dict = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def pattern(node: dict) -> str:
        branches = [
            re.escape(char) + pattern(child) for char, child in sorted(node.items()) if char
        ]
        if not branches:
            return ""
        if "" in node:
            branches.append("")  # a word ends here: tried after the longer words
        return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"

    return pattern(trie)


# --- Lengths ------------------------------------------------------------------------------


def measure(text: str) -> Lengths:
    """Return the length of ``text`` in every unit."""
    return Lengths(*(length(text) for length in _LENGTH_BY_UNIT.values()))


def length_in(text: str, unit: str) -> int:
    """Return the length of ``text`` in one unit (a field of ``Lengths``), measuring only
    that: a rule needs the unit of its channel, and the X weighted length is the costly one
    (`Draft.length` keeps it for the rules of a draft)."""
    return _LENGTH_BY_UNIT[unit](text)


def _utf16_length(text: str) -> int:
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _grapheme_count(text: str) -> int:
    return sum(count for _, count in _cluster_runs(text))


def x_weighted_length(text: str) -> int:
    """Return the X/Twitter weighted length (twitter-text v3 ``parseTweet``)."""
    nfc = unicodedata.normalize("NFC", text)
    total = len(nfc) + _x_heavy_count(nfc, 0, len(nfc))
    for start, end, weight in _x_spans(nfc):
        total += weight - (end - start) - _x_heavy_count(nfc, start, end)
    return total


def x_is_valid(text: str) -> bool:
    """Return whether X would accept ``text``: 0 < weighted length <= 280, no U+FFFE/FEFF/FFFF."""
    return 0 < x_weighted_length(text) <= X_MAX_WEIGHTED_LENGTH and not _X_INVALID.search(text)


def weighted_offset(text: str, limit: int) -> int | None:
    """Return the offset of the first character at which the X weighted length exceeds
    ``limit`` (a URL or emoji counts as a whole), or None if it never does."""
    nfc = unicodedata.normalize("NFC", text)
    total = pos = 0
    for start, end, weight in itertools.chain(_x_spans(nfc), [(len(nfc), len(nfc), 0)]):
        plain = (start - pos) + _x_heavy_count(nfc, pos, start)  # weight of nfc[pos:start]
        if total + plain > limit:
            for index in range(pos, start):
                total += 2 if _X_HEAVY.match(nfc, index) else 1
                if total > limit:
                    return _offset_before_nfc(text, index)
        total += plain + weight
        if total > limit:
            return _offset_before_nfc(text, start)
        pos = end
    return None


def unit_offset(text: str, limit: int, unit: str) -> int | None:
    """Return the offset of the first character at which the length of ``text`` in ``unit``
    ("characters", "utf16", "graphemes" or "x_weighted") exceeds ``limit``, or None."""
    try:
        offset_in = _OFFSET_BY_UNIT[unit]
    except KeyError:
        expected = ", ".join(_OFFSET_BY_UNIT)
        raise ValueError(f"unknown unit {unit!r}; expected one of {expected}") from None
    return offset_in(text, limit)


def _character_offset(text: str, limit: int) -> int | None:
    return limit if len(text) > limit else None


def _utf16_offset(text: str, limit: int) -> int | None:
    # Only astral characters take two units, so jump from one to the next.
    extra = 0  # astral characters before the current position
    for match in _ASTRAL.finditer(text):
        if limit - extra < match.start():
            break
        if match.start() + extra + 2 > limit:
            return match.start()
        extra += 1
    return limit - extra if limit - extra < len(text) else None


def _grapheme_offset(text: str, limit: int) -> int | None:
    if len(text) <= limit:  # never more graphemes than code points
        return None
    seen = 0
    for start, count in _cluster_runs(text):
        if seen + count > limit:
            return start + limit - seen  # inside a run, one cluster per code point
        seen += count
    return None


def _cluster_runs(text: str) -> Iterator[tuple[int, int]]:
    """Yield (start, number of grapheme clusters) for consecutive pieces of ``text``."""
    for match in _SINGLE_CLUSTER_RUN.finditer(text):
        yield match.start(), (match.end() - match.start() if match.lastgroup else 1)


# in the order of the fields of Lengths
_LENGTH_BY_UNIT = {
    "characters": len,
    "utf16": _utf16_length,
    "graphemes": _grapheme_count,
    "x_weighted": x_weighted_length,
}

_OFFSET_BY_UNIT = {
    "characters": _character_offset,
    "utf16": _utf16_offset,
    "graphemes": _grapheme_offset,
    "x_weighted": weighted_offset,
}


def _x_heavy_count(text: str, start: int, end: int) -> int:
    """Count the characters of text[start:end] that weigh 2 on X."""
    return len(_X_HEAVY.findall(text, start, end))


def _x_spans(nfc: str) -> list[tuple[int, int, int]]:
    """Return (start, end, weight) of the URLs and emoji that X counts as a whole.

    As in twitter-text ``parseTweet.js``, the walk takes a URL before an emoji at the same
    position and skips anything starting inside the previous span. For single code points,
    our emoji rule weighs exactly as twemoji-parser does: the only pictographs of weight 1
    are "©" and "®", which twemoji-parser also counts as emoji only with U+FE0F.
    """
    spans = sorted(
        [(start, end, X_URL_WEIGHT) for start, end in _twitter_url_spans(nfc)]
        + [(m.start(), m.end(), X_EMOJI_WEIGHT) for m in _emoji_matches(nfc)]
    )
    walk, pos = [], 0
    for span in spans:
        if span[0] >= pos:
            walk.append(span)
            pos = span[1]
    return walk


def _offset_before_nfc(text: str, nfc_offset: int) -> int:
    """Map an offset into NFC(text) back to ``text``.

    NFC never merges or reorders across grapheme cluster boundaries, so clusters map one to
    one; inside a cluster that normalisation changed, the cluster start is returned.
    """
    if unicodedata.is_normalized("NFC", text):
        return nfc_offset
    done = 0
    for cluster in _GRAPHEME.finditer(text):
        piece = unicodedata.normalize("NFC", cluster[0])
        if nfc_offset < done + len(piece):
            break
        done += len(piece)
    return cluster.start() + (nfc_offset - done if piece == cluster[0] else 0)


# --- Entities -----------------------------------------------------------------------------


def hashtags(text: str) -> list[Entity]:
    """Return the hashtags of ``text`` by the twitter-text rule (platform-facts.md 2.1).

    A tag needs a letter ("#2025" is none), stops at the first other character
    ("#B2B-Marketing" gives "B2B"), and is dropped inside a URL ("x.de/#anker").
    """
    if "#" not in text and "＃" not in text:
        return []
    tags, previous_end = [], -1
    for m in _HASHTAG.finditer(text):
        # twitter-text's boundary consumes the character before "#", so the last character
        # of the previous match cannot serve ("#a\uFE0F#b" gives no "b").
        if m.start() == previous_end:
            continue
        previous_end = m.end()
        if not _HASHTAG_END.match(text, m.end()):  # "#a#b", "#http://" give nothing
            tags.append(Entity("hashtag", m["tag"], m.start(), m.end()))
    return _without_overlaps(tags, _twitter_url_spans(text)) if tags else []


def urls(text: str) -> list[Entity]:
    """Return the URLs of ``text``, with or without scheme, by the twitter-text rule
    (platform-facts.md 3.1); a scheme-less URL needs a known TLD ("firma.de", not "z.B.").

    One deviation: a URL inside an e-mail address that starts earlier ("ller.de" in
    "info@müller.de") is dropped.
    """
    found = [Entity("url", text[s:e], s, e) for s, e in _twitter_url_spans(text)]
    if not found or "@" not in text:
        return found
    return _without_overlaps(found, ((e.start, e.end) for e in _email_entities(text)))


def emails(text: str) -> list[Entity]:
    """Return the e-mail addresses of ``text`` ("max@firma.de"), except inside a URL."""
    found = _email_entities(text)
    if not found:
        return found
    return _without_overlaps(found, _twitter_url_spans(text))


def mentions(text: str) -> list[Entity]:
    """Return the @mentions of ``text``: "@" plus letters, digits and "_", not glued to a
    preceding word ("a@b", "max@firma.de") and not inside a URL ("medium.com/@user")."""
    if "@" not in text and "＠" not in text:
        return []
    found = [Entity("mention", m["handle"], m.start(), m.end()) for m in _MENTION.finditer(text)]
    if not found:
        return found
    emails_found = ((e.start, e.end) for e in _email_entities(text))
    return _without_overlaps(found, itertools.chain(_twitter_url_spans(text), emails_found))


def emoji(text: str) -> list[Entity]:
    """Return one entity per emoji: a grapheme cluster with a pictograph presented as emoji,
    a flag (regional-indicator pair) or a keycap. ZWJ sequences, skin tones and emoji newer
    than the installed Unicode tables count once; "©", "™", "↔" without U+FE0F are text."""
    return [Entity("emoji", m[0], m.start(), m.end()) for m in _emoji_matches(text)]


@functools.lru_cache(maxsize=4096)
def domain_of(url: str) -> str:
    """Return the lowercase host of ``url`` without "www.": "https://www.X.de/a" -> "x.de",
    "lnkd.in/abc" -> "lnkd.in". Cached: three link rules ask for the host of each link."""
    host = _HOST.match(url.strip())["host"].lower().rstrip(".")
    return host.removeprefix("www.")


def _emoji_matches(text: str) -> Iterator[regex.Match[str]]:
    return (
        m
        for m in _EMOJI_CANDIDATE.finditer(text)
        if m["keycap"] or _EMOJI_PRESENTED.search(m[0])
    )


def _email_entities(text: str) -> list[Entity]:
    return [
        Entity("email", m[0], m.start(), m.end())
        for start, end in _tokens_around(text, (a.start() for a in _AT_SIGN.finditer(text)))
        for m in _EMAIL.finditer(text, start, end)
    ]


def _tokens_around(text: str, hits: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Yield (start, end) of each whitespace-delimited token holding one of the ascending
    offsets ``hits``, once per token."""
    end = -1
    for hit in hits:
        if hit < end:
            continue
        space_before = _SPACE_BEFORE.search(text, 0, hit)
        space_after = _SPACE.search(text, hit)
        end = space_after.start() if space_after else len(text)
        yield (space_before.end() if space_before else 0), end


def _without_overlaps(
    entities: list[Entity], others: Iterable[tuple[int, int]]
) -> list[Entity]:
    """Drop entities that overlap an earlier-starting span, as twitter-text's
    ``removeOverlappingEntities.js`` does; on a tie the entity wins."""
    merged = sorted(
        itertools.chain(((e.start, e.end, e) for e in entities), ((s, e, None) for s, e in others)),
        key=lambda item: item[0],
    )
    kept, reached = [], 0
    for start, end, entity in merged:
        if start < reached:
            continue
        reached = end
        if entity is not None:
            kept.append(entity)
    return kept


@functools.lru_cache(maxsize=16)
def _twitter_url_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Return the URL spans twitter-text finds (js/src/extractUrlsWithIndices.js).

    Cached: the linter asks for URLs, hashtags, mentions and lengths of the same text.
    """
    if "." not in text:
        return ()
    url_regex, ascii_domain, hint = _url_regexes()
    # Scanning a token from the whitespace before it finds what a scan of the whole text
    # finds: that whitespace is the only character a match may share with another token.
    matches = (
        m
        for start, end in _tokens_around(text, (h.start() for h in hint.finditer(text)))
        for m in url_regex.finditer(text, max(start - 1, 0), end)
    )
    spans: list[list[int]] = []
    for m in matches:
        start, end = m.span("url")
        domain = m["domain"]
        if not _url_length_ok(m["url"], m["protocol"] or "https://", domain, ascii_domain):
            continue
        if m["protocol"]:
            tco = _TCO_URL.match(m["url"])
            if tco:
                if len(tco[1]) > MAX_TCO_SLUG_LENGTH:
                    continue
                end = start + tco.end()
            spans.append([start, end])
            continue
        if m["before"] in ("-", "_", ".", "/"):
            continue
        # Without a scheme only the ASCII (and Latin-accented) domains inside the match
        # count; the last one keeps the path.
        found = [[start + a.start(), start + a.end()] for a in ascii_domain.finditer(domain)]
        if found and m["path"]:
            found[-1][1] = end
        spans.extend(found)
    return tuple((start, end) for start, end in spans)


def _url_length_ok(url: str, protocol: str, domain: str, ascii_domain: re.Pattern[str]) -> bool:
    """Check the IDNA labels and the 4096 limit (js/src/lib/idna.js, isValidUrl)."""
    if domain.startswith("xn--") and not ascii_domain.search(domain):
        return False
    labels = [_punycode(label) for label in domain.split(".")]
    if not all(0 < len(label) <= MAX_DOMAIN_LABEL_LENGTH for label in labels):
        return False
    # Like the Ruby extractor, count the domain as IDNA-encoded (the JS one does not).
    encoded_length = sum(map(len, labels)) + len(labels) - 1
    return len(protocol) + len(url) - len(domain) + encoded_length <= MAX_URL_LENGTH


def _punycode(label: str) -> str:
    """Encode a domain label like punycode.js ``toASCII`` (which also splits at "。")."""
    if label.isascii():
        return label
    return ".".join(
        part if part.isascii() else "xn--" + part.encode("punycode").decode("ascii")
        for part in _DOMAIN_LABEL_SEPARATORS.split(label)
    )


def blanked(text: str, entities: Iterable[Entity]) -> str:
    """The text with the entities replaced by spaces: offsets stay, words inside them go."""
    parts, done = [], 0
    for e in sorted(entities, key=lambda e: e.start):  # pieces joined once: linear in the text
        if e.start >= done:
            parts += (text[done:e.start], " " * (e.end - e.start))
            done = e.end
    return "".join(parts) + text[done:]
