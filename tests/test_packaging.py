"""The wheel ships the rule pack: build it, install it in a fresh venv, run postlint from it."""

from __future__ import annotations

import pytest

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

from helpers import ROOT


@pytest.mark.slow
def test_installed_wheel_has_rules_and_runs(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)], check=True)
    (wheel,) = dist.glob("postlint-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    # The dependencies come from the environment running the tests (listed in a .pth file, so
    # the test needs no download); its editable postlint is not picked up, because .pth files
    # inside a directory named this way are not processed.
    site = subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                          capture_output=True, text=True, check=True).stdout.strip()
    deps = {sysconfig.get_path("purelib"), sysconfig.get_path("platlib")}
    (Path(site) / "_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n", encoding="utf-8")
    subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "-q", str(wheel)], check=True)
    draft = tmp_path / "draft.md"
    draft.write_text("Text #a1 #b2 #c3 #d4 #e5 #f6\n", encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import postlint.packs as p; print(p.rules_root())"],
                           capture_output=True, text=True, cwd=tmp_path, check=True).stdout.strip()
    assert where.endswith("postlint/_rules") and str(ROOT) not in where
    proc = subprocess.run([str(env_dir / "bin" / "postlint"), "check", "--format", "concise", str(draft)],
                          capture_output=True, text=True, cwd=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert f"{draft.as_posix()}:1:26: PL202 [warning] 6 hashtags (max 5): #f6" in proc.stdout
    rules = subprocess.run([str(env_dir / "bin" / "postlint"), "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert rules.returncode == 0 and "PL102" in rules.stdout
