"""HTML pages: trafilatura finds the article body and, with htmldate, its metadata."""

from __future__ import annotations

import trafilatura

from ..config import Settings
from ..errors import InputError
from ..record import Article
from .article import make_article, refuse_binary

MIN_WORDS = 10


def parse(source: str, data: bytes | str, settings: Settings, url: str | None = None) -> Article:
    if isinstance(data, bytes):
        if not data.strip():
            raise InputError(source, "empty input")
        refuse_binary(source, data)
    document = trafilatura.bare_extraction(
        data,  # bytes: trafilatura honours the page's declared charset
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        deduplicate=False,
    )
    words = len((document.text or "").split()) if document else 0
    # Below a sentence or two, what trafilatura found is page furniture, not an article.
    if words < MIN_WORDS:
        raise InputError(source, f"no article text found in the HTML page ({words} words of text)")
    # trafilatura gives one paragraph per line; a blank line between paragraphs is what the
    # other readers produce and what block-quote detection reads.
    text = "\n\n".join(line for line in document.text.splitlines() if line.strip())
    return make_article(
        source,
        text,
        title=document.title,
        byline=(document.author or "").split(";") if document.author else None,
        publisher=document.sitename,
        published=document.date,
        url=url or document.url,
        default_published=settings.published,
    )
