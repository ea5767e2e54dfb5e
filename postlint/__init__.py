"""postlint: a linter for draft social-media posts."""

__version__ = "0.1.0"


def lint_text(text: str, *, path: str = "draft.md", channel: str | None = None, select=None, ignore=(),
              config_file: str | None = None):
    """Lint a draft given as text; return its findings, sorted by position.

    `path` names the draft in findings and decides which configuration applies (the
    nearest `postlint.toml` or `pyproject.toml` above it). Raises `postlint.InputError`
    for malformed front matter and `postlint.ConfigError` for an invalid configuration.
    """
    from pathlib import Path

    from postlint.linter import Linter, Options
    from postlint.source import decode

    options = Options(channel=channel, select=tuple(select) if select else None, ignore=tuple(ignore),
                      config_file=config_file)
    raw = decode(text.encode("utf-8"))
    return Linter(options).lint_text(raw, Path(path), path).findings


def __getattr__(name):
    # the records are importable from the package without importing the linter eagerly
    if name in ("Finding", "Level", "InputError", "ConfigError", "Hit", "Fix"):
        from postlint import problem

        return getattr(problem, name)
    raise AttributeError(name)
