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

from postlint import __version__, replay
from postlint.frontmatter import CHANNELS
from postlint.paths import docs_url
from postlint.problem import ConfigError, InputError, Level

FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "junit", "html", "auto")


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


def _make_linter(channel, select, extend_select, ignore, config, calendar=(), follow_symlinks=False):
    from postlint.linter import Linter, Options

    return Linter(Options(channel=channel, select=_codes(select) or None, extend_select=_codes(extend_select),
                          ignore=_codes(ignore), config_file=config, calendar=tuple(calendar),
                          follow_symlinks=follow_symlinks))


common = [
    click.option("--channel", type=click.Choice(CHANNELS), help="Channel for drafts without `channel` in front matter."),
    click.option("--config", type=click.Path(dir_okay=False), help="Use this config file instead of discovery."),
    click.option("--stdin-filename", help="Name (and config location) for the draft read from `-`."),
    click.option("--follow-symlinks", is_flag=True,
                 help="Also check symbolic links to files outside the working directory and the folders named."),
]


def with_common(fn):
    for option in reversed(common):
        fn = option(fn)
    return fn


calendar_option = click.option(
    "--calendar-option", "calendar_options", multiple=True, metavar="KEY=VALUE",
    help="Calendar setting: timezone, preset, columns.<field>, header, delimiter or date-format "
         "(docs/calendar.md).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="postlint")
def main():
    """A linter for draft social-media posts."""


@main.command()
@click.argument("paths", nargs=-1)
@with_common
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True)
@click.option("--select", multiple=True, help="Rule codes, prefixes or names to check (comma-separated).")
@click.option("--extend-select", multiple=True, help="Add rules to the configured selection.")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to skip.")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]),
              help="Lowest level that makes the exit code 1 (default: warning).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even with findings (input errors still exit 2).")
@click.option("--quiet", "-q", is_flag=True, help="Print findings only, no summary.")
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True),
              help="Write the output to this file instead of stdout (e.g. the html report).")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--jobs", "-j", type=click.IntRange(min=1), help="Processes for many files (default: all cores).")
@click.option("--no-cache", is_flag=True, help="Neither read nor write the cache.")
@click.option("--cache-dir", default=".postlint_cache", show_default=True, envvar="POSTLINT_CACHE_DIR",
              help="Where findings of unchanged files are kept.")
@calendar_option
def check(paths, channel, config, stdin_filename, follow_symlinks, fmt, select, extend_select, ignore, fail_on,
          exit_zero, quiet, output, color, calendar_options, jobs, no_cache, cache_dir):
    """Check drafts: files, folders (recursively), calendars (.csv, .jsonl) or `-` for stdin."""
    if fmt == "auto":
        fmt = "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "text"
    if output:  # checked before any file is read or a worker started
        try:
            target = open(output, "w", encoding="utf-8", newline="\n")  # noqa: SIM115 - closed after the run
        except OSError as exc:
            _fail(f"cannot write {output}: {exc.strerror or exc}")
    else:
        target = None
    try:
        linter = _make_linter(channel, select, extend_select, ignore, config, calendar_options, follow_symlinks)
        # the html report shows each draft's text: it keeps whole drafts, not only findings
        linter.compact, linter.snippets = fmt != "html", fmt in ("text", "html")
        results = _results(paths or ["."], stdin_filename, linter, jobs or os.cpu_count() or 1,
                           None if no_cache else cache_dir)
        threshold = Level.parse(fail_on) if fail_on else (linter.config_for(Path("x")).fail_on or Level.WARNING)
    except ConfigError as exc:
        if target is not None:
            target.close()
            os.unlink(output)
        _fail(str(exc))
    from postlint import formatters

    use_color = color == "always" or (color == "auto" and fmt in ("text", "concise") and sys.stdout.isatty()
                                      and not output)
    printed = _Printed(use_color, target)
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
    else:
        chunks = formatters.FORMATTERS[fmt](watched(results), color=use_color, quiet=quiet)
    with target or contextlib.nullcontext():
        try:
            for chunk in chunks:
                printed.out(chunk)
        except InputError as exc:  # the schedule pass over all drafts failed: no file to name
            printed.error(f"postlint: error: {exc}")
        code = 2 if printed.errors else 1 if failing and not exit_zero else 0
        printed.record(code)
    sys.exit(code)


class _Printed:
    """Writes a run's output as it comes, in blocks (one `click.echo` per line would cost
    seconds on a large run), and keeps a copy for `replay.record` while it is small."""

    BLOCK = 1 << 16

    def __init__(self, color: bool, target=None):
        self.color = color
        self.target = target  # a file (--output), else stdout
        self.errors: list[str] = []
        self.pending: list[str] = []
        self.pending_size = 0
        self.kept: list[str] | None = [] if target is None else None  # a run written to a file is not replayed
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
            if self.kept_size > replay.MAX_RECORDED:
                self.kept = None  # too large to be worth replaying

    def record(self, code: int) -> None:
        self.flush()
        if self.kept is not None:
            replay.record("\n".join(self.kept), "\n".join(self.errors), code)


@main.command()
@click.argument("paths", nargs=-1)
@with_common
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def stats(paths, channel, config, stdin_filename, follow_symlinks, fmt):
    """Show what postlint measures in each draft: lengths, hashtags, links, mentions, emoji."""
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


@main.command("calendar")
@click.argument("paths", nargs=-1)
@with_common
@calendar_option
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--select", multiple=True, help="Rule codes, prefixes or names whose findings to mark.")
@click.option("--ignore", multiple=True, help="Rule codes, prefixes or names to skip.")
def calendar_(paths, channel, config, stdin_filename, follow_symlinks, calendar_options, fmt, select, ignore):
    """Show the schedule week by week per account and channel, with the findings marked."""
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


@main.command("rules")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_(fmt):
    """List every rule: code, name, family, default level, summary."""
    from postlint import registry

    rows = [{"code": r.code, "name": r.name, "family": r.family, "level": str(r.default_level),
             "summary": r.summary, "url": docs_url(r.name)} for r in registry.rules()]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        click.echo(f"{r['code']}  {r['name']:<{width}}  {r['level']:<7}  {r['summary']}")


@main.command()
@click.argument("rule")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rule(rule, fmt):
    """Explain a rule (by code or name): what it checks, why, examples, options, sources."""
    from postlint import docgen, registry

    found = registry.lookup(rule)
    if found is None:
        _fail(f"unknown rule {rule!r}{registry.suggestion(rule)}; `postlint rules` lists them")
    if fmt == "json":
        click.echo(json.dumps({"code": found.code, "name": found.name, "family": found.family,
                               "level": str(found.default_level), "summary": found.summary,
                               "url": docs_url(found.name), "docs": docgen.render(found)},
                              ensure_ascii=False, indent=2))
    else:
        click.echo(docgen.render(found))


@main.command()
def server():
    """Run the language server (LSP over stdio) for editors; needs `pip install 'postlint[lsp]'`."""
    try:
        from postlint import lsp
    except ImportError as exc:
        if (exc.name or "").split(".")[0] not in ("pygls", "lsprotocol"):
            raise
        _fail("`postlint server` needs pygls: pip install 'postlint[lsp]'")
    lsp.create_server().start_io()


if __name__ == "__main__":
    main()
