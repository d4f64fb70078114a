"""The store's commands: ``ingest``, ``quotes``, ``entities``, ``entity``, ``timeline``, ``stats``, ``export``.

``register(app)`` adds them to the ``onrecord`` Typer app. Every command takes ``--db`` (a SQLite
path, the default ``onrecord.db``, or a ``postgresql://`` URL); tables are for people, ``--format
jsonl|csv`` for machines, and errors are one ``onrecord: error: ...`` line with exit status 1.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, nullcontext
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.table import Table
from sqlalchemy.exc import SQLAlchemyError

from ..config import Settings
from ..console import fail, for_people, progress, say
from ..errors import OnrecordError
from . import entities as ents
from . import export as exporting
from . import queries
from .engine import DEFAULT_DB, connect
from .write import count_articles, ingest

DB_HELP = f"The store: a SQLite file or postgresql://user@host/db [env: ONRECORD_DB] [default: {DEFAULT_DB}]."
Db = Annotated[Optional[str], typer.Option("--db", help=DB_HELP, envvar="ONRECORD_DB", show_envvar=False)]
Aliases = Annotated[Optional[Path], typer.Option(
    "--aliases", help="Alias file (YAML or CSV) of merges and splits [env: ONRECORD_ALIASES] "
    "[default: onrecord-aliases.yaml, when present].", envvar="ONRECORD_ALIASES", show_envvar=False)]
DEFAULT_ALIASES = Path("onrecord-aliases.yaml")


class Out(StrEnum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    parquet = "parquet"


class Sort(StrEnum):
    quotes = "quotes"
    mentions = "mentions"


class Kind(StrEnum):
    direct = "direct"
    indirect = "indirect"
    mixed = "mixed"
    partial = "partial"
    block = "block"


def _open(db: str | None):
    try:
        return connect(db)
    except ModuleNotFoundError as err:
        raise fail(f"PostgreSQL stores need {err.name}: pip install 'onrecord[postgres]'") from None
    except (SQLAlchemyError, OSError, RuntimeError) as err:
        raise fail(f"cannot open the store {db or DEFAULT_DB}: {error_reason(err)}") from None


def error_reason(err: Exception) -> str:
    """The first line of what the database said."""
    first = str(getattr(err, "orig", None) or err).strip().splitlines()
    return first[0] if first else type(err).__name__


def _day(value: Optional[str], end: bool = False) -> Optional[str]:
    """A date option as a day (see ``queries.period_day``)."""
    try:
        return queries.period_day(value, end)
    except ValueError:
        raise typer.BadParameter(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


@contextmanager
def _connection(db: str | None) -> Iterator:
    """A connection to the store, its engine disposed of afterwards."""
    engine = _open(db)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def _format(value: Optional[Out]) -> Out:
    return value or (Out.table if for_people() else Out.jsonl)


def _emit(rows: Iterable[dict], fmt: Out, columns: list[tuple[str, str]]) -> None:
    """Rows as a table (chosen ``columns``: (key, heading)), or every field as JSON Lines or CSV."""
    if fmt is Out.jsonl:
        for row in rows:
            sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
        return
    if fmt is Out.csv:
        exporting.write_csv(iter(rows), sys.stdout)
        return
    table = Table()
    for _, heading in columns:
        table.add_column(heading, overflow="fold")
    for row in rows:
        table.add_row(*("" if row.get(k) is None else str(row.get(k)) for k, _ in columns))
    Console(soft_wrap=False).print(table)


def _alias_path(path: Optional[Path]) -> Optional[Path]:
    return path if path is not None else (DEFAULT_ALIASES if DEFAULT_ALIASES.exists() else None)


def _apply_aliases(engine, path: Optional[Path]) -> None:
    if path is None:
        return
    try:
        rules = ents.load_rules(path)
    except (ValueError, OSError) as err:
        raise fail(f"cannot read the alias file {path}: {err}") from None
    with engine.begin() as conn:
        ents.apply_rules(conn, rules)


# --- commands --------------------------------------------------------------------------------------


def ingest_command(
    paths: Annotated[list[str], typer.Argument(help="Files, directories (read recursively) or - for stdin.")],
    db: Db = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=1, help="Processes to run in parallel.")] = 1,
    update: Annotated[bool, typer.Option("--update", help="Replace articles already stored instead of skipping them.")] = False,
    aliases: Aliases = None,
    model: Annotated[Optional[str], typer.Option(help="Installed spaCy pipeline [env: ONRECORD_MODEL].")] = None,
    published: Annotated[Optional[str], typer.Option(help="Publication date for articles whose input gives none.")] = None,
) -> None:
    """Run the pipeline over articles and keep their records in the store (skipping those it has)."""
    engine = _open(db)
    _apply_aliases(engine, _alias_path(aliases))
    settings = Settings.from_env(model=model, published=_day(published))
    counts = {"stored": 0, "replaced": 0, "skipped": 0, "failed": 0}
    total = count_articles(paths) if sys.stderr.isatty() else None
    bar = progress(total)
    try:
        with bar or nullcontext():
            task = bar.add_task("articles", total=total) if bar else None
            for outcome in ingest(engine, paths, settings, jobs=jobs, replace=update):
                counts[outcome.status] += 1
                if outcome.status == "failed":
                    say(f"onrecord: error: {outcome.source}: {outcome.reason}", bar)
                if bar:
                    bar.advance(task)
    except OnrecordError as err:
        raise fail(str(err)) from None
    finally:
        engine.dispose()
    say(f"onrecord: {counts['stored']} article(s) stored, {counts['replaced']} replaced, "
         f"{counts['skipped']} already stored, {counts['failed']} failed")
    if counts["failed"]:
        raise typer.Exit(1)


QUOTE_TABLE = [("on_date", "date"), ("speaker", "speaker"), ("addressee", "to"), ("kind", "kind"),
               ("content", "quote"), ("where", "source"), ("reports", "reports")]
GROUP_TABLE = [("first_reported", "first reported"), ("where", "first by"), ("speaker", "speaker"),
               ("content", "quote"), ("reports", "reports"), ("sources", "also in")]


def quotes_command(
    db: Db = None,
    speaker: Annotated[Optional[str], typer.Option(help="Said by this entity (name, alias or #id).")] = None,
    to: Annotated[Optional[str], typer.Option("--to", help="Said to this entity.")] = None,
    about: Annotated[Optional[str], typer.Option(help="Mentioning this entity in the quotation.")] = None,
    since: Annotated[Optional[str], typer.Option(help="On or after this date (YYYY-MM-DD, YYYY-MM, YYYY).")] = None,
    until: Annotated[Optional[str], typer.Option(help="On or before this date.")] = None,
    search: Annotated[Optional[str], typer.Option(help="Full-text search of the quotation (all words).")] = None,
    kind: Annotated[Optional[Kind], typer.Option(help="Kind of quotation.")] = None,
    source: Annotated[Optional[str], typer.Option(help="Reported by this web domain (and its subdomains).")] = None,
    group: Annotated[bool, typer.Option("--group", help="One row per statement: where and when it was first reported.")] = False,
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most this many rows.")] = None,
    format: Annotated[Optional[Out], typer.Option("--format", "-f", help="table for people, jsonl or csv for machines.")] = None,
) -> None:
    """Quotes in the store: who said what, to whom, about whom, when, and where it was reported."""
    filters = {"speaker": speaker, "to": to, "about": about, "since": _day(since), "until": _day(until, end=True),
               "search": search, "kind": kind.value if kind else None, "source": source}
    engine = _open(db)
    fmt = _format(format)
    try:
        with engine.connect() as conn:
            if group:
                rows = _with_sources(queries.quote_groups(conn, limit=limit, **filters))
                _emit(rows, fmt, GROUP_TABLE)
            else:
                _emit(queries.find_quotes(conn, limit=limit, **filters), fmt, QUOTE_TABLE)
    except queries.NotFound as err:
        raise fail(str(err)) from None
    except SQLAlchemyError as err:
        raise fail(error_reason(err)) from None
    finally:
        engine.dispose()


def _with_sources(rows: Iterator[dict]) -> Iterator[dict]:
    for row in rows:
        row["sources"] = ", ".join(sorted({r["domain"] or "?" for r in row["reported"][1:]}))
        yield row


def entities_command(
    db: Db = None,
    type: Annotated[Optional[str], typer.Option("--type", help="Only this type (PERSON, ORG, GPE, ...).")] = None,
    sort: Annotated[Sort, typer.Option(help="Order by quotes said or by mentions.")] = Sort.quotes,
    limit: Annotated[Optional[int], typer.Option(min=1, help="At most this many rows.")] = None,
    merge: Annotated[Optional[tuple[str, str]], typer.Option(
        "--merge", metavar="NAME OTHER", help="Make OTHER the same entity as NAME (saved in the alias file).")] = None,
    split: Annotated[Optional[str], typer.Option(
        "--split", metavar="NAME", help="Make NAME an entity of its own (saved in the alias file).")] = None,
    aliases: Aliases = None,
    format: Annotated[Optional[Out], typer.Option("--format", "-f", help="table for people, jsonl or csv for machines.")] = None,
) -> None:
    """Entities in the store with their quotes and mentions; --merge and --split correct them."""
    engine = _open(db)
    try:
        if (merge and merge[0]) or split:
            _edit_aliases(engine, aliases or DEFAULT_ALIASES, merge if merge and merge[0] else None, split)
            return
        with engine.connect() as conn:
            rows = queries.list_entities(conn, type=type, sort=sort.value, limit=limit)
            _emit(rows, _format(format), [("id", "id"), ("name", "name"), ("type", "type"), ("quotes", "quotes"),
                                          ("mentions", "mentions"), ("articles", "articles")])
    finally:
        engine.dispose()


def _edit_aliases(engine, path: Path, merge: Optional[tuple[str, str]], split: Optional[str]) -> None:
    try:
        rules = ents.load_rules(path)
    except (ValueError, OSError) as err:
        raise fail(f"cannot read the alias file {path}: {err}") from None
    if merge:
        rules.add_merge(merge[0], [merge[1]])
    if split:
        rules.add_split(split)
    ents.save_rules(rules, path)
    with engine.begin() as conn:
        ents.apply_rules(conn, rules)
    done = f"merged {merge[1]!r} into {merge[0]!r}" if merge else f"split {split!r} off"
    say(f"onrecord: {done}; saved in {path}")


def entity_command(
    name: Annotated[str, typer.Argument(help="A name, alias or #id.")],
    db: Db = None,
    format: Annotated[Optional[Out], typer.Option("--format", "-f", help="table for people, jsonl for machines.")] = None,
) -> None:
    """One entity: aliases, descriptors, who they spoke to, who spoke about them, quotes per month."""
    try:
        with _connection(db) as conn:
            page = queries.entity_page(conn, name)
    except queries.NotFound as err:
        raise fail(str(err)) from None
    if _format(format) is not Out.table:
        sys.stdout.write(json.dumps(page, ensure_ascii=False) + "\n")
        return
    out = Console(soft_wrap=False)
    out.print(f"[bold]{page['name']}[/bold] ({page['type']}, #{page['id']}): {page['quotes']} quote(s) "
              f"in {page['articles']} article(s)")
    for label, values in (("aliases", page["aliases"]), ("descriptors", page["descriptors"])):
        if values:
            out.print(f"{label}: " + "; ".join(values), markup=False)
    for label, key in (("spoke to", "spoke_to"), ("spoken about by", "spoken_about_by")):
        if page[key]:
            out.print(f"{label}: " + ", ".join(f"{p['name']} ({p['quotes']})" for p in page[key]), markup=False)
    if page["quotes_per_month"]:
        table = Table("month", "quotes", title="quotes per month")
        for month in page["quotes_per_month"]:
            table.add_row(month["month"], str(month["quotes"]))
        out.print(table)


def store_timeline(db: str | None, entity: str | None, format: Out | None) -> None:
    """Dated statements in date order, from the store (``onrecord timeline`` without files)."""
    try:
        with _connection(db) as conn:
            _emit(queries.timeline_rows(conn, entity=entity), _format(format), QUOTE_TABLE[:-1])
    except queries.NotFound as err:
        raise fail(str(err)) from None


def stats_command(
    db: Db = None,
    format: Annotated[Optional[Out], typer.Option("--format", "-f", help="table for people, jsonl for machines.")] = None,
) -> None:
    """What the store holds: articles, quotes, entities, corroborated statements, date range."""
    with _connection(db) as conn:
        figures = queries.stats(conn)
    fmt = _format(format)
    if fmt is Out.table:
        _emit(({"what": k, "value": v} for k, v in figures.items()), fmt, [("what", ""), ("value", "")])
    elif fmt is Out.csv:
        csv.writer(sys.stdout).writerows([["what", "value"], *figures.items()])
    else:
        sys.stdout.write(json.dumps(figures) + "\n")


def export_command(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl, csv or parquet.")] = ExportFormat.jsonl,
    out: Annotated[Optional[Path], typer.Option(help="A file for one --table, else a directory [default: stdout].")] = None,
    table: Annotated[Optional[list[str]], typer.Option(help="quotes, entities or articles (repeatable) [default: all].")] = None,
    db: Db = None,
) -> None:
    """Stream the store's quotes, entities and articles out, in flat memory whatever its size."""
    tables = tuple(table or exporting.TABLES)
    unknown = [t for t in tables if t not in exporting.TABLES]
    if unknown:
        raise typer.BadParameter(f"unknown table {unknown[0]!r} (use quotes, entities or articles)")
    engine = _open(db)
    try:
        counts = exporting.export(engine, format.value, out, tables)
    except ModuleNotFoundError as err:
        raise fail(f"parquet export needs {err.name}: pip install 'onrecord[parquet]'") from None
    except (ValueError, OSError) as err:
        raise fail(str(err)) from None
    finally:
        engine.dispose()
    if out is not None:
        say("onrecord: exported " + ", ".join(f"{n} {t}" for t, n in counts.items()) + f" to {out}")


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_command)
    app.command("quotes")(quotes_command)
    app.command("entities")(entities_command)
    app.command("entity")(entity_command)
    app.command("stats")(stats_command)
    app.command("export")(export_command)

