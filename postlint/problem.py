"""Records that flow through the linter: what checks yield and what users see."""

from __future__ import annotations

import dataclasses
import enum
import operator
import reprlib
from dataclasses import dataclass, field


def pickled_by_fields(cls):
    """Pickle a slots dataclass as its constructor's arguments. The `__getstate__` and
    `__setstate__` that dataclasses give slots classes walk `fields()` for every object:
    ~0.6 s of the main process in a 10,000-draft run (cProfile), as results cross between
    processes and to the spill file."""
    values = operator.attrgetter(*(f.name for f in dataclasses.fields(cls)))
    cls.__reduce__ = lambda self: (type(self), values(self))
    return cls


def quick_init(cls):
    """Give a frozen slots dataclass an `__init__` that stores each field through its slot
    directly. The generated one calls `object.__setattr__` per field, which looks the slot
    up by name each time: 3.6 -> 1.2 µs for a Finding. A run makes some twenty such records
    per draft (sentences, entities, hits, findings) and unpickles every finding once more.
    Same signature, defaults and frozenness; fields with a default factory are not supported."""
    params, lines, names = [], [], {}
    for n, f in enumerate(dataclasses.fields(cls)):
        if f.default_factory is not dataclasses.MISSING or not f.init:
            raise TypeError(f"quick_init: {cls.__name__}.{f.name} needs the generated __init__")
        names[f"_set{n}"] = getattr(cls, f.name).__set__
        if f.default is dataclasses.MISSING:
            params.append(f.name)
        else:
            names[f"_default{n}"] = f.default
            params.append(f"{f.name}=_default{n}")
        lines.append(f"    _set{n}(self, {f.name})")
    exec(f"def __init__(self, {', '.join(params)}):\n" + "\n".join(lines), names)  # noqa: S102 - as dataclasses does
    init = names["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    cls.__init__ = init
    return cls


class Level(enum.IntEnum):
    """Finding severity. The order matters: `--fail-on` compares levels."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> "Level":
        try:
            return cls[value.upper()]
        except KeyError:
            raise ValueError(f"unknown level {value!r} (expected error, warning or info)") from None

    def __str__(self) -> str:
        return self._name_.lower()  # `name` is a descriptor: a Python call per finding printed


@pickled_by_fields
@quick_init
@dataclass(frozen=True, slots=True)
class Fix:
    """A replacement of `start:end` (offsets into the file text) by `content`."""

    start: int
    end: int
    content: str
    safe: bool = True


@quick_init
@dataclass(frozen=True, slots=True)
class Hit:
    """What a check yields: a span and a message; the linter adds everything else.

    Offsets are code points into the post text (`Draft.text`), end exclusive. With
    `raw=True` they point into the whole file instead (front matter findings).
    """

    start: int
    end: int
    message: str
    raw: bool = False
    fix: Fix | None = None


@pickled_by_fields
@quick_init
@dataclass(frozen=True, slots=True, order=True)
class Finding:
    """A problem as users see it. Lines and columns are 1-based, columns in code points."""

    path: str
    line: int
    column: int
    code: str
    end_line: int
    end_column: int
    name: str = field(compare=False)
    level: Level = field(compare=False)
    message: str = field(compare=False)
    start: int = field(compare=False, default=0)
    end: int = field(compare=False, default=0)
    fix: Fix | None = field(compare=False, default=None)


# the order of findings (their compared fields) as a sort key: the generated `__lt__` is a
# Python call per comparison, and a run sorts every draft's findings
FINDING_ORDER = operator.attrgetter("path", "line", "column", "code", "end_line", "end_column")


class InputError(Exception):
    """A file that cannot be linted: unreadable, binary, not UTF-8, too big, bad front matter.

    The message is one line and does not repeat the path; the CLI prefixes it.
    """


class ConfigError(Exception):
    """A configuration file or option that is invalid. The message names file, table and key."""


_SHORT = reprlib.Repr()
_SHORT.maxstring = _SHORT.maxother = 60
_SHORT.maxlevel, _SHORT.maxlist, _SHORT.maxtuple, _SHORT.maxdict, _SHORT.maxset = 2, 4, 4, 4, 4


def short(value) -> str:
    """`repr(value)`, shortened for a message (reprlib): a value from a user's file may be a
    megabyte of text, or a YAML alias bomb that a plain repr expands to gigabytes."""
    return _SHORT.repr(value)
