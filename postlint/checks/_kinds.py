"""Small pieces that several checks share."""

from __future__ import annotations

from postlint.problem import Hit
from postlint import i18n


def whole_post(draft, message: str) -> Hit:
    """A finding about the post as a whole, placed on its first line."""
    end = draft.text.find("\n")
    return Hit(0, len(draft.text) if end < 0 else end, message)


def number(n: int) -> str:
    return i18n.number(n)


def at_front_matter(draft, key: str, message: str, part=None) -> Hit:
    """A finding about a front matter value (`attachments`, `event`, `account`): on the value
    as written, in the front matter or the calendar cell, or on one `part` of it (an item
    number of a list, a field of a mapping) where the front matter shows it; on the first
    line of the post when the value comes from elsewhere (the accounts file's default account)."""
    fm = draft.front_matter
    span = fm.inner_spans.get(key, {}).get(part) or fm.value_spans.get(key)
    if span is None:
        return whole_post(draft, message)
    return Hit(span[0], span[1], message, raw=True)


def clock(seconds: float) -> str:
    """`2:20` for 140 seconds, `1:02:03` past an hour."""
    minutes, secs = divmod(round(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}:{minutes:02}:{secs:02}" if hours else f"{minutes}:{secs:02}"


def on_attachment(draft, item, message: str) -> Hit:
    """A finding about one of the draft's `attachments:` (postlint.media.Attachment), on it."""
    return at_front_matter(draft, "attachments", message, item.number)
