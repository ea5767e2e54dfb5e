"""Shared language processing: one lazily built spaCy pipeline per language, sentences, matchers.

spaCy (and pyphen, for syllables) are imported inside the functions here, so importing a rule
module costs nothing; the first rule that asks for an analysis loads the pipeline, once per
process. The pipeline is `spacy.blank(lang)` (no model download) with our own sentence
splitter: spaCy's German tokenizer already keeps "z. B.", "bzw.", "ca.", "Dr.", ordinals
("2. Grades") and dates ("09.09.2021") as single tokens, so a sentence ends only at a
stand-alone ".", "!", "?" or "…" token, or at a line break (a line is a visual unit in a post).

Texts are NFKC-folded per grapheme cluster before parsing, so styled Unicode ("𝗝𝗲𝘁𝘇𝘁
𝗮𝗻𝗺𝗲𝗹𝗱𝗲𝗻", fullwidth letters) matches like plain text; every offset returned here is
mapped back to the text as given.

Pattern lexicons (`rules/core/lexicons/*.txt`) hold one spaCy `Matcher` pattern per line,
tokens separated by spaces and compared in lower case; `find` matches them over plain token
lists as spaCy's Matcher would (tests/test_nlp.py compares both on the evaluation drafts):

- `word`, `a|b|c`: that word, one of these words; `kommentier*`: a word starting so;
- `!a|b`: any word (not punctuation) but these; `<num>` a number, `<url>` a link, `<title>` a
  capitalised word, `<lower>` a word in lower case, `<mention>` an @mention, `<code>` a code
  in capitals (`SOMMER20`), `<any>` any word; `<title>!a|b`: a capitalised word but these;
- `word?`: optional; `...`: up to three further words; `*`: any number of further words
  without punctuation between them (the German verb bracket: "Tragt euch bis Freitag in die
  Liste im Vereinsheim ein");
- `^` first: the match starts a clause (a sentence, a line, or after punctuation or an emoji);
  `$` last: the match ends a clause.

No match runs across the end of a sentence or a line break.
"""

from __future__ import annotations

import functools
import itertools
import re
import unicodedata
from dataclasses import dataclass
from typing import NamedTuple

import regex

from postlint.packs import lexicon

LANGS = ("de", "en")
SENTENCE_END = frozenset({".", "!", "?", "…", "...", "?!", "!?", "‼", "⁉", "!!", "??"})
CLOSING = frozenset({'"', "“", "”", "»", "«", "'", "’", ")", "]"})
ALNUM = regex.compile(r"[\p{L}\p{N}]")
GRAPHEME = regex.compile(r"\X")
# "Don’t" and "Don't" tokenise alike only with one apostrophe (the swap keeps offsets)
APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})
APOSTROPHE_CHARS = regex.compile("[’‘ʼ]")


@dataclass(frozen=True, slots=True)
class Match:
    """A matched pattern: original offsets, the folded text it matched, the lexicon line."""

    start: int
    end: int
    text: str
    pattern: str


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: original offsets, and the (start, end, folded text) of each word token."""

    start: int
    end: int
    words: tuple[tuple[int, int, str], ...]


class Tokens(NamedTuple):
    """The tokens of a doc as one list per attribute: spaCy's attributes (named as spaCy
    names them, read with `Doc.to_array`) and the token texts."""

    IS_SPACE: list[int]
    IS_PUNCT: list[int]
    IDX: list[int]
    LENGTH: list[int]
    SPACY: list[int]  # followed by white space
    LOWER: list[int]  # string id of the lower-case form
    LIKE_URL: list[int]
    LIKE_EMAIL: list[int]
    LIKE_NUM: list[int]
    text: list[str]


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
        self.doc = pipeline(lang).make_doc(self.folded)
        # the token attributes as plain lists, read from spaCy in one array (by column: a
        # list per row cost twice as much): the passes over every token here and in the
        # rules make no token objects
        columns = self.doc.to_array(list(Tokens._fields[:-1])).T.tolist()
        self.texts = [self.folded[i:i + n] for i, n in zip(columns[2], columns[3])]
        self.lowers = list(map(str.lower, self.texts))  # spaCy's LOWER is str.lower of the text
        self.tokens = Tokens(*columns, self.texts)
        self.sentence_starts = _mark_sentences(self.doc, self.tokens)
        self._index: tuple[dict[int, set[int]], list[tuple[int, int]]] | None = None
        self._words: frozenset[int] = frozenset()  # the keys of index[0], set with it

    @property
    def index(self) -> tuple[dict[int, set[int]], list[tuple[int, int]]]:
        """(string id of a lower-case form -> the sentences it occurs in, sentence -> (first
        token, end token)); built once, as several lexicons ask."""
        if self._index is None:
            starts, lowers = self.sentence_starts, self.tokens.LOWER
            # leading white space makes a sentence of its own
            firsts = [0] * (bool(starts) and starts[0] != 1) + [n for n, start in enumerate(starts) if start == 1]
            bounds = list(zip(firsts, firsts[1:] + [len(starts)]))
            occurs: dict[int, set[int]] = {}
            for sentence, (a, b) in enumerate(bounds):
                for lower in lowers[a:b]:
                    if lower in occurs:
                        occurs[lower].add(sentence)
                    else:
                        occurs[lower] = {sentence}
            self._index = occurs, bounds
            self._words = frozenset(occurs)
        return self._index

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
        spaces, idxs, lengths, texts = tokens.IS_SPACE, tokens.IDX, tokens.LENGTH, tokens.text
        links = [url or email for url, email in zip(tokens.LIKE_URL, tokens.LIKE_EMAIL)]
        unmapped = self._starts is None  # folding changed no length: offsets are the original ones
        for a, b in bounds:
            words, first, last = [], None, None
            for n in range(a, b):
                if spaces[n]:
                    continue
                if first is None:
                    first = n
                last = n
                if not links[n] and has_word(texts[n]):
                    idx = idxs[n]
                    words.append((idx, idx + lengths[n], texts[n]) if unmapped
                                 else (*span(idx, idx + lengths[n]), texts[n]))
            if words:
                start = span(idxs[first], idxs[first] + lengths[first])[0]
                end = span(idxs[last], idxs[last] + lengths[last])[1]
                found.append(Sentence(start, end, tuple(words)))
        return found


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
    spaCy's CLI out of the import); sentences are marked by `_mark_sentences`, called by
    `Analysis` rather than as a pipeline component for the same reason."""
    from postlint._spacy_loader import blank

    return blank("en" if lang == "en" else "de")


def _mark_sentences(doc, tokens: Tokens) -> list[int]:
    """A sentence starts after a line break or after sentence-final punctuation: per token
    1 (starts a sentence) or -1, set on `doc` in one go and returned."""
    import numpy

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
    if starts:
        doc.from_array(["SENT_START"], numpy.array(starts, dtype="int64").astype("uint64").reshape(-1, 1))
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


@functools.lru_cache(maxsize=16)
def analyse(text: str, lang: str) -> Analysis:
    """The analysis of a text; the last few are cached, as several rules ask for the same."""
    return Analysis(text, lang)


def _token_spec(word: str) -> dict:
    special = {"<num>": {"LIKE_NUM": True}, "<url>": {"LIKE_URL": True}, "<title>": {"IS_TITLE": True},
               "<lower>": {"IS_LOWER": True}, "<any>": {"IS_SPACE": False}, "<mention>": {"TEXT": {"REGEX": r"^@\w"}},
               "<code>": {"TEXT": {"REGEX": r"^(?=.*[A-Z])(?=.*[0-9])[A-Z0-9-]{4,}$|^[A-Z]{5,}$"}}}
    if word in special:
        return dict(special[word])
    name, bang, excluded = word.partition("!")
    if bang and name in special and excluded:
        return {**special[name], "LOWER": {"NOT_IN": excluded.split("|")}}
    if word.startswith("!") and len(word) > 1:
        return {"LOWER": {"NOT_IN": word[1:].split("|")}, "IS_SPACE": False, "IS_PUNCT": False}
    options = word.split("|")
    if any(o.endswith("*") for o in options):
        alternatives = "|".join(regex.escape(o[:-1]) + ".*" if o.endswith("*") else regex.escape(o) for o in options)
        return {"LOWER": {"REGEX": f"^(?:{alternatives})$"}}
    return {"LOWER": options[0]} if len(options) == 1 else {"LOWER": {"IN": options}}


def compile_pattern(line: str) -> tuple[list[dict], bool, bool]:
    """A lexicon line -> (spaCy Matcher pattern, anchored at clause start, at clause end)."""
    words = line.split()
    first = bool(words) and words[0] == "^"
    last = len(words) > 1 and words[-1] == "$"
    words = words[first:len(words) - last]
    pattern = []
    for word in words:
        if word == "...":
            spec = {"IS_SPACE": False, "TEXT": {"NOT_IN": sorted(SENTENCE_END)}, "OP": "{0,3}"}
        elif word == "*":
            spec = {"IS_SPACE": False, "IS_PUNCT": False, "OP": "*"}
        elif len(word) > 1 and word.endswith("?"):
            spec = {**_token_spec(word[:-1]), "OP": "?"}
        else:
            spec = _token_spec(word)
        pattern.append(spec)
    if not pattern:
        raise ValueError(f"empty pattern {line!r}")
    return pattern, first, last


def _triggers(pattern: list[dict]) -> frozenset[frozenset[str]]:
    """The words a sentence must contain for `pattern` to match in it: for every required
    plain-word token, the lowercase forms it accepts (one of each must occur). Empty when
    no required token is a plain word list, as in `<title> <num>`."""
    found = set()
    for spec in pattern:
        if "OP" in spec or set(spec) != {"LOWER"}:
            continue
        lower = spec["LOWER"]
        if isinstance(lower, str):
            found.add(frozenset([lower]))
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            found.add(frozenset(lower["IN"]))
    return frozenset(found)


def _test(spec: dict):
    """A spaCy Matcher token spec (`compile_pattern`) as a function of (analysis, token
    position): the Matcher's Python-level predicates (IN, NOT_IN, REGEX) made up most of
    its time, and its calls need spaCy Token objects."""
    checks = []
    for attr, value in spec.items():
        if attr == "OP":
            continue
        if attr in ("LOWER", "TEXT") and isinstance(value, dict):
            (operator, operand), = value.items()
            column = "lowers" if attr == "LOWER" else "texts"
            if operator == "IN":
                checks.append(lambda a, i, c=column, s=frozenset(operand): getattr(a, c)[i] in s)
            elif operator == "NOT_IN":
                checks.append(lambda a, i, c=column, s=frozenset(operand): getattr(a, c)[i] not in s)
            elif operator == "REGEX":
                # the Matcher's REGEX predicate: Python's re, searched
                checks.append(lambda a, i, c=column, r=re.compile(operand): r.search(getattr(a, c)[i]) is not None)
            else:
                raise ValueError(f"unsupported operator {operator!r}")
        elif attr in ("LOWER", "TEXT"):
            column = "lowers" if attr == "LOWER" else "texts"
            checks.append(lambda a, i, c=column, w=value: getattr(a, c)[i] == w)
        elif attr in ("IS_TITLE", "IS_LOWER"):
            # spaCy's lexical attributes are these string methods (spacy/lang/lex_attrs.py)
            method = str.istitle if attr == "IS_TITLE" else str.islower
            checks.append(lambda a, i, m=method, v=value: m(a.texts[i]) == v)
        elif attr in ("IS_SPACE", "IS_PUNCT", "LIKE_NUM", "LIKE_URL"):
            checks.append(lambda a, i, k=Tokens._fields.index(attr), v=value: bool(a.tokens[k][i]) == v)
        else:
            raise ValueError(f"unsupported token attribute {attr!r}")
    if len(checks) == 1:
        return checks[0]
    return lambda a, i: all(check(a, i) for check in checks)


class Pattern(NamedTuple):
    """A compiled lexicon line: its elements as (test, fewest, most tokens), the anchors,
    and the words a match may start with (None: any token)."""

    line: int
    text: str
    elements: tuple[tuple, ...]
    first: bool
    last: bool
    openers: frozenset[str] | None


QUANTIFIERS = {None: (1, 1), "?": (0, 1), "*": (0, None), "{0,3}": (0, 3)}


def _compile(n: int, line: str) -> Pattern:
    pattern, first, last = compile_pattern(line)
    elements = tuple((_test(spec), *QUANTIFIERS[spec.get("OP")]) for spec in pattern)
    openers: set[str] | None = set()
    for spec in pattern:
        lower = spec.get("LOWER") if set(spec) - {"OP"} == {"LOWER"} else None
        if isinstance(lower, str):
            openers.add(lower)
        elif isinstance(lower, dict) and set(lower) == {"IN"}:
            openers.update(lower["IN"])
        else:
            openers = None
            break
        if "OP" not in spec:
            break
    return Pattern(n, line, elements, first, last, frozenset(openers) if openers is not None else None)


def _ends(elements: tuple, k: int, i: int, stop: int, analysis: Analysis, found: set[int]) -> None:
    """Add to `found` every end of a match of elements[k:] starting at token i, before `stop`."""
    while k < len(elements):
        test, fewest, most = elements[k]
        if fewest == most == 1:
            if i < stop and test(analysis, i):
                i, k = i + 1, k + 1
                continue
            return
        count = 0
        while True:
            if count >= fewest:
                _ends(elements, k + 1, i, stop, analysis, found)
            if count == most or i >= stop or not test(analysis, i):
                return
            i, count = i + 1, count + 1
    found.add(i)


def _by_opener(patterns: list[Pattern]) -> tuple[dict[str, list[Pattern]], list[Pattern]]:
    """(word -> the patterns a match of which may start with it, the patterns that may start
    anywhere): a token is tried only against the patterns it may open (each word's list
    holds those that may start anywhere too)."""
    anywhere = [pattern for pattern in patterns if pattern.openers is None]
    opening: dict[str, list[Pattern]] = {}
    for pattern in patterns:
        for word in pattern.openers or ():
            opening.setdefault(word, list(anywhere)).append(pattern)
    return opening, anywhere


@functools.cache
def matcher(lang: str, name: str):
    """The patterns of lexicon `name`, grouped by the words that trigger them.

    A group runs only on the sentences that hold one of each of its trigger word lists:
    a pattern's first word is often a common one ("ihr", "was") while a later one is rare.
    """
    nlp = pipeline(lang)
    groups: dict[frozenset[frozenset[str]], list[Pattern]] = {}
    for n, line in enumerate(lexicon(name)):
        groups.setdefault(_triggers(compile_pattern(line)[0]), []).append(_compile(n, line))
    # triggers as string ids, looked up in Analysis.index without making token objects
    ids = [([frozenset(nlp.vocab.strings.add(w) for w in words) for words in trigger], _by_opener(patterns))
           for trigger, patterns in groups.items()]
    # word -> the groups one of whose trigger lists (the shortest) holds it: a text's words
    # pick the groups worth a closer look, instead of a pass over all of them
    by_word: dict[int, list[int]] = {}
    for n, (trigger, _) in enumerate(ids):
        for word in min(trigger, key=len, default=()):
            by_word.setdefault(word, []).append(n)
    always = [n for n, (trigger, _) in enumerate(ids) if not trigger]
    return ids, by_word, always


def find(text: str, lang: str, name: str) -> list[Match]:
    """Matches of the patterns of lexicon `name` in `text`, in text order (matches of the
    same span in lexicon order)."""
    analysis = analyse(text, lang)
    groups, by_word, always = matcher(lang, name)
    occurs, bounds = analysis.index
    candidates = set(always)
    for word in analysis._words & by_word.keys():
        candidates.update(by_word[word])
    found, present = [], analysis._words
    lowers, starts = analysis.lowers, analysis.sentence_starts
    for trigger, (opening, anywhere) in (groups[n] for n in sorted(candidates)):
        if not trigger:
            spans = bounds
        elif any(map(present.isdisjoint, trigger)):
            continue  # most candidates lack one of their words altogether: no set of sentences
        else:
            # only the sentences that hold the trigger words: no match crosses a sentence end
            sentences = None
            for words in trigger:
                holding = set().union(*map(occurs.__getitem__, words & present))
                sentences = holding if sentences is None else sentences & holding
                if not sentences:
                    break
            spans = [bounds[n] for n in sorted(sentences)]
        for a, b in spans:
            for start in range(a, b):
                for pattern in opening.get(lowers[start], anywhere):
                    if pattern.first and starts[start] != 1 and not _clause_start(analysis, start):
                        continue
                    ends: set[int] = set()
                    _ends(pattern.elements, 0, start, b, analysis, ends)
                    found += [(start, end, pattern) for end in ends
                              if end > start and not (pattern.last and not _clause_end(analysis, end))]
    found.sort(key=lambda m: (m[0], -m[1], m[2].line))
    idxs, lengths, span = analysis.tokens.IDX, analysis.tokens.LENGTH, analysis.span
    return [Match(span(idxs[start], idxs[start] + lengths[start])[0],
                  span(idxs[end - 1], idxs[end - 1] + lengths[end - 1])[1],
                  analysis.folded[idxs[start]:idxs[end - 1] + lengths[end - 1]], pattern.text)
            for start, end, pattern in found]


def _clause_start(analysis: Analysis, i: int) -> bool:
    """Whether token i starts a clause: a sentence, a line, or after punctuation or an emoji."""
    if analysis.sentence_starts[i] == 1:
        return True
    spaces, texts = analysis.tokens.IS_SPACE, analysis.texts
    j = i - 1
    while j >= 0 and spaces[j]:
        if "\n" in texts[j]:
            return True
        j -= 1
    return j < 0 or not has_word(texts[j])


def _clause_end(analysis: Analysis, end: int) -> bool:
    """Whether a match ending before token `end` closes its clause."""
    spaces, texts = analysis.tokens.IS_SPACE, analysis.texts
    j = end
    while j < len(texts) and spaces[j]:
        if "\n" in texts[j]:
            return True
        j += 1
    return j >= len(texts) or not has_word(texts[j]) or analysis.sentence_starts[j] == 1


# quotations and inline code: words someone else said, or text shown as an example
QUOTED = regex.compile(r'„[^“”"\n]*[“”"]|“[^”\n]*”|"[^"\n]*"|»[^«\n]*«|«[^»\n]*»|`[^`\n]+`')


def quoted(text: str) -> list[tuple[int, int]]:
    """Spans of quotations („…“, "…", »…«) and `inline code` in `text`."""
    return [m.span() for m in QUOTED.finditer(text)]


@functools.lru_cache(maxsize=65536)
def syllables(word: str, lang: str) -> int:
    """Syllables of a word, from the hyphenation points of the TeX patterns (pyphen's
    dictionaries), as textstat counts them where it has no pronunciation dictionary."""
    from postlint import hyphenation

    return len(hyphenation.patterns(lang).points(word.lower())) + 1
