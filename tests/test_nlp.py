"""The shared language layer: lazy loading, sentences, folding, patterns, offline syllables."""

from __future__ import annotations

import socket
import subprocess
import sys

import pytest
import regex

from helpers import ROOT, compact, lint
from postlint import hyphenation, nlp, packs, patterns
from postlint.checks.engagement import missing_cta


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout


@pytest.mark.slow
def test_rule_modules_do_not_import_spacy():
    out = _run("import sys\nfrom postlint import registry\nregistry.rules()\nprint('spacy' in sys.modules)")
    assert out.strip() == "False"


@pytest.mark.slow
def test_spacy_loads_only_for_a_rule_that_needs_it():
    code = ("import sys, postlint\n"
            "postlint.lint_text('Drei Learnings #KI', select=['PL2'])\n"
            "print('spacy' in sys.modules)\n"
            "postlint.lint_text('Drei Learnings #KI', select=['PL401'])\n"
            "print('spacy' in sys.modules)")
    assert _run(code).split() == ["False", "True"]


def test_one_pipeline_per_language():
    assert nlp.pipeline("de") is nlp.pipeline("de")
    assert nlp.pipeline("de") is not nlp.pipeline("en")


def sentences(text: str, lang: str = "de") -> list[str]:
    return [text[s.start:s.end] for s in nlp.analyse(text, lang).sentences()]


def test_german_abbreviations_ordinals_and_dates_do_not_end_a_sentence():
    text = ("Am 09.09.2021 hat der BGH z. B. entschieden, bzw. ca. drei Fälle mit Kontakten 2. Grades. "
            "Ca. 3 Std. und 2 Min. dauerte es. Dr. Müller kam! Anna M. Berg auch? Ja.")
    assert sentences(text) == [
        "Am 09.09.2021 hat der BGH z. B. entschieden, bzw. ca. drei Fälle mit Kontakten 2. Grades.",
        "Ca. 3 Std. und 2 Min. dauerte es.", "Dr. Müller kam!", "Anna M. Berg auch?", "Ja."]


def test_line_breaks_and_closing_quotes():
    assert sentences('Erste Zeile ohne Punkt\nZweite Zeile\n\n"Zitat." Danach weiter') == [
        "Erste Zeile ohne Punkt", "Zweite Zeile", '"Zitat."', "Danach weiter"]


def test_sentence_words_leave_out_skipped_spans():
    text = "Neu im Blog: https://x.de/a #KI #HR"
    (sentence,) = nlp.analyse(text, "de").sentences(skip=[(13, 27), (28, 31), (32, 35)])
    assert [w[2] for w in sentence.words] == ["Neu", "im", "Blog"]


def test_folding_maps_styled_text_back_to_the_original():
    text = "👉 𝗝𝗲𝘁𝘇𝘁 𝗮𝗻𝗺𝗲𝗹𝗱𝗲𝗻!"
    folded, _, _ = nlp.fold(text)
    assert folded == "👉 Jetzt anmelden!"
    spans = {text[start:end] for start, end, _ in missing_cta.calls(text, "de")}
    assert spans == {"𝗝𝗲𝘁𝘇𝘁 𝗮𝗻𝗺𝗲𝗹𝗱𝗲𝗻"}


def test_typographic_apostrophes_match_straight_ones():
    assert nlp.fold("Don’t")[0] == "Don't"


@pytest.mark.parametrize(("line", "pattern", "first", "last"), [
    ("jetzt anmelden", [{"LOWER": "jetzt"}, {"LOWER": "anmelden"}], False, False),
    ("^ teilt|folgt $", [{"LOWER": {"IN": ["teilt", "folgt"]}}], True, True),
    ("kommentier*", [{"LOWER": {"REGEX": "^(?:kommentier.*)$"}}], False, False),
    ("bitte? ... ?", [{"LOWER": "bitte", "OP": "?"},
                      {"IS_SPACE": False, "TEXT": {"NOT_IN": sorted(nlp.SENTENCE_END)}, "OP": "{0,3}"},
                      {"LOWER": "?"}], False, False),
    ("!er|sie <num>", [{"LOWER": {"NOT_IN": ["er", "sie"]}, "IS_SPACE": False, "IS_PUNCT": False}, {"LIKE_NUM": True}],
     False, False),
    ("ruft * an $", [{"LOWER": "ruft"}, {"IS_SPACE": False, "IS_PUNCT": False, "OP": "*"}, {"LOWER": "an"}], False, True),
    ("mit <title>!ihnen|sie", [{"LOWER": "mit"}, {"IS_TITLE": True, "LOWER": {"NOT_IN": ["ihnen", "sie"]}}], False, False),
    ("der <lower>? demo", [{"LOWER": "der"}, {"IS_LOWER": True, "OP": "?"}, {"LOWER": "demo"}], False, False),
])
def test_pattern_syntax(line, pattern, first, last):
    assert patterns.compile_pattern(line) == (pattern, first, last)


def test_clause_anchor():
    # "Zur Anmeldung" starts a clause after an emoji, not inside a sentence
    assert patterns.find("Super 🎉 Zur Anmeldung", "de", "call-to-action")
    assert not patterns.find("Hinweise zur Anmeldung folgen.", "de", "call-to-action")


@pytest.mark.slow
def test_readability_needs_no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    hyphenation.patterns.cache_clear()
    nlp.syllable_counts.cache_clear()
    assert nlp.syllable_counts("de")["Digitalisierung"] == 6
    assert nlp.syllable_counts("en")["readability"] >= 4
    text = ("The implementation of organisational digitalisation strategies necessitates the continuous "
            "development of institutional competencies, particularly regarding data-driven decision-making "
            "processes and the qualification of affected employees across every single department.")
    assert compact(lint(text, select=["PL702"])) == ["1:1 PL702"]
    assert "nltk" not in sys.modules


def test_syllables_are_counted_once_per_word_and_kept_within_bounds(monkeypatch):
    monkeypatch.setattr(nlp._Syllables, "KEPT", 2)
    nlp.syllable_counts.cache_clear()
    counts = nlp.syllable_counts("de")
    assert [counts[w] for w in ["Digitalisierung", "Haus", "Sommerfest"]] == [6, 1, 3]
    assert len(counts) <= 2 and nlp.syllable_counts("de") is counts
    nlp.syllable_counts.cache_clear()


@pytest.mark.slow
def test_hyphenation_points_are_pyphens():
    """The lazily parsed patterns give pyphen's points for every word of the evaluation drafts."""
    import pyphen

    words = {w.lower() for f in (ROOT / "tests" / "eval").rglob("*.md")
             for w in regex.findall(r"[^\W\d_]+", f.read_text(encoding="utf-8"))}
    assert len(words) > 3000
    for lang, name in (("de", "de_DE"), ("en", "en_US")):
        reference = pyphen.Pyphen(lang=name)
        ours = hyphenation.patterns(lang)
        assert ours._patterns.keys() == reference.hd.patterns.keys()
        assert [w for w in words if ours.points(w) != reference.positions(w)] == []


def test_wildcard_runs_to_the_end_of_the_clause_but_not_across_punctuation():
    def folien(text):
        return [m for m in patterns.find(text, "de", "call-to-action") if m.pattern.startswith("link|links|folien")]

    assert folien("Die Folien zum Vortrag vom Dienstag findet ihr im ersten Kommentar")
    # "*" does not pass the comma: the comment belongs to another clause
    assert not folien("Die Folien sind fertig, im Kommentar steht mehr.")


def test_triggers_are_the_required_plain_words_anywhere_in_the_pattern():
    assert patterns._triggers(patterns.compile_pattern("<title> nicht vergessen")[0]) == {frozenset({"nicht"}),
                                                                                 frozenset({"vergessen"})}
    assert patterns._triggers(patterns.compile_pattern("^ bitte? kommentier* gerne|gern")[0]) == {frozenset({"gerne", "gern"})}
    assert patterns._triggers(patterns.compile_pattern("<title> <num>")[0]) == frozenset()


def _reference_clause_start(doc, i: int) -> bool:
    if doc[i].is_sent_start:
        return True
    j = i - 1
    while j >= 0 and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j -= 1
    return j < 0 or not nlp.ALNUM.search(doc[j].text)


def _reference_clause_end(doc, end: int) -> bool:
    j = end
    while j < len(doc) and doc[j].is_space:
        if "\n" in doc[j].text:
            return True
        j += 1
    return j >= len(doc) or not nlp.ALNUM.search(doc[j].text) or doc[j].is_sent_start


LEXICONS = ["call-to-action", "non-invitations", "personal-references", "selling", "not-selling", "greetings",
            "service-amounts", "commercial-signals", "gifted-signals"]


@pytest.mark.slow
def test_matches_are_those_of_spacys_matcher_on_the_whole_text():
    """Our matcher, run on the sentences that hold a group's trigger words, finds what
    spaCy's Matcher finds in the whole text (a match within one sentence, anchors kept),
    for every lexicon. One pass over the drafts for all lexicons: analysing the texts is
    what costs, and one pass per lexicon cost nine times as much."""
    from spacy.matcher import Matcher

    # every draft of the evaluation sets, each in its own language and in the other one
    drafts = sorted((ROOT / "tests" / "eval").rglob("*.md"))
    assert len(drafts) > 500
    matchers, lines = {}, {}
    for lang in ("de", "en"):
        for name in LEXICONS:
            matchers[lang, name] = Matcher(nlp.pipeline(lang).vocab)
            for n, line in enumerate(packs.lexicon(name)):
                pattern, first, last = patterns.compile_pattern(line)
                matchers[lang, name].add(f"{name}:{n}", [pattern])
                lines[nlp.pipeline(lang).vocab.strings[f"{name}:{n}"]] = (line, first, last)
    found = dict.fromkeys(LEXICONS, 0)
    for path in drafts:
        text = path.read_text(encoding="utf-8").rpartition("\n---\n")[2]
        for lang in ("de", "en"):
            analysis = nlp.analyse(text, lang)
            doc = analysis.doc
            for name in LEXICONS:
                expected = sorted({(*analysis.span(doc[s].idx, doc[e - 1].idx + len(doc[e - 1].text)),
                                    doc[s:e].text, lines[key][0])
                                   for key, s, e in matchers[lang, name](doc)
                                   if not (lines[key][1] and not _reference_clause_start(doc, s))
                                   and not (lines[key][2] and not _reference_clause_end(doc, e))
                                   and not any(t.is_sent_start for t in doc[s + 1:e])})
                got = sorted((m.start, m.end, m.text, m.pattern) for m in patterns.find(text, lang, name))
                assert got == expected, (name, lang, path.name)
                found[name] += len(expected)
    assert all(found.values()), found
