"""Reading drafts: notes excluded from the post text, positions mapped back to the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import compact, lint
from postlint import InputError
from postlint.linter import Linter
from postlint.source import decode


def build(text: str):
    return Linter().build(decode(text.encode()), Path("a.md"), "a.md", Linter().config_for(Path("a.md")))


def test_notes_are_cut_out_but_positions_point_into_the_file():
    draft = build("---\nchannel: linkedin\n---\n\n<!-- Bild: Team -->\nErste Zeile <!-- inline --> weiter\n"
                  "<!-- mehrzeilige\nNotiz -->\nLetzte #KI\n")
    assert draft.text == "Erste Zeile  weiter\nLetzte #KI"
    tag = draft.hashtags[0]
    assert draft.position(draft.file_offset(tag.start)) == (9, 8)
    weiter = draft.text.index("weiter")
    assert draft.position(draft.file_offset(weiter)) == (6, 29)


def test_a_span_never_swallows_a_removed_note():
    draft = build("ab<!-- x -->cd")
    assert draft.text == "abcd"
    assert draft.file_span(0, 4) == (0, 14)
    assert draft.file_span(0, 2) == (0, 2)


def test_nbsp_counts_as_space_for_entities():
    findings = lint("Mehr dazu:\u00a0#KI\u00a0#HR\u202f#B2B #Mittelstand")
    assert compact(findings, "PL203") == ["1:25 PL203"]


def test_front_matter_only_and_empty_files():
    assert build("---\nchannel: x\n---\n").text == ""
    assert build("").text == ""
    assert compact(lint(""), "PL201") == ["1:1 PL201"]


def test_dashes_later_in_the_text_are_no_front_matter():
    draft = build("Text\n---\nchannel: x\n---\n")
    assert draft.channel == "linkedin" and draft.text.startswith("Text")


def test_front_matter_must_be_a_mapping():
    with pytest.raises(InputError, match="expected key: value pairs"):
        build("---\njust a string\n---\nText")


def test_language_detection():
    assert build("Wir freuen uns, euch heute unser neues Team vorzustellen.").lang == "de"
    assert build("We are excited to share what our team has built this year.").lang == "en"
    assert build("---\nlang: en\n---\nWir freuen uns auf euch.").lang == "en"


@pytest.mark.slow
def test_any_front_matter_is_linted_or_refused_with_an_input_error():
    """Seeded fuzzing: YAML 1.1 booleans as keys, values Python cannot hold (2026-02-30,
    +25:00), tags, anchors, flow collections, odd characters: no other exception."""
    import random
    import string

    linter, rng = Linter(), random.Random(7)
    alphabet = string.ascii_letters + string.digits + " :-_.,#'\"[]{}!&*|>%@`?~=<+/\\\t" + "äöüß😀\u2028\x85"
    keys = ["channel", "type", "lang", "sponsored", "scheduled", "account", "postlint", "on", "No", "null", "1"]
    values = ["2026-02-30", "2026-13-01", "2026-12-01T25:00:00", "1e400", "0o8", ".inf", "99999999999999999999",
              "1:2:3:4", "2026-12-01T10:00:00+25:00", "[1, 2]", "{a: 1}", "&a x", "*a", "!!binary aGVsbG8=",
              "!!python/object:x {}", "|\n  a"]
    refused = 0
    for _ in range(1500):
        lines = [f"{rng.choice(keys)}: " + (rng.choice(values) if rng.random() < 0.3 else
                                            "".join(rng.choices(alphabet, k=rng.randint(0, 12))))
                 for _ in range(rng.randint(1, 4))]
        try:
            linter.lint_text("---\n" + "\n".join(lines) + "\n---\nHallo Welt #KI\n", Path("f.md"), "f.md")
        except InputError as exc:
            refused += 1
            assert str(exc).startswith("malformed front matter"), exc
    assert 100 < refused < 1400  # both ways were taken
