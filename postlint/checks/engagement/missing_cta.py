"""Post does not invite readers to do anything.

## What it does
Reports a post without a call to action. postlint counts as a call to action, in German
and English:

- an invitation in the imperative, in the du-, ihr- or Sie-form: `Schreibt mir`,
  `Kommentiere`, `Kommentieren Sie`, `Meldet euch an`, `Sign up`, `Let me know`,
  `Drop a comment`, `Swing by`, `please call`, `Bring friends`, `Ask me anything`; in German also any verb in
  -t that starts a clause and is followed, perhaps after `dann`, `doch` or `mal`, by
  `euch`, `eure` or a word of encouragement (`Gratuliert gerne`, `Sichert euch`, `und
  kommt dann gern an die Strecke`), the ihr-forms that are never the third person
  (`Nehmt`, `Gebt`, `Helft`), an ihr-form before the speaker's own team or a greeting
  (`Fragt unser Team`, `Sagt hallo`), two verbs in -t joined by `und` in a clause
  without a subject (`Kommt am Sonntag zum Heimspiel und feuert die Mädels an!`, `Kommt zahlreich
  und bringt eure Familien mit`), a verb in -t right after a colon that follows a lead
  addressing the readers (`Wer in der Region umzieht: Fragt dort nach …`, `Mein Tipp: Probiert
  die …`; not a noun, `Achtung: Copyright für …`), any
  verb in -en followed by `Sie` (`Reservieren Sie`), and separable verbs however far their
  particle stands (`Ruft uns für einen Beratungstermin unter 030 123456 an`);
- an infinitive call, a clause closed by a call verb without subject or finite verb:
  `Jetzt anmelden`, `Mehr erfahren`, `Checkliste speichern nicht vergessen`, `Einfach
  die Quittung an der Kasse vorzeigen`;
- a saving offered to the reader: `Spart 20 % auf alle Wanderschuhe`, `Get 20% off`;
- a question to the reader: a sentence ending in `?` that addresses them (`Was meint ihr?`,
  `Wie löst ihr Konflikte im Team?`, `What would you add?`), asks them for advice (`Welches Produkt
  soll ich als Nächstes testen?`, `Which city should I explore next?`, also right after a
  link), asks them to choose (`Welche Form steht mir besser, rund oder eckig?`), asks who else
  (`Wer nutzt ebenfalls noch Excel?`, `Who's up for a lunchtime run?`), asks who does something
  now, with `noch`, `schon` or `gerade` (`Wer mäht noch mit Benzin?`, `Wer reserviert sich schon
  ein Stück?`; not the past or subjunctive `Wer hätte das schon gedacht?`, nor `Wer braucht das noch?`) or is short and
  without a subject (`Thoughts?`, `Coming to the open day?`);
- registration and link phrasing: `Anmeldung unter`, `Link in Bio`, `Die Aufzeichnung
  verlinke ich euch im ersten Kommentar`, `Fragen gerne per DM`, `Registration is open`,
  and a pointer without a verb (`Full report in the comments 👇`, `Rezept in der Bio`).

The phrases live in the lexicons `call-to-action.txt`, `imperative-cues.txt` and
`reader-pronouns.txt`. A rhetorical question that does not address the reader (`Wer
hätte das gedacht?`, `Who knew?`, `Was soll ich sagen?`, `What can I say?`) does not count, nor does an imperative inside a
quotation (`„Mach es einfach“, sagte mein Chef`) or one that asks the reader to imagine,
hope or feel rather than to act (`Stellt euch vor, …`, `Lasst uns hoffen`, `Let's face
it`; lexicon `non-invitations.txt`), nor a verb in -t that is the third person with `das`
or `es` left out (`Macht Sinn`, `Schmeckt super und macht satt`, `Sagt unser Chef`). Defaults: warning on Facebook posts, info on the
posts of the other channels, off for articles, comments, messages, connection notes and
profile texts.

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
import unicodedata

from postlint import grammar, nlp, patterns, text as text_mod
from postlint.checks._kinds import whole_post
from postlint.grammar import WEAK_OPENERS, cues
from postlint.packs import lexicon

CODE = "PL401"
NAME = "missing-cta"
OPTIONS = {}


def check(draft, opts):
    if draft.text.strip() and not is_reply(draft) and not has_call_to_action(draft.text, draft.lang):
        yield whole_post(draft, "no call to action (no invitation, sign-up phrase or question to readers)")


def is_reply(draft) -> bool:
    """An X post that starts with an @mention answers someone: no call to action is expected."""
    return draft.channel == "x" and draft.text.lstrip().startswith("@")


def has_call_to_action(text: str, lang: str) -> bool:
    return next(calls(text, lang), None) is not None


def calls(text: str, lang: str):
    """(start, end, kind) of the calls to action in `text`, cheapest kinds first: a link
    offered to the reader, a listed phrase (pointers, offers, polite requests), an
    imperative or infinitive call found by grammar, a question to the readers. Nothing
    inside a quotation or a non-invitation ("Stellt euch vor", "Stay safe") counts."""
    quotes = nlp.quoted(text)
    idioms: list[tuple[int, int]] = []

    def outside(start: int, end: int) -> bool:
        if any(a <= start and end <= b for a, b in quotes):
            return False
        if not idioms:
            idioms.extend([(m.start, m.end) for m in patterns.find(text, lang, "non-invitations")] or [(-1, -1)])
        return not any(a <= start < b for a, b in idioms)

    for url in text_mod.urls(text):
        if outside(url.start, url.end) and not _credit(text, url.start):
            yield url.start, url.end, "link"
    for m in patterns.find(text, lang, "call-to-action"):
        if outside(m.start, m.end):
            yield m.start, m.end, "phrase"
    analysis = nlp.analyse(text, lang)
    sentences = analysis.sents()
    find = _german_call if lang == "de" else _english_call
    for clause in grammar.clauses(sentences):
        found = find(clause)
        if found is not None:
            span = analysis.span(found[0].idx, found[1].idx + len(found[1].text))
            if outside(*span):
                yield (*span, "imperative")
    last = _last_sentence(sentences)
    for s in sentences:
        if _is_question(s) and (_addresses_reader(s) or s is last and _elliptical_question(s, lang)):
            span = analysis.span(s[0].idx, s[-1].idx + len(s[-1].text))
            if outside(*span):
                yield (*span, "question")


def _credit(text: str, start: int) -> bool:
    """A link that credits a picture or a source rather than offering something to read:
    "Foto: https://…", "Bild: …"."""
    line = text[text.rfind("\n", 0, start) + 1:start].strip().lower()
    return line.endswith(tuple(f"{word}:" for word in cues()["credit"]))


def _lead(words, leads) -> int:
    """How many words before the verb only lead up to it ("Bitte", "Just", "Und dann")."""
    first = 0
    while first < 3 and first < len(words) - 1 and words[first].lower_ in leads:
        first += 1
    return first


def _german_call(clause):
    """(first, last token) of a German imperative or infinitive call in `clause`, or None."""
    words, c = clause.words, cues()
    # after a comma only with a cue that the third person lacks: "Das Rezept steht unten,
    # probiert es unbedingt aus!" (not "…, macht Sinn")
    weak = clause.opener in WEAK_OPENERS and not clause.follows_condition(c["condition"])
    if weak and not (clause.opener == "," and any(w.lower_ in c["ihr-cue"] | c["du-cue"] for w in words[1:4])):
        return None
    first = _lead(words, c["lead-de"])
    verb = words[first]
    after = words[first + 1] if first + 1 < len(words) else None
    word = verb.lower_
    if word.endswith("'s") and len(word) > 4:  # "probiert's aus", "Sag's weiter": "es" glued on
        word = word[:-2]
    if grammar.is_tagged(verb) or not word.isalpha():
        return None
    # the Sie-form: "Melden Sie sich an", "Sparen Sie" (a question "Kennen Sie das?" asks the reader)
    if after is not None and after.text == "Sie" and (grammar.german_infinitive(word) or word in c["sie-form"]):
        return verb, after
    if (lemma := grammar.german_ihr_form(word)) is not None and word not in c["finite-de"]:
        if lemma in c["no-call"]:
            return None
        if _ihr_imperative(lemma, after, clause, first):
            return verb, after or verb
    elif (du := grammar.german_du_form(word)) is not None:
        if _du_imperative(word, *du, verb, after, clause, first):
            return verb, after or verb
    return None if weak else _infinitive_call(clause)


def _ihr_imperative(lemma: str, after, clause, first: int) -> bool:
    """Whether a verb in -t opening `clause` is the ihr-imperative, not the third person
    with "es"/"das" left out ("Macht Sinn", "Lohnt sich") nor a question about a third person."""
    c = cues()
    if after is None:  # "Kommt!", "Kommentiert „Recap“", not "Stimmt."
        return (clause.end == "!" or clause.closer in OBJECT_FOLLOWS) and lemma not in c["impersonal"]
    rest = [w.lower_ for w in clause.words[first + 1:]]
    if any(w in c["second-plural"] for w in rest):  # "Zeigt mir eure Sorgenkinder", "Holt es euch"
        return True
    nxt = after.lower_
    if nxt in c["object-pronoun-de"]:  # "Probiert sie aus!", "Schickt das an …", not "So versucht sie …"
        return clause.end == "!" or len(rest) > 1 and rest[1] in c["preposition-de"] and clause.end != "?"
    if any(w in c["subject-de"] and w != "ihr" for w in rest[:2]):
        return False  # a subject of its own: "Kommt er?", "Zeigt sich"
    if nxt in c["negation"]:  # "Verpasst nicht …", not "Geht nicht"
        return lemma in c["negated"]
    if nxt in c["finite-de"]:  # the passive: "Trainiert wird …", "Verletzt wurde niemand"
        return False
    if nxt in c["ihr-cue"]:
        return lemma not in c["impersonal"] or nxt in ("euch", "eure", "euer", "euren", "eurem", "eurer", "ihr")
    if lemma in c["impersonal"]:
        return False
    # an object, a place or a particle: "Besucht unseren Stand", "Schaut am Samstag vorbei"
    return nxt not in c["third-person"]


def _du_imperative(word: str, lemma: str, first_person: bool, verb, after, clause, first: int) -> bool:
    """Whether a du-form opening `clause` is the imperative, not the first person with
    "ich" left out ("Freue mich", "Teile heute meine Learnings") nor a noun opening a
    headline ("Blick hinter die Kulissen", "Tipp:")."""
    c = cues()
    if lemma in c["speaker"] or lemma in c["no-call"]:
        return False
    rest = [w.lower_ for w in clause.words[first + 1:]]
    if any(w in ("ich", "mich", "mir", "mein", "meine", "meinen", "meinem", "meiner") for w in rest[:3]) and (
            first_person or (rest and rest[0] in ("ich", "mich"))):
        return False
    if after is None:  # "Komm!", "Kommentiere „Ja“", not "Tipp:" or "Danke"
        return (clause.end == "!" or clause.closer in OBJECT_FOLLOWS) and not grammar.is_ambiguous_stem(word)
    nxt = after.lower_
    if nxt in c["negation"]:  # "Vergiss nicht", "Verpass nicht"
        return lemma in c["negated"]
    if nxt in c["du-cue"]:
        return True
    if first_person or nxt in c["subject-de"] or nxt in c["third-person"] or nxt in c["finite-de"]:
        return False
    # an adjective or a noun before a noun: "Neuer Abschnitt", "Blick hinter die Kulissen"
    if after.text[:1].isupper() and after.lower_ not in c["du-cue"]:
        return False
    # a stem that is also a noun or an adjective: "Start ins Wochenende", "schön, dass …"
    return not grammar.is_ambiguous_stem(word)


def _infinitive_call(clause):
    """A clause that closes with an infinitive and has no subject nor finite verb: "Jetzt
    anmelden", "Tickets sichern!", "Nicht verpassen", "Link klicken und gewinnen"."""
    c, words = cues(), clause.words
    last = words[-1]
    if len(words) > 10 or words[0].lower_ in c["subordinator-de"] or clause.end == "?" or any(
            w.lower_ in c["conjunction-de"] for w in words):
        return None
    if (not (last.text.islower() or len(words) == 1) or not grammar.german_infinitive(last.lower_)
            or last.lower_ in c["finite-de"]):
        return None
    # "Nicht verpassen!", not "Bitte nicht kommentieren"
    if len(words) > 1 and words[-2].lower_ in c["negation"] and last.lower_ not in c["negated"]:
        return None
    if grammar.is_tagged(last) or (len(words) > 1 and words[-2].lower_ == "zu"):
        return None
    context = words[:-1] if clause.opener == ":" or _is_symbol(clause.opener) else clause.before + words[:-1]
    if any(w.lower_ in c["subject-de"] or grammar.german_finite(w.lower_) or (
            w.lower_ != words[0].lower_ and grammar.german_ihr_form(w.lower_) and w.text.islower()) for w in context):
        return None
    # "Die Preise steigen.": a subject and its verb, unless marked as a call
    if (words[0].lower_ in c["determiner-de"] and len(words) <= 4 and clause.end != "!"
            and not any(w.lower_ in c["call-adverb-de"] for w in words)):
        return None
    return words[0], last


def _english_call(clause):
    """(first, last token) of an English imperative opening `clause`, or None: a base-form
    verb before an object, a particle or an adverb ("Share your story", "Sign up", "Book
    now"), or alone before "!" ("Watch!"); negated with "don't" ("Don't miss out")."""
    words, c = clause.words, cues()
    # after a comma only before an object: "Bring gloves, bring a friend"
    weak = clause.opener in WEAK_OPENERS and not clause.follows_condition(c["condition"])
    if weak and clause.opener != ",":
        return None
    last = _lead(words, c["lead-en"] | c["negation"])
    # a lead word may be the verb itself: "Come by on Saturday", "Go see it"
    for first in range(last + 1):
        if (found := _english_imperative(clause, first, weak)) is not None:
            return found
    return None


def _english_imperative(clause, first: int, weak: bool):
    words, c = clause.words, cues()
    if clause.end == "?":  # "Build a mass audience or a targeted one?" asks, "Have you …?" too
        return None
    negated = any(w.lower_ in c["negation"] for w in words[:first])
    verb = words[first]
    word = verb.lower_
    if negated:  # "Don't miss", not "Never give up"
        return (verb, verb) if word in c["negated"] else None
    if grammar.is_tagged(verb) or not grammar.english_verb(word) or word in c["speaker-en"]:
        return None
    after = words[first + 1] if first + 1 < len(words) else None
    if after is None:  # "Watch!", 'Comment "YES"'
        return (verb, verb) if not weak and (clause.end == "!" or clause.closer in OBJECT_FOLLOWS) else None
    nxt = after.lower_
    if nxt in c["object-en"] or after.like_url or grammar.is_tagged(after) or nxt.isdigit():
        return verb, after
    if weak:
        return None
    # two verbs joined: "Like and share", "please call or text Sarah"
    if nxt in ("and", "or", "&") and first + 2 < len(words) and grammar.english_verb(words[first + 2].lower_):
        return verb, words[first + 2]
    # a bare noun object: "Use code SPRING10 for 10 % off", "Bring gloves and a bottle!"
    # (not a noun compound: "Design thinking is …", "Book club tonight")
    # a code or the reader after it: "Use code SPRING10", "Book tickets for your team!"
    rest = words[first + 2:]
    if after.text.islower() and not grammar.english_finite(nxt) and (clause.end == "!" or any(
            w.lower_ in c["reader-en"] or (not w.text.isalpha() and not w.text.isdigit()) for w in rest)):
        return verb, after
    return None


# a clause that ends at one of these goes on: 'Comment "YES"', "Kommentiert „Recap“", "Write: …"
OBJECT_FOLLOWS = frozenset('"„“‚‘»«\':')


def _is_symbol(text: str) -> bool:
    """An emoji or arrow (👉, 📌, →): it sets a call apart like a line break."""
    return bool(text) and not nlp.ALNUM.search(text) and not unicodedata.category(text[0]).startswith("P")


def _is_question(sentence) -> bool:
    tokens = [t for t in sentence if not t.is_space]
    return any("?" in t.text for t in tokens[-2:])


def _last_sentence(sentences):
    """The post's last sentence with words of its own (not only hashtags, links or emoji):
    a question there is left for the readers to answer, one before more text is answered
    by the author ("Flüchtling aus Marokko? Ja, ist dort auch schon Krieg?")."""
    for sentence in reversed(sentences):
        if any(nlp.has_word(t.text) and not t.like_url and not grammar.is_tagged(t) and t.text not in "#@"
               for t in sentence):
            return sentence
    return None


def _elliptical_question(sentence, lang: str) -> bool:
    """A short question without a subject or a finite verb, which only the reader can
    answer ("Schon mal probiert?", "Noch Fragen?", "Thoughts?"), or one that ends in a tag
    asking the reader to agree ("…, oder?", "…, right?"); not a bare "Warum?"."""
    c = cues()
    words = [t for t in sentence if nlp.has_word(t.text) and not t.like_url and not grammar.is_tagged(t)]
    while words and words[0].lower_ in ("und", "oder", "aber", "and", "or", "but", "so"):
        words = words[1:]
    if not words:
        return False
    if len(words) >= 2 and words[-1].lower_ in c["tag-question"]:
        return True
    lowers = [w.lower_ for w in words]
    if len(words) > 4 or lowers[0] in c["wh-word"]:
        return False
    if lang == "de":
        return not any(w in c["subject-de"] or grammar.german_finite(w) or grammar.german_ihr_form(w) for w in lowers)
    return not any(w in c["subject-en"] or grammar.english_finite(w) for w in lowers)


def _addresses_reader(sentence) -> bool:
    informal, formal, verbs = _reader_words()
    for i, token in enumerate(sentence):
        if token.lower_ in informal or (token.text in formal and not token.is_sent_start):
            return True
        # "ihr" is "you" (plural) after its verb or before a non-noun ("Habt ihr Lust?",
        # "Wie löst ihr Konflikte?", "Was meint ihr?"), and "her"/"their" before a noun
        # after another subject ("Hat sie ihr Ziel erreicht?")
        if token.lower_ == "ihr":
            before = sentence[i - 1] if i else None
            after = sentence[i + 1] if i + 1 < len(sentence) else None
            if before is not None and (before.lower_ in verbs or grammar.german_ihr_form(before.lower_)):
                return True
            if after is None or not after.is_title:
                return True
    return False


@functools.cache
def _reader_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    terms = lexicon("reader-pronouns")
    return (frozenset(t for t in terms if t.islower()), frozenset(t for t in terms if not t.islower()),
            frozenset(lexicon("reader-verbs")))
