"""Shared language processing: one lazily built spaCy pipeline per language, sentences.

spaCy (and pyphen, for syllables) are imported inside the functions here, so importing a rule
module costs nothing; the first rule that asks for an analysis loads the pipeline, once per
process. The pipeline is `spacy.blank(lang)` (no model download) with our own sentence
splitter: spaCy's German tokenizer already keeps "z. B.", "bzw.", "ca.", "Dr.", ordinals
("2. Grades") and dates ("09.09.2021") as single tokens, so a sentence ends only at a
stand-alone ".", "!", "?" or "…" token, or at a line break (a line is a visual unit in a post).

Texts are NFKC-folded per grapheme cluster before parsing, so styled Unicode ("𝗝𝗲𝘁𝘇𝘁
𝗮𝗻𝗺𝗲𝗹𝗱𝗲𝗻", fullwidth letters) matches like plain text; every offset returned here is
mapped back to the text as given.

Pattern lexicons are matched by `postlint.patterns`.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import regex

from postlint.packs import lexicon
from postlint.problem import quick_init

LANGS = ("de", "en")
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?", "‼", "⁉", "!!", "??"})
CLOSING = frozenset({'"', "“", "”", "»", "«", "'", "’", ")", "]"})
ALNUM = regex.compile(r"[\p{L}\p{N}]")
GRAPHEME = regex.compile(r"\X")
# "Don’t" and "Don't" tokenise alike only with one apostrophe (the swap keeps offsets)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
APOSTROPHE_CHARS = regex.compile("[’‘ʼ]")


@quick_init
@dataclass(frozen=True, slots=True)
class Match:
    """A matched pattern: original offsets, the folded text it matched, the lexicon line."""

    start: int
    end: int
    text: str
    pattern: str


@quick_init
@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: original offsets, and the (start, end, folded text) of each word token."""

    start: int
    end: int
    words: tuple[tuple[int, int, str], ...]


class Tokens(NamedTuple):
    """The tokens of a doc as one sequence per attribute: spaCy's attributes (named as spaCy
    names them) and the token texts."""

    IS_SPACE: Sequence[int]
    IS_PUNCT: Sequence[int]
    IDX: Sequence[int]
    LENGTH: Sequence[int]
    SPACY: Sequence[int]  # followed by white space
    LOWER: Sequence[int]  # string id of the lower-case form
    LIKE_URL: Sequence[int]
    LIKE_EMAIL: Sequence[int]
    LIKE_NUM: Sequence[int]
    text: Sequence[str]


class Token(NamedTuple):
    """A token as plain values, for rules that walk every token (`Analysis.sents`): what
    they read of a spaCy Token, at a fraction of the cost of making one."""

    i: int
    text: str
    lower_: str
    idx: int
    is_space: int
    like_url: int
    like_email: int
    whitespace: int  # followed by white space
    is_sent_start: bool
    doc: list[Token]  # every token of the text

    # spaCy's lexical attributes are these string methods (spacy/lang/lex_attrs.py)
    @property
    def is_alpha(self) -> bool:
        return self.text.isalpha()

    @property
    def is_lower(self) -> bool:
        return self.text.islower()

    @property
    def is_title(self) -> bool:
        return self.text.istitle()


class Analysis:
    """A text folded, tokenised and split into sentences; offsets map back to the original."""

    def __init__(self, text: str, lang: str):
        self.text, self.lang = text, lang
        self.folded, self._starts, self._ends = fold(text)
        self._doc = pipeline(lang).make_doc(_split_long_runs(self.folded, pipeline(lang).max_length))
        # the token attributes as plain sequences, so that the passes over every token here
        # and in the rules make no token objects: where the token is, read from spaCy in one
        # array, and what its word is (its lexeme), looked up once per process and word
        orths, idxs, spaces = self._doc.to_array(["ORTH", "IDX", "SPACY"]).T.tolist()
        lexemes, vocab = _lexemes(lang), self._doc.vocab
        if len(lexemes) > LEXEMES_KEPT:
            lexemes.clear()
        rows = [lexemes.get(orth) or _lexeme(lexemes, vocab, orth) for orth in orths]
        self.texts, self.lowers, is_space, is_punct, length, lower, url, email, num, self._wordish = (
            zip(*rows) if rows else ((),) * len(LEXEME_FIELDS))
        self.tokens = Tokens(is_space, is_punct, idxs, length, spaces, lower, url, email, num, self.texts)
        self.sentence_starts = _sentence_starts(self.tokens)
        self._index: tuple[dict[int, list[int]], list[tuple[int, int]]] | None = None
        self._words: frozenset[int] = frozenset()  # the keys of index[0], set with it (`words`)
        self.sentence_of: list[int] = []  # token -> its sentence, set by `index`

    @functools.cached_property
    def doc(self):
        """The spaCy doc, its sentences marked (few rules read spaCy tokens)."""
        import numpy

        if self.sentence_starts:
            array = numpy.array(self.sentence_starts, dtype="int64").astype("uint64").reshape(-1, 1)
            self._doc.from_array(["SENT_START"], array)
        return self._doc

    @property
    def index(self) -> tuple[dict[int, list[int]], list[tuple[int, int]]]:
        """(string id of a lower-case form -> the tokens that have it, in order; sentence ->
        (first token, end token)); built once, as several lexicons ask. Sets `sentence_of`."""
        if self._index is None:
            starts = self.sentence_starts
            # leading white space makes a sentence of its own
            firsts = [0] * (bool(starts) and starts[0] != 1) + [n for n, start in enumerate(starts) if start == 1]
            bounds = list(zip(firsts, firsts[1:] + [len(starts)]))
            at: dict[int, list[int]] = {}
            for i, lower in enumerate(self.tokens.LOWER):
                if lower in at:
                    at[lower].append(i)
                else:
                    at[lower] = [i]
            for sentence, (a, b) in enumerate(bounds):
                self.sentence_of += [sentence] * (b - a)
            self._index = at, bounds
            self._words = frozenset(at)
        return self._index

    @property
    def words(self) -> frozenset[int]:
        """The string ids of the lower-case forms in the text (the keys of `index`)."""
        self.index
        return self._words

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original (start, end) of the folded span start:end."""
        if self._starts is None:
            return start, end
        if end <= start:
            pos = self._starts[start] if start < len(self._starts) else len(self.text)
            return pos, pos
        return self._starts[start], self._ends[end - 1]

    def sents(self) -> list[list[Token]]:
        """The sentences of `doc.sents`, each as a list of plain tokens."""
        _, bounds = self.index
        return [self._plain_tokens[a:b] for a, b in bounds]

    @functools.cached_property
    def _plain_tokens(self) -> list[Token]:
        tokens, doc = self.tokens, []
        # tuple.__new__ makes the tokens without a Python call each (Token._make is one)
        doc.extend(map(tuple.__new__, itertools.repeat(Token), zip(
            itertools.count(), tokens.text, self.lowers, tokens.IDX, tokens.IS_SPACE,
            tokens.LIKE_URL, tokens.LIKE_EMAIL, tokens.SPACY, map((1).__eq__, self.sentence_starts),
            itertools.repeat(doc))))
        return doc

    def token_span(self, token) -> tuple[int, int]:
        return self.span(token.idx, token.idx + len(token.text))

    def sentences(self, skip=()) -> list[Sentence]:
        """Sentences with their word tokens; words overlapping a `skip` span (hashtags,
        links, ...) are left out, and sentences without words are dropped."""
        if not skip:
            return self._sentences
        skip, j, found = sorted(skip), 0, []
        for sentence in self._sentences:
            while j < len(skip) and skip[j][1] <= sentence.words[0][0]:
                j += 1
            # no span reaches into the sentence: most sentences stay as they are
            if j == len(skip) or skip[j][0] >= sentence.words[-1][1]:
                found.append(sentence)
                continue
            words = []
            for word in sentence.words:
                # words come in text order: spans ending before this word end before the rest
                while j < len(skip) and skip[j][1] <= word[0]:
                    j += 1
                if j == len(skip) or skip[j][0] >= word[1]:
                    words.append(word)
            if words:
                found.append(Sentence(sentence.start, sentence.end, tuple(words)))
        return found

    @functools.cached_property
    def _sentences(self) -> list[Sentence]:
        _, bounds = self.index
        tokens, span, found = self.tokens, self.span, []
        spaces, idxs, lengths, texts, wordish = tokens.IS_SPACE, tokens.IDX, tokens.LENGTH, tokens.text, self._wordish
        unmapped = self._starts is None  # folding changed no length: offsets are the original ones
        for a, b in bounds:
            chosen = [n for n in range(a, b) if wordish[n]]
            if not chosen:
                continue
            if unmapped:
                words = tuple([(idxs[n], idxs[n] + lengths[n], texts[n]) for n in chosen])
            else:
                words = tuple([(*span(idxs[n], idxs[n] + lengths[n]), texts[n]) for n in chosen])
            first, last = a, b - 1  # the sentence's span: from its first to its last token that is not space
            while spaces[first]:
                first += 1
            while spaces[last]:
                last -= 1
            found.append(Sentence(span(idxs[first], idxs[first] + lengths[first])[0],
                                  span(idxs[last], idxs[last] + lengths[last])[1], words))
        return found


# spaCy's tokenizer takes quadratic time in the length of a run without white space that it
# splits off one character at a time ('#' * 20,000: 108 s): prefixes, suffixes and infixes,
# which are never letters or digits. In a run longer than LONG_RUN, the first such character
# after every RUN_PIECE characters turns into a space for it: letters and digits stay whole
# words, the rest is cut into pieces. The length stays, so every offset into the doc is one
# into the text.
LONG_RUN = 200  # far beyond words, hashtags and most links
RUN_PIECE = 16
RUNS = regex.compile(r"[^\s\x1c-\x1f]+")  # white space as str.split and spaCy's tokenizer see it


def _split_long_runs(folded: str, max_length: int) -> str:
    """`folded` as the tokenizer may take it in linear time: long runs without white space
    cut into pieces, same length. Raises InputError for a text over spaCy's `max_length`."""
    from postlint.i18n import number, t
    from postlint.problem import InputError

    if len(folded) > max_length:
        raise InputError(t("text too long for language analysis ({count} characters, max {max})",
                           count=number(len(folded)), max=number(max_length)))
    if len(folded) <= LONG_RUN or max(map(len, folded.split()), default=0) <= LONG_RUN:  # str.split: C speed
        return folded
    chars = None
    for run in RUNS.finditer(folded):
        if run.end() - run.start() > LONG_RUN and not run[0].isalnum():
            chars = chars or list(folded)
            last = run.start()
            for at in range(run.start() + RUN_PIECE, run.end()):
                if at - last >= RUN_PIECE and not chars[at].isalnum():
                    chars[at], last = " ", at
    return folded if chars is None else "".join(chars)


@functools.lru_cache(maxsize=16)
def fold(text: str) -> tuple[str, list[int] | None, list[int] | None]:
    """NFKC per grapheme cluster, typographic apostrophes made straight: (folded, start map,
    end map); the maps are None when nothing changed in length. Cached: several rules fold
    the same draft (the maps are shared, not to be changed).

    For each folded character the maps give the original start and end of its cluster.
    """
    if unicodedata.is_normalized("NFKC", text):
        # str.translate costs a dictionary lookup per character: only when there is work
        return (text.translate(APOSTROPHES) if APOSTROPHE_CHARS.search(text) else text), None, None
    pieces, starts, ends = [], [], []
    for cluster in GRAPHEME.finditer(text):
        piece = unicodedata.normalize("NFKC", cluster[0])
        pieces.append(piece)
        starts += [cluster.start()] * len(piece)
        ends += [cluster.end()] * len(piece)
    return "".join(pieces).translate(APOSTROPHES), starts, ends


@functools.cache
def pipeline(lang: str):
    """The blank spaCy language for `lang` (built once): its tokenizer and vocabulary.

    Built from the language class directly rather than through `spacy.blank`, whose
    config and registry resolution doubled the build time (`_spacy_loader` also keeps
    spaCy's CLI out of the import); sentences are marked by `_sentence_starts`, called by
    `Analysis` rather than as a pipeline component for the same reason."""
    from postlint._spacy_loader import blank

    return blank("en" if lang == "en" else "de")


# what `Analysis` reads of a word's lexeme, in this order: its text and lower-case text, the
# Tokens fields that belong to the word, not to where it stands, and whether it counts as a
# word of a sentence (not white space, a link or an e-mail address; a letter or a digit)
LEXEME_FIELDS = ("text", "lower_", "IS_SPACE", "IS_PUNCT", "LENGTH", "LOWER", "LIKE_URL", "LIKE_EMAIL", "LIKE_NUM",
                 "wordish")
LEXEMES_KEPT = 200_000  # per language; spaCy's own vocabulary grows without a bound


@functools.cache
def _lexemes(lang: str) -> dict[int, tuple]:
    return {}


def _lexeme(lexemes: dict[int, tuple], vocab, orth: int) -> tuple:
    """A word's LEXEME_FIELDS, read from its spaCy lexeme once: the attributes are the values
    `Doc.to_array` gives (reading nine of them per token from the array, and slicing the
    texts, cost twice as much per text as looking words up here); `LOWER` is the id of
    `str.lower` of the text, as `lower_` is that text."""
    lex = vocab[orth]
    text = lex.orth_
    row = (text, text.lower(), int(lex.is_space), int(lex.is_punct), len(text), lex.lower, int(lex.like_url),
           int(lex.like_email), int(lex.like_num),
           not (lex.is_space or lex.like_url or lex.like_email) and has_word(text))
    lexemes[orth] = row
    return row


def _sentence_starts(tokens: Tokens) -> list[int]:
    """A sentence starts after a line break or after sentence-final punctuation: per token
    1 (starts a sentence) or -1, as spaCy's SENT_START."""
    texts, starts = tokens.text, []
    boundary = True
    previous = None
    for i, (space, punct) in enumerate(zip(tokens.IS_SPACE, tokens.IS_PUNCT)):
        if space:
            starts.append(-1)
            boundary = boundary or "\n" in texts[i]
            continue
        ends = False
        if previous is not None:
            # the two sets are disjoint: at most one test applies
            if texts[previous] in SENTENCE_END:
                ends = _ends_sentence(tokens, previous)
            elif texts[previous] in CLOSING:
                ends = previous > 0 and _ends_sentence(tokens, previous - 1)
        # punctuation glued to the end mark ('."', '!)') still belongs to the sentence
        starts.append(1 if boundary or (ends and not (punct and not tokens.SPACY[previous])) else -1)
        boundary = False
        previous = i
    return starts


def _ends_sentence(tokens: Tokens, i: int) -> bool:
    """Whether token `i` ends a sentence."""
    texts = tokens.text
    if texts[i] not in SENTENCE_END:
        return False
    if texts[i] != "." or i == 0 or tokens.SPACY[i - 1]:
        return True
    word = texts[i - 1]
    # "Ca." and "Min." reach us split from their dot; so do initials ("Anna M. Berg")
    return not (word.lower() in _abbreviations() or (len(word) == 1 and word.isupper()))


@functools.lru_cache(maxsize=65536)
def has_word(token: str) -> bool:
    """Whether a token holds a letter or a digit (not punctuation or an emoji only); cached,
    as the same tokens come back in every text."""
    return ALNUM.search(token) is not None


@functools.cache
def _abbreviations() -> frozenset[str]:
    return frozenset(lexicon("abbreviations"))


def analyse(text: str, lang: str) -> Analysis:
    """The analysis of a text. A draft keeps its own (`Draft.analysis`), which every rule
    that reads the draft's words shares: rules ask the draft, not this function."""
    return Analysis(text, lang)


# quotations and inline code: words someone else said, or text shown as an example. The
# pattern is the specification; `quoted` finds what its finditer finds without running it,
# as the regex scans to the end of the line from every unclosed opening mark (quadratic on
# a line of „„„„: tests/test_hostile.py, tests/test_fast_paths.py)
QUOTED = re.compile(r'„[^“”"\n]*[“”"]|“[^”\n]*”|"[^"\n]*"|»[^«\n]*«|«[^»\n]*»|`[^`\n]+`')
# opening mark -> the marks that close it (the pattern's closing class is its excluded one)
CLOSERS = {"„": "“”\"", "“": "”", '"': '"', "»": "«", "«": "»", "`": "`"}
OPENING = re.compile("[„“\"»«`]")


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quotations („…“, "…", »…«) and `inline code` in `text`, as QUOTED.finditer
    gives them, in linear time: where each closing mark next occurs is remembered and only
    looked up again once the scan has passed it."""
    found: list[tuple[int, int]] = []
    following: dict[str, int] = {}  # closing mark -> its next position (len(text) if none)

    def next_closer(marks: str, pos: int) -> int:
        best = len(text)
        for mark in marks:
            at = following.get(mark, -1)
            if at < pos:
                at = text.find(mark, pos)
                at = following[mark] = len(text) if at < 0 else at
            best = min(best, at)
        return best

    pos, line_end = 0, -1
    while (match := OPENING.search(text, pos)) is not None:
        start = match.start()
        end = next_closer(CLOSERS[text[start]], start + 1)
        if line_end < start:  # the end of the opening mark's line, looked up once per line
            line_end = text.find("\n", start)
            line_end = len(text) if line_end < 0 else line_end
        if end < line_end and (text[start] != "`" or end > start + 1):
            found.append((start, end + 1))
            pos = end + 1
        else:
            pos = start + 1
    return found


def inside(spans: list[tuple[int, int]], start: int, end: int | None = None) -> bool:
    """Whether start (or start:end) lies within one of `spans`, which are sorted and do not
    overlap (as `quoted` gives them): a binary search, so that checking every token of a
    text full of quotation marks stays linear."""
    n = bisect.bisect_right(spans, (start, float("inf"))) - 1
    return n >= 0 and start < spans[n][1] and (end is None or end <= spans[n][1])


class _Syllables(dict):
    """Syllables per word in one language, from the hyphenation points of the TeX patterns
    (pyphen's dictionaries), as textstat counts them where it has no pronunciation
    dictionary. Counted when a word is first looked up: a plain dict lookup per word (a
    cached function of word and language cost three times as much)."""

    KEPT = 65536

    def __init__(self, lang: str):
        super().__init__()
        self.lang = lang

    def __missing__(self, word: str) -> int:
        from postlint import hyphenation

        if len(self) >= self.KEPT:
            self.clear()
        count = self[word] = len(hyphenation.patterns(self.lang).points(word.lower())) + 1
        return count


@functools.cache
def syllable_counts(lang: str) -> _Syllables:
    """Syllables per word in `lang`: `syllable_counts("de")["Digitalisierung"]` is 6."""
    return _Syllables(lang)
