"""What every reader shares: decoding bytes, dates, language, and building the ``Article``."""

from __future__ import annotations

import codecs
import datetime as dt
import functools
import re

from dateutil import parser as dateparser

from ..errors import InputError
from ..record import Article, text_id
from ..repair import repair

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Magic numbers of files people point a text tool at by mistake, to name them in the error.
_KNOWN_BINARIES = (
    (b"%PDF", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "gzip-compressed data of an unknown kind"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3", "an SQLite database"),
)


def check_size(source: str, size: int, max_bytes: int) -> None:
    if size > max_bytes:
        raise InputError(
            source,
            f"too large ({size:,} bytes, the limit is {max_bytes:,}; "
            "raise it with --max-bytes or ONRECORD_MAX_BYTES)",
        )


def decode(source: str, data: bytes, encoding: str = "utf-8") -> str:
    """Bytes to text: a byte-order mark wins, then ``encoding``; binary data is refused."""
    if not data.strip():
        raise InputError(source, "empty input")
    for bom, bom_encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(bom_encoding)
    refuse_binary(source, data)
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as err:
        raise InputError(
            source,
            f"not valid {encoding}: byte 0x{data[err.start]:02x} at offset {err.start}; "
            "pass --encoding (e.g. --encoding cp1252) if the file uses another encoding",
        ) from None
    except LookupError:
        raise InputError(source, f"unknown encoding {encoding!r}") from None


def refuse_binary(source: str, data: bytes) -> None:
    for magic, kind in _KNOWN_BINARIES:
        if data.startswith(magic):
            raise InputError(source, f"binary file ({kind}), not an article")
    head = data[:8192]
    # Text never holds NUL bytes; many other control bytes mean a binary format too.
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    if b"\x00" in head or controls > len(head) * 0.05:
        raise InputError(source, "binary file, not an article")


def iso_date(value: object) -> str | None:
    """An ISO date (YYYY-MM-DD) from the date forms found in metadata, or None if there is none."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).strip()
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        dt.date.fromisoformat(text)  # raises on 2023-02-30
        return text
    if not re.search(r"\b\d{4}\b", text):
        raise ValueError(f"no year in date {text!r}")
    parsed = dateparser.parse(text, default=dt.datetime(1900, 1, 1))
    return parsed.date().isoformat()


def parse_date(source: str, value: object) -> str | None:
    try:
        return iso_date(value)
    except (ValueError, OverflowError):
        raise InputError(source, f"unreadable publication date {value!r}") from None


@functools.cache
def _language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language, or None when the text is too short to tell."""
    sample = text[:3000]
    if len(sample.split()) < 8:
        return None
    language, probability = _language_identifier().classify(sample)
    return language if probability >= 0.5 else None


# One to five words, each capitalised or a particle: "Clara Weiss", "A. Berg", "Ana de la Cruz"
_NAME = re.compile(r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|del|della|di|du|la|le|van|von|der|den|bin|al)){0,4}")
_BYLINE = re.compile(r"^(?:by|written by|words by)\s+(?P<names>\S.{0,150})$", re.I)


def byline_of(line: str) -> list[str] | None:
    """The names of a byline line ("By Clara Weiss and Tomas Reyes"), or None if it is none."""
    match = _BYLINE.match(line.strip("*_ "))
    if not match:
        return None
    names = split_names(match["names"].rstrip("."))
    return names if names and all(_NAME.fullmatch(name) for name in names) else None


def split_names(value: object) -> list[str]:
    """A byline as a list of names, from a list or from "A, B and C" / "A; B"."""
    if value is None:
        return []
    parts = value if isinstance(value, (list, tuple)) else re.split(r"\s*(?:;|,|\band\b|&|\|)\s*", str(value))
    names = []
    for part in parts:
        name = re.sub(r"^(?:by|written by|words by)\s+", "", str(part).strip(), flags=re.I).strip()
        if name and name not in names:
            names.append(name)
    return names


def make_article(
    source: str,
    text: str,
    *,
    title: str | None = None,
    byline: object = None,
    publisher: str | None = None,
    published: object = None,
    url: str | None = None,
    language: str | None = None,
    default_published: str | None = None,
) -> Article:
    """Repair the text and build the Article; an input with no text left is an error."""
    text = repair(text)
    if not text:
        raise InputError(source, "no article text")
    return Article(
        id=text_id(text),
        source=source,
        url=url or None,
        title=repair(title) if title else None,
        byline=split_names(byline),
        publisher=publisher or None,
        published=parse_date(source, published) or default_published,
        language=language or detect_language(text),
        text=text,
    )
