"""German post discloses advertising only with an English or vague term.

## What it does
Reports a German post (`lang: de`, or detected as German) with `sponsored: true` whose only
disclosure is a term that German courts and media authorities do not accept on its own:
`#ad`, `Ad:`, `sponsored`, `Sponsored by`, `Sponsored Post`, `Paid partnership`,
`Dieser Beitrag wurde gesponsert`, `in Kooperation mit`,
`in Zusammenarbeit mit`, `powered by`, `unterstützt von` and its noun form `mit
freundlicher Unterstützung`, `gefördert von`, `präsentiert von`, `Partner` and similar
(lexicon `ad-labels-weak.txt`). Write `Werbung` or `Anzeige` instead.
Without `sponsored`, such a term is a sign of advertising for `suspected-undisclosed-ad`.

## Why is this bad?
German readers do not reliably understand English or vague terms as advertising: the
OLG Celle found "#ad" insufficient (13 U 53/17), the LG Heilbronn the abbreviation "Ad"
(21 O 14/18), the KG Berlin "#ad" (5 W 221/17), and the Medienanstalten warn that
"#ad", "sponsored by" or "powered by" may not be enough (external, as of
2026-11). The guidance names only the notice »Werbung« (Bitkom, Social-Media-Leitfaden, Kap. 6.3.1).

## Example
```text
---
sponsored: true
---
In Kooperation mit @Sportwerk: Seit drei Wochen teste ich die neue Laufuhr. #ad
```

Use instead:
```text
---
sponsored: true
---
Werbung | Seit drei Wochen teste ich die neue Laufuhr von @Sportwerk. Was ist euch beim Laufen wichtig? #Laufen
```

## Fix
Unsafe: replaces an English or vague hashtag or word (`#ad`, `Sponsored`) with `label`
(`#Werbung`, `Werbung`), and puts `label:` before a vague phrase (`Werbung: In Kooperation
mit …`), which stays as written. It changes what is published, so it waits for
`--unsafe-fixes`.

## Options
- `label`: the German label the fix writes (`Werbung` or `Anzeige`).
"""

from postlint.checks.legal import _labels
from postlint.i18n import t
from postlint.problem import Fix, Hit

CODE = "PL512"
NAME = "insufficient-ad-label"
OPTIONS = {"label": str}


def check(draft, opts):
    if draft.lang != "de" or draft.meta.get("sponsored") is not True or _labels.accepted(draft):
        return
    weak = _labels.weak(draft, evident_only=False)
    if weak:
        label = weak[0]
        yield Hit(label.start, label.end, t("insufficient ad label '{label}' (write 'Werbung' or 'Anzeige')",
                                            label=label.text), fix=_fix(label, opts["label"]))


def _fix(label, german: str) -> Fix | None:
    german = german.strip()
    if not german:
        return None
    if label.kind == "tag":
        return Fix(label.start, label.end, "#" + german.lstrip("#"), safe=False)
    if label.kind == "word":
        return Fix(label.start, label.end, german, safe=False)
    return Fix(label.start, label.start, f"{german}: ", safe=False)
