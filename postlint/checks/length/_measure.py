"""Length measurement shared by the length rules."""

from postlint import text
from postlint.checks._kinds import number

UNITS = ("characters", "utf16", "graphemes", "x_weighted")
UNIT_WORDS = {"characters": "characters", "utf16": "characters", "graphemes": "characters",
              "x_weighted": "weighted characters"}


def reply_prefix(draft) -> int:
    """Length of the @mentions a reply starts with: X does not count them (since 2017)."""
    end = 0
    for mention in draft.mentions:
        if draft.text[end:mention.start].strip():
            break
        end = mention.end
    return end + len(draft.text[end:]) - len(draft.text[end:].lstrip()) if end else 0


def over(draft, limit: int, unit: str, label: str, skip: int = 0):
    """(start, end, message) from where `limit` is crossed to the end, or None.

    `skip` leaves out that many leading characters (reply mentions on X).
    """
    length = draft.length(unit, skip)
    if length <= limit:
        return None
    start = skip + text.unit_offset(draft.text[skip:], limit, unit)
    return start, len(draft.text), f"{number(length)} {UNIT_WORDS[unit]} ({label} {number(limit)})"
