"""German post addresses its readers both as du and as Sie.

## What it does
Reports a German draft that uses both the informal address (`du`, `dich`, `dir`, `dein`,
and the plural `ihr`, `euch`, `euer`, also capitalised as in letters: `Euch`) and the
formal one (`Sie`, `Ihnen`, `Ihre`, `Ihren` …), at the first word of the form used less
often. A formal word counts only inside a clause (at its start it may mean "she", "they"
or "their"), and `Sie` only beside a verb of the plural form (`Können Sie`, `laden Sie
ein`; not `Sie hat`); `Ihr` never counts, as it is the informal plural as often as the
formal possessive. Quotations do not count.

## Why is this bad?
The guidance asks to match the audience's language, word by word: "Alle Aktivitäten
sollten der Zielgruppe in der Wort- und Bildsprache angepasst sein" (004:1437-1445).
Switching between du and Sie in one post reads as two authors, or as a template that
was filled in carelessly.

## Example
```text
Hast du schon unser neues Webinar gesehen? Melden Sie sich bis Freitag an.
```

Use instead:
```text
Hast du schon unser neues Webinar gesehen? Melde dich bis Freitag an. #Webinar #HR #Recruiting
```
"""

from postlint import nlp
from postlint.problem import Hit

CODE = "PL713"
NAME = "mixed-forms-of-address"
OPTIONS = {}
INFORMAL = frozenset({"du", "dich", "dir", "dein", "deine", "deinen", "deinem", "deiner", "deines",
                      "euch", "euer", "eure", "euren", "eurem", "eurer", "eures"})
FORMAL = frozenset({"Sie", "Ihnen", "Ihre", "Ihren", "Ihrem", "Ihrer", "Ihres"})


def _plural_verb(token) -> bool:
    """A verb form of the plural, which the formal Sie takes ("können", "sind"), not "hat"."""
    word = token.text.lower()
    return word.isalpha() and (word.endswith("en") or word in ("sind", "seid"))


def check(draft, opts):
    if draft.lang != "de":
        return
    analysis = draft.analysis
    quotes = nlp.quoted(draft.text)
    informal, formal = [], []
    for sentence in analysis.sents():
        words = [t for t in sentence if not t.is_space]
        for n, token in enumerate(words):
            # most words are neither: the cheap tests first
            if token.lower_ in INFORMAL:
                found = informal
            elif token.text in FORMAL and n and nlp.has_word(words[n - 1].text) and (
                    token.text != "Sie" or _plural_verb(words[n - 1]) or n + 1 < len(words) and _plural_verb(words[n + 1])):
                found = formal
            else:
                continue
            start, end = analysis.token_span(token)
            if not nlp.inside(quotes, start):
                found.append((start, end))
    if informal and formal:
        fewer = formal if len(formal) <= len(informal) else informal
        start, end = fewer[0]
        yield Hit(start, end, f"mixes du ({len(informal)}×) and Sie ({len(formal)}×): '{draft.text[start:end]}'")
