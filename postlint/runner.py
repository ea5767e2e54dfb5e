"""Lint many inputs: a content-hash cache, a process pool for many files, one cross-draft pass.

A file's cached findings are reused when its bytes, its path, its configuration, the
command-line options and postlint itself (version, code and rule pack) are unchanged
(`Cache`; a whole unchanged run is replayed before this module loads, see replay.py).
For a draft with `scheduled` only the findings of the single-draft rules are cached: the
schedule rules compare it with the other drafts of the run, so it is parsed again (front
matter, no language analysis) and takes part in that pass. Calendar files are not cached.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

from postlint import paths
from postlint.problem import Finding, Fix, Level

# below this many files per worker a pool costs more than it saves (start-up, pickling)
MIN_FILES_PER_JOB = 32


class Cache:
    """Findings per file under `directory`, in 256 shards by the key's first two hex digits
    (`<xx>.json`, key -> entry). Shards are read when first needed and written at the end
    of a run, or every `FLUSH` new entries (`save`): one file per draft cost more than
    linting it on some disks.

    A shard is written atomically and merged with what another run saved meanwhile, so
    concurrent runs lose at most each other's new entries, never mix them up. Each shard
    keeps the `KEEP` most recently used entries.
    """

    KEEP = 4096
    FLUSH = 20000

    def __init__(self, directory: Path, salt: str):
        self.directory = directory
        self.salt = f"{salt}|{paths.fingerprint()}"
        self._configs: dict[str, str] = {}
        self._shards: dict[str, dict] = {}
        self._used: dict[str, dict] = {}  # shard -> entries this run wrote or read
        self._pending = 0

    def key(self, display: str, data: bytes, config_source: str) -> str:
        if config_source not in self._configs:
            try:
                self._configs[config_source] = hashlib.sha256(Path(config_source).read_bytes()).hexdigest()
            except OSError:
                self._configs[config_source] = config_source
        head = f"{self.salt}|{display}|{self._configs[config_source]}|"
        digest = hashlib.sha256(head.encode(errors="surrogateescape"))  # file names need not be valid UTF-8
        digest.update(data)
        return digest.hexdigest()

    def _shard(self, prefix: str) -> dict:
        if prefix not in self._shards:
            self._shards[prefix] = self._read(prefix)
        return self._shards[prefix]

    def _read(self, prefix: str) -> dict:
        try:
            text = (self.directory / f"{prefix}.json").read_text(encoding="utf-8", errors="surrogateescape")
            found = json.loads(text)
            return found if isinstance(found, dict) else {}
        except (OSError, ValueError):
            return {}

    def get(self, key: str) -> tuple[bool, list[Finding]] | None:
        """(final, findings): final findings, or those of the single-draft rules only."""
        entry = self._shard(key[:2]).get(key)
        try:
            found = entry["final"], [_finding(row) for row in entry["findings"]]
        except (KeyError, TypeError, ValueError):
            return None
        self._used.setdefault(key[:2], {})[key] = entry
        return found

    def put(self, key: str, final: bool, findings: list[Finding]) -> None:
        self._used.setdefault(key[:2], {})[key] = {"final": final, "findings": [_row(f) for f in findings]}
        self._pending += 1
        if self._pending >= self.FLUSH:  # a large run's new entries need not all wait in memory
            self.save()

    def save(self) -> None:
        """Write the shards this run used: what is on disk now, then this run's entries last."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by postlint\n*\n", encoding="utf-8")
            for prefix, used in self._used.items():
                entries = {k: v for k, v in self._read(prefix).items() if k not in used}
                entries.update(used)
                kept = dict(list(entries.items())[-self.KEEP:])
                paths.write_atomic(self.directory / f"{prefix}.json", json.dumps(kept, ensure_ascii=False))
        except OSError:
            pass  # a read-only or full disk only costs speed
        self._used, self._pending = {}, 0


def _row(f: Finding) -> list:
    """A finding as a cache row: its fields in order (a list holds less than a dict while
    a run's entries wait to be saved)."""
    fix = None if f.fix is None else [f.fix.start, f.fix.end, f.fix.content, f.fix.safe]
    return [f.path, f.line, f.column, f.code, f.end_line, f.end_column, f.name, int(f.level), f.message, f.start,
            f.end, fix]


def _finding(r: list) -> Finding:
    path, line, column, code, end_line, end_column, name, level, message, start, end, fix = r
    return Finding(path, line, column, code, end_line, end_column, name, Level(level), message, start, end,
                   Fix(*fix) if fix else None)


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
                        raw = source.decode(data) if linter.snippets else None
                        results.append(Result(path.as_posix(), found, raw=raw) if final else
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
               if key and results[index].entries and "scheduled" in results[index].entries[0].draft.meta}
    linter.complete(results)
    if cache is not None:
        for index, _, key in pending:
            if key and not results[index].error:
                final = index not in partial
                cache.put(key, final, results[index].findings if final else partial[index])
        cache.save()
    return results
