"""Plain text: the whole file is the article; a short first line standing alone is its title."""

from __future__ import annotations

from ..config import Settings
from ..record import Article
from .article import decode, make_article


def headline(text: str) -> str | None:
    first, _, rest = text.strip().partition("\n")
    first = first.strip()
    # A headline stands alone (a blank line or the body follows) and is not a full paragraph.
    if rest.startswith("\n") and 0 < len(first) <= 200 and not first.endswith((".", ":")):
        return first
    return None


def parse(source: str, data: bytes, settings: Settings) -> Article:
    text = decode(source, data, settings.encoding)
    return make_article(source, text, title=headline(text), default_published=settings.published)
