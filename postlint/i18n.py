"""The language postlint speaks: English (the source) or German, from gettext catalogues.

Messages are English msgids with named placeholders, marked where they are written:
`t("{count} hashtags (max {max})", count=7, max=5)` translates and fills in at once,
`nt(singular, plural, n, ...)` chooses the plural form, `N_(...)` only marks a string that
is translated later (click help, module constants). The catalogue is
`postlint/locale/de/LC_MESSAGES/postlint.po`, compiled to the `.mo` next to it, which the
standard library's `gettext` reads: no dependency at run time. `tools/catalogues.py`
extracts, updates and compiles them (CONTRIBUTING.md).

The message language is chosen once per run (`use`): `--language`, `language` in the
configuration, the environment (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`), else English.
It is not the language of a draft (`lang`), which decides the lexicons.
"""

from __future__ import annotations

import contextlib
import gettext
import os
from pathlib import Path

DOMAIN = "postlint"
LOCALEDIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "de")
DEFAULT = "en"
ENVIRONMENT = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")

_translations: dict[str, gettext.NullTranslations] = {}
_current: gettext.NullTranslations = gettext.NullTranslations()
language = DEFAULT


def N_(message: str) -> str:  # noqa: N802 - the gettext convention pybabel looks for
    """Mark `message` for the catalogue; it is translated where it is shown (`t`)."""
    return message


def normalize(tag: str | None) -> str | None:
    """The supported language of a locale or language tag (`de_DE.UTF-8`, `de-AT`, `en`), else None."""
    if not tag:
        return None
    code = tag.replace("-", "_").split("_")[0].split(".")[0].split("@")[0].lower()
    return code if code in LANGUAGES else None


def from_environment(environ=os.environ) -> str | None:
    """The language of the first set variable of `ENVIRONMENT`, as gettext reads them
    (`LANGUAGE` may list several, `de:en`); None when it names no supported language."""
    for name in ENVIRONMENT:
        value = environ.get(name)
        if value:
            if value in ("C", "POSIX") or value.startswith(("C.", "POSIX.")):
                return None
            return next((lang for lang in map(normalize, value.split(":")) if lang), None)
    return None


def translations(lang: str) -> gettext.NullTranslations:
    """The catalogue of `lang` (an empty one for English, the source language)."""
    if lang not in _translations:
        _translations[lang] = gettext.translation(DOMAIN, LOCALEDIR, languages=[lang], fallback=True)
    return _translations[lang]


def use(lang: str | None) -> str:
    """Speak `lang` (a supported code, else English) from now on; returns the code used."""
    global _current, language
    language = normalize(lang) or DEFAULT
    _current = translations(language)
    return language


def t(message: str, /, **args) -> str:
    """`message` in the current language, its `{placeholders}` filled from `args`."""
    text = _current.gettext(message)
    return text.format(**args) if args else text


def nt(singular: str, plural: str, n: int, /, **args) -> str:
    """The singular or plural form for `n`, translated, its placeholders filled (`n` as `{n}`
    unless given)."""
    text = _current.ngettext(singular, plural, n)
    return text.format(**{"n": n, **args})


def number(n: int) -> str:
    """`n` with thousands grouped as the current language writes them: 1,200 or 1.200."""
    text = f"{n:,}"
    return text.replace(",", ".") if language == "de" else text


def decimal(value: float, spec: str = "g") -> str:
    """`value` formatted with `spec` and the current language's decimal mark: 2.5 or 2,5."""
    text = format(value, spec)
    return text.replace(".", ",") if language == "de" else text


@contextlib.contextmanager
def speaking(lang: str | None):
    """Speak `lang` inside the block (rule docs in a language asked for), then as before."""
    before = language
    use(lang)
    try:
        yield language
    finally:
        use(before)
