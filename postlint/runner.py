"""Lint many inputs: a content-hash cache, a process pool for many files, results streamed.

Results come out in input order as they are done. A draft with `scheduled` waits for the
schedule pass, which needs every draft of the run; the results from it on wait with it, on
disk, while memory holds only what the pass reads of each scheduled draft.

A file's cached findings are reused when its bytes, its path, its configuration, the
command-line options and postlint itself (version, code and rule pack) are unchanged
(`Cache`; a whole unchanged run is replayed before this module loads, see replay.py).
For a draft with `scheduled` only the findings of the single-draft rules are cached: the
schedule pass compares it with the other drafts of the run, so it is parsed again (front
matter, no language analysis) and takes part in that pass. Calendar files are not cached.
"""

from __future__ import annotations

import gc
import hashlib
import json
import os
import pickle
import sys
from dataclasses import dataclass
from pathlib import Path

from postlint import accounts as accounts_mod
from postlint import paths
from postlint.problem import Finding, Fix, Level

# below this many files per worker a pool costs more than it saves (start-up, pickling)
MIN_FILES_PER_JOB = 32
KEYED = "keyed where linted"  # for a cache key: the file is keyed when it is linted (`_lint`)


class Cache:
    """Findings per file under `directory`, in 256 shard files by the key's first two hex
    digits (`<xx>.jsonl`): one line per entry, `key<TAB>[final, rows]`, the last line of a key
    wins. Shards are read when first needed; new entries are appended, one write per shard
    every `FLUSH` entries and at the end of a run, so a large run never rewrites what it
    wrote before and runs at the same time only add lines (a line cut short is a miss). A
    shard past `COMPACT_BYTES` is rewritten, atomically, with its `KEEP` newest entries.
    """

    KEEP = 4096
    FLUSH = 2000
    COMPACT_BYTES = 8 << 20

    def __init__(self, directory: Path, salt: str):
        self.directory = directory
        self.salt = f"{salt}|{paths.fingerprint()}"
        self._configs: dict[str, str] = {}
        self._shards: dict[str, dict[str, str]] = {}  # key -> entry JSON, parsed when used
        self._new: dict[str, list[str]] = {}  # shard -> lines to append
        self._pending = 0

    def key(self, display: str, data: bytes, config_source: str) -> str:
        if config_source not in self._configs:
            try:
                self._configs[config_source] = hashlib.sha256(Path(config_source).read_bytes()).hexdigest()
            except OSError:
                self._configs[config_source] = config_source
        # the accounts file is part of the configuration: its rules read `Draft.account`
        accounts = accounts_mod.DIGESTS.get(config_source, "")
        head = f"{self.salt}|{display}|{self._configs[config_source]}|{accounts}|"
        digest = hashlib.sha256(head.encode(errors="surrogateescape"))  # file names need not be valid UTF-8
        digest.update(data)
        return digest.hexdigest()

    def empty(self) -> bool:
        """Whether no run has saved entries here yet: then every file will be linted."""
        return not any(self.directory.glob("*.jsonl"))

    def _read(self, prefix: str) -> dict[str, str]:
        try:
            data = paths.read_up_to(self.directory / f"{prefix}.jsonl", 1 << 40)[0]  # never a FIFO
        except OSError:
            return {}
        text = data.decode("utf-8", "surrogateescape")
        entries: dict[str, str] = {}
        for line in text.split("\n"):
            key, tab, entry = line.partition("\t")
            if tab:
                entries.pop(key, None)  # newest last, for compaction
                entries[key] = entry
        return entries

    def get(self, key: str) -> tuple[bool, list[Finding]] | None:
        """(final, findings): final findings, or those of the single-draft rules only."""
        if key[:2] not in self._shards:
            self._shards[key[:2]] = self._read(key[:2])
        try:
            final, rows = json.loads(self._shards[key[:2]][key])
            return bool(final), [_finding(row) for row in rows]
        except (KeyError, TypeError, ValueError, RecursionError):
            return None

    @staticmethod
    def entry(final: bool, findings: list[Finding]) -> str:
        return json.dumps([final, [_row(f) for f in findings]], ensure_ascii=False)

    def put(self, key: str, entry: str) -> None:
        self._new.setdefault(key[:2], []).append(f"{key}\t{entry}\n")
        self._pending += 1
        if self._pending >= self.FLUSH:
            self.save()

    def save(self) -> None:
        """Append this run's new entries to their shards."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            ignore = self.directory / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by postlint\n*\n", encoding="utf-8")
            for prefix, lines in self._new.items():
                path = self.directory / f"{prefix}.jsonl"
                data = "".join(lines).encode("utf-8", "surrogateescape")
                # O_NONBLOCK: a FIFO in its place fails (ENXIO) instead of blocking the run
                fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o644)
                try:
                    while data:  # one write for the whole chunk, unless the disk writes less
                        data = data[os.write(fd, data):]
                    size = os.fstat(fd).st_size
                finally:
                    os.close(fd)
                if size > self.COMPACT_BYTES:
                    kept = list(self._read(prefix).items())[-self.KEEP:]
                    paths.write_atomic(path, "".join(f"{k}\t{v}\n" for k, v in kept))
        except OSError:
            pass  # a read-only or full disk only costs speed
        self._new, self._pending = {}, 0


def _row(f: Finding) -> list:
    """A finding as a cache row: its fields in order (a list holds less than a dict while
    a run's entries wait to be saved)."""
    fix = None if f.fix is None else [f.fix.start, f.fix.end, f.fix.content, f.fix.safe, f.fix.line, f.fix.column,
                                      f.fix.end_line, f.fix.end_column]
    return [f.path, f.line, f.column, f.code, f.end_line, f.end_column, f.name, int(f.level), f.message, f.start,
            f.end, fix]


def _finding(r: list) -> Finding:
    """The finding of a cache row; ValueError for a row that is not one (edited by hand)."""
    path, line, column, code, end_line, end_column, name, level, message, start, end, fix = r
    if not (all(isinstance(v, str) for v in (path, code, name, message))
            and all(type(v) is int and v >= 0 for v in (line, column, end_line, end_column, start, end))
            and (fix is None or (isinstance(fix, list) and len(fix) == 8 and isinstance(fix[2], str)
                                 and isinstance(fix[3], bool) and all(type(v) is int for v in fix[:2] + fix[4:])))):
        raise ValueError("not a cached finding")
    return Finding(path, line, column, code, end_line, end_column, name, Level(level), message, start, end,
                   Fix(*fix) if fix else None)


# -- worker processes -----------------------------------------------------------------------
_worker = _worker_cache = None


WORKER_GC_THRESHOLD = 10_000  # allocations between two collections of the youngest objects

# a post in each language, linted when a worker starts: it loads what the selected rules
# load (spaCy, lexicons, hyphenation), which a pool started early does while the main
# process still reads the inputs
WARM_UP = ("Was meint ihr? Schreibt es uns in die Kommentare! #KI #Mittelstand",
           "What do you think? Tell us in the comments! #AI #Leadership")


def _init_worker(options, compact: bool, snippets: bool, cache: Cache | None = None) -> None:
    global _worker, _worker_cache
    import signal

    from postlint.linter import Linter

    # Ctrl-C reaches the whole process group: the main process ends the workers (stop_workers)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)

    _worker, _worker_cache = Linter(options), cache
    _worker.compact, _worker.snippets = compact, snippets
    # a draft makes thousands of short-lived containers, and the caches of the last few
    # drafts keep some alive: at the default threshold (700) the collector ran every ~20
    # drafts and walked all of those, ~35 µs a draft (gc callbacks); at 10,000, ~7 µs
    gc.set_threshold(WORKER_GC_THRESHOLD, *gc.get_threshold()[1:])
    for text in WARM_UP:
        try:
            _worker.lint_text(text, Path("postlint-warm-up.md"), "postlint-warm-up.md")
        except Exception:  # noqa: BLE001 - only speed is at stake; the inputs' own lint reports errors
            return


def _pool(linter, workers: int, cache: Cache | None):
    from concurrent.futures import ProcessPoolExecutor

    from postlint import registry

    # this process needs the rule modules for the schedule pass, at the end of the run: loaded
    # now, the workers are forked with them instead of each loading them again (~60 ms)
    registry.rules()
    pool = ProcessPoolExecutor(workers, initializer=_init_worker,
                               initargs=(linter.options, linter.compact, linter.snippets, cache))
    for _ in range(workers):  # start them now
        pool.submit(int)
    _POOLS.append(pool)
    return pool


_POOLS: list = []  # the pools of this process that may have live workers


def _forget(pool) -> None:
    if pool in _POOLS:
        _POOLS.remove(pool)


def stop_workers() -> None:
    """End the workers of every pool now (SIGINT, SIGTERM: command.py); the pool's own
    thread fails their futures as it finds them gone."""
    # in a signal handler: no pool method, as the interrupted code may hold the pool's lock
    # (submit does), which is not reentrant; the unwinding shuts the pools down
    for pool in list(_POOLS):
        for _ in range(3):  # the pool's thread may change the dict meanwhile
            try:
                processes = list((getattr(pool, "_processes", None) or {}).values())
                break
            except RuntimeError:
                processes = []
        for process in processes:
            try:
                process.terminate()
            except (OSError, AttributeError):  # gone already, or not started
                pass


def _stop(pool) -> None:
    """End a pool whose workers may still be starting (importing spaCy takes a second)."""
    _forget(pool)
    terminate = getattr(pool, "terminate_workers", None)  # Python 3.14
    if terminate is not None:
        terminate()
        return
    for process in list(getattr(pool, "_processes", {}).values()):
        process.terminate()
    pool.shutdown(wait=False, cancel_futures=True)


def _lint_in_worker(task: tuple[str, str | None]):
    return _lint(_worker, task, _worker_cache)


def _entry(result) -> str | None:
    """The cache entry of a linted (deferred) result, None for an error: a scheduled draft's
    holds only its single-draft findings, and is not final."""
    if result.error:
        return None
    waits = bool(result.entries)
    return Cache.entry(not waits, result.entries[0].findings if waits else result.findings)


def _lint(linter, task: tuple[str, str | None], cache: Cache | None):
    """(cache key, cache entry, result) of linting a file. With KEYED for a key, the file is
    keyed by the bytes that were linted: a run that starts with an empty cache looks
    nothing up, so it reads each file once, where it is linted."""
    name, key = task
    if key != KEYED:
        result = linter.lint_path(Path(name), defer=True)
        return key, (_entry(result) if key else None), result
    path = Path(name)
    read = linter.read(path, name)
    if isinstance(read, tuple):
        cfg, data = read
        result = linter.lint_bytes(data, path, name, cfg, defer=True)
        return cache.key(name, data, cfg.source), _entry(result), result
    return None, None, read  # too large or unreadable


def lint_inputs(linter, args, stdin_filename=None, jobs: int = 1, cache: Cache | None = None):
    """Every input's final result, in order, as they are done (an iterator). Inputs are
    read, and their cache entries looked up, before this returns: configuration errors
    surface here, before any result."""
    from postlint import tabular
    from postlint.linter import Result, iter_files

    # a run that will lint many files with nothing to look up starts its workers before it
    # reads them, as soon as it has listed enough files for all of them
    pool, candidates = None, 0
    fresh = cache is not None and cache.empty()
    early = jobs > 1 and (cache is None or fresh)
    listed: list[tuple[str | None, str | None]] = []  # (file, problem); None: stdin
    seen: set[str] = set()
    try:
        for arg in args:
            if arg == "-":
                listed.append((None, None))
                continue
            for path, problem in iter_files([arg], linter, seen):
                listed.append((path.as_posix(), problem))
                candidates += not problem
                if early and pool is None and candidates == jobs * MIN_FILES_PER_JOB:
                    pool = _pool(linter, jobs, cache)
    except BaseException:  # a broken configuration further down: no waiting for the workers
        if pool is not None:
            _stop(pool)
        raise
    if early and pool is None and candidates >= 2 * MIN_FILES_PER_JOB:
        pool = _pool(linter, min(jobs, candidates // MIN_FILES_PER_JOB), cache)
    # a Result, a cache hit (_Cached), or what to lint: (path, key); paths as strings, which
    # hold less than Path objects in a list of every input of a large run
    inputs: list = []
    for name, problem in listed:
        if name is None:
            stdin_path = Path(stdin_filename or "stdin.md")
            # no more than the limit allows, and one byte to tell that it is over
            data = sys.stdin.buffer.read(linter.config_for(stdin_path).max_file_size + 1)
            inputs.append(linter.lint_bytes(data, stdin_path, stdin_filename or "-", defer=True))
        elif problem:
            inputs.append(Result(name, error=problem))
        elif cache is None or tabular.is_calendar(Path(name)):
            inputs.append((name, None))
        elif fresh:
            inputs.append((name, KEYED))
        else:
            read = linter.read(Path(name), name)  # unreadable: linting it says why
            key = cache.key(name, read[1], read[0].source) if isinstance(read, tuple) else None
            hit = None if key is None else cache.get(key)
            inputs.append((name, key) if hit is None else _Cached(name, key, hit[0]))
    return _results(linter, inputs, jobs, cache, pool)


@dataclass(slots=True, frozen=True)
class _Cached:
    path: str
    key: str
    final: bool  # else the single-draft findings of a scheduled draft: the schedule pass runs again


def _results(linter, inputs: list, jobs: int, cache: Cache | None, pool=None):
    """The results in order. Until the first result that waits for the schedule pass, each
    is handed over as it comes; from there on they wait, in a temporary file when results
    are compact, and only what the pass reads of their drafts stays in memory."""
    from postlint.linter import Entry

    queued = [item for item in inputs if isinstance(item, tuple)]
    workers = min(jobs, len(queued) // MIN_FILES_PER_JOB)
    if pool is None and workers > 1:  # the workers need the cache only to key files
        pool = _pool(linter, workers, cache if any(key == KEYED for _, key in queued) else None)
    if pool is not None:
        done = pool.map(_lint_in_worker, queued, chunksize=64)
    else:
        done = (_lint(linter, task, cache) for task in queued)
    held = _Held(linter.compact)
    timeline: list[tuple[int, int, Entry]] = []  # (input, entry number, what the pass reads)
    # what this process keeps (results held for the schedule pass, the timeline) holds no
    # reference cycles, yet every full collection walked all of it again: ~20% of its CPU
    collecting = gc.isenabled()
    gc.disable()
    try:
        for index, item in enumerate(inputs):
            if isinstance(item, _Cached):
                result = _from_cache(linter, item, cache)
            elif isinstance(item, tuple):
                key, entry, result = next(done)
                if key and entry:
                    cache.put(key, entry)
            else:
                result = item
            inputs[index] = None
            if result.entries:
                for number, entry in enumerate(result.entries):
                    if entry.on_schedule:
                        timeline.append((index, number, Entry(entry.draft.on_timeline(), entry.row, cross=entry.cross)))
                held.add(index, result)
            elif held:
                held.add(index, result)
            else:
                yield result
        if pool is not None:
            pool.shutdown()
            _forget(pool)
            pool = None
        linter.cross_draft([entry for _, _, entry in timeline])
        schedule: dict[int, dict[int, list]] = {}
        for index, number, entry in timeline:
            schedule.setdefault(index, {})[number] = entry.findings
        del timeline[:]
        for index, result in held:
            if result.entries:
                linter.finish(result, schedule.get(index))
            yield result
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
            _forget(pool)
        if cache is not None:
            cache.save()
        if collecting:
            gc.enable()


def _from_cache(linter, item: _Cached, cache: Cache):
    from postlint import source
    from postlint.linter import Result
    from postlint.problem import InputError

    found, path = cache.get(item.key)[1], Path(item.path)
    try:
        data = paths.read_up_to(path, 1 << 40)[0] if linter.snippets or not item.final else None
    except OSError as exc:  # gone since it was read, or no longer a regular file
        return Result(item.path, error=f"cannot read file: {exc.strerror or exc}")
    if not item.final:
        return linter.lint_bytes(data, path, item.path, defer=True, known=found)
    try:
        raw = source.decode(data) if data is not None else None
    except InputError:
        raw = None  # changed since it was read: the findings, without snippets
    return Result(item.path, found, raw=raw)


class _Held:
    """Results that wait for the schedule pass, in order: the first `IN_MEMORY` in a list,
    the rest of a compact run (many files) pickled to a temporary file in batches (one
    pickle per result cost twice as much, and a batch shares its drafts' rule plans)."""

    IN_MEMORY = 10000  # ~4 KB each; a run of 100,000 files stays under 300 MB
    BATCH = 256

    def __init__(self, spill: bool):
        self.spill, self.items, self.batch, self.file, self.batches = spill, [], [], None, 0

    def __bool__(self) -> bool:
        return bool(self.items or self.batch) or self.file is not None

    def add(self, index: int, result) -> None:
        if not self.spill or len(self.items) < self.IN_MEMORY:
            self.items.append((index, result))
            return
        self.batch.append((index, result))
        if len(self.batch) >= self.BATCH:
            self._dump()

    def _dump(self) -> None:
        if self.file is None:
            import tempfile

            self.file = tempfile.TemporaryFile()
        pickle.dump(self.batch, self.file, pickle.HIGHEST_PROTOCOL)
        self.batch, self.batches = [], self.batches + 1

    def __iter__(self):
        items, self.items = self.items, []
        for i, item in enumerate(items):
            items[i] = None  # printed: let it go
            yield item
        if self.batch:
            self._dump()
        if self.file is None:
            return
        self.file.seek(0)
        with self.file:
            for _ in range(self.batches):
                yield from pickle.load(self.file)
