"""Readers: one module per input format, all producing ``Article``.

``read(sources, settings)`` takes paths (files, directories, ``-`` for stdin) and yields an
``Article`` for each article found, or a ``Failure`` naming the input and the reason, so that one
bad input never stops a batch.
"""

from __future__ import annotations

import gzip
import io
import logging
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from ..config import Settings
from ..errors import Failure, InputError
from ..record import Article
from . import html, jsonl, markdown, text, warc
from .article import check_size

log = logging.getLogger("onrecord")

# Single-article formats parse bytes; container formats read a path and yield many articles.
SINGLE: dict[str, Callable[..., Article]] = {"text": text.parse, "markdown": markdown.parse, "html": html.parse}
CONTAINERS: dict[str, Callable[..., Iterator[Article | Failure]]] = {"jsonl": jsonl.read, "warc": warc.read}

SUFFIXES = {
    ".txt": "text", ".text": "text",
    ".md": "markdown", ".markdown": "markdown",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".warc": "warc", ".warc.gz": "warc", ".arc": "warc", ".arc.gz": "warc",
}


def format_of(path: Path) -> str | None:
    """The format a file name says, seeing through a ``.gz`` on single-article formats."""
    name = path.name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if name.endswith(suffix) or name.endswith(suffix + ".gz") and SUFFIXES[suffix] in SINGLE:
            return SUFFIXES[suffix]
    return None


def sniff(data: bytes) -> str:
    """The format of bytes with no telling name (stdin, unknown suffixes)."""
    head = data[:2048].lstrip().lower()
    if head.startswith(b"warc/"):
        return "warc"
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in head or b"<p>" in head:
        return "html"
    if head.startswith((b"{", b"[")):
        return "jsonl"
    if head.startswith(b"# ") or head.startswith(b"---\n"):
        return "markdown"
    return "text"


def read(sources: Iterable[str | Path], settings: Settings | None = None) -> Iterator[Article | Failure]:
    settings = settings or Settings.from_env()
    for source in sources:
        source = str(source)
        if source == "-":
            yield from _read_stdin(settings)
            continue
        path = Path(source)
        if path.is_dir():
            yield from _read_directory(path, settings)
        else:
            yield from read_file(path, source, settings)


def read_file(path: Path, source: str, settings: Settings) -> Iterator[Article | Failure]:
    yield from _guarded(source, _read_file(path, source, settings))


def _read_file(path: Path, source: str, settings: Settings) -> Iterator[Article | Failure]:
    if not path.exists():
        raise InputError(source, "no such file or directory")
    kind = format_of(path)
    if kind in CONTAINERS:
        yield from CONTAINERS[kind](path, source, settings)
        return
    check_size(source, path.stat().st_size, settings.max_bytes)
    data = path.read_bytes()
    if path.suffix.lower() == ".gz":
        data = _gunzip(source, data, settings.max_bytes)
    yield from _parse_bytes(source, data, kind or sniff(data), settings)


def _guarded(source: str, items: Iterator[Article | Failure]) -> Iterator[Article | Failure]:
    """Turn whatever goes wrong while reading ``source`` into one Failure naming it."""
    try:
        yield from items
    except InputError as err:
        yield Failure(err.source, err.reason)
    except PermissionError:
        yield Failure(source, "cannot read: permission denied")
    except IsADirectoryError:
        yield Failure(source, "is a directory")
    except OSError as err:
        yield Failure(source, f"cannot read: {err.strerror or err}")
    except Exception as err:  # a reader library failing on odd input must not stop the batch
        yield Failure(source, f"could not be read ({type(err).__name__}: {err})")


def _parse_bytes(source: str, data: bytes, kind: str, settings: Settings) -> Iterator[Article | Failure]:
    if kind in SINGLE:
        yield SINGLE[kind](source, data, settings)
        return
    # Container readers stream from a file: bytes without one (stdin, a .gz) are spooled to one.
    with tempfile.NamedTemporaryFile(suffix="." + kind) as spool:
        spool.write(data)
        spool.flush()
        yield from CONTAINERS[kind](Path(spool.name), source, settings)


def directory_files(directory: Path) -> tuple[list[Path], int]:
    """The files ``read`` takes from a directory (known formats, name order, hidden ones skipped),
    and how many others it passes over."""
    files, others = [], 0
    for path in sorted(directory.rglob("*")):
        if any(part.startswith(".") for part in path.relative_to(directory).parts) or not path.is_file():
            continue
        if format_of(path) is None:
            others += 1
        else:
            files.append(path)
    return files, others


def _read_directory(directory: Path, settings: Settings) -> Iterator[Article | Failure]:
    files, skipped = directory_files(directory)
    for path in files:
        yield from read_file(path, str(path), settings)
    if skipped:
        log.warning("skipped %d file(s) of other types in %s", skipped, directory)


def _read_stdin(settings: Settings) -> Iterator[Article | Failure]:
    yield from _guarded("<stdin>", _parse_stdin(settings))


def _parse_stdin(settings: Settings) -> Iterator[Article | Failure]:
    data = sys.stdin.buffer.read(settings.max_bytes + 1)
    check_size("<stdin>", len(data), settings.max_bytes)
    yield from _parse_bytes("<stdin>", data, sniff(data), settings)


def _gunzip(source: str, data: bytes, max_bytes: int) -> bytes:
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as unzipped:
            out = unzipped.read(max_bytes + 1)
    except (OSError, EOFError) as err:
        raise InputError(source, f"damaged gzip data ({err})") from None
    check_size(source, len(out), max_bytes)
    return out
