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
