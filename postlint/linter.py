"""Run the selected rules on drafts: build the draft, resolve settings, stamp and suppress.

Most rules look at one draft (phase "draft"). The schedule rules need every draft of a run
(phase "run"): `Linter.cross_draft` runs them once over all drafts before each draft's
suppressions apply (`complete`, or `finish`). The rules about suppressions themselves run
after them (phase "after-suppressions"). See `registry` for the protocol.
"""

from __future__ import annotations

import errno
import functools
import os
from array import array
from dataclasses import dataclass, field
from pathlib import Path

from postlint import calendar
from postlint import config as config_mod
from postlint import fixes, frontmatter, i18n, lang as lang_mod, packs, registry, similar, source, suppress, tabular
from postlint.i18n import t
from postlint.paths import CALENDAR_SUFFIXES, DRAFT_SUFFIXES, read_up_to
from postlint.problem import FINDING_ORDER, ConfigError, Finding, Hit, InputError, Level, pickled_by_fields, short

DEFAULT_CHANNEL = "linkedin"
DEFAULT_TYPE = "post"


@dataclass(frozen=True, slots=True)
class Options:
    """What the command line adds on top of the configuration files."""

    channel: str | None = None
    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    config_file: str | None = None
    calendar: tuple[str, ...] = ()  # `key=value` calendar settings (tabular.option_table)
    follow_symlinks: bool = False  # also symbolic links to files outside the checked folders
    language: str | None = None  # of the messages (postlint.i18n); None: as chosen before
    # the schedule rules (phase "run"): "all" with the others, "skip" them (a hook
    # that sees only the changed files), or "only" them (a hook over every draft, once a commit)
    schedule: str = "all"


@pickled_by_fields
@dataclass(slots=True)
class Entry:
    """One draft of an input (the file, or one row of a calendar file) and its findings."""

    draft: source.Draft
    row: int | None = None  # the line of a calendar file's row
    findings: list[Finding] = field(default_factory=list)
    # until `Linter.complete`: rules that run after suppressions, and (level, options) of
    # the rules that need every draft of the run, by code
    after: list = field(default_factory=list)
    cross: dict = field(default_factory=dict)

    @property
    def on_schedule(self) -> bool:
        """Whether the schedule pass has this draft to compare: it is scheduled, and rules of
        that pass apply to it."""
        return bool(self.cross) and ("scheduled" in self.draft.meta or self.draft.fingerprint is not None)


@pickled_by_fields
@dataclass(slots=True)
class Result:
    """The outcome for one input: findings, or an input error message, or both for a
    calendar file with unreadable rows. `draft` is the first draft, for source snippets."""

    path: str
    findings: list[Finding] = field(default_factory=list)
    error: str | None = None
    draft: source.Draft | None = None
    entries: list[Entry] = field(default_factory=list)
    raw: str | None = None  # the file's text, for source snippets when there is no draft (cache hits)
    _lines: list[str] | None = field(default=None, repr=False)

    def line_text(self, line: int) -> str:
        if self.draft is not None:
            return self.draft.line_text(line)
        if self._lines is None:  # split once: a snippet per finding asks
            self._lines = (self.raw or "").split("\n")
        return self._lines[line - 1] if 0 < line <= len(self._lines) else ""


def _specificity(selector: str, rule: registry.Rule) -> int:
    if selector.upper() == "ALL":
        return 0
    if selector.lower() == rule.name or selector.upper() == rule.code:
        return 100
    return len(selector) if rule.code.startswith(selector.upper()) else -1


class Linter:
    """Lints files and texts with configuration discovered per directory (or one given file)."""

    def __init__(self, options: Options = Options(), config: config_mod.Config | None = None):
        self.options = options
        if options.language:  # also in worker processes, which build their own Linter
            i18n.use(options.language)
        self._explicit = config
        if options.config_file:
            path = Path(options.config_file)
            if not path.is_file():
                raise ConfigError(t("{path}: config file not found", path=path))
            self._explicit = config_mod.load(path) or config_mod.Config(source=str(path), root=path.parent)
        for selector in (*(options.select or ()), *options.extend_select, *options.ignore):
            config_mod._selectors([selector], "--select/--ignore")
        self._calendar_options = tabular.option_table(options.calendar)
        tabular.settings(self._calendar_options, "--calendar-option")  # report bad options up front
        self._calendars: dict = {}
        self._settings: dict = {}
        self._selection: dict = {}
        self._plans: dict = {}
        self._folders: dict[str, config_mod.Config] = {}
        # set by streamed runs (`check`): a finished result keeps its findings, and the
        # file's text for source snippets only
        self.compact = False
        self.snippets = True

    @functools.cached_property
    def calendar(self):
        """Calendar settings of the run (its configuration's zone counts the schedule's days)."""
        return self.calendar_for(self._explicit or config_mod.discover(Path.cwd()))

    def calendar_for(self, cfg: config_mod.Config):
        """Calendar settings: the configuration's `[calendar]` table under `--calendar-option`."""
        if cfg not in self._calendars:
            table = {**cfg.calendar, **self._calendar_options}
            table["columns"] = {**cfg.calendar.get("columns", {}), **self._calendar_options.get("columns", {})}
            self._calendars[cfg] = tabular.settings(table, f"{cfg.source}: calendar / --calendar-option")
        return self._calendars[cfg]

    def config_for(self, path: Path) -> config_mod.Config:
        if self._explicit is not None:
            return self._explicit
        # the files of a folder share its configuration (a symbolic link has that of where it
        # points): a folder is resolved once, not each of its files (~30 µs a file)
        name = os.path.join(os.getcwd(), path)
        if os.path.islink(name):
            return config_mod.discover(config_mod.resolve(path).parent)
        folder = os.path.dirname(name)
        if folder not in self._folders:
            self._folders[folder] = config_mod.discover(config_mod.resolve(Path(folder)))
        return self._folders[folder]

    # -- selection and per-rule settings -------------------------------------------------
    def selected(self, cfg: config_mod.Config, tables: tuple) -> list[registry.Rule]:
        key = (cfg, tuple(id(t) for t in tables))  # the tables belong to cfg, which the key keeps alive
        if key not in self._selection:
            opts = self.options
            positive = list(opts.select if opts.select is not None else (cfg.select or ["ALL"]))
            positive += [*cfg.extend_select, *opts.extend_select]
            negative = [*cfg.ignore, *opts.ignore]
            for table in tables:
                positive += table["extend-select"]
                negative += table["ignore"]
            chosen = []
            for rule in registry.rules():
                best_pos = max((_specificity(s, rule) for s in positive), default=-1)
                best_neg = max((_specificity(s, rule) for s in negative), default=-1)
                if best_pos >= 0 and best_pos > best_neg and self._schedule_allows(rule):
                    chosen.append(rule)
            self._selection[key] = chosen
        return self._selection[key]

    def _schedule_allows(self, rule: registry.Rule) -> bool:
        if self.options.schedule == "all":
            return True
        return (rule.phase == "run") == (self.options.schedule == "only")

    def settings(self, rule: registry.Rule, cfg, tables: tuple, channel: str, type_: str):
        """(enabled, level, options) of a rule for one channel and type."""
        key = (rule.code, cfg, tuple(map(id, tables)), channel, type_)
        if key not in self._settings:
            layers = [packs.core_pack()[rule.name], cfg.rules.get(rule.name)]
            layers += [table["rules"].get(rule.name) for table in tables]
            merged: dict = {}
            for layer in layers:
                if layer:
                    merged.update(packs.scoped(layer, channel, type_))
            merged.pop("cite", None)
            enabled = merged.pop("enabled", True)
            level = Level.parse(merged.pop("level"))
            self._settings[key] = (enabled, level, merged)
        return self._settings[key]

    # -- entry points -------------------------------------------------------------------
    # Each returns a finished Result; with `defer=True` it waits for `complete`, which runs
    # the rules that need every draft of the run (the schedule) over all deferred results,
    # or for `finish` with the findings of a schedule pass run separately (runner.py).
    # `known`: the single-draft findings, from the cache.
    def lint_path(self, path: Path, display: str | None = None, *, defer: bool = False,
                  known: list[Finding] | None = None) -> Result:
        display = display or path.as_posix()
        read = self.read(path, display)
        if isinstance(read, Result):
            return read
        cfg, data = read
        return self.lint_bytes(data, path, display, cfg, defer=defer, known=known)

    def read(self, path: Path, display: str):
        """(the file's configuration, its bytes), or a Result with the reason it cannot be read."""
        cfg = self.config_for(path)
        try:
            data, size = read_up_to(path, cfg.max_file_size)
        except OSError as exc:
            return Result(display, error=t("cannot read file: {reason}", reason=exc.strerror or exc))
        if data is None:
            megabytes, limit = f"{size / 1e6:.1f}", f"{cfg.max_file_size / 1e6:g}"
            return Result(display, error=t("file too large ({size} MB > {limit} MB limit, max-file-size)",
                                           size=megabytes, limit=limit))
        return cfg, data

    def lint_bytes(self, data: bytes, path: Path, display: str, cfg=None, *, defer: bool = False,
                   known: list[Finding] | None = None) -> Result:
        cfg = cfg or self.config_for(path)
        try:
            if len(data) > cfg.max_file_size:  # stdin, read up to one byte more than the limit
                limit = f"{cfg.max_file_size / 1e6:g}"
                raise InputError(t("input too large (over the {size} MB limit, max-file-size)", size=limit))
            # a spreadsheet's CSV export may be Windows-1252 (Excel's default in Western Europe)
            text = source.decode(data, legacy=path.suffix.lower() == ".csv")
            return self.lint_text(text, path, display, cfg, defer=defer, known=known)
        except InputError as exc:
            return Result(display, error=str(exc))

    def lint_text(self, raw: str, path: Path, display: str, cfg=None, *, defer: bool = False,
                  known: list[Finding] | None = None) -> Result:
        """Lint decoded text (LF line endings): a draft, or a calendar file (.csv, .jsonl) with
        one draft per row. Raises InputError for malformed front matter or an unreadable calendar."""
        cfg = cfg or self.config_for(path)
        tables = tuple(cfg.path_tables(path))
        result = Result(display)
        if tabular.is_calendar(path):
            rows, errors = tabular.read(raw, path, self.calendar_for(cfg))
            starts = array("I", source.line_starts(raw))  # one copy for every row
            result.error = "; ".join(errors) or None
            result.entries = [Entry(self._draft(raw, display, row.front_matter, row.text, row.runs, [], cfg, tables,
                                                starts), row.line) for row in rows]
        else:
            result.entries = [Entry(self.build(raw, path, display, cfg, tables))]
        for entry in result.entries:
            self._begin(entry, cfg, tables, known)
        result.draft = result.entries[0].draft if result.entries else None
        if not defer:
            self.complete([result])
        elif self.compact:
            self._compact(result)
        return result

    def _compact(self, result: Result) -> None:
        """A run of many files holds the results that wait for the schedule pass: a result
        without a scheduled draft gets nothing from that pass, so it is finished now; the
        drafts of the others keep what the pass, the suppressions and the output read."""
        if not any(entry.on_schedule for entry in result.entries):
            self.finish(result)
            return
        for entry in result.entries:
            entry.draft = entry.draft.shed(keep_raw=self.snippets)
        result.draft = result.entries[0].draft if result.entries else None

    def complete(self, results: list[Result]) -> None:
        """Run the rules that need every draft of `results`, then apply each draft's
        suppressions and the rules that report on them."""
        self.cross_draft([entry for result in results for entry in result.entries])
        for result in results:
            self.finish(result)

    def finish(self, result: Result, schedule: dict[int, list[Finding]] | None = None) -> None:
        """Apply each draft's suppressions and the rules that report on them, after adding
        the findings of a schedule pass run beforehand (`schedule`: entry number -> findings)."""
        for number, entry in enumerate(result.entries):
            if schedule and number in schedule:
                entry.findings += schedule[number]
            self._finish(entry)
        if result.entries:  # a cache hit has findings and no entries
            result.findings = sorted((f for entry in result.entries for f in entry.findings), key=FINDING_ORDER)
        if self.compact:  # only the findings are printed, and the text for snippets
            result.raw = result.draft.raw if self.snippets and result.draft is not None else result.raw
            result.entries, result.draft = [], None

    def cross_draft(self, entries: list[Entry]) -> None:
        """Add the findings of the rules that need every draft (one timeline, a scan per rule)."""
        codes = sorted({code for entry in entries for code in entry.cross})
        if not codes:
            return
        timeline = calendar.Timeline(((e.draft, e.row) for e in entries), self.calendar.zone)
        owner = {id(e.draft): e for e in entries}
        for code in codes:
            rule = registry.lookup(code)
            settings = {id(e.draft): e.cross[code] for e in entries if code in e.cross}
            # `opts_for(post)` is a dict lookup: the rules ask for every post
            options = {post: settings[id(post.draft)][1] for post in timeline.posts if id(post.draft) in settings}
            options.update((item, settings[id(item.draft)][1]) for item in timeline.texts
                           if item not in options and id(item.draft) in settings)
            try:
                for draft, hit in rule.check(timeline, options.get):
                    owner[id(draft)].findings.append(stamp(rule, settings[id(draft)][0], hit, draft))
            except Exception as exc:  # noqa: BLE001 - a schedule no rule foresaw: one line, not a traceback
                raise InputError(t("the schedule pass ({code} {name}) failed: {error}: {problem}", code=rule.code,
                                   name=rule.name, error=type(exc).__name__, problem=short(str(exc)))) from None

    def _begin(self, entry: Entry, cfg, tables: tuple, known: list[Finding] | None = None) -> None:
        """Run the single-draft rules, or take their findings from `known` (the cache), and
        note the rules for later phases."""
        draft = entry.draft
        single, cross, after = self._plan(cfg, tables, draft.channel, draft.type)
        # shared with every entry of the same plan (never changed in place): one copy per
        # batch of results sent back from a worker process
        entry.cross, entry.after = cross, after
        if cross and _compares_texts(tuple(cross), "scheduled" in draft.meta):
            draft.fingerprint = similar.fingerprint(draft, names=draft.type in similar.TO_PERSONS)
        if known is not None:
            entry.findings = list(known)
            return
        for rule, level, opts in single:
            try:
                entry.findings += [stamp(rule, level, hit, draft) for hit in rule.check(draft, opts)]
            except InputError:
                raise
            except Exception as exc:  # noqa: BLE001 - a draft no rule foresaw: its one-line error, not a traceback
                raise InputError(t("{code} {name} could not check this draft: {error}: {problem}", code=rule.code,
                                   name=rule.name, error=type(exc).__name__, problem=short(str(exc)))) from None

    def _plan(self, cfg, tables: tuple, channel: str, type_: str):
        """(single-draft rules, cross-draft rules by code, rules run after suppressions), each
        with its level and options, for drafts of one channel and type: worked out once."""
        key = (cfg, tuple(id(t) for t in tables), channel, type_)
        if key not in self._plans:
            single, cross, after = [], {}, []
            for rule in self.selected(cfg, tables):
                enabled, level, opts = self.settings(rule, cfg, tables, channel, type_)
                if not enabled:
                    continue
                if rule.phase == "run":
                    cross[rule.code] = (level, opts)
                elif rule.phase == "after-suppressions":
                    after.append((rule.code, level, opts))  # a code: entries cross process boundaries
                else:
                    single.append((rule, level, opts))
            self._plans[key] = single, cross, after
        return self._plans[key]

    def _finish(self, entry: Entry) -> None:
        draft = entry.draft
        suppressions, invalid = suppress.parse(draft)
        findings = suppress.apply(entry.findings, suppressions)
        outcome = suppress.Outcome(suppress.unused(suppressions), invalid)
        for code, level, opts in entry.after:
            rule = registry.lookup(code)
            findings += [stamp(rule, level, hit, draft) for hit in rule.check(draft, opts, outcome)]
        entry.findings, entry.after, entry.cross = sorted(findings, key=FINDING_ORDER), [], {}

    def build(self, raw: str, path: Path, display: str, cfg, tables=None) -> source.Draft:
        fm = source.split_front_matter(raw)
        text, runs, notes = source.body_runs(raw, fm.end)
        return self._draft(raw, display, fm, text, runs, notes, cfg,
                           cfg.path_tables(path) if tables is None else tables)

    def _draft(self, raw: str, display: str, fm: source.FrontMatter, text: str, runs, notes, cfg, tables,
               line_starts=None) -> source.Draft:
        if "scheduled" in fm.data:  # a local time is read in the calendar's zone
            frontmatter.localize(fm.data, self.calendar_for(cfg).zone)
        meta, _ = frontmatter.validate(fm.data)

        def pick(key, cli=None, default=None):
            from_path = [t[key] for t in tables if key in t]
            for value in (meta.get(key), cli, from_path[-1] if from_path else None, getattr(cfg, key)):
                if value:
                    return value
            return default

        account = cfg.accounts.get(meta.get("account"))  # postlint.accounts
        # an account's channel comes after the draft's own and --channel, before the configuration's
        channel = pick("channel", self.options.channel or (account and account.channel), DEFAULT_CHANNEL)
        lang = pick("lang") or lang_mod.detect(text)
        return source.Draft(path=display, raw=raw, meta=meta, channel=channel, type=pick("type", None, DEFAULT_TYPE),
                            lang=lang, body_start=fm.end, text=text, notes=notes, front_matter=fm, _runs=runs,
                            _line_starts=line_starts or [], account=account, accounts=cfg.accounts)


@functools.cache
def _compares_texts(codes: tuple[str, ...], scheduled: bool) -> bool:
    """Whether one of these cross-draft rules compares texts of drafts like this one: their
    `texts` is "all", or "scheduled" and the draft is scheduled (the rest see times only)."""
    texts = {registry.lookup(code).texts for code in codes}
    return "all" in texts or ("scheduled" in texts and scheduled)


def stamp(rule: registry.Rule, level: Level, hit: Hit, draft: source.Draft) -> Finding:
    """Turn a check's Hit into a Finding with code, name, level and file positions."""
    start, end = (hit.start, hit.end) if hit.raw else draft.file_span(hit.start, hit.end)
    line, column = draft.position(start)
    end_line, end_column = draft.position(end)
    fix = hit.fix
    if fix is not None:  # in file offsets, or none where it cannot apply to the file (fixes.py)
        fix = fixes.in_file(fix, draft, raw=hit.raw)
    return Finding(draft.path, line, column, rule.code, end_line, end_column, rule.name, level, hit.message,
                   start, end, fix)


def iter_files(paths, linter: Linter, seen: set[str] | None = None):
    """Expand folders recursively to draft files; skip hidden folders and excluded paths.

    Yields (path, None) for files, (path, message) for arguments that do not exist and for
    symbolic links that are not followed: loops, broken links, and (unless the options
    say so) links to files outside the working directory and the folder checked.
    """
    here_root = _real(os.getcwd())
    # the files named on the command line and the calendars of the configuration, by real
    # path: a calendar is read once (`seen` is shared by the calls of one run)
    seen = set() if seen is None else seen
    for arg in paths:
        path = Path(arg)
        if not path.exists():
            yield path, _link_problem(path, (), True) if os.path.islink(path) else t("no such file or directory")
        elif path.is_dir():
            roots = (here_root, _real(path))
            configs = {}  # the folders' configurations, for their `calendars`
            for folder, dirs, files in os.walk(path):
                here = Path(folder)
                dirs[:] = sorted(d for d in dirs if not d.startswith(".")
                                 and not linter.config_for(here / d / "x").excluded(here / d))
                # the files of a folder share its configuration and its relative path (a
                # symbolic link is resolved on its own): one resolution per folder, not per file
                cfg = linter.config_for(here / "x")
                configs[id(cfg)] = cfg
                base = cfg.relative(here)
                for name in sorted(files):
                    if not name.endswith(DRAFT_SUFFIXES):
                        continue
                    candidate = here / name
                    if os.path.islink(candidate):
                        problem = _link_problem(candidate, roots, linter.options.follow_symlinks)
                        if problem:
                            yield candidate, problem
                            continue
                        excluded = linter.config_for(candidate).excluded(candidate)
                    else:
                        excluded = cfg.excluded(candidate, f"{base}/{name}" if base not in ("", ".") else name)
                    if not excluded:
                        yield candidate, None
            yield from _calendars(path, configs.values(), seen)
        else:
            if path.suffix.lower() in CALENDAR_SUFFIXES and _real(path) in seen:
                continue  # a calendar the configuration named, already listed with its folder
            problem = None
            if os.path.islink(path):
                problem = _link_problem(path, (here_root, _real(path.parent)), linter.options.follow_symlinks)
            if problem:
                yield path, problem
            elif not linter.config_for(path).excluded(path):
                seen.add(_real(path))
                yield path, None


def _calendars(folder: Path, configs, seen: set[str]):
    """The calendar files the configurations name that lie in `folder`, each once (also when
    named on the command line as well): a missing one is an input error."""
    top = _real(folder)
    for cfg in configs:
        for calendar_path in cfg.calendars:
            real = _real(calendar_path)
            if real in seen or not (real + os.sep).startswith(top.rstrip(os.sep) + os.sep):
                continue
            seen.add(real)
            shown = Path(os.path.relpath(calendar_path)) if not folder.is_absolute() else calendar_path
            yield shown, None if calendar_path.is_file() else t("no such file or directory (named in {source})",
                                                                 source=cfg.source)


def _real(path) -> str:
    return os.path.realpath(path)


def _link_problem(path: Path, roots: tuple[str, ...], follow: bool) -> str | None:
    """Why the symbolic link `path` is not followed, or None: a loop, a broken link, or a
    target outside every folder of `roots` (unless `follow`). A draft named through a link
    is checked, and its lines shown, so a link to /etc/passwd in an untrusted pull request
    would print the file into a public CI log."""
    try:
        target = os.path.realpath(path, strict=True)
    except OSError as exc:
        return t("symbolic link loop") if exc.errno == errno.ELOOP else t("broken symbolic link")
    except RuntimeError:  # older Pythons' resolve
        return t("symbolic link loop")
    if follow or any(target == root or target.startswith(root.rstrip(os.sep) + os.sep) for root in roots):
        return None
    return t("symbolic link to a file outside the working directory and the folder checked, not followed "
             "(--follow-symlinks checks it)")
