"""Plain text: the whole file is the article; a short first line standing alone is its title, a
"By …" line near the top its byline, and a dateline near the top (a short line with a date) gives
the publication date."""

from __future__ import annotations

import re

from ..config import Settings
from ..record import Article
from .article import byline_of, decode, iso_date, make_article


def headline(text: str) -> str | None:
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    # A headline stands alone (a blank line or the body follows) and is not a full paragraph.
    if rest.startswith("\n") and 0 < len(first) <= 200 and not first.endswith((".", ":")):
        return first
    return None


# A date as datelines write it: "11 October 2023", "October 11, 2023", "2023-10-11".
_DATE = re.compile(
    r"\b(?:\d{1,2}\s+[A-Z][a-z]{2,8}\.?\s+\d{4}|[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})\b")


def dateline(text: str) -> str | None:
    """The publication date from a short line near the top ("Saltmere Evening Post, 11 October 2023")."""
    for line in _leading_paragraphs(text):
        match = _DATE.search(line) if len(line) <= 100 else None
        if match:
            try:
                return iso_date(match.group())
            except (ValueError, OverflowError):
                continue
    return None


def byline(text: str) -> list[str]:
    """The names of a "By …" line among the first paragraphs."""
    for line in _leading_paragraphs(text):
        names = byline_of(line) if len(line) <= 200 else None
        if names:
            return names
    return []


def _leading_paragraphs(text: str) -> list[str]:
    """The first four paragraphs, stripped: where a headline's dateline and byline stand."""
    return [paragraph.strip() for paragraph in text.strip().split("\n\n")[:4]]


def parse(source: str, data: bytes, settings: Settings) -> Article:
    text = decode(source, data, settings.encoding)
    return make_article(source, text, title=headline(text), byline=byline(text), published=dateline(text),
                        default_published=settings.published)
