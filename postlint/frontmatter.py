"""Validate front matter values. Problems become findings of the meta rule, never crashes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from postlint import media
from postlint.i18n import t
from postlint.problem import short

CHANNELS = ("linkedin", "x", "instagram", "facebook", "xing")
TYPES = ("post", "article", "connection-note", "about", "headline", "comment", "message")
LANGS = ("de", "en")
# the years a post may be scheduled in: the schedule converts between time zones and counts
# weeks, which fails at the ends of what `datetime` holds (0001-01-01T00:00:00+14:00)
YEARS = (1900, 2999)


@dataclass(frozen=True, slots=True)
class Rejected:
    """A value its reader could not take, such as a calendar cell with a date in the wrong form."""

    reason: str


def _choice(options):
    def check(value):
        if not isinstance(value, str):
            return None, t("expected one of {options}, got {type}", options=", ".join(options), type=type(value).__name__)
        if value.lower() not in options:
            return None, t("unknown value {value} (expected one of {options})", value=short(value),
                                options=", ".join(options))
        return value.lower(), None

    return check


# what spreadsheets and German-speaking teams write for yes and no
BOOLEANS = {"true": True, "yes": True, "1": True, "ja": True, "wahr": True,
            "false": False, "no": False, "0": False, "nein": False, "falsch": False}


def _bool(value):
    if isinstance(value, bool):
        return value, None
    if isinstance(value, str) and value.strip().casefold() in BOOLEANS:
        return BOOLEANS[value.strip().casefold()], None
    return None, t("expected true or false (or ja/nein), got {value}", value=short(value))


def local_time(naive: dt.datetime, zone, text: str, fold_ok: bool = False):
    """`naive` as a local time in `zone` (a ZoneInfo); Rejected for a time the clocks skip
    when summer time starts, and (unless `fold_ok`: then its first occurrence) for one they
    pass twice when it ends."""
    local = naive.replace(tzinfo=zone)
    try:
        back = local.astimezone(dt.timezone.utc).astimezone(zone).replace(tzinfo=None)
        twice = local.utcoffset() != local.replace(fold=1).utcoffset()
    except (OverflowError, ValueError):  # 0001-01-01 00:30 in a zone east of UTC
        return Rejected(t("{value} is out of range (years {first} to {last})", value=short(text), first=YEARS[0],
                          last=YEARS[1]))
    if back != naive:
        return Rejected(t("{time} does not exist in {zone}: the clocks skip it for daylight saving", time=text,
                          zone=zone.key))
    if twice and not fold_ok:
        first, second = (_offset(local.replace(fold=f)) for f in (0, 1))
        return Rejected(t("{time} happens twice in {zone} when summer time ends: add the offset, {first} or {second}",
                          time=text, zone=zone.key, first=first, second=second))
    return local


def _offset(value: dt.datetime) -> str:
    return value.isoformat()[-6:]


def localize(data: dict[str, Any], zone) -> None:
    """Read a `scheduled` time without offset as local time in `zone`, in place: as a
    calendar row's; an explicit offset wins."""
    value = data.get("scheduled")
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return  # validate() names the problem
    if isinstance(value, dt.datetime) and value.tzinfo is None:
        data["scheduled"] = local_time(value, zone, value.isoformat(" ", "minutes"))


def _str(value):
    if isinstance(value, str) and value.strip():
        return value, None
    return None, t("expected a non-empty string, got {value}", value=short(value))


def _timestamp(value):
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip())
        except ValueError:
            return None, t("not an ISO 8601 timestamp: {value}", value=short(value))
    if isinstance(value, dt.datetime):
        if value.tzinfo is None:  # only where no zone applies: the linter localizes first
            return None, t("timestamp {value} has no UTC offset (write e.g. +01:00)", value=value.isoformat())
        try:
            utc = value.astimezone(dt.timezone.utc)
        except (OverflowError, ValueError):
            utc = None
        if utc is None or not YEARS[0] <= utc.year <= YEARS[1] or not YEARS[0] <= value.year <= YEARS[1]:
            return None, t("timestamp {value} is out of range (years {first} to {last})", value=value.isoformat(),
                               first=YEARS[0], last=YEARS[1])
        return value, None
    if isinstance(value, dt.date):
        return None, t("{date} has no time (write e.g. {date} 09:00)", date=value.isoformat())
    return None, t("expected an ISO 8601 timestamp with offset, got {value}", value=short(value))


def _settings(value):
    if not isinstance(value, dict):
        return None, t("expected a mapping such as {example}", example="{ignore: [PL201]}")
    unknown = set(value) - {"ignore"}
    if unknown:
        return None, t("unknown setting {setting} (allowed: ignore)", setting=short(sorted(unknown, key=str)[0]))
    ignore = value.get("ignore", [])
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list) or not all(isinstance(c, str) for c in ignore):
        return None, t("ignore must be a list of rule codes or names")
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
    "attachments": media.attachments,
    "event": media.event,
    "series": _str,
}


def validate(data: dict[str, Any], extra_keys=()) -> tuple[dict[str, Any], list[tuple[str, bool, str]]]:
    """Return the valid values and the problems as (key, on_value, message)."""
    meta, problems = {}, []
    for key, value in data.items():
        check = SCHEMA.get(key)
        if check is None:
            if key not in extra_keys:
                problems.append((key, False, t("unknown front matter key {key}", key=repr(key))))
            continue
        parsed, error = (None, value.reason) if isinstance(value, Rejected) else check(value)
        if error:
            # `attachments[2].kind: ...`, `event.date: ...`: the path into the value
            if error[0] in "[.":
                problems.append((key, True, f"{key}{error}"))
            else:
                # TRANSLATORS: a front matter key and what is wrong with its value
                problems.append((key, True, t("{key}: {problem}", key=key, problem=error)))
        else:
            meta[key] = parsed
    return meta, problems
