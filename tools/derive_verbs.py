#!/usr/bin/env python3
"""Derive postlint's verb lexicons from complete lexical data (run once; output committed).

    pip install simplemma==2.0.0 lemminflect==0.2.3   # in a scratch environment
    python tools/derive_verbs.py rules/core/lexicons

Writes, one word per line (a `#` header names the source):
- verbs-de.txt: every German verb infinitive in simplemma's German form->lemma table (a lemma
  in lower case ending in -en/-ern/-eln or tun/sein that has a present or participle form
  in -t), about 14,000;
- verbs-de-imperatives.txt: `form lemma` for the du-imperatives that are not the stem
  ("nimm nehmen", "lies lesen": e->i verbs, checked against the forms in the table);
- verbs-de-ambiguous-stems.txt: du-imperative stems that are also nouns or adjectives
  ("tipp", "start", "schön"): these count as imperatives only before a cue;
- verbs-en.txt: every English verb lemma in lemminflect's inflection table (AGID);
- verbs-en-finite.txt: their past and third-person forms that are no base form ("went",
  "matters"): after a clause's first word they make it a subject ("Design matters").
The recognisers in postlint/grammar.py read these lists; the data's licences are in
verbs.LICENSE beside them.
"""

from __future__ import annotations

import collections
import gzip
import re
import sys
from pathlib import Path


def _unique(words) -> list[str]:
    """Sorted, one spelling per word: "heiß" rather than the Swiss "heiss" (postlint reads
    "ss" as "ß" where the "ss" spelling is not listed)."""
    by_fold: dict[str, str] = {}
    for word in sorted(set(words)):
        kept = by_fold.setdefault(word.casefold(), word)
        if "ß" in word and "ß" not in kept:
            by_fold[word.casefold()] = word
    return sorted(by_fold.values())


def german(out: Path) -> None:
    from simplemma.strategies.dictionaries.dictionary_factory import _load_dictionary_from_disk

    table = _load_dictionary_from_disk("de")
    forms: dict[str, set[str]] = collections.defaultdict(set)
    for form, lemma in table.items():
        forms[lemma.decode()].add(form.decode())
    verbs = set()
    for lemma, found in forms.items():
        if not (lemma.islower() and lemma.isalpha() and re.search(r"(en|ern|eln|^tun|^sein)$", lemma)):
            continue
        stem = lemma[:-2] if lemma.endswith("en") else lemma[:-1]
        if (stem + "t") in found or (stem + "et") in found or any(
                f.endswith("t") and f.startswith(stem[:max(1, len(stem) - 1)]) for f in found):
            verbs.add(lemma)
    irregular = {}
    for lemma in sorted(verbs):
        stem = lemma[:-2]
        if lemma == "werden" or "e" not in stem or not lemma.endswith("en"):
            continue
        for form in forms[lemma]:
            if form == stem or not (form.islower() and form.isalpha()) or len(form) > len(stem) + 1:
                continue
            if (form + "t") not in forms[lemma] and (form + "st") not in forms[lemma]:
                continue
            if stem in (re.sub("ie", "e", form), form.replace("i", "e", 1), form.replace("imm", "ehm"),
                        form.replace("iss", "ess"), form.replace("iß", "eß"), form.replace("itt", "et")):
                irregular[form] = lemma
    def other_word(stem: str) -> bool:
        """A noun ("Tipp") or an adjective ("schön": schöner, schönes, schönem)."""
        return (table.get(stem.capitalize().encode(), b"").decode() == stem.capitalize()
                or all(table.get((stem + end).encode(), b"").decode() == stem for end in ("er", "es", "em")))

    ambiguous = sorted({lemma[:-2] for lemma in verbs if lemma.endswith("en") and len(lemma) > 4
                        and other_word(lemma[:-2])})
    header = ("# German verb infinitives, derived by tools/derive_verbs.py from simplemma 2.0.0's German\n"
              "# form->lemma table (sources and licences: verbs.LICENSE)\n")
    (out / "verbs-de.txt").write_text(header + "\n".join(_unique(verbs)) + "\n", encoding="utf-8")
    (out / "verbs-de-imperatives.txt").write_text(
        header.replace("verb infinitives", "du-imperatives that are not the stem (form lemma)")
        + "\n".join(f"{f} {lemma}" for f, lemma in sorted(irregular.items())) + "\n", encoding="utf-8")
    (out / "verbs-de-ambiguous-stems.txt").write_text(
        header.replace("verb infinitives", "verb stems that are also nouns or adjectives (Tipp, Start, schön)")
        + "\n".join(_unique(ambiguous)) + "\n", encoding="utf-8")


def english(out: Path) -> None:
    import lemminflect

    path = Path(lemminflect.__file__).parent / "resources" / "infl_lu.csv.gz"
    verbs, finite = set(), set()
    with gzip.open(path, "rt", encoding="utf-8") as rows:
        for row in rows:
            word, pos, *forms = row.strip().split(",")
            if pos == "verb" and word.isalpha() and word.islower():
                verbs.add(word)
                # past and third person: "went", "matters" (a noun before them is a subject)
                if len(forms) >= 4:
                    finite.update(f for f in forms[0].split("/") + forms[3].split("/") if f.isalpha())
    header = ("# English verb lemmas (base forms), derived by tools/derive_verbs.py from lemminflect 0.2.3's\n"
              "# inflection table (AGID; sources and licences: verbs.LICENSE)\n")
    (out / "verbs-en.txt").write_text(header + "\n".join(sorted(verbs)) + "\n", encoding="utf-8")
    (out / "verbs-en-finite.txt").write_text(
        header.replace("verb lemmas (base forms)", "verb forms of the past and the third person (went, matters)")
        + "\n".join(sorted(finite - verbs)) + "\n", encoding="utf-8")


if __name__ == "__main__":
    target = Path(sys.argv[1])
    german(target)
    english(target)
