"""Cost of the rules that compare drafts (PL408, PL608, PL807) on 100,000 generated drafts.

    python bench/repeats_bench.py [--count 100000] [--jobs 2]
    python bench/repeats_bench.py --in-process [--count 100000]

Generates the benchmark corpus (bench/generate.py: LinkedIn, X, Instagram and Facebook
posts, connection notes and messages, all scheduled over 90 days for 4 accounts) plus
`--count // 20` comment replies, every third a copy of another apart from the name, and
runs `postlint check --no-cache` on it twice: with every default rule, and with
`--ignore PL408,PL608,PL807`. Prints wall time, peak RSS of the largest process (os.wait4,
as bench/run.py) and the findings of the three rules. `--in-process` measures only what
the three rules add, in one process (CPU time): building the drafts with and without their
fingerprints, the cross-draft pass (`Linter.complete`) and the memory the fingerprints
hold. The generated posts draw their
sentences from fifteen per language, so many are near copies: a hard case for the LSH
buckets, not a friendly one.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import SENTENCES, generate  # noqa: E402

NAMES = ["Anna", "Tom", "Lea", "Jonas", "Sarah", "Mehmet", "Jule", "Priya", "Lukas", "Sofia"]
RULES = ("PL408", "PL608", "PL807")


def replies(out: Path, count: int, seed: int) -> None:
    rng = random.Random(seed)
    folder = out / "replies"
    folder.mkdir(parents=True, exist_ok=True)
    template = ""
    for i in range(count):
        if i % 3 == 0 or not template:
            template = " ".join(rng.sample(SENTENCES["de"], 2))
        text = template if i % 3 == 2 else " ".join(rng.sample(SENTENCES["de"], 2))
        (folder / f"reply{i:06d}.md").write_text(
            f"---\ntype: comment\naccount: {rng.choice(['anna', 'team'])}\n---\nDanke, {rng.choice(NAMES)}! {text}\n",
            encoding="utf-8")


def run(cmd: list[str], cwd: Path) -> tuple[float, float, str]:
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=out, stderr=subprocess.DEVNULL)
        _, _, usage = os.wait4(proc.pid, 0)
        out.seek(0)
        return time.perf_counter() - start, usage.ru_maxrss / 1024, out.read()


def in_process(count: int, seed: int) -> None:
    import gc
    import random as random_mod
    import resource
    from datetime import datetime, timedelta, timezone

    from generate import draft
    from postlint.linter import Linter, Options
    from postlint.source import decode

    rng = random_mod.Random(seed)
    start = datetime(2026, 12, 1, 8, 0, tzinfo=timezone(timedelta(hours=1)))
    texts = [(f"d{i:06d}.md", draft(rng, i, start)) for i in range(count - count // 20)]
    texts += [(f"r{i:06d}.md", f"---\ntype: comment\n---\nDanke, {rng.choice(NAMES)}! "
               f"{' '.join(rng.sample(SENTENCES['de'], 2))}\n") for i in range(count // 20)]
    for label, select in (("without (PL206 only)", ("PL206",)), ("with PL408/PL608/PL807", ("PL206", *RULES))):
        gc.collect()
        linter = Linter(Options(select=select))
        began = time.process_time()
        results = [linter.lint_text(decode(text.encode()), Path(name), name, defer=True) for name, text in texts]
        built = time.process_time()
        marks = [e.draft.fingerprint for r in results for e in r.entries if e.draft.fingerprint is not None]
        size = sum(sys.getsizeof(m) + sys.getsizeof(m.signature) + sys.getsizeof(m.links) for m in marks)
        linter.complete(results)
        done = time.process_time()
        findings = {code: sum(f.code == code for r in results for f in r.findings) for code in RULES}
        print(f"{label:24} {len(texts):,} drafts: build {built - began:6.1f} s, cross-draft pass "
              f"{done - built:5.1f} s, {len(marks):,} fingerprints {size / 1e6:5.1f} MB, "
              f"peak RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:5.0f} MB, findings {findings}")
        del results, marks


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--in-process", action="store_true")
    args = parser.parse_args()
    if args.in_process:
        in_process(args.count, args.seed)
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        generate(root / "drafts", args.count - args.count // 20, args.seed)
        replies(root / "drafts", args.count // 20, args.seed)
        base = [sys.executable, "-m", "postlint", "check", "--no-cache", "--format", "concise", "-j", str(args.jobs),
                "drafts"]
        for name, cmd in (("without PL408/PL608/PL807", [*base, "--ignore", ",".join(RULES)]), ("all default rules", base)):
            seconds, rss, out = run(cmd, root)
            counts = {code: out.count(f" {code} ") for code in RULES}
            print(f"{name:28} {args.count:,} drafts  {seconds:6.1f} s  peak RSS {rss:5.0f} MB  findings {counts}")


if __name__ == "__main__":
    main()
