"""The HTML report (`--format html`), read as markup: self-contained, escaped, findings at
their JSON positions, folds and limits where they belong. tests/test_report_browser.py opens
the same reports in Chromium."""

from __future__ import annotations

import base64
import hashlib
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from report_cases import FOLDS, HOSTILE, OVERFLOWS, ROOT, examples, file_slice, postlint, report, write
from report_tools import code, parse, post_text

from postlint.report import fold_at


@pytest.fixture(scope="module")
def example_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("examples")
    folder = examples(tmp)
    document, data = report(folder, tmp / "report.html")
    return folder, document, data


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    folder = write(tmp / "drafts", HOSTILE)
    document, data = report(folder, tmp / "report.html", str(folder / "calendar.csv"))
    return folder, document, data


def articles(dom):
    return {a.find("h2").text(): a for a in dom.find_all("article", cls="draft")}


def test_fold_at_counts_characters_and_lines():
    assert fold_at("a" * 140, 140, 3) is None
    assert fold_at("a" * 141, 140, 3) == 140
    assert fold_at("1\n2\n3", 140, 3) is None
    assert fold_at("1\n2\n3\n4", 140, 3) == 5
    assert fold_at("1\n\n\n4", 140, 3) == 3  # blank lines count
    assert fold_at("a" * 300, 477, None) is None


@pytest.mark.slow
def test_report_is_one_self_contained_file(example_report):
    _, document, _ = example_report
    dom = parse(document)
    head = dom.find("head")
    first = next(head.iter())
    assert first.tag == "meta" and first.attrs.get("charset") == "utf-8"
    csp = head.find("meta", http_equiv="Content-Security-Policy")
    assert csp is not None
    policy = dict(part.strip().split(" ", 1) for part in csp.attrs["content"].split(";"))
    assert policy["default-src"] == "'none'"
    # the one inline script and stylesheet are those the policy allows, by hash
    scripts = code(dom)
    styles = list(dom.find_all("style"))
    assert len(scripts) == 1 and len(styles) == 1
    # the others hold data (the draft index, packed drafts): types a browser never runs
    assert {n.attrs.get("type") for n in dom.find_all("script")} - {None} <= {"application/json",
                                                                            "application/x-postlint-drafts"}

    def digest(node):
        return "'sha256-" + base64.b64encode(hashlib.sha256(node.text().encode()).digest()).decode() + "'"

    assert policy["script-src"] == digest(scripts[0])
    assert policy["style-src"] == digest(styles[0])
    # nothing to fetch: no src, no stylesheet link, no url() in the CSS
    assert not [n for n in dom.iter() if "src" in n.attrs or n.tag in ("link", "iframe", "img", "object")]
    assert "url(" not in styles[0].text() and "@import" not in styles[0].text()
    for node in dom.find_all("a"):
        href = node.attrs.get("href", "")
        assert href.startswith(("#", "https://github.com/postlint/postlint/")), href
    assert not [n for n in dom.iter() if "style" in n.attrs]  # the policy would block them


@pytest.mark.slow
def test_every_finding_is_in_the_report_at_its_json_position(example_report):
    folder, document, data = example_report
    dom = parse(document)
    drafts = articles(dom)
    assert len(drafts) == data["summary"]["files"] == 13
    assert dom.find(id="n-findings").find("b").text() == str(len(data["findings"]))
    for f in data["findings"]:
        article = drafts[f["path"]]
        items = [li for li in article.find_all("li", data_code=f["code"])
                 if (li.attrs["data-line"], li.attrs["data-column"], li.attrs["data-end-line"],
                     li.attrs["data-end-column"]) == tuple(str(v) for v in (f["start"]["line"], f["start"]["column"],
                                                                            f["end"]["line"], f["end"]["column"]))]
        assert len(items) == 1, f
        n = items[0].attrs["data-f"]
        banner = article.find(cls="banner", data_f=n)
        marks = [m for m in article.find_all("mark") if n in m.attrs["data-f"].split()]
        if banner is not None:
            assert not marks
            continue
        assert marks, f
        expected = file_slice(Path(f["path"]), f)
        assert "".join(m.text() for m in marks) == expected, f
        # the marks are the text at their offsets in the preview, one run without gaps
        text = post_text(article.find(cls="pv-text"))
        assert [int(m.attrs["data-start"]) for m in marks[1:]] == [int(m.attrs["data-end"]) for m in marks[:-1]]
        assert text[int(marks[0].attrs["data-start"]):int(marks[-1].attrs["data-end"])] == expected
        # severity by colour (class) and by icon
        start = marks[0]
        assert "start" in start.classes and start.attrs.get("data-icon") in "\u2716\u25b2\u2139"
        assert f["message"] in start.attrs["data-tip"]


@pytest.mark.slow
def test_whole_post_findings_are_banners(example_report):
    _, document, _ = example_report
    drafts = articles(parse(document))
    teamevent = next(a for path, a in drafts.items() if path.endswith("instagram/de-teamevent.md"))
    codes = [b.attrs["data-code"] for b in teamevent.find_all(cls="banner")]
    assert codes == ["PL201", "PL401"]
    # schedule findings sit in front matter: banners too, and marked in the calendar
    second = next(a for path, a in drafts.items() if path.endswith("de-zweiter-post-gleicher-tag.md"))
    assert [b.attrs["data-code"] for b in second.find_all(cls="banner")] == ["PL601", "PL602"]


def test_counts_header_and_calendar(example_report):
    _, document, _ = example_report
    dom = parse(document)
    drafts = articles(dom)
    tweet = next(a for path, a in drafts.items() if path.endswith("x/de-produkt-tweet.md"))
    length = tweet.find(cls="count-length")
    assert length.text() == "288 / 280 weighted characters" and "over" in length.classes
    assert tweet.find(cls="pv-counter").text() == "288 / 280 weighted characters"
    hashtags = next(a for path, a in drafts.items() if path.endswith("de-webinar-hashtags.md"))
    assert hashtags.find(cls="count-hashtags").text() == "8 hashtags"
    assert hashtags.find(cls="count-links").text() == "1 link"
    # the calendar: a table per account, the posts as chips on their local day
    tables = list(dom.find(id="calendar").find_all("table"))
    assert [t.attrs["data-account"] for t in tables] == ["anna.schmidt", "vertrieb.team"]
    tuesday = tables[0].find("td", data_date="2026-12-01")
    chips = list(tuesday.find_all("a", cls="chip"))
    assert [c.find("b").text() for c in chips] == ["08:30", "10:00"]
    assert "s-warning" in chips[1].classes and "s-warning" not in chips[0].classes
    target = chips[1].attrs["href"][1:]
    assert dom.find("article", id=target).find("h2").text().endswith("de-zweiter-post-gleicher-tag.md")
    # the summary: a bar per rule, the worst drafts first
    bars = {g.attrs["data-code"]: int(g.attrs["data-count"]) for g in dom.find_all("g", cls="bar")}
    assert bars["PL302"] == 4 and sum(bars.values()) == 20
    assert next(dom.find(id="worst").find_all("a")).text().endswith("x/de-produkt-tweet.md")


@pytest.mark.slow
def test_hostile_drafts_are_text(hostile_report):
    folder, document, data = hostile_report
    dom = parse(document)
    assert len(code(dom)) == 1
    for node in dom.iter():
        assert not [name for name in node.attrs if name.startswith("on")], (node.tag, node.attrs)
        assert node.tag not in ("img", "iframe", "object", "embed", "textarea", "title") or node.tag == "title" \
            and node.parent.tag in ("head", "g"), node.tag
        assert node.tag != "svg" or node.attrs.get("id") == "rule-chart"
    assert "javascript:" not in " ".join(n.attrs.get("href", "") for n in dom.iter())
    drafts = articles(dom)
    script = next(a for path, a in drafts.items() if path.endswith("script.md"))
    text = post_text(script.find(cls="pv-text"))
    assert text.startswith("<script>document.documentElement.setAttribute('data-pwned','script')</script> Hello \"><img")
    assert "javascript:" in text and "<!--" not in text  # author notes are not part of the post
    assert "<script>" in script.attrs["data-account"]
    # a file name with markup is text as well
    assert any(path.endswith('x/"><img src=x onerror=alert(1)>.md') for path in drafts)
    assert any(path.endswith("calendar.csv:2") for path in drafts)
    # the findings are still at their positions
    for f in data["findings"]:
        if f["path"].endswith(".csv"):
            continue
        article = drafts[f["path"]]
        n = next(li.attrs["data-f"] for li in article.find_all("li", data_code=f["code"])
                 if li.attrs["data-line"] == str(f["start"]["line"]) and li.attrs["data-column"] == str(f["start"]["column"]))
        marks = [m for m in article.find_all("mark") if n in m.attrs["data-f"].split()]
        if marks:
            assert "".join(m.text() for m in marks) == file_slice(Path(f["path"]), f)


@pytest.mark.slow
def test_folds_and_limits_at_known_offsets(tmp_path):
    folder = write(tmp_path / "drafts", {**FOLDS, **OVERFLOWS})
    document, _ = report(folder, tmp_path / "report.html")
    drafts = articles(parse(document))
    for name, (_, folds) in FOLDS.items():
        article = drafts[f"{folder.as_posix()}/{name}"]
        assert {view: int(article.attrs[f"data-fold-{view}"]) for view in ("mobile", "desktop")
                if f"data-fold-{view}" in article.attrs} == folds, name
        pv = article.find(cls="pv-text")
        for view, offset in folds.items():
            marker = pv.find(cls=f"fold-{view[0]}")
            before = []
            for piece in pv.children:
                if piece is marker:
                    break
                before.append(piece if isinstance(piece, str) else piece.text(skip=lambda n: "fold" in n.classes)
                              if "fold" not in piece.classes else "")
            assert len("".join(before)) == offset, (name, view)
            label = "\u2026mehr anzeigen" if "lang: de" in FOLDS[name][0] and "linkedin" in name else None
            if label:
                assert marker.find(cls="more").text() == label
    for name, (_, limit) in OVERFLOWS.items():
        article = drafts[f"{folder.as_posix()}/{name}"]
        assert int(article.attrs["data-overflow"]) == limit - (0 if "x/" in name else 0), name
        over = [n for n in article.find(cls="pv-text").iter() if "ov" in n.classes]
        assert over and all(int(n.attrs.get("data-start", limit)) >= limit for n in over)
    note = drafts[f"{folder.as_posix()}/linkedin/note.md"]
    assert note.find(cls="pv-counter").text() == "349 / 300 UTF-16 units"
    assert "pv-box" in note.find(cls="preview").classes


@pytest.mark.slow
def test_output_option_writes_what_stdout_gets(tmp_path):
    folder = examples(tmp_path)
    for fmt in ("text", "json", "sarif", "html"):
        out = tmp_path / f"out.{fmt}"
        to_file = postlint("check", "--no-cache", "--format", fmt, "--output", str(out), str(folder), cwd=tmp_path)
        to_stdout = postlint("check", "--no-cache", "--format", fmt, str(folder), cwd=tmp_path)
        assert to_file.returncode == to_stdout.returncode == 1
        assert to_file.stdout == ""
        assert out.read_text(encoding="utf-8") == to_stdout.stdout, fmt


@pytest.mark.slow
def test_unreadable_files_and_empty_runs(tmp_path):
    (tmp_path / "bad.md").write_bytes(b"\xff not utf-8 \xfe")  # no byte order mark: bad UTF-8
    (tmp_path / "ok.md").write_text("Was meint ihr? Schreibt es in die Kommentare! #KI\n", encoding="utf-8")
    done = postlint("check", "--no-cache", "--format", "html", str(tmp_path))
    assert done.returncode == 2
    dom = parse(done.stdout)
    assert "bad.md" in dom.find(id="input-errors").text()
    assert len(list(dom.find_all("article", cls="draft"))) == 1
    empty = tmp_path / "empty"
    empty.mkdir()
    done = postlint("check", "--no-cache", "--format", "html", str(empty))
    assert done.returncode == 0 and "All clear" in done.stdout


@pytest.mark.slow
def test_cached_runs_show_the_same_report(tmp_path):
    folder = examples(tmp_path)
    args = ("check", "--format", "html", "--cache-dir", str(tmp_path / "cache"), str(folder))
    first = postlint(*args, cwd=tmp_path)
    second = postlint(*args, cwd=tmp_path)  # every file from the cache
    assert first.stdout == second.stdout and first.returncode == second.returncode == 1


DOC_COMMAND = re.compile(r"^(postlint check [^\n#]*--format html[^\n#]*?)\s*(?:#.*)?$", re.M)


def _snippets():
    """Every command about the report in the README and docs/report.md, as written."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    commands = DOC_COMMAND.findall(readme)
    blocks = re.findall(r"```bash\n(.*?)```", page, re.S)
    return commands, blocks


@pytest.mark.slow
def test_documented_commands_run_as_written(tmp_path):
    commands, blocks = _snippets()
    assert commands and blocks
    shutil.copytree(ROOT / "examples", tmp_path / "drafts")
    shutil.copytree(ROOT / "examples", tmp_path / "examples")
    env_path = str(Path(sys.executable).parent)
    for command in commands + blocks:
        for name in ("report.html", "reports"):
            shutil.rmtree(tmp_path / name, ignore_errors=True) if (tmp_path / name).is_dir() else \
                (tmp_path / name).unlink(missing_ok=True)
        done = subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=tmp_path, capture_output=True,
                              text=True, env={"PATH": f"{env_path}:/usr/bin:/bin", "HOME": str(tmp_path)})
        assert done.returncode in (0, 1), (command, done.stderr)
        written = list(tmp_path.glob("report.html")) + list(tmp_path.glob("reports/*.html"))
        assert written, command
        for path in written:
            assert 'http-equiv="Content-Security-Policy"' in path.read_text(encoding="utf-8")


def test_large_runs_pack_the_drafts_past_the_first(tmp_path):
    import base64
    import json
    import zlib

    from report_cases import many, packed_report

    import os

    folder = write(tmp_path / "many", {**many(8), "z.md": "---\naccount: \"</script><script>alert(1)</script>\"\n---\nHi\n"})
    (folder / os.fsdecode(b"zz-caf\xe9.md")).write_bytes(b"Was meint ihr? #KI\n")  # a name that is not UTF-8
    document = packed_report(folder, tmp_path / "report.html", static=3, pack=2)
    dom = parse(document)
    assert len(list(dom.find_all("article", cls="draft"))) == 3
    packs = [n for n in dom.find_all("script") if n.attrs.get("type") == "application/x-postlint-drafts"]
    assert [p.attrs["id"] for p in packs] == ["pack-0", "pack-1", "pack-2", "pack-3"]
    assert [s.attrs["id"] for s in dom.find_all(cls="slot")] == ["slot-0", "slot-1", "slot-2", "slot-3"]
    inflated = [parse(zlib.decompress(base64.b64decode(p.text())).decode("utf-8", "replace")) for p in packs]
    ids = [a.attrs["id"] for part in inflated for a in part.find_all("article", cls="draft")]
    assert ids == ["d4", "d5", "d6", "d7", "d8", "d9", "d10"]
    assert inflated[-1].find("h2").text().endswith("zz-caf\ufffd.md")
    raw_index = next(n for n in dom.find_all("script") if n.attrs.get("id") == "draft-index").text()
    assert "</script" not in raw_index and "\\u003c/script\\u003e" in raw_index
    index = json.loads(raw_index)
    assert [row[0] for row in index] == [f"d{i}" for i in range(1, 11)]
    assert [row[5] for row in index] == [-1, -1, -1, 0, 0, 1, 1, 2, 2, 3]
    assert index[0][1:5] == ["linkedin", "acct-0", "PL206", "info"]
    assert index[8][2] == "</script><script>alert(1)</script>"
    assert "without script the first 3 are shown" in document


@pytest.mark.slow
def test_the_committed_screenshot_is_shown_and_not_blank():
    from report_tools import read_png

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "](docs/report.png)" in readme and "](report.png)" in (ROOT / "docs" / "report.md").read_text(encoding="utf-8")
    width, height, rows = read_png(ROOT / "docs" / "report.png")
    assert width >= 1000 and height >= 1000
    colours = {row[i:i + 3] for row in rows[::10] for i in range(0, len(row), 30)}
    assert len(colours) > 50


@pytest.mark.slow
def test_output_errors_exit_2_before_any_lint(tmp_path):
    done = postlint("check", "--format", "html", "--output", str(tmp_path / "missing" / "r.html"), str(ROOT / "examples"))
    assert done.returncode == 2 and "cannot write" in done.stderr and done.stdout == ""
    target = tmp_path / "r.html"
    done = postlint("check", "--format", "html", "--output", str(target), "--select", "XX99", str(ROOT / "examples"))
    assert done.returncode == 2 and "XX99" in done.stderr
    assert not target.exists()  # no empty report left behind
