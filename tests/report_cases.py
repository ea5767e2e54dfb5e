"""Drafts for the HTML report tests: hostile ones (markup, event handlers, `javascript:`
URLs in text, front matter and file names) and ones whose folds sit at known offsets."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PWN = "document.documentElement.setAttribute('data-pwned','{}')"

HOSTILE = {
    "linkedin/script.md": (
        "---\ntype: post\nlang: en\naccount: \"<script>" + PWN.format("account") + "</script>\"\n"
        "scheduled: 2026-12-01T09:00:00+01:00\n---\n"
        "<script>" + PWN.format("script") + "</script> Hello \"><img src=x onerror=\"" + PWN.format("img") + "\">\n\n"
        "Click javascript:" + PWN.format("js") + " or [here](javascript:alert(1)) "
        "and https://evil.example/\"><svg onload=alert(1)> #Hack<b> @<i>x\n\n"
        "<!-- --><script>" + PWN.format("note") + "</script> -->\n"
        "#KI #KI #Leadership #Sales #Marketing #Growth #B2B\n"),
    "x/\"><img src=x onerror=alert(1)>.md": (
        "---\nchannel: x\n---\n</textarea></style></title><script>" + PWN.format("x") + "</script> "
        + "&amp; &lt;b&gt; " + "\U0001d5ef\U0001d5fc\U0001d5f9\U0001d5f1 " * 40 + "\n"),
    "calendar.csv": (
        "date,text,channel,account\n"
        "2026-12-02 10:00,\"<img src=x onerror=" + PWN.format("csv").replace("'", "") + "> Cal post #A\",linkedin,"
        "\"<b onmouseover=alert(1)>acct</b>\"\n"),
}

WORDS = "wort " * 80  # 400 characters
FOLDS = {
    # LinkedIn: 140 characters or 3 lines (mobile), 210 characters or 5 lines (desktop)
    "linkedin/long-line.md": ("---\ntype: post\nlang: de\n---\n" + WORDS.strip() + "\n", {"mobile": 140, "desktop": 210}),
    "linkedin/short-lines.md": ("---\ntype: post\nlang: en\n---\n" + "\n".join(f"line {i}" for i in range(1, 8)) + "\n",
                                # "line 1\n" is 7 characters: the 3rd line ends at 20, the 5th at 34
                                {"mobile": 20, "desktop": 34}),
    "instagram/caption.md": ("---\nchannel: instagram\nlang: de\n---\n" + WORDS[:200] + "\n", {"mobile": 125, "desktop": 125}),
    "linkedin/no-fold.md": ("---\ntype: post\nlang: en\n---\nShort post. What do you think?\n", {}),
}
# where the limit is crossed: X at 280 weighted characters, a connection note at 300
OVERFLOWS = {
    "x/long.md": ("---\nchannel: x\nlang: en\n---\n" + "ab " * 100 + "\n", 280),
    "linkedin/note.md": ("---\ntype: connection-note\nlang: en\n---\nHi Anna, " + "x" * 340 + "\n", 300),
}


def write(folder: Path, files: dict) -> Path:
    for name, content in files.items():
        text = content[0] if isinstance(content, tuple) else content
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return folder


def postlint(*args, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "postlint", *args], capture_output=True, text=True, cwd=cwd)


def report(folder: Path, out: Path, *extra: str) -> tuple[str, dict]:
    """(the html report, the json output) of checking `folder`."""
    done = postlint("check", "--no-cache", "--format", "html", "--output", str(out), *extra, str(folder))
    assert done.returncode in (0, 1), done.stderr
    data = postlint("check", "--no-cache", "--format", "json", *extra, str(folder))
    return out.read_text(encoding="utf-8"), json.loads(data.stdout)


def examples(tmp: Path) -> Path:
    target = tmp / "examples"
    shutil.copytree(ROOT / "examples", target)
    return target


def file_slice(path: Path, f: dict) -> str:
    """The text of the file between a JSON finding's start and end (1-based lines and columns)."""
    lines = path.read_text(encoding="utf-8").split("\n")
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    raw = "\n".join(lines)
    start = starts[f["start"]["line"] - 1] + f["start"]["column"] - 1
    end = starts[f["end"]["line"] - 1] + f["end"]["column"] - 1
    return raw[start:end]


def packed_report(folder: Path, out: Path, static: int, pack: int) -> str:
    """The report of `folder` with only `static` drafts as HTML and the rest in packs of
    `pack` (the layout of a run of thousands of drafts, at a size a test can afford)."""
    from postlint import cli
    from postlint import report as report_mod
    from postlint import runner
    from postlint.linter import Linter, Options

    linter = Linter(Options())
    linter.compact = False
    results = list(runner.lint_inputs(linter, [str(folder)], jobs=1))
    document = "\n".join(report_mod.html_report(iter(results), linter=linter, static=static, pack=pack))
    document = cli._printable(document)  # as `check` prints it: undecodable file name bytes as U+FFFD
    out.write_text(document, encoding="utf-8")
    return document


def many(count: int) -> dict:
    channels = ("linkedin", "x", "instagram")
    return {f"d{i:03}.md": f"---\nchannel: {channels[i % 3]}\naccount: acct-{i % 4}\n---\n"
                           f"Post {i}: what do you think? #KI" + (" #KI" if i % 5 == 0 else "") + "\n"
            for i in range(count)}
