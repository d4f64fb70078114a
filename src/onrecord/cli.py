"""The ``onrecord`` command line, mirroring the Python API."""

from __future__ import annotations

import json
import logging
import sys
from contextlib import nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from . import __version__
from .api import extract_many
from .config import Settings
from .console import fail, for_people, progress, say
from .errors import Failure, OnrecordError
from .ingest.article import iso_date
from .record import json_schema
from .render import record_view

app = typer.Typer(
    help="onrecord: who said what, to whom, about whom, and when, from news articles.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Format(StrEnum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def _version(value: bool) -> None:
    if value:
        print(f"onrecord {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[Optional[bool], typer.Option("--version", callback=_version, is_eager=True, help="Show the version.")] = None,
) -> None:
    # Library notes (skipped files and the like) go to stderr as "onrecord: note: ...".
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("onrecord: note: %(message)s"))
    logging.getLogger("onrecord").addHandler(handler)
    logging.getLogger("onrecord").setLevel(logging.INFO)


def _published(value: Optional[str]) -> Optional[str]:
    if value is None:
        return None
    try:
        return iso_date(value)
    except (ValueError, OverflowError):
        raise typer.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD)") from None


@app.command()
def extract(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or - for stdin.")],
    format: Annotated[Optional[Format], typer.Option("--format", "-f", help="jsonl for machines, table for people [default: table on a terminal, else jsonl].")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for articles whose input gives none.", callback=_published)] = None,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline (name or path) [env: ONRECORD_MODEL].")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes to run in parallel.")] = 1,
    strict: Annotated[bool, typer.Option(help="Stop at the first input that fails.")] = False,
    max_bytes: Annotated[Optional[int], typer.Option(min=1, help="Largest input per article, in bytes [env: ONRECORD_MAX_BYTES].")] = None,
    encoding: Annotated[str, typer.Option(help="Encoding of text, Markdown and JSON Lines files without a byte-order mark.")] = "utf-8",
) -> None:
    """Read articles and write their records: who said what, to whom, about whom, and when."""
    try:
        settings = Settings.from_env(model=model, published=published, max_bytes=max_bytes, encoding=encoding)
    except ValueError as err:
        raise typer.BadParameter(str(err)) from None
    format = format or (Format.table if for_people() else Format.jsonl)
    out = Console(soft_wrap=False) if format is Format.table else None
    failures = records = 0
    first = True
    if format is Format.json:
        sys.stdout.write("[")
    try:
        bar = progress()
        with bar or nullcontext():
            task = bar.add_task("articles", total=None) if bar else None
            for result in extract_many(paths, jobs=jobs, settings=settings):
                if bar:
                    bar.advance(task)
                if isinstance(result, Failure):
                    failures += 1
                    say(f"onrecord: error: {result}", bar)
                    if strict:
                        break
                    continue
                records += 1
                if format is Format.table:
                    out.print(record_view(result))
                elif format is Format.json:
                    sys.stdout.write(("\n" if first else ",\n") + result.to_json(indent=2))
                else:
                    sys.stdout.write(result.to_json() + "\n")
                first = False
    except OnrecordError as err:
        raise fail(str(err)) from None
    finally:
        if format is Format.json:
            sys.stdout.write("\n]\n")
        sys.stdout.flush()
    if failures:
        say(f"onrecord: {failures} input(s) failed, {records} record(s) written")
        raise typer.Exit(1)


eval_app = typer.Typer(help="Score onrecord against annotated corpora.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")


@eval_app.command("polnear")
def eval_polnear(
    directory: Annotated[Path, typer.Argument(help="A PolNeAR split: text/, attributions/ and ../metadata.tsv.")],
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline [env: ONRECORD_MODEL].")] = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1)] = 1,
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N articles.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Attribution scores (source, cue, content; exact and overlap; attribution) on PolNeAR."""
    from .eval import polnear

    try:
        scores = polnear.evaluate(directory, Settings.from_env(model=model), jobs=jobs, limit=limit)
    except OnrecordError as err:
        raise fail(str(err)) from None
    if as_json:
        print(json.dumps(scores.as_dict(), indent=2))
        return
    table = Table(title=f"PolNeAR attribution, {scores.documents} articles ({directory})")
    table.add_column("role")
    for kind in ("exact", "overlap"):
        for measure in ("P", "R", "F1"):
            table.add_column(f"{kind} {measure}", justify="right")
    for role in polnear.ROLES:
        cells = []
        for kind in (scores.exact, scores.overlap):
            counts = kind[role]
            cells += [f"{100 * counts.precision:.1f}", f"{100 * counts.recall:.1f}", f"{100 * counts.f1:.1f}"]
        table.add_row(role, *cells)
    Console().print(table)
    a = scores.attribution
    print(f"attribution: P {100 * a.precision:.1f}  R {100 * a.recall:.1f}  F1 {100 * a.f1:.1f}"
          f"  ({a.matched} of {a.gold} gold, {a.predicted} predicted)")


@eval_app.command("timeml")
def eval_timeml(
    directory: Annotated[Path, typer.Argument(help="TimeML files (.tml) or MEANTIME CAT XML, one corpus per sub-folder.")],
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline [env: ONRECORD_MODEL].")] = None,
    parse: Annotated[bool, typer.Option(help="Parse each text as onrecord extract does and read tense from the parse; --no-parse scores the text-only fallback.")] = True,
    as_json: Annotated[bool, typer.Option("--json", help="Print the scores as JSON.")] = False,
) -> None:
    """Time expressions, TempEval-3 style: strict and relaxed span F1, value F1, type accuracy."""
    from .eval import timeml

    settings = Settings.from_env(model=model)
    try:
        report = timeml.evaluate(directory, parse=parse, settings=settings)
    except OnrecordError as err:
        raise fail(str(err)) from None
    scores = report.as_dict()
    measured = f"with the parse of {settings.model}" if report.parsed else "text only, no parse"
    if as_json:
        print(json.dumps({**scores, "measured": {"parse": report.parsed, "model": settings.model if report.parsed else None}},
                         indent=2))
        return
    table = Table(title=f"TimeML, TempEval-3 scoring ({directory}), {measured}")
    for column in ("corpus", "documents", "strict F1", "relaxed F1", "value F1", "type accuracy"):
        table.add_column(column, justify="left" if column == "corpus" else "right")
    for corpus, row in scores.items():
        table.add_row(corpus, str(row["documents"]), f"{row['strict']['f1']:.1f}", f"{row['relaxed']['f1']:.1f}",
                      f"{row['value']['f1']:.1f}", f"{row['type_accuracy']:.1f}")
    Console().print(table)


@eval_app.command("pronouns")
def eval_pronouns(
    directory: Annotated[Path, typer.Argument(help="A PolNeAR split: text/, attributions/ and ../metadata.tsv.")],
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N articles.")] = None,
) -> None:
    """Share of PolNeAR's pronoun sources that the record links to an entity named in the article."""
    from .eval.coref import evaluate_pronouns

    print(json.dumps(evaluate_pronouns(directory, Settings.from_env(), limit=limit), indent=2))


@eval_app.command("meantime")
def eval_meantime(
    directory: Annotated[Path, typer.Argument(help="MEANTIME (CAT XML), e.g. ../shared/data/time/meantime.")],
    limit: Annotated[Optional[int], typer.Option(min=1, help="Score only the first N documents.")] = None,
) -> None:
    """B-cubed F1 of entity mention clustering (names and pronouns of people, organisations, places)."""
    from .eval.coref import evaluate_meantime

    print(json.dumps(evaluate_meantime(directory, Settings.from_env(), limit=limit), indent=2))


@app.command()
def timeline(
    paths: Annotated[Optional[list[str]], typer.Argument(help="Articles to read; without any, the store.")] = None,
    db: Annotated[Optional[str], typer.Option("--db", help="The store to read when no articles are given [env: ONRECORD_DB].", envvar="ONRECORD_DB", show_envvar=False)] = None,
    entity: Annotated[Optional[str], typer.Option(help="From the store: only what this entity said, was told, or was spoken about in.")] = None,
    format: Annotated[Optional[str], typer.Option("--format", "-f", help="table for people, jsonl (or csv, from the store) for machines.")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for articles whose input gives none.", callback=_published)] = None,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline [env: ONRECORD_MODEL].")] = None,
) -> None:
    """Dated statements and events in date order: of the given articles, or of the whole store."""
    if not paths:
        from .store.cli import Out, store_timeline

        try:
            chosen = Out(format) if format else None
        except ValueError:
            raise typer.BadParameter(f"unknown format {format!r} (use table, jsonl or csv)") from None
        store_timeline(db, entity, chosen)
        return
    if format not in (None, "table", "jsonl"):
        raise typer.BadParameter(f"unknown format {format!r} for articles (use table or jsonl)")
    _file_timeline(paths, format, Settings.from_env(model=model, published=published))


def _file_timeline(paths: list[str], format: str | None, settings: Settings) -> None:
    from .timeline import timeline as build

    records, failures = [], 0
    try:
        for result in extract_many(paths, settings=settings):
            if isinstance(result, Failure):
                failures += 1
                say(f"onrecord: error: {result}")
            else:
                records.append(result)
    except OnrecordError as err:
        raise fail(str(err)) from None
    rows = build(records)
    if (format or ("table" if for_people() else "jsonl")) == "table":
        table = Table(title=f"Timeline: {len(rows)} dated statements and events")
        for column in ("date", "kind", "who", "what", "source"):
            table.add_column(column, no_wrap=column in ("date", "kind"))
        for row in rows:
            table.add_row(*(Text(cell or "") for cell in (row.date, row.kind, row.speaker, row.text, row.source)))
        Console().print(table)
    else:
        for row in rows:
            sys.stdout.write(json.dumps(row.as_dict(), ensure_ascii=False) + "\n")
    if failures:
        raise typer.Exit(1)


@app.command()
def schema(
    out: Annotated[Optional[Path], typer.Option(help="Write to this file instead of stdout.")] = None,
) -> None:
    """Print the JSON Schema of the record."""
    text = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out:
        out.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


def _register_commands() -> None:
    from .store.cli import register as register_store
    from .web.cli import register as register_web

    register_store(app)
    register_web(app)


_register_commands()

if __name__ == "__main__":
    app()
