"""The near-duplicate engine of the rules that compare drafts (postlint/similar.py)."""

from __future__ import annotations

import random
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import lint
from postlint import config as config_mod
from postlint import similar
from postlint.linter import Linter, Options

WORDS = ("plan team pflege schicht woche kunde projekt daten frage antwort zeit arbeit idee markt "
         "wachstum zukunft kultur führung lernen ziel erfolg fehler praxis wissen").split()


def shingles(tokens):
    return {tuple(tokens[i:i + 3]) for i in range(len(tokens) - 2)}


def jaccard(a, b):
    return len(shingles(a) & shingles(b)) / len(shingles(a) | shingles(b))


def test_the_estimate_follows_the_jaccard_similarity_of_word_shingles():
    rng = random.Random(7)
    errors = []
    for _ in range(300):
        a = [rng.choice(WORDS) for _ in range(rng.randrange(20, 120))]
        b = list(a)
        for _ in range(rng.randrange(0, len(a) // 2)):  # edits: from copies to other texts
            b[rng.randrange(len(b))] = rng.choice(WORDS) + "x"
        errors.append(similar.similarity(similar.signature(a), similar.signature(b)) - jaccard(a, b))
    assert abs(sum(errors) / len(errors)) < 0.02  # unbiased
    assert max(map(abs, errors)) < 0.25
    assert sum(abs(e) < 0.1 for e in errors) / len(errors) > 0.9


def test_pairs_above_the_thresholds_become_candidates():
    rng = random.Random(11)
    missed = 0
    for _ in range(300):
        a = [rng.choice(WORDS) + str(rng.randrange(50)) for _ in range(80)]
        b = list(a)
        b[rng.randrange(80)] = "anders"  # one word changed: ~0.93 alike
        index = similar.Index()
        index.add(similar.signature(a), "a")
        missed += index.add(similar.signature(b), "b") != ["a"]
    assert missed <= 1


def test_unrelated_texts_are_not_compared():
    rng = random.Random(3)
    index, candidates = similar.Index(), 0
    for i in range(500):
        candidates += len(index.add(similar.signature([f"w{rng.randrange(10 ** 6)}" for _ in range(40)]), i))
    assert candidates == 0


def test_a_bucket_holds_only_the_latest_drafts():
    index = similar.Index()
    sig = similar.signature("ich bin jonas von planwise und helfe teams".split())
    found = [len(index.add(sig, i)) for i in range(1000)]
    assert max(found) == similar.BUCKET_DEPTH


def test_short_texts_have_one_shingle_and_empty_ones_no_fingerprint():
    assert similar.similarity(similar.signature(["danke"]), similar.signature(["danke"])) == 1
    assert similar.similarity(similar.signature(["danke"]), similar.signature(["merci"])) < 0.1
    draft = Linter().build("---\ntype: comment\n---\n🙏 https://planwise.de/x", Path("x.md"), "x.md",
                           Linter().config_for(Path("x.md")))
    assert similar.fingerprint(draft) is None


@pytest.mark.parametrize(("a", "b"), [
    ("Hallo Frau Keller, schön dass wir uns auf der Messe getroffen haben.",
     "Hi Tom! schön dass wir uns auf der Messe getroffen haben."),
    ("Sehr geehrter Herr Dr. Berg, schön dass wir uns auf der Messe getroffen haben, Herr Berg.",
     "Liebe Anna – schön dass wir uns auf der Messe getroffen haben, Anna."),
    ("Danke, Anna! Schön dass dir der Beitrag gefallen hat.", "Danke, Tom! Schön dass dir der Beitrag gefallen hat."),
])
def test_names_and_salutations_are_left_out_for_texts_to_persons(a, b):
    linter = Linter()
    cfg = linter.config_for(Path("x.md"))
    fa, fb = (similar.fingerprint(linter.build(t, Path("x.md"), "x.md", cfg), names=True) for t in (a, b))
    assert similar.similarity(fa.signature, fb.signature) == 1


def test_a_sentence_that_opens_with_a_clause_is_no_salutation():
    linter = Linter()
    cfg = linter.config_for(Path("x.md"))
    mark = similar.fingerprint(linter.build("Ich habe Ihren Beitrag gelesen, und er hat mir gefallen.", Path("x.md"),
                                            "x.md", cfg), names=True)
    assert mark.words == 10


@pytest.mark.parametrize(("url", "normal"), [
    ("https://www.Beispiel.de/studie/?utm_source=li&x=1#top", "beispiel.de/studie?x=1"),
    ("beispiel.de/studie?utm_campaign=a", "beispiel.de/studie"),
    ("https://www.beispiel.de/", ""),
    ("https://beispiel.de/?utm_source=x", ""),
])
def test_links_are_compared_without_tracking_and_home_pages_do_not_count(url, normal):
    assert similar.normal_link(url) == normal


def test_copies_in_a_calendar_file_name_their_rows(tmp_path):
    note = "Hallo {}, ich bin Jonas von Planwise und helfe Teams im Mittelstand bei der Einsatzplanung."
    rows = "\n".join(f'2026-12-01,connection-note,linkedin,"{note.format(name)}"' for name in ("Anna", "Tom"))
    findings = lint("date,type,channel,text\n" + rows + "\n", path="plan.csv")
    assert [(f.line, f.code, f.message[:25]) for f in findings if f.code == "PL807"] == [
        (2, "PL807", "same text as line 3 apart"), (3, "PL807", "same text as line 2 apart")]


@pytest.mark.slow
def test_copies_are_found_across_worker_processes_and_with_the_cache(tmp_path):
    """The fingerprints are made in the workers and cross to the main process; a cached
    draft joins the pass again."""
    for i in range(60):
        (tmp_path / f"n{i:02d}.md").write_text(
            f"---\ntype: connection-note\n---\nHallo Frau Keller{i}, ich bin Jonas von Planwise und helfe Teams "
            f"im Mittelstand bei der Einsatzplanung. Gern vernetze ich mich.\n", encoding="utf-8")
    (tmp_path / "n00.md").write_text("---\ntype: connection-note\n---\nHallo Anna, dein Vortrag zur Pflege auf der "
                                     "Zukunftsmesse hat mich überzeugt. Gern vernetze ich mich.\n", encoding="utf-8")
    for _ in range(2):  # cold, then from the cache
        out = subprocess.run([sys.executable, "-m", "postlint", "check", "--select", "PL807", "-j", "2",
                              "--format", "concise", "."], cwd=tmp_path, capture_output=True, text=True).stdout
        assert out.count("PL807") == 59 and "n00.md" not in out


def test_the_configuration_example_in_the_calendar_docs_works_as_written(tmp_path):
    page = (Path(__file__).resolve().parents[1] / "docs" / "calendar.md").read_text(encoding="utf-8")
    snippet = page.split("## Repeats across drafts", 1)[1].split("```toml\n", 1)[1].split("\n```", 1)[0]
    (tmp_path / "pyproject.toml").write_text(snippet + "\n", encoding="utf-8")
    note = "---\ntype: connection-note\n---\nHallo {}, ich helfe Teams im Mittelstand bei der Einsatzplanung. Gern vernetzt!\n"
    texts = {"a.md": note.format("Anna"), "b.md": note.format("Tom")}  # 10 words apart from the name
    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    def run(cfg):
        linter = Linter(Options(select=("PL807",)), cfg)
        results = [linter.lint_path(tmp_path / name, name, defer=True) for name in texts]
        linter.complete(results)
        return [f.code for r in results for f in r.findings]

    assert run(config_mod.parse({}, "default", tmp_path, "")) == ["PL807", "PL807"]
    assert run(config_mod.load(tmp_path / "pyproject.toml")) == []  # min-words = 12
    assert config_mod.load(tmp_path / "pyproject.toml").rules["copy-paste-message"]["min-similarity"] == 0.9
