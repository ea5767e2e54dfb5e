"""Suppressions: front matter and HTML comments, ranges, next line, unused reporting."""

from __future__ import annotations

from helpers import compact, lint

SEVEN = "#a1 #b2 #c3 #d4 #e5 #f6 #g7"


def codes(findings):
    return sorted({f.code for f in findings})


def test_front_matter_ignore_by_code_prefix_and_name():
    assert "PL202" not in codes(lint(f"---\npostlint: {{ignore: [PL202]}}\n---\n{SEVEN}"))
    assert codes(lint(f"---\npostlint:\n  ignore: [PL2, PL4]\n---\n{SEVEN}")) == []
    assert "PL202" not in codes(lint(f"---\npostlint: {{ignore: [too-many-hashtags]}}\n---\n{SEVEN}"))


# three placeholders, each a finding of its own (unfilled-placeholder, PL708)
PLACEHOLDERS = "Hallo [Name], willkommen bei [Firma] am [Datum]."


def test_disable_until_enable():
    text = (f"<!-- postlint-disable PL708 -->\n{PLACEHOLDERS}\n<!-- postlint-enable PL708 -->\n"
            f"Text\n{PLACEHOLDERS}\n")
    # the placeholders of line 2 sit in the disabled region, those of line 5 do not
    assert compact(lint(text), "PL708") == ["5:7 PL708", "5:30 PL708", "5:41 PL708"]


def test_disable_without_codes_covers_everything_after_it():
    text = f"Intro: was meint ihr?\n<!-- postlint-disable -->\n{SEVEN}\nhttps://example.com\n"
    assert codes(lint(text)) == []


def test_next_line_only_covers_the_next_line():
    text = f"<!-- postlint-disable-next-line PL708 -->\n{PLACEHOLDERS}\n{PLACEHOLDERS}\n"
    assert compact(lint(text), "PL708") == ["3:7 PL708", "3:30 PL708", "3:41 PL708"]


def test_unused_and_invalid_are_reported_and_selectable():
    text = "<!-- postlint-disable-next-line PL301 -->\nWas meint ihr? #a #b #c\n<!-- postlint-enabel -->\n"
    assert compact(lint(text)) == ["1:1 PL002", "3:1 PL003"]
    assert compact(lint(text, rules={"PL002": {"enabled": False}})) == ["3:1 PL003"]


def test_suppression_text_is_not_part_of_the_post():
    note = "<!-- postlint-disable PL101 -- long on purpose -->\n"
    # 1,299 characters: only the note would push it over 1,300, so the disable is unused
    quiet = {"missing-cta": {"enabled": False}, "wall-of-text": {"enabled": False}}
    assert compact(lint(note + "a" * 1290 + " #a #b #c", rules=quiet)) == ["1:1 PL002"]
    assert compact(lint(note + "a" * 1300 + " #a #b #c", rules=quiet)) == []


def test_a_bad_code_is_one_invalid_suppression_and_unknown_postlint_comments_are_reported():
    findings = lint("---\npostlint:\n  ignore: [PL999, PL202]\n---\n<!-- postlint: ignore PL203 -->\n"
                    "<!-- postlint findings reviewed by Anna -->\nWas meint ihr? #a1 #b2 #c3 #d4 #e5 #f6\n")
    assert compact(findings, "PL002") == [] and compact(findings, "PL003") == ["3:3 PL003", "5:1 PL003"]
    first, second = [f.message for f in findings if f.code == "PL003"]
    assert first.startswith("'PL999' is not a rule code, prefix or name")
    assert second == ("unknown postlint comment 'postlint: ignore PL203' "
                      "(expected postlint-disable, postlint-enable, postlint-disable-next-line)")
    named = lint("<!-- postlint-disable-next-line too-many-hashtag -->\nWas meint ihr? #a1 #b2 #c3 #d4 #e5 #f6\n")
    assert [f.message for f in named if f.code == "PL003"] == [
        "'too-many-hashtag' is not a rule code, prefix or name (did you mean 'too-many-hashtags'?)"]
