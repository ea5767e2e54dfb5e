"""Tests for postlint.text: lengths per platform unit and entity extraction."""

from __future__ import annotations

import pytest

from postlint import packs, text
from postlint.text import Entity, Lengths

FAMILY = "👨‍👩‍👧‍👦"  # 7 code points joined by ZWJ
FLAG_DE = "🇩🇪"
HEAD_SHAKE = "🙂‍↕️"  # Emoji 15.1 ZWJ sequence
NBSP, NNBSP = "\u00a0", "\u202f"


def tags(string: str) -> list[str]:
    return [entity.text for entity in text.hashtags(string)]


def links(string: str) -> list[str]:
    return [entity.text for entity in text.urls(string)]


# --- Hashtags -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("string", "expected"),
    [
        ("#Größe", ["Größe"]),
        ("#KI2025", ["KI2025"]),
        ("#B2B-Marketing", ["B2B"]),  # the hyphen ends the tag
        ("#2025", []),  # digits only
        ("#über_uns", ["über_uns"]),
        ("Wir suchen C# Entwickler", []),
        ("C#-Entwickler", []),
        ("It&#39;s fine", []),
        ("Siehe https://x.de/#anker", []),  # inside a URL
        ("Mitglied im #e.V.", ["e"]),
        ("Das ist #super.", ["super"]),
        ("Toll!#Sommer", ["Sommer"]),
        ("全角 ＃ｈａｓｈｔａｇ", ["ｈａｓｈｔａｇ"]),
        ("Taste #️⃣ drücken", []),  # keycap, not a hashtag
        ("#AI and #MachineLearning, #1 in town", ["AI", "MachineLearning"]),
        ("#ab#cd", []),
    ],
)
def test_hashtags(string, expected):
    assert tags(string) == expected


def test_hashtag_entity_span_includes_hash():
    assert text.hashtags("Mehr zu #KI heute") == [Entity("hashtag", "KI", 8, 11)]


@pytest.mark.parametrize("space", [NBSP, NNBSP, " ", "\n"])
def test_space_like_characters_end_a_hashtag(space):
    assert tags(f"#KI{space}und #Recht") == ["KI", "Recht"]


# --- URLs -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("string", "expected"),
    [
        ("www.firma.de/seite?utm_source=a", ["www.firma.de/seite?utm_source=a"]),
        ("Besucht firma.de.", ["firma.de"]),
        ("Mehr unter https://firma.de/artikel.", ["https://firma.de/artikel"]),
        ("z.B. morgen", []),
        ("um 10.30 Uhr", []),
        ("Protokoll.pdf anbei", []),
        ("max@firma.de", []),
        ("lnkd.in/abc", ["lnkd.in/abc"]),
        ("Read more at example.com/blog!", ["example.com/blog"]),
        ("Zwei: https://a.de und http://b.com/x?y=1", ["https://a.de", "http://b.com/x?y=1"]),
        ("IDN müller.de", ["müller.de"]),
        (
            "(siehe https://de.wikipedia.org/wiki/Köln_(Begriffsklärung))",
            ["https://de.wikipedia.org/wiki/Köln_(Begriffsklärung)"],
        ),
        (f"firma.de{NBSP}ist online", ["firma.de"]),
        ("info@müller.de", []),  # twitter-text would give "ller.de"; e-mail wins
    ],
)
def test_urls(string, expected):
    assert links(string) == expected


def test_url_entity_offsets():
    string = "👉 Mehr: firma.de/x"
    [url] = text.urls(string)
    assert (url.kind, url.text, url.start, url.end) == ("url", "firma.de/x", 8, 18)
    assert string[url.start : url.end] == url.text


@pytest.mark.parametrize(
    ("url", "domain"),
    [
        ("lnkd.in/abc", "lnkd.in"),
        ("https://www.Firma.de/seite?x=1#y", "firma.de"),
        ("WWW.EXAMPLE.COM", "example.com"),
        ("http://user@sub.example.com:8080/x", "sub.example.com"),
        ("https://bit.ly", "bit.ly"),
        ("münchen.de/rathaus", "münchen.de"),
    ],
)
def test_domain_of(url, domain):
    assert text.domain_of(url) == domain


# --- Mentions and e-mail addresses ------------------------------------------------------------


def test_email_is_neither_url_nor_mention():
    string = "Fragen an max@firma.de"
    assert text.emails(string) == [Entity("email", "max@firma.de", 10, 22)]
    assert text.urls(string) == []
    assert text.mentions(string) == []


def test_email_with_dots_and_country_domain():
    assert [e.text for e in text.emails("Schreib an max.muster@firma.co.uk.")] == [
        "max.muster@firma.co.uk"
    ]


def test_email_inside_url_is_part_of_the_url():
    string = "https://x.de/?mail=max@firma.de"
    assert text.emails(string) == []
    assert links(string) == [string]


@pytest.mark.parametrize(
    ("string", "expected"),
    [
        ("Danke @Max_Mustermann!", ["Max_Mustermann"]),
        ("Danke @Jörg.", ["Jörg"]),
        ("(@team)", ["team"]),
        ("a@b", []),
        ("https://medium.com/@user/post", []),
        ("@user@mastodon.social", ["user"]),
        ("@http://x.de", []),
    ],
)
def test_mentions(string, expected):
    assert [m.text for m in text.mentions(string)] == expected


def test_mention_span_includes_at_sign():
    assert text.mentions("Hi @anna") == [Entity("mention", "anna", 3, 8)]


# --- Emoji ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sequence",
    [FAMILY, FLAG_DE, HEAD_SHAKE, "👍🏽", "🏳️‍🌈", "1️⃣", "1⃣", "©️", "❤️", "🏴󠁧󠁢󠁥󠁮󠁧󠁿", "\U0001fc00"],
)
def test_each_emoji_sequence_is_one_emoji(sequence):
    assert text.emoji(f"a{sequence}b") == [Entity("emoji", sequence, 1, 1 + len(sequence))]


@pytest.mark.parametrize("symbol", ["©", "®", "™", "↔", "❤", "❤\ufe0e", "#", "1"])
def test_text_presentation_symbols_are_not_emoji(symbol):
    assert text.emoji(f"Marke{symbol} 2025") == []


def test_emoji_in_a_sentence():
    found = text.emoji(f"Hallo 👋{FLAG_DE} und {FAMILY}!")
    assert [e.text for e in found] == ["👋", FLAG_DE, FAMILY]
    assert found[2].start == 14


# --- Lengths --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("string", "lengths"),
    [
        (FAMILY, Lengths(characters=7, utf16=11, graphemes=1, x_weighted=2)),
        (FLAG_DE, Lengths(characters=2, utf16=4, graphemes=1, x_weighted=2)),
        (HEAD_SHAKE, Lengths(characters=4, utf16=5, graphemes=1, x_weighted=2)),
        ("Größe", Lengths(characters=5, utf16=5, graphemes=5, x_weighted=5)),
        ("Gro\u0308ße", Lengths(characters=6, utf16=6, graphemes=5, x_weighted=5)),  # NFC first
        ("“quotes” — dash…", Lengths(characters=16, utf16=16, graphemes=16, x_weighted=17)),
        ("日本", Lengths(characters=2, utf16=2, graphemes=2, x_weighted=4)),
        ("Link: https://www.firma.de/seite", Lengths(32, 32, 32, 6 + 23)),
        ("", Lengths(0, 0, 0, 0)),
    ],
)
def test_measure(string, lengths):
    assert text.measure(string) == lengths


@pytest.mark.parametrize(
    ("string", "weighted"),
    [
        ("©", 1),  # text symbol in the weight-1 range
        ("©️", 2),  # emoji
        ("™", 2),  # outside the weight-1 ranges either way
        ("\U0001fc00", 2),  # an emoji newer than any table
        ("Hi http://test.co", 26),
        ("1⃣", 2),
    ],
)
def test_x_weighted_length(string, weighted):
    assert text.x_weighted_length(string) == weighted


def test_x_is_valid():
    assert text.x_is_valid("a" * 280)
    assert not text.x_is_valid("a" * 281)
    assert not text.x_is_valid("")
    assert not text.x_is_valid("Hallo\ufeff")
    assert text.x_is_valid(FAMILY * 140)


# --- Offsets --------------------------------------------------------------------------------

MIXED = f"ab{FAMILY}c{FLAG_DE}"  # offsets: a 0, b 1, family 2-8, c 9, flag 10-11


@pytest.mark.parametrize(
    ("unit", "limit", "offset"),
    [
        ("characters", 3, 3),
        ("characters", 12, None),
        ("utf16", 3, 2),  # the man emoji takes units 3 and 4
        ("utf16", 4, 3),
        ("utf16", 14, 10),  # each flag letter takes two units: 15-16 and 17-18
        ("utf16", 16, 11),
        ("utf16", 18, None),
        ("graphemes", 2, 2),
        ("graphemes", 3, 9),
        ("graphemes", 5, None),
        ("x_weighted", 3, 2),  # the family costs 2 and would reach 4
        ("x_weighted", 4, 9),
        ("x_weighted", 6, 10),
        ("x_weighted", 7, None),
    ],
)
def test_unit_offset(unit, limit, offset):
    assert text.unit_offset(MIXED, limit, unit) == offset


@pytest.mark.slow
@pytest.mark.parametrize("unit", ["characters", "utf16", "graphemes"])
def test_unit_offset_is_where_a_prefix_first_exceeds_the_limit(unit):
    string = f"Größe 👍🏽 e\u0301 {FAMILY}{FLAG_DE}🇦 ok\r\n{HEAD_SHAKE}."

    def length(prefix: str) -> int:
        return getattr(text.measure(prefix), unit)

    for limit in range(length(string) + 1):
        over = [i for i in range(len(string)) if length(string[: i + 1]) > limit]
        assert text.unit_offset(string, limit, unit) == (over[0] if over else None), limit


def test_unit_offset_rejects_unknown_unit():
    with pytest.raises(ValueError, match="unknown unit 'words'"):
        text.unit_offset("abc", 1, "words")


def test_weighted_offset_crossing_280():
    post = "x" * 279 + "ab"
    assert text.weighted_offset(post, 280) == 280
    assert text.weighted_offset(post[:-1], 280) is None
    assert text.weighted_offset("x" * 279 + "🙂", 280) == 279  # the emoji costs 2
    assert text.weighted_offset("x" * 279 + "日", 280) == 279


def test_weighted_offset_points_at_the_url_that_crosses():
    post = "x" * 260 + " https://www.firma.de/seite"
    assert text.x_weighted_length(post) == 261 + 23
    assert text.weighted_offset(post, 280) == 261


def test_weighted_offset_maps_back_through_nfc():
    decomposed = "A\u0301"  # NFC: one character
    assert text.weighted_offset("x" * 279 + decomposed + "B", 280) == 281
    assert text.weighted_offset("x" * 280 + decomposed, 280) == 280


# --- Data -----------------------------------------------------------------------------------


def test_tld_list_is_found_and_attributed():
    path = packs.data_path("core", "tlds.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    tlds = [line for line in lines if line and not line.startswith("#")]
    assert len(tlds) == len(set(tlds)) == 1574
    assert {"de", "in", "com", "berlin", "みんな"} <= set(tlds)
    header = "\n".join(line for line in lines if line.startswith("#"))
    assert "twitter-text" in header and "Apache License, Version 2.0" in header
