"""Throughput of onrecord's extract path against raw spaCy on the same articles.

Measures, in one process and interleaved round by round:

- raw: ``nlp.pipe`` of the full model, as ``spacy.load`` gives it, over the article texts, already read;
- extract: the full path, ``pipeline.run(ingest.read(...))``, which also reads the files and repairs the text.

Both are warmed up first; each figure is the median over the rounds. Prints articles/s, words/s
(whitespace-split words of the texts), the extract/raw time ratio, peak RSS of the process (both
models are loaded in it) and the date, machine and versions, so the figures can be quoted with
where they came from.

Run:  .venv/bin/python bench/throughput.py DIR [--rounds 3] [--limit N] [--batch-size 32] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shlex
import statistics
import sys
import time
from importlib.metadata import version
from pathlib import Path
from typing import NoReturn

import spacy

from onrecord import ingest, pipeline
from onrecord.config import DEFAULT_MODEL, Settings
from onrecord.errors import Failure, OnrecordError
from onrecord.nlp import check_installed, load
from onrecord.record import Article, Record
from onrecord.stages import required_components, resolve


def fail(message: str) -> NoReturn:
    print(f"throughput: {message}", file=sys.stderr)
    sys.exit(2)


def input_files(paths: list[str]) -> list[Path]:
    """The files onrecord would read under ``paths``, in its order."""
    files = []
    for path in map(Path, paths):
        if not path.exists():
            fail(f"{path}: no such file or directory")
        files += ingest.directory_files(path)[0] if path.is_dir() else [path]
    return files


def timed(func) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def stage_costs(items: list, settings: Settings, raw, rounds: int) -> dict[str, float]:
    """Each stage's time over the parsed articles (per-document caches emptied before each) as a
    share of the raw spaCy pass ``raw`` timed in the same round, the median over ``rounds``: the
    issues set budgets per stage, and a share taken within one round holds however fast the
    machine runs from one minute to the next."""
    stages = resolve(settings.stages)
    nlp = load(settings.model, required_components(stages))
    articles = [item for item in items if isinstance(item, Article)]
    docs = list(nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
    shares: dict[str, list[float]] = {stage.name: [] for stage in stages}
    for _ in range(rounds):
        raw_seconds = timed(raw)
        totals = dict.fromkeys(shares, 0.0)
        for article, doc in zip(articles, docs, strict=True):
            doc.user_data.clear()  # the stages' caches (quotations, scans) start cold, as in extract
            record = Record(article=article)
            for stage in stages:
                start = time.perf_counter()
                stage.run(doc, record)
                totals[stage.name] += time.perf_counter() - start
        for name, seconds in totals.items():
            shares[name].append(seconds / raw_seconds)
    return {name: statistics.median(values) for name, values in shares.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", nargs="+", metavar="DIR", help="a directory of articles, or files")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--batch-size", type=int, default=Settings().batch_size)
    parser.add_argument("--limit", type=int, help="only the first N files")
    parser.add_argument("--json", action="store_true", help="also print the results as one JSON line")
    args = parser.parse_args()

    files = input_files(args.dir)[: args.limit]
    settings = Settings(model=args.model, batch_size=args.batch_size)
    items = list(ingest.read(files, settings))
    texts = [item.text for item in items if isinstance(item, Article)]
    read_failures = [item for item in items if isinstance(item, Failure)]
    if not texts:
        fail(f"no readable articles in {' '.join(args.dir)} ({len(read_failures)} input(s) failed to read)")
    words = sum(len(text.split()) for text in texts)
    try:
        check_installed(args.model)
    except OnrecordError as err:
        fail(str(err))

    # Load both models and warm up both paths before anything is timed.
    nlp = spacy.load(args.model)
    list(nlp.pipe(texts[:2], batch_size=args.batch_size))
    list(pipeline.run([item for item in items if isinstance(item, Article)][:2], settings))

    def raw() -> None:
        list(nlp.pipe(texts, batch_size=args.batch_size))

    failures = {}

    def extract() -> None:
        results = list(pipeline.run(ingest.read(files, settings), settings))
        failures["extract"] = sum(isinstance(result, Failure) for result in results) - len(read_failures)

    times: dict[str, list[float]] = {"raw": [], "extract": []}
    for _ in range(args.rounds):
        times["raw"].append(timed(raw))
        times["extract"].append(timed(extract))
    median = {name: statistics.median(values) for name, values in times.items()}
    stage_share = stage_costs(items, settings, raw, args.rounds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux

    model = f"{nlp.meta['lang']}_{nlp.meta['name']} {nlp.meta['version']}"
    print(f"date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC")
    print(
        f"machine: {os.cpu_count()} CPUs, {platform.processor() or platform.machine()}, {platform.system()}, "
        f"Python {platform.python_version()}"
    )
    print(f"versions: onrecord {version('onrecord')}, spaCy {spacy.__version__}, model {model}")
    print(f"command: python {shlex.join(sys.argv)}")
    extract_nlp = load(settings.model, required_components(resolve(settings.stages)))  # onrecord's cached copy
    print(f"components: raw {', '.join(nlp.pipe_names)}; extract {', '.join(extract_nlp.pipe_names)}")
    print(
        f"inputs: {len(files)} file(s), {len(texts)} article(s), {words:,} words; batch size {args.batch_size}, "
        f"{args.rounds} round(s), median shown"
    )
    if read_failures:
        print(f"failed to read: {len(read_failures)} input(s)")
    if failures["extract"]:
        print(f"failed in extract: {failures['extract']} article(s)")
    print()
    print(f"{'':8} {'articles':>8} {'words':>9} {'seconds':>8} {'articles/s':>10} {'words/s':>9}")
    for name, seconds in median.items():
        print(
            f"{name:8} {len(texts):>8} {words:>9,} {seconds:>8.2f} {len(texts) / seconds:>10.1f} "
            f"{words / seconds:>9,.0f}"
        )
    print()
    ratio = median["extract"] / median["raw"]
    print(f"extract/raw time ratio: {ratio:.2f}")
    print("stages, as a share of the raw spaCy pass: " + ", ".join(f"{n} {100 * v:.1f}%" for n, v in stage_share.items()))
    print(f"peak RSS: {peak_mb:.0f} MB")
    if args.json:
        print(
            json.dumps(
                {
                    "date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                    "cpus": os.cpu_count(),
                    "python": platform.python_version(),
                    "spacy": spacy.__version__,
                    "model": model,
                    "command": sys.argv,
                    "articles": len(texts),
                    "words": words,
                    "read_failures": len(read_failures),
                    "seconds": times,
                    "median_seconds": median,
                    "ratio": round(ratio, 3),
                    "stage_share": {name: round(value, 4) for name, value in stage_share.items()},
                    "peak_rss_mb": round(peak_mb),
                }
            )
        )


if __name__ == "__main__":
    main()
