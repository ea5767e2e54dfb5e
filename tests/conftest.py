import sys
from pathlib import Path

import pytest

# pytest rewrites the asserts of every test module on import, ~8 s of CPU for this suite;
# it keeps the result in __pycache__ only where bytecode may be written. Sandboxes and CI
# images often set PYTHONDONTWRITEBYTECODE: write it anyway, the one cache the loop needs.
sys.dont_write_bytecode = False

sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(autouse=True)
def english_messages(monkeypatch):
    """Each test starts in English, whatever the machine's locale, and a test that switches
    postlint to German (`--language de`, which also sets LANGUAGE for click) leaves no trace."""
    from postlint import i18n

    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES"):
        monkeypatch.setenv(name, "")  # recorded, so that the value a test leaves is undone
        monkeypatch.delenv(name)
    monkeypatch.setenv("LANG", "C.UTF-8")  # English, and still UTF-8 for the editors tests start
    i18n.use("en")
    yield
    i18n.use("en")
