"""Clauses and verb forms: the grammar that tells an invitation from a statement.

German and English mark an imperative by the form of the verb and by where it stands: a
clause that starts with a verb and has no subject before it ("Schaut vorbei", "Book your
seat") or that closes with an infinitive and has no finite verb ("Jetzt anmelden"). Which
words are verbs, and which forms they have, comes from complete lexical data rather than
from lists of phrases (`tools/derive_verbs.py`, licences in `verbs.LICENSE`):

- `verbs-de.txt`: ~14,000 German infinitives; the du-imperative is the stem ("schau",
  "schreib") or stem + e ("melde"), the ihr-imperative the stem + (e)t ("schaut",
  "meldet"), the Sie-imperative the infinitive before "Sie"; `verbs-de-imperatives.txt`
  holds the du-imperatives with a changed vowel ("nimm", "lies", "hilf");
- `verbs-de-ambiguous-stems.txt`: stems that are also nouns or adjectives ("Tipp",
  "Start", "schön"), which open headlines more often than they order anything;
- `verbs-en.txt`: ~6,500 English verbs, whose base form is the imperative.

A form is only a candidate: "Macht Sinn" (the third person, "das" left out), "Teile heute
meine Learnings" (the first person, "ich" left out) and "Design matters" (a noun) are
statements. What follows the verb decides, as a reader decides: an addressee ("euch",
"dich", "your"), a particle of encouragement ("mal", "doch", "gerne"), an object, or the
end of a clause marked with "!". The cue words are the lexicon `imperative-cues.txt`.

`clauses` splits sentences where a reader hears a new start: punctuation, an emoji, a line
break or a link.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from postlint import nlp
from postlint.packs import lexicon


@dataclass(frozen=True, slots=True)
class Clause:
    """The words of a clause (plain `nlp.Token`s; hashtags and mentions are words), the
    punctuation that opens it ("" at the start of a sentence or line) and the one that
    closes it ("" at the end of a sentence or line), the words of its sentence before it,
    and the end mark of its sentence ("?", "!", "." or "")."""

    words: list
    opener: str
    before: list
    end: str
    closer: str = ""

    def follows_condition(self, subordinators) -> bool:
        """Whether the clause follows a condition or time clause of its sentence after a
        comma: "If you spot him, please call", "Wenn ihr in der Nähe seid, schaut vorbei"."""
        return self.opener == "," and any(w.lower_ in subordinators for w in self.before)


# what opens a part of a sentence rather than a clause of its own: "…, die mitmachen", „Zitat“
WEAK_OPENERS = frozenset(',;"\'„“”‚‘’»«()[]/&+')


def clauses(sentences) -> list[Clause]:
    """The clauses of `sentences` (lists of `nlp.Token`). A clause ends at punctuation, an
    emoji, a line break, a link or an e-mail address; "#" before a word is dropped."""
    found = []
    for sentence in sentences:
        end = _end_mark(sentence)
        words, opener, before = [], "", []
        for token in sentence:
            if token.is_space and "\n" not in token.text or token.text in "#@" and not token.whitespace:
                continue
            if token.is_space or token.like_url or token.like_email or not nlp.has_word(token.text):
                if words:
                    found.append(Clause(words, opener, before, end, "" if token.is_space else token.text))
                before = before + words
                words, opener = [], "" if token.is_space else token.text
                continue
            words.append(token)
        if words:
            found.append(Clause(words, opener, before, end))
    return found


def _end_mark(sentence) -> str:
    for token in reversed(sentence):
        if token.is_space:
            continue
        for mark in ("?", "!", "."):
            if mark in token.text and not nlp.has_word(token.text):
                return mark
        if nlp.has_word(token.text):
            return ""
    return ""


def is_tagged(token) -> bool:
    """A hashtag or mention word: "#" or "@" glued before it."""
    return token.i > 0 and token.doc[token.i - 1].text in "#@" and not token.doc[token.i - 1].whitespace


# -- word knowledge -----------------------------------------------------------------------
@functools.cache
def cues() -> dict[str, frozenset[str]]:
    """The lexicon imperative-cues.txt as kind -> words (lower case)."""
    found: dict[str, set[str]] = {}
    for line in lexicon("imperative-cues"):
        kind, _, words = line.partition(":")
        found.setdefault(kind.strip(), set()).update(w.lower() for w in words.split())
    return {kind: frozenset(words) for kind, words in found.items()}


# German words are looked up case-folded, so that the Swiss "schliesst" finds "schließen";
# what is found is the verb as the lexicon spells it
@functools.cache
def _verbs(lang: str) -> dict[str, str]:
    words = list(lexicon(f"verbs-{lang}")) + sorted(cues()[f"verb-{lang}"])
    return {w.casefold(): w for w in words}


@functools.cache
def _du_irregular() -> dict[str, str]:
    return {form.casefold(): lemma for form, lemma in map(str.split, lexicon("verbs-de-imperatives"))}


@functools.cache
def _ambiguous_stems() -> frozenset[str]:
    return frozenset(w.casefold() for w in lexicon("verbs-de-ambiguous-stems"))


def german_infinitive(word: str) -> bool:
    """Whether `word` (lower case) is a German infinitive, also with a separable particle
    ("vorbeischauen", "reinhören"); not the zu-infinitive ("anzumelden")."""
    verbs, word = _verbs("de"), word.casefold()
    if word in verbs:
        return True
    for particle in cues()["particle-de"]:
        if word.startswith(particle) and len(word) > len(particle) + 3:
            rest = word[len(particle):]
            if rest in verbs and not rest.startswith("zu"):
                return True
    return False


def _closed_class(word: str) -> bool:
    c = cues()
    return word in c["not-verb-de"] or word in c["subordinator-de"] or word in c["determiner-de"] or (
        word in c["subject-de"] or word in c["lead-de"] or word in _function_words("de"))


def german_ihr_form(word: str) -> str | None:
    """The infinitive whose ihr-form (present, also the imperative) `word` is: "meldet" ->
    "melden", "lest" -> "lesen", "ändert" -> "ändern", also in Swiss spelling ("schliesst");
    None if it is none."""
    if len(word) < 3 or not word.isalpha() or _closed_class(word):
        return None
    word = word.casefold()
    if word in cues()["ihr-form"]:  # "seid", "tut"
        return word
    if not word.endswith("t"):
        return None
    stem = word[:-1]
    for candidate in (stem + "en", stem[:-1] + "en" if stem.endswith("e") else None,
                      stem + "n" if stem.endswith(("er", "el")) else None,
                      stem + "sen" if stem.endswith("s") else None):
        if candidate and candidate in _verbs("de"):
            return _verbs("de")[candidate]
    return None


def german_finite(word: str) -> bool:
    """Whether `word` (lower case) is a finite verb: an auxiliary or modal ("kann",
    "würdest"), or the du- or ihr-form of the present ("machst", "macht")."""
    finite = cues()["finite-de"]
    # "wirds", "gibts": "es" glued on; "kannste", "biste": "du" glued on
    if word in finite or word[:-1] in finite and word.endswith("s") or word[:-1] in finite and word.endswith("ste"):
        return True
    fold = word.casefold()
    return word.endswith("st") and len(word) > 4 and (
        fold[:-2] + "en" in _verbs("de") or fold[:-3] + "en" in _verbs("de")) and not _closed_class(word)


def german_du_form(word: str) -> tuple[str, bool] | None:
    """(infinitive, whether the form is also the first person) if `word` (lower case) is a
    du-imperative: the stem ("schau"), the stem + e ("schaue", also "ich schaue"), or a
    changed vowel ("nimm", "lies")."""
    word = word.casefold()
    if word in _du_irregular():
        return _du_irregular()[word], False
    if len(word) < 3 or not word.isalpha() or _closed_class(word):
        return None
    verbs = _verbs("de")
    if word + "en" in verbs:
        return verbs[word + "en"], False
    if word.endswith("e") and (word + "n") in verbs:
        return verbs[word + "n"], True
    if word.endswith(("ere", "ele")) and (word[:-1] + "n") in verbs:  # "ändere", "sammele"
        return verbs[word[:-1] + "n"], False
    if word.endswith(("el", "er")) and (word + "n") in verbs:  # "bastel", "wander" (see is_ambiguous_stem)
        return verbs[word + "n"], False
    return None


def is_ambiguous_stem(word: str) -> bool:
    """Whether a du-imperative stem is also a noun or an adjective ("tipp", "schön"); a
    stem in -el or -er ("bastel", "wander") counts as one, as so many nouns end so
    ("Muster", "Feuer")."""
    word = word.casefold()
    return word in _ambiguous_stems() or word.endswith(("el", "er")) and word + "n" in _verbs("de")


@functools.cache
def _english_finite() -> frozenset[str]:
    return frozenset(lexicon("verbs-en-finite")) | cues()["finite-en"]


def english_finite(word: str) -> bool:
    """Whether `word` (lower case) is a past or third-person verb form ("went", "matters",
    "is"): after a clause's first word it makes that word a subject."""
    return word in _english_finite()


def english_verb(word: str) -> bool:
    """Whether `word` (lower case) is the base form of an English verb (not a function word
    with a rare verb sense: "over", "down", "still")."""
    return word in _verbs("en") and word not in _function_words("en") and word not in cues()["not-verb-en"]


@functools.cache
def _function_words(lang: str) -> frozenset[str]:
    return frozenset(w.lower() for w in lexicon(f"function-words-{lang}"))
