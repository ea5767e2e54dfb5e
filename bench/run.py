"""Benchmark postlint against proselint on the same generated drafts, in one run.

    python bench/run.py [--sizes 1000 10000 100000] [--jobs N] [--proselint-max 10000]
    python bench/run.py --real-posts ../shared/corpus/real-posts.jsonl

Prints, for postlint with all default rules and for proselint (installed into
bench/out/proselint-venv on first use): posts per second, cold single-file wall time,
warm (cached) single-file wall time and peak RSS, and the ratios. Each figure is the
median of `--repeat` runs; postlint and proselint take turns, and a ratio is the median of
the ratios of the runs side by side. Peak RSS is that of the measured process tree's largest
process (os.wait4), so worker processes are included.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE))

from generate import generate  # noqa: E402


def run(cmd: list[str], cwd: Path | None = None) -> tuple[float, int]:
    """Wall seconds and peak RSS (MB) of one command; output discarded."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"{' '.join(cmd[:3])}… failed with {os.waitstatus_to_exitcode(status)}")
    return elapsed, usage.ru_maxrss // 1024


def proselint_bin() -> Path:
    venv = OUT / "proselint-venv"
    exe = venv / "bin" / "proselint"
    if not exe.exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "proselint"], check=True)
    return exe


def corpus_from_jsonl(path: Path, out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        channel = "linkedin" if row["id"].startswith("li-") else "x"
        target = out / f"{row['id']}.md"
        target.write_text(f"---\nchannel: {channel}\n---\n{row['text']}\n", encoding="utf-8")
        files.append(target)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--proselint-max", type=int, default=10000,
                        help="largest corpus proselint runs on (it takes ~10 ms per post)")
    parser.add_argument("--real-posts", type=Path, help="benchmark on a JSONL corpus instead of generated drafts")
    args = parser.parse_args()

    postlint = [sys.executable, "-m", "postlint", "check", "--exit-zero", "--format", "concise"]
    proselint = [str(proselint_bin()), "check"]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.system()} {platform.release()}")
    work = Path(tempfile.mkdtemp(prefix="postlint-bench-"))
    cache = work / "cache"
    clear = lambda: shutil.rmtree(cache, ignore_errors=True)  # noqa: E731
    env_cache = ["--cache-dir", str(cache)]
    try:
        corpora = ([("real-posts", corpus_from_jsonl(args.real_posts, work / "real"))] if args.real_posts else
                   [(f"{n:,}", generate(work / str(n), n)) for n in args.sizes])
        rows = []
        for label, files in corpora:
            folder = files[0].parents[1] if not args.real_posts else files[0].parent
            # postlint and proselint take turns, so that the machine's drift between two
            # series does not end up in the ratio: each pair gives a ratio, the median is shown
            pl_times, pr_times, rss_pl, rss_pr = [], [], 0, 0
            for _ in range(args.repeat):
                clear()
                elapsed, rss = run(postlint + env_cache + ["--jobs", str(args.jobs), str(folder)])
                pl_times.append(elapsed)
                rss_pl = max(rss_pl, rss)
                if len(files) <= args.proselint_max:
                    elapsed, rss = run(proselint + [str(folder)])
                    pr_times.append(elapsed)
                    rss_pr = max(rss_pr, rss)
            t_pl = statistics.median(pl_times)
            row = {"corpus": label, "files": len(files), "postlint_s": t_pl, "postlint_pps": len(files) / t_pl,
                   "postlint_rss_mb": rss_pl}
            if pr_times:
                t_pr = statistics.median(pr_times)
                row.update(proselint_s=t_pr, proselint_pps=len(files) / t_pr, proselint_rss_mb=rss_pr,
                           ratio=statistics.median(pr / pl for pl, pr in zip(pl_times, pr_times)),
                           ratios=[pr / pl for pl, pr in zip(pl_times, pr_times)])
            rows.append(row)
            print(f"{label:>10} files: postlint {row['postlint_pps']:8.0f} posts/s ({t_pl:.2f} s, {rss_pl} MB)"
                  + (f", proselint {row['proselint_pps']:6.0f} posts/s ({row['proselint_s']:.2f} s, "
                     f"{row['proselint_rss_mb']} MB), ratio {row['ratio']:.1f}x "
                     f"(runs side by side: {', '.join(f'{r:.1f}x' for r in row['ratios'])})"
                     if "proselint_s" in row else ""), flush=True)
        single = corpora[0][1][0]
        # single-file runs take ~0.05-1 s, so the machine's drift between two series of them
        # shows in their ratio: the three commands take turns, and each gets its median
        times: dict[str, list[float]] = {"cold": [], "warm": [], "proselint": []}
        for _ in range(max(7, args.repeat)):
            clear()
            times["cold"].append(run(postlint + env_cache + [str(single)])[0])
            times["warm"].append(run(postlint + env_cache + [str(single)])[0])
            times["proselint"].append(run(proselint + [str(single)])[0])
        cold, warm, prose_single = (statistics.median(times[k]) for k in ("cold", "warm", "proselint"))
        print(f"single file: postlint cold {cold * 1000:.0f} ms ({cold / prose_single:.1f}x proselint), "
              f"warm/cached {warm * 1000:.0f} ms ({warm / prose_single:.2f}x proselint), "
              f"proselint {prose_single * 1000:.0f} ms")
        sized = {r["files"]: r["postlint_s"] for r in rows}
        for small in sized:
            if small * 10 in sized:
                print(f"linearity: {small * 10:,} files took {sized[small * 10] / (10 * sized[small]):.2f}x "
                      f"ten times the {small:,}-file time")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
