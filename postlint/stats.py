"""What postlint measures in a draft, for `postlint stats`: a character counter for people.

Entity offsets are 0-based code points into the post text (the body without front matter
and `<!-- notes -->`, trimmed), end exclusive, spanning the `#`/`@` as twitter-text does.
"""

from __future__ import annotations

from postlint.i18n import number, t


def _entities(draft, entities, key: str) -> list[dict]:
    rows = []
    for e in entities:
        line, column = draft.position(draft.file_offset(e.start))
        rows.append({key: e.text, "start": e.start, "end": e.end, "line": line, "column": column})
    return rows


def measure(draft) -> dict:
    from postlint import text

    lengths = draft.lengths
    return {
        "path": draft.path,
        "channel": draft.channel,
        "type": draft.type,
        "lang": draft.lang,
        "length": {"characters": lengths.characters, "utf16": lengths.utf16, "graphemes": lengths.graphemes,
                   "x_weighted": lengths.x_weighted},
        "hashtags": _entities(draft, draft.hashtags, "tag"),
        "urls": _entities(draft, draft.urls, "url"),
        "mentions": _entities(draft, draft.mentions, "mention"),
        "emails": _entities(draft, text.emails(draft.text), "email"),
        "emoji": len(draft.emoji),
    }


def render(stats: dict) -> str:
    from postlint.formatters import _visible  # a file name may hold terminal controls

    n = stats["length"]
    labels = {"length": t("length"), "hashtags": t("hashtags"), "links": t("links"), "mentions": t("mentions"),
              "emails": t("emails"), "emoji": t("emoji")}
    width = max(map(len, labels.values())) + 1  # the values in one column
    lines = [
        f"{_visible(stats['path'])} ({stats['channel']} {stats['type']}, {stats['lang']})",
        f"  {labels['length']:<{width}} " + t(
            "{characters} characters, {utf16} UTF-16 units, {graphemes} graphemes, {weighted} X-weighted",
            characters=number(n["characters"]), utf16=number(n["utf16"]), graphemes=number(n["graphemes"]),
            weighted=number(n["x_weighted"])),
    ]
    for label, key, prefix in (("hashtags", "tag", "#"), ("links", "url", ""), ("mentions", "mention", "@"),
                               ("emails", "email", "")):
        items = stats["urls" if key == "url" else label]
        shown = _visible(", ".join(f"{prefix}{i[key]} ({i['line']}:{i['column']})" for i in items))
        lines.append(f"  {labels[label]:<{width}} {len(items)}: {shown}" if items
                     else f"  {labels[label]:<{width}} " + t("none"))
    lines.append(f"  {labels['emoji']:<{width}} {stats['emoji']}")
    return "\n".join(lines)
