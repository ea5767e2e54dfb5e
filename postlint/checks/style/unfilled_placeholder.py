"""Draft still contains a template placeholder.

## What it does
Reports text that a template left unfilled:

- merge fields in double braces: `{{name}}`, `{{ company }}`;
- a placeholder word in brackets: `[Name]`, `<Vorname>`, `{Firma}`, `[Link zum Artikel]`,
  `[hier Datum einfügen]`, also as the end of a compound and in capitals
  (`[PRODUKTNAME]`, `[Kundennummer]`); a slot that is the whole bracket (`[TIME]`,
  `<Arbeitgeber>`, `[THEMA]`, `[X] years`); an editorial note left in the text
  (`[Chart 2 here]`, `[Foto hier]`) (lexicon `placeholder-names.txt`);
- percent fields: `%FIRSTNAME%`, `%first_name%`;
- markers: `XXX`, `TODO`, `FIXME`, `Lorem ipsum` (lexicon `placeholder-markers.txt`),
  date stubs such as `xx.xx.`, `XX.03.` or `14.XX.`, and number slots: `XX` with a
  currency, a unit or a second slot (`XX,XX €`, `€XX`, `XX %`, `XX years`, `XX:XX Uhr`);
- anything listed in `placeholders`.

Brackets that are no placeholder stay silent: labels (`[Werbung]`, `[Update]`,
`[Affiliate-Link]`), topics (`[Thema: KI im Handel]`), omissions (`[…]`), footnotes
(`[1]`), a ticked box (`- [x] erledigt`), keys (`<Strg> + <V>`), `<3`, the text of a
Markdown link (`[Name](https://…)`).
`XXL` is no `XXX`, and `XX` alone may be a Roman twenty. A placeholder in quotation marks or backticks (`„Lorem ipsum“`,
`` `{{ target.schema }}` ``) is shown on purpose and stays silent too.

## Why is this bad?
A post or message that goes out with `{{name}}` or `[Firma]` in it shows at once that it
was mass-produced. The guidance stresses that authenticity is essential and social
selling must not be fully automated (Bitkom, Social-Media-Leitfaden, Kap. 3.2); an unfilled template is the most
visible failure of automation.

## Example
```text
---
type: message
---
Hallo {{Vorname}}, danke für Ihren Vortrag auf der DMEXCO! Ihre Zahlen zur Arbeitszeiterfassung haben mich überzeugt. Darf ich Ihnen eine Frage stellen?
```

Use instead:
```text
---
type: message
---
Hallo Frau Berg, danke für Ihren Vortrag auf der DMEXCO! Ihre Zahlen zur Arbeitszeiterfassung haben mich überzeugt. Darf ich Ihnen eine Frage stellen?
```

## Options
- `placeholders`: further texts that mark a placeholder in your templates (matched exactly, e.g. `@@NAME@@`).
"""

import bisect
import functools

import regex

from postlint import nlp
from postlint.packs import lexicon
from postlint.problem import Hit
from postlint.i18n import t

CODE = "PL708"
NAME = "unfilled-placeholder"
OPTIONS = {"placeholders": list}

MERGE_FIELD = regex.compile(r"\{\{[^{}\n]{0,60}\}\}")
# "[Name]", "<Vorname>", "{Firma}"; a "[…]" followed by "(" is a Markdown link text
BRACKETED = regex.compile(r"\[(?P<inner>[^\[\]\n]{1,60})\](?!\()|<(?P<inner>[^<>\n]{1,60})>|\{(?P<inner>[^{}\n]{1,60})\}")
PERCENT_FIELD = regex.compile(r"%[A-Za-z][A-Za-z_]+%")
# date stubs: "xx.xx.", "XX.XX.2025", a day or a month left open ("XX.03.", "14.XX.")
STUB = regex.compile(
    r"(?<![\p{L}\p{N}])(?:X{3,}|(?:[xX]{2}\.(?:[xX]{2}|[01]?\d)|[0-3]?\d\.[xX]{2})\.(?:[xX]{2,4}|\d{2,4})?)"
    r"(?![\p{L}\p{N}])")
# "XX,XX €", "€XX", "XX %", "XX years", "XX:XX Uhr": two x standing for a number, known by
# the currency, unit or second slot around them ("XX" alone may be a Roman twenty)
UNIT = r"(?:%|€|\$|£|EUR|Euro|CHF|Prozent|percent|Jahre|Jahren|years?|Monate|Monaten|months?|Wochen|weeks?|Tage|Tagen|days?|Stunden|hours?|Minuten|minutes?|Uhr|Mio|Mrd|million|billion|k)"
NUMBER_SLOT = regex.compile(
    rf"(?<![\p{{L}}\p{{N}}])(?:[€$£]\s?[xX]{{2,}}(?:[.,][xX]{{2}})?|[xX]{{2,}}[.,:][xX]{{2}}(?![.\p{{L}}\p{{N}}])"
    rf"(?:\s?{UNIT}(?![\p{{L}}\p{{N}}]))?|[xX]{{2,}}\s?{UNIT}(?![\p{{L}}\p{{N}}]))")
INNER_WORD = regex.compile(r"[^\s_\-/:]+")
# a placeholder is a few words; a longer bracket is an aside that happens to name a word
MAX_WORDS = 5


def check(draft, opts):
    text = draft.text
    for start, end in placeholders(text, opts["placeholders"]):
        yield Hit(start, end, t("placeholder '{text}'", text=text[start:end]))


def placeholders(text: str, extra=()) -> list[tuple[int, int]]:
    """(start, end) of every placeholder in `text`, in text order, and of the texts in
    `extra`; none inside quotation marks or backticks."""
    found = [m.span() for m in MERGE_FIELD.finditer(text)]
    for match in BRACKETED.finditer(text):
        if _is_slot(match, text):
            found.append(match.span())
    found += [m.span() for m in PERCENT_FIELD.finditer(text)]
    # both hold two x in a row; STUB's leading lookbehind makes it slow to scan a text without
    if any(pair in text for pair in ("xx", "XX", "xX", "Xx")):
        found += [m.span() for m in STUB.finditer(text)]
        found += [m.span() for m in NUMBER_SLOT.finditer(text)]
    found += [m.span() for m in _markers().finditer(text)]
    for literal in extra:
        found += [m.span() for m in regex.finditer(regex.escape(literal), text)]
    # a placeholder shown in quotes or as `code` is the topic, not a leftover
    quoted = nlp.quoted(text)  # in order, none overlapping: their ends are in order too
    quoted_ends = [e for _, e in quoted]
    spans: list[tuple[int, int]] = []
    reach = -1  # the furthest end of a span kept: one pass, not one per span kept before
    for start, end in sorted(found):
        i = bisect.bisect_right(quoted_ends, start)  # the first quotation that ends after start
        if i < len(quoted) and quoted[i][0] < end:
            continue
        if start < reach if end > start else any(start < e and s < end for s, e in spans):
            continue
        spans.append((start, end))
        reach = max(reach, end)
    return spans


def _is_slot(match, text: str) -> bool:
    """Whether a bracket is a template slot: it holds a slot word ("[Link zum Artikel]"),
    a word ending in a compound head ("[PRODUKTNAME]"), is one as a whole ("[TIME]", "[X]")
    or ends an editorial note ("[Chart 2 here]"), and holds no disclosure label
    ("[Affiliate-Link]"); lexicon placeholder-names.txt."""
    inner = match["inner"].strip().casefold()
    words = INNER_WORD.findall(inner)
    if not words or len(words) > MAX_WORDS:
        return False
    kinds = _slot_words()
    if any(w in kinds["label"] for w in words):
        return False
    if any(w in kinds[""] or (w.endswith(kinds["head"]) and w.isalpha()) for w in words):
        return True
    if len(words) > 1 and words[-1] in kinds["last"]:
        return True
    if inner not in kinds["whole"]:
        return False
    if len(inner) > 1:
        return True
    # one letter: "[X] years", but not a ticked box ("- [x] done") nor a key ("<V>")
    line_start = text.rfind("\n", 0, match.start()) + 1
    return text[match.start()] == "[" and bool(text[line_start:match.start()].strip(" \t-*+"))


def slot_words() -> frozenset[str]:
    """The words that make a bracket a slot wherever they stand in it ("name", "firma")."""
    return _slot_words()[""]


@functools.cache
def _slot_words() -> dict[str, frozenset[str] | tuple[str, ...]]:
    kinds: dict[str, set[str]] = {"": set(), "head": set(), "whole": set(), "last": set(), "label": set()}
    for line in lexicon("placeholder-names"):
        kind, _, word = line.partition(":") if ": " in line else ("", "", line)
        if kind.strip() not in kinds:
            raise ValueError(f"lexicon placeholder-names: unknown kind in {line!r}")
        kinds[kind.strip()].add(word.strip().casefold())
    return {"": frozenset(kinds[""]), "head": tuple(sorted(kinds["head"])),
            "whole": frozenset(kinds["whole"]), "last": frozenset(kinds["last"]), "label": frozenset(kinds["label"])}


@functools.cache
def _markers() -> regex.Pattern:
    exact = [regex.escape(t) for t in lexicon("placeholder-markers") if t.isupper()]
    any_case = [regex.escape(t) for t in lexicon("placeholder-markers") if not t.isupper()]
    return regex.compile(rf"(?<![\p{{L}}\p{{N}}])(?:{'|'.join(exact)}|(?i:{'|'.join(any_case)}))(?![\p{{L}}\p{{N}}])")
