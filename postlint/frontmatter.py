"""Validate front matter values. Problems become findings of the meta rule, never crashes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

CHANNELS = ("linkedin", "x", "instagram", "facebook", "xing")
TYPES = ("post", "article", "connection-note", "about", "headline", "comment", "message")
LANGS = ("de", "en")


@dataclass(frozen=True, slots=True)
class Rejected:
    """A value its reader could not take, such as a calendar cell with a date in the wrong form."""

    reason: str


def _choice(options):
    def check(value):
        if not isinstance(value, str):
            return None, f"expected one of {', '.join(options)}, got {type(value).__name__}"
        if value.lower() not in options:
            return None, f"unknown value {value!r} (expected one of {', '.join(options)})"
        return value.lower(), None

    return check


def _bool(value):
    if isinstance(value, bool):
        return value, None
    return None, f"expected true or false, got {value!r}"


def _str(value):
    if isinstance(value, str) and value.strip():
        return value, None
    return None, f"expected a non-empty string, got {value!r}"


def _timestamp(value):
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None, f"not an ISO 8601 timestamp: {value!r}"
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:
            return None, f"timestamp {value.isoformat()} has no UTC offset (write e.g. +01:00)"
        return value, None
    if isinstance(value, dt.date):
        return None, f"{value.isoformat()} has no time and UTC offset (write e.g. {value.isoformat()}T09:00:00+01:00)"
    return None, f"expected an ISO 8601 timestamp with offset, got {value!r}"


def _settings(value):
    if not isinstance(value, dict):
        return None, "expected a mapping such as {ignore: [PL201]}"
    unknown = set(value) - {"ignore"}
    if unknown:
        return None, f"unknown setting {sorted(unknown)[0]!r} (allowed: ignore)"
    ignore = value.get("ignore", [])
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(c, str) for c in ignore):
        return None, "ignore must be a list of rule codes or names"
    return {"ignore": ignore}, None


SCHEMA = {
    "channel": _choice(CHANNELS),
    "type": _choice(TYPES),
    "lang": _choice(LANGS),
    "sponsored": _bool,
    "consent": _bool,
    "first_contact": _bool,
    "scheduled": _timestamp,
    "account": _str,
    "postlint": _settings,
}


def validate(data: dict[str, Any], extra_keys=()) -> tuple[dict[str, Any], list[tuple[str, bool, str]]]:
    """Return the valid values and the problems as (key, on_value, message)."""
    meta, problems = {}, []
    for key, value in data.items():
        check = SCHEMA.get(key)
        if check is None:
            if key not in extra_keys:
                problems.append((key, False, f"unknown front matter key {key!r}"))
            continue
        parsed, error = (None, value.reason) if isinstance(value, Rejected) else check(value)
        if error:
            problems.append((key, True, f"{key}: {error}"))
        else:
            meta[key] = parsed
    return meta, problems
