"""WARC and WARC.gz archives: every HTML response record is an article (fastwarc)."""

from __future__ import annotations

import gzip
import zlib
from collections.abc import Iterator
from pathlib import Path

from ..config import Settings
from ..errors import Failure, InputError
from ..record import Article
from . import html
from .article import check_size


def read(path: Path, source: str, settings: Settings) -> Iterator[Article | Failure]:
    try:
        from fastwarc.warc import ArchiveIterator, WarcRecordType
    except ImportError:
        yield Failure(source, "reading WARC needs fastwarc: pip install 'onrecord[warc]'")
        return
    found = 0
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True):
                url = record.headers.get("WARC-Target-URI")
                record_source = f"{source}#{url or record.record_id}"
                http = record.http_headers
                if http is None or http.status_code != 200 or not _is_html(http.get("Content-Type")):
                    continue
                found += 1
                try:
                    check_size(record_source, record.content_length, settings.max_bytes)
                    body = _decode_content(record_source, record.reader.read(), http.get("Content-Encoding"))
                    yield html.parse(record_source, body, settings, url=url)
                except InputError as err:
                    yield Failure(err.source, err.reason)
    except (OSError, ValueError, RuntimeError) as err:
        yield Failure(source, f"damaged WARC archive after {found} pages ({err})")
        return
    if not found:
        yield Failure(source, "no HTML response records in the archive")


def _is_html(content_type: str | None) -> bool:
    return bool(content_type) and content_type.split(";")[0].strip().lower() in ("text/html", "application/xhtml+xml")


def _decode_content(source: str, body: bytes, encoding: str | None) -> bytes:
    encoding = (encoding or "").strip().lower()
    try:
        if encoding in ("gzip", "x-gzip"):
            return gzip.decompress(body)
        if encoding == "deflate":
            return zlib.decompress(body)
        if encoding == "br":
            import brotli

            return brotli.decompress(body)
    except Exception as err:  # any codec error means the same thing to the user
        raise InputError(source, f"cannot decode {encoding} content ({err})") from None
    return body
