"""Read spreadsheet calendars (CSV, JSONL): one post per row, each row a draft.

A row's draft keeps the whole file as its `raw` text, so findings point at the row's line
and at the cell: the post text maps back through quote escapes, also inside quoted cells
that span several lines. Cell values go through the front matter validation of Markdown
drafts, so a bad date or an unknown channel is a PL001 finding on its cell, and the other
rows are still checked.

The settings name the columns: a header name per field, or a 1-based column number for
files without a header row. Presets cover postlint's own layout and the bulk-upload files
of two schedulers (docs/calendar.md).
"""

from __future__ import annotations

import bisect
import contextlib
import datetime as dt
import json
import tomllib
from dataclasses import dataclass
from json.decoder import scanstring
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import regex

from postlint import calendar, paths
from postlint.values import check_value
from postlint.frontmatter import BOOLEANS, Rejected, local_time
from postlint.i18n import t
from postlint.problem import ConfigError, InputError, short
from postlint.source import FrontMatter

SUFFIXES = paths.CALENDAR_SUFFIXES
FIELDS = ("date", "time", "text", "link", "channel", "account", "type", "lang", "sponsored", "attachments")
META_FIELDS = ("channel", "account", "type", "lang", "sponsored", "attachments")
KEYS = ("preset", "timezone", "header", "delimiter", "date-format", "columns")
PRESETS = {
    "postlint": {"header": True, "date-format": "iso",
                 "columns": {f: f for f in FIELDS if f != "time"}},
    # Hootsuite bulk composer: no header row; date and time, message, optional link
    "hootsuite": {"header": False, "date-format": "%d/%m/%Y %H:%M", "columns": {"date": 1, "text": 2, "link": 3}},
    # Sprout Social bulk scheduling: required headers date, time_24hr, message_text
    "sprout": {"header": True, "date-format": "%d/%m/%Y %H:%M",
               "columns": {"date": "date", "time": "time_24hr", "text": "message_text"}},
}
# headers a German or English spreadsheet uses for a field, besides its own name: read when the
# column is not named in the settings (case and outer spaces do not matter)
HEADER_ALIASES = {
    "date": ("datum", "veröffentlichung", "veröffentlichungsdatum", "publish date", "day"),
    "time": ("time", "uhrzeit", "zeit"),
    "text": ("beitrag", "beitragstext", "post", "inhalt", "nachricht", "message", "caption"),
    "link": ("url", "links"),
    "channel": ("kanal", "plattform", "netzwerk", "platform", "network"),
    "account": ("konto", "profil", "profile"),
    "type": ("typ", "art", "format"),
    "lang": ("sprache", "language"),
    "sponsored": ("gesponsert", "werbung", "anzeige", "paid"),
    "attachments": ("anhänge", "anhang", "medien", "media"),
}
DELIMITERS = (",", ";", "\t")
# German dates as Excel writes them: 07.12.2026 09:00 (seconds, "Uhr" and a two-digit year allowed)
GERMAN_DATE = regex.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*Uhr)?)?")
CHANNEL_ALIASES = {"twitter": "x"}
QUOTED = regex.compile(r'"[^"]*(?:""[^"]*)*"')
JSON_ESCAPE = regex.compile(r"\\u[dD][89abAB][0-9a-fA-F]{2}\\u[dD][c-fC-F][0-9a-fA-F]{2}|\\u[0-9a-fA-F]{4}|\\.")
SPACE = regex.compile(r"[ \t\r\n]*")
DECODER = json.JSONDecoder()


@dataclass(frozen=True, slots=True)
class Settings:
    """How to read calendar files, and the time zone of the plan."""

    zone: ZoneInfo
    header: bool
    columns: dict[str, str | int]  # field -> header name, or 1-based column without a header row
    date_format: str  # "iso" or a strptime pattern
    delimiter: str


@dataclass(slots=True)
class Cell:
    value: Any
    start: int  # span of the value in the file, inside the quotes of a quoted cell
    end: int
    runs: list[tuple[int, int]]  # (value offset, file offset) at each stretch without escapes


@dataclass(slots=True)
class Row:
    line: int
    front_matter: FrontMatter  # the row's front matter keys, spans pointing at their cells
    text: str
    runs: list[tuple[int, int]]


def is_calendar(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def option_table(pairs, where: str = "--calendar-option") -> dict:
    """`key=value` pairs as a settings table; dotted keys reach `columns`, values are TOML or bare strings."""
    table: dict = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise ConfigError(t("{where}: expected key=value, got {value}", where=where, value=repr(pair)))
        with contextlib.suppress(tomllib.TOMLDecodeError):
            value = tomllib.loads(f"v = {value}")["v"]
        *parents, leaf = key.strip().split(".")
        node = table
        for part in parents:
            node = node.setdefault(part, {})
            if not isinstance(node, dict):
                raise ConfigError(t("{where}: {key} sets a key inside {part}, which is not a table", where=where,
                                    key=repr(key), part=repr(part)))
        node[leaf] = value
    return table


def settings(table: dict, where: str) -> Settings:
    """Validate a settings table (preset, then the keys that override it)."""
    for key in table:
        if key not in KEYS:
            raise ConfigError(t("{where}: unknown key {key} (allowed: {allowed})", where=where, key=repr(key),
                                allowed=", ".join(KEYS)))
    preset = PRESETS[check_value(table.get("preset", "postlint"), tuple(PRESETS), f"{where}.preset")]
    merged = {"timezone": calendar.DEFAULT_TIMEZONE, "delimiter": "auto", **preset, **table}
    header = check_value(merged["header"], bool, f"{where}.header")
    given = merged["columns"]
    if not isinstance(given, dict):
        raise ConfigError(t("{where}: expected a table of field = column", where=where + ".columns"))
    columns = {**preset["columns"], **given}
    for name, column in columns.items():
        here = f"{where}.columns.{name}"
        if name not in FIELDS:
            raise ConfigError(t("{where}: unknown field (expected one of {fields})", where=here,
                                fields=", ".join(FIELDS)))
        check_value(column, str if header else int, here)
        if not header and column < 1:
            raise ConfigError(t("{where}: columns count from 1, got {value}", where=here, value=column))
    delimiter = check_value(merged["delimiter"], str, f"{where}.delimiter")
    if delimiter != "auto" and (len(delimiter) != 1 or delimiter in '"\n'):
        raise ConfigError(t("{where}: expected auto or one character such as , or ;, got {value}",
                            where=where + ".delimiter", value=repr(delimiter)))
    zone = calendar.zone(check_value(merged["timezone"], str, f"{where}.timezone"), f"{where}.timezone")
    return Settings(zone, header, columns, check_value(merged["date-format"], str, f"{where}.date-format"),
                    delimiter)


def read(raw: str, path: Path, s: Settings) -> tuple[list[Row], list[str]]:
    """The rows of a calendar file, and the problems of rows that cannot be read ("line 7: ...").

    Raises InputError when no row can be read (a header without the date or text column).
    """
    return _jsonl(raw, s) if path.suffix.lower() == ".jsonl" else _csv(raw, s)


# -- CSV ---------------------------------------------------------------------------------
def _records(raw: str, delimiter: str):
    """(line, offset, cells, problem) per record; a record may span lines in quoted cells."""
    plain = regex.compile(f"[^{regex.escape(delimiter)}\n]*")
    pos, line, end = 0, 1, len(raw)
    while pos < end:
        first_line, start, cells, problem = line, pos, [], None
        while True:
            if raw.startswith('"', pos):
                match = QUOTED.match(raw, pos)
                if match is None:
                    yield first_line, start, None, f"the quote that opens cell {len(cells) + 1} is never closed"
                    return
                cells.append(_quoted(raw, pos + 1, match.end() - 1))
                line += raw.count("\n", pos, match.end())
            else:
                match = plain.match(raw, pos)
                cells.append(Cell(match.group(), pos, match.end(), [(0, pos)]))
            pos = match.end()
            if pos < end and raw[pos] == delimiter:
                pos += 1
                continue
            if pos < end and raw[pos] != "\n":
                problem = f"text after the closing quote of cell {len(cells)}"
                newline = raw.find("\n", pos)
                pos = end if newline < 0 else newline
            break
        pos, line = pos + 1, line + 1
        yield first_line, start, None if problem else cells, problem


def _quoted(raw: str, start: int, end: int) -> Cell:
    """A quoted cell's value: each doubled quote is one quote, so the offsets shift there."""
    pieces, runs, pos, length = [], [], start, 0
    while True:
        pair = raw.find('""', pos, end)
        stop = end if pair < 0 else pair + 1
        runs.append((length, pos))
        pieces.append(raw[pos:stop])
        length += stop - pos
        if pair < 0:
            return Cell("".join(pieces), start, end, runs)
        pos = pair + 2


def sniff(raw: str) -> str:
    """The delimiter of a CSV file: of `,`, `;` and tab, the one its first line has most of
    outside quotes (a German Excel writes `;`, as `,` is its decimal mark); `,` on a tie."""
    first = QUOTED.sub("", raw.split("\n", 1)[0])
    return max(DELIMITERS, key=lambda d: (first.count(d), d == ","))


def _csv(raw: str, s: Settings) -> tuple[list[Row], list[str]]:
    delimiter = sniff(raw) if s.delimiter == "auto" else s.delimiter
    records = _records(raw, delimiter)
    index = {field: column - 1 for field, column in s.columns.items()} if not s.header else None
    rows, errors = [], []
    for line, start, cells, problem in records:
        if problem and index is None:
            raise InputError(t("line {line}: {problem}", line=line, problem=problem))
        if problem:
            errors.append(f"line {line}: {problem}")
        elif index is None:
            index = _header(cells, s, delimiter)
        else:
            try:
                row = _row(line, start, {field: cells[i] for field, i in index.items() if i < len(cells)}, s)
            except ValueError as exc:
                errors.append(f"line {line}: {exc}")
            else:
                rows += [row] if row else []
    return rows, errors


def _header(cells: list[Cell], s: Settings, delimiter: str) -> dict[str, int]:
    names = [c.value.strip().casefold() for c in cells]
    index = {}
    for field in FIELDS:
        column = s.columns.get(field)
        # a field's own name also finds the German and English names spreadsheets use
        wanted = (field, *HEADER_ALIASES[field]) if column in (None, field) else (column.casefold(),)
        found = [names.index(name) for name in wanted if name in names]
        if found:
            index[field] = min(found)
    for field in ("date", "text"):
        if field not in index:
            header = ", ".join(c.value.strip() for c in cells)
            other = [d for d in DELIMITERS if d != delimiter and len(cells) == 1 and d in cells[0].value]
            if other:  # the whole header in one cell: the file uses another delimiter
                shown = "\\t" if other[0] == "\t" else other[0]
                raise InputError(t("the header is one column ({header}): the file is separated by {quoted}, not "
                                   "{delimiter}; set --calendar-option 'delimiter=\"{shown}\"' or delimiter = \"auto\" "
                                   "(see docs/calendar.md)", header=header, quoted=repr(shown), shown=shown,
                                   delimiter=repr(delimiter)))
            name = s.columns.get(field, field)
            raise InputError(t("no {name} column for the {field} (header: {header}); name it with --calendar-option "
                               "columns.{field}=<header> (see docs/calendar.md)", name=repr(name), field=field,
                               header=header))
    return index


# -- JSONL -------------------------------------------------------------------------------
def _jsonl(raw: str, s: Settings) -> tuple[list[Row], list[str]]:
    rows, errors = [], []
    start = 0
    for number, line in enumerate(raw.split("\n"), 1):
        end = start + len(line)
        if line.strip():
            try:
                found = _json_cells(raw, start, end)
                picked = {field: found[str(column).casefold()] for field, column in s.columns.items()
                          if str(column).casefold() in found}
                if "text" not in picked:
                    raise ValueError(f"no {s.columns['text']!r} key for the text")
                row = _row(number, start, picked, s)
                rows += [row] if row else []
            except ValueError as exc:
                errors.append(f"line {number}: {exc}")
        start = end + 1
    return rows, errors


def _json_cells(raw: str, start: int, end: int) -> dict[str, Cell]:
    """The top-level keys of a one-line JSON object (case-folded) and their values with spans."""
    try:
        data = json.loads(raw[start:end])
    except json.JSONDecodeError as exc:
        raise ValueError(f"invalid JSON: {exc.msg} (column {exc.colno})") from None
    except RecursionError:
        raise ValueError("invalid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError(f"expected a JSON object, got {type(data).__name__}")
    cells = {}
    pos = SPACE.match(raw, start).end() + 1
    while (pos := SPACE.match(raw, pos).end()) < end and raw[pos] != "}":
        key, pos = scanstring(raw, pos + 1)
        pos = SPACE.match(raw, SPACE.match(raw, pos).end() + 1).end()
        value, stop = DECODER.raw_decode(raw, pos)
        if isinstance(value, str):
            cells[key.casefold()] = Cell(value, pos + 1, stop - 1, _json_runs(raw, pos + 1, stop - 1))
        else:
            cells[key.casefold()] = Cell(value, pos, stop, [(0, pos)])
        pos = SPACE.match(raw, stop).end()
        pos += raw[pos] == ","
    return cells


def _json_runs(raw: str, start: int, end: int) -> list[tuple[int, int]]:
    """Each escape (`\\n`, `\\"`, `\\u00e4`, a surrogate pair) is one character of the value."""
    runs, length, pos = [(0, start)], 0, start
    for match in JSON_ESCAPE.finditer(raw, start, end):
        length += match.start() - pos
        runs.append((length, match.start()))
        length, pos = length + 1, match.end()
        runs.append((length, pos))
    return runs


# -- rows --------------------------------------------------------------------------------
def _row(line: int, start: int, cells: dict[str, Cell], s: Settings) -> Row | None:
    """A row's front matter, post text and offset runs; None for an empty row.

    Raises ValueError for a text that is no string.
    """
    cells = {field: c for field, c in cells.items() if c.value is not None and str(c.value).strip()}
    if not cells:
        return None
    data, spans = {}, {}
    for field in META_FIELDS:
        if field in cells:
            data[field] = _meta(field, cells[field].value)
            spans[field] = (cells[field].start, cells[field].end)
    if "date" in cells:
        date = cells["date"]
        value = f"{date.value} {cells['time'].value}" if "time" in cells else date.value
        data["scheduled"] = _timestamp(value, s)
        spans["scheduled"] = (date.start, date.end)
    text, runs = "", [(0, start)]
    for field in ("text", "link"):
        if field in cells:
            cell = cells[field]
            if not isinstance(cell.value, str):
                raise ValueError(f"the {field} is {type(cell.value).__name__}, not a string")
            # a link column is published after the message, as the schedulers post it
            offset = len(text) + bool(text)
            text = f"{text} {cell.value}" if text else cell.value
            runs = (runs if offset else []) + [(offset + t, f) for t, f in cell.runs]
    text, runs = _trim(text, runs)
    return Row(line, FrontMatter(data, spans, spans, runs[0][1]), text, runs)


def _meta(field: str, value: Any) -> Any:
    if not isinstance(value, str):
        return value
    value = value.strip()
    if field == "sponsored":
        return BOOLEANS.get(value.casefold(), value)
    if field == "channel":
        return CHANNEL_ALIASES.get(value.casefold(), value)
    if field == "attachments":  # a spreadsheet cell lists kinds: "image, video"
        return [kind.strip() for kind in regex.split(r"[,;]", value) if kind.strip()]
    return value


def _timestamp(value: Any, s: Settings) -> Any:
    """An aware datetime; a time without offset is local time in the calendar's zone."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    iso = s.date_format == "iso"
    german = GERMAN_DATE.fullmatch(text) if iso else None
    try:
        if iso and (_is_date(text) or (german and not german[4])):
            return Rejected(t("{value} has no time (write e.g. {text} 09:00)", value=short(text), text=text))
        if german:
            day, month, year, hour, minute, second = (int(g or 0) for g in german.groups())
            parsed = dt.datetime(year + 2000 if year < 100 else year, month, day, hour, minute, second)
        else:
            parsed = dt.datetime.fromisoformat(text) if iso else dt.datetime.strptime(text, s.date_format)
    except ValueError:
        form = t("ISO 8601 such as 2026-12-01 09:00, or 01.12.2026 09:00") if iso else s.date_format
        return Rejected(t("{value} is not a date and time in the form {form}", value=short(text), form=form))
    if parsed.tzinfo is None:
        # the hour that repeats when summer time ends: its first occurrence, as schedulers read it
        return local_time(parsed, s.zone, text, fold_ok=True)
    return parsed


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return False
    return True


def _trim(text: str, runs: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]]]:
    """Strip outer whitespace as platforms do, keeping the runs aligned with the text."""
    lead = len(text) - len(text.lstrip())
    runs = [(t - lead, f) for t, f in runs]
    first = max(bisect.bisect_right(runs, (0, float("inf"))) - 1, 0)
    runs = runs[first:]
    if runs[0][0] < 0:
        runs[0] = (0, runs[0][1] - runs[0][0])
    return text.strip(), runs
