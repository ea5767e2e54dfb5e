#!/usr/bin/env python3
"""Draw the labelled real-post sample from ../shared/corpus (fixed seed, five strata).

    python tests/eval/real/sample.py OUT.jsonl   # id, stratum, channel, lang, text per line

The texts stay outside the repository (their licences forbid copying them in); only the ids
and the labels a person gave after reading them are kept, in `labels.jsonl` beside this file.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
SEED = 20261207
PER_STRATUM = 130
# stratum -> (file, id prefix, channel the posts were published on, language)
STRATA = {
    "linkedin-en": ("real-posts.jsonl", "li-kaggle-", "linkedin", "en"),
    "x-de": ("real-posts.jsonl", "germeval2018-", "x", "de"),
    "x-de-c2a": ("real-posts-2.jsonl", "germeval26-c2a:", "x", "de"),
    "instagram-en": ("real-posts-2.jsonl", "kayschulz-ig:", "instagram", "en"),
    "facebook-de": ("real-posts-2.jsonl", "finscience-fb:", "facebook", "de"),
}


def records(corpus: Path = CORPUS) -> dict[str, dict]:
    """Every post of both files by id."""
    found = {}
    for name in ("real-posts.jsonl", "real-posts-2.jsonl"):
        with open(corpus / name, encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                found[record["id"]] = record | {"file": name}
    return found


def sample(corpus: Path = CORPUS) -> list[dict]:
    """PER_STRATUM posts of each stratum in its language, drawn with SEED, in id order per stratum."""
    rng, chosen, everything = random.Random(SEED), [], records(corpus)
    for stratum, (name, prefix, channel, lang) in STRATA.items():
        pool = sorted(i for i, r in everything.items() if r["file"] == name and i.startswith(prefix)
                      and (r.get("lang") or r.get("lang_guess")) == lang)
        for post_id in sorted(rng.sample(pool, PER_STRATUM)):
            chosen.append({"id": post_id, "stratum": stratum, "channel": channel, "lang": lang,
                           "text": everything[post_id]["text"]})
    return chosen


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for row in sample():
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
