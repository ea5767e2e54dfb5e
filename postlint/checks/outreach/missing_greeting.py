"""Connection note or message does not open with a salutation.

## What it does
Reports a connection note or message whose first line does not start with a salutation:
`Hallo`, `Hi`, `Hey`, `Liebe`, `Sehr geehrte`, `Guten Tag`, `Dear`, `Hello`, `Good
morning` and more, with their playful, doubled and short forms (`Hallöchen`,
`Hallihallo`, `Moin moin`, `Heyho`, `Schönen guten Morgen`, `Morning Tom`) and the
regional salutations (`Moin`, `Servus`, `Grüezi`, `Grüß Gott`, `Gude`, `Griaß di`, `Hoi`,
`Tach`, `Glück auf`, `Tag Herr Huber`; lexicon `greetings.txt`). An emoji
before the salutation is fine (`👋 Hallo Anna`). `Liebe`/`Lieber` greet only before a name
(`Lieber Jonas`, not `Lieber spät als nie`). A name alone (`Anna, …`) does not count:
write `Hallo Anna,`. An empty note is left to `empty-connection-note`. Messages are checked
only when they open a conversation (`first_contact: true`): a reply in an ongoing
conversation needs no salutation.

## Why is this bad?
A connection note has room for "eine Anrede, kurzen Grund für den Vernetzungswunsch und
eine Grußformel" (002:108). Without a salutation a personal message reads like a form
letter to a stranger.

## Example
```text
---
type: connection-note
---
Wir haben uns gestern auf der DMEXCO am Stand von Sportwerk unterhalten. Ich würde mich freuen, in Kontakt zu bleiben!
```

Use instead:
```text
---
type: connection-note
---
Hallo Frau Berg, wir haben uns gestern auf der DMEXCO am Stand von Sportwerk unterhalten. Ich würde mich freuen, in Kontakt zu bleiben!
```
"""

from postlint import nlp, patterns
from postlint.checks._kinds import whole_post

CODE = "PL802"
NAME = "missing-greeting"
OPTIONS = {}


def check(draft, opts):
    # a message in an ongoing conversation needs no salutation: the rule is about the
    # form letter to a stranger
    if draft.type == "message" and draft.meta.get("first_contact") is not True:
        return
    if draft.text.strip() and not greeting(draft):
        yield whole_post(draft, "no greeting in the first line")


def greeting(draft) -> nlp.Match | None:
    """The salutation that opens the first line, if any."""
    newline = draft.text.find("\n")
    first_line = draft.text if newline < 0 else draft.text[:newline]
    for match in patterns.find(draft.analysis, "greetings"):
        if match.start < len(first_line) and not nlp.ALNUM.search(first_line[:match.start]):
            return match
    return None
