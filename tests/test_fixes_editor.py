"""Quick fixes in a real editor: Neovim's built-in LSP client (run headless) against
`postlint server`. Open a draft, wait for the diagnostics, ask for code actions as the
client does, apply the edit with the client's own function, and compare the file with
what `postlint check --fix` writes."""

from __future__ import annotations

import importlib.util
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from helpers import ROOT

NVIM = shutil.which("nvim")
SCRIPT = Path(__file__).parent / "editor" / "nvim_code_action.lua"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(NVIM is None, reason="needs Neovim (apt-get install -y neovim; .ci/run installs it)"),
    pytest.mark.skipif(importlib.util.find_spec("pygls") is None, reason="needs pygls (pip install -e '.[lsp]')"),
]
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467\u200d\U0001F466"  # 👨‍👩‍👧‍👦: 2 UTF-16 units per emoji
# CRLF line endings, emoji before the fix (UTF-16 columns differ from code points), a
# combining mark, and a second duplicate that the first quick fix leaves in place
DRAFT = (f"---\r\nchannel: linkedin\r\n---\r\n{FAMILY} Grüße aus Köln. Was meint ihr? #KI #Café #KI\r\n"
         "Zweite Zeile mit #Cafe\u0301 und #KI\r\n")


def neovim(path: Path, code: str, action: str) -> dict:
    result = path.parent / "nvim-result.json"
    env = {"POSTLINT_DOC": str(path), "POSTLINT_CODE": code, "POSTLINT_ACTION": action,
           "POSTLINT_RESULT": str(result), "POSTLINT_PYTHON": sys.executable, "PATH": "/usr/bin:/bin",
           "HOME": str(path.parent), "XDG_STATE_HOME": str(path.parent), "XDG_DATA_HOME": str(path.parent),
           "PYTHONPATH": str(ROOT)}
    subprocess.run([NVIM, "--headless", "--clean", "-n", "-i", "NONE", "-c", f"luafile {SCRIPT}"], env=env,
                   cwd=path.parent, stdin=subprocess.DEVNULL, capture_output=True, timeout=90, check=False)
    outcome = json.loads(result.read_text(encoding="utf-8"))
    assert outcome["ok"], outcome
    return outcome


def cli_fix(path: Path) -> bytes:
    subprocess.run([sys.executable, "-m", "postlint", "check", "--fix", "--no-cache", str(path)], cwd=path.parent,
                   capture_output=True, timeout=60, check=False)
    return path.read_bytes()


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "postlint.toml").write_text('select = ["PL0", "PL2", "PL3"]\n', encoding="utf-8")
    return tmp_path


def test_neovim_quick_fix_applies_the_finding_fix(drafts):
    path = drafts / "post.md"
    path.write_bytes(DRAFT.encode("utf-8"))
    outcome = neovim(path, "PL206", "Fix PL206 (duplicate-hashtag)")
    assert "PL206" in outcome["codes"] and outcome.get("applied"), outcome
    # one action per kind, although two duplicates share the line
    assert outcome["titles"].count("Disable PL206 (duplicate-hashtag) for this line") == 1, outcome
    after = path.read_bytes()
    assert after == DRAFT.replace(" #Café #KI\r\n", " #Café\r\n").encode("utf-8")


def test_neovim_sends_data_without_null_keys_and_still_gets_actions(drafts):
    """Lua has no null: the client drops `"fix": null` from `data` (the KeyError of issue 16)."""
    path = drafts / "post.md"
    path.write_bytes("Lest mehr: https://www.beispiel.de/x\n".encode("utf-8"))
    outcome = neovim(path, "PL301", "Disable PL301 (external-link) for this line")
    assert outcome["sent_fix_key"] is False, outcome
    assert outcome.get("applied"), outcome
    assert path.read_text(encoding="utf-8").startswith("<!-- postlint-disable-next-line PL301 -->\n")


def test_neovim_fix_all_gives_what_check_fix_writes(drafts):
    path, twin = drafts / "post.md", drafts / "twin.md"
    path.write_bytes(DRAFT.encode("utf-8"))
    twin.write_bytes(DRAFT.encode("utf-8"))
    outcome = neovim(path, "", "Fix all postlint problems")
    assert outcome["titles"] == ["Fix all postlint problems"] and outcome.get("applied"), outcome
    expected = cli_fix(twin)
    assert expected != DRAFT.encode("utf-8")
    assert path.read_bytes() == expected
