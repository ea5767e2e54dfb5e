"""Find advertising labels in a post, shared by the disclosure rules (PL501, PL511, PL512).

The label lexicons (`ad-labels-de`, `ad-labels-en`, `ad-labels-weak`) say how each label
may stand; see ad-labels-de.txt. Matching runs on the NFKC-folded text, so styled Unicode
("𝗪𝗲𝗿𝗯𝘂𝗻𝗴", fullwidth letters) counts, and every span points into the post as written.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from dataclasses import dataclass

import regex

from postlint import nlp
from postlint.packs import lexicon
from postlint.problem import quick_init

KINDS = ("tag", "word", "lead", "phrase")
# what may stand right after a "word" label: the end of the line or a delimiter, not a word
# or a comma ("Werbung, die nervt")
WORD_END = r"(?=[ \t]*(?:$|[^\p{L}\p{N}\s,]))"
# runs of letters and digits, by Python's re ([^\W_]): faster than regex's [\p{L}\p{N}],
# whose newer Unicode tables take more characters, never fewer. So a text's runs are those
# regex finds or split further, never joined, and a run of characters both take (the only
# words `_required` checks) is found by both: the word check stays a necessary condition of
# the label regexes (which keep regex's classes).
RUN = re.compile(r"[^\W_]+")


@quick_init
@dataclass(frozen=True, slots=True)
class Label:
    start: int
    end: int
    text: str
    kind: str


def accepted(draft) -> list[Label]:
    """Labels that disclose an ad in the draft's language; German ones count everywhere."""
    found = find(draft, "ad-labels-de")
    if draft.lang == "en":
        found += find(draft, "ad-labels-en")
    return sorted(found, key=lambda label: label.start)


def weak(draft, evident_only: bool) -> list[Label]:
    """Insufficient disclosures; `evident_only` keeps tags, words and leads (no phrases)."""
    kinds = ("tag", "word", "lead") if evident_only else KINDS
    return [label for label in find(draft, "ad-labels-weak") if label.kind in kinds]


# the labels of the last drafts, by (text, lexicon): four rules search the same draft
_FOUND: dict[tuple[str, str], list[Label]] = {}


def find(draft, name: str) -> list[Label]:
    key = (draft.text, name)
    if key not in _FOUND:
        if len(_FOUND) >= 64:
            _FOUND.clear()
        _FOUND[key] = _find(draft, name)
    return list(_FOUND[key])


def _find(draft, name: str) -> list[Label]:
    entries = _entries(name)
    found = []
    tags = entries["tag"]
    for tag in draft.hashtags:
        if unicodedata.normalize("NFKC", tag.text).casefold() in tags and not _spoken_of(draft.text, tag.start):
            found.append(Label(tag.start, tag.end, draft.text[tag.start:tag.end], "tag"))
    folded, starts, ends = nlp.fold(draft.text)
    words, taken = _words(folded), None
    for kind in ("word", "lead", "phrase"):
        # the label regexes are slow to build and to scan (a lookbehind at every position),
        # and most posts lack a word that each term of the kind needs
        if not _possible(name, kind, words):
            continue
        pattern = _pattern(name, kind)
        if taken is None:
            # words inside links and @handles ("partner.de", "@werbung_ag") are no labels
            taken = [(e.start, e.end) for e in (*draft.urls, *draft.mentions)]
        for match in pattern.finditer(folded):
            start, end = match.span("label")
            if starts is not None:
                start, end = starts[start], ends[end - 1]
            if not any(start < b and a < end for a, b in [*taken, *((x.start, x.end) for x in found)]):
                found.append(Label(start, end, draft.text[start:end], kind))
    return sorted(found, key=lambda label: label.start)


# an article, a determiner or a preposition before a label hashtag makes it a word of the
# sentence, the label spoken of rather than used: "Ein #ad versteckt zwischen sechs Hashtags
# reicht nicht", "posts marked with #ad"
SPOKEN_OF = regex.compile(
    r"(?:^|\W)(?:ein|einem|einen|eines|kein|keinem|keinen|das|dem|des|der|den|die|ohne|mit|als|per|the|a|an|"
    r"no|with|without|as|using|via)\s+$", regex.IGNORECASE)


def _spoken_of(text: str, start: int) -> bool:
    return SPOKEN_OF.search(text[max(0, start - 12):start]) is not None


def trailing_hashtags_start(draft) -> int:
    """Where the hashtag block that closes the post starts (len(text) if there is none).

    A post that is nothing but hashtags has no closing block: its first tag is its start.
    """
    tags, text = draft.hashtags, draft.text
    if not tags or nlp.ALNUM.search(text[tags[-1].end:]):
        return len(text)
    start = tags[-1].start
    for tag in reversed(tags[:-1]):
        if nlp.ALNUM.search(text[tag.end:start]):
            break
        start = tag.start
    return start if start > 0 else len(text)


@functools.cache
def _entries(name: str) -> dict[str, frozenset[str]]:
    entries: dict[str, set[str]] = {kind: set() for kind in KINDS}
    for line in lexicon(name):
        kind, _, term = line.partition(":")
        if kind.strip() not in entries or not term.strip():
            raise ValueError(f"lexicon {name}: expected 'kind: text' with kind in {', '.join(KINDS)}, got {line!r}")
        entries[kind.strip()].add(term.strip().casefold())
    return {kind: frozenset(terms) for kind, terms in entries.items()}


@functools.lru_cache(maxsize=4)
def _words(folded: str) -> frozenset[str]:
    """The lower-case letter-and-digit runs of a folded text. A label word stands between
    such runs and matches case-insensitively; "İ" is the one folded letter the regex
    matches to a lexicon letter ("i") other than by `str.lower`, and the only character
    whose lower case is longer or not a letter or digit: lowering the whole text changes
    no run."""
    return frozenset(RUN.findall(folded.replace("İ", "i").lower()))


def _possible(name: str, kind: str, words: frozenset[str]) -> bool:
    """Whether some term of this kind has every required word in `words` (a match needs that)."""
    by_first, always = _required(name, kind)
    if always:
        return True
    if words.isdisjoint(by_first):  # most texts hold no first word of any term
        return False
    return any(all(not alternatives.isdisjoint(words) for alternatives in term)
               for word in words & by_first.keys() for term in by_first[word])


@functools.cache
def _required(name: str, kind: str) -> tuple[dict[str, list[tuple[frozenset[str], ...]]], bool]:
    """(a word -> the terms whose first required word it may be, each as the alternatives of
    its required words; whether a term requires nothing checkable: a word that is not one
    run of letters and digits, or only optional words)."""
    by_first: dict[str, list[tuple[frozenset[str], ...]]] = {}
    always = False
    for term in _entries(name)[kind]:
        words = [word.split("|") for word in term.split() if not (len(word) > 1 and word.endswith("?"))]
        if not words or not all(RUN.fullmatch(alternative) for word in words for alternative in word):
            always = True
            continue
        for alternative in words[0]:
            by_first.setdefault(alternative, []).append(tuple(frozenset(word) for word in words))
    return by_first, always


def _term(term: str) -> str:
    """The regex of a lexicon term: its words separated by blanks; a word may be
    alternatives (`beitrag|post`) or optional (`eine?`)."""
    source = ""
    for n, word in enumerate(term.split()):
        optional = len(word) > 1 and word.endswith("?")
        options = "|".join(regex.escape(w) for w in (word[:-1] if optional else word).split("|"))
        part = f"(?:{options})"
        if n == 0:
            source = f"{part}?" if optional else part
        else:
            source += f"(?:[ \t]+{part})?" if optional else f"[ \t]+{part}"
    return source


@functools.cache
def _pattern(name: str, kind: str) -> regex.Pattern | None:
    terms = sorted(_entries(name)[kind], key=len, reverse=True)
    if not terms:
        return None
    body = "|".join(_term(term) for term in terms)
    # not the tail of a compound or an address: "self-promotion", "info@werbung.de"
    label = rf"(?P<label>(?<![\p{{L}}\p{{N}}])(?<![\p{{L}}\p{{N}}][-/.@_'])(?:{body})(?![\p{{L}}\p{{N}}]))"
    # a label stands at the start of a line or after a symbol ("| Werbung", "[Werbung]",
    # "Toll! Werbung"), but not after a word, a comma or an opening quote: "in der
    # Werbung", 'nicht üblich "Anzeige" zu erstatten'
    line_start = r"(?<=^[^\p{L}\p{N}\n]*)"
    after_symbol = r"(?<=[^\p{L}\p{N}\s,;\"'„“”‚‘’»«][ \t]*)"
    if kind == "word":
        source = rf"(?:{line_start}|{after_symbol}){label}{WORD_END}"
    elif kind == "lead":
        source = rf"{line_start}{label}"
    else:
        source = label
    return regex.compile(source, regex.IGNORECASE | regex.MULTILINE)
