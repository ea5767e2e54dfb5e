"""Fixes: what a rule attaches to a finding, and how postlint applies them.

The protocol, in three steps:

1. A check attaches a `Fix` to its `Hit`: one replacement of `start:end` by `content`, in
   `draft.text` offsets (file offsets with `Hit.raw`, as the hit's own span), and whether it
   is safe (keeps the author's meaning; `--fix`) or unsafe (changes what is published;
   `--unsafe-fixes`). A repair of several places is one fix over the span from the first to
   the last (`combine`), so a fix is applied whole or not at all. `remove` and `insert`
   build the common edits with tidy spacing.
2. `linter.stamp` maps the fix to file offsets with `in_file`, as it maps the finding's
   span. A fix whose span would swallow an author note, or that points into a calendar
   row, is dropped: notes stay untouched, spreadsheets are not rewritten.
3. `fix_text` runs the fix loop on one file's text: lint, apply the applicable fixes
   (`apply`: sorted, identical edits once, conflicting ones left for the next pass), lint
   again, until nothing changes (at most `MAX_PASSES`). A loop that does not settle, or a
   fix that breaks the draft, leaves the text as it was (sqlfluff's choice: no half-fixed
   post). `restore` puts the file's BOM and line endings back; `write` replaces the file
   atomically.
"""

from __future__ import annotations

import collections
import difflib
import os
import stat
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import regex

from postlint.i18n import t
from postlint.problem import Fix, InputError

MAX_PASSES = 10
BOM = "\ufeff"
LINE_BREAK = regex.compile(r"\r\n|\r|\n")
SPACES = " \t"


# -- building fixes (in the checks) ---------------------------------------------------------
def remove(text: str, start: int, end: int, safe: bool = True) -> Fix:
    """Delete `text[start:end]` (a word, a hashtag) with the blanks that separated it: those
    before it, or those after it where it starts a line, and its line when nothing else is
    left on it."""
    before, after = start, end
    while before > 0 and text[before - 1] in SPACES:
        before -= 1
    while after < len(text) and text[after] in SPACES:
        after += 1
    line_start = before == 0 or text[before - 1] == "\n"
    line_end = after == len(text) or text[after] == "\n"
    if line_start and line_end:  # alone on its line: the line goes, with one line break
        if after < len(text):
            after += 1
        elif before > 0:
            before -= 1
        return Fix(before, after, "", safe)
    if line_start:
        return Fix(start, after, "", safe)
    return Fix(before, end, "", safe)


def combine(text: str, edits: list[Fix], safe: bool) -> Fix | None:
    """One fix for several edits of `text` (non-overlapping): the span from the first to the
    last, with the text between them kept."""
    if not edits:
        return None
    edits = sorted(edits, key=lambda e: (e.start, e.end))
    start, end = edits[0].start, max(e.end for e in edits)
    pieces, pos = [], start
    for edit in edits:
        if edit.start < pos:
            return None  # overlapping: no single repair
        pieces += [text[pos:edit.start], edit.content]
        pos = edit.end
    pieces.append(text[pos:end])
    return Fix(start, end, "".join(pieces), safe)


def in_file(fix: Fix, draft, raw: bool = False) -> Fix | None:
    """A fix in `draft.text` offsets, in file offsets; None when it cannot be applied to the
    file: its span crosses an author note (which it would delete), or the draft is a row of
    a calendar file (a cell's text is quoted and escaped in the file)."""
    from postlint import tabular

    if tabular.is_calendar(Path(draft.path)):
        return None
    start, end = (fix.start, fix.end) if raw else draft.file_span(fix.start, fix.end)
    if end - start != fix.end - fix.start:
        return None
    return Fix(start, end, fix.content, fix.safe, *draft.position(start), *draft.position(end))


# -- applying fixes --------------------------------------------------------------------------
def applicable(fix: Fix | None, unsafe: bool) -> bool:
    return fix is not None and (fix.safe or unsafe)


def apply(text: str, findings) -> tuple[str, list]:
    """Apply the fixes of `findings` to `text` (file offsets) in one pass: sorted by span,
    an edit identical to one applied is applied once (both findings count as fixed), an
    edit that overlaps the one before it, or inserts where it inserts, waits for the next
    pass. Returns the new text and the findings whose fix was applied."""
    ordered = sorted(findings, key=lambda f: (f.fix.start, f.fix.end, f.fix.content))
    pieces, applied, pos, last = [], [], 0, None
    for finding in ordered:
        fix = finding.fix
        edit = (fix.start, fix.end, fix.content)
        if last is not None and edit == last:
            applied.append(finding)
            continue
        if fix.start < pos or (last is not None and fix.start == last[0] == last[1]) or fix.end > len(text):
            continue
        pieces += [text[pos:fix.start], fix.content]
        pos, last = fix.end, edit
        applied.append(finding)
    pieces.append(text[pos:])
    return "".join(pieces), applied


@dataclass
class Outcome:
    """What the fix loop did to one text: the fixed text (the input when nothing applied),
    how many findings it fixed per rule code, and why it gave up (None when it settled)."""

    text: str
    fixed: collections.Counter = field(default_factory=collections.Counter)
    problem: str | None = None

    @property
    def count(self) -> int:
        return sum(self.fixed.values())


def fix_text(lint, text: str, unsafe: bool = False) -> Outcome:
    """Run the fix loop: `lint(text)` returns the text's findings (raising InputError for a
    text it cannot read); the applicable fixes are applied until none is left."""
    fixed: collections.Counter = collections.Counter()
    seen, current = {text}, text
    for _ in range(MAX_PASSES):
        try:
            findings = [f for f in lint(current) if applicable(f.fix, unsafe)]
        except InputError as exc:  # a fix broke the draft: nothing is written
            return Outcome(text, problem=t("fixes would break the draft ({problem}); nothing changed", problem=exc))
        if not findings:
            return Outcome(current, fixed)
        new, applied = apply(current, findings)
        if new == current:
            return Outcome(current, fixed)
        fixed.update(f.code for f in applied)
        if new in seen:  # back to a text of an earlier pass: they would go round for ever
            break
        seen.add(new)
        current = new
    codes = ", ".join(sorted(fixed))
    return Outcome(text, problem=t("fixes do not settle ({codes}; at most {passes} passes); nothing changed",
                                   codes=codes, passes=MAX_PASSES))


# -- writing ---------------------------------------------------------------------------------
def restore(original: str, old: str, new: str) -> str:
    """`new` (LF line breaks, no BOM: as `source.decode` gives) in the file's own form: the
    BOM of `original` (the file as decoded, before that normalisation) and, line by line,
    its line endings. `old` is `original` normalised; lines the fix did not touch keep
    their ending, new lines get the file's most common one."""
    bom = BOM if original.startswith(BOM) else ""
    body = original[len(bom):]
    endings = LINE_BREAK.findall(body)
    if not endings or all(e == "\n" for e in endings):
        return bom + new
    common = collections.Counter(endings).most_common(1)[0][0]
    old_lines, new_lines = old.split("\n"), new.split("\n")
    # old line i ended with endings[i]; the last line of a text has no ending
    out: list[str] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        for k in range(j2 - j1):
            line = new_lines[j1 + k]
            i = i1 + k if tag in ("equal", "replace") and i1 + k < i2 else None
            if j1 + k == len(new_lines) - 1:
                ending = ""
            elif i is not None and i < len(endings):
                ending = endings[i]
            else:
                ending = common
            out.append(line + ending)
    return bom + "".join(out)


def write(path: Path, text: str) -> None:
    """Replace `path` with `text` (UTF-8, written as is) atomically: a temporary file in the
    same folder with the file's mode, renamed over it. A symbolic link stays one: the file
    it points to is replaced. Raises OSError."""
    path = Path(os.path.realpath(path))
    mode = stat.S_IMODE(os.stat(path).st_mode)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".postlint-fix", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(text)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def diff(path: str, before: str, after: str) -> str:
    """A unified diff of `before` and `after` as `patch -p0` applies it to `path`."""
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                 fromfile=path, tofile=path)
    out = []
    for line in lines:
        out.append(line)
        if not line.endswith(("\n", "\r")):
            out.append("\n\\ No newline at end of file\n")
    return "".join(out)


# -- fixing inputs (the command line's --fix, --diff, --fix-only) ----------------------------
@dataclass
class Fixed:
    """One input after the fix loop: its display name, its text before and after (as in the
    file: BOM and line endings kept), what was fixed, and the problem that kept it as it was."""

    path: str
    before: str
    after: str
    outcome: Outcome

    @property
    def changed(self) -> bool:
        return self.before != self.after


def fix_input(linter, data: bytes, path: Path, display: str, unsafe: bool) -> Fixed:
    """Run the fix loop on one draft file's bytes. Raises InputError for an input that
    cannot be read as a draft (the lint reports it; nothing is written)."""
    from postlint import source

    cfg = linter.config_for(path)
    if len(data) > cfg.max_file_size:
        raise InputError("input too large")
    raw = source.decode(data)
    source.split_front_matter(raw)  # malformed front matter: an input error, never written
    original = data.decode("utf-8")
    outcome = fix_text(lambda text: linter.lint_text(text, path, display, cfg).findings, raw, unsafe)
    return Fixed(display, original, restore(original, raw, outcome.text) if outcome.text != raw else original, outcome)
