"""What the text cannot show: the `attachments:` and `event:` front matter (docs/front-matter.md).

Both are validated like the other front matter keys: a bad value is one PL001 finding that
names the item and field (`attachments[2].kind: unknown value 'foto' ...`), and the rules
that read them (`Draft.attachments`, `Draft.event`) see only valid values.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

import regex

from postlint.i18n import N_, t
from postlint.problem import short

KINDS = ("image", "video", "document", "carousel")
VISUAL_KINDS = ("image", "video", "carousel")  # what a feed shows as a picture
SOURCES = ("own", "stock", "third-party")

# `90`, `1:30`, `1:02:03`, `90 s`, `2 min`, `1.5 h`
CLOCK = regex.compile(r"(?:(\d+):)?(\d+):(\d\d)")
WITH_UNIT = regex.compile(
    r"(\d+(?:[.,]\d+)?)\s*(s|sec|sek|seconds?|sekunden?|min|minutes?|minuten?|h|std|hours?|stunden?)", regex.I)
UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600}


@dataclass(frozen=True, slots=True)
class Attachment:
    """One image, video, document or carousel of a draft, as its front matter describes it.
    A field the draft leaves out is None: "not declared", which some rules report."""

    kind: str
    number: int  # 1-based place in the list, for messages
    file: str | None = None
    alt: str | None = None
    source: str | None = None  # own, stock, third-party
    license: str | None = None
    license_covers_social: bool | None = None
    permission: bool | None = None  # third-party: the rights holder agreed
    people: bool | None = None
    consent: bool | None = None
    minors: bool | None = None
    parental_consent: bool | None = None
    duration: float | None = None  # seconds

    @property
    def label(self) -> str:
        """How messages name it: `image 2 (team.jpg)`."""
        name = f"{t(KIND_NAMES.get(self.kind, self.kind))} {self.number}"
        return t("{attachment} ({file})", attachment=name, file=self.file) if self.file else name


@dataclass(frozen=True, slots=True)
class Event:
    """The event a post announces."""

    date: dt.date | dt.datetime
    time: str | None = None
    duration: float | None = None  # seconds
    registration_url: str | None = None

    @property
    def day(self) -> dt.date:
        return self.date.date() if isinstance(self.date, dt.datetime) else self.date


# how messages name the kinds (the front matter keeps the English values)
KIND_NAMES = {"image": N_("image"), "video": N_("video"), "document": N_("document"), "carousel": N_("carousel")}


class Invalid(ValueError):
    """A value that does not fit; the message is the part after `key: `."""


def nonempty(value, field):
    if isinstance(value, str) and value.strip():
        return value.strip()
    raise Invalid(t("{field}: expected a non-empty string, got {value}", field=field, value=short(value)))


def flag(value, field):
    if isinstance(value, bool):
        return value
    raise Invalid(t("{field}: expected true or false, got {value}", field=field, value=short(value)))


def one_of(options):
    def check(value, field):
        if isinstance(value, str) and value.strip().lower() in options:
            return value.strip().lower()
        raise Invalid(t("{key}: {problem}", key=field, problem=t("unknown value {value} (expected one of {options})",
                                                                  value=short(value), options=", ".join(options))))

    return check


def web_address(value, field):
    value = nonempty(value, field)
    if not regex.match(r"https?://\S+\.\S", value):
        raise Invalid(t("{field}: expected a web address starting with https://, got {value}", field=field,
                        value=short(value)))
    return value


def duration(value, field, bare_unit: str = "s") -> float:
    """Seconds of a duration: a number (in `bare_unit`), `m:ss`, `h:mm:ss`, or a number with
    a unit (`90 s`, `2 min`, `1.5 h`)."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and 0 < value < 10**7:
        return float(value) * UNIT_SECONDS[bare_unit]
    if isinstance(value, str):
        text = value.strip()
        if clock := CLOCK.fullmatch(text):
            hours, minutes, seconds = (int(g or 0) for g in clock.groups())
            return float(hours * 3600 + minutes * 60 + seconds)
        if unit := WITH_UNIT.fullmatch(text):
            return float(unit.group(1).replace(",", ".")) * UNIT_SECONDS[_unit(unit.group(2))]
    raise Invalid(t("{field}: expected a duration such as 90 s, 2 min or 1:30, got {value}", field=field,
                    value=short(value)))


def _unit(word: str) -> str:
    """s, m or h of a unit word: `min` and `minuten` are minutes, `std` and `stunden` hours."""
    word = word.lower()
    return "m" if word.startswith("m") else "h" if word.startswith(("h", "st")) else "s"


def _seconds(value, field):
    return duration(value, field)


ATTACHMENT_FIELDS = {
    "kind": one_of(KINDS),
    "file": nonempty,
    "alt": nonempty,
    "source": one_of(SOURCES),
    "stock": flag,
    "license": nonempty,
    "license_covers_social": flag,
    "permission": flag,
    "people": flag,
    "consent": flag,
    "minors": flag,
    "parental_consent": flag,
    "duration": _seconds,
}


def attachments(value: Any) -> tuple[tuple[Attachment, ...] | None, str | None]:
    """Validate `attachments:`: a list of kinds or mappings (one alone needs no list)."""
    items = value if isinstance(value, list) else [value]
    found = []
    try:
        for number, item in enumerate(items, 1):
            found.append(_attachment(item, number, f"[{number}]" if isinstance(value, list) else ""))
    except Invalid as exc:
        return None, str(exc)
    return tuple(found), None


def _attachment(item, number: int, where: str) -> Attachment:
    if isinstance(item, str):  # the short form: `attachments: [image, video]`
        item = {"kind": item}
    if not isinstance(item, dict):
        raise Invalid(_at(where, t("expected a kind ({kinds}) or a mapping such as {{kind: image, alt: ...}}, "
                                   "got {value}", kinds=", ".join(KINDS), value=short(item))))
    fields = {}
    for key, raw in item.items():
        check = ATTACHMENT_FIELDS.get(key)
        here = f"{where}.{key}"
        if check is None:
            raise Invalid(t("{field}: unknown attachment field (allowed: {allowed})", field=here,
                            allowed=", ".join(ATTACHMENT_FIELDS)))
        fields[key] = check(raw, here)
    if "kind" not in fields:
        raise Invalid(_at(where, t("no kind (expected one of {kinds})", kinds=", ".join(KINDS))))
    if fields.pop("stock", None):
        if fields.get("source", "stock") != "stock":
            raise Invalid(t("{field}: contradicts source: {source}", field=where + ".stock", source=fields["source"]))
        fields["source"] = "stock"
    if fields.get("duration") is not None and fields["kind"] != "video":
        raise Invalid(t("{field}: only a video has a duration (kind: {kind})", field=where + ".duration",
                        kind=fields["kind"]))
    return Attachment(number=number, **fields)


def _at(where: str, problem: str) -> str:
    """`attachments[2]: problem`, or the problem alone where the value is the whole list."""
    return t("{key}: {problem}", key=where, problem=problem) if where else problem


EVENT_FIELDS = {
    "date": None,  # checked on its own: a date or a timestamp
    "time": nonempty,
    "duration": lambda value, field: duration(value, field, bare_unit="m"),
    "registration_url": web_address,
}


def event(value: Any) -> tuple[Event | None, str | None]:
    """Validate `event:`: a mapping with at least the date."""
    if not isinstance(value, dict):
        return None, t("expected a mapping such as {{date: 2026-12-01, registration_url: https://...}}, got {value}",
                       value=short(value))
    fields = {}
    try:
        for key, raw in value.items():
            if key not in EVENT_FIELDS:
                raise Invalid(t("{field}: unknown event field (allowed: {allowed})", field="." + key,
                                allowed=", ".join(EVENT_FIELDS)))
            fields[key] = _date(raw) if key == "date" else EVENT_FIELDS[key](raw, f".{key}")
    except Invalid as exc:
        return None, str(exc)
    if "date" not in fields:
        return None, t("no date (write e.g. date: 2026-12-01)")
    return Event(**fields), None


def _date(value):
    if isinstance(value, str):
        try:
            value = dt.datetime.fromisoformat(value.strip()) if "T" in value or " " in value.strip() \
                else dt.date.fromisoformat(value.strip())
        except ValueError:
            raise Invalid(t(".date: not an ISO 8601 date: {value}", value=short(value))) from None
    if isinstance(value, (dt.date, dt.datetime)):
        return value
    raise Invalid(t(".date: expected a date such as 2026-12-01, got {value}", value=short(value)))
