"""Post reads as a sales pitch rather than something for its readers.

## What it does
Reports a post of at least `min-words` words with at least two selling signals, not all
of them prices, that is dense with selling: more than
`max-sales-per-100` selling signals per 100 words (the selling lexicon `selling.txt`,
prices and shop or booking links, as `selling-in-first-contact` finds them: `Angebot`,
`Rabatt`, `jetzt bestellen`, `unser Produkt`, `49 €`, `buy now`, `free trial`); or one
that sells and speaks of itself far more than of its readers: more than `max-we-you-ratio` times as many words for the writer (`wir`,
`unser`, `ich`, `we`, `our`) as for the reader (`du`, `Sie`, `euch`, `you`), counting at
least 4 for the writer. A personal story without selling is not a pitch, however often
it says "ich". The finding points at the first selling signal.

## Why is this bad?
"Tipp: Vermeide platte Verkaufsbotschaften. Baue zunächst Vertrauen auf – durch Mehrwert,
authentische Gespräche und Empathie" (SSI-Ratgeber, „4. Beziehungen aufbauen“). The Bitkom
Social-Media-Leitfaden warns against companies that "stur seine Produktpalette postet.
Menschen kaufen von Menschen" (Bitkom, Social-Media-Leitfaden, Kap. 2.3), and the
LinkedIn-Ratgeber asks to "immer den Nutzen für die Leser in den Vordergrund" stellen
(LinkedIn-Ratgeber, „So geht Social Selling nicht“). The guidance names no numbers: the
thresholds are postlint's choice, so the rule is an info.

## Example
```text
Unser neues Produkt ist da! Jetzt bestellen und 20 % Rabatt sichern: Unser Angebot gilt nur bis Freitag. Wir liefern kostenlos, unser Team berät gern. Unsere Preise: ab 49 €. #Angebot #Rabatt
```

Use instead:
```text
Wie plant ihr Schichten, wenn drei Leute gleichzeitig krank sind? Wir haben mit 40 Pflegeteams gesprochen und ihre besten Tricks gesammelt. Welcher fehlt euch? #Pflege #Schichtplanung
```

## Options
- `min-words` (int): the fewest words a post needs to be judged.
- `max-sales-per-100` (float): the most selling signals per 100 words.
- `max-we-you-ratio` (float): the most words for the writer per word for the reader, in a post that sells.
"""

import regex

from postlint.checks.outreach._selling import ADDRESS, PRICE, SENDER, selling
from postlint.i18n import decimal, t
from postlint.problem import Hit

CODE = "PL704"
NAME = "sales-pitch-tone"
OPTIONS = {"min-words": int, "max-sales-per-100": float, "max-we-you-ratio": float}
WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
MIN_WRITER_WORDS = 4  # a ratio of 3 to 0 is no pattern
MIN_SIGNALS = 2


def check(draft, opts):
    words = WORD.findall(draft.text)
    if len(words) < opts["min-words"]:
        return
    # a German "Demo" before a verb is a street demonstration in a post far more often than
    # a product demo: "die Demos bringen nichts" (the lexicon is made for messages)
    signals = _separate([signal for signal in selling(draft)
                         if not (draft.lang == "de" and draft.text[signal[0]:signal[1]].lower().startswith(
                             ("demo ", "demos ")))])
    # one signal is a mention, not a pitch: "ein Hemd für 40 € gekauft", "the Demo"; and
    # prices alone are figures of a story ("$16 billion", "rooms at $500 a month")
    if len(signals) < MIN_SIGNALS or all(PRICE.fullmatch(draft.text[a:b]) for a, b, _ in signals):
        return
    start, end, what = signals[0]
    per_100 = len(signals) * 100 / len(words)
    if per_100 > opts["max-sales-per-100"]:
        yield Hit(start, end, t("sales pitch: {count} selling signals in {words} words ({per_100} per 100; max {max}), "
                                "first {what}", count=len(signals), words=len(words), per_100=decimal(per_100, ".1f"),
                                max=decimal(opts["max-sales-per-100"], "g"), what=what))
        return
    writer = sum(w.lower() in SENDER for w in words)
    reader = sum(w in ADDRESS or w.islower() and w.lower() in ADDRESS for w in words)
    if writer >= MIN_WRITER_WORDS and writer > opts["max-we-you-ratio"] * reader:
        yield Hit(start, end, t("sales pitch: {writer} words for the writer, {reader} for the reader (max {max}:1), "
                                "with {what}", writer=writer, reader=reader, max=decimal(opts["max-we-you-ratio"], "g"),
                                what=what))


def _separate(signals):
    """The signals without those inside an earlier one ("Angebot" in "Unser Angebot")."""
    out = []
    for signal in signals:
        if not out or signal[0] >= out[-1][1]:
            out.append(signal)
    return out
