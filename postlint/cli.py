"""Command line: `postlint check`, `calendar`, `stats`, `rules`, `rule`, `server`.

Exit codes: 0 clean, 1 findings at or above `--fail-on`, 2 usage, configuration or input
errors (unreadable, binary, non-UTF-8, oversized files, malformed front matter).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import sys
from pathlib import Path

import click

from postlint import __version__, i18n, options
from postlint.i18n import N_, t
from postlint.paths import docs_url
from postlint.problem import ConfigError, InputError, Level


def _codes(values) -> tuple[str, ...]:
    return tuple(code.strip() for value in values for code in value.split(",") if code.strip())


SURROGATE = re.compile("[\ud800-\udfff]")  # how a file name's undecodable bytes arrive


def _printable(text: str) -> str:
    """`text` with the bytes of file names that are not valid UTF-8 shown as U+FFFD."""
    if not SURROGATE.search(text):  # a scan, not a copy of a possibly large output
        return text
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _error_line(result) -> str:
    """The one line of an input error: a file name or message cannot forge a second line or
    send the terminal control sequences."""
    from postlint.formatters import _visible

    return f"{_visible(result.path)}: error: {_visible(result.error)}"


def _fail(message: str) -> None:
    from postlint.formatters import _visible

    click.echo(f"postlint: error: {_visible(message)}", err=True)
    sys.exit(2)


def _results(paths, stdin_filename, linter, jobs: int = 1, cache_dir: str | None = None):
    """Every input's final result, in order, as they are done (runner.lint_inputs). Missing
    paths and unreadable files are errors."""
    from postlint import runner

    cache = None
    if cache_dir:
        cache = runner.Cache(Path(cache_dir), repr(linter.options))
    return runner.lint_inputs(linter, paths, stdin_filename, jobs, cache)


def _make_linter(channel, select, extend_select, ignore, config, calendar=(), follow_symlinks=False,
                 schedule="all"):
    from postlint.linter import Linter, Options

    return Linter(Options(channel=channel, select=_codes(select) or None, extend_select=_codes(extend_select),
                          ignore=_codes(ignore), config_file=config, calendar=tuple(calendar),
                          follow_symlinks=follow_symlinks, language=i18n.language, schedule=schedule))


# -- the message language and translated help ------------------------------------------------
# Help texts are English msgids (N_), translated when shown: click stores them when the
# decorators run, before the language is known. Click's own strings ("Usage:", "Options")
# look themselves up in the global gettext domain, bound to postlint's catalogue in `main`.
def _option_value(args: list[str], name: str) -> str | None:
    """The value of `--name VALUE` or `--name=VALUE` in `args`, the last one given."""
    found = None
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == name and i + 1 < len(args):
            found = args[i + 1]
        elif arg.startswith(name + "="):
            found = arg[len(name) + 1:]
    return found


def choose_language(args: list[str], environ=os.environ) -> str:
    """The message language of a command line: `--language`, else `language` in the
    configuration (`--config`, or the one found from the working directory), else the
    environment (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), else English."""
    from postlint import config as config_mod, i18n

    given = i18n.normalize(_option_value(args, "--language"))
    if given:
        return given
    path = _option_value(args, "--config")
    try:
        cfg = config_mod.load(Path(path)) if path else config_mod.discover(Path.cwd())
    except (ConfigError, OSError):  # reported by the command itself, in the language found below
        cfg = None
    return (cfg and cfg.language) or i18n.from_environment(environ) or i18n.DEFAULT


def speak(lang: str) -> None:
    """Use `lang` for postlint's messages and click's own strings (which read the
    environment through the global gettext functions)."""
    import gettext

    from postlint import i18n

    i18n.use(lang)
    gettext.bindtextdomain(i18n.DOMAIN, str(i18n.LOCALEDIR))
    gettext.textdomain(i18n.DOMAIN)
    os.environ["LANGUAGE"] = i18n.language


class TranslatedOption(click.Option):
    def get_help_record(self, ctx):
        english = self.help
        self.help = t(english) if english else english
        try:
            return super().get_help_record(ctx)
        finally:
            self.help = english


def option(*names, **kwargs):
    return click.option(*names, cls=TranslatedOption, **kwargs)


def from_table(declared: options.Option, **extra) -> tuple[list[str], dict]:
    """The click declaration (names, keyword arguments) of an option declared in options.py."""
    kwargs = {"help": declared.help or None, "multiple": declared.multiple, "envvar": declared.envvar,
              "metavar": declared.metavar, "is_flag": declared.flag, "cls": TranslatedOption, **extra}
    if declared.choices:
        choices = declared.choices
        if isinstance(choices, str):  # "module:ATTRIBUTE", kept out of options.py's imports
            import importlib

            module, _, name = choices.partition(":")
            choices = getattr(importlib.import_module(module), name)
        kwargs["type"] = click.Choice(choices)
    elif declared.path:
        kwargs["type"] = click.Path(dir_okay=False, writable=declared.path == "write")
    elif declared.positive:
        kwargs["type"] = click.IntRange(min=1)
    if declared.default is not None:
        kwargs.update(default=declared.default, show_default=True)
    return [*declared.names, *([declared.dest] if declared.dest else [])], kwargs


def with_options(table):
    """A decorator adding the click options of `table` to a command, in the table's order."""
    def decorate(fn):
        for declared in reversed(table):
            names, kwargs = from_table(declared)
            fn = click.option(*names, **kwargs)(fn)
        return fn
    return decorate


class TranslatedCommand(click.Command):
    """A command whose help and short help are translated when shown, and which takes
    `--language` (chosen before parsing, see `Group.main`) like the group does."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        names, kwargs = from_table(options.LANGUAGE, expose_value=False)
        self.params.append(kwargs.pop("cls")(names, **kwargs))

    def _translated(self, method, *args):
        english, short = self.help, self.short_help
        self.help = t(english) if english else english
        self.short_help = t(short) if short else short
        try:
            return method(*args)
        finally:
            self.help, self.short_help = english, short

    def format_help_text(self, ctx, formatter):
        return self._translated(super().format_help_text, ctx, formatter)

    def get_short_help_str(self, limit: int = 45) -> str:
        return self._translated(super().get_short_help_str, limit)

    def get_help_option(self, ctx):
        found = super().get_help_option(ctx)
        if found is not None:
            found.help = t(N_("Show this message and exit."))
        return found


class Group(TranslatedCommand, click.Group):
    command_class = TranslatedCommand

    def main(self, args=None, *rest, **kwargs):
        args = sys.argv[1:] if args is None else list(args)
        speak(choose_language(args))
        return super().main(args, *rest, **kwargs)


with_common = with_options(options.COMMON)
calendar_option = with_options([options.CALENDAR])


@click.group(cls=Group, context_settings={"help_option_names": ["-h", "--help"]},
             help=N_("A linter for draft social-media posts."))
@click.version_option(__version__, prog_name="postlint", cls=TranslatedOption, help=N_("Show the version and exit."))
def main():
    pass  # the commands below


@main.command(help=N_("Check drafts: files, folders (recursively), calendars (.csv, .jsonl) or `-` for stdin."))
@click.argument("paths", nargs=-1)
@with_options([o for o in options.CHECK if o is not options.LANGUAGE])  # --language: every command has it
def check(paths, channel, config, stdin_filename, follow_symlinks, fmt, select, extend_select, ignore, fail_on,
          exit_zero, quiet, output, color, calendar_options, schedule, jobs, no_cache, cache_dir, fix, unsafe_fixes,
          diff, fix_only):
    fixing = _Fixing(unsafe_fixes, "diff" if diff else "fix" if fix or fix_only else None, fix_only)
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if output:  # checked before any file is read or a worker started
        try:
            target = open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed after the run
        except OSError as exc:
            _fail(t("cannot write {path}: {reason}", path=output, reason=exc.strerror or exc))
    else:
        target = None
    try:
        linter = _make_linter(channel, select, extend_select, ignore, config, calendar_options, follow_symlinks,
                              schedule)
        # the html report shows each draft's text: it keeps whole drafts, not only findings
        linter.compact, linter.snippets = fmt != "html", fmt in ("text", "html")
        if fixing.mode:
            fixing.target = target  # --output: where --diff writes the diff
            stdin = fixing.run(linter, paths or ["."], stdin_filename)
            if fixing.mode == "diff" or fix_only:
                if target is not None:
                    target.close()
                sys.exit(fixing.finish())
            if stdin is not None:  # the fixed text is the output; the findings go to stderr
                target = target or _Stderr()
        with fixing.stdin():
            results = _results(paths or ["."], stdin_filename, linter, jobs or os.cpu_count() or 1,
                               None if no_cache else cache_dir)
        threshold = Level.parse(fail_on) if fail_on else (linter.config_for(Path("x")).fail_on or Level.WARNING)
    except ConfigError as exc:
        if target is not None and output:
            target.close()
            os.unlink(output)
        _fail(str(exc))
    from postlint import formatters

    use_color = color == "always" or (color == "auto" and fmt in ("text", "concise") and sys.stdout.isatty()
                                      and not output)
    # where the output is kept for a replay: from the front door (command.py); a run that
    # fixes files is never replayed
    recorder = None if fixing.mode else click.get_current_context().obj
    printed = _Printed(use_color, target, recorder)
    failing = False

    def watched(results):
        nonlocal failing
        for result in results:
            if result.error:
                printed.error(_error_line(result))
            failing = failing or any(f.level >= threshold for f in result.findings)
            yield result

    if fmt == "html":
        from postlint import report

        chunks = report.html_report(watched(results), linter=linter)
    elif fmt in ("text", "concise", "github"):  # the formats with a summary say what is fixable
        chunks = formatters.FORMATTERS[fmt](watched(results), color=use_color, quiet=quiet,
                                            fixes=formatters.FixNote(fixing.count, unsafe_fixes))
    else:
        extra = {"fail_on": threshold} if fmt == "junit" else {}  # a case fails as the run does
        chunks = formatters.FORMATTERS[fmt](watched(results), color=use_color, quiet=quiet, **extra)
    with target or contextlib.nullcontext():
        try:
            for chunk in chunks:
                printed.out(chunk)
        except InputError as exc:  # the schedule pass over all drafts failed: no file to name
            printed.error(f"postlint: error: {exc}")
        code = 2 if printed.errors or fixing.errors else 1 if failing and not exit_zero else 0
        printed.record(code)
    sys.exit(code)


class _Stderr:
    """--output for a fixing run on stdin: the findings go to stderr, after the fixed text."""

    def write(self, text: str) -> None:
        click.echo(text, nl=False, err=True)

    def close(self) -> None:
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        pass


class _Fixing:
    """The fix pass of `check --fix`, `--diff` and `--fix-only`, before the lint pass that
    reports what remains (fixes.py does the work; this prints and writes)."""

    def __init__(self, unsafe: bool, mode: str | None, only: bool):
        self.unsafe, self.mode, self.only = unsafe, mode, only
        self.count = 0  # findings fixed
        self.errors = 0
        self.changed = 0
        self.fixed_stdin: bytes | None = None
        self.target = None  # a file for the diff (--output), else stdout

    def error(self, line: str) -> None:
        from postlint.formatters import _visible

        self.errors += 1
        click.echo(_printable(_visible(line)), err=True)

    def unchecked(self, line: str) -> None:
        """An input that cannot be fixed: the lint pass reports it, else (--diff, --fix-only) this."""
        if self.mode == "diff" or self.only:
            self.error(line)

    def run(self, linter, paths, stdin_filename) -> bytes | None:
        """Fix (or diff) every input; return the fixed stdin, if `-` was one."""
        from postlint import fixes, tabular
        from postlint.linter import iter_files

        for arg in paths:
            if arg == "-":
                path = Path(stdin_filename or "stdin.md")
                data = sys.stdin.buffer.read(linter.config_for(path).max_file_size + 1)
                fixed = self._one(linter, data, path, stdin_filename or "-")
                self.fixed_stdin = data if fixed is None else fixed.after.encode("utf-8")
                if self.mode == "fix":
                    sys.stdout.buffer.write(self.fixed_stdin)
                    sys.stdout.flush()
                continue
            for path, problem in iter_files([arg], linter):
                if problem:
                    self.unchecked(f"{path.as_posix()}: error: {problem}")
                    continue
                display = path.as_posix()
                if tabular.is_calendar(path):
                    click.echo(f"{_printable(display)}: " + t("fixes are not applied to calendar files (not applicable)"),
                               err=True)
                    continue
                read = linter.read(path, display)
                if not isinstance(read, tuple):  # too large or unreadable
                    self.unchecked(_error_line(read))
                    continue
                fixed = self._one(linter, read[1], path, display)
                if fixed is not None and fixed.changed and self.mode == "fix":
                    try:
                        fixes.write(path, fixed.after)
                    except OSError as exc:
                        self.error(f"{display}: error: " + t("cannot write: {reason}", reason=exc.strerror or exc))
        return self.fixed_stdin

    def _one(self, linter, data: bytes, path: Path, display: str):
        from postlint import fixes

        try:
            fixed = fixes.fix_input(linter, data, path, display, self.unsafe)
        except InputError as exc:
            self.unchecked(f"{display}: error: {exc}")
            return None
        if fixed.outcome.problem:
            self.error(f"{display}: error: {fixed.outcome.problem}")
        if fixed.changed:
            self.changed += 1
            self.count += fixed.outcome.count
            if self.mode == "diff":
                patch = fixes.diff(display, fixed.before, fixed.after)
                if self.target is not None:
                    self.target.write(patch)
                else:
                    click.echo(_printable(patch), nl=False)
        return fixed

    @contextlib.contextmanager
    def stdin(self):
        """The fixed stdin in place of stdin, for the lint pass."""
        if self.fixed_stdin is None:
            yield
            return
        import io

        real = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(self.fixed_stdin), encoding="utf-8")
        try:
            yield
        finally:
            sys.stdin = real

    def finish(self) -> int:
        """The exit code of --diff and --fix-only, after their one line on stderr."""
        from postlint.formatters import plural

        if self.mode == "diff":
            click.echo(t("Would fix {problems} in {files}.", problems=plural(self.count, "problem"),
                         files=plural(self.changed, "file")), err=True)
            return 2 if self.errors else 1 if self.changed else 0
        click.echo(t("Fixed {problems} in {files}.", problems=plural(self.count, "problem"),
                     files=plural(self.changed, "file")), err=True)
        return 2 if self.errors else 0


class _Printed:
    """Writes a run's output as it comes, in blocks (one `click.echo` per line would cost
    seconds on a large run), and keeps a copy for the replay while it is small."""

    BLOCK = 1 << 16

    def __init__(self, color: bool, target=None, recorder=None):
        self.color = color
        self.target = target  # a file (--output), else stdout
        self.recorder = recorder  # replay.Recorder, or None: the run is not recorded
        self.errors: list[str] = []
        self.pending: list[str] = []
        self.pending_size = 0
        # a run written to a file is not replayed
        self.kept: list[str] | None = [] if target is None and recorder is not None else None
        self.kept_size = 0

    def _clean(self, text: str) -> str:
        if not self.color and "\x1b" in text:  # what click.echo would strip, before recording
            text = click.unstyle(text)
        return _printable(text)

    def error(self, line: str) -> None:
        self.flush()  # after the output of the inputs before it
        line = self._clean(line)
        self.errors.append(line)
        click.echo(line, err=True, color=True)

    def out(self, chunk: str) -> None:
        self.pending.append(chunk)
        self.pending_size += len(chunk)
        if self.pending_size > self.BLOCK:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        block = self._clean("\n".join(self.pending))
        self.pending, self.pending_size = [], 0
        if self.target is not None:
            self.target.write(block + "\n")
            return
        click.echo(block, color=True)
        if self.kept is not None:
            self.kept.append(block)
            self.kept_size += len(block)
            if self.kept_size > self.recorder.limit:
                self.kept = None  # too large to be worth replaying

    def record(self, code: int) -> None:
        self.flush()
        if self.kept is not None:
            self.recorder.record("\n".join(self.kept), "\n".join(self.errors), code)


@main.command(help=N_("Show what postlint measures in each draft: lengths, hashtags, links, mentions, emoji."))
@click.argument("paths", nargs=-1)
@with_common
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(paths, channel, config, stdin_filename, follow_symlinks, fmt):
    from postlint import stats as stats_mod

    try:
        linter = _make_linter(channel, (), (), ("ALL",), config, (), follow_symlinks)
        results = list(_results(paths or ["."], stdin_filename, linter))
    except (ConfigError, InputError) as exc:  # InputError: the schedule pass
        _fail(str(exc))
    for result in results:
        if result.error:
            click.echo(_printable(_error_line(result)), err=True)
    drafts = [entry.draft for r in results for entry in r.entries]
    if fmt == "json":
        click.echo(json.dumps([stats_mod.measure(d) for d in drafts], ensure_ascii=False, indent=2))
    else:
        click.echo("\n\n".join(stats_mod.render(stats_mod.measure(d)) for d in drafts))
    sys.exit(2 if any(r.error for r in results) else 0)


@main.command("calendar", help=N_("Show the schedule week by week per account and channel, with the findings marked."))
@click.argument("paths", nargs=-1)
@with_common
@calendar_option
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@option("--select", multiple=True, help=N_("Rule codes, prefixes or names whose findings to mark."))
@option("--ignore", multiple=True, help=N_("Rule codes, prefixes or names to skip."))
def calendar_(paths, channel, config, stdin_filename, follow_symlinks, calendar_options, fmt, select, ignore):
    from postlint import calendar

    try:
        linter = _make_linter(channel, select, (), ignore, config, calendar_options, follow_symlinks)
        results = list(_results(paths or ["."], stdin_filename, linter))
    except (ConfigError, InputError) as exc:  # InputError: the schedule pass
        _fail(str(exc))
    for result in results:
        if result.error:
            click.echo(_printable(_error_line(result)), err=True)
    plan = calendar.view(results, linter.calendar.zone)
    click.echo(json.dumps(plan, ensure_ascii=False, indent=2) if fmt == "json" else calendar.render(plan))
    sys.exit(2 if any(r.error for r in results) else 0)


@main.command("rules", help=N_("List every rule: code, name, family, default level, summary."))
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_(fmt):
    from postlint import docgen, registry

    rows = [{"code": r.code, "name": r.name, "family": r.family, "level": str(r.default_level),
             "summary": docgen.summary(r, i18n.language), "url": docs_url(r.name)}
            for r in registry.rules()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        click.echo(f"{r['code']}  {r['name']:<{width}}  {r['level']:<7}  {r['summary']}")


@main.command(help=N_("Explain a rule (by code or name): what it checks, why, examples, options, sources."))
@click.argument("rule")
@option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rule(rule, fmt):
    from postlint import docgen, registry

    found = registry.lookup(rule)
    if found is None:
        _fail(t("unknown rule {name}{suggestion}; `postlint rules` lists them", name=repr(rule),
                suggestion=registry.suggestion(rule)))
    if fmt == "json":
        click.echo(json.dumps({"code": found.code, "name": found.name, "family": found.family,
                               "level": str(found.default_level), "summary": docgen.summary(found, i18n.language),
                               "url": docs_url(found.name), "docs": docgen.render(found, i18n.language)},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(docgen.render(found, i18n.language))


@main.command(help=N_("Run the language server (LSP over stdio) for editors; needs `pip install 'postlint[lsp]'`."))
def server():
    try:
        from postlint import lsp
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        _fail(t("`postlint server` needs pygls: pip install 'postlint[lsp]'"))
    lsp.create_server().start_io()


if __name__ == "__main__":
    main()
