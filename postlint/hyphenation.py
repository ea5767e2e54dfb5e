"""Hyphenation points from pyphen's TeX pattern dictionaries, parsed only where a word needs them.

pyphen parses every pattern of a dictionary when it opens it: the German one has 78,000
lines and took 0.9 s, the largest single cost of a cold `postlint check`. Here a dictionary
is read as a map from each pattern's letters to its line, and a line's digits are turned
into numbers when a word first looks the pattern up. The points are pyphen's (Liang's
algorithm, pyphen's parsing and its default margins of two letters on each side);
tests/test_nlp.py compares both on every word of the evaluation drafts.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

# the lines pyphen skips: comments and hunspell's settings
IGNORED = ("%", "#", "LEFTHYPHENMIN", "RIGHTHYPHENMIN", "COMPOUNDLEFTHYPHENMIN", "COMPOUNDRIGHTHYPHENMIN")
DIGITS = re.compile(r"[0-9]")
NONZERO = re.compile(r"[1-9]")
HEX = re.compile(r"\^{2}([0-9a-f]{2})")
PARSE = re.compile(r"(\d?)(\D?)")
MARGIN = 2  # pyphen's default `left` and `right`
DICTIONARIES = {"de": "hyph_de_DE.dic", "en": "hyph_en_US.dic"}


class Patterns:
    """The patterns of one `hyph_*.dic`: letters -> line, or -> (offset, values) once used."""

    def __init__(self, path: Path):
        first, _, body = path.read_bytes().partition(b"\n")
        encoding = first.decode().strip()
        if encoding.lower() == "microsoft-cp1251":
            encoding = "cp1251"
        self._patterns: dict[str, str | tuple[int, tuple[int, ...]]] = {}
        # Whole-text passes (translating line by line took most of the load time). ASCII
        # digits are single bytes in every encoding the dictionaries use.
        text = body.decode(encoding)
        if "^^" in text:
            text = HEX.sub(lambda m: chr(int(m.group(1), 16)), text)
            keys, nonzero = DIGITS.sub("", text), NONZERO.sub("", text)
        else:
            keys = body.translate(None, b"0123456789").decode(encoding)
            nonzero = body.translate(None, b"123456789").decode(encoding)
        lines, keys, nonzero = text.split("\n"), keys.split("\n"), nonzero.split("\n")
        for line, key, zeros in zip(lines, keys, nonzero):
            # a pattern of zeros only changes nothing, and pyphen does not keep it
            if line == zeros or line.lstrip().startswith(IGNORED) or not line.strip():
                continue
            if key != key.strip() or "/" in line:
                line = line.strip()
                if "/" in line and "=" in line:  # a non-standard hyphenation: only its points count here
                    line = line.split("/", 1)[0]
                key = DIGITS.sub("", line)
            self._patterns[key] = line
        self.maxlen = max(map(len, self._patterns))

    def _lookup(self, letters: str) -> tuple[int, tuple[int, ...]] | None:
        found = self._patterns.get(letters)
        if isinstance(found, str):
            values = [int(digit or "0") for digit, _ in PARSE.findall(found)]
            start, end = 0, len(values)
            while not values[start]:
                start += 1
            while not values[end - 1]:
                end -= 1
            found = self._patterns[letters] = (start, tuple(values[start:end]))
        return found

    def points(self, word: str) -> list[int]:
        """Positions where the lower-case `word` may be hyphenated."""
        pointed = f".{word}."
        references = [0] * (len(pointed) + 1)
        # most pieces of a word are no pattern: a plain dictionary lookup settles them (a
        # call of _lookup for each cost more than the rest of the loop)
        get = self._patterns.get
        for i in range(len(pointed) - 1):
            for j in range(i + 1, min(i + self.maxlen, len(pointed)) + 1):
                pattern = get(pointed[i:j])
                if pattern is not None:
                    offset, values = self._lookup(pointed[i:j]) if isinstance(pattern, str) else pattern
                    for k, value in enumerate(values, i + offset):
                        if value > references[k]:
                            references[k] = value
        right = len(word) - MARGIN
        return [i - 1 for i, value in enumerate(references) if value % 2 and MARGIN <= i - 1 <= right]


@functools.cache
def patterns(lang: str) -> Patterns:
    from importlib import resources

    name = DICTIONARIES.get(lang, DICTIONARIES["de"])
    return Patterns(Path(str(resources.files("pyphen") / "dictionaries" / name)))
