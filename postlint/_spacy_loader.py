"""Load spaCy's blank German or English language, paying for little beyond the tokenizer.

`spacy/__init__` imports `spacy.cli.info` only to offer `spacy.info`, and that pulls in the
whole command line interface: typer, weasel, httpx, the model downloader, confection's
validation. That was ~0.3 s of a cold `postlint check` (a third of spaCy's import) for code a
linter never runs. While spaCy is first imported, `spacy.cli.info` is a stand-in whose `info`
imports the real one when called; the stand-in is dropped straight after, so a later
`import spacy.cli` gets the real package. This is done only for a spaCy 3 whose `__init__`
is laid out as 3.8's (its one mention of the CLI is that import); any other spaCy is imported
as usual, and tests/test_cold_start.py fails if the installed one is no longer recognised.
"""

from __future__ import annotations

import gc
import importlib
import importlib.util
import re
import sys
import types
from pathlib import Path

CLI_IMPORT = "from .cli.info import info  # noqa: F401"
MAJOR = "3"


def _info(*args, **kwargs):
    from spacy.cli.info import info

    return info(*args, **kwargs)


def cli_import_skippable() -> bool:
    """Whether the installed spaCy is one whose `__init__` reaches its CLI only for `info`."""
    spec = importlib.util.find_spec("spacy")
    if spec is None or not spec.origin:
        return False
    init = Path(spec.origin)
    try:
        source = init.read_text(encoding="utf-8")
        about = init.with_name("about.py").read_text(encoding="utf-8")
    except OSError:
        return False
    version = re.search(r'^__version__ = "(\d+)\.', about, re.MULTILINE)
    cli_lines = [line.strip() for line in source.splitlines() if "cli" in line]
    return bool(version) and version[1] == MAJOR and cli_lines == [CLI_IMPORT]


def _import_spacy() -> None:
    if "spacy" in sys.modules or not cli_import_skippable():
        importlib.import_module("spacy")
        return
    stand_in = types.ModuleType("spacy.cli.info")
    stand_in.info = _info
    sys.modules["spacy.cli.info"] = stand_in
    try:
        importlib.import_module("spacy")
    finally:
        if sys.modules.get("spacy.cli.info") is stand_in:
            del sys.modules["spacy.cli.info"]


def blank(lang: str):
    """spaCy's blank `German()` (lang "de") or `English()` ("en"): vocabulary and tokenizer.

    Collects no garbage while loading, and freezes what is alive afterwards: importing
    makes objects by the hundred thousand, none of them garbage, and they live as long
    as the process (mostly spaCy's and our modules). The collector's passes over them
    were ~0.1 s of a cold run (two of them full passes while linting the first draft).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        _import_spacy()
        from spacy.language import create_tokenizer
        from spacy.vectors import create_mode_vectors

        language = importlib.import_module(f"spacy.lang.{lang}")
        cls = language.English if lang == "en" else language.German
        # spaCy's default tokenizer and vectors, passed in rather than resolved from its
        # config, which first imports every language and component spaCy registers
        nlp = cls(create_tokenizer=create_tokenizer(), create_vectors=create_mode_vectors())
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return nlp
