"""The shortcuts taken for throughput give what the long way gives: plain tokens, the
ad-label word check, sentences without skipped words, placeholder stubs, single lengths."""

from __future__ import annotations

import dataclasses
import datetime
from types import SimpleNamespace

import pytest

from helpers import ROOT
from postlint import nlp, source, text
from postlint.checks.legal import _labels
from postlint.checks.style import unfilled_placeholder
from postlint.problem import InputError

EXTRA = [
    "WERBUNG | Neue Schuhe", "Anzeige: 𝗪𝗲𝗿𝗯𝘂𝗻𝗴 für 20 % Rabatt",
    "Dieser Beitrag enthält eine Anzeige.",
    "Sponsored by ACME\n#ad #Partner", "İST das Werbung?", "Termin am XX.03. um xx:xx Uhr, Preis €XX",
    "Lorem Ipsum TODO [Name] {{first_name}} %VORNAME% xx.xx.2025 XXX", "ＷＥＲＢＵＮＧ – paid partnership",
    "Gesponsert von der Stadt. Check https://x.de/a #KI @anna_b", "", "\n\n Sagt hallo!\n", "  Was meint ihr? ",
]


def bodies() -> list[str]:
    drafts = sorted((ROOT / "tests" / "eval" / "drafts").glob("*.md"))
    assert len(drafts) > 200
    return [path.read_text(encoding="utf-8").rpartition("\n---\n")[2] for path in drafts] + EXTRA


def draft(body: str, lang: str) -> SimpleNamespace:
    return SimpleNamespace(text=body, lang=lang, hashtags=text.hashtags(body), urls=text.urls(body),
                           mentions=text.mentions(body))


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "en"])
def test_token_attributes_looked_up_per_word_are_those_spacy_reads(lang, monkeypatch):
    names = list(nlp.Tokens._fields[:-1])
    for kept in (nlp.LEXEMES_KEPT, 0):  # 0: the lookup is emptied before every text
        monkeypatch.setattr(nlp, "LEXEMES_KEPT", kept)
        for body in bodies():
            analysis = nlp.Analysis(body, lang)
            doc = nlp.pipeline(lang).make_doc(analysis.folded)
            columns = doc.to_array(names).T.tolist() if len(doc) else [[] for _ in names]
            assert [list(column) for column in analysis.tokens[:-1]] == columns, body
            assert list(analysis.texts) == [t.text for t in doc] and list(analysis.lowers) == [t.lower_ for t in doc]
            assert analysis.tokens.text is analysis.texts


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "en"])
def test_plain_tokens_read_as_spacy_tokens(lang):
    for body in bodies():
        analysis = nlp.Analysis(body, lang)
        spacy_sentences = list(analysis.doc.sents) if len(analysis.doc) else []
        plain_sentences = analysis.sents()
        assert [len(s) for s in plain_sentences] == [len(s) for s in spacy_sentences]
        for plain, token in zip((t for s in plain_sentences for t in s), (t for s in spacy_sentences for t in s)):
            assert (plain.i, plain.text, plain.lower_, plain.idx, plain.is_space, plain.like_url, plain.like_email,
                    plain.whitespace, plain.is_sent_start, plain.is_alpha, plain.is_lower, plain.is_title) == (
                token.i, token.text, token.lower_, token.idx, token.is_space, token.like_url, token.like_email,
                bool(token.whitespace_), bool(token.is_sent_start), token.is_alpha, token.is_lower, token.is_title)


@pytest.mark.parametrize("name", ["ad-labels-de", "ad-labels-en", "ad-labels-weak"])
def test_labels_found_with_the_word_check_are_those_of_a_full_scan(name, monkeypatch):
    drafts = [draft(body, "de") for body in bodies()]
    quick = [_labels._find(d, name) for d in drafts]
    monkeypatch.setattr(_labels, "_possible", lambda *args: True)
    assert quick == [_labels._find(d, name) for d in drafts]
    assert any(quick)  # the texts hold labels of every lexicon


@pytest.mark.slow
def test_label_words_are_runs_the_label_regexes_see_too():
    """The word check splits texts with re; the label regexes see letters as regex does.
    Every character re takes as a letter or digit regex takes too, and lowering keeps
    letters and digits apart from the rest (but for "İ", replaced first): so re's runs are
    regex's or split further, and a lexicon word is found where regex finds it."""
    import regex

    every = "".join(map(chr, range(0x110000)))
    taken = "".join(_labels.RUN.findall(every))
    assert regex.fullmatch(r"[\p{L}\p{N}]+", taken)
    assert _labels.RUN.fullmatch(taken.replace("İ", "").lower())
    assert not _labels.RUN.search(_labels.RUN.sub("", every).lower())


def test_labels_need_every_required_word():
    words = _labels._words(nlp.fold("Dieser Beitrag ist eine Werbung")[0])
    assert words == {"dieser", "beitrag", "ist", "eine", "werbung"}
    assert _labels._possible("ad-labels-de", "phrase", words)
    assert not _labels._possible("ad-labels-de", "phrase", words - {"werbung"})


def filtered_word_by_word(analysis: nlp.Analysis, skip) -> list[nlp.Sentence]:
    found = []
    for sentence in analysis.sentences():
        words = tuple(w for w in sentence.words if not any(a < w[1] and w[0] < b for a, b in skip))
        if words:
            found.append(nlp.Sentence(sentence.start, sentence.end, words))
    return found


def test_sentences_without_skipped_words():
    for body in bodies():
        analysis = nlp.Analysis(body, "de")
        skip = [(e.start, e.end) for e in (*text.hashtags(body), *text.urls(body), *text.mentions(body))]
        assert analysis.sentences(skip) == filtered_word_by_word(analysis, skip)


def test_placeholder_stubs_need_two_x_in_a_row():
    samples = ["XXX", "xx.xx.", "XX.XX.2025", "XX.03.", "14.XX.", "3.xx.", "XX,XX €", "€XX", "$ xx.xx",
               "XX %", "xx years", "XX:XX Uhr", "Xx Tage"]
    for sample in samples:
        spans = unfilled_placeholder.placeholders(f"Am {sample} geht es los")
        assert spans == [(3, 3 + len(sample))], sample
    for body in bodies():
        for pattern in (unfilled_placeholder.STUB, unfilled_placeholder.NUMBER_SLOT):
            for match in pattern.finditer(body):
                assert any(pair in match[0] for pair in ("xx", "XX", "xX", "Xx"))


def test_one_length_is_the_field_of_all_lengths():
    for body in bodies() + ["👨‍👩‍👧 Größe", "Gro\u0308ße https://www.firma.de/seite 日本 🇩🇪"]:
        lengths = text.measure(body)
        for unit in ("characters", "utf16", "graphemes", "x_weighted"):
            assert text.length_in(body, unit) == getattr(lengths, unit)


VALUES = ["linkedin", "Sommer-Aktion 2026", "yes", "No", "on", "OFF", "y", "null", "Null", "~", "true", "FALSE",
          "1", "0", "007", "0o17", "0x1F", "0b101", "1_000", "+5", "1:20", "190:20:30", "1.5", "1e3", "6.8523015e+5",
          ".inf", ".NaN", ".5", "0.", "2026-01-01", "2026-1-1", "2026-12-18T20:00:00+01:00", "2026-12-18 20:00:00",
          "2026-12-18 20:00", "2026-12-18t20:00:00.5Z", "C#", "a,b", "foo:bar", "foo: bar", "foo #comment", "foo# bar",
          "'quoted'", '"double"', "[a, b]", "{a: 1}", "&anchor x", "*alias", "!!str 5", "|", ">", "%x", "@anna", "`x",
          "-5", "- item", "? x", ": x", "x:", "...", "---", "=", "<<", "Grüße 👨‍👩‍👧‍👦 𝗪𝗲𝗿𝗯𝘂𝗻𝗴", "a\x85b", "a\u2028b",
          "a\tb", "a\x07b", "a\ufeffb", "trailing ", "ends with colon:"]


def front_matters() -> list[str]:
    chunks = [f"channel: {value}\ntype: post\n" for value in VALUES]
    chunks += [f"{key}: x\n" for key in ("on", "null", "1", "yes", "max-file-size", "_x", "Ümlaut", "a b")]
    chunks += ["channel: x\nchannel: linkedin\n", "channel: linkedin\n\ntype: post\n", "# note\nchannel: x\n",
               "channel: linkedin\n  type: post\n", "channel:\n", "channel: x\ntype: post", "tags:\n  - a\n"]
    for path in [*(ROOT / "tests" / "eval" / "drafts").glob("*.md"), *(ROOT / "examples").rglob("*.md")]:
        match = source.FRONT_MATTER.match(path.read_text(encoding="utf-8"))
        if match and match.group(1):
            chunks.append(match.group(1))
    return chunks


def test_simple_front_matter_reads_as_yaml_reads_it(monkeypatch):
    taken = 0
    for chunk in front_matters():
        draft = f"---\n{chunk}---\nHallo\n"
        quick = source._simple_front_matter(chunk, 4)
        with monkeypatch.context() as patched:
            patched.setattr(source, "_simple_front_matter", lambda *args: None)
            try:
                slow = source.split_front_matter(draft)
            except InputError:
                assert quick is None, chunk  # YAML rejects it: the quick way must not accept it
                continue
        if quick is not None:
            taken += 1
            assert repr(quick) == repr((slow.data, slow.key_spans, slow.value_spans)), chunk
            assert repr(source.split_front_matter(draft)) == repr(slow)
    assert taken > 200  # the examples, the evaluation drafts and most plain values take it


def test_simple_front_matter_declines_what_it_cannot_read():
    for chunk in ["channel: 'quoted'\n", "tags: [a, b]\n", "a: foo #c\n", "a: b: c\n", "a: x\n  y\n", "a: |\n  x\n",
                  "a: x\n\nb: y\n", "a:\n", "a: -1\n", "a: x\u2028y\n", "1: x\n"]:
        assert source._simple_front_matter(chunk, 0) is None, chunk
    data, _, spans = source._simple_front_matter("on: yes\nwhen: 2026-01-01\n", 4)
    assert data == {"True": True, "when": datetime.date(2026, 1, 1)} and spans == {"True": (8, 11), "when": (18, 28)}


def test_the_sort_key_of_findings_is_their_order():
    from postlint.problem import FINDING_ORDER, Finding, Level

    compared = [f.name for f in dataclasses.fields(Finding) if f.compare]
    assert FINDING_ORDER(Finding("a.md", 2, 3, "PL1", 4, 5, "n", Level.INFO, "m")) == ("a.md", 2, 3, "PL1", 4, 5)
    assert list(FINDING_ORDER.__reduce__()[1]) == compared


def test_a_file_is_read_in_one_go_as_path_reads_it(tmp_path):
    from postlint.paths import read_up_to

    for size in (0, 5, 70_000, 300_000):  # beyond one read of 64 KB too
        path = tmp_path / f"f{size}.md"
        path.write_bytes(bytes(range(256)) * (size // 256) + b"x" * (size % 256))
        assert read_up_to(path, 10**6) == (path.read_bytes(), size)
        assert read_up_to(str(path), size - 1) == (None, size) if size else True
    for missing in (tmp_path / "missing.md", tmp_path):  # no such file; a folder
        with pytest.raises(OSError) as raised:
            read_up_to(missing, 10**6)
        with pytest.raises(OSError) as expected:
            missing.read_bytes()
        assert raised.value.strerror == expected.value.strerror


def test_a_body_without_notes_is_cut_as_the_long_way_cuts_it(monkeypatch):
    raws = [f"---\nchannel: x\n---\n{body}" for body in bodies()] + ["", "---\na: b\n---\n", "  \n Hallo \n\n", "\n\nText"]
    quick = [source.body_runs(raw, source.FRONT_MATTER.match(raw).end() if raw.startswith("---") else 0)
             for raw in raws]
    monkeypatch.setattr(source, "_may_hold_notes", lambda raw, start: True)
    assert quick == [source.body_runs(raw, source.FRONT_MATTER.match(raw).end() if raw.startswith("---") else 0)
                     for raw in raws]


def test_line_starts_are_where_each_line_begins():
    import re

    raws = [path.read_text(encoding="utf-8") for path in sorted((ROOT / "tests" / "eval" / "drafts").glob("*.md"))]
    for raw in raws + ["", "\n", "a", "a\n", "a\nb", "\n\nb\n", "ä€😀\nx\r\n"]:
        assert source.line_starts(raw) == [0] + [m.end() for m in re.finditer("\n", raw)], raw


@pytest.mark.parametrize("cls", ["problem.Fix", "problem.Hit", "problem.Finding", "nlp.Match", "nlp.Sentence",
                                 "text.Entity", "_labels.Label"])
def test_quick_init_builds_what_the_dataclass_init_builds(cls):
    import inspect

    from postlint import problem

    modules = {"problem": problem, "nlp": nlp, "text": text, "_labels": _labels}
    module, name = cls.split(".")
    quick = getattr(modules[module], name)
    # the same class with the __init__ dataclasses generates
    plain = dataclasses.dataclass(frozen=True, slots=True)(type(name, (), {
        "__annotations__": {f.name: f.type for f in dataclasses.fields(quick)},
        **{f.name: f.default for f in dataclasses.fields(quick) if f.default is not dataclasses.MISSING}}))
    def parameters(c):
        return [(p.name, p.kind, p.default) for p in inspect.signature(c).parameters.values()]

    assert parameters(quick) == parameters(plain)
    fields = dataclasses.fields(quick)
    values = [f"value {n}" for n in range(len(fields))]
    required = sum(f.default is dataclasses.MISSING for f in fields)
    for args, kwargs in ((values, {}), (values[:required], {}), ([], dict(zip((f.name for f in fields), values)))):
        made, expected = quick(*args, **kwargs), plain(*args, **kwargs)
        assert dataclasses.astuple(made) == dataclasses.astuple(expected)
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(made, fields[0].name, "changed")
    for args in (values[:required - 1], values + ["one too many"]):
        with pytest.raises(TypeError):
            quick(*args)
    with pytest.raises(TypeError):
        quick(*values[:required], unknown=1)


def sentences_token_by_token(analysis: nlp.Analysis) -> list[nlp.Sentence]:
    """Sentences as spaCy's tokens give them: words are tokens that are not space, a link
    or an e-mail address and hold a letter or a digit; a sentence spans its tokens that are
    not space."""
    doc, found = analysis.doc, []
    for a, b in analysis.index[1]:
        tokens = [t for t in doc[a:b] if not t.is_space]
        words = tuple((*analysis.token_span(t), t.text) for t in tokens
                      if not (t.like_url or t.like_email) and nlp.ALNUM.search(t.text))
        if words:
            found.append(nlp.Sentence(analysis.token_span(tokens[0])[0], analysis.token_span(tokens[-1])[1], words))
    return found


@pytest.mark.parametrize("lang", ["de", "en"])
def test_sentences_are_those_of_the_tokens(lang):
    for body in bodies() + ["  Hallo.  \n\n Ｗｏｒｌｄ https://x.de  ", "x@y.de. 𝗝𝗲𝘁𝘇𝘁 da!", "\n"]:
        analysis = nlp.Analysis(body, lang)
        assert analysis._sentences == sentences_token_by_token(analysis), body


def test_quotations_are_found_as_regex_finds_them():
    import regex

    import random

    pattern = regex.compile(nlp.QUOTED.pattern)
    rng = random.Random(14)
    marks = list('„“”"»«`') + ["a", " ", "\n"]
    generated = ["".join(rng.choice(marks) for _ in range(rng.randrange(1, 40))) for _ in range(3000)]
    for body in bodies() + ['„a“ "b" »c« «d» `e` “f” „g" \n"h\n"', "``x`", "„„„“", "«»«"] + generated:
        assert nlp.quoted(body) == [m.span() for m in pattern.finditer(body)], body
