"""JSON Lines (and JSON arrays): one article per object, with text/title/url/published fields."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import Failure, InputError
from ..record import Article
from . import html
from .article import check_size, decode, make_article

# Field names seen in scraped corpora, first one wins; the contract's names come first.
FIELDS = {
    "text": ("text", "body", "content", "maintext", "article"),
    "title": ("title", "headline"),
    "url": ("url", "link"),
    "published": ("published", "date", "date_publish", "published_at", "publication_date"),
    "byline": ("byline", "authors", "author"),
    "publisher": ("publisher", "source_domain", "site", "sitename"),
    "language": ("language", "lang"),
}


def _field(obj: dict, name: str):
    return next((obj[key] for key in FIELDS[name] if obj.get(key) not in (None, "", [])), None)


def from_object(source: str, obj: object, settings: Settings) -> Article:
    if not isinstance(obj, dict):
        raise InputError(source, f"expected a JSON object, found {type(obj).__name__}")
    text = _field(obj, "text")
    if text is None and isinstance(obj.get("html"), str):
        return html.parse(source, obj["html"], settings, url=_field(obj, "url"))
    if text is None:
        raise InputError(source, "no text field (one of: " + ", ".join(FIELDS["text"]) + ", html)")
    if not isinstance(text, str):
        raise InputError(source, f"the text field holds {type(text).__name__}, not a string")
    return make_article(
        source,
        text,
        title=_field(obj, "title"),
        byline=_field(obj, "byline"),
        publisher=_field(obj, "publisher"),
        published=_field(obj, "published"),
        url=_field(obj, "url"),
        language=_field(obj, "language"),
        default_published=settings.published,
    )


def read(path: Path, source: str, settings: Settings) -> Iterator[Article | Failure]:
    """Every line of a JSON Lines file; a bad line is reported and the rest are read."""
    with open(path, "rb") as lines:
        first = lines.read(1)
        lines.seek(0)
        if first == b"[":  # a JSON array of articles: whole-file JSON
            yield from _read_array(path, source, settings)
            return
        for number, raw in enumerate(lines, start=1):
            if not raw.strip():
                continue
            line_source = f"{source}:{number}"
            try:
                check_size(line_source, len(raw), settings.max_bytes)
                obj = json.loads(decode(line_source, raw, settings.encoding))
                yield from_object(line_source, obj, settings)
            except json.JSONDecodeError as err:
                yield Failure(line_source, f"not valid JSON ({err.msg} at column {err.colno})")
            except InputError as err:
                yield Failure(err.source, err.reason)


def _read_array(path: Path, source: str, settings: Settings) -> Iterator[Article | Failure]:
    try:
        check_size(source, path.stat().st_size, settings.max_bytes)
        items = json.loads(decode(source, path.read_bytes(), settings.encoding))
    except json.JSONDecodeError as err:
        yield Failure(source, f"not valid JSON ({err.msg} at line {err.lineno})")
        return
    except InputError as err:
        yield Failure(err.source, err.reason)
        return
    for number, obj in enumerate(items if isinstance(items, list) else [items], start=1):
        try:
            yield from_object(f"{source}[{number}]", obj, settings)
        except InputError as err:
            yield Failure(err.source, err.reason)
