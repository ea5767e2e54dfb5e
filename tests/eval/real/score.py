#!/usr/bin/env python3
"""Score postlint's judgement on the labelled real posts (tests/eval/real/labels.jsonl).

    python tests/eval/real/score.py              # the table
    python tests/eval/real/score.py --verbose    # plus the ids of every miss
    python tests/eval/real/score.py --json
    python tests/eval/real/score.py --sample 2   # the second sample (labels-2.jsonl)

The 650 posts are drawn by `sample.py` from ../shared/corpus (which must lie beside the
repository); their labels were given by people who read them before postlint ran on them.
Each post is linted as what it was: a post on its channel in its language. Reported:

- call to action recognised: of the posts labelled with a call to action, the share in
  which postlint finds one (PL401 stays silent), per language (target >= 0.95);
- PL401 missing-cta as a rule: precision and recall over the posts in its scope (X replies,
  which start with an @mention, are out of scope: a finding there is a false positive);
- selling (PL503 unsolicited-promotional-message and PL806 selling-in-first-contact): each
  post sent as a first-contact message without consent, against the `selling` label.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[2]
LABELS = {1: HERE / "labels.jsonl", 2: HERE / "labels-2.jsonl"}
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
if str(HERE) not in sys.path:
    sys.path.insert(0, str(HERE))

import sample  # noqa: E402

TARGET_RECOGNISED, TARGET_PRECISION, TARGET_RECALL = 0.95, 0.95, 0.90


def _accounts():
    """The accounts file the teams of the five retailers' Facebook pages would keep: each
    page's own shop (postlint.accounts; what `selling` reads of it is `domains`)."""
    from postlint import accounts

    shops = {"douglas": ("douglas.de",), "flaconi": ("flaconi.de",), "iparfumerie": ("iparfumerie.de", "iparfumerie.at"),
             "parfumdreams": ("parfumdreams.de",), "pieper": ("parfuemerie-pieper.de",)}
    return accounts.Accounts(source="retailers' accounts", by_name={
        page: accounts.Account(page, channel="facebook", commercial=True, domains=domains)
        for page, domains in shops.items()})


def load_labels(which: int = 1) -> dict[str, dict]:
    with open(LABELS[which], encoding="utf-8") as lines:
        return {row["id"]: row for row in map(json.loads, lines)}


def draft(front: dict, text: str) -> str:
    lines = "".join(f"{key}: {value}\n" for key, value in front.items())
    return f"---\n{lines}---\n{text}\n"


def is_reply(text: str) -> bool:
    return text.lstrip().startswith("@")


def lint(linter, front: dict, text: str) -> set[str]:
    result = linter.lint_text(draft(front, text), Path("real.md"), "real.md")
    if result.error:
        raise SystemExit(f"input error: {result.error}")
    return {finding.code for finding in result.findings}


def run(labels: dict[str, dict], which: int = 1) -> dict:
    from postlint import config
    from postlint.linter import Linter, Options

    cfg = config.Config(source="eval-defaults", root=ROOT)
    cfg.accounts = _accounts()
    linter = Linter(Options(), cfg)
    posts = {row["id"]: row for row in sample.sample(which=which)}
    if set(posts) != set(labels):
        raise SystemExit("the sample no longer matches the labels (corpus or sample.py changed)")
    out = {"recognised": {}, "PL401": {"tp": [], "fp": [], "fn": []}, "PL503": {"tp": [], "fp": [], "fn": []},
           "PL806": {"tp": [], "fp": [], "fn": []}}
    for post_id, post in posts.items():
        label, text = labels[post_id], post["text"]
        fired = lint(linter, {"channel": post["channel"], "lang": post["lang"]}, text)
        if label["cta"]:
            out["recognised"].setdefault(post["lang"], {"yes": [], "no": []})[
                "no" if "PL401" in fired else "yes"].append(post_id)
        expected = not label["cta"] and not (post["channel"] == "x" and is_reply(text))
        _count(out["PL401"], post_id, expected, "PL401" in fired)
        page = post_id.split(":")[1] if post_id.startswith("finscience-fb:") else None
        fired = lint(linter, {"channel": "linkedin", "type": "message", "lang": post["lang"],
                              "first_contact": "true", "consent": "false", **({"account": page} if page else {})},
                     text)
        for code in ("PL503", "PL806"):
            _count(out[code], post_id, label["selling"], code in fired)
    return out


def _count(table: dict, post_id: str, expected: bool, got: bool) -> None:
    if expected and got:
        table["tp"].append(post_id)
    elif got:
        table["fp"].append(post_id)
    elif expected:
        table["fn"].append(post_id)


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "   –"


def render(out: dict, verbose: bool) -> str:
    lines = ["call to action recognised (target >= 0.95)"]
    for lang, got in sorted(out["recognised"].items()):
        yes, no = len(got["yes"]), len(got["no"])
        lines.append(f"  {lang}: {yes}/{yes + no} = {_ratio(yes, yes + no)}")
        if verbose and no:
            lines.append("    missed: " + " ".join(got["no"]))
    lines += ["", f"{'rule':<6} {'TP':>4} {'FP':>4} {'FN':>4} {'prec':>5} {'rec':>5}  (targets P>=0.95 R>=0.90)"]
    for code in ("PL401", "PL503", "PL806"):
        t = out[code]
        tp, fp, fn = len(t["tp"]), len(t["fp"]), len(t["fn"])
        lines.append(f"{code:<6} {tp:>4} {fp:>4} {fn:>4} {_ratio(tp, tp + fp):>5} {_ratio(tp, tp + fn):>5}")
        if verbose:
            lines += [f"    FP: {' '.join(t['fp'])}", f"    FN: {' '.join(t['fn'])}"]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-v", "--verbose", action="store_true")
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--sample", type=int, choices=sorted(LABELS), default=1)
    args = parser.parse_args(argv)
    out = run(load_labels(args.sample), args.sample)
    print(json.dumps(out, indent=1) if args.json else render(out, args.verbose))
    return 0


if __name__ == "__main__":
    sys.exit(main())
