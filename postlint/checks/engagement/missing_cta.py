"""Post does not invite readers to do anything.

## What it does
Reports a post without a call to action. postlint reads a post as a reader would and
counts as a call to action, in German and English:

- an imperative of any verb, in every form: du (`Schau vorbei`, `Nimm dir Zeit`), ihr
  (`Meldet euch an`, `Probiert's aus!`), Sie (`Melden Sie sich an`) and the English base
  form (`Share your story`, `Book now`, `Use code SPRING10 for 10 % off`), also negated
  (`Nicht verpassen!`, `Don't miss it`), joined by "und"/"and" (`Like and share`) or after
  a condition (`If you spot him, please call`); an infinitive call without a subject
  (`Jetzt bis 30. September online anmelden`, `Tickets sichern!`);
- a polite or indirect request (`Feel free to reach out`, `I'd love to hear your thoughts`,
  `You won't want to miss this`);
- a question to the readers: with "ihr", "du", "Sie" or "you" (`Was meint ihr?`), a short
  question at the end of the post that only they can answer (`Schon mal probiert?`,
  `Thoughts?`), a tag asking them to agree (`…, oder?`), "who else" questions (`Wer ist
  dabei?`);
- a pointer: a link offered to the reader, the comments, the bio or a profile, with or
  without a verb (`Mehr dazu: <link>`, `Rezept in der Bio`, `Full report in the comments 👇`);
- an offer to the reader: a sign-up, registration, giveaway, voucher code or discount
  (`Anmeldung unter …`, `Gewinnspiel: …`, `mit dem Code HERBST15`).

Which words are verbs, and in which forms, comes from complete verb lexicons (about 13,800
German and 6,500 English verbs, `verbs-*.txt`, derived from simplemma's and lemminflect's
data); what follows the verb decides whether the form invites: "Macht Sinn", "Lohnt
sich", "Sagt unser Chef" (the third person, the subject left out), "Freue mich auf morgen"
(the first person) and "Design matters" (a noun) are statements. Not counted either: an
imperative inside a quotation (`„Mach es einfach“, sagte mein Chef`), a question the author
answers (`Warum? Weil …`) or that stands inside a quotation, a slogan or a wish (`Go for it`,
`Stay safe`, `Habt ein schönes Wochenende`), an imperative that asks the reader to imagine,
hope or believe (`Stellt euch vor`, `Let's face it`; lexicon `non-invitations.txt`), and a
link that credits a photo (`Foto: <link>`). The grammar cues are the lexicon
`imperative-cues.txt`, the phrases `call-to-action.txt`.

When in doubt postlint counts a call to action: telling an author "no call to action"
when they wrote one costs more trust than staying silent. Replies are out of scope: an X
post that starts with an @mention answers someone (as do comments, where the rule is off).
Defaults: warning on Facebook posts, info on the posts of the other channels, off for
articles, comments, messages, connection notes and profile texts.

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

import regex

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
        if nlp.inside(quotes, start, end):
            return False
        if not idioms:
            for m in patterns.find(text, lang, "non-invitations"):  # in text order; merged for `inside`
                if idioms and m.start < idioms[-1][1]:
                    idioms[-1] = (idioms[-1][0], max(idioms[-1][1], m.end))
                else:
                    idioms.append((m.start, m.end))
            idioms.append((len(text) + 1, len(text) + 1))  # looked up: not empty any more
        return not nlp.inside(idioms, start)

    for url in text_mod.urls(text):
        if outside(url.start, url.end) and not _credit(text, url.start) and not _name(text, url):
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
    if _ends_pointing(text):
        end = len(text.rstrip())
        yield end - 1, end, "pointer"
    last, c = _last_sentence(sentences), cues()
    # the checks below read few words: a sentence without any of them is passed over (a pass
    # over the sentence's lower-case forms costs less than any of the checks)
    request_words = c["desire"] | c["reader"] | c["inclusive"] | {"bitte", "wer"}
    pointer_words = c["pointer-place"]
    for s in sentences:
        lowers = {t.lower_ for t in s}
        question = _is_question(s) and not _quoted_question(s, quotes, analysis)
        if question and (_addresses_reader(s) or _asks_advice(s) or s is last and _elliptical_question(s, lang)):
            kind = "question"
        elif not question and not lowers.isdisjoint(request_words) and (_request(s, lang) or _whoever(s)):
            kind = "request"
        elif (s is last or not lowers.isdisjoint(pointer_words)) and _pointer(s, s is last):
            kind = "pointer"
        else:
            continue
        span = analysis.span(s[0].idx, s[-1].idx + len(s[-1].text))
        if outside(*span):
            yield (*span, kind)


def _name(text: str, url) -> bool:
    """A bare domain used as a shop's name ("Ein neuer Artikel bei iparfumerie.de!",
    "Iparfumerie.de wünscht Ihnen …"): no scheme, no "www." and no path, and not where a
    place to go stands ("Our talk is live on poosh.com", "more at Obama.org", "unter xy.de")."""
    bare = "://" not in url.text and not url.text.lower().startswith("www.") and "/" not in url.text
    before = text[max(0, url.start - 12):url.start].split()
    return bare and not (before and before[-1].lower() in cues()["pointer-preposition"])


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
        # "…, bitte den Personalausweis nicht vergessen"
        if clause.opener == "," and words[0].lower_ == "bitte":
            return _infinitive_call(clause)
        return None
    first = _lead(words, c["lead-de"] | c["lead-de-v2"])
    verb = words[first]
    after = words[first + 1] if first + 1 < len(words) else None
    word = verb.lower_
    # after an adverb such as "auch" or "heute" the verb is second: a statement ("Auch
    # herrscht akuter Ärztemangel") unless the readers are addressed ("Heute holt ihr euch …")
    if any(w.lower_ in c["lead-de-v2"] for w in words[:first]) and not (clause.end == "!" or any(
            w.lower_ in c["ihr-cue"] | c["du-cue"] | c["second-plural"] for w in words[first + 1:])):
        return _infinitive_call(clause)
    if word.endswith("'s") and len(word) > 4:  # "probiert's aus", "Sag's weiter": "es" glued on
        word = word[:-2]
    if grammar.is_tagged(verb) or not word.isalpha():
        return None
    # the Sie-form: "Melden Sie sich an", "Sparen Sie" (a question "Kennen Sie das?" asks the reader)
    if after is not None and after.text == "Sie" and (grammar.german_infinitive(word) or word in c["sie-form"]):
        return verb, after
    if (lemma := grammar.german_ihr_form(word)) is not None and (word not in c["finite-de"] or (
            # "Geht wählen!", "Geht spazieren!": a verb of motion before the infinitive of its purpose
            clause.end == "!" and after is not None and after.text.islower()
            and grammar.german_infinitive(after.lower_))):
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
    if rest[0] == "ihr":  # its subject: a question ("Habt ihr Lust?") or a condition ("Helft ihr, …")
        return False
    if len(rest) > 1 and rest[0] in c["second-plural"] and rest[1] in c["evaluation"]:
        return False  # "Steht euch gut", "Geht euch nichts an": "es" left out
    if any(w in c["second-plural"] for w in rest):  # "Zeigt mir eure Sorgenkinder", "Holt es euch"
        return True
    nxt = after.lower_
    if lemma in c["saying"]:  # "Sagt hallo", "Sagt uns Bescheid", not "Sagt unser Chef"
        return nxt in c["saying-object"] or nxt in c["ihr-cue"]
    if nxt in c["object-pronoun-de"]:  # "Probiert sie aus!", "Schickt das an …", not "So versucht sie …"
        return clause.end == "!" or len(rest) > 1 and rest[1] in c["preposition-de"] and clause.end != "?"
    if len(rest) > 2 and rest[0] in c["particle-de"] and rest[1] == "zu":
        return clause.end != "?"  # a separable verb before its zu-infinitive: "Hört auf zu jammern"
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
    # an object pronoun, then a particle or a place: "Drucke es aus", "Klebe es auf die Vase"
    # (the first person with "ich" left out says so: "Finde es super", "Sehe das anders")
    if nxt in c["object-pronoun-de"] and len(rest) > 1 and rest[1] in c["preposition-de"] | c["particle-de"]:
        return clause.end != "?"
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
    # the infinitive right after a call adverb, the rest moved behind it: "Jetzt anmelden
    # zum Webinar am 12. März", "Hier bestellen bis Freitag"
    if (len(words) > 1 and words[0].lower_ in c["call-adverb-de"] and words[1].text.islower()
            and grammar.german_infinitive(words[1].lower_) and words[1].lower_ not in c["finite-de"]):
        return words[0], words[1]
    last = words[-1]
    if len(words) == 1 and clause.end != "!":  # "Anmelden!", not a list: "Zuhören, messen, nachsteuern."
        return None
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
            grammar.german_ihr_form(w.lower_) and (w.text.islower() or w is words[0])) for w in context):
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
    # after a comma only in a row of imperatives: "Bring gloves, bring a friend"
    weak = clause.opener in WEAK_OPENERS and not clause.follows_condition(c["condition"])
    if weak and (clause.opener != "," or not clause.before or not grammar.english_verb(clause.before[0].lower_)):
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
    after = words[first + 1] if first + 1 < len(words) else None
    joined = (after is not None and after.lower_ in ("and", "or", "&") and first + 2 < len(words)
              and grammar.english_verb(words[first + 2].lower_))
    if word == "like" and joined:  # "Like and share", not "Like many of you, …"
        return verb, words[first + 2]
    if grammar.is_tagged(verb) or not grammar.english_verb(word) or word in c["speaker-en"]:
        return None
    if first and words[first - 1].lower_ in ("please", "pls", "plz", "kindly"):
        return verb, after or verb  # a verb after "please" is a request whatever follows
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


def _quoted_question(sentence, quotes, analysis) -> bool:
    """Whether the sentence's question mark stands inside a quotation: „Brauchen wir Sie
    noch?“, fragte eine Kundin."""
    marks = [t for t in sentence if "?" in t.text]
    if not marks:
        return False
    return nlp.inside(quotes, analysis.span(marks[-1].idx, marks[-1].idx + 1)[0])


def _is_question(sentence) -> bool:
    tokens = [t for t in sentence if not t.is_space and not t.like_url]  # not "…/studie?utm_source=…"
    return any("?" in t.text for t in tokens[-2:])


def _ends_pointing(text: str) -> bool:
    """Whether the post ends with a pointing emoji (perhaps with a skin tone or a variation
    selector: "👇🏻", "⬇️") before its closing hashtags: it points at what follows."""
    body = CLOSING_TAGS.sub("", text).rstrip("\ufe0f\U0001f3fb\U0001f3fc\U0001f3fd\U0001f3fe\U0001f3ff \n")
    return body.endswith(tuple(cues()["pointing"]))


CLOSING_TAGS = regex.compile(r"(?:\s*#\w+)+\s*$")


def _word_tokens(sentence) -> list:
    """The sentence's own words: no links, hashtags or mentions, no punctuation or emoji."""
    return [t for t in sentence if nlp.has_word(t.text) and not t.like_url and not grammar.is_tagged(t)]


def _words(sentence) -> list[str]:
    return [t.lower_ for t in _word_tokens(sentence)]


def _request(sentence, lang: str) -> bool:
    """A polite or indirect request: the speaker looks forward to something from the
    readers ("Wir freuen uns auf euren Besuch", "Wir zählen auf euch", "We look forward to
    seeing you", "Curious whether this matches what you're seeing"), or a clause with
    "bitte" ("Zeugen melden sich bitte beim Revier"); not an announcement ("Ich freue mich,
    euch mitzuteilen, …")."""
    c, words = cues(), _words(sentence)
    if any(w in c["announce"] for w in words):
        return False
    if "bitte" in words and any(grammar.german_finite(w) or grammar.german_ihr_form(w)
                                or grammar.german_infinitive(w) for w in words if w != "bitte"):
        return True
    # "wollen wir von euch wissen", "love to hear from you"
    if any(w in c["reader"] and n and words[n - 1] in ("von", "from") and any(
            v in c["learn"] for v in words[n + 1:n + 3] + words[max(0, n - 4):n]) for n, w in enumerate(words)):
        return True
    # a duty laid on everyone, the readers included: "Alle sollten sich in Berlin treffen",
    # "Wir sollten hier Größe zeigen", "Everyone should vote"
    if any(w in c["inclusive"] for w in words[:4]) and any(w in c["duty"] for w in words[:6]):
        return True
    if lang != "de":
        return _english_request(words)
    if not any(w in c["desire"] for w in words):
        return False
    # German: what is looked forward to is the readers' ("freuen uns auf euren Besuch",
    # "über eure Hinweise", "von euch zu hören"), not joy that something happened ("freuen
    # uns, dass …") nor pride ("stolz auf euch")
    for n, word in enumerate(words):
        if word not in c["reader"]:
            continue
        preposition = next((k for k in (n - 1, n - 2) if k >= 0 and words[k] in ("auf", "über")), None)
        if preposition is not None and any(w in c["desire"] for w in words[max(0, preposition - 4):preposition]):
            return True
        if any(v in ("hören", "lesen") for v in words[n + 1:n + 4]):
            return True
    return False


def _english_request(words: list[str]) -> bool:
    """"We look forward to seeing you", "I'd love to hear your thoughts", "Would appreciate
    your input", "Curious whether this matches what you're seeing" (not "I love you so much",
    "glad I was able to help you")."""
    c = cues()
    if not any(w in c["reader"] for w in words):
        return False
    for n, word in enumerate(words):
        follows = words[n + 1:n + 5]
        if word == "forward" and n and words[n - 1] in ("look", "looking"):
            return True
        if word in c["desire"] and (any(w in c["learn-en"] for w in follows) or (follows[:1] == ["your"])):
            return True
        if word == "curious" and follows[:1] and follows[0] in ("whether", "if", "what", "how", "which", "about"):
            return True
    return False


def _whoever(sentence) -> bool:
    """An instruction to whoever it concerns: "Wer mitmachen möchte, meldet sich bei …",
    "Wer mehr wissen will, fragt gern nach" (a relative clause before a comma, no question)."""
    words = [t for t in sentence if not t.is_space]
    if not words or words[0].lower_ != "wer":
        return False
    comma = next((n for n, t in enumerate(words) if t.text == ","), None)
    # the main clause after the comma opens with its verb: "…, meldet sich", not "…, wenn man …"
    return comma is not None and comma + 1 < len(words) and bool(grammar.german_ihr_form(words[comma + 1].lower_))


def _asks_advice(sentence) -> bool:
    """A question asking the readers what the speaker should do: "Sollen wir den Workshop
    noch einmal anbieten?", "Should we do a second one?"."""
    words = _words(sentence)
    return len(words) > 1 and words[0] in cues()["advice-modal"] and words[1] in ("ich", "wir", "i", "we")


def _pointer(sentence, last: bool) -> bool:
    """A pointer to what readers find elsewhere, with or without a verb: a place named after
    a preposition ("Die komplette Studie mit allen 42 Seiten im ersten Kommentar 👇",
    "Recipe linked in bio", "Alle Leuchten verlinke ich euch in der Story"), or a pointing
    emoji closing the post ("… – ein Thread 🧵👇")."""
    c = cues()
    texts = [t.text for t in sentence if not t.is_space]
    if last and texts and (any(p in texts[-1] for p in c["pointing"]) or texts[-1] == ":"):
        return True
    tokens = _word_tokens(sentence)
    words, raw = [t.lower_ for t in tokens], [t.text for t in tokens]
    for n, word in enumerate(words):
        before = words[max(0, n - 3):n]
        # the preposition before the place, only articles or adjectives between: "im ersten
        # Kommentar", "in der Bio" (not "in Bayern das wertkonservative Profil")
        at = max((k for k, w in enumerate(before) if w in c["pointer-preposition"]), default=None)
        if word in c["pointer-place"] and at is not None and all(
                w.islower() for w in raw[max(0, n - 3) + at + 1:n]):
            # not what the speaker read there ("Ich habe es in den Kommentaren gelesen"), nor
            # a pointer denied ("ohne Link in der Bio")
            return not any(w in c["past-reading"] for w in words) and not any(
                w in c["negation-de-en"] for w in words[max(0, n - 5):n])
    return False


def _last_sentence(sentences):
    """The post's last sentence with words of its own (not only hashtags, links or emoji):
    a question there is left for the readers to answer, one before more text is answered
    by the author ("Flüchtling aus Marokko? Ja, ist dort auch schon Krieg?")."""
    return next((sentence for sentence in reversed(sentences) if _word_tokens(sentence)), None)


def _elliptical_question(sentence, lang: str) -> bool:
    """A short question without a subject or a finite verb, which only the reader can
    answer ("Schon mal probiert?", "Noch Fragen?", "Thoughts?"), or one that ends in a tag
    asking the reader to agree ("…, oder?", "…, right?"); not a bare "Warum?"."""
    c = cues()
    words = _word_tokens(sentence)
    while words and words[0].lower_ in ("und", "oder", "aber", "and", "or", "but", "so"):
        words = words[1:]
    if not words:
        return False
    if len(words) >= 2 and words[-1].lower_ in c["tag-question"]:
        return True
    lowers = [w.lower_ for w in words]
    if len(words) > 4 or lowers[0] in c["wh-word"]:
        return False
    if lang == "de":  # a participle may stand: "Schon mal probiert?", "Schon gesehen?"
        return not any(w in c["subject-de"] or grammar.german_finite(w) or (
            grammar.german_ihr_form(w) and not (w.startswith("ge") or w.endswith("iert"))) for w in lowers)
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
