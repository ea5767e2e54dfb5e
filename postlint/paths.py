"""Where postlint finds its own files and the user's: names, suffixes, the rule pack, a fingerprint.

Standard library only: the replay of an unchanged run (`replay.py`) needs these before
anything else is imported.
"""

from __future__ import annotations

import functools
import errno
import hashlib
import os
import stat
import sys
from pathlib import Path

from postlint import __version__

CONFIG_FILES = (".postlint.toml", "postlint.toml", "pyproject.toml")
DRAFT_SUFFIXES = (".md", ".markdown", ".txt")  # what a folder contributes to a run
PACKAGE = Path(__file__).resolve().parent
DOCS_URL = "https://github.com/postlint/postlint/blob/main/docs/rules/{name}.md"


@functools.cache
def rules_root() -> Path:
    """The built-in rule pack: shipped in the wheel as `postlint/_rules`, `rules/` in the source tree."""
    shipped = PACKAGE / "_rules"
    return shipped if shipped.is_dir() else PACKAGE.parent / "rules"


@functools.cache
def fingerprint() -> str:
    """postlint's version, code and rule pack (file names, sizes and modification times), the
    Python version and the installed distributions: an upgrade of spaCy, regex, pyphen or
    anything else in the environment can change findings, so it must not replay old ones."""
    digest = hashlib.sha256(f"{__version__}|{sys.version}".encode())
    digest.update("|".join(installed()).encode(errors="surrogateescape"))
    for root in (PACKAGE, rules_root()):
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith((".py", ".toml", ".txt")):
                    st = os.stat(os.path.join(folder, name))
                    digest.update(f"{folder}/{name}:{st.st_mtime_ns}:{st.st_size}".encode())
    return digest.hexdigest()


def installed() -> list[str]:
    """The names of the distributions installed in site-packages (`spacy-3.8.2.dist-info`),
    which carry their versions. One directory listing each: importlib.metadata would cost
    ~100 ms of import in the replay of an unchanged run, which has to be quick."""
    found = []
    for entry in sys.path:
        if os.path.basename(entry) in ("site-packages", "dist-packages"):
            try:
                found += sorted(n for n in os.listdir(entry) if n.endswith((".dist-info", ".egg-info")))
            except OSError:
                pass
    return found


def docs_url(name: str) -> str:
    """Where the documentation of the rule `name` is published."""
    return DOCS_URL.format(name=name)


def write_atomic(path: Path, text: str) -> None:
    """Write `text` next to `path`, then rename it into place: concurrent runs never read a
    half-written file. Raises OSError."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")  # one writer per process
    try:
        with open(tmp, "w", encoding="utf-8", errors="surrogateescape") as fh:  # file names from bytes
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        tmp.unlink(missing_ok=True)
        raise


class NotRegular(OSError):
    """A FIFO, device or socket where a draft was expected: never opened for reading, as a
    read could block forever or have effects."""

    def __init__(self, mode: int):
        super().__init__(f"not a regular file ({kind(mode)}), skipped")


def kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder")):
        if test(mode):
            return name
    return "not a file"


def read_up_to(path: Path | str, limit: int) -> tuple[bytes | None, int]:
    """(the file's bytes, its size); None for the bytes when it is larger than `limit`.
    One stat, one open, one fstat and a read: Path.stat() plus Path.read_bytes() cost five
    times as much, ~30 µs a draft. Raises OSError as they do, NotRegular for anything but a
    regular file (checked before opening, and again on what was opened)."""
    mode = os.stat(path).st_mode
    if stat.S_ISDIR(mode):  # as open() reports it
        raise IsADirectoryError(errno.EISDIR, os.strerror(errno.EISDIR), str(path))
    if not stat.S_ISREG(mode):
        raise NotRegular(mode)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_BINARY", 0) | getattr(os, "O_NONBLOCK", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):  # swapped since the stat
            raise NotRegular(st.st_mode)
        size = st.st_size
        if size > limit:
            return None, size
        chunks = []
        while chunk := os.read(fd, max(size, 1 << 16)):  # until the end: a file may grow
            chunks.append(chunk)
        return b"".join(chunks), size
    finally:
        os.close(fd)
