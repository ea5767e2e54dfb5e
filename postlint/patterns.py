"""Find the phrases of pattern lexicons in a text's analysis (`nlp.Analysis`).

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
import re
from typing import NamedTuple

import regex

from postlint.nlp import SENTENCE_END, Analysis, Match, Tokens, has_word, pipeline
from postlint.packs import lexicon


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
    ids = []
    for trigger, patterns in groups.items():
        opening, anywhere = _by_opener(patterns)
        ids.append(([frozenset(map(nlp.vocab.strings.add, words)) for words in trigger],
                    ({nlp.vocab.strings.add(word): listed for word, listed in opening.items()}, anywhere)))
    # word -> the groups one of whose trigger lists (the shortest) holds it: a text's words
    # pick the groups worth a closer look, instead of a pass over all of them
    by_word: dict[int, list[int]] = {}
    for n, (trigger, _) in enumerate(ids):
        for word in min(trigger, key=len, default=()):
            by_word.setdefault(word, []).append(n)
    always = [n for n, (trigger, _) in enumerate(ids) if not trigger]
    return ids, by_word, always


def find(analysis: Analysis, name: str) -> list[Match]:
    """Matches of the patterns of lexicon `name` in the analysed text, in text order
    (matches of the same span in lexicon order)."""
    groups, by_word, always = matcher(analysis.lang, name)
    at, bounds = analysis.index
    candidates = set(always)
    present = analysis.words
    for word in present & by_word.keys():
        candidates.update(by_word[word])
    found = []
    lowers, starts, sentence_of = analysis.tokens.LOWER, analysis.sentence_starts, analysis.sentence_of
    for trigger, (opening, anywhere) in (groups[n] for n in sorted(candidates)):
        if not trigger:
            chosen = range(len(bounds))
        elif any(map(present.isdisjoint, trigger)):
            continue  # most candidates lack one of their words altogether: no set of sentences
        else:
            # only the sentences that hold the trigger words: no match crosses a sentence end
            chosen = None
            for words in trigger:
                holding = {sentence_of[i] for word in words & present for i in at[word]}
                chosen = holding if chosen is None else chosen & holding
                if not chosen:
                    break
        if anywhere:  # a pattern may start at any token: try them all
            tries = ((start, b, opening.get(lowers[start], anywhere))
                     for a, b in (bounds[n] for n in sorted(chosen)) for start in range(a, b))
        else:  # only where a word that opens a pattern stands, not at every token
            tries = ((start, bounds[sentence_of[start]][1], opening[word])
                     for word in opening if word in at for start in at[word] if sentence_of[start] in chosen)
        for start, b, tried in tries:
            for pattern in tried:
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
