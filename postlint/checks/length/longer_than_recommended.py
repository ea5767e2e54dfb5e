"""Post is longer than the length the guidance recommends for reach.

## What it does
Counts the post text (front matter and `<!-- notes -->` excluded) and reports when it
is longer than the recommended length for its channel and type. The finding starts
where the recommendation is crossed, so you see what to cut. Defaults:

| Channel and type | Recommended max | Source |
|---|---|---|
| LinkedIn post | 1,300 | LinkedIn-Ratgeber, „6. LinkedIn-Artikel“ (reach tip, 2019) |
| LinkedIn about (profile summary) | 1,980 | LinkedIn-Ratgeber, „So gestalten Sie ein professionelles Mitarbeiter-Profil auf LinkedIn“ (limit in 2018) |

LinkedIn counts in UTF-16 units: an emoji or a 𝗯𝗼𝗹𝗱 letter counts two.

## Why is this bad?
The guidance recommends packing content into posts of at most 1,300 characters,
because those "meist eine höhere Reichweite erreichen" (LinkedIn-Ratgeber, „6. LinkedIn-Artikel“). Longer texts are
cut behind "…see more" and read by fewer people. For the profile summary, 1,980
characters was LinkedIn's limit when the guidance was written (LinkedIn-Ratgeber, „So gestalten Sie ein professionelles Mitarbeiter-Profil auf LinkedIn“); today the
limit is 2,600 (see `over-character-limit`), so 1,980 remains a recommendation.

## Example
```text
Wir haben in den letzten zwölf Monaten unser gesamtes Onboarding neu gedacht, und ich möchte heute teilen, was wir dabei gelernt haben, weil ich glaube, dass viele Teams vor genau denselben Fragen stehen wie wir damals.

Am Anfang stand eine einfache Beobachtung: Neue Kolleginnen und Kollegen brauchten bei uns im Schnitt vierzehn Wochen, bis sie sich im Alltag sicher fühlten. Das war zu lang, für sie und für uns. Also haben wir zugehört, Interviews geführt, Daten ausgewertet und am Ende drei Dinge verändert.

Erstens: Jede neue Person bekommt in der ersten Woche eine Patin oder einen Paten, die oder der nicht aus dem eigenen Team kommt. So entstehen Verbindungen quer durch das Unternehmen, und Fragen, die man dem eigenen Team nicht stellen mag, finden trotzdem eine Antwort.

Zweitens: Wir haben die Einarbeitung in kleine Lerneinheiten zerlegt, die man in zwanzig Minuten schafft. Niemand muss mehr einen ganzen Tag Präsentationen über sich ergehen lassen.

Drittens: Nach dreißig, sechzig und neunzig Tagen gibt es ein kurzes Gespräch, in dem wir fragen, was fehlt, und nicht, was schon gut läuft. Die Antworten fließen direkt in die nächste Runde ein.

Das Ergebnis nach einem Jahr: sieben statt vierzehn Wochen bis zur Sicherheit im Alltag, und deutlich weniger Kündigungen in der Probezeit.

#Onboarding #HR #Unternehmenskultur
```

Use instead:
```text
In 12 Monaten haben wir unser Onboarding neu gedacht. Drei Änderungen haben den Unterschied gemacht:

1. Eine Patin oder ein Pate aus einem anderen Team ab Woche eins.
2. Lerneinheiten von 20 Minuten statt ganzer Präsentationstage.
3. Gespräche nach 30, 60 und 90 Tagen: Was fehlt noch?

Ergebnis: 7 statt 14 Wochen, bis sich neue Kolleginnen und Kollegen sicher fühlen. Was meint ihr?

#Onboarding #HR #Unternehmenskultur
```

## Options
- `max`: the recommended maximum length.
- `unit`: how to count: `utf16` (UTF-16 units, as LinkedIn counts), `characters` (code points), `graphemes` (what a reader sees as one character) or `x_weighted` (X's weighted length).
"""

from postlint.checks.length._measure import UNITS, over
from postlint.problem import Hit

CODE = "PL101"
NAME = "longer-than-recommended"
OPTIONS = {"max": int, "unit": UNITS}


def check(draft, opts):
    found = over(draft, opts["max"], opts["unit"], "recommended max")
    if found:
        yield Hit(*found)
