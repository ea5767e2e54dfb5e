"""Link shared without a comment of one's own.

## What it does
Reports a post that shares a link with fewer than `min-own-words` words of its own: the
words of the post without its links, hashtags and @mentions. The finding points at the
first link. A post that speaks of its own (`Wir lieben Düfte: <link>`, `Mein Artikel:
<link>`), invites the readers to act on its offer (`Jetzt anmelden zum Webinar: <link>`,
as `missing-cta` recognises an imperative or an offer) or asks them something shares
nothing of someone else's.
On X a link with a short remark is the medium's form, so the rule is off there.

## Why is this bad?
The guidance allows sharing colleagues' or others' posts, but "Wichtig: immer einen
eigenen Kommentar hinzufügen, warum man einen bestimmten Artikel oder Post mit seinem
Netzwerk teilt" (004:2448-2454), and warns that shared posts reach few people: "Besonders
wenig Reichweite erzielt man durch das Teilen von Beiträgen aus dem Netzwerk" (002:42).
Your own view is what makes readers stop.

## Example
```text
---
channel: facebook
---
Spannend: https://www.beispiel.de/studie-ki?utm_source=facebook&utm_medium=social&utm_campaign=ki
```

Use instead:
```text
---
channel: facebook
---
Die Studie zeigt, was wir im Vertrieb seit Monaten sehen: KI spart Zeit bei Angeboten, aber
nicht beim Kundengespräch. Welche Erfahrung habt ihr gemacht? https://www.beispiel.de/studie-ki?utm_source=facebook&utm_medium=social&utm_campaign=ki
```

## Options
- `min-own-words` (int): the fewest words of the post's own that a shared link needs.
"""

from postlint.checks.engagement.missing_cta import calls
from postlint.problem import Hit

CODE = "PL304"
NAME = "bare-share"
OPTIONS = {"min-own-words": int}
# calls to action that make the post the author's own offer rather than a share
OWN_CALLS = frozenset({"imperative", "phrase", "request", "question"})
FIRST_PERSON = frozenset({"ich", "wir", "mein", "meine", "meinen", "unser", "unsere", "unseren", "uns", "i", "we", "my",
                          "our", "us"})


def check(draft, opts):
    urls = draft.urls
    if not urls:
        return
    skip = [(e.start, e.end) for e in (*urls, *draft.hashtags, *draft.mentions)]
    sentences = draft.analysis.sentences(skip=skip)
    own = sum(len(s.words) for s in sentences)
    if own >= opts["min-own-words"] or any(w[2].lower() in FIRST_PERSON for s in sentences for w in s.words):
        return
    if not any(kind in OWN_CALLS for *_, kind in calls(draft.analysis)):
        yield Hit(urls[0].start, urls[0].end,
                  f"link shared with {own} words of your own (min {opts['min-own-words']}): say why you share it")
