"""Post does not invite readers to do anything.

## What it does
Reports a post without a call to action. postlint counts as a call to action, in German
and English:

- an invitation in the imperative, in the du-, ihr- or Sie-form: `Schreibt mir`,
  `Kommentiere`, `Kommentieren Sie`, `Meldet euch an`, `Sign up`, `Let me know`,
  `Drop a comment`;
- an infinitive call: `Jetzt anmelden`, `Jetzt Platz sichern`, `Mehr erfahren`;
- a question to the reader: a sentence ending in `?` that addresses them (`Was meint ihr?`,
  `Wie sehen Sie das?`, `What would you add?`), asks them for advice (`Welches Produkt
  soll ich als Nächstes testen?`, `Which city should I explore next?`) or a short one such
  as `Thoughts?`;
- registration and link phrasing: `Anmeldung unter`, `Link in Bio`,
  `Link im ersten Kommentar`, `Registration is open`.

The phrases live in the lexicons `call-to-action.txt` and `reader-pronouns.txt`. A
rhetorical question that does not address the reader (`Wer hätte das gedacht?`) does not
count, nor does an imperative inside a quotation (`„Mach es einfach“, sagte mein
Chef`). Defaults: warning on Facebook posts, info on the posts of the other channels, off
for articles, comments, messages, connection notes and profile texts.

## Why is this bad?
The guidance calls a call to action mandatory on Facebook: "Bei Facebook ist ein
Call-to-Action Pflicht" (004:1165). Its interaction checklist asks "Habe ich einen
C2-Action integriert?" and "Können Nutzer kommentieren?" (004:1612-1625), and its model
post keeps the call simple so that everyone can "einen Kommentar schreiben"
(004:1226-1228). A post that asks for nothing gets fewer comments, and comments are
what spreads a post.

## Example
```text
---
channel: facebook
---
Unser neues Webinar zur Arbeitszeiterfassung startet am 12. März um 10 Uhr.
```

Use instead:
```text
---
channel: facebook
---
Unser neues Webinar zur Arbeitszeiterfassung startet am 12. März um 10 Uhr. Meldet euch jetzt an!
```
"""

import functools

from postlint import nlp
from postlint.checks._kinds import whole_post
from postlint.packs import lexicon

CODE = "PL401"
NAME = "missing-cta"
OPTIONS = {}


def check(draft, opts):
    if draft.text.strip() and not has_call_to_action(draft.text, draft.lang):
        yield whole_post(draft, "no call to action (no invitation, sign-up phrase or question to readers)")


def has_call_to_action(text: str, lang: str) -> bool:
    # a quotation is addressed to someone else: „Mach es einfach“, sagte mein Chef
    quotes = nlp.quoted(text)

    def outside(start: int, end: int) -> bool:
        return not any(a <= start and end <= b for a, b in quotes)

    if any(outside(m.start, m.end) for m in nlp.find(text, lang, "call-to-action")):
        return True
    analysis = nlp.analyse(text, lang)
    return any(_is_question(s) and _addresses_reader(s) and outside(*analysis.span(s.start_char, s.end_char))
               for s in analysis.doc.sents)


def _is_question(sentence) -> bool:
    tokens = [t for t in sentence if not t.is_space]
    return any("?" in t.text for t in tokens[-2:])


def _addresses_reader(sentence) -> bool:
    informal, formal, verbs = _reader_words()
    for i, token in enumerate(sentence):
        if token.lower_ in informal or (token.text in formal and not token.is_sent_start):
            return True
        # "ihr" is "you" (plural) after its verb or before a non-noun ("Habt ihr Lust?",
        # "Was meint ihr?"), and "her"/"their" before a noun ("Hat sie ihr Ziel erreicht?")
        if token.lower_ == "ihr":
            before = sentence[i - 1].lower_ if i else ""
            after = sentence[i + 1] if i + 1 < len(sentence) else None
            if before in verbs or after is None or not after.is_title:
                return True
    return False


@functools.cache
def _reader_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    terms = lexicon("reader-pronouns")
    return (frozenset(t for t in terms if t.islower()), frozenset(t for t in terms if not t.islower()),
            frozenset(lexicon("reader-verbs")))
