"""Configuration: find, load and validate `postlint.toml` / `[tool.postlint]`, resolve per draft.

Resolution order for a rule's options, lowest to highest: core pack, pack scope tables
(`type.<t>`, `channel.<c>`, `channel.<c>.type.<t>`), the user's `rules.<rule>` table with the
same scopes, then matching `per-path` tables. An unknown key or bad value is a `ConfigError`
naming file, table and key.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

import regex

from postlint import accounts as accounts_mod
from postlint import i18n, packs, registry
from postlint.i18n import t
from postlint.frontmatter import CHANNELS, LANGS, TYPES
from postlint.paths import CALENDAR_SUFFIXES, CONFIG_FILES
from postlint.problem import ConfigError, Level, short
from postlint.values import check_value

# a content repository's own documents are not posts; nor is anything in a dot-folder
# (.github/, .vscode/), which pre-commit names when such a file changes
DEFAULT_EXCLUDE = ("node_modules", "venv", "site-packages", "README*", "CHANGELOG*", "LICENSE*", "CONTRIBUTING*",
                   ".*")
DEFAULT_MAX_FILE_SIZE = 1_000_000
MAX_FILE_SIZE_RANGE = (1, 100_000_000)  # bytes; spaCy analyses at most 1,000,000 characters anyway
SHARED_KEYS = {"level": ("error", "warning", "info"), "enabled": bool}
PATH_KEYS = {"channel", "type", "lang", "ignore", "extend-select", "rules"}
TOP_KEYS = {"channel", "type", "lang", "select", "extend-select", "ignore", "exclude", "extend-exclude",
            "fail-on", "per-path", "rules", "max-file-size", "calendar", "accounts", "language", "calendars"}


def check_rule_table(table: dict, rule: registry.Rule, where: str, *, pack: bool = False,
                     scopes: tuple[str, ...] = ("channel", "type")) -> None:
    """Validate a rule table and its scope sub-tables against the rule's OPTIONS."""
    allowed = {**SHARED_KEYS, **rule.options}
    for key, value in table.items():
        here = f"{where}.{key}"
        if key.startswith("_") or (pack and key == "cite"):
            continue
        if key in scopes:
            names = CHANNELS if key == "channel" else TYPES
            if not isinstance(value, dict):
                raise ConfigError(t("{where}: expected a table of {key} tables", where=here, key=key))
            for name, sub in value.items():
                if name not in names:
                    raise ConfigError(t("{where}: unknown {key} {name} (expected one of {values})", where=here, key=key,
                                        name=repr(name), values=", ".join(names)))
                if not isinstance(sub, dict):
                    raise ConfigError(t("{where}: expected a table", where=here + "." + name))
                inner = ("type",) if key == "channel" else ()
                check_rule_table(sub, rule, f"{here}.{name}", pack=pack, scopes=inner)
        elif key in allowed:
            check_value(value, allowed[key], here)
        else:
            raise ConfigError(t("{where}: unknown option {option} for rule {rule} (allowed: {allowed})", where=where,
                                option=repr(key), rule=rule.name, allowed=", ".join(sorted(allowed))))


def _selectors(values: list, where: str) -> list[str]:
    for value in check_value(values, list, where):
        if value.upper() != "ALL" and registry.lookup(value) is None and not any(
                r.code.startswith(value.upper()) for r in registry.rules()):
            raise ConfigError(t("{where}: {value} matches no rule code, prefix or name{suggestion}", where=where,
                                value=short(value), suggestion=registry.suggestion(str(value))))
    return list(values)


def _rules(table: Any, where: str) -> dict[str, dict]:
    if not isinstance(table, dict):
        raise ConfigError(t("{where}: expected a table of rule tables", where=where))
    result = {}
    for key, sub in table.items():
        rule = registry.lookup(key)
        if rule is None:
            raise ConfigError(t("{where}: unknown rule {name}{suggestion}", where=where, name=repr(key),
                                suggestion=registry.suggestion(key)))
        if not isinstance(sub, dict):
            raise ConfigError(t("{where}: expected a table", where=where + "." + key))
        check_rule_table(sub, rule, f"{where}.{key}")
        result[rule.name] = sub
    return result


@functools.lru_cache(maxsize=256)
def glob_regex(pattern: str) -> regex.Pattern:
    """gitignore-like globs: `**` crosses folders, `*` does not; no slash matches at any depth."""
    anchored = "/" in pattern.rstrip("/")
    out = []
    for token in regex.split(r"(\*\*/?|\*|\?)", pattern.strip("/")):
        if token in ("**", "**/"):
            out.append("(?:.*/)?" if token == "**/" else ".*")
        elif token == "*":
            out.append("[^/]*")
        elif token == "?":
            out.append("[^/]")
        else:
            out.append(regex.escape(token))
    prefix = "" if anchored else "(?:.*/)?"
    return regex.compile(f"^{prefix}{''.join(out)}(?:/.*)?$")


@dataclass(slots=True, eq=False)
class Config:
    """One configuration file, validated. `root` anchors its path globs.

    Compared and hashed by identity, so caches keyed by a Config keep it alive and never
    confuse it with a later one.
    """

    source: str = "defaults"
    root: Path = field(default_factory=Path.cwd)
    channel: str | None = None
    type: str | None = None
    lang: str | None = None
    language: str | None = None  # the language of postlint's messages (postlint.i18n), not of drafts
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=lambda: list(DEFAULT_EXCLUDE))
    fail_on: Level | None = None
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    rules: dict[str, dict] = field(default_factory=dict)
    per_path: list[tuple[regex.Pattern, dict]] = field(default_factory=list)
    calendar: dict = field(default_factory=dict)  # calendar-file settings, see postlint.tabular
    accounts: accounts_mod.Accounts = accounts_mod.NO_ACCOUNTS  # see postlint.accounts
    # calendar files checked with the folder they lie in (the schedule hook names no files)
    calendars: list[Path] = field(default_factory=list)

    def relative(self, path: Path) -> str:
        try:
            return resolve(path).relative_to(resolve(self.root)).as_posix()
        except ValueError:
            return PurePosixPath(path.as_posix()).as_posix()

    def excluded(self, path: Path, rel: str | None = None) -> bool:
        """Whether `path` matches an `exclude` glob; `rel`: its relative path, if known."""
        rel = self.relative(path) if rel is None else rel
        # the configuration's own folder, and folders above it (--config), are no dot-folders
        while rel.startswith("../"):
            rel = rel[3:]
        if rel in (".", "..", ""):
            return False
        return any(glob_regex(p).match(rel) for p in self.exclude)

    def path_tables(self, path: Path) -> list[dict]:
        if not self.per_path:  # most configurations have none: no path to resolve
            return []
        rel = self.relative(path)
        return [table for pattern, table in self.per_path if pattern.match(rel)]


def resolve(path: Path) -> Path:
    """`path.resolve()`, remembered: a draft's path is resolved for its configuration, its
    exclusion and its per-path tables, and resolving walks every folder of the path."""
    return _resolve(path.absolute())


@functools.lru_cache(maxsize=4096)
def _resolve(path: Path) -> Path:
    if path.name in ("", ".", "..") or path.is_symlink():
        return path.resolve()
    return _resolve(path.parent) / path.name  # the drafts of a folder share its resolution


def parse(data: dict[str, Any], source: str, root: Path, prefix: str) -> Config:
    """Build a Config from a TOML table; `prefix` is the table name used in messages."""
    where = lambda key: f"{source}: [{prefix}] {key}" if prefix else f"{source}: {key}"  # noqa: E731
    cfg = Config(source=source, root=root)
    for key, value in data.items():
        if key not in TOP_KEYS:
            raise ConfigError(t("{where}: unknown key (allowed: {allowed})", where=where(key),
                                allowed=", ".join(sorted(TOP_KEYS))))
    if "channel" in data:
        cfg.channel = check_value(data["channel"], CHANNELS, where("channel"))
    if "type" in data:
        cfg.type = check_value(data["type"], TYPES, where("type"))
    if "lang" in data:
        cfg.lang = check_value(data["lang"], LANGS, where("lang"))
    if "language" in data:
        cfg.language = check_value(data["language"], i18n.LANGUAGES, where("language"))
    if "select" in data:
        cfg.select = _selectors(data["select"], where("select"))
    cfg.extend_select = _selectors(data.get("extend-select", []), where("extend-select"))
    cfg.ignore = _selectors(data.get("ignore", []), where("ignore"))
    if "exclude" in data:
        cfg.exclude = list(check_value(data["exclude"], list, where("exclude")))
    cfg.exclude += check_value(data.get("extend-exclude", []), list, where("extend-exclude"))
    if "fail-on" in data:
        cfg.fail_on = Level.parse(check_value(data["fail-on"], ("error", "warning", "info"), where("fail-on")))
    if "max-file-size" in data:
        cfg.max_file_size = check_value(data["max-file-size"], int, where("max-file-size"))
        low, high = MAX_FILE_SIZE_RANGE
        if not low <= cfg.max_file_size <= high:
            raise ConfigError(t("{where}: expected bytes from {low} to {high}, got {value}",
                                where=where("max-file-size"), low=low, high=format(high, ","), value=cfg.max_file_size))
    cfg.rules = _rules(data.get("rules", {}), where("rules"))
    if "calendar" in data:
        from postlint import tabular  # the calendar-file reader, loaded only for a calendar table

        if not isinstance(data["calendar"], dict):
            raise ConfigError(t("{where}: expected a table", where=where("calendar")))
        tabular.settings(data["calendar"], where("calendar"))
        cfg.calendar = data["calendar"]
    cfg.accounts = accounts_mod.for_config(data.get("accounts"), root, where("accounts"))
    accounts_mod.DIGESTS[source] = cfg.accounts.digest
    for name in check_value(data.get("calendars", []), list, where("calendars")):
        if not name.lower().endswith(CALENDAR_SUFFIXES):
            raise ConfigError(t("{where}: {name} is not a calendar file ({suffixes})", where=where("calendars"),
                                name=short(name), suffixes=t(" or ").join(CALENDAR_SUFFIXES)))
        cfg.calendars.append(root / name)
    per_path = data.get("per-path", {})
    if not isinstance(per_path, dict):
        raise ConfigError(t("{where}: expected a table of glob = {example} tables", where=where("per-path"),
                                example="{...}"))
    for pattern, table in per_path.items():
        here = where(f'per-path."{pattern}"')
        if not isinstance(table, dict):
            raise ConfigError(t("{where}: expected a table", where=here))
        for key in table:
            if key not in PATH_KEYS:
                raise ConfigError(t("{where}: unknown key {key} (allowed: {allowed})", where=here, key=repr(key),
                                    allowed=", ".join(sorted(PATH_KEYS))))
        checked = dict(table)
        for key, names in (("channel", CHANNELS), ("type", TYPES), ("lang", LANGS)):
            if key in table:
                check_value(table[key], names, f"{here}.{key}")
        checked["ignore"] = _selectors(table.get("ignore", []), f"{here}.ignore")
        checked["extend-select"] = _selectors(table.get("extend-select", []), f"{here}.extend-select")
        checked["rules"] = _rules(table.get("rules", {}), f"{here}.rules")
        cfg.per_path.append((glob_regex(pattern), checked))
    return cfg


def load(path: Path) -> Config | None:
    """Load one config file; None for a pyproject.toml without `[tool.postlint]`."""
    data = packs.read_toml(path)
    if path.name == "pyproject.toml":
        tool = data.get("tool", {})
        if not isinstance(tool, dict):
            raise ConfigError(t("{path}: [tool] must be a table", path=path))
        data = tool.get("postlint")
        if data is None:
            return None
        if not isinstance(data, dict):
            raise ConfigError(t("{path}: [tool.postlint] must be a table", path=path))
        return parse(data, str(path), path.parent, "tool.postlint")
    return parse(data, str(path), path.parent, "")


@functools.lru_cache(maxsize=512)
def discover(directory: Path) -> Config:
    """The nearest configuration at or above `directory`; defaults when there is none."""
    for folder in (directory, *directory.parents):
        for name in CONFIG_FILES:
            candidate = folder / name
            if candidate.is_file():
                found = load(candidate)
                if found is not None:
                    return found
    # without a file the defaults' globs are anchored at the working directory, where a hook
    # runs: `.github/x.md` is in a dot-folder there, though not seen from `.github/` itself
    here = Path.cwd()
    return Config(root=here if directory == here or here in directory.parents else directory)
