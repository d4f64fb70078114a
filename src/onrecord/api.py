"""The Python API, mirroring the CLI: ``extract`` for one article, ``extract_many`` for batches."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from . import ingest, pipeline
from .config import Settings
from .errors import Failure, OnrecordError
from .ingest.article import make_article
from .record import Article, Record


def extract(
    path_or_text: str | Path | Article,
    *,
    published: str | None = None,
    model: str | None = None,
    title: str | None = None,
    url: str | None = None,
) -> Record:
    """The record of one article, given as a file path, an ``Article`` or the text itself.

    A ``str`` naming a file (one that exists, or a single word ending in a known suffix) is read as
    that file; any other ``str`` is article text.
    Raises ``InputError`` when the input cannot be read, ``ModelError`` when the model is missing.
    """
    settings = Settings.from_env(model=model, published=published)
    if isinstance(path_or_text, Article):
        article = path_or_text
    elif isinstance(path_or_text, Path) or _is_path(path_or_text):
        results = list(ingest.read([path_or_text], settings))
        if len(results) != 1:
            raise OnrecordError(f"{path_or_text} holds {len(results)} articles: use onrecord.extract_many")
        article = results[0]
        if isinstance(article, Failure):
            raise article.to_error()
    else:
        article = make_article("<text>", path_or_text, title=title, url=url, published=published)
    (result,) = pipeline.process_batch([article], settings)
    if isinstance(result, Failure):
        raise result.to_error()
    return result


def extract_many(
    sources: Iterable[str | Path],
    *,
    published: str | None = None,
    model: str | None = None,
    jobs: int = 1,
    settings: Settings | None = None,
) -> Iterator[Record | Failure]:
    """Records for every article in ``sources`` (files, directories, ``-``), in input order.

    An input that cannot be read or processed yields a ``Failure`` and the batch goes on.
    """
    settings = settings or Settings.from_env()
    settings = replace(settings, **{k: v for k, v in {"model": model, "published": published}.items() if v})
    return pipeline.run(ingest.read(sources, settings), settings, jobs=jobs)


def _is_path(value: str) -> bool:
    """A file that exists, or a single word naming one by its suffix: "missng.txt" is a mistyped
    path (an error), not an article three words long."""
    if "\n" in value or len(value) >= 4096:
        return False
    try:
        if value == "-" or Path(value).exists():
            return True
    except (OSError, ValueError):  # a name too long for the file system, a NUL: text, not a path
        return False
    return not any(c.isspace() for c in value) and ingest.format_of(Path(value)) is not None
