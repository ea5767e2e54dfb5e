"""Load rule packs: per-rule defaults as TOML, lexicons as text, citations.

The built-in pack lives in the source tree's top-level `rules/` and is shipped inside the
wheel as `postlint/_rules`; `data_path` finds whichever exists.
"""

from __future__ import annotations

import functools
import tomllib
from pathlib import Path
from typing import Any

from postlint.i18n import t
from postlint.paths import rules_root
from postlint.problem import ConfigError

SCOPES = ("channel", "type")


def data_path(*parts: str) -> Path:
    return rules_root().joinpath(*parts)


def read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(t("{path}: invalid TOML: {problem}", path=path, problem=exc)) from None
    except UnicodeDecodeError as exc:
        raise ConfigError(t("{path}: invalid TOML: not UTF-8 (byte {byte})", path=path, byte=exc.start)) from None
    except RecursionError:
        raise ConfigError(t("{path}: invalid TOML: nested too deeply", path=path)) from None
    except OSError as exc:
        raise ConfigError(t("{path}: cannot read: {reason}", path=path, reason=exc.strerror)) from None


@functools.cache
def core_pack() -> dict[str, dict[str, Any]]:
    """Rule name -> default table (with its `channel`/`type` scope tables), from every family file."""
    tables: dict[str, dict[str, Any]] = {}
    for path in sorted(data_path("core").glob("*.toml")):
        if path.name in ("citations.toml", "pack.toml", "sources.toml"):
            continue
        for name, table in read_toml(path).items():
            if name in tables:
                raise ConfigError(f"{path}: [{name}] is defined twice in the core pack")
            tables[name] = {**table, "_file": path.name}
    return tables


@functools.cache
def citations() -> dict[str, dict[str, str]]:
    return read_toml(data_path("core", "citations.toml"))


@functools.cache
def sources() -> dict[str, dict]:
    """Document file -> its title and sections (start line, label), for citing it to readers."""
    return read_toml(data_path("core", "sources.toml"))


@functools.cache
def lexicon(name: str) -> tuple[str, ...]:
    """Terms of `rules/core/lexicons/<name>.txt`: one per line, `#` starts a comment."""
    path = data_path("core", "lexicons", f"{name}.txt")
    terms = []
    for line in path.read_text(encoding="utf-8").splitlines():
        term = line.split("#", 1)[0].strip()
        if term:
            terms.append(term)
    return tuple(terms)


def scoped(table: dict[str, Any], channel: str, type_: str) -> dict[str, Any]:
    """Flatten a rule table for one channel and type: base < type < channel < channel+type."""
    result = {k: v for k, v in table.items() if k not in SCOPES and not k.startswith("_")}
    by_type = table.get("type", {}).get(type_, {})
    by_channel = table.get("channel", {}).get(channel, {})
    result.update(by_type)
    result.update({k: v for k, v in by_channel.items() if k != "type"})
    result.update(by_channel.get("type", {}).get(type_, {}))
    return result
