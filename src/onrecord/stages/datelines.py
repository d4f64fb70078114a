"""Datelines: "BRENNHOLLOW, May 6 (CPA) - ", "HEMPSTEAD, N.Y. ― ", "VALMORE — ".

A report filed from a place opens with it in capitals, perhaps a state or a date, perhaps the
agency, then a dash. It is neither an organisation (the small model often tags it so) nor part
of what anyone said.
"""

from __future__ import annotations

import re

PLACE_DATELINE = re.compile(
    r"[^\S\n]*(?P<place>[A-Z][A-Z.'’-]*(?:[ \t][A-Z][A-Z.'’-]*)*)"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t][\w.]+){0,3})?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[—–―-]+[ \t]*")


def dateline_at(text: str, start: int) -> re.Match | None:
    """The dateline opening the paragraph at ``start``, if there is one."""
    if start and text[start - 1] != "\n":
        return None
    return PLACE_DATELINE.match(text, start)
