"""Lint many inputs: a content-hash cache, a process pool for many files, one cross-draft pass.

A file's cached findings are reused when its bytes, its path, its configuration, the
command-line options and postlint itself (version, code and rule pack) are unchanged.
Drafts with `scheduled` are never served from the cache: the schedule rules compare them
with the other drafts of the run.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from postlint import __version__
from postlint.problem import Finding, Fix, Level

# below this many files per worker a pool costs more than it saves (start-up, pickling)
MIN_FILES_PER_JOB = 32


def _fingerprint_tree(*roots: Path) -> str:
    digest = hashlib.sha256(__version__.encode())
    for root in roots:
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith((".py", ".toml", ".txt")):
                    st = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}:{st.st_mtime_ns}:{st.st_size}".encode())
    return digest.hexdigest()


class Cache:
    """Findings per file under `directory`, one JSON file per key, written atomically."""

    def __init__(self, directory: Path, salt: str):
        from postlint import packs

        self.directory = directory
        package = Path(__file__).resolve().parent
        self.salt = f"{salt}|{_fingerprint_tree(package, packs.rules_root())}"
        self._configs: dict[str, str] = {}

    def key(self, display: str, data: bytes, config_source: str) -> str:
        if config_source not in self._configs:
            try:
                self._configs[config_source] = hashlib.sha256(Path(config_source).read_bytes()).hexdigest()
            except OSError:
                self._configs[config_source] = config_source
        digest = hashlib.sha256(f"{self.salt}|{display}|{self._configs[config_source]}|".encode())
        digest.update(data)
        return digest.hexdigest()

    def get(self, key: str) -> list[Finding] | None:
        try:
            rows = json.loads((self.directory / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return [_finding(row) for row in rows]

    def put(self, key: str, findings: list[Finding]) -> None:
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by postlint\n*\n", encoding="utf-8")
            # write then rename: concurrent runs never read a half-written entry
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump([_row(f) for f in findings], fh, ensure_ascii=False)
            os.replace(tmp, folder / f"{key}.json")
        except OSError:
            pass  # a read-only or full disk only costs speed


def _row(f: Finding) -> dict:
    fix = None if f.fix is None else [f.fix.start, f.fix.end, f.fix.content, f.fix.safe]
    return {"p": f.path, "l": f.line, "c": f.column, "k": f.code, "el": f.end_line, "ec": f.end_column,
            "n": f.name, "v": int(f.level), "m": f.message, "s": f.start, "e": f.end, "f": fix}


def _finding(r: dict) -> Finding:
    return Finding(r["p"], r["l"], r["c"], r["k"], r["el"], r["ec"], r["n"], Level(r["v"]), r["m"], r["s"], r["e"],
                   Fix(*r["f"]) if r["f"] else None)


# -- worker processes -----------------------------------------------------------------------
_worker = None


def _init_worker(options) -> None:
    global _worker
    from postlint.linter import Linter

    _worker = Linter(options)


def _lint_in_worker(path: Path):
    return _worker.lint_path(path, defer=True)


def lint_inputs(linter, paths, stdin_filename=None, jobs: int = 1, cache: Cache | None = None) -> list:
    """Results for every input in order, with the cross-draft rules run over all of them."""
    from postlint.linter import Result, iter_files

    results: list = []
    pending: list[tuple[int, Path, str | None]] = []  # (index, path, cache key)
    for arg in paths:
        if arg == "-":
            name = stdin_filename or "-"
            results.append(linter.lint_bytes(sys.stdin.buffer.read(), Path(stdin_filename or "stdin.md"), name,
                                             defer=True))
            continue
        for path, problem in iter_files([arg], linter):
            if problem:
                results.append(Result(path.as_posix(), error=problem))
                continue
            key = None
            if cache is not None:
                try:
                    data = path.read_bytes() if path.stat().st_size <= linter.config_for(path).max_file_size else None
                except OSError:
                    data = None
                if data is not None:
                    key = cache.key(path.as_posix(), data, linter.config_for(path).source)
                    hit = cache.get(key)
                    if hit is not None:
                        results.append(Result(path.as_posix(), hit, raw=data.decode("utf-8", "replace")
                                              .removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")))
                        continue
            results.append(None)
            pending.append((len(results) - 1, path, key))
    workers = min(jobs, len(pending) // MIN_FILES_PER_JOB)
    if workers > 1:
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=(linter.options,)) as pool:
            done = pool.map(_lint_in_worker, [p for _, p, _ in pending], chunksize=16)
            for (index, _, _), result in zip(pending, done):
                results[index] = result
    else:
        for index, path, _ in pending:
            results[index] = linter.lint_path(path, defer=True)
    linter.complete(results)
    if cache is not None:
        for index, _, key in pending:
            result = results[index]
            if key and not result.error and not any("scheduled" in e.draft.meta for e in result.entries):
                cache.put(key, result.findings)
    return results
