"""Lint many inputs: a content-hash cache, a process pool for many files, one cross-draft pass.

A file's cached findings are reused when its bytes, its path, its configuration, the
command-line options and postlint itself (version, code and rule pack) are unchanged.
For a draft with `scheduled` only the findings of the single-draft rules are cached: the
schedule rules compare it with the other drafts of the run, so it is parsed again (front
matter, no language analysis) and takes part in that pass. Calendar files are not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import tempfile
from pathlib import Path

from postlint import paths
from postlint.problem import Finding, Fix, Level

# below this many files per worker a pool costs more than it saves (start-up, pickling)
MIN_FILES_PER_JOB = 32


class Cache:
    """Findings per file under `directory`, one JSON file per key, written atomically."""

    def __init__(self, directory: Path, salt: str):
        self.directory = directory
        self.salt = f"{salt}|{paths.fingerprint()}"
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

    def get(self, key: str) -> tuple[bool, list[Finding]] | None:
        """(final, findings): final findings, or those of the single-draft rules only."""
        try:
            entry = json.loads((self.directory / key[:2] / f"{key}.json").read_text(encoding="utf-8"))
            return entry["final"], [_finding(row) for row in entry["findings"]]
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def put(self, key: str, final: bool, findings: list[Finding]) -> None:
        folder = self.directory / key[:2]
        try:
            folder.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by postlint\n*\n", encoding="utf-8")
            # write then rename: concurrent runs never read a half-written entry
            fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump({"final": final, "findings": [_row(f) for f in findings]}, fh, ensure_ascii=False)
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


def _init_worker(options, compact: bool, snippets: bool) -> None:
    global _worker
    from postlint.linter import Linter

    _worker = Linter(options)
    _worker.compact, _worker.snippets = compact, snippets


def _lint_in_worker(path: Path):
    return _worker.lint_path(path, defer=True)


def lint_inputs(linter, paths, stdin_filename=None, jobs: int = 1, cache: Cache | None = None) -> list:
    """Results for every input in order, with the cross-draft rules run over all of them."""
    from postlint import source, tabular
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
            if cache is not None and not tabular.is_calendar(path):
                try:
                    data = path.read_bytes() if path.stat().st_size <= linter.config_for(path).max_file_size else None
                except OSError:
                    data = None
                if data is not None:
                    key = cache.key(path.as_posix(), data, linter.config_for(path).source)
                    hit = cache.get(key)
                    if hit is not None:
                        final, found = hit
                        results.append(Result(path.as_posix(), found, raw=source.decode(data) if linter.snippets else None)
                                       if final else
                                       linter.lint_bytes(data, path, path.as_posix(), defer=True, known=found))
                        continue
            results.append(None)
            pending.append((len(results) - 1, path, key))
    workers = min(jobs, len(pending) // MIN_FILES_PER_JOB)
    if workers > 1:
        from concurrent.futures import ProcessPoolExecutor

        setup = (linter.options, linter.compact, linter.snippets)
        with ProcessPoolExecutor(workers, initializer=_init_worker, initargs=setup) as pool:
            done = pool.map(_lint_in_worker, [p for _, p, _ in pending], chunksize=16)
            for (index, _, _), result in zip(pending, done):
                results[index] = result
    else:
        for index, path, _ in pending:
            results[index] = linter.lint_path(path, defer=True)
    # the single-draft findings of scheduled drafts, before the schedule pass adds to them
    partial = {index: list(results[index].entries[0].findings) for index, _, key in pending
               if key and not results[index].error and "scheduled" in results[index].entries[0].draft.meta}
    linter.complete(results)
    for index, _, key in pending:
        if key and not results[index].error:
            final = index not in partial
            cache.put(key, final, results[index].findings if final else partial[index])
    return results
