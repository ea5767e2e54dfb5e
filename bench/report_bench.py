"""Time the html report on a generated corpus: the lint, then writing the report on top.

    python bench/report_bench.py [--count 1000] [--seed 2026] [--jobs N] [--open]

The drafts come from bench/generate.py (the same seed and count give the same files). The
lint runs as `postlint check --format html` runs it (whole drafts kept); then writing the
report (`report.html_report`: every preview, highlight, the summary and calendar, and the
file) is timed once, as a run does it: the drafts' entities (hashtags, links, mentions,
emoji) are measured again there, since they do not travel back from the worker processes.
`--open` also times headless Chromium loading the report (start-up included) and reads
when the report's script was done, when Chromium is installed.
Target (issue 18): a 1,000-draft report is written in under 2 s beyond the lint.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402

from postlint import report, runner  # noqa: E402
from postlint.linter import Linter, Options  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--open", action="store_true", help="also time Chromium opening the report")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="postlint-report-bench-") as tmp:
        folder = Path(tmp) / "drafts"
        generate(folder, args.count, args.seed)
        linter = Linter(Options())
        linter.compact, linter.snippets = False, True  # as cli.check does for --format html
        start = time.perf_counter()
        results = list(runner.lint_inputs(linter, [str(folder)], jobs=args.jobs))
        lint = time.perf_counter() - start
        drafts = sum(len(r.entries) for r in results)
        findings = sum(len(r.findings) for r in results)
        out = Path(tmp) / "report.html"
        start = time.perf_counter()
        with out.open("w", encoding="utf-8", newline="\n") as fh:
            for chunk in report.html_report(iter(results), linter=linter):
                fh.write(chunk + "\n")
        written = time.perf_counter() - start
        size = out.stat().st_size
        print(f"{drafts:,} drafts, {findings:,} findings (jobs {args.jobs})")
        print(f"lint          {lint:6.2f} s")
        print(f"report        {written:6.2f} s  ({size / 1e6:.1f} MB)")
        binary = shutil.which("chromium") or shutil.which("chromium-browser")
        if args.open and binary:
            with tempfile.TemporaryDirectory(prefix="postlint-chromium-") as profile:
                start = time.perf_counter()
                done = subprocess.run([binary, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                                f"--user-data-dir={profile}", "--dump-dom", out.as_uri()],
                               capture_output=True, check=True, text=True, env={**os.environ, "HOME": profile})
                print(f"open+dump     {time.perf_counter() - start:6.2f} s  (headless Chromium, start-up included)")
                ready = re.search(r'data-ready-ms="(\d+)"', done.stdout)
                if ready:
                    print(f"ready         {int(ready[1]) / 1000:6.2f} s  (navigation start to the report's script done)")


if __name__ == "__main__":
    main()
