"""Discover the rule modules under `postlint.checks` and look rules up by code or name.

A rule module has a Markdown docstring (the user documentation), `CODE`, `NAME`, `OPTIONS`
(option name -> type spec) and `check(draft, opts)` yielding `Hit`s; a rule that needs every
draft of a run also has `check_all(timeline, opts_for)` (see `postlint.linter`). The family
is the sub-package; its docstring describes the family.
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
DOCS_URL = "https://github.com/postlint/postlint/blob/main/docs/rules/{name}.md"
# Codes of retired rules map to their successors; a retired code is never reused.
ALIASES: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    name: str
    family: str
    family_doc: str
    doc: str
    options: dict[str, Any]
    check: Callable[..., Iterable[Any]]
    module: str

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0]

    @property
    def default_level(self) -> Level:
        from postlint.packs import core_pack

        return Level.parse(core_pack()[self.name]["level"])


def _load(module: types.ModuleType, family: str, family_doc: str) -> Rule:
    for attr in ("CODE", "NAME", "OPTIONS", "check"):
        if not hasattr(module, attr):
            raise RuntimeError(f"rule module {module.__name__} lacks {attr}")
    if not CODE_RE.match(module.CODE) or not NAME_RE.match(module.NAME):
        raise RuntimeError(f"rule module {module.__name__}: bad code {module.CODE!r} or name {module.NAME!r}")
    return Rule(module.CODE, module.NAME, family, family_doc, module.__doc__ or "", dict(module.OPTIONS),
                module.check, module.__name__)


@functools.cache
def rules() -> tuple[Rule, ...]:
    """Every registered rule, sorted by code."""
    from postlint import checks

    found = []
    for family in pkgutil.iter_modules(checks.__path__):
        if not family.ispkg:
            continue
        package = importlib.import_module(f"postlint.checks.{family.name}")
        doc = (package.__doc__ or "").strip()
        for info in pkgutil.iter_modules(package.__path__):
            if not info.name.startswith("_"):
                module = importlib.import_module(f"{package.__name__}.{info.name}")
                found.append(_load(module, family.name, doc))
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

    names = sorted({r.name for r in rules()} | {r.code for r in rules()})
    close = difflib.get_close_matches(key.upper() if key[:2].lower() == "pl" else key.lower(), names, n=1, cutoff=0.75)
    return t(" (did you mean {name}?)", name=repr(close[0])) if close else ""


def docs_url(name: str) -> str:
    return DOCS_URL.format(name=name)
