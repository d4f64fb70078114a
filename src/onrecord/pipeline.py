"""Article → Record: the single spaCy pass and the stages, in batches, in one or many processes.

``process_batch`` is the unit of work: articles in, records (or failures) out, holding no state
but the loaded model, so a process pool here and a distributed engine (Ray Data) can both map it.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor

from .config import Settings
from .errors import Failure
from .nlp import check_installed, load
from .record import Article, Record
from .stages import Stage, required_components, resolve

Result = Record | Failure


def process_batch(articles: list[Article], settings: Settings | None = None) -> list[Result]:
    """Run the NLP pass and the stages over ``articles``; one bad article fails alone."""
    settings = settings or Settings.from_env()
    stages = resolve(settings.stages)
    nlp = load(settings.model, required_components(stages))
    results: list[Result | None] = [None] * len(articles)
    todo = []
    for i, article in enumerate(articles):
        problem = _unfit(article, nlp)
        if problem:
            results[i] = Failure(article.source, problem)
        else:
            todo.append(i)
    try:
        docs = list(nlp.pipe((articles[i].text for i in todo), batch_size=settings.batch_size))
    except Exception:
        # Isolate the article the model failed on rather than losing the whole batch.
        docs = [_parse_alone(nlp, articles[i]) for i in todo]
    for i, doc in zip(todo, docs, strict=False):
        results[i] = doc if isinstance(doc, Failure) else _fill(doc, articles[i], stages)
    return results  # type: ignore[return-value]


def _unfit(article: Article, nlp) -> str | None:
    if article.language and article.language != nlp.lang:
        model = f"{nlp.lang}_{nlp.meta.get('name')}"
        return f"the text is in language {article.language!r}, but the model {model!r} reads {nlp.lang!r}"
    if len(article.text) > nlp.max_length:
        return f"text of {len(article.text):,} characters is longer than the model's limit ({nlp.max_length:,})"
    return None


def _parse_alone(nlp, article: Article):
    try:
        return nlp(article.text)
    except Exception as err:
        return Failure(article.source, f"the spaCy pass failed ({type(err).__name__}: {err})")


def _fill(doc, article: Article, stages: list[Stage]) -> Result:
    record = Record(article=article)
    for stage in stages:
        try:
            stage.run(doc, record)
        except Exception as err:  # a bug in one stage loses one article, never the batch
            return Failure(article.source, f"stage {stage.name!r} failed ({type(err).__name__}: {err})")
    return record


def run(
    items: Iterable[Article | Failure], settings: Settings | None = None, jobs: int = 1
) -> Iterator[Result]:
    """Process a stream of articles (and pass read failures through), in input order."""
    settings = settings or Settings.from_env()
    chunks = _chunks(items, settings.batch_size)
    if jobs <= 1:
        for chunk in chunks:
            yield from _run_chunk(chunk, settings)
        return
    check_installed(settings.model)  # a missing model is one error here, not one per worker
    with ProcessPoolExecutor(max_workers=jobs, initializer=_warm_up, initargs=(settings,)) as pool:
        pending = []
        for chunk in chunks:
            pending.append(pool.submit(_run_chunk, chunk, settings))
            if len(pending) >= 2 * jobs:  # bounded read-ahead keeps memory flat
                yield from pending.pop(0).result()
        for future in pending:
            yield from future.result()


def _run_chunk(chunk: list[Article | Failure], settings: Settings) -> list[Result]:
    articles = [item for item in chunk if isinstance(item, Article)]
    processed = iter(process_batch(articles, settings)) if articles else iter(())
    return [next(processed) if isinstance(item, Article) else item for item in chunk]


def _warm_up(settings: Settings) -> None:
    load(settings.model, required_components(resolve(settings.stages)))


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk
