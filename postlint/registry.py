"""Discover the rule modules under `postlint.checks` and look rules up by code or name.

A rule module has a Markdown docstring (the user documentation), `CODE`, `NAME`, `OPTIONS`
(option name -> type spec) and exactly one check function, which says when the rule runs
(its phase, see `PHASES`):

- `check(draft, opts)`: on each draft by itself, yielding `Hit`s;
- `check_all(timeline, opts_for)`: once per run, on every draft together (the schedule),
  yielding `(draft, Hit)`;
- `check_suppressions(draft, opts, outcome)`: on each draft after its suppressions were
  applied, with what they did (`suppress.Outcome`); its findings cannot be suppressed.

The family is the sub-package; its docstring describes the family. `rules()` turns each
module into a complete `Rule` record; nothing else looks into rule modules.
"""

from __future__ import annotations

import functools
import importlib
import pkgutil
import types
from dataclasses import dataclass
from typing import Any, Callable, Iterable

import regex

from postlint.i18n import t
from postlint.problem import Level

CODE_RE = regex.compile(r"^PL\d{3}$")
NAME_RE = regex.compile(r"^[a-z]+(?:-[a-z0-9]+)*$")
# Codes of retired rules map to their successors; a retired code is never reused.
ALIASES: dict[str, str] = {}
# check function -> phase
PHASES = {"check": "draft", "check_all": "run", "check_suppressions": "after-suppressions"}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    family_doc: str
    doc: str
    options: dict[str, Any]
    phase: str  # "draft", "run" or "after-suppressions" (PHASES)
    check: Callable[..., Iterable[Any]]  # the phase's check function
    default_level: Level  # from the built-in pack
    module: str
    # a "run" rule that compares texts: "all" drafts or the "scheduled" ones get a
    # fingerprint (similar.py) in the draft phase; None: it sees times only
    texts: str | None = None

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]


def _load(module: types.ModuleType, family: str, family_doc: str, levels: dict) -> Rule:
    for attr in ("CODE", "NAME", "OPTIONS"):
        if not hasattr(module, attr):
            raise RuntimeError(f"rule module {module.__name__} lacks {attr}")
    if not CODE_RE.match(module.CODE) or not NAME_RE.match(module.NAME):
        raise RuntimeError(f"rule module {module.__name__}: bad code {module.CODE!r} or name {module.NAME!r}")
    functions = [name for name in PHASES if hasattr(module, name)]
    if len(functions) != 1:
        raise RuntimeError(f"rule module {module.__name__} needs exactly one of {', '.join(PHASES)}, "
                           f"has {', '.join(functions) or 'none'}")
    if module.NAME not in levels:
        raise RuntimeError(f"rule {module.NAME} has no section in rules/core (its default level)")
    return Rule(module.CODE, module.NAME, family, family_doc, module.__doc__ or "", dict(module.OPTIONS),
                PHASES[functions[0]], getattr(module, functions[0]), Level.parse(levels[module.NAME]["level"]),
                module.__name__, getattr(module, "TEXTS", None))


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by code."""
    from postlint import checks
    from postlint.packs import core_pack

    found, levels = [], core_pack()
    for family in pkgutil.iter_modules(checks.__path__):
        if not family.ispkg:
            continue
        package = importlib.import_module(f"postlint.checks.{family.name}")
        doc = (package.__doc__ or "").strip()
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("_"):
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                found.append(_load(module, family.name, doc, levels))
    found.sort(key=lambda r: r.code)
    for a, b in zip(found, found[1:]):
        if a.code == b.code:
            raise RuntimeError(f"duplicate rule code {a.code}: {a.module} and {b.module}")
    return tuple(found)


@functools.cache
def _index() -> dict[str, Rule]:
    index: dict[str, Rule] = {}
    for rule in rules():
        index[rule.code] = index[rule.name] = rule
    for old, new in ALIASES.items():
        index[old] = index[new]
    return index


def lookup(key: str) -> Rule | None:
    """A rule by code (case-insensitive) or name."""
    return _index().get(key.upper() if key[:2].lower() == "pl" else key.lower())


def suggestion(key: str) -> str:
    """ " (did you mean 'too-many-hashtags'?)" for a misspelt rule name or code, or ""."""
    import difflib

    if key[:2].lower() == "pl" and len(key) < 5:  # a family prefix ("PL9"): no code is "close" to it
        return ""
    names = sorted({r.name for r in rules()} | {r.code for r in rules()})
    close = difflib.get_close_matches(key.upper() if key[:2].lower() == "pl" else key.lower(), names, n=1, cutoff=0.75)
    return t(" (did you mean {name}?)", name=repr(close[0])) if close else ""

