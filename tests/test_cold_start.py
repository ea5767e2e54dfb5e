"""Loading spaCy for a cold run: without its CLI, with the same tokenizer as spaCy's own classes."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from helpers import ROOT
from postlint import _spacy_loader, nlp

CLI_MODULES = ("spacy.cli", "spacy.cli.info", "typer", "weasel", "httpx")


def _run(code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True).stdout


def _texts() -> list[str]:
    texts = [f.read_text(encoding="utf-8") for f in sorted((ROOT / "tests" / "eval").rglob("*.md"))]
    assert len(texts) > 200
    return texts


@pytest.mark.slow
def test_the_installed_spacy_is_loaded_without_its_cli():
    # a spaCy update that changes its layout would silently bring the slow import back
    assert _spacy_loader.cli_import_skippable()
    code = ("import gc, sys\nfrom postlint import nlp\nnlp.pipeline('de')\n"
            f"print([m for m in {CLI_MODULES!r} if m in sys.modules], gc.isenabled())")
    assert _run(code).split("\n")[0] == "[] True"


@pytest.mark.slow
def test_spacy_info_still_works_and_imports_the_real_cli():
    code = ("import sys\nfrom postlint import nlp\nnlp.pipeline('en')\nimport spacy\n"
            "data = spacy.info(markdown=False, silent=True)\n"
            "print(data['spacy_version'] == spacy.__version__, type(sys.modules['spacy.cli.info'].app).__name__)")
    assert _run(code).split() == ["True", "Typer"]


@pytest.mark.slow
def test_an_unknown_layout_falls_back_to_the_plain_import():
    code = ("import sys\nfrom postlint import _spacy_loader, nlp\n"
            "_spacy_loader.cli_import_skippable = lambda: False\n"
            "doc = nlp.pipeline('de').make_doc('Am 09.09.2021 z. B. um 8 Uhr: https://x.de/a #KI')\n"
            "print('spacy.cli' in sys.modules, '|'.join(t.text for t in doc))")
    assert _run(code).split() == ["True", "Am|09.09.2021|z.|B.|um|8|Uhr|:|https://x.de/a|#|KI"]


@pytest.mark.parametrize("init, about", [
    ("from .cli.info import info  # noqa: F401\nfrom .cli import app\n", '__version__ = "3.8.18"\n'),
    ("from .about import __version__\n", '__version__ = "3.8.18"\n'),
    ("from .cli.info import info  # noqa: F401\n", '__version__ = "4.0.0"\n'),
    ("from .cli.info import info  # noqa: F401\n", None),
])
def test_only_the_known_layout_skips_the_cli(tmp_path, monkeypatch, init, about):
    (tmp_path / "__init__.py").write_text(init, encoding="utf-8")
    if about is not None:
        (tmp_path / "about.py").write_text(about, encoding="utf-8")
    spec = types.SimpleNamespace(origin=str(tmp_path / "__init__.py"))
    monkeypatch.setattr(_spacy_loader.importlib.util, "find_spec", lambda name: spec)
    assert not _spacy_loader.cli_import_skippable()
    (tmp_path / "__init__.py").write_text("from .cli.info import info  # noqa: F401\n", encoding="utf-8")
    (tmp_path / "about.py").write_text('__version__ = "3.8.18"\n', encoding="utf-8")
    assert _spacy_loader.cli_import_skippable()


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["de", "en"])
def test_tokens_are_those_of_spacys_own_language_class(lang):
    from spacy.lang.de import German
    from spacy.lang.en import English

    reference = (English if lang == "en" else German)()
    ours = nlp.pipeline(lang)
    attrs = ["ORTH", "SPACY", "IDX", "LENGTH", "IS_SPACE", "IS_PUNCT", "IS_ALPHA", "IS_STOP", "LIKE_NUM",
             "LIKE_URL", "LIKE_EMAIL", "IS_TITLE", "IS_LOWER", "NORM", "LOWER"]
    for text in _texts():
        a, b = ours.make_doc(text), reference.make_doc(text)
        assert [t.text for t in a] == [t.text for t in b]
        assert (a.to_array(attrs) == b.to_array(attrs)).all()
