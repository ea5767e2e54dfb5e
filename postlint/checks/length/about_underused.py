"""Profile "About" text uses less than half of its space.

## What it does
Reports a LinkedIn profile summary (`type: about`) shorter than `min` characters:
by default 990, half of the 1,980 characters the LinkedIn-Ratgeber names as the limit (2018;
LinkedIn allows 2,600 today, see `over-character-limit`). The finding spans the whole
text and names its length. Counted as LinkedIn counts (UTF-16 code units, `unit`).

## Why is this bad?
LinkedIn-Ratgeber, „Markenbotschafter auf LinkedIn: Das sollten Sie wissen!“: "Der Text der
LinkedIn-Zusammenfassung darf bis zu 1980 Zeichen enthalten. Machen Sie Gebrauch davon, da
ein ausführlicher Text die Sichtbarkeit im Netzwerk steigert und man mehr über Ihre
Persönlichkeit und Ihre Fähigkeiten erfahren kann." The summary is "äußerst selten" used
beyond a job title. Half the space is postlint's choice; the guidance names no minimum, so
the rule is an info.

## Example
```text
---
type: about
---
Projektleiterin Digitalisierung bei Planwise. Schichtplanung, Pflege, Mittelstand. Schreibt mir gern!
```

Use instead:
```text
---
type: about
---
Ich helfe Pflegeeinrichtungen und Krankenhäusern im Mittelstand, ihre Schichtplanung so aufzustellen, dass Teams wieder planen können, statt nur Lücken zu stopfen.

Seit 2019 leite ich bei Planwise Projekte zur Digitalisierung der Einsatzplanung: von der ersten Bestandsaufnahme über die Auswahl der Software bis zur Schulung der Stationsleitungen. Über 40 Einrichtungen in Baden-Württemberg und Bayern haben wir dabei begleitet, vom ambulanten Dienst mit zwölf Mitarbeitenden bis zur Klinik mit 900 Betten.

Was mich antreibt: Gute Pflege braucht verlässliche Dienstpläne. Wer weiß, wann er frei hat, bleibt länger im Beruf. Deshalb verbinde ich Technik mit dem, was auf Station wirklich passiert, und höre zuerst den Menschen zu, die mit den Plänen leben müssen.

Vorher war ich sieben Jahre selbst Pflegefachkraft und Stationsleitung. Diese Erfahrung hilft mir, die Sprache beider Seiten zu sprechen: die der IT und die der Pflege.

Themen, zu denen ihr mich ansprechen könnt: Dienstplanung, Arbeitszeitmodelle, Digitalisierung in der Pflege, Change-Management. Schreibt mir gern, wenn ihr vor einer Umstellung steht – ich teile gern, was funktioniert hat und was nicht.
```

## Options
- `min` (int): the fewest characters an About text should have.
- `unit`: how characters are counted: `characters`, `utf16`, `graphemes` or `x_weighted`.
"""

from postlint import text
from postlint.checks._kinds import number
from postlint.checks.length._measure import UNITS
from postlint.i18n import t
from postlint.problem import Hit

CODE = "PL103"
NAME = "about-underused"
OPTIONS = {"min": int, "unit": UNITS}


def check(draft, opts):
    length = text.length_in(draft.text.strip(), opts["unit"])
    if 0 < length < opts["min"]:
        if opts["unit"] == "x_weighted":
            message = t("{length} weighted characters (min {min}): use the space of the About text",
                        length=number(length), min=number(opts["min"]))
        else:
            message = t("{length} characters (min {min}): use the space of the About text", length=number(length),
                        min=number(opts["min"]))
        yield Hit(0, len(draft.text.rstrip()), message)
