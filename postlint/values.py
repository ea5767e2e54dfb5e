"""Validating one configuration value against its type: a one-line ConfigError that names
where the value stands. Shared by the configuration (config.py) and the calendar-file
settings it holds (tabular.py), which would otherwise import each other."""

from __future__ import annotations

from typing import Any

from postlint.i18n import N_, t
from postlint.problem import ConfigError, short

MAX_NUMBER = 1_000_000_000  # the largest value of a numeric option: limits are counts, hours, scores


def _type_name(spec) -> str:
    if isinstance(spec, tuple):
        return t("one of {values}", values=", ".join(map(str, spec)))
    return t({list: N_("a list of strings"), bool: N_("true or false"), int: N_("an integer"), float: N_("a number"),
              str: N_("a string")}[spec])


def check_value(value: Any, spec: Any, where: str) -> Any:
    """Validate one option value against its type spec; raise ConfigError naming `where`."""
    ok = {
        bool: lambda v: isinstance(v, bool),
        int: lambda v: isinstance(v, int) and not isinstance(v, bool),
        float: lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
        str: lambda v: isinstance(v, str),
        list: lambda v: isinstance(v, list) and all(isinstance(x, str) for x in v),
    }.get(spec, lambda v: v in spec)(value)
    if not ok:
        raise ConfigError(t("{where}: expected {type}, got {value}", where=where, type=_type_name(spec), value=short(value)))
    # counts are never negative; scores may be (Flesch), but not infinite or nan
    low = 0 if spec is int else -MAX_NUMBER
    if spec in (int, float) and not low <= value <= MAX_NUMBER:  # also false for nan
        raise ConfigError(t("{where}: expected {type} from {low} to {high}, got {value}", where=where,
                              type=_type_name(spec), low=format(low, ","), high=format(MAX_NUMBER, ","), value=short(value)))
    return value
