"""Time the schedule rules (PL6xx) on a seeded plan of 10,000 scheduled drafts.

    python bench/schedule_bench.py [--drafts 10000] [--seed 7] [--repeat 5]

Per scenario it prints the time to read and lint the drafts one by one (the per-draft
rules), the time of the schedule rules on top (`Linter.cross_draft`: one sorted timeline,
then a linear scan per rule; the best of `--repeat` runs) and of the whole `complete`
step (schedule rules plus every draft's suppressions). Scenarios: "spread", 40 accounts on
LinkedIn and X over a year; "dense", one account with about 330 posts a day for 30 days,
so nearly every post breaks PL601, PL602 and PL603 and a message is built for each;
"csv", the spread plan as one calendar file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
import time
from pathlib import Path
from zoneinfo import ZoneInfo

from postlint import config as config_mod
from postlint.linter import Linter, Options
from postlint.source import decode

BERLIN = ZoneInfo("Europe/Berlin")
TEXT = "Drei Learnings aus unserem Kundenprojekt. Was meint ihr? #Digitalisierung #KI #Mittelstand"
ALL_ON = {name: {"enabled": True} for name in ("too-many-posts-per-day", "posts-too-close", "too-many-posts-per-week",
                                              "too-few-posts-per-week", "posting-gap")}


def plan(rng: random.Random, count: int, accounts: int, days: int) -> list[tuple[str, str, dt.datetime]]:
    """(account, channel, local time) of `count` posts, in random order."""
    start = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    return [(f"account-{rng.randrange(accounts)}", rng.choice(("linkedin", "x")),
             (start + dt.timedelta(minutes=rng.randrange(days * 24 * 60))).astimezone(BERLIN)) for _ in range(count)]


def linter(select: tuple[str, ...] | None) -> Linter:
    cfg = config_mod.parse({"rules": ALL_ON}, "bench", Path.cwd(), "")
    return Linter(Options(select=select), cfg)


def run(name: str, inputs: list[tuple[str, str]], select, repeat: int) -> None:
    lint = linter(select)
    started = time.process_time()
    results = [lint.lint_text(decode(text.encode()), Path(path), path, defer=True) for path, text in inputs]
    read = time.process_time() - started
    entries = [entry for result in results for entry in result.entries]
    best = float("inf")
    for _ in range(repeat):
        kept = [list(entry.findings) for entry in entries]
        started = time.process_time()
        lint.cross_draft(entries)
        best = min(best, time.process_time() - started)
        for entry, findings in zip(entries, kept, strict=True):
            entry.findings = findings
    started = time.process_time()
    lint.complete(results)
    whole = time.process_time() - started
    findings = sum(len(r.findings) for r in results)
    rules = "schedule rules only" if select else "all rules"
    print(f"{name:<7} {rules:<20} {len(entries):>6,} drafts  read+lint {read:6.2f} s  schedule rules {best:5.3f} s  "
          f"complete {whole:5.3f} s  {findings:>6,} findings")


def markdown(posts) -> list[tuple[str, str]]:
    return [(f"drafts/{i:05d}.md", f"---\naccount: {account}\nchannel: {channel}\n"
                                   f"scheduled: {when.isoformat()}\n---\n{TEXT}\n")
            for i, (account, channel, when) in enumerate(posts)]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    spread = plan(rng, args.drafts, accounts=40, days=365)
    dense = [("acme", "linkedin", when) for _, _, when in plan(rng, args.drafts, accounts=1, days=30)]
    print(f"python {sys.version.split()[0]}, seed {args.seed}")
    for select in (("PL6",), None):
        run("spread", markdown(spread), select, args.repeat)
        run("dense", markdown(dense), select, args.repeat)
        rows = "".join(f"{when.isoformat(' ', 'minutes')},{channel},{account},{TEXT}\n"
                       for account, channel, when in spread)
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "plan.csv"
            path.write_text("date,channel,account,text\n" + rows, encoding="utf-8")
            run("csv", [(str(path), path.read_text(encoding="utf-8"))], select, args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
