"""Length measurement shared by the length rules."""

from postlint import text
from postlint.checks._kinds import number

UNITS = ("characters", "utf16", "graphemes", "x_weighted")
UNIT_WORDS = {"characters": "characters", "utf16": "characters", "graphemes": "characters",
              "x_weighted": "weighted characters"}


def over(draft, limit: int, unit: str, label: str):
    """(start, end, message) from where `limit` is crossed to the end, or None."""
    length = getattr(draft.lengths, unit)
    if length <= limit:
        return None
    start = text.unit_offset(draft.text, limit, unit)
    return start, len(draft.text), f"{number(length)} {UNIT_WORDS[unit]} ({label} {number(limit)})"
