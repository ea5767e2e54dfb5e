"""The replay of an unchanged `check` run, before anything heavy loads (command.py).

A `check` run whose inputs are unchanged prints what the same run printed before. The key
covers everything the output depends on: postlint itself (version, code and rule pack,
Python and the installed distributions), the arguments, the working directory, the
environment variables the command reads, whether stdout and stderr are terminals, and the
content of every input file, of the draft files and configuration files under every input
folder and of the configuration files above them. Only runs of at most 5,000 files, without
input errors and with at most 4 million characters of output are recorded, under
`<cache-dir>/runs/`. Anything this module cannot account for (stdin, an unknown option,
`--no-cache`, a fixing run) runs normally.

This module imports only the standard library, so a replay costs the interpreter's start-up,
hashing the inputs and writing the output: no click, no rules, no spaCy.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from postlint import options
from postlint.paths import CALENDAR_SUFFIXES, CONFIG_FILES, DRAFT_SUFFIXES, NotRegular, fingerprint, read_up_to, write_atomic

# the options of `postlint check` a replayed run may have (options.py declares them)
FLAGS = frozenset(name for o in options.CHECK if o.flag and o.replayable for name in o.names)
VALUE_OPTIONS = frozenset(name for o in options.CHECK if not o.flag and o.replayable for name in o.names)
# LANGUAGE, LC_ALL, LC_MESSAGES, LANG: the message language (postlint.i18n)
ENVIRONMENT = ("GITHUB_ACTIONS", "POSTLINT_CACHE_DIR", "NO_COLOR", "FORCE_COLOR", "TERM",
               "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")
KEEP_RUNS = 256  # recorded runs kept per cache directory, the newest
MAX_RECORDED = 4_000_000  # characters of output; larger runs are not recorded
MAX_FILES = 5_000  # a larger run is not worth hashing twice: its files come from the per-file cache


def replay_or_recorder(argv: list[str]) -> Recorder | None:
    """Print what the same `check` run printed before and exit with its code; else the
    Recorder that keeps this run's output for the next time (None: it cannot be replayed)."""
    try:
        found = _key(argv) if argv[:1] == ["check"] else None
    except (OSError, RuntimeError, ValueError):  # a symlink loop, an unreadable folder: run normally
        found = None
    if found is None:
        return None
    folder, key = found
    try:
        data = read_up_to(folder / f"{key}.json", 1 << 40)[0]  # never a FIFO
        entry = json.loads(data.decode("utf-8", "surrogateescape"))
        code, out, err = entry["code"], entry["out"], entry["err"]
        if not (type(code) is int and 0 <= code <= 2 and isinstance(out, str) and isinstance(err, str)):
            raise ValueError("not a recorded run")  # edited by hand, or by another program
    except (OSError, ValueError, KeyError, TypeError, RecursionError):
        return Recorder(folder, key)
    if err:
        sys.stderr.write(err + "\n")
    if out:
        sys.stdout.write(out + "\n")
    sys.stdout.flush()
    sys.exit(code)


@dataclass(frozen=True)
class Recorder:
    """Where a run that may be replayed keeps what it printed: the CLI gets it from the
    front door (command.py) and calls `record` at the end."""

    folder: Path
    key: str
    limit: int = MAX_RECORDED  # characters of output; a larger run is not worth recording

    def record(self, out: str, err: str, code: int) -> None:
        # a large run gains little from a replay (its files come from the per-file cache)
        # and would write its whole output again
        if code == 2 or len(out) + len(err) > self.limit:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            write_atomic(self.folder / f"{self.key}.json",
                         json.dumps({"code": code, "out": out, "err": err}, ensure_ascii=False))
            entries = sorted(self.folder.glob("*.json"), key=lambda p: p.stat().st_mtime_ns)
            for old in entries[:-KEEP_RUNS]:
                old.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only or full disk only costs speed


def _key(argv: list[str]) -> tuple[Path, str] | None:
    """(runs folder, key) of a `check` command line, or None when it cannot be replayed."""
    inputs, extra, cache_dir = [], [], os.environ.get("POSTLINT_CACHE_DIR") or ".postlint_cache"
    tokens = iter(argv[1:])
    for token in tokens:
        if token == "--":
            inputs += tokens
        elif token.startswith("-") and token != "-":
            name, eq, value = token.partition("=")
            if name in VALUE_OPTIONS:
                value = value if eq else next(tokens, None)
                if value is None:
                    return None
                if name == "--config":
                    extra.append(value)
                elif name == "--cache-dir":
                    cache_dir = value
            elif name not in FLAGS or eq:
                return None  # --no-cache, --help, --stdin-filename, combined short options, ...
        else:
            inputs.append(token)
    if "-" in inputs:
        return None
    digest = hashlib.sha256()
    state = [fingerprint(), argv, os.getcwd(), [os.environ.get(v) for v in ENVIRONMENT],
             sys.stdout.isatty(), sys.stderr.isatty()]
    digest.update(json.dumps(state).encode())
    # every file named before any is read, and no more than a run may hold: a run too large
    # to replay costs the listing of MAX_FILES files (all 100,000 took a second)
    listed, count = [], 0
    for path in map(Path, (inputs or ["."]) + extra):
        files = list(itertools.islice(_files(path), MAX_FILES + 1 - count))
        count += len(files)
        if count > MAX_FILES:
            return None
        listed.append((path, files))
    seen: set[Path] = set()
    for path, files in listed:
        digest.update(b"\0" + os.fsencode(path) + b"\0")
        starts = [path.resolve() if path.is_dir() else path.resolve().parent]
        for file in files:
            _hash_file(digest, file)
            if os.path.islink(file):  # a link has the configuration of where it points
                starts.append(Path(os.path.realpath(file)).parent)
        for start in starts:
            digest.update(b"\0above\0" + os.fsencode(start))
            # the configuration that applies may live in any folder above
            for folder in (start, *start.parents):
                if folder in seen:
                    break
                seen.add(folder)
                for name in CONFIG_FILES:
                    _hash_file(digest, folder / name)
    return Path(cache_dir) / "runs", digest.hexdigest()


def _files(path: Path) -> Iterator[Path]:
    """The drafts and configuration files of an input, in a stable order."""
    if not path.is_dir():
        yield path
        return
    for folder, dirs, files in os.walk(path):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))  # postlint skips hidden folders
        for name in sorted(files):
            # calendars too: a configuration's `calendars` inside a folder are part of its run
            if name.endswith(DRAFT_SUFFIXES + CALENDAR_SUFFIXES) or name in CONFIG_FILES:
                yield Path(folder, name)


def _hash_file(digest, path: Path) -> None:
    name = b"\0" + os.fsencode(path) + b"\0"  # file names need not be valid UTF-8
    try:
        data = read_up_to(path, 1 << 40)[0]  # never opens a FIFO or a device: a read could block
    except NotRegular:
        digest.update(name + b"special\0")
        return
    except OSError as exc:
        digest.update(name + f"missing {exc.errno}\0".encode())
        return
    digest.update(name + f"{len(data)}\0".encode())
    digest.update(data)
