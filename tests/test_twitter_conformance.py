"""twitter-text conformance for hashtags, URLs and the X weighted length (postlint.text).

The YAML files live outside the repository, in ``../shared/conformance/twitter-text``
(Apache-2.0 data from twitter/twitter-text). Without them this module is skipped.

Indices: twitter-text's JS runner compares its UTF-16 indices with the YAML, and
``validRangeEnd`` is documented as UTF-16 (``parseTweet.js``), so both are converted to
code point offsets here. (No index case in the extract sections has an astral character
before an index, so there the two readings agree.)
"""

from __future__ import annotations

import functools

from pathlib import Path

import pytest
import yaml

from postlint import text

CONFORMANCE = Path(__file__).resolve().parents[1].parent / "shared" / "conformance" / "twitter-text"
FILES = ("extract.yml", "validate.yml")

if not all((CONFORMANCE / name).is_file() for name in FILES):
    pytest.skip(
        f"twitter-text conformance data not found in {CONFORMANCE} (it is not part of the repo)",
        allow_module_level=True,
    )


@functools.cache
def _tests(name: str) -> dict:
    # libyaml where PyYAML has it: the pure-Python loader took 4 s of every collection
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    return yaml.load((CONFORMANCE / name).read_text(encoding="utf-8"), Loader=loader)["tests"]


def _cases(name: str, *sections: str) -> list:
    tests = _tests(name)
    return [
        pytest.param(case, id=f"{section}: {case['description']}")
        for section in sections
        for case in tests[section]
    ]


def _code_points(string: str, utf16_index: int) -> int:
    """Convert a UTF-16 index into ``string`` to a code point offset."""
    units = string.encode("utf-16-le", "surrogatepass")[: 2 * utf16_index]
    return len(units.decode("utf-16-le", "surrogatepass"))


def _span(string: str, indices: list[int]) -> tuple[int, int]:
    return _code_points(string, indices[0]), _code_points(string, indices[1])


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags", "hashtags_from_astral"))
def test_hashtags(case):
    assert [tag.text for tag in text.hashtags(case["text"])] == case["expected"]


@pytest.mark.parametrize("case", _cases("extract.yml", "hashtags_with_indices"))
def test_hashtags_with_indices(case):
    string = case["text"]
    expected = [(item["hashtag"], *_span(string, item["indices"])) for item in case["expected"]]
    assert [(tag.text, tag.start, tag.end) for tag in text.hashtags(string)] == expected
    for tag in text.hashtags(string):
        assert string[tag.start] in "#＃" and string[tag.start + 1 : tag.end] == tag.text


@pytest.mark.parametrize("case", _cases("extract.yml", "urls", "tco_urls_with_params"))
def test_urls(case):
    assert [url.text for url in text.urls(case["text"])] == case["expected"]


@pytest.mark.parametrize(
    "case", _cases("extract.yml", "urls_with_indices", "urls_with_directional_markers")
)
def test_urls_with_indices(case):
    string = case["text"]
    expected = [(item["url"], *_span(string, item["indices"])) for item in case["expected"]]
    found = text.urls(string)
    assert [(url.text, url.start, url.end) for url in found] == expected
    assert all(string[url.start : url.end] == url.text for url in found)


@pytest.mark.parametrize(
    "case",
    _cases(
        "validate.yml",
        "WeightedTweetsWithDiscountedEmojiCounterTest",
        "UnicodeDirectionalMarkerCounterTest",
    ),
)
def test_weighted_length(case):
    string, expected = case["text"], case["expected"]
    assert text.x_weighted_length(string) == expected["weightedLength"]
    assert text.measure(string).x_weighted == expected["weightedLength"]
    assert text.x_is_valid(string) is expected["valid"]
    # validRangeEnd is the last UTF-16 unit that still fits, so the next one crosses 280.
    crossing = None
    if expected["weightedLength"] > text.X_MAX_WEIGHTED_LENGTH:
        crossing = _code_points(string, expected["validRangeEnd"] + 1)
    assert text.weighted_offset(string, text.X_MAX_WEIGHTED_LENGTH) == crossing
