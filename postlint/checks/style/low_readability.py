"""Post is hard to read by its readability score.

## What it does
Scores the post with a readability formula, from sentence length and syllables per word,
and reports a score below `min-score`. German posts use the Flesch-Amstad formula
(180 − words per sentence − 58.5 × syllables per word), English posts the Flesch reading
ease (206.835 − 1.015 × words per sentence − 84.6 × syllables per word). Both run from 0
(very hard) to 100 (very easy); below 30 counts as "very difficult" on both scales.
Posts with fewer than `min-words` words are skipped, as the formulas need some text.
Hashtags, links and @mentions are not counted. Syllables come from the hyphenation
patterns of pyphen, offline, as textstat counts them for German.

## Why is this bad?
The guidance asks for the core message "in wenigen, einfachen Sätzen" (004:1386-1390). A
low score means long sentences and long words: on a phone, in a feed, readers give up.
The formulas and the threshold are postlint's choice (Amstad 1978, Flesch 1948); the
guidance names no formula (rule-catalogue.md, ambiguity 19).

## Example
```text
Die Implementierung unternehmensübergreifender Digitalisierungsstrategien erfordert eine kontinuierliche Weiterentwicklung organisationaler Kompetenzen, insbesondere hinsichtlich datengetriebener Entscheidungsprozesse und der Qualifizierung betroffener Mitarbeiterinnen und Mitarbeiter. Infolgedessen empfiehlt sich eine systematische Priorisierung strategischer Investitionsentscheidungen unter Berücksichtigung regulatorischer Rahmenbedingungen und langfristiger Wirtschaftlichkeitsbetrachtungen. Was meint ihr? #Digitalisierung #Strategie
```

Use instead:
```text
Digitalisierung klappt nur, wenn Teams dazulernen. Vor allem beim Arbeiten mit Daten. Deshalb fragen wir bei jeder Investition zwei Dinge: Was bringt sie uns heute? Und was bringt sie uns in fünf Jahren? Die Antworten schreiben wir auf, damit alle sie kennen. Was meint ihr? #Digitalisierung #Strategie
```

## Options
- `min-score`: the lowest acceptable score (0 to 100).
- `min-words`: posts with fewer words are not scored.
"""

from postlint import nlp
from postlint.checks._kinds import whole_post

CODE = "PL702"
NAME = "low-readability"
OPTIONS = {"min-score": float, "min-words": int}
# (name, base, weight of words per sentence, weight of syllables per word)
FORMULAS = {"de": ("Flesch-Amstad score", 180.0, 1.0, 58.5), "en": ("Flesch reading ease", 206.835, 1.015, 84.6)}


def check(draft, opts):
    skip = [(e.start, e.end) for e in (*draft.hashtags, *draft.urls, *draft.mentions)]
    sentences = draft.analysis.sentences(skip)
    # isalpha() first: it settles most words without a pass over their letters
    words = [w[2] for s in sentences for w in s.words if w[2].isalpha() or any(c.isalpha() for c in w[2])]
    if len(words) < opts["min-words"]:
        return
    name, base, per_sentence, per_syllable = FORMULAS.get(draft.lang, FORMULAS["de"])
    syllables = sum(map(nlp.syllable_counts(draft.lang).__getitem__, words))
    score = base - per_sentence * len(words) / len(sentences) - per_syllable * syllables / len(words)
    if score < opts["min-score"]:
        yield whole_post(draft, f"{name} {score:.0f} (min {opts['min-score']:g})")
