"""Turn file bytes into a `Draft`: decoding, front matter, author notes, positions.

The post text (`Draft.text`) is the body with HTML comments (author notes) removed and
outer whitespace trimmed: what the platform would publish. Every offset into it maps back
to the file so findings point at the right line and column.
"""

from __future__ import annotations

import bisect
import contextlib
import datetime
import functools
import itertools
import sys
from array import array
from dataclasses import dataclass, field
from typing import Any

import regex

from postlint import text
from postlint.i18n import t
from postlint.problem import InputError, pickled_by_fields

BOM = "\ufeff"
FRONT_MATTER = regex.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*(?:\n|\Z)", regex.S)
FRONT_MATTER_OPEN = regex.compile(r"\A---[ \t]*\n")
# An HTML comment is `<!--(.*?)-->` (re.S) and a whole-line note `^[ \t]*<!--.*?-->[ \t]*(?:\n|\Z)`
# (re.S | re.M); both are found by `_comments` and `_note_lines` in linear time, as those
# patterns took quadratic time on unclosed comments (`<!--\n` repeated: 26 s for 320 KB).
# Only whole-line notes take their line break with them, so a note between two paragraphs
# does not leave a blank line that would change the published text.
NOTE_CLOSE = regex.compile(r"-->[ \t]*(?:\n|\Z)")


# byte order marks of the encodings other than UTF-8 that editors (and Excel's "Unicode
# text") save; the 4-byte UTF-32 marks first, as UTF-32-LE's starts with UTF-16-LE's
WIDE_BOMS = ((b"\xff\xfe\0\0", "utf-32"), (b"\0\0\xfe\xff", "utf-32"), (b"\xff\xfe", "utf-16"),
             (b"\xfe\xff", "utf-16"))


def decode(data: bytes, legacy: bool = False) -> str:
    """Decode UTF-8 (BOM allowed), or UTF-16/32 with a BOM, and normalise line endings to LF.

    `legacy`: text that is not UTF-8 is Windows-1252, what Excel in Western Europe writes
    for "CSV (Trennzeichen-getrennt)". Lone CR and CRLF both count as one line break, as
    editors and LSP clients count them, so line and column numbers stay right after the
    normalisation.
    """
    wide = next((name for bom, name in WIDE_BOMS if data.startswith(bom)), None)
    if wide:
        try:
            data = data.decode(wide).encode("utf-8")  # the checks below, on UTF-8
        except UnicodeDecodeError as exc:
            raise InputError(t("invalid {encoding} at byte {byte}: {reason}", encoding=wide.upper(), byte=exc.start,
                               reason=exc.reason)) from None
    if b"\0" in data:  # memchr: a scan of the whole file costs little
        if data.count(b"\0") >= len(data) // 2:  # every other byte: Latin text in UTF-16
            raise InputError(t("UTF-16 or UTF-32 text without a byte order mark: save it as UTF-8"))
        raise InputError(t("binary file (contains NUL bytes), not a text draft"))
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        if legacy:
            with contextlib.suppress(UnicodeDecodeError):
                return _lines(data.decode("cp1252"))
        line = data.count(b"\n", 0, exc.start) + 1
        hint = t(" (saved as Windows-1252? In Excel choose \"CSV UTF-8\")") if legacy else ""
        raise InputError(t("invalid UTF-8 at byte {byte} (line {line}): {reason}", byte=exc.start, line=line,
                           reason=exc.reason) + hint) from None
    return _lines(text)


def _lines(text: str) -> str:
    if text.startswith(BOM):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


@pickled_by_fields
@dataclass(slots=True)
class FrontMatter:
    """Raw front matter: parsed values plus where each top-level key and value sits."""

    data: dict[str, Any]
    key_spans: dict[str, tuple[int, int]]
    value_spans: dict[str, tuple[int, int]]
    end: int  # offset where the body starts
    # inside a list or mapping value: item number (from 1) or field name -> span of its value
    # (`attachments[2]`, `event.date`), so findings about one item point at it
    inner_spans: dict[str, dict[Any, tuple[int, int]]] = field(default_factory=dict)


def split_front_matter(text: str) -> FrontMatter:
    import yaml  # imported here: drafts without front matter never pay for PyYAML

    match = FRONT_MATTER.match(text)
    if not match:
        if FRONT_MATTER_OPEN.match(text):  # linted as post text, its settings would be ignored
            raise InputError(t("malformed front matter: no closing `---` line"))
        return FrontMatter({}, {}, {}, 0)
    chunk = match.group(1) or ""
    offset = match.start(1) if match.group(1) is not None else 0
    simple = _simple_front_matter(chunk, offset)
    if simple is not None:
        return FrontMatter(*simple, match.end())
    # libyaml's loader is five times faster; its marks count characters like the pure one
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)(chunk)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else {}
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        if mark is not None and mark.index >= len(chunk.rstrip()) and getattr(exc, "context_mark", None):
            # found at the end: the bracket or quote that is never closed opened on the line to fix
            mark = exc.context_mark
        where = t(" (line {line})", line=mark.line + 2) if mark is not None else ""  # the chunk starts on line 2
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        if mark is not None and mark is getattr(exc, "context_mark", None) and getattr(exc, "context", None):
            problem += f" {exc.context}"  # "... while scanning a quoted scalar"
        raise InputError(t("malformed front matter{where}: {problem}", where=where, problem=problem)) from None
    except (ValueError, OverflowError) as exc:  # YAML reads it, Python cannot hold it: 2026-02-30
        raise InputError(t("malformed front matter{where}: {problem}", where=_failing_line(node), problem=exc)) from None
    finally:
        loader.dispose()
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(t("malformed front matter: expected key: value pairs, got {type}", type=type(data).__name__))
    key_spans, value_spans, inner_spans = {}, {}, {}
    constructor = yaml.constructor.SafeConstructor()
    span = lambda n: (offset + n.start_mark.index, offset + n.end_mark.index)  # noqa: E731
    for key_node, value_node in node.value if node is not None else ():
        # named as in the data: `on:` is the key True in YAML 1.1
        key = str(constructor.construct_object(key_node, deep=True))
        key_spans[key], value_spans[key] = span(key_node), span(value_node)
        if isinstance(value_node, yaml.SequenceNode):
            inner_spans[key] = {n: span(item) for n, item in enumerate(value_node.value, 1)}
        elif isinstance(value_node, yaml.MappingNode):
            inner_spans[key] = {str(k.value): span(v) for k, v in value_node.value if isinstance(k, yaml.ScalarNode)}
    return FrontMatter({str(k): v for k, v in data.items()}, key_spans, value_spans, match.end(), inner_spans)


def _failing_line(node) -> str:
    """` (line N)` of the first value of a mapping node that cannot be constructed."""
    import yaml

    for _, value in node.value if isinstance(node, yaml.MappingNode) else ():
        try:
            yaml.constructor.SafeConstructor().construct_object(value, deep=True)
        except (ValueError, OverflowError, yaml.YAMLError):
            return t(" (line {line})", line=value.start_mark.line + 2)
    return ""


# A line `key: value` whose value is a plain scalar on its own line means what the value
# means alone: no quotes, flow collections, anchors, tags, comments, block scalars or
# continuation lines, and only characters YAML reads as such (printable; no tab, BOM or
# line separator).
SIMPLE_PAIR = regex.compile(
    r"([A-Za-z_][A-Za-z0-9_-]*):[ ]+"
    r"((?![-?:,\[\]{}#&*!|>'\"%@`])(?:(?!:[ ]|[ ]\#)[\x20-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff])*"
    r"(?<![ :]))\n")


def _simple_front_matter(chunk: str, offset: int):
    """(data, key spans, value spans) of a front matter of simple `key: value` lines, as
    most drafts have, read with YAML's own resolver and constructors but without its
    parser, which took a fifth of building a draft; None for any other front matter."""
    data, key_spans, value_spans, pos = {}, {}, {}, 0
    while pos < len(chunk):
        pair = SIMPLE_PAIR.match(chunk, pos)
        if pair is None:
            return None
        key = pair.group(1)
        try:
            value, name = _plain_scalar(pair.group(2)), _plain_scalar(key)
        except (ValueError, OverflowError):  # "2026-02-30": the parser's way reports it
            return None
        if value is NOT_PLAIN or name is NOT_PLAIN:
            return None
        name = str(name)  # as the parser's way names it: `on` is True
        data[name] = value
        key_spans[name] = (offset + pair.start(1), offset + pair.end(1))
        value_spans[name] = (offset + pair.start(2), offset + pair.end(2))
        pos = pair.end()
    return (data, key_spans, value_spans) if data else None


NOT_PLAIN = object()


@functools.lru_cache(maxsize=1024)
def _plain_scalar(value: str) -> Any:
    """A plain YAML scalar's value (str, bool, int, float, None, date or datetime): immutable,
    so the values that recur from draft to draft ("linkedin", "post") are shared."""
    import yaml

    resolver, constructor = _yaml_tools()
    tag = resolver.resolve(yaml.ScalarNode, value, (True, False))
    if tag == "tag:yaml.org,2002:str":
        return value
    if tag.rpartition(":")[2] not in ("bool", "int", "float", "null", "timestamp"):
        return NOT_PLAIN  # `=` and `<<`, which need more than the value
    return constructor.yaml_constructors[tag](constructor, yaml.ScalarNode(tag, value))


@functools.cache
def _yaml_tools():
    import yaml

    return yaml.resolver.Resolver(), yaml.constructor.SafeConstructor()


@pickled_by_fields
@dataclass(slots=True)
class Note:
    """An HTML comment in the body: its span in the file and its inner text."""

    start: int
    end: int
    content: str


# front matter the phases after the single-draft rules read (calendar.py, suppress.py)
LATER_KEYS = frozenset({"scheduled", "account", "postlint"})


@pickled_by_fields
@dataclass(slots=True)
class DraftCore:
    """What every phase of a run reads of a draft: the schedule pass, the suppressions, the
    output. A run of many files keeps only this of a draft that waits for the schedule
    pass (`Draft.shed`), and less on the pass's timeline (`on_timeline`)."""

    path: str
    raw: str
    meta: dict[str, Any]
    channel: str
    type: str
    lang: str
    body_start: int
    notes: list[Note]
    front_matter: FrontMatter
    # (text offset, file offset) at the start of each kept run of the body
    _runs: list[tuple[int, int]] = field(repr=False)
    _line_starts: list[int] | array = field(repr=False, default_factory=list)
    # set by the linter when a rule compares texts across drafts (similar.Fingerprint)
    fingerprint: Any = field(repr=False, default=None)

    def file_offset(self, offset: int) -> int:
        """Map a post-text offset to a file offset."""
        i = bisect.bisect_right(self._runs, (offset, float("inf"))) - 1
        text_start, file_start = self._runs[max(i, 0)]
        return file_start + offset - text_start

    def file_span(self, start: int, end: int) -> tuple[int, int]:
        if end <= start:
            pos = self.file_offset(start)
            return pos, pos
        # the end maps from its last character, so a span never swallows a removed note
        return self.file_offset(start), self.file_offset(end - 1) + 1

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a file offset, column in code points."""
        if not self._line_starts:
            self._line_starts = line_starts(self.raw)
        return _position(self._line_starts, offset)

    @property
    def scheduled_span(self) -> tuple[int, int]:
        """Where the `scheduled` value is: the schedule rules report there."""
        return self.front_matter.value_spans.get("scheduled", (0, 0))

    def on_timeline(self) -> Scheduled:
        self.position(0)
        # a plan has many posts and few accounts, channels and UTC offsets: one object each;
        # an unscheduled draft is there for the rules that compare texts (its fingerprint)
        account, when = self.meta.get("account"), self.meta.get("scheduled")
        if isinstance(when, datetime.datetime) and isinstance(when.tzinfo, datetime.timezone):
            when = when.replace(tzinfo=_OFFSETS.setdefault(when.tzinfo, when.tzinfo))
        return Scheduled(self.path, sys.intern(self.channel), sys.intern(self.type), when,
                         sys.intern(account) if isinstance(account, str) else account, self.scheduled_span,
                         self._line_starts, self.fingerprint)

    def line_text(self, line: int) -> str:
        self.position(0)
        start = self._line_starts[line - 1]
        end = self._line_starts[line] - 1 if line < len(self._line_starts) else len(self.raw)
        return self.raw[start:end]


_OFFSETS: dict = {}


def line_starts(raw: str) -> list[int]:
    """The offset of each line's first character (regex.finditer took three times as long)."""
    return list(itertools.accumulate((len(line) + 1 for line in raw.split("\n")[:-1]), initial=0))


def _position(line_starts, offset: int) -> tuple[int, int]:
    line = bisect.bisect_right(line_starts, offset) - 1
    return line + 1, offset - line_starts[line] + 1


@dataclass(slots=True, eq=False)
class Scheduled:
    """What the schedule pass reads of a draft (`DraftCore.on_timeline`), and all that a run
    of many files holds of a scheduled draft until that pass: its path, channel and type,
    when and for which account it is scheduled, and where that value is."""

    path: str
    channel: str
    type: str
    scheduled: Any
    account: str | None
    scheduled_span: tuple[int, int]
    _line_starts: list[int] | array = field(repr=False)
    fingerprint: Any = field(repr=False, default=None)

    @property
    def meta(self) -> dict[str, Any]:
        meta = {} if self.scheduled is None else {"scheduled": self.scheduled}
        return meta if self.account is None else {**meta, "account": self.account}

    def position(self, offset: int) -> tuple[int, int]:
        return _position(self._line_starts, offset)


@pickled_by_fields  # its own: the one it inherits would drop `text`
@dataclass
class Draft(DraftCore):
    """One draft, ready for the checks: the post text and what is measured in it."""

    text: str = ""
    # the account the draft names (`account:`, or the accounts file's default): its channel,
    # employer, own hashtags, brands, domains and UTM defaults, for any rule (postlint.accounts)
    account: Any = None
    accounts: Any = None  # all accounts of the draft's configuration (postlint.accounts.Accounts)

    @property
    def attachments(self) -> tuple | None:
        """The `attachments:` of the front matter (postlint.media.Attachment), None when the
        draft does not declare them: rules that need them stay silent then."""
        return self.meta.get("attachments")

    @property
    def event(self):
        """The `event:` of the front matter (postlint.media.Event), or None."""
        return self.meta.get("event")

    def shed(self, keep_raw: bool = True) -> DraftCore:
        """What is left of this draft for the later phases of a run (schedule, suppressions,
        output) once its single-draft rules have run. `line_text` needs `keep_raw`."""
        self.position(0)
        spans = {k: v for k, v in self.front_matter.value_spans.items() if k in LATER_KEYS}
        meta = {k: v for k, v in self.meta.items() if k in LATER_KEYS}
        starts = self._line_starts  # the rows of a calendar file share one array
        return DraftCore(self.path, self.raw if keep_raw else "", meta, self.channel, self.type, self.lang,
                         self.body_start, self.notes, FrontMatter({}, {}, spans, self.front_matter.end), self._runs,
                         starts if isinstance(starts, array) else array("I", starts), self.fingerprint)

    @functools.cached_property
    def analysis(self):
        """The text's tokens and sentences (`nlp.Analysis`), made when a rule first asks and
        shared by every rule that reads words; never pickled with the draft."""
        from postlint import nlp  # spaCy only for drafts whose rules read words

        return nlp.analyse(self.text, self.lang)

    def length(self, unit: str, skip: int = 0) -> int:
        """The length of the text from `skip` on in `unit`, measured once per draft: both
        length rules ask for the unit of the draft's channel."""
        key = (unit, skip)
        if key not in self._length_in:
            self._length_in[key] = text.length_in(self.text[skip:], unit)
        return self._length_in[key]

    @functools.cached_property
    def _length_in(self) -> dict[tuple[str, int], int]:
        return {}

    @functools.cached_property
    def lengths(self) -> text.Lengths:
        return text.measure(self.text)

    @functools.cached_property
    def hashtags(self) -> list[text.Entity]:
        return text.hashtags(self.text)

    @functools.cached_property
    def urls(self) -> list[text.Entity]:
        return text.urls(self.text)

    @functools.cached_property
    def mentions(self) -> list[text.Entity]:
        return text.mentions(self.text)

    @functools.cached_property
    def emoji(self) -> list[text.Entity]:
        return text.emoji(self.text)


def _may_hold_notes(raw: str, start: int) -> bool:
    return raw.find("<!--", start) >= 0


def body_runs(raw: str, body_start: int) -> tuple[str, list[tuple[int, int]], list[Note]]:
    """Cut author notes out of the body; return the post text, its offset runs and the notes."""
    notes: list[Note] = []
    cuts: list[tuple[int, int]] = []
    if not _may_hold_notes(raw, body_start):  # most drafts have none: no scans for them
        text = raw[body_start:]
        lead = len(text) - len(text.lstrip())
        return text.strip(), [(0, body_start + lead)], notes
    for start, end in _comments(raw, body_start):
        notes.append(Note(start, end, raw[start + 4:end - 3]))
    cuts += _note_lines(raw, body_start)
    covered = {(n.start) for n in notes if any(a <= n.start < b for a, b in cuts)}
    cuts += [(n.start, n.end) for n in notes if n.start not in covered]
    cuts.sort()
    pieces, runs, pos, length = [], [], body_start, 0
    for cut_start, cut_end in cuts + [(len(raw), len(raw))]:
        if cut_start > pos:
            pieces.append(raw[pos:cut_start])
            runs.append((length, pos))
            length += cut_start - pos
        pos = max(pos, cut_end)
    text = "".join(pieces)
    # trim outer whitespace (platforms do), keeping the offset runs aligned
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    runs = [(t - lead, f) for t, f in runs]
    start = bisect.bisect_right(runs, (0, float("inf"))) - 1
    if start > 0:
        runs = runs[start:]
    if runs and runs[0][0] < 0:
        t, f = runs[0]
        runs[0] = (0, f - t)
    return text, runs or [(0, len(raw))], notes


def _comments(raw: str, pos: int) -> list[tuple[int, int]]:
    """The spans of the HTML comments from `pos` on: `<!--` up to the first `-->` after it."""
    found = []
    while (start := raw.find("<!--", pos)) >= 0:
        close = raw.find("-->", start + 4)
        if close < 0:  # unclosed: no later comment closes either
            break
        pos = close + 3
        found.append((start, pos))
    return found


def _note_lines(raw: str, pos: int) -> list[tuple[int, int]]:
    """The spans of the whole-line notes from `pos` (a line start) on: a line that starts
    with `<!--` after spaces or tabs, up to the first `-->` after it that ends a line (its
    trailing spaces and line break included)."""
    closes = [(m.start(), m.end()) for m in NOTE_CLOSE.finditer(raw, pos)]
    found = []
    while closes and (opening := raw.find("<!--", pos)) >= 0:
        line = opening
        while line > pos and raw[line - 1] in " \t":
            line -= 1
        if line > 0 and raw[line - 1] != "\n" or line < pos:  # not at the start of its line
            pos = opening + 1
            continue
        i = bisect.bisect_left(closes, (opening + 4, -1))
        if i == len(closes):  # no note closes after here
            break
        found.append((line, closes[i][1]))
        pos = closes[i][1]
    return found
