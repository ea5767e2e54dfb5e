#!/usr/bin/env python3
"""Draw the labelled real-post sample from ../shared/corpus (fixed seed, five strata).

    python tests/eval/real/sample.py OUT.jsonl      # id, stratum, channel, lang, text per line
    python tests/eval/real/sample.py OUT.jsonl 2    # the second sample

Sample 1 (labels.jsonl): 130 posts per stratum, seed 20261207. Sample 2 (labels-2.jsonl),
drawn after everything was tuned on sample 1 to measure on posts nobody had looked at:
80 per stratum, seed 20261208, none of sample 1's posts.

The texts stay outside the repository (their licences forbid copying them in); only the ids
and the labels a person gave after reading them are kept, in `labels.jsonl` beside this file.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[4] / "shared" / "corpus"
SAMPLES = {1: (20261207, 130), 2: (20261208, 80)}  # sample -> (seed, posts per stratum)
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


def sample(corpus: Path = CORPUS, which: int = 1) -> list[dict]:
    """The posts of a sample: per stratum, posts in its language drawn with the sample's seed
    from those no earlier sample drew, in id order per stratum."""
    seed, per_stratum = SAMPLES[which]
    earlier = {row["id"] for n in range(1, which) for row in sample(corpus, n)}
    rng, chosen, everything = random.Random(seed), [], records(corpus)
    for stratum, (name, prefix, channel, lang) in STRATA.items():
        pool = sorted(i for i, r in everything.items() if r["file"] == name and i.startswith(prefix)
                      and (r.get("lang") or r.get("lang_guess")) == lang and i not in earlier)
        for post_id in sorted(rng.sample(pool, per_stratum)):
            chosen.append({"id": post_id, "stratum": stratum, "channel": channel, "lang": lang,
                           "text": everything[post_id]["text"]})
    return chosen


if __name__ == "__main__":
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for row in sample(which=int(sys.argv[2]) if len(sys.argv) > 2 else 1):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
