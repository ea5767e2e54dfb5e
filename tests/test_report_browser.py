"""The HTML report in a real browser: headless Chromium (Debian's `chromium`, which `.ci/run`
installs) opens reports of the bundled examples, of hostile drafts and of drafts with folds
at known offsets. The DOM it dumps after the page's own script ran is checked, and its
screenshots at desktop and mobile widths are decoded (tests/report_tools.py) and inspected."""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from report_cases import FOLDS, HOSTILE, OVERFLOWS, examples, file_slice, report, write
from report_tools import code, chromium, dump_dom, parse, pixels, post_text, read_png, screenshot

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(chromium() is None, reason="no chromium binary on PATH: install Debian's `chromium` package "
                                                   "(apt-get install -y chromium; .ci/run does) to run the browser tests"),
]

LIGHT_BG, DARK_BG = (0xF4, 0xF2, 0xEE), (0x16, 0x17, 0x1A)
FOLD_LIGHT = (0x7A, 0x4F, 0xD6)


@pytest.fixture(scope="module")
def reports(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("browser")
    made = {}
    made["examples"] = (*report(examples(tmp), tmp / "examples.html"), tmp / "examples.html")
    hostile = write(tmp / "hostile", HOSTILE)
    made["hostile"] = (*report(hostile, tmp / "hostile.html", str(hostile / "calendar.csv")), tmp / "hostile.html")
    folds = write(tmp / "folds", {**FOLDS, **OVERFLOWS})
    made["folds"] = (*report(folds, tmp / "folds.html"), tmp / "folds.html")
    made["folder"] = {"hostile": hostile, "folds": folds}
    return made


def rendered(path: Path):
    dom = parse(dump_dom(path))
    root = dom.find("html")
    return dom, root


def drafts(dom):
    return {a.find("h2").text(): a for a in dom.find_all("article", cls="draft")}


def test_examples_render_with_their_own_script(reports):
    _, data, path = reports["examples"]
    dom, root = rendered(path)
    assert root.attrs.get("data-js") == "on" and "js" in root.classes  # the report's script ran (CSP hash)
    assert "data-pwned" not in root.attrs
    articles = drafts(dom)
    assert len(articles) == 13
    # highlights in the rendered DOM are the JSON positions
    for f in data["findings"]:
        article = articles[f["path"]]
        n = next(li.attrs["data-f"] for li in article.find_all("li", data_code=f["code"])
                 if (li.attrs["data-line"], li.attrs["data-column"], li.attrs["data-end-line"],
                     li.attrs["data-end-column"]) == tuple(str(v) for v in (f["start"]["line"], f["start"]["column"],
                                                                            f["end"]["line"], f["end"]["column"])))
        marks = [m for m in article.find_all("mark") if n in m.attrs["data-f"].split()]
        banner = article.find(cls="banner", data_f=n)
        assert bool(marks) != bool(banner), f
        if marks:
            assert "".join(m.text() for m in marks) == file_slice(Path(f["path"]), f), f
            text = post_text(article.find(cls="pv-text"))
            assert text[int(marks[0].attrs["data-start"]):int(marks[-1].attrs["data-end"])] == file_slice(
                Path(f["path"]), f)
    # banners, calendar cells, the chart and the filters exist
    teamevent = next(a for p, a in articles.items() if p.endswith("de-teamevent.md"))
    assert [b.attrs["data-code"] for b in teamevent.find_all(cls="banner")] == ["PL201", "PL401"]
    cells = list(dom.find(id="calendar").find_all("td", cls="cal-day"))
    assert len(cells) == 14 and sum(1 for c in cells if c.find("a", cls="chip")) == 2
    bars = [g.attrs["data-code"] for g in dom.find(id="rule-chart").find_all("g", cls="bar")]
    assert sorted(bars) == sorted({f["code"] for f in data["findings"]})
    assert dom.find("select", id="f-rule") is not None
    # the script collapsed the previews that have a fold, and showed the first page
    assert [a.attrs.get("hidden") for a in articles.values()] == [None] * 13
    kooperation = next(a for p, a in articles.items() if p.endswith("de-kooperation-laufschuhe.md"))
    assert "collapsed" in kooperation.find(cls="preview").classes


def test_no_script_from_drafts_runs(reports):
    _, _, path = reports["hostile"]
    dom, root = rendered(path)
    assert root.attrs.get("data-js") == "on"
    assert "data-pwned" not in root.attrs, root.attrs
    assert dom.find("title").text() == "postlint report"
    assert not list(dom.find_all("img")) and len(code(dom)) == 1
    articles = drafts(dom)
    script = next(a for p, a in articles.items() if p.endswith("script.md"))
    assert post_text(script.find(cls="pv-text")).startswith("<script>document.documentElement")
    assert any(p.endswith('"><img src=x onerror=alert(1)>.md') for p in articles)


def test_the_policy_blocks_a_script_that_got_in(reports, tmp_path):
    """A second line of defence: were a draft's markup ever not escaped, the page's
    Content-Security-Policy would still refuse to run it (and an image to load)."""
    _, _, path = reports["examples"]
    injected = path.read_text(encoding="utf-8").replace(
        "<main>", "<main><script>document.documentElement.setAttribute('data-pwned','inline')</script>"
                  "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned','img')\">"
                  "<img src=\"http://127.0.0.1:9/x.png\">", 1)
    target = tmp_path / "injected.html"
    target.write_text(injected, encoding="utf-8")
    _, root = rendered(target)
    assert root.attrs.get("data-js") == "on"
    assert "data-pwned" not in root.attrs


def test_folds_in_the_rendered_dom(reports):
    _, _, path = reports["folds"]
    dom, _ = rendered(path)
    articles = drafts(dom)
    folder = reports["folder"]["folds"].as_posix()
    for name, (_, folds) in FOLDS.items():
        article = articles[f"{folder}/{name}"]
        pv = article.find(cls="pv-text")
        for view, offset in folds.items():
            marker = pv.find(cls=f"fold-{view[0]}")
            assert marker is not None, (name, view)
            before = []
            for piece in pv.children:
                if piece is marker:
                    break
                if isinstance(piece, str):
                    before.append(piece)
                elif "fold" not in piece.classes:
                    before.append(piece.text(skip=lambda n: "fold" in n.classes))
            assert len("".join(before)) == offset, (name, view)
        assert ("collapsed" in article.find(cls="preview").classes) == bool(folds)
    for name, (_, limit) in OVERFLOWS.items():
        article = articles[f"{folder}/{name}"]
        text = post_text(article.find(cls="pv-text"))
        over = "".join(n.text() for n in article.find(cls="pv-text").iter() if "ov" in n.classes)
        assert over == text[limit:], name


def _census(png: Path):
    width, height, rows = read_png(png)
    counts = collections.Counter(pixels(rows))
    return width, height, counts


def _near(counts, colour, tolerance=40):
    return sum(n for c, n in counts.items() if sum(abs(a - b) for a, b in zip(c, colour)) <= tolerance)


@pytest.mark.parametrize("width", [1280, 390])
def test_screenshots_are_not_blank_and_show_the_fold(reports, tmp_path, width):
    _, _, path = reports["examples"]
    png = screenshot(path, tmp_path / f"examples-{width}.png", width, 1600)
    w, h, counts = _census(png)
    assert (w, h) == (width, 1600)
    total = w * h
    background = counts[LIGHT_BG]
    assert background > total * 0.05 and counts[(255, 255, 255)] > total * 0.1  # the page and its cards ...
    assert total - background - counts[(255, 255, 255)] > total * 0.03  # ... and text, lines and colours on them
    assert len(counts) > 200  # text, colours and icons, not a blank or single-colour page
    assert _near(counts, (0xB3, 0x26, 0x1E)) + _near(counts, (0x8A, 0x53, 0x00)) > 50  # severity colours
    # a report whose first draft has a fold: the "…see more" line is drawn in the fold colour
    _, _, folds = reports["folds"]
    png = screenshot(folds, tmp_path / f"folds-{width}.png", width, 2400)
    _, _, counts = _census(png)
    assert _near(counts, FOLD_LIGHT, 60) > 20


def test_dark_mode(reports, tmp_path):
    _, _, path = reports["examples"]
    png = screenshot(path, tmp_path / "dark.png", 1280, 900, "--force-dark-mode")
    w, h, counts = _census(png)
    dark = sum(n for (r, g, b), n in counts.items() if r + g + b < 160)
    assert counts[DARK_BG] > w * h * 0.1 and dark > w * h * 0.6 and counts[LIGHT_BG] == 0
    assert len(counts) > 100


def test_readable_without_script(reports, tmp_path):
    """The page with its script taken out (as a browser with scripts off loads it): every
    draft is there in full, the fold markers inline, and it paints."""
    _, _, path = reports["examples"]
    page = path.read_text(encoding="utf-8")
    without = re.sub(r"<script>.*?</script>", "", page, flags=re.S)
    assert without != page
    target = tmp_path / "no-script.html"
    target.write_text(without, encoding="utf-8")
    dom, root = rendered(target)
    assert root.attrs.get("data-js") is None
    articles = list(dom.find_all("article", cls="draft"))
    assert len(articles) == 13 and not [a for a in articles if "hidden" in a.attrs]
    assert "js" not in root.classes  # the collapsed feed view is styled under html.js only
    assert "Without script the report shows every draft in full" in dom.find("footer").text()
    png = screenshot(target, tmp_path / "no-script.png", 1280, 1200)
    _, _, counts = _census(png)
    assert len(counts) > 200


# -- interaction, over the DevTools protocol (report_tools.Browser) ----------------------------
@pytest.fixture
def browser():
    from report_tools import Browser

    opened = Browser(1280, 900)
    yield opened
    opened.close()


def test_filters_and_pages(reports, browser, tmp_path):
    _, data, path = reports["examples"]
    browser.open(path)
    visible = "[...document.querySelectorAll('article.draft')].filter(a => !a.hidden).length"
    assert browser.js(visible) == 13

    def choose(select, value):
        browser.js(f"(() => {{ const s = document.getElementById('{select}'); s.value = '{value}'; "
                   f"s.dispatchEvent(new Event('change')); }})()")

    errors = {f["path"] for f in data["findings"] if f["severity"] == "error"}
    choose("f-severity", "error")
    assert browser.js(visible) == len(errors) == 4
    choose("f-severity", "")
    choose("f-channel", "x")
    assert browser.js(visible) == 2
    choose("f-channel", "")
    choose("f-rule", "PL202")
    assert browser.js("[...document.querySelectorAll('article.draft')].filter(a => !a.hidden)"
                      ".map(a => a.querySelector('h2').textContent)") == [
        next(f["path"] for f in data["findings"] if f["code"] == "PL202")]
    choose("f-rule", "")
    choose("f-account", "anna.schmidt")
    assert browser.js(visible) == 2
    # a run of 120 drafts: pages of 50
    many = write(tmp_path / "many", {f"d{i:03}.md": f"Post {i}: what do you think? #KI\n" for i in range(120)})
    target = tmp_path / "many.html"
    report(many, target)
    browser.open(target)
    assert browser.js(visible) == 50
    assert browser.js("document.getElementById('pager-info').textContent") == "120 of 120 drafts \u00b7 page 1 of 3"
    browser.js("document.getElementById('pager-next').click()")
    assert browser.js("[...document.querySelectorAll('article.draft')].filter(a => !a.hidden)[0]"
                      ".querySelector('h2').textContent").endswith("d050.md")


def test_keyboard_focus_tooltips_and_folds(reports, browser):
    _, _, path = reports["examples"]
    browser.open(path)
    browser.key("j")
    assert browser.js("document.activeElement.id") == "d1"
    browser.key("j")
    browser.key("j")
    browser.key("k")
    assert browser.js("document.activeElement.id") == "d2"
    # Tab from a draft reaches its highlights; a focused highlight shows its message
    browser.js("document.getElementById('d2').focus()")
    for _ in range(10):
        browser.key("Tab")
        if browser.js("document.activeElement.tagName") == "MARK":
            break
    tip = browser.js("getComputedStyle(document.activeElement, '::after').content")
    assert "PL512" in tip and "insufficient ad label" in tip
    # the Instagram caption is cut at its fold; `e` expands it, the fold text then shows
    hidden = ("(() => { const p = document.querySelector('#d2 .preview'); "
              "return [...p.querySelectorAll('.af-d')].every(e => e.getClientRects().length === 0); })()")
    assert browser.js("document.querySelector('#d2 .preview').classList.contains('collapsed')")
    assert browser.js(hidden)
    assert browser.js("document.querySelector('#d2 .fold-d .more').getClientRects().length") == 1
    browser.key("e")
    assert not browser.js(hidden)
    # following a finding's link to a highlight behind the fold opens the preview it is in
    browser.key("e")
    assert browser.js(hidden)
    mark = browser.js("document.querySelector('.preview.collapsed mark.af-d.start[id]').id")
    link = f"document.querySelector('ol.findings a[href=\"#{mark}\"]')"
    assert browser.js(f"{link}.closest('article').contains(document.getElementById('{mark}'))")
    browser.js(f"{link}.click()")
    assert browser.js(f"document.getElementById('{mark}').getClientRects().length") > 0
    assert browser.js("document.activeElement.id") == mark
    assert not browser.js(f"document.getElementById('{mark}').closest('.preview').classList.contains('collapsed')")


def test_mobile_width_moves_the_fold(reports, browser):
    _, _, path = reports["folds"]
    browser.open(path)
    article = "document.querySelector('article[data-fold-mobile=\"140\"]')"
    shown = (f"(() => {{ const a = {article}; const t = a.querySelector('.pv-text'); let s = ''; "
             "for (const n of t.childNodes) { if (n.nodeType === 3) s += n.data; "
             "else if (!n.classList.contains('fold') && n.getClientRects().length) s += n.textContent; } "
             "return s.length; })()")
    assert browser.js(shown) == 210  # desktop: cut at 210 characters
    browser.js(f"{article}.querySelector('button[data-act=view]').click()")
    assert browser.js(f"{article}.querySelector('.preview').getBoundingClientRect().width") == 360
    assert browser.js(shown) == 140  # mobile: at 140


def test_no_dialog_and_the_policy_reports_what_it_blocked(reports, browser, tmp_path):
    _, _, path = reports["hostile"]
    browser.open(path)
    assert browser.js("document.documentElement.getAttribute('data-pwned')") is None
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    _, _, examples_path = reports["examples"]
    injected = examples_path.read_text(encoding="utf-8").replace(
        "<main>", "<main><script>alert(1)</script>", 1)
    target = tmp_path / "injected.html"
    target.write_text(injected, encoding="utf-8")
    browser.open(target)
    assert browser.js("document.documentElement.dataset.js") == "on"
    assert not [e for e in browser.events if e.get("method") == "Page.javascriptDialogOpening"]
    logged = " ".join(e["params"]["entry"].get("text", "") for e in browser.events if e.get("method") == "Log.entryAdded")
    assert "Content Security Policy" in logged


def test_large_report_inflates_packs_on_demand(browser, tmp_path):
    from report_cases import many, packed_report

    folder = write(tmp_path / "many", many(120))
    target = tmp_path / "packed.html"
    packed_report(folder, target, static=20, pack=25)
    browser.open(target)
    ready = "document.documentElement.dataset.readyMs !== undefined"
    browser.js(f"new Promise(r => {{ const t = setInterval(() => {{ if ({ready}) {{ clearInterval(t); r(); }} }}, 20); }})")
    visible = ("[...document.querySelectorAll('article.draft')].filter(a => !a.hidden)"
               ".map(a => a.querySelector('h2').textContent.split('/').pop())")
    assert browser.js(visible) == [f"d{i:03}.md" for i in range(50)]
    assert browser.js("document.querySelectorAll('article.draft').length") == 70  # 20 + packs 0 and 1

    def settle():
        browser.js("new Promise(r => setTimeout(r, 200))")

    browser.js("document.getElementById('pager-next').click()")
    settle()
    assert browser.js(visible) == [f"d{i:03}.md" for i in range(50, 100)]
    # a filter over every draft, packed or not
    browser.js("(() => { const s = document.getElementById('f-channel'); s.value = 'x'; "
               "s.dispatchEvent(new Event('change')); })()")
    settle()
    assert browser.js(visible) == [f"d{i:03}.md" for i in range(1, 120, 3)]
    # a link to a draft in a pack not yet shown: it is inflated and shown
    browser.js("location.hash = '#d116'")
    settle()
    assert browser.js("document.getElementById('d116').hidden") is False
    assert browser.js("document.activeElement.id") == "d116"  # an X draft: the filter stays
    assert browser.js("document.getElementById('pager-info').textContent") == "40 of 120 drafts \u00b7 page 1 of 1"
    browser.js("location.hash = '#d118'")  # a LinkedIn draft: the filter is cleared to show it
    settle()
    assert browser.js("document.activeElement.id") == "d118"
    assert browser.js("document.getElementById('pager-info').textContent") == "120 of 120 drafts \u00b7 page 3 of 3"
    # the inflated drafts are escaped and highlighted like the others
    assert browser.js("[...document.querySelectorAll('#d116 mark.hl')].map(m => m.textContent)") == ["#KI"]
    assert browser.js("document.documentElement.getAttribute('data-pwned')") is None


def test_a_phone_starts_at_the_mobile_fold(reports):
    from report_tools import Browser

    phone = Browser(390, 844)
    try:
        _, _, path = reports["folds"]
        phone.open(path)
        preview = "document.querySelector('article[data-fold-mobile=\"140\"] .preview')"
        assert phone.js(f"{preview}.classList.contains('mobile')")
        assert phone.js(f"{preview}.querySelector('.fold-m .more').getClientRects().length") == 1
        assert phone.js(f"{preview}.querySelector('.fold-d').getClientRects().length") == 0
        wide = phone.js("[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 390)"
                        ".slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right + ' ' + e.textContent.slice(0, 80) + ' in ' + e.parentElement.tagName + '.' + e.parentElement.className)")
        assert phone.js("document.documentElement.scrollWidth") <= 390, wide  # nothing wider than the screen
    finally:
        phone.close()
