"""Streaming export of the store's quotes, entities and articles as JSON Lines, CSV or Parquet.

Rows are read with server-side cursors and written in batches, so memory stays flat whatever the
size of the store. Lists (aliases, bylines, the entities a quote is about) are lists in JSON Lines
and Parquet and JSON text in CSV.
"""

from __future__ import annotations

import csv
import itertools
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from sqlalchemy import Connection, func, select

from .queries import QUOTE_COLUMNS, _quote_select, _stream
from .schema import aliases, article_entities, articles, entities, quote_about, quotes

TABLES = ("articles", "entities", "quotes")
FORMATS = ("jsonl", "csv", "parquet")
BATCH = 5000


def _ids_per(conn: Connection, key_column, value_column) -> Iterator[tuple[int, list]]:
    """(key, [values]) in key order: the list side of a merge join that needs no per-row query."""
    rows = conn.execute(select(key_column, value_column).order_by(key_column).execution_options(yield_per=BATCH))
    for key, group in itertools.groupby(rows, key=lambda r: r[0]):
        yield key, [r[1] for r in group]


def _merge(rows: Iterator[dict], lists: Iterator[tuple[int, list]], field: str) -> Iterator[dict]:
    """Attach to each row (in id order) its list from ``lists`` (in the same order)."""
    pending = next(lists, None)
    for row in rows:
        while pending is not None and pending[0] < row["id"]:
            pending = next(lists, None)
        row[field] = pending[1] if pending is not None and pending[0] == row["id"] else []
        yield row


def article_rows(conn: Connection) -> Iterator[dict]:
    columns = [articles.c.article_id.label("id"), articles.c.text_hash, articles.c.url, articles.c.domain,
               articles.c.source, articles.c.title, articles.c.byline, articles.c.publisher, articles.c.published,
               articles.c.language, articles.c.text, articles.c.stored_at]
    for row in _stream(conn, select(*columns).order_by(articles.c.id)):
        row["byline"] = json.loads(row["byline"] or "[]")
        yield row


def entity_rows(read: Connection, lists: Connection) -> Iterator[dict]:
    seen = (select(article_entities.c.entity_id, func.sum(article_entities.c.mention_count).label("m"),
                   func.count().label("a")).group_by(article_entities.c.entity_id).subquery())
    query = (select(entities.c.id, entities.c.name, entities.c.type, func.coalesce(seen.c.m, 0).label("mentions"),
                    func.coalesce(seen.c.a, 0).label("articles"))
             .outerjoin(seen, seen.c.entity_id == entities.c.id).order_by(entities.c.id))
    names = _ids_per(lists, aliases.c.entity_id, aliases.c.name)
    for row in _merge(_stream(read, query), names, "aliases"):
        row["aliases"] = sorted(set(row["aliases"]) - {row["name"]})
        yield row


def quote_rows(read: Connection, lists: Connection) -> Iterator[dict]:
    sizes = select(quotes.c.group_id, func.count().label("reports")).group_by(quotes.c.group_id).subquery()
    query = (_quote_select(*QUOTE_COLUMNS, sizes.c.reports)
             .outerjoin(sizes, sizes.c.group_id == quotes.c.group_id).order_by(quotes.c.id))
    about = _ids_per(lists, quote_about.c.quote_id, quote_about.c.entity_id)
    yield from _merge(_stream(read, query), about, "about")


def rows_of(table: str, read: Connection, lists: Connection) -> Iterator[dict]:
    if table == "articles":
        return article_rows(read)
    return entity_rows(read, lists) if table == "entities" else quote_rows(read, lists)


# --- writers ---------------------------------------------------------------------------------------


def write_jsonl(rows: Iterator[dict], out: IO[str], table: str | None = None) -> int:
    n = 0
    for row in rows:
        n += 1
        if table:
            row = {"table": table, **row}
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return n


def write_csv(rows: Iterator[dict], out: IO[str]) -> int:
    writer = None
    n = 0
    for row in rows:
        n += 1
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, list) else v for k, v in row.items()}
        if writer is None:
            writer = csv.DictWriter(out, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
    return n


def write_parquet(rows: Iterator[dict], path: Path) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    writer = None
    n = 0
    try:
        while batch := list(itertools.islice(rows, BATCH)):
            table = pa.Table.from_pylist(batch, schema=writer.schema if writer else None)
            if writer is None:
                writer = pq.ParquetWriter(str(path), _widen(table.schema))
                table = table.cast(writer.schema)
            writer.write_table(table)
            n += len(batch)
    finally:
        if writer is not None:
            writer.close()
    if writer is None:  # an empty table still gets a (schemaless) file, so scripts find it
        pq.write_table(pa.table({}), str(path))
    return n


def _widen(schema):
    """Columns that were all null in the first batch become strings, not the null type."""
    import pyarrow as pa

    return pa.schema([pa.field(f.name, pa.string()) if pa.types.is_null(f.type) else f for f in schema])


def export(engine, fmt: str, out: Path | None, tables: tuple[str, ...] = TABLES) -> dict[str, int]:
    """Write ``tables`` in ``fmt``; ``out`` is a file for one table, a directory for several, or None
    for stdout (JSON Lines tag each row with its table when there are several). Returns row counts."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r} (use {', '.join(FORMATS)})")
    if out is None and (fmt == "parquet" or (fmt == "csv" and len(tables) > 1)):
        raise ValueError(f"{fmt} of several tables needs --out DIRECTORY" if fmt == "csv"
                         else "parquet needs --out PATH")
    counts = {}
    with engine.connect() as read, engine.connect() as lists:
        for table in tables:
            rows = rows_of(table, read, lists)
            if out is None:
                write = write_jsonl(rows, sys.stdout, table if len(tables) > 1 else None) if fmt == "jsonl" \
                    else write_csv(rows, sys.stdout)
                counts[table] = write
                continue
            path = out / f"{table}.{fmt}" if len(tables) > 1 else out
            path.parent.mkdir(parents=True, exist_ok=True)
            if fmt == "parquet":
                counts[table] = write_parquet(rows, path)
            else:
                with path.open("w", encoding="utf-8", newline="") as handle:
                    counts[table] = write_jsonl(rows, handle) if fmt == "jsonl" else write_csv(rows, handle)
    return counts
