"""Sentence has more words than readers take in at once.

## What it does
Splits the post into sentences and reports each sentence longer than `max-words` words,
pointing at the sentence. Sentences end at `.`, `!`, `?` and `…` and at line breaks;
abbreviations (`z. B.`, `bzw.`, `ca.`, `Dr.`), ordinals (`2. Grades`) and dates
(`09.09.2021`) do not end a sentence. Hashtags and links are not counted as words.

## Why is this bad?
The guidance asks to put the core message "in wenigen, einfachen Sätzen" (004:1386-1390),
and on X "die Botschaft schnell auf den Punkt" (004:3331-3335). A sentence of 40 words
is hard to follow on a phone. The default of 35 words is a postlint choice; the guidance
gives no number.

## Example
```text
Wir haben in den letzten zwölf Monaten unser gesamtes Onboarding neu gedacht und dabei gemeinsam mit neuen Kolleginnen und Kollegen, mit Führungskräften und mit dem Betriebsrat herausgefunden, dass die ersten Wochen viel zu voll mit Präsentationen waren und viel zu wenig Raum für echte Gespräche ließen. Was meint ihr? #Onboarding #HR
```

Use instead:
```text
Wir haben in den letzten zwölf Monaten unser Onboarding neu gedacht. Gemeinsam mit neuen Kolleginnen und Kollegen haben wir herausgefunden: Die ersten Wochen waren zu voll mit Präsentationen. Für echte Gespräche blieb kaum Raum. Was meint ihr? #Onboarding #HR
```

## Options
- `max-words`: the most words a sentence should have.
"""

from postlint.problem import Hit

CODE = "PL701"
NAME = "long-sentence"
OPTIONS = {"max-words": int}


def check(draft, opts):
    skip = [(e.start, e.end) for e in (*draft.hashtags, *draft.urls)]
    for sentence in draft.analysis.sentences(skip):
        if len(sentence.words) > opts["max-words"]:
            yield Hit(sentence.start, sentence.end,
                      f"sentence of {len(sentence.words)} words (max {opts['max-words']})")
