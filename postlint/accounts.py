"""The accounts file: what postlint knows about each account a team posts from (docs/accounts.md).

`accounts.toml` beside the configuration file, or the file (or inline tables) its `accounts`
key names. A draft names its account with `account:` in its front matter (or the file's
`default`); the linter gives the draft that `Account` as `Draft.account`, so any rule can
read it: its channel, whether it is commercial, its employer, own hashtags, brand names,
topics, UTM defaults and own domains. A bad value is a one-line configuration error that
names the file, the account and the key.
"""

from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from postlint import media, packs
from postlint.frontmatter import CHANNELS, LANGS
from postlint.i18n import t
from postlint.problem import ConfigError, short

FILE_NAME = "accounts.toml"
UTM_KEYS = ("utm_source", "utm_medium", "utm_campaign", "utm_term", "utm_content")


@dataclass(frozen=True, slots=True)
class Account:
    """One account. Lists are tuples and hashtags keep their `#`, as written."""

    name: str
    channel: str | None = None
    commercial: bool = False
    imprint_url: str | None = None
    employer: str | None = None
    language: str | None = None
    hashtags: tuple[str, ...] = ()  # the preferred ("own") hashtags
    series: dict[str, str] = field(default_factory=dict)  # series name -> its hashtag
    brands: tuple[str, ...] = ()
    topics: tuple[str, ...] = ()
    utm: dict[str, str] = field(default_factory=dict)  # UTM defaults for links
    domains: tuple[str, ...] = ()  # own sites and shops

    def series_hashtag(self, series: str) -> str | None:
        """The hashtag of a series named in front matter: a name of `series`, or the hashtag itself."""
        if series.startswith("#"):
            return series
        return next((tag for name, tag in self.series.items() if name.casefold() == series.casefold()), None)


@dataclass(frozen=True, slots=True)
class Accounts:
    """The accounts of a configuration; `source` names where they come from in messages."""

    source: str = ""
    by_name: dict[str, Account] = field(default_factory=dict)
    default: str | None = None
    digest: str = ""  # of the file's bytes: part of the cache key of every draft it applies to

    def get(self, name: Any) -> Account | None:
        """The account a draft names (None: none configured by that name), else the default."""
        if name is None:
            name = self.default
        return self.by_name.get(name) if isinstance(name, str) else None


NO_ACCOUNTS = Accounts()


def _hashtag(value: str, where: str) -> str:
    tag = value.strip()
    tag = tag if tag.startswith("#") else f"#{tag}"
    if len(tag) < 2 or any(c.isspace() for c in tag):
        raise ConfigError(t("{where}: expected a hashtag such as #KI, got {value}", where=where, value=short(value)))
    return tag


def _strings(value, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ConfigError(t("{where}: expected a list of non-empty strings, got {value}", where=where,
                            value=short(value)))
    return tuple(v.strip() for v in value)


def _domains(value, where):
    domains = _strings(value, where)
    for domain in domains:
        if "/" in domain or "." not in domain or " " in domain:
            raise ConfigError(t("{where}: expected domains such as shop.example.de, got {value}", where=where,
                                value=short(domain)))
    return tuple(d.lower().removeprefix("www.") for d in domains)


def _series(value, where):
    if not isinstance(value, dict):
        raise ConfigError(t("{where}: expected a table of series = \"#Hashtag\"", where=where))
    return {name: _hashtag(media.nonempty(tag, f"{where}.{name}"), f"{where}.{name}") for name, tag in value.items()}


def _utm(value, where):
    if not isinstance(value, dict):
        raise ConfigError(t("{where}: expected a table such as {{utm_source = \"linkedin\"}}", where=where))
    for key in value:
        if key not in UTM_KEYS:
            raise ConfigError(t("{where}: unknown key {key} (allowed: {allowed})", where=where, key=repr(key),
                                allowed=", ".join(UTM_KEYS)))
    return {key: media.nonempty(v, f"{where}.{key}") for key, v in value.items()}


FIELDS = {  # the checks of front matter values (postlint.media) serve here too
    "channel": media.one_of(CHANNELS),
    "commercial": media.flag,
    "imprint_url": media.web_address,
    "employer": media.nonempty,
    "language": media.one_of(LANGS),
    "hashtags": lambda v, where: tuple(_hashtag(t, where) for t in _strings(v, where)),
    "series": _series,
    "brands": _strings,
    "topics": _strings,
    "utm": _utm,
    "domains": _domains,
}


def parse(data: dict[str, Any], source: str, digest: str = "") -> Accounts:
    """Accounts from a table of account tables (and an optional `default` account name)."""
    by_name, default = {}, None
    for name, table in data.items():
        if name == "default" and isinstance(table, str):
            default = table
            continue
        where = f"{source}: [{name}]"
        if not isinstance(table, dict):
            raise ConfigError(t("{where}: expected a table of account settings (channel, commercial, ...)",
                                where=where))
        values = {}
        for key, value in table.items():
            if key not in FIELDS:
                near = difflib.get_close_matches(key, FIELDS, n=1)
                allowed = ", ".join(FIELDS)
                if near:
                    raise ConfigError(t("{where}: unknown key {key} (did you mean {name}? allowed: {allowed})",
                                        where=where, key=repr(key), name=repr(near[0]), allowed=allowed))
                raise ConfigError(t("{where}: unknown key {key} (allowed: {allowed})", where=where, key=repr(key),
                                    allowed=allowed))
            try:
                values[key] = FIELDS[key](value, f"{where} {key}")
            except media.Invalid as exc:
                raise ConfigError(str(exc)) from None
        by_name[name] = Account(name=name, **values)
    if default is not None and default not in by_name:
        raise ConfigError(t("{source}: default: no account {name} (accounts: {names})", source=source,
                            name=repr(default), names=", ".join(by_name) or t("none")))
    return Accounts(source, by_name, default, digest)


def load(path: Path) -> Accounts:
    try:
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError as exc:
        raise ConfigError(t("{path}: cannot read accounts file: {reason}", path=path,
                            reason=exc.strerror or exc)) from None
    return parse(packs.read_toml(path), _shown(path), digest)


def _shown(path: Path) -> str:
    """The path as messages name it: relative to the working folder when it is inside it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def for_config(value: Any, root: Path, where: str) -> Accounts:
    """The accounts of a configuration: its `accounts` value (a path, or inline account
    tables), or `accounts.toml` beside the configuration file when it has none."""
    if value is None:
        beside = root / FILE_NAME
        return load(beside) if beside.is_file() else NO_ACCOUNTS
    if isinstance(value, str):
        path = root / value
        if not path.is_file():
            raise ConfigError(t("{where}: accounts file {path} not found", where=where, path=repr(value)))
        return load(path)
    if isinstance(value, dict):
        return parse(value, where, hashlib.sha256(repr(value).encode()).hexdigest())
    raise ConfigError(t("{where}: expected the path of an accounts file or a table of accounts, got {value}",
                        where=where, value=short(value)))


# the accounts digest of each configuration file: the cache keys a draft by its configuration
DIGESTS: dict[str, str] = {}
