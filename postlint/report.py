"""The HTML report (`postlint check --format html --output report.html`).

One self-contained file: the stylesheet and script are inline and allowed by their hashes in
a Content-Security-Policy meta tag, which forbids every other script, style, image source,
font, frame and connection, so the page makes no request and nothing in a draft runs. Every
piece of draft text, file name and front matter value is escaped; links in posts are shown,
never made clickable. The page reads completely without its script (filters, paging, the
collapsed feed view and keyboard shortcuts are additions).

Per draft: the post as its channel shows it (LinkedIn and Instagram with the "…see more"
folds, X with the weighted count and where the limit is crossed, connection notes and
messages in their box), every finding highlighted at its exact range in the post text, the
findings on the whole post (no call to action, no ad label, front matter) as banners, and the
counts in a header. For the run: a summary, the findings per rule as a chart, the worst drafts,
filters, and the schedule per account as a calendar.

The interface is English: postlint has no interface-language setting (`lang` in the
configuration is the drafts' language). The platform's own labels in a preview ("…mehr
anzeigen" or "…see more") follow each draft's language.
"""

from __future__ import annotations

import base64
import bisect
import collections
import datetime as dt
import gc
import hashlib
import html
import json
import zlib
from pathlib import Path

from postlint import __version__
from postlint.paths import docs_url
from postlint.report_assets import CSS, JS

ICONS = {"error": "\u2716", "warning": "\u25b2", "info": "\u2139"}  # ✖ ▲ ℹ
SEVERITIES = ("error", "warning", "info")
# findings about the post as a whole: shown as banners over the preview, not as a highlight
WHOLE_POST = frozenset({
    "missing-hashtags", "missing-cta", "missing-ad-label", "suspected-undisclosed-ad",
    "unsolicited-promotional-message", "low-readability", "empty-connection-note", "missing-greeting",
    "missing-personal-reference", "selling-in-first-contact",
})
# the feed folds (docs/report.md; shared guidance platform-facts.md §1.2-1.4): where the
# platform cuts a post with "…see more", as (characters, lines), whichever comes first
FOLDS = {
    "linkedin": {"mobile": (140, 3), "desktop": (210, 5)},
    "instagram": {"mobile": (125, 3), "desktop": (125, 3)},
    "facebook": {"mobile": (125, None), "desktop": (477, None)},
}
MORE = {
    "linkedin": {"de": "\u2026mehr anzeigen", "en": "\u2026see more"},
    "instagram": {"de": "\u2026 mehr", "en": "\u2026 more"},
    "facebook": {"de": "Mehr ansehen", "en": "See more"},
}
CHANNEL_NAMES = {"linkedin": "LinkedIn", "x": "X", "instagram": "Instagram", "facebook": "Facebook", "xing": "XING"}
BOXED_TYPES = frozenset({"connection-note", "message"})
UNIT_NAMES = {"characters": "characters", "utf16": "UTF-16 units", "graphemes": "graphemes",
              "x_weighted": "weighted characters"}
NOW = {"de": "Jetzt", "en": "Now"}
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
WORST = 10
STATIC_DRAFTS = 1000  # drafts written as plain HTML; the rest of a larger run is packed
PACK_SIZE = 50  # drafts per pack, as many as a page shows
DOT = " \u00b7 "


def _hash(source: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(source.encode()).digest()).decode()


CSP = (f"default-src 'none'; script-src '{_hash(JS)}'; style-src '{_hash(CSS)}'; "
       f"base-uri 'none'; form-action 'none'")


def esc(value) -> str:
    return html.escape(str(value), quote=True)


def fold_at(text: str, characters: int, lines: int | None) -> int | None:
    """The offset where a feed cuts `text` after `characters` characters or `lines` lines
    (line breaks use up lines, blank lines count), whichever comes first; None: no cut."""
    cut = characters if len(text) > characters else None
    if lines:
        pos = -1
        for _ in range(lines):
            pos = text.find("\n", pos + 1)
            if pos < 0:
                break
        else:
            if cut is None or pos < cut:
                cut = pos
    return cut


def text_span(draft, start: int, end: int) -> tuple[int, int] | None:
    """The post-text span of a finding's file offsets, or None when it is not in the post
    text (front matter, a calendar file's date cell)."""
    runs = draft._runs
    if not runs or start < draft.body_start:
        return None
    files = [file_start for _, file_start in runs]

    def to_text(pos: int) -> int:
        i = max(bisect.bisect_right(files, pos) - 1, 0)
        text_start, file_start = runs[i]
        limit = runs[i + 1][0] if i + 1 < len(runs) else len(draft.text)
        return min(text_start + pos - file_start, limit)

    a = to_text(start)
    b = to_text(end - 1) + 1 if end > start else a
    if a > len(draft.text) or draft.file_offset(a) != start:
        return None
    if end > start and (b > len(draft.text) or draft.file_offset(b - 1) + 1 != end):
        return None
    return a, b


class _Item:
    """A finding as the report places it."""

    __slots__ = ("f", "n", "sev", "span", "banner", "seg")

    def __init__(self, finding, n: int, span):
        self.f, self.n, self.sev, self.span = finding, n, str(finding.level), span
        self.banner = span is None or finding.name in WHOLE_POST
        self.seg = None  # the id of the segment where its highlight starts


class _Draft:
    __slots__ = ("draft", "row", "items", "anchor", "worst", "limit", "score")

    def __init__(self, draft, row, items, anchor, limit):
        self.draft, self.row, self.items, self.anchor, self.limit = draft, row, items, anchor, limit
        levels = {i.sev for i in items}
        self.worst = next((s for s in SEVERITIES if s in levels), None)
        weight = {"error": 10000, "warning": 100, "info": 1}
        self.score = sum(weight[i.sev] for i in items)


class _Limits:
    """The limit of over-character-limit (PL102) per draft: the unit the channel counts in
    and its max, from the configuration that applies to the draft."""

    def __init__(self, linter):
        self.linter, self.cache = linter, {}
        from postlint import registry

        self.rule = registry.lookup("PL102")

    def __call__(self, draft):
        if self.linter is None or self.rule is None:
            return True, "characters", None
        path = Path(draft.path)
        cfg = self.linter.config_for(path)
        tables = tuple(cfg.path_tables(path))
        key = (id(cfg), tuple(id(t) for t in tables), draft.channel, draft.type)
        if key not in self.cache:
            enabled, _, opts = self.linter.settings(self.rule, cfg, tables, draft.channel, draft.type)
            self.cache[key] = (enabled, opts.get("unit", "characters"), opts.get("max"))
        return self.cache[key]


def _entries(result, linter):
    """(draft, row, findings) of each draft of a result; a cache hit's draft is built again
    from its text (its findings come from the cache)."""
    if result.entries:
        return [(e.draft, e.row, e.findings) for e in result.entries if hasattr(e.draft, "text")]
    if result.raw is not None and linter is not None:
        path = Path(result.path)
        cfg = linter.config_for(path)
        try:
            return [(linter.build(result.raw, path, result.path, cfg), None, result.findings)]
        except Exception:  # noqa: BLE001 - changed since it was checked: shown without preview
            return []
    return []


def html_report(results, color: bool = False, quiet: bool = False, linter=None, title: str = "postlint report",
                static: int | None = None, pack: int | None = None):
    """The report as one document (yielded in blocks). `static`: how many drafts are plain
    HTML (readable without script); `pack`: drafts per deflated pack after them."""
    static = STATIC_DRAFTS if static is None else static
    pack = PACK_SIZE if pack is None else pack
    # thousands of drafts and findings stay alive until the page is written: the collector
    # would walk them all again and again (a 10,000-draft report took 10 s instead of 3)
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield from _document(results, linter, title, static, pack)
    finally:
        if collecting:
            gc.enable()


def _document(results, linter, title: str, static: int, pack: int):
    from postlint import calendar, linter as linter_mod

    limits = _Limits(linter)
    drafts: list[_Draft] = []
    errors: list[tuple[str, str]] = []
    orphans: list[tuple[str, object]] = []  # findings of results without a draft (shown in a list)
    kept = []  # results with drafts, for the calendar
    n = 0
    for result in results:
        if result.error:
            errors.append((result.path, result.error))
        entries = _entries(result, linter)
        if not entries:
            orphans += [(result.path, f) for f in result.findings]
            continue
        calendar_entries = []
        for draft, row, findings in entries:
            items = []
            for f in findings:
                n += 1
                items.append(_Item(f, n, text_span(draft, f.start, f.end)))
            drafts.append(_Draft(draft, row, items, f"d{len(drafts) + 1}", limits(draft)))
            calendar_entries.append(linter_mod.Entry(draft, row, findings))
        kept.append(linter_mod.Result(result.path, entries=calendar_entries))
    tz = linter.calendar.zone if linter is not None else calendar.zone(calendar.DEFAULT_TIMEZONE, "calendar")
    try:
        plan = calendar.view(kept, tz)
    except Exception:  # noqa: BLE001 - a draft whose schedule cannot be placed: no calendar
        plan = {"timezone": tz.key, "plans": [], "unscheduled": []}

    yield _head(title)
    yield _summary(drafts, errors, orphans)
    yield _calendar(plan, drafts)
    yield _filters(drafts)
    yield from _drafts(drafts, static, pack)
    yield _foot()


def _drafts(drafts, static: int, pack: int):
    """The drafts: the first `static` as HTML, the rest deflated in packs of `pack` that the
    script inflates when a page shows them (a large report opens as fast as a small one);
    an index of all drafts for the filters and pages."""
    index = [[d.anchor, d.draft.channel, str(d.draft.meta.get("account", "")),
              " ".join(sorted({i.f.code for i in d.items})),
              " ".join(sorted({i.sev for i in d.items}, key=SEVERITIES.index)),
              -1 if n < static else (n - static) // pack] for n, d in enumerate(drafts)]
    yield '<section id="drafts" aria-label="Drafts">'
    if len(drafts) > static:
        yield (f'<p class="no-js meta">This report holds {len(drafts):,} drafts; without script the first '
               f"{static:,} are shown.</p>")
    block = []
    for d in drafts[:static]:
        block.append(_draft(d))
        if len(block) >= 100:
            yield "".join(block)
            block = []
    if block:
        yield "".join(block)
    rest = drafts[static:]
    packs = []
    for k in range(0, len(rest), pack):
        number = k // pack
        yield f'<div class="slot" id="slot-{number}" hidden></div>'
        # file names that are not valid UTF-8 keep their bytes: the page shows them as U+FFFD
        part = "".join(_draft(d) for d in rest[k:k + pack]).encode("utf-8", "surrogateescape")
        data = zlib.compress(part, 1)
        packs.append(f'<script type="application/x-postlint-drafts" id="pack-{number}">'
                     f"{base64.b64encode(data).decode('ascii')}</script>")
    yield "</section>"
    yield "".join(packs)
    # JSON in a script element: `<`, `>` and `&` escaped, so no text can end the element
    data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
    data = data.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    yield f'<script type="application/json" id="draft-index">{data}</script>'


def _head(title: str) -> str:
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f'<meta name="color-scheme" content="light dark">'
            f'<meta name="generator" content="postlint {esc(__version__)}">'
            f"<title>{esc(title)}</title><style>{CSS}</style></head><body>"
            f'<a class="skip" href="#drafts">Skip to the drafts</a><main>'
            f"<h1>{esc(title)}</h1>")


def _sev(sev: str) -> str:
    return f'<span class="ico" aria-hidden="true">{ICONS[sev]}</span><span class="sr">{sev}</span>'


def _summary(drafts, errors, orphans) -> str:
    levels = collections.Counter(i.sev for d in drafts for i in d.items)
    levels.update(str(f.level) for _, f in orphans)
    rules = collections.Counter()
    rule_sev = {}
    for d in drafts:
        for i in d.items:
            rules[(i.f.code, i.f.name)] += 1
            rule_sev[(i.f.code, i.f.name)] = i.sev
    for _, f in orphans:
        rules[(f.code, f.name)] += 1
        rule_sev[(f.code, f.name)] = str(f.level)
    flagged = sum(1 for d in drafts if d.items)
    total = sum(levels.values())
    out = ['<section class="panel" id="summary" aria-labelledby="summary-h"><h2 id="summary-h">Summary</h2>',
           '<ul class="tiles">',
           f'<li id="n-drafts"><b>{len(drafts):,}</b>drafts</li>',
           f'<li id="n-flagged"><b>{flagged:,}</b>with findings</li>',
           f'<li id="n-findings"><b>{total:,}</b>findings</li>']
    for sev in SEVERITIES:
        out.append(f'<li class="s-{sev}" id="n-{sev}"><b>{_sev(sev)} {levels[sev]:,}</b>{sev}</li>')
    if errors:
        out.append(f'<li class="s-error" id="n-unreadable"><b>{len(errors):,}</b>could not be checked</li>')
    out.append("</ul>")
    if not total and not errors:
        out.append('<p class="empty">All clear: no problems.</p>')
    out.append('<div class="cols"><div><h3>Findings per rule</h3>')
    out.append(_chart(rules, rule_sev))
    out.append("</div><div><h3>Worst drafts first</h3>")
    worst = sorted((d for d in drafts if d.items), key=lambda d: -d.score)[:WORST]
    if worst:
        out.append('<ol id="worst">')
        for d in worst:
            counts = collections.Counter(i.sev for i in d.items)
            tally = " ".join(f'{_sev(s)} {counts[s]}' for s in SEVERITIES if counts[s])
            out.append(f'<li class="s-{d.worst}"><a href="#{d.anchor}">{esc(_name(d))}</a> {tally}</li>')
        out.append("</ol>")
    else:
        out.append('<p class="empty">No draft has findings.</p>')
    out.append("</div></div>")
    if errors:
        out.append('<h3>Could not be checked</h3><ul id="input-errors">')
        out += [f"<li><code>{esc(path)}</code>: {esc(message)}</li>" for path, message in errors]
        out.append("</ul>")
    if orphans:
        out.append('<h3>Findings without a preview</h3><ol class="findings">')
        out += [_finding_li(f, None, esc(path)) for path, f in orphans]
        out.append("</ol>")
    out.append("</section>")
    return "".join(out)


def _chart(rules, rule_sev) -> str:
    """Findings per rule as horizontal bars (inline SVG: no script, no style attribute)."""
    if not rules:
        return '<p class="empty">No findings.</p>'
    rows = sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))
    most = rows[0][1]
    height = 22 * len(rows) + 4
    parts = [f'<svg class="chart" id="rule-chart" viewBox="0 0 560 {height}" role="img" '
             f'aria-label="Findings per rule">']
    for k, ((code, name), count) in enumerate(rows):
        y = 22 * k + 2
        width = max(2, round(220 * count / most))
        parts.append(f'<g class="bar" data-code="{esc(code)}" data-count="{count}"><title>{esc(code)} {esc(name)}: '
                     f'{count}</title><text x="0" y="{y + 14}">{esc(code)} {esc(name[:30])}</text>'
                     f'<rect class="b-{rule_sev[(code, name)]}" x="270" y="{y + 2}" width="{width}" height="16" rx="3"/>'
                     f'<text x="{276 + width}" y="{y + 14}">{count}</text></g>')
    parts.append("</svg>")
    return "".join(parts)


def _name(d: _Draft) -> str:
    return d.draft.path if d.row is None else f"{d.draft.path}:{d.row}"


def _calendar(plan, drafts) -> str:
    anchors = {}
    for d in drafts:
        if "scheduled" in d.draft.meta:
            try:
                line = d.draft.position(d.draft.scheduled_span[0])[0]
            except (KeyError, IndexError):
                continue
            anchors[(d.draft.path, line)] = d
    out = ['<section class="panel" id="calendar" aria-labelledby="calendar-h"><h2 id="calendar-h">Calendar</h2>']
    if not plan["plans"]:
        out.append('<p class="empty">No scheduled drafts.</p></section>')
        return "".join(out)
    out.append(f'<p class="meta">Local times in {esc(plan["timezone"])}; weeks are ISO weeks.</p>')
    for table in plan["plans"]:
        account = table["account"] or "(no account)"
        out.append(f'<h3>{esc(CHANNEL_NAMES.get(table["channel"], table["channel"]))} \u00b7 {esc(account)}</h3>'
                   f'<table class="cal" data-account="{esc(table["account"] or "")}" '
                   f'data-channel="{esc(table["channel"])}"><thead><tr><th scope="col">Week</th>')
        out += [f'<th scope="col">{day}</th>' for day in WEEKDAYS]
        out.append("</tr></thead><tbody>")
        for week in table["weeks"]:
            monday = dt.date.fromisoformat(week["monday"])
            cells = [[] for _ in WEEKDAYS]
            for post in week["posts"]:
                local = dt.datetime.fromisoformat(post["local"])
                d = anchors.get((post["path"], post["line"]))
                levels = {f["severity"] for f in post["findings"]}
                sev = next((s for s in SEVERITIES if s in levels), None)
                icon = f"{_sev(sev)} " if sev else ""
                tip = "; ".join(f'{f["code"]} {f["message"]}' for f in post["findings"])
                href = f' href="#{d.anchor}"' if d else ""
                label = post["path"].rsplit("/", 1)[-1]
                cells[local.weekday()].append(
                    f'<a class="chip{f" s-{sev}" if sev else ""}"{href} title="{esc(tip or post["path"])}">'
                    f"{icon}<b>{local:%H:%M}</b> {esc(label)}</a>")
            out.append(f'<tr><th class="wk" scope="row">{esc(week["week"])}<br>{monday:%d %b}</th>')
            for i, cell in enumerate(cells):
                day = monday + dt.timedelta(days=i)
                out.append(f'<td class="cal-day" data-date="{day.isoformat()}">{"".join(cell)}</td>')
            out.append("</tr>")
        out.append("</tbody></table>")
    if plan["unscheduled"]:
        count = len(plan["unscheduled"])
        out.append(f'<p class="meta">{count:,} draft{"s" if count != 1 else ""} without a valid '
                   f"<code>scheduled</code> time {'are' if count != 1 else 'is'} not in the calendar.</p>")
    out.append("</section>")
    return "".join(out)


def _filters(drafts) -> str:
    def options(values, labels=None):
        return "".join(f'<option value="{esc(v)}">{esc((labels or {}).get(v, v))}</option>' for v in values)

    channels = sorted({d.draft.channel for d in drafts})
    accounts = sorted({str(d.draft.meta.get("account", "")) for d in drafts} - {""})
    rules = sorted({(i.f.code, i.f.name) for d in drafts for i in d.items})
    return ('<nav class="filters js-only" id="filters" aria-label="Filters">'
            f'<label>Channel <select id="f-channel"><option value="">all</option>'
            f"{options(channels, CHANNEL_NAMES)}</select></label>"
            f'<label>Account <select id="f-account"><option value="">all</option>{options(accounts)}</select></label>'
            '<label>Rule <select id="f-rule"><option value="">all</option>'
            + "".join(f'<option value="{esc(c)}">{esc(c)} {esc(nm)}</option>' for c, nm in rules)
            + "</select></label>"
            '<label>Severity <select id="f-severity"><option value="">all</option>'
            '<option value="error">error</option><option value="warning">warning</option>'
            '<option value="info">info</option><option value="clean">no findings</option></select></label>'
            '<span class="pager"><button type="button" id="pager-prev">Previous</button> '
            '<span id="pager-info" aria-live="polite"></span> '
            '<button type="button" id="pager-next">Next</button></span></nav>')


def _finding_li(f, item, where_prefix: str = "") -> str:
    sev = str(f.level)
    n = item.n if item is not None else 0
    target = f"#{item.seg}" if item is not None and item.seg else ""
    where = f"{f.line}:{f.column}"
    where_html = f'<a class="where" href="{target}">{where}</a>' if target else f'<span class="where">{where}</span>'
    prefix = f"{where_prefix} " if where_prefix else ""
    return (f'<li class="s-{sev}" data-f="{n}" data-code="{esc(f.code)}" data-line="{f.line}" '
            f'data-column="{f.column}" data-end-line="{f.end_line}" data-end-column="{f.end_column}">'
            f"{_sev(sev)} {prefix}{where_html} <b>{esc(f.code)}</b> {esc(f.message)} "
            f'<a href="{esc(docs_url(f.name))}" rel="noreferrer">{esc(f.name)}</a></li>')


def _draft(d: _Draft) -> str:
    draft = d.draft
    text = draft.text
    lang = draft.lang if draft.lang in ("de", "en") else "en"
    enabled, unit, limit = d.limit
    from postlint import text as text_mod

    length = text_mod.length_in(text, unit) if unit in UNIT_NAMES else len(text)
    boxed = draft.type in BOXED_TYPES
    overflow = None
    if limit and (enabled or boxed) and length > limit:
        overflow = text_mod.unit_offset(text, limit, unit)
    folds = {}
    if draft.type == "post" and draft.channel in FOLDS:
        for view, (chars, lines) in FOLDS[draft.channel].items():
            cut = fold_at(text, chars, lines)
            if cut is not None:
                folds[view] = cut
    hashtags, urls, mentions = draft.hashtags, draft.urls, draft.mentions
    sevs = sorted({i.sev for i in d.items}, key=SEVERITIES.index)
    account = str(draft.meta.get("account", ""))
    out = [f'<article class="draft" id="{d.anchor}" tabindex="-1" data-channel="{esc(draft.channel)}" '
           f'data-type="{esc(draft.type)}" data-account="{esc(account)}" '
           f'data-rules="{esc(" ".join(sorted({i.f.code for i in d.items})))}" data-sev="{" ".join(sevs)}" '
           f'data-length="{length}" data-unit="{esc(unit)}"'
           + "".join(f' data-fold-{view}="{cut}"' for view, cut in folds.items())
           + (f' data-overflow="{overflow}"' if overflow is not None else "")
           + f' aria-labelledby="{d.anchor}-h"><header class="dh">'
           f'<h2 id="{d.anchor}-h"><a href="#{d.anchor}">{esc(_name(d))}</a></h2>']
    meta = [CHANNEL_NAMES.get(draft.channel, draft.channel), draft.type, draft.lang]
    for key in ("account", "scheduled", "sponsored"):
        if key in draft.meta:
            value = draft.meta[key]
            meta.append(f"{key}: {value.isoformat() if hasattr(value, 'isoformat') else value}")
    out.append(f'<p class="meta">{DOT.join(esc(m) for m in meta)}</p><ul class="counts">')
    over = limit is not None and length > limit
    of = f" / {limit:,}" if limit else ""
    out.append(f'<li class="count-length{" over" if over else ""}"><b>{length:,}</b>{of} {UNIT_NAMES.get(unit, unit)}</li>')
    out.append(f'<li class="count-hashtags"><b>{len(hashtags)}</b> hashtag{"s" if len(hashtags) != 1 else ""}</li>')
    out.append(f'<li class="count-links"><b>{len(urls)}</b> link{"s" if len(urls) != 1 else ""}</li>')
    out.append(f'<li class="count-mentions"><b>{len(mentions)}</b> mention{"s" if len(mentions) != 1 else ""}</li>')
    out.append(f'<li class="count-emoji"><b>{len(draft.emoji)}</b> emoji</li>')
    counts = collections.Counter(i.sev for i in d.items)
    for sev in SEVERITIES:
        if counts[sev]:
            out.append(f'<li class="count-{sev} s-{sev}">{_sev(sev)} {counts[sev]}</li>')
    out.append("</ul></header>")
    banners = [i for i in d.items if i.banner]
    if banners:
        out.append('<div class="banners">')
        for i in banners:
            f = i.f
            where = "whole post" if i.span is not None else "front matter" if d.row is None else "calendar row"
            out.append(f'<div class="banner s-{i.sev}" role="note" data-f="{i.n}" data-code="{esc(f.code)}">'
                       f"{_sev(i.sev)} <b>{esc(f.code)}</b> {esc(f.message)} "
                       f'<span class="meta">({where}, {f.line}:{f.column})</span> '
                       f'<a href="{esc(docs_url(f.name))}" rel="noreferrer">{esc(f.name)}</a></div>')
        out.append("</div>")
    out.append('<div class="body">')
    out.append(_preview(d, text, lang, folds, overflow, length, unit, limit, boxed))
    out.append('<div class="side"><h3 class="sr">Findings</h3>')
    if d.items:
        out.append('<ol class="findings">')
        out += [_finding_li(i.f, i) for i in d.items]
        out.append("</ol>")
    else:
        out.append('<p class="empty">No findings.</p>')
    out.append("</div></div></article>")
    return "".join(out)


def _preview(d, text, lang, folds, overflow, length, unit, limit, boxed) -> str:
    draft = d.draft
    channel = draft.channel
    label = CHANNEL_NAMES.get(channel, channel)
    account = str(draft.meta.get("account", "")) or "you"
    kind = " pv-box" if boxed else ""
    collapsed = " collapsed" if folds else ""  # the feed's view; only with the script (CSS: html.js)
    out = [f'<div class="preview desktop{collapsed}{kind} pv-{esc(channel)}" role="figure" '
           f'aria-label="{esc(label)} {esc(draft.type)} preview">']
    what = {"connection-note": "connection request note", "message": "message"}.get(draft.type, draft.type)
    out.append(f'<div class="pv-label">{esc(label)} {esc(what)} preview</div>')
    if not boxed:
        handle = f"@{account}" if channel == "x" else account
        out.append(f'<div class="pv-head"><span class="avatar" aria-hidden="true">{esc(account[:1].upper())}</span>'
                   f'<span class="who"><b>{esc(handle)}</b><small>{NOW[lang]} \u00b7 \U0001f310</small></span></div>')
    out.append(f'<div class="pv-text" lang="{lang}">{_segments(d, text, lang, folds, overflow)}</div>')
    if boxed or channel == "x":
        over = limit is not None and length > limit
        of = f"{limit:,}" if limit else "\u2013"
        out.append(f'<div class="pv-counter{" over" if over else ""}">{length:,} / {of} {UNIT_NAMES.get(unit, unit)}</div>')
    urls = draft.urls
    if urls and not boxed and channel != "instagram":
        from postlint.text import domain_of

        try:
            domain = domain_of(urls[0].text)
        except (TypeError, ValueError, IndexError):
            domain = urls[0].text
        out.append(f'<div class="card" aria-label="link preview placeholder"><div class="img"></div>'
                   f"<p><b>{esc(domain)}</b></p><p class=\"meta\">Link preview (title and image come from the "
                   f"page)</p></div>")
    tools = []
    if folds:
        tools.append('<button type="button" data-act="fold">Expand / collapse</button>')
    if not boxed:
        tools.append('<button type="button" data-act="view">Mobile width</button>')
    if tools:
        out.append(f'<div class="pv-tools js-only">{"".join(tools)}</div>')
    out.append("</div>")
    return "".join(out)


def _segments(d, text, lang, folds, overflow) -> str:
    """The post text cut at every boundary (findings, entities, folds, overflow), each piece
    escaped, with the findings that cover it; fold markers at the fold offsets."""
    draft = d.draft
    marks = [i for i in d.items if not i.banner and i.span is not None]
    bounds = {0, len(text)}
    for i in marks:
        bounds.update(i.span)
    entities = [(e.start, e.end, "e-hashtag") for e in draft.hashtags]
    entities += [(e.start, e.end, "e-mention") for e in draft.mentions]
    entities += [(e.start, e.end, "e-url") for e in draft.urls]
    for s, e, _ in entities:
        bounds.update((s, e))
    for cut in folds.values():
        bounds.add(cut)
    if overflow is not None:
        bounds.add(overflow)
    cuts = sorted(b for b in bounds if 0 <= b <= len(text))
    fold_marks = collections.defaultdict(list)
    more = MORE.get(draft.channel, MORE["linkedin"])[lang]
    for view, cut in sorted(folds.items()):
        fold_marks[cut].append(view)
    carets = collections.defaultdict(list)
    for i in marks:
        if i.span[0] == i.span[1]:
            carets[i.span[0]].append(i)
    out = []
    k = 0

    def fold_html(view):
        short = "m" if view == "mobile" else "d"
        return (f'<span class="fold fold-{short}" role="separator" data-view="{view}" '
                f'aria-label="{view} fold">\u2702 <span class="fl">{view} fold </span>'
                f'<span class="more">{esc(more)}</span><span class="fl"> {esc(more)}</span></span>')

    for a, b in zip(cuts, cuts[1:] + [None]):
        for view in fold_marks.get(a, ()):
            out.append(fold_html(view))
        for i in carets.get(a, ()):
            k += 1
            sid = f"{d.anchor}-s{k}"
            i.seg = sid
            out.append(f'<mark class="hl caret s-{i.sev} start" id="{sid}" tabindex="0" data-f="{i.n}" '
                       f'data-start="{a}" data-end="{a}" data-icon="{ICONS[i.sev]}" '
                       f'data-tip="{esc(_tip([i]))}"></mark>')
        if b is None or b == a:
            continue
        piece = esc(text[a:b])
        classes = [cls for s, e, cls in entities if s <= a and b <= e][:1]
        if "mobile" in folds and a >= folds["mobile"]:
            classes.append("af-m")
        if "desktop" in folds and a >= folds["desktop"]:
            classes.append("af-d")
        if overflow is not None and a >= overflow:
            classes.append("ov")
        covering = [i for i in marks if i.span[0] <= a and b <= i.span[1] and i.span[0] < i.span[1]]
        if covering:
            k += 1
            sid = f"{d.anchor}-s{k}"
            sev = next(s for s in SEVERITIES if any(i.sev == s for i in covering))
            starts = [i for i in covering if i.span[0] == a]
            for i in starts:
                if i.seg is None:
                    i.seg = sid
            classes += ["hl", f"s-{sev}"]
            if starts:
                classes.append("start")
            first = next((s for s in SEVERITIES if any(i.sev == s for i in starts)), None)
            icon = f' data-icon="{ICONS[first]}"' if first else ""  # the worst of those that start here
            focus = ' tabindex="0"' if starts else ""
            out.append(f'<mark class="{" ".join(classes)}" id="{sid}"{focus} '
                       f'data-f="{" ".join(str(i.n) for i in covering)}" data-start="{a}" data-end="{b}"{icon} '
                       f'data-tip="{esc(_tip(covering))}">{piece}</mark>')
        elif classes:
            out.append(f'<span class="{" ".join(classes)}">{piece}</span>')
        else:
            out.append(piece)
    return "".join(out)


def _tip(items) -> str:
    return "\n".join(f"{ICONS[i.sev]} {i.sev}: {i.f.code} {i.f.name}: {i.f.message}" for i in items)


def _foot() -> str:
    return ('<footer><p class="js-only">Keys: <kbd>j</kbd>/<kbd>k</kbd> next and previous draft, <kbd>e</kbd> '
            'expand or collapse at the fold, <kbd>m</kbd> mobile or desktop width, <kbd>/</kbd> filters; '
            '<kbd>Tab</kbd> moves through the highlighted findings, each shows its message on focus.</p>'
            '<p class="no-js">Without script the report shows every draft in full, the folds marked '
            "with \u2702; filters and paging need script.</p>"
            f'<p>Generated by postlint {esc(__version__)}. Folds are approximate: LinkedIn cuts at about 140 '
            "characters or 3 lines on mobile and 210 characters or 5 lines on desktop, Instagram at 125 "
            "characters or 3 lines, Facebook at about 125 (mobile) and 477 (desktop) characters.</p></footer>"
            f"</main><script>{JS}</script></body></html>")
