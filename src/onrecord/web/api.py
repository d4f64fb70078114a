"""The JSON API under /api: the CLI's questions over HTTP, paged with cursors, as JSON or CSV.

List endpoints answer ``{"items": [...], "next": cursor-or-null}`` (and a ``Link: rel="next"``
header); ``?format=csv`` gives the same page as CSV. Errors are ``{"error": {"status", "message"}}``.
"""

from __future__ import annotations

import csv
import hmac
import io
import json
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Body, Depends, File, Header, HTTPException, Query, Request, UploadFile
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import ValidationError
from sqlalchemy import Connection

from ..errors import OnrecordError
from ..record import Record
from ..store import export as exporting
from ..store import queries
from ..store.write import store_record
from . import data

router = APIRouter(prefix="/api", tags=["read"])
upload_router = APIRouter(prefix="/api", tags=["upload"])
Format = Literal["json", "csv"]
Limit = Annotated[int, Query(ge=1, le=data.MAX_LIMIT, description="Rows per page.")]
Cursor = Annotated[str | None, Query(description="The `next` value of the previous page.")]
MAX_UPLOAD = 20_000_000
# Characters that make a spreadsheet read a cell as a formula: such CSV cells are prefixed with '.
FORMULA = ("=", "+", "-", "@", "\t", "\r")


def connection(request: Request) -> Iterator[Connection]:
    with request.app.state.engine.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]


def quote_params(
    speaker: Annotated[str | None, Query(description="Said by this entity (name, alias or #id).")] = None,
    to: Annotated[str | None, Query(description="Said to this entity.")] = None,
    about: Annotated[str | None, Query(description="Mentioning this entity in the quotation.")] = None,
    since: Annotated[str | None, Query(description="On or after (YYYY-MM-DD, YYYY-MM, YYYY).")] = None,
    until: Annotated[str | None, Query(description="On or before this date.")] = None,
    month: Annotated[str | None, Query(description="In this month (YYYY-MM).")] = None,
    search: Annotated[str | None, Query(description="Full-text search of the quotation (all words).")] = None,
    kind: Annotated[Literal["direct", "indirect", "mixed", "partial", "block"] | None, Query()] = None,
    source: Annotated[str | None, Query(description="Reported by this web domain (and its subdomains).")] = None,
) -> dict:
    return data.clean_filters({"speaker": speaker, "to": to, "about": about, "since": since, "until": until,
                               "month": month, "search": search, "kind": kind, "source": source})


Filters = Annotated[dict, Depends(quote_params)]


# --- responses -------------------------------------------------------------------------------------


def _cell(value) -> str:
    if isinstance(value, list | dict):
        value = json.dumps(value, ensure_ascii=False)
    value = "" if value is None else str(value)
    return "'" + value if value.startswith(FORMULA) else value


def csv_lines(rows: Iterator[dict]) -> Iterator[str]:
    """Rows as CSV text, header from the first row, in chunks."""
    buffer = io.StringIO()
    writer, columns = csv.writer(buffer), None
    for n, row in enumerate(rows, 1):
        if columns is None:
            columns = list(row)
            writer.writerow(columns)
        writer.writerow([_cell(row.get(c)) for c in columns])
        if n % 500 == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


def paged(request: Request, page: data.Page, fmt: Format, **extra) -> Response:
    headers = {}
    if page.next:
        headers["Link"] = f'<{request.url.include_query_params(cursor=page.next)}>; rel="next"'
    if fmt == "csv":
        if page.next:
            headers["X-Next-Cursor"] = page.next
        return Response("".join(csv_lines(iter(page.items))), media_type="text/csv; charset=utf-8", headers=headers)
    return JSONResponse(jsonable({"items": page.items, "next": page.next, **extra}), headers=headers)


def jsonable(value):
    return json.loads(json.dumps(value, default=str))


# --- read endpoints --------------------------------------------------------------------------------


@router.get("/stats", summary="What the store holds")
def stats(conn: Conn) -> dict:
    return queries.stats(conn)


@router.get("/articles", summary="Articles, most recently stored first")
def articles(request: Request, conn: Conn, cursor: Cursor = None, limit: Limit = 50, format: Format = "json"):
    return paged(request, data.article_page(conn, cursor, limit), format)


@router.get("/articles/{article_id}", summary="One article: text, quotes with spans, terms, times, entities")
def article(article_id: str, conn: Conn) -> dict:
    return data.article_detail(conn, article_id)


@router.get("/quotes", summary="Quotes, with the filters of `onrecord quotes`")
def quotes(request: Request, conn: Conn, filters: Filters, cursor: Cursor = None, limit: Limit = 50,
           format: Format = "json"):
    return paged(request, data.quote_page(conn, filters, cursor, limit), format)


@router.get("/search", summary="Full-text search over quotations, with facets")
def search(request: Request, conn: Conn, filters: Filters, q: Annotated[str, Query(min_length=1)],
           cursor: Cursor = None, limit: Limit = 50, format: Format = "json"):
    filters["search"] = q
    page = data.quote_page(conn, filters, cursor, limit)
    extra = {} if format == "csv" else {"facets": data.facets(conn, filters)}
    return paged(request, page, format, **extra)


@router.get("/entities", summary="Entities with their quotes, mentions and articles, largest first")
def entities(request: Request, conn: Conn, type: str | None = None, sort: Literal["quotes", "mentions"] = "quotes",
             cursor: Cursor = None, limit: Limit = 100, format: Format = "json"):
    return paged(request, data.entity_list(conn, type, sort, cursor, limit), format)


@router.get("/entities/{ref}", summary="One entity (id or name): aliases, descriptors, quotes by and about")
def entity(ref: str, conn: Conn) -> dict:
    return jsonable(data.entity_detail(conn, ref))


@router.get("/timeline", summary="Dated statements in date order")
def timeline(request: Request, conn: Conn, entity: str | None = None, since: str | None = None,
             until: str | None = None, cursor: Cursor = None, limit: Limit = 100, format: Format = "json"):
    return paged(request, data.timeline_page(conn, entity, since, until, cursor, limit), format)


@router.get("/network", summary="Who spoke to whom and about whom")
def network(conn: Conn) -> dict:
    return data.network(conn)


@router.get("/export/{table}", summary="Stream a whole table (quotes, entities, articles) as JSON Lines or CSV")
def export(request: Request, table: Literal["quotes", "entities", "articles"],
           format: Literal["jsonl", "csv"] = "jsonl") -> StreamingResponse:
    engine = request.app.state.engine

    def rows() -> Iterator[str]:
        with engine.connect() as read, engine.connect() as lists:
            found = exporting.rows_of(table, read, lists)
            if format == "csv":
                yield from csv_lines(found)
            else:
                yield from (json.dumps(r, ensure_ascii=False, default=str) + "\n" for r in found)

    media = "text/csv; charset=utf-8" if format == "csv" else "application/x-ndjson"
    disposition = f'attachment; filename="{table}.{format}"'
    return StreamingResponse(rows(), media_type=media, headers={"Content-Disposition": disposition})


# --- uploads (only when a token is configured) ---------------------------------------------------------


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    expected = request.app.state.token
    given = (authorization or "").removeprefix("Bearer ").strip()
    if not expected or not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise HTTPException(401, "a valid token is required", headers={"WWW-Authenticate": "Bearer"})


Token = Depends(require_token)


@upload_router.post("/records", status_code=201, dependencies=[Token], summary="Store a record (onrecord/1 JSON)")
def post_record(request: Request, record: Annotated[dict, Body()], replace: bool = False) -> dict:
    try:
        parsed = Record.model_validate(record)
    except ValidationError as err:
        raise HTTPException(422, f"not an onrecord record: {err.error_count()} problem(s)") from None
    status = store_record(request.app.state.engine, parsed, replace=replace)
    return {"status": status, "id": parsed.article.id}


@upload_router.post("/ingest", status_code=201, dependencies=[Token], summary="Run the pipeline on an uploaded file")
def post_ingest(request: Request, file: Annotated[UploadFile, File()], replace: bool = False) -> dict:
    import onrecord

    content = file.file.read(MAX_UPLOAD + 1)
    if len(content) > MAX_UPLOAD:
        raise HTTPException(413, f"too large (the limit is {MAX_UPLOAD:,} bytes)")
    suffix = Path(file.filename or "upload.txt").suffix or ".txt"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"upload{suffix}"
        path.write_bytes(content)
        try:
            record = onrecord.extract(path)
        except OnrecordError as err:
            raise HTTPException(422, str(err)) from None
    record.article.source = file.filename or "upload"
    status = store_record(request.app.state.engine, record, replace=replace)
    return {"status": status, "id": record.article.id, "quotes": len(record.quotes)}
