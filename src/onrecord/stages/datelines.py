"""Datelines: "BRENNHOLLOW, May 6 (CPA) - ", "HEMPSTEAD, N.Y. ― ", "VALMORE — ".

A report filed from a place opens with it in capitals, perhaps a state, a date or both, perhaps
the agency, then a dash. It is neither an organisation (the small model often tags it so) nor part
of what anyone said.
"""

from __future__ import annotations

import re

# The place; after commas a state, a date ("detail", which times.py reads the filing day from) or both
# ("N.Y.", "May 6, 2023", "Mich., Oct. 4"); the agency in brackets; the dash.
PLACE_DATELINE = re.compile(
    r"[^\S\n]*(?P<place>[A-Z][A-Z.'’-]*(?:[ \t][A-Z][A-Z.'’-]*)*)"
    r"(?:,[ \t]*[A-Z][\w.]*(?:[ \t][A-Z][\w.]*)?(?=,))?"
    r"(?:,[ \t]*(?P<detail>[A-Z][\w.]*(?:[ \t][\w.]+){0,3}(?:,[ \t]*\d{4})?))?[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?"
    r"[—–―-]+[ \t]*")


def dateline_at(text: str, start: int) -> re.Match | None:
    """The dateline opening the paragraph at ``start``, if there is one."""
    if start and text[start - 1] != "\n":
        return None
    return PLACE_DATELINE.match(text, start)


def first_dateline(text: str, within: int) -> re.Match | None:
    """The first dateline opening a line among the first ``within`` characters (after a title, a byline)."""
    for line in re.finditer(r"^", text[:within], re.M):
        if match := PLACE_DATELINE.match(text, line.start()):
            return match
    return None
