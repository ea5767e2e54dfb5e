"""Connection note or message says nothing about the recipient.

## What it does
Reports a connection note or message with no personal reference. These count:

- the recipient's name after the salutation, also set off by a comma, or with a form of
  address (`Hallo Anna`, `Gude Jan`, `Griaß di, Vroni!`, `Liebe Petra`, `Sehr geehrter
  Herr Brandt`, `Danke, Frau Albers!`, `Dear Ms. Smith`; not `Hallo zusammen`), or an
  @mention;
- the recipient's name said to them in a sentence that speaks to them, or after a form of
  address, after a comma and before the punctuation that closes it (`Danke für deine
  Rückmeldung, Jonas!`, `Great to hear from you, Priya!`, `Highly relevant post, Dr.
  Osei.`); not a signature (`Grüße, Jule`), nor the end of a list (`Google, Facebook,
  Amazon.`);
- where you met or spoke: `wir haben uns auf der DMEXCO getroffen`, `schön, dass wir uns
  beim Stammtisch wiedergesehen haben`, `wo wir in der Session nebeneinandergesessen haben`, `nach unserem Telefonat`, `we met at the summit`;
- a shared contact, group, event or past: `gemeinsame Kontakte`, `in der Gruppe`,
  `Anna hat mir Sie empfohlen`, `Wir waren beide bis 2019 bei Bosch`, `ehemalige
  Kollegen`, `mutual connection`, `former colleagues`;
- their content or work named with a topic, place or time: `Ihr Beitrag über …`,
  `dein Reel über Balkongemüse`, `deine Folien vom Agile-Meetup`, `your slides from the meetup`, `Ihre Arbeit bei …`, `your talk at …`;
- what they sent or did for you, and their own order or request: `Danke für deine
  Nachricht`, `Thanks for the introduction to Leon`, `Ihre Bestellung ist unterwegs`,
  `Your booking for Saturday is confirmed`.

Generic words would fit anyone and do not count: `Ihre Beiträge`, `Ihr Unternehmen`,
`your company`, `Ihr Profil ist mir aufgefallen`. Nor does a reference to a placeholder
(`Sie bei {{Firma}}`, `Hallo [Vorname]`), nor an event named without a shared presence
(`findet in Leipzig der Kongress statt`). The phrases are the lexicons
`personal-references.txt`, `salutation-titles.txt`, `group-addresses.txt` and
`vocatives.txt`. An empty note is left to `empty-connection-note`.

## Why is this bad?
A personal request says where you know each other or refers to the person's profile or
content: "erwähnen woher Sie sich kennen" (002:120), look at the profile and "zu Inhalten
Bezug nehmen" (002:104). The reader asks "ist er persönlich oder klingt er nach
copy-paste? Kann ich einen relevanten Bezug herstellen?" (003:5). A note that would fit
anyone reads as mass outreach.

## Example
```text
---
type: connection-note
---
Hallo, ich baue gerade mein Netzwerk im Bereich Marketing aus und würde mich freuen, mich mit Ihnen zu vernetzen!
```

Use instead:
```text
---
type: connection-note
---
Hallo Frau Berg, Ihr Beitrag über Arbeitszeiterfassung im Mittelstand hat mir sehr geholfen. Ich würde mich freuen, mich mit Ihnen zu vernetzen!
```
"""

import functools

from postlint import patterns
from postlint.checks._kinds import whole_post
from postlint.checks.outreach.missing_greeting import greeting
from postlint.checks.style.unfilled_placeholder import placeholders, slot_words
from postlint.packs import lexicon

CODE = "PL805"
NAME = "missing-personal-reference"
OPTIONS = {}
# what follows a name said to the recipient: "Danke für deine Rückmeldung, Jonas!", "Kurze Frage, Jonas –"
VOCATIVE_END = frozenset({"!", "?", ".", ":", ";", "–", "—", "-", "…", "!!", "?!"})


def check(draft, opts):
    if not draft.text.strip() or draft.mentions:
        return
    analysis = draft.analysis
    if _names_recipient(draft, analysis) or _vocative(analysis, draft.lang):
        return
    # "Sie bei {{unternehmen}}", "Ihr Beitrag über [Thema]": a reference to a placeholder is none
    slots = placeholders(draft.text)
    if not any(not _refers_to(m, slots, draft.text) for m in patterns.find(draft.analysis, "personal-references")):
        yield whole_post(draft, "no personal reference (name, shared context, their content or company)")


def _refers_to(match, slots, text) -> bool:
    """Whether a placeholder is in the match or right after it."""
    end = match.end + len(text[match.end:]) - len(text[match.end:].lstrip())
    return any(a < match.end and match.start < b or a == end for a, b in slots)


def _names_recipient(draft, analysis) -> bool:
    """Whether a name follows the salutation: "Hallo Frau Dr. Berg", "Liebe Petra", not
    "Hallo zusammen"."""
    match = greeting(draft)
    if match is None:
        return False
    titles = _words("salutation-titles")
    words = [(analysis.token_span(t)[0], t) for t in analysis.doc if not t.is_space]
    following = [t for start, t in words if start >= match.end]
    # "Liebe Petra": the greeting's own pattern may have taken the name ("liebe <title>")
    if match.pattern.split()[-1] == "<title>":
        following = [t for start, t in words if match.start <= start < match.end][-1:] + following
    set_off = False
    for n, token in enumerate(following):
        if token.lower_ in titles:
            continue
        # "Griaß di, Vroni!", "Hallo, Anna –": the name set off by a comma is a name only
        # when punctuation closes it ("Hallo, Sie haben …" names no one)
        if token.text == "," and n == 0:
            set_off = True
            continue
        if not _is_name(token):
            return False
        after = following[n + 1] if n + 1 < len(following) else None
        return not set_off or after is None or after.text in VOCATIVE_END or after.text == ","
    return False


def _vocative(analysis, lang: str) -> bool:
    """Whether the recipient is named in a vocative: a name after a comma and before the
    punctuation that ends the sentence or sets off a dash or colon ("Great to hear from
    you, Priya!", "One question, Jonas – do you …?"), in a sentence that speaks to the
    reader (lexicon vocatives.txt) or after a form of address ("Highly relevant post,
    Dr. Osei."). Not a name after a closing ("Grüße, Jule"), nor an item of a list
    ("Google, Facebook, Amazon.")."""
    doc, cues, titles = analysis.doc, _vocative_cues(), _words("salutation-titles")
    for comma in doc:
        if comma.text != "," or comma.i == 0 or comma.i + 2 >= len(doc) or not comma.whitespace_:
            continue
        # a form of address before the name ("…, Dr. Osei.", "…, Frau Albers!") says that
        # the name is spoken to, whatever the sentence holds
        at = comma.i + 1
        while at + 2 < len(doc) and doc[at].is_title and doc[at].lower_ in titles:
            at += 1
        titled = at > comma.i + 1
        before, name, after = doc[comma.i - 1], doc[at], doc[at + 1]
        if "\n" in comma.whitespace_ + name.whitespace_ or after.text not in VOCATIVE_END:
            continue
        if after.text == "-" and not name.whitespace_:
            continue  # a compound: "Lead-gen"
        # "Paris, France!" in English: a proper noun before the comma makes an apposition
        if before.text.casefold() in cues["no-name"] or (lang == "en" and before.is_title and not before.is_sent_start):
            continue
        sentence = list(name.sent)
        # a list: another capitalised word before a comma in the sentence ("Rente, Bildung."),
        # or a short item between two commas ("software, apps, Hardware.")
        commas = [t.i for t in sentence if t.text == "," and 0 < t.i < comma.i]
        listed = any(doc[i - 1].is_title and not doc[i - 1].is_sent_start for i in commas) or (
            bool(commas) and sum(1 for t in doc[commas[-1] + 1:comma.i] if t.is_alpha) <= 2)
        # a titled name after a closing is a signature: "Viele Grüße aus Köln, Dr. Berg."
        titled = titled and not any(t.text.casefold() in cues["no-name"] for t in sentence)
        if _is_name(name) and not listed and (titled or any(_speaks_to_reader(t) for t in sentence)):
            return True
    return False


def _speaks_to_reader(token) -> bool:
    informal, formal = _reader_words()
    return (token.text.casefold() in _vocative_cues()["address"] or token.lower_ in informal
            or (token.text in formal and not token.is_sent_start))


def _is_name(token) -> bool:
    lower = token.text.casefold()
    return (token.is_title and token.is_alpha and len(lower) > 1 and lower not in _words("group-addresses")
            and lower not in _words("salutation-titles") and lower not in _vocative_cues()["no-name"]
            and lower not in slot_words())


@functools.cache
def _vocative_cues() -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {"address": set(), "no-name": set()}
    for line in lexicon("vocatives"):
        kind, _, word = line.partition(":")
        cues[kind.strip()].add(word.strip().casefold())
    return {kind: frozenset(words) for kind, words in cues.items()}


@functools.cache
def _reader_words() -> tuple[frozenset[str], frozenset[str]]:
    terms = lexicon("reader-pronouns")
    return frozenset(t for t in terms if t.islower()), frozenset(t for t in terms if not t.islower())


@functools.cache
def _words(name: str) -> frozenset[str]:
    return frozenset(term.casefold() for term in lexicon(name))
