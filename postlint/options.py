"""The options of the `postlint` commands, declared once.

`cli.py` turns each `Option` into a click option; `replay.py` reads a `check` command line
with the same table before click, or anything else that takes time, is imported. Standard
library only, for that reason: choices that live elsewhere are named as `module:ATTRIBUTE`
and looked up by the CLI.
"""

from __future__ import annotations

from dataclasses import dataclass


def N_(message: str) -> str:
    """A help text: an English catalogue message (postlint.i18n), translated when shown."""
    return message


@dataclass(frozen=True)
class Option:
    names: tuple[str, ...]  # "--jobs", "-j"
    help: str = ""
    dest: str | None = None  # the parameter's name, where it is not the long name's
    flag: bool = False
    choices: tuple[str, ...] | str = ()  # or "module:ATTRIBUTE"
    default: str | None = None
    multiple: bool = False
    path: str | None = None  # "read" or "write": a file name
    positive: bool = False  # a whole number from 1 up
    envvar: str | None = None
    metavar: str | None = None
    # whether a run with this option may print what the same run printed before: not when
    # it reads stdin, writes files or asks for no cache (replay.py)
    replayable: bool = True


FORMATS = ("text", "concise", "json", "json-lines", "sarif", "github", "junit", "html", "auto")

LANGUAGE = Option(("--language",), N_("Language of messages and help: de or en (default: configuration, then LANG)."),
                  choices="postlint.i18n:LANGUAGES")

# the options every command that reads drafts has
COMMON = (
    Option(("--channel",), N_("Channel for drafts without `channel` in front matter."),
           choices="postlint.frontmatter:CHANNELS"),
    Option(("--config",), N_("Use this config file instead of discovery."), path="read"),
    Option(("--stdin-filename",), N_("Name (and config location) for the draft read from `-`."), replayable=False),
    Option(("--follow-symlinks",),
           N_("Also check symbolic links to files outside the working directory and the folders named."), flag=True),
)

CALENDAR = Option(("--calendar-option",),
                  N_("Calendar setting: timezone, preset, columns.<field>, header, delimiter or date-format "
                     "(docs/calendar.md)."), dest="calendar_options", multiple=True, metavar="KEY=VALUE")

CHECK = (
    *COMMON,
    Option(("--format",), dest="fmt", choices=FORMATS, default="text"),
    Option(("--select",), N_("Rule codes, prefixes or names to check (comma-separated)."), multiple=True),
    Option(("--extend-select",), N_("Add rules to the configured selection."), multiple=True),
    Option(("--ignore",), N_("Rule codes, prefixes or names to skip."), multiple=True),
    Option(("--fail-on",), N_("Lowest level that makes the exit code 1 (default: warning)."),
           choices=("error", "warning", "info")),
    Option(("--exit-zero",), N_("Exit 0 even with findings (input errors still exit 2)."), flag=True),
    Option(("--quiet", "-q"), N_("Print findings only, no summary."), flag=True),
    Option(("--output", "-o"), N_("Write the output to this file instead of stdout (e.g. the html report)."),
           path="write", replayable=False),
    Option(("--color",), choices=("auto", "always", "never"), default="auto"),
    Option(("--jobs", "-j"), N_("Processes for many files (default: all cores)."), positive=True),
    Option(("--no-cache",), N_("Neither read nor write the cache."), flag=True, replayable=False),
    Option(("--cache-dir",), N_("Where findings of unchanged files are kept."), default=".postlint_cache",
           envvar="POSTLINT_CACHE_DIR"),
    CALENDAR,
    Option(("--schedule",), N_("The schedule rules (PL6xx): with the others, skip them (a hook on changed files), "
                               "or only them (a hook over every draft and the configured calendars)."),
           choices=("all", "skip", "only"), default="all"),
    Option(("--fix",), N_("Apply the safe fixes to the files (stdin: print the fixed text)."), flag=True,
           replayable=False),
    Option(("--unsafe-fixes",), N_("Also apply (with --fix, --diff) and count the unsafe fixes."), flag=True,
           replayable=False),
    Option(("--diff",), N_("Print a unified diff of what --fix would change; write nothing."), flag=True,
           replayable=False),
    Option(("--fix-only",), N_("Apply the fixes and list no findings (implies --fix)."), flag=True,
           replayable=False),
    LANGUAGE,
)
