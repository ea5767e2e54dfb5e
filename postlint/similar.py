"""Near-duplicate texts across the drafts of a run: word shingles, MinHash and LSH banding.

The rules that compare drafts with each other (repost-too-soon PL608, copy-paste-message
PL807, duplicate-replies PL408) see a `Fingerprint` per draft, made in the single-draft
phase (where the text is at hand, in the worker processes) and small enough to keep for
100,000 drafts: 64 32-bit MinHash values (256 bytes), the primary links and where to report.

How alike two texts are is the Jaccard similarity of their sets of word 3-shingles
(lowercased words, links left out), estimated by the share of equal MinHash values. The
MinHash is one-permutation hashing (Li, Owen and Zhang 2012) with densification by rotation
(Shrivastava and Li 2014): every shingle is hashed once, not once per permutation, which
keeps it fast in pure Python (no numpy, no datasketch). Candidate pairs come from LSH
banding (16 bands of 4 values): two drafts are compared only when two bands are equal,
never all pairs, and only with the latest drafts of each bucket. Pairs at the default
thresholds (0.8 to 0.9) become candidates with a probability of 99.7 % or more; the
estimate's standard error is about 0.05 at 0.8.
"""

from __future__ import annotations

import functools
import hashlib
import operator
from collections import Counter
import urllib.parse
from array import array
from dataclasses import dataclass

import regex

from postlint import packs
from postlint.calendar import label
from postlint.i18n import t
from postlint.problem import Hit
from postlint.text import blanked

PERMUTATIONS = 64
BANDS = 16
ROWS = PERMUTATIONS // BANDS
SHINGLE = 3
MASK32 = 0xFFFFFFFF
MASK64 = 0xFFFFFFFFFFFFFFFF
# in one LSH bucket only the latest drafts are compared: a plan with 1,000 copies of one note
# stays linear, and the copies still form one group (each is linked to the one before)
BUCKET_DEPTH = 8
MIN_BANDS = 2
# texts compared without their salutation and names: they speak to one person
TO_PERSONS = frozenset({"connection-note", "message", "comment"})
WORD = regex.compile(r"[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*")
# "Danke, Anna!" "Anna, gute Frage" "connect, Tom." "Liebe Grüße, Jule": a name set off by
# punctuation, at most three capitalised words
VOCATIVE = regex.compile(r"(?:^|[,;]\s*)((?:\p{Lu}[\p{L}'’.-]*\s?){1,3})(?=\s*[,!?.:]|\s*$)", regex.M)
# "Hallo Frau Dr. Keller," "Hi Sarah!" "Liebe Anna –": a short opening clause that greets
SALUTATION = regex.compile(r"\A\s*((?:[^\n,!:;–—]{1,40}?))\s*(?:[,!:;–—]|\n)")


@dataclass(slots=True)
class Fingerprint:
    """What the cross-draft rules keep of a draft's text."""

    signature: array  # PERMUTATIONS MinHash values ('I')
    words: int  # words compared (without links and, for texts to persons, the names)
    links: tuple[str, ...]  # normalised links that have a path (a bare home page is a signature)
    span: tuple[int, int]  # file offsets of the first line of the text: where findings point


def fingerprint(draft, names: bool = False) -> Fingerprint | None:
    """The fingerprint of a draft's text, None when it has no words. `names`: leave out the
    salutation and the names, so notes or replies that differ only in the name look alike."""
    text = blanked(draft.text, draft.urls)
    if names:
        tokens = [w.lower() for _, w in _without_names(text, [(m.start(), m.group()) for m in WORD.finditer(text)])]
    else:
        tokens = WORD.findall(text.lower())
    if not tokens:
        return None
    text = draft.text
    first = len(text) - len(text.lstrip())
    line_end = text.find("\n", first)
    links = tuple(sorted({link for url in draft.urls if (link := normal_link(url.text))}))
    return Fingerprint(signature(tokens), len(tokens), links, draft.file_span(first, line_end % (len(text) + 1)))


def _without_names(text: str, words: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Drop the greeting clause ("Hallo Frau Keller,"), the names it holds wherever they
    recur, and vocatives: capitalised words set off by punctuation ("Danke, Anna!")."""
    m = SALUTATION.match(text)
    clause = WORD.findall(m.group(1)) if m else []
    start, names = 0, set()
    if clause and len(clause) <= 5 and clause[0].lower() in _greeting_words():
        start, names = m.end(), {w for w in clause[1:] if w[:1].isupper()}
    vocatives = {v.start(1) + w.start() for v in VOCATIVE.finditer(text) for w in WORD.finditer(v.group(1))}
    return [(pos, w) for pos, w in words if pos >= start and w not in names and pos not in vocatives]


@functools.cache
def _greeting_words() -> frozenset[str]:
    """The first words of the salutations in greetings.txt (missing-greeting PL802)."""
    return frozenset(word.rstrip("*?") for line in packs.lexicon("greetings") if line.startswith("^ ")
                     for word in line[2:].split()[0].split("|"))


def normal_link(url: str) -> str:
    """`beispiel.de/studie?x=1` of `https://www.Beispiel.de/studie/?utm_source=li&x=1#top`;
    "" for a home page."""
    parts = urllib.parse.urlsplit(url if "//" in url else "//" + url)
    path = parts.path.rstrip("/")
    query = "&".join(p for p in parts.query.split("&") if p and not p.lower().startswith("utm_"))
    if not path and not query:
        return ""
    host = parts.netloc.lower().removeprefix("www.")
    return host + path + ("?" + query if query else "")


@functools.lru_cache(maxsize=1 << 16)
def _word_hash(word: str) -> int:
    # stable across processes (str hash() is salted per process; the workers differ)
    return int.from_bytes(hashlib.blake2b(word.encode(), digest_size=8).digest(), "little")


def signature(tokens: list[str]) -> array:
    """One-permutation MinHash of the word 3-shingles of `tokens` (one shingle if fewer)."""
    hashes = [_word_hash(t) for t in tokens]
    if len(hashes) >= SHINGLE:
        shingles = [(a * 0x9E3779B97F4A7C15 + b * 0xC2B2AE3D27D4EB4F + c) & MASK64
                    for a, b, c in zip(hashes, hashes[1:], hashes[2:])]
    else:
        shingles = [sum(hashes) & MASK64]
    bins = [MASK32 + 1] * PERMUTATIONS
    for x in shingles:
        # one multiply-xorshift round (the words' hashes are blake2b already): every bit of
        # h depends on all three words
        h = ((x ^ (x >> 31)) * 0xBF58476D1CE4E5B9) & MASK64
        b, v = h >> 58, (h ^ (h >> 29)) & MASK32  # the top 6 bits choose the bin (PERMUTATIONS == 64)
        if v < bins[b]:
            bins[b] = v
    return array("I", _densified(bins))


def _densified(bins: list[int]) -> list[int]:
    """Fill each empty bin from the next filled one to its right, marked by the distance,
    so two texts agree on an empty bin exactly when they agree on its donor."""
    if all(v > MASK32 for v in bins):
        return [0] * PERMUTATIONS
    out = list(bins)
    for i, v in enumerate(bins):
        if v > MASK32:
            step = 1
            while bins[(i + step) % PERMUTATIONS] > MASK32:
                step += 1
            out[i] = (bins[(i + step) % PERMUTATIONS] ^ (step * 0x9E3779B1)) & MASK32
    return out


def similarity(a: array, b: array) -> float:
    """Estimated Jaccard similarity of the shingle sets behind two signatures."""
    return sum(map(operator.eq, a, b)) / PERMUTATIONS


def bands(sig: array) -> list[bytes]:
    raw = sig.tobytes()
    step = ROWS * sig.itemsize
    return [bytes((band,)) + raw[band * step:(band + 1) * step] for band in range(BANDS)]


class Index:
    """LSH index of signatures: `add` returns the earlier items that share at least
    `MIN_BANDS` bands with the new one, each once. Two bands, not one: at a similarity of
    0.8 a pair shares 2 of 16 bands with a probability of 99.7 % (0.85: 99.98 %), while
    pairs far below the thresholds, which share one band by chance, are not compared."""

    def __init__(self, depth: int = BUCKET_DEPTH):
        self.depth = depth
        self.buckets: dict[bytes, list] = {}

    def add(self, sig: array, item) -> list:
        pool = []
        for key in bands(sig):
            bucket = self.buckets.get(key)
            if bucket is None:
                self.buckets[key] = [item]
                continue
            pool += bucket[-self.depth:]
            bucket.append(item)
            if len(bucket) > 2 * self.depth:
                del bucket[:-self.depth]
        if len(pool) < MIN_BANDS:
            return []
        # counted in C (Counter): this is the inner loop of a run of 100,000 drafts
        counts = Counter(map(id, pool))
        found = {id(other): other for other in pool if counts[id(other)] >= MIN_BANDS}
        return list(found.values())


def percent(value: float) -> str:
    return t("{percent}%", percent=round(value * 100))


def alike(items, opts_for):
    """For each item (a calendar.Post or Listed with a fingerprint) that is alike with
    others of its account and channel: (item, the others in input order, its highest
    similarity). Alike: `min-similarity` or more with one of them, directly or through a
    chain of such drafts (each draft's threshold is its own options'). Drafts with fewer
    than `min-words` words are left out: two "Danke!" are no copy-paste."""
    groups: dict[tuple[str, str], list] = {}
    for item in items:
        opts = opts_for(item)
        if opts is not None and item.draft.fingerprint.words >= opts["min-words"]:
            groups.setdefault((item.account, item.channel), []).append(item)
    for members in groups.values():
        parent = list(range(len(members)))
        best = [0.0] * len(members)
        index = Index()
        for i, item in enumerate(members):
            sig, limit = item.draft.fingerprint.signature, opts_for(item)["min-similarity"]
            for j in index.add(sig, i):
                value = similarity(sig, members[j].draft.fingerprint.signature)
                if value >= limit:
                    parent[_root(parent, i)] = _root(parent, j)
                    best[i], best[j] = max(best[i], value), max(best[j], value)
        clusters: dict[int, list[int]] = {}
        for i in range(len(members)):
            clusters.setdefault(_root(parent, i), []).append(i)
        for cluster in clusters.values():
            if len(cluster) > 1:
                for i in cluster:
                    yield members[i], [members[j] for j in cluster if j != i], best[i]


def _root(parent: list[int], i: int) -> int:
    while parent[i] != i:
        parent[i] = parent[parent[i]]  # path halving: chains of copies stay short
        i = parent[i]
    return i


def names(items, ref, limit: int = 3) -> str:
    """`notes/b.md, notes/c.md and 2 more` (calendar rows as `line 7` in the same file)."""
    shown = ", ".join(label(i.draft.path, i.row, ref.draft.path) for i in items[:limit])
    return shown + (f" and {len(items) - limit} more" if len(items) > limit else "")


def hit(item, message: str):
    """A finding on the first line of the draft's text."""
    start, end = item.draft.fingerprint.span
    return Hit(start, end, message, raw=True)


def copies(timeline, opts_for, describe):
    """(draft, Hit) for every draft of `timeline.texts` alike with others (`alike`), with the
    message `describe(others, similarity, threshold)`, each as text: "notes/b.md", "92%"."""
    for item, others, value in alike(timeline.texts, opts_for):
        yield item.draft, hit(item, describe(names(others, item), percent(value),
                                             percent(opts_for(item)["min-similarity"])))
