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

from postlint import nlp, patterns
from postlint.checks._kinds import whole_post
from postlint.packs import lexicon

CODE = "PL401"
NAME = "missing-cta"
OPTIONS = {}


def check(draft, opts):
    if draft.text.strip() and not has_call_to_action(draft.text, draft.lang):
        yield whole_post(draft, "no call to action (no invitation, sign-up phrase or question to readers)")


def has_call_to_action(text: str, lang: str) -> bool:
    # a quotation is addressed to someone else: „Mach es einfach“, sagte mein Chef
    quotes = nlp.quoted(text)
    idioms = []

    def outside(start: int, end: int) -> bool:
        if any(a <= start and end <= b for a, b in quotes):
            return False
        # "Stellt euch vor, ...", "Lasst uns hoffen": imperatives that invite to nothing
        if not idioms:
            idioms.extend([(m.start, m.end) for m in patterns.find(text, lang, "non-invitations")] or [(-1, -1)])
        return not any(a <= start < b for a, b in idioms)

    if any(outside(m.start, m.end) for m in patterns.find(text, lang, "call-to-action")):
        return True
    analysis = nlp.analyse(text, lang)
    # the grammar below walks plain tokens (nlp.Token): spaCy's Token objects cost more
    # than the checks themselves
    sentences = analysis.sents()
    if any(_is_question(s) and _addresses_reader(s)
           and outside(*analysis.span(s[0].idx, s[-1].idx + len(s[-1].text))) for s in sentences):
        return True
    return lang == "de" and any(outside(*analysis.span(a, b)) for a, b in _german_calls(sentences))


def _is_question(sentence) -> bool:
    tokens = [t for t in sentence if not t.is_space]
    return any("?" in t.text for t in tokens[-2:])


def _addresses_reader(sentence) -> bool:
    informal, formal, verbs = _reader_words()
    not_verbs = _cues()["not-verb"]
    for i, token in enumerate(sentence):
        if token.lower_ in informal or (token.text in formal and not token.is_sent_start):
            return True
        # "ihr" is "you" (plural) after its verb or before a non-noun ("Habt ihr Lust?",
        # "Wie löst ihr Konflikte?", "Was meint ihr?"), and "her"/"their" before a noun
        # after another subject ("Hat sie ihr Ziel erreicht?"). The verb of "ihr" ends in
        # -t (a noun before "ihr" would be capitalised inside the sentence).
        if token.lower_ == "ihr":
            before = sentence[i - 1] if i else None
            after = sentence[i + 1] if i + 1 < len(sentence) else None
            if before is not None and (before.lower_ in verbs or (
                    before.lower_.endswith("t") and before.lower_ not in not_verbs and before.is_alpha
                    and (before.is_lower or before.is_sent_start))):
                return True
            if after is None or not after.is_title:
                return True
    return False


def _german_calls(sentences):
    """(start, end) character spans of German calls that depend on grammar, not on a listed
    phrase: a verb in -t at the start of a clause followed by "euch", "eure" or a word of
    encouragement ("Bringt gerne Salate mit", "Sichert euch"); a verb in -en followed by "Sie"
    ("Sparen Sie"); a clause closed by a call infinitive without subject or finite verb
    ("Checkliste speichern nicht vergessen", "Einfach die Quittung vorzeigen"). The cues are the
    lexicon imperative-cues.txt."""
    cues = _cues()
    for words, opener, before in _clauses(sentences):
        # "Bitte meldet euch", "und dann kommt …": up to two leading words
        first = 0
        while first < 2 and len(words) > first + 2 and words[first].lower_ in LEADING:
            first += 1
        verb, after = words[first], words[first + 1] if first + 1 < len(words) else None
        word = verb.lower_
        if after is not None and not _is_hashtag(verb) and word.isalpha() and word not in cues["not-verb"]:
            # "kommt dann gern", "schaut doch gerne": adverbs before the word of encouragement
            n = first + 1
            while n < len(words) - 1 and n < first + 3 and words[n].lower_ in cues["adverb"]:
                n += 1
            cue = words[n]
            if len(word) > 2 and word.endswith("t") and (cue.lower_ in cues["particle"] or (
                    cue.lower_ in cues["addressee"] and word not in cues["third-person"])):
                yield verb.idx, cue.idx + len(cue.text)
            # not after a comma, where the subject may stand before: "…, er kommt, räumt auf und …"
            elif (opener not in WEAK_OPENERS and _is_t_verb(verb, cues) and not word.endswith("st")
                  and (second := _coordinated(words, first, cues)) is not None):
                yield verb.idx, second.idx + len(second.text)
            # after a colon that follows a lead addressing the readers: "Wer in der Region
            # umzieht: Fragt dort nach …", "Mein Tipp: Probiert …"
            elif (opener == ":" and verb.is_title and _is_t_verb(verb, cues) and not word.endswith("st")
                  and after.lower_ in cues["colon-next"] | cues["adverb"] | cues["particle"] | cues["addressee"]
                  and any(w.lower_ in cues["colon-lead"] for w in before[:2])):
                yield verb.idx, after.idx + len(after.text)
            # "Sparen Sie", not "Können Sie" nor, after a clause, "…, jammern Sie"
            elif (word.endswith(("en", "rn", "ln")) and after.text == "Sie" and opener != ","
                  and word not in cues["statement"]):
                yield verb.idx, after.idx + len(after.text)
        if opener in WEAK_OPENERS or len(words) > MAX_CALL_WORDS or words[0].lower_ in cues["subordinator"]:
            continue
        last = words[-1]
        infinitive = last.lower_ in cues["infinitive"] or (
            last.lower_ == "vergessen" and len(words) > 1 and words[-2].lower_ == "nicht")
        # a subject or a finite verb earlier in the sentence makes it a statement: "Heute
        # werde ich … aus meinem Buch lesen"; a colon or an emoji starts afresh
        context = words[:-1] if opener == ":" or _is_symbol(opener) else before + words[:-1]
        if (infinitive and not _is_hashtag(last) and (last.is_lower or len(words) == 1)
                and not any(w.lower_ in cues["statement"] for w in context)):
            yield words[0].idx, last.idx + len(last.text)


def _is_t_verb(token, cues) -> bool:
    """A word that may be an ihr-imperative: in -t, not a known non-verb nor a verb that is
    (usually) the third person. The du-form in -st ("Stehst … und tust …", the subject left
    out) is left to the callers: the ihr-forms in -st ("lest", "vergesst") are listed."""
    word = token.lower_
    return (len(word) > 2 and word.endswith("t") and word.isalpha() and word not in cues["not-verb"]
            and word not in cues["third-person"] and word not in cues["statement"])


def _coordinated(words, first: int, cues):
    """The second of two ihr-imperatives joined by "und"/"oder" in a clause without a
    subject ("Kommt am Sonntag zum Heimspiel und feuert die Mädels an"): the verb after
    the conjunction, in lower case and followed by more words; None if there is none."""
    if first + 1 < len(words) and words[first + 1].lower_ in cues["feeling"]:
        return None  # "Macht Spaß und …": "das" left out
    if any(w.lower_ in cues["statement"] for w in words[first + 1:]):
        return None
    for n in range(first + 2, len(words) - 2):
        if words[n].lower_ in cues["conjunction"]:
            second = words[n + 1]
            # not a participle ("geplant und gebaut") nor the du-form ("stehst … und tust");
            # a verb that is usually the third person is the ihr-form before "euch"/"eure"
            # ("Kommt am Samstag und bringt eure Familien mit")
            after = words[n + 2]
            t_verb = _is_t_verb(second, cues) or (
                second.lower_ in cues["third-person"] and after.lower_ in cues["addressee"])
            if (second.is_lower and t_verb and not second.lower_.startswith("ge")
                    and not second.lower_.endswith("st")):
                return second
            return None
    return None


# words that may stand before the imperative ("Bitte meldet euch", "Und gratuliert gerne")
LEADING = frozenset({"bitte", "und", "dann", "also", "einfach", "jetzt", "gerne", "gern", "doch"})
# an infinitive call is short: "Einfach die Quittung vom Vortag an der Kasse vorzeigen"
MAX_CALL_WORDS = 15
# what opens a part of a sentence, not a clause of its own: "…, die mitmachen", „Zitat“
WEAK_OPENERS = frozenset(',;"\'„“”‚‘’»«()[]/&+')


def _is_hashtag(token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].text == "#" and not token.doc[token.i - 1].whitespace


def _is_symbol(text: str) -> bool:
    """An emoji or arrow (👉, 📌, →): it sets a call apart like a line break."""
    return bool(text) and not nlp.ALNUM.search(text) and not unicodedata.category(text[0]).startswith("P")


def _clauses(sentences):
    """Clauses of each sentence as (word tokens, the punctuation that opens the clause: ""
    at the start of a sentence or line, the words of the sentence before the clause). A
    clause ends at punctuation, an emoji, a line break or the end of the sentence. Hashtags
    are words (never the verb); links and e-mail addresses end a clause."""
    for sentence in sentences:
        words, opener, before = [], "", []
        for token in sentence:
            if token.is_space and "\n" not in token.text or token.text == "#" and not token.whitespace:
                continue
            if token.is_space or token.like_url or token.like_email or not nlp.has_word(token.text):
                if words:
                    yield words, opener, before
                before = before + words
                words, opener = [], "" if token.is_space else token.text
                continue
            words.append(token)
        if words:
            yield words, opener, before


@functools.cache
def _cues() -> dict[str, frozenset[str]]:
    cues: dict[str, set[str]] = {}
    for line in lexicon("imperative-cues"):
        kind, _, word = line.partition(":")
        cues.setdefault(kind.strip(), set()).add(word.strip().lower())  # as token.lower_: "spaß"
    return {kind: frozenset(words) for kind, words in cues.items()}


@functools.cache
def _reader_words() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    terms = lexicon("reader-pronouns")
    return (frozenset(t for t in terms if t.islower()), frozenset(t for t in terms if not t.islower()),
            frozenset(lexicon("reader-verbs")))
