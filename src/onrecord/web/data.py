"""What the web app asks of the store: pages of quotes, articles, entities and timeline rows with
keyset cursors, one article with everything its view needs, search facets, and the network.

A cursor is an opaque, URL-safe token naming the last row of a page; the next page starts after it,
so paging stays correct and cheap while the store grows.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, or_, select

from ..store import queries
from ..store.queries import QUOTE_COLUMNS, _about, _quote_select, quote_filters, resolve
from ..store.schema import article_entities, articles, entities, quote_about, quotes, terms, times

MAX_LIMIT = 500
KINDS = ("direct", "indirect", "mixed", "partial", "block")
QUOTE_FILTERS = ("speaker", "to", "about", "since", "until", "search", "kind", "source")


class BadRequest(ValueError):
    """A parameter the user gave that cannot be used (a bad date, cursor or kind)."""


@dataclass
class Page:
    items: list[dict]
    next: str | None


# --- parameters ------------------------------------------------------------------------------------


def day(value: str | None, end: bool = False) -> str | None:
    """A date filter as a day (see ``queries.period_day``); a bad one is the client's error."""
    try:
        return queries.period_day(value, end)
    except ValueError:
        raise BadRequest(f"not a date: {value!r} (use YYYY-MM-DD, YYYY-MM or YYYY)") from None


def clean_filters(raw: dict) -> dict:
    """The CLI's quote filters from request parameters: empty ones dropped, dates made days."""
    filters = {k: (raw.get(k) or "").strip() or None for k in QUOTE_FILTERS}
    if month := (raw.get("month") or "").strip():
        filters["since"], filters["until"] = day(month), day(month, end=True)
    filters["since"], filters["until"] = day(filters["since"]), day(filters["until"], end=True)
    if filters["kind"] and filters["kind"] not in KINDS:
        raise BadRequest(f"unknown kind {filters['kind']!r} (use {', '.join(KINDS)})")
    return filters


def encode_cursor(*key) -> str:
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def decode_cursor(cursor: str | None, size: int) -> list | None:
    if not cursor:
        return None
    try:
        key = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
    except (binascii.Error, ValueError):
        raise BadRequest("invalid cursor") from None
    if not isinstance(key, list) or len(key) != size:
        raise BadRequest("invalid cursor")
    return key


def _limit(limit: int) -> int:
    return max(1, min(int(limit), MAX_LIMIT))


# --- quotes ----------------------------------------------------------------------------------------

REPORTS = select(quotes.c.group_id, func.count().label("reports")).group_by(quotes.c.group_id).subquery()


def _quotes_query(where: list):
    query = _quote_select(*QUOTE_COLUMNS, func.coalesce(REPORTS.c.reports, 1).label("reports"))
    return query.outerjoin(REPORTS, REPORTS.c.group_id == quotes.c.group_id).where(*where)


def _by_date(query, after: list | None):
    """Oldest first (undated last), then by id; ``after`` is the (on_date, id) of the last row seen."""
    if after:
        on, qid = after
        if on is None:
            query = query.where(quotes.c.on_date.is_(None), quotes.c.id > qid)
        else:
            query = query.where(or_(quotes.c.on_date > on, and_(quotes.c.on_date == on, quotes.c.id > qid),
                                    quotes.c.on_date.is_(None)))
    return query.order_by(quotes.c.on_date.asc().nulls_last(), quotes.c.id)


def _page(conn: Connection, query, limit: int, key) -> Page:
    rows = [dict(r) for r in conn.execute(query.limit(limit + 1)).mappings()]
    for row in rows:
        row["where"] = row.get("domain") or row.get("publisher") or row.get("source")
    more = len(rows) > limit
    rows = rows[:limit]
    return Page(rows, encode_cursor(*key(rows[-1])) if more else None)


def quote_page(conn: Connection, filters: dict, cursor: str | None = None, limit: int = 50) -> Page:
    """Quotes matching the CLI's filters. With ``search``, newest stored first; otherwise by date."""
    limit = _limit(limit)
    query = _quotes_query(quote_filters(conn, **filters))
    if filters.get("search"):
        after = decode_cursor(cursor, 1)
        if after:
            query = query.where(quotes.c.id < after[0])
        return _page(conn, query.order_by(quotes.c.id.desc()), limit, lambda r: (r["id"],))
    return _page(conn, _by_date(query, decode_cursor(cursor, 2)), limit, lambda r: (r["on_date"], r["id"]))


def timeline_page(conn: Connection, entity: str | None, since: str | None, until: str | None,
                  cursor: str | None = None, limit: int = 100) -> Page:
    """Dated quotes in date order; with ``entity``, those it said, was told, or was spoken about in."""
    where = [quotes.c.on_date.is_not(None)]
    if entity:
        ids = resolve(conn, entity)
        where.append(or_(quotes.c.speaker_id.in_(ids), quotes.c.addressee_id.in_(ids), quotes.c.id.in_(_about(ids))))
    if since := day(since):
        where.append(quotes.c.on_date >= since)
    if until := day(until, end=True):
        where.append(quotes.c.on_date <= until)
    query = _by_date(_quotes_query(where), decode_cursor(cursor, 2))
    return _page(conn, query, _limit(limit), lambda r: (r["on_date"], r["id"]))


def facets(conn: Connection, filters: dict, top: int = 12) -> dict[str, list[dict]]:
    """Counts of the matching quotes per speaker, kind, month and source."""
    where = quote_filters(conn, **filters)
    speaker = queries.speaker_e.c.name
    month = func.substr(quotes.c.on_date, 1, 7)
    out = {}
    for name, column, extra in (("speaker", speaker, [speaker.is_not(None)]), ("kind", quotes.c.kind, []),
                                ("month", month, [quotes.c.on_date.is_not(None)]),
                                ("source", articles.c.domain, [articles.c.domain.is_not(None)])):
        n = func.count().label("n")
        query = _quote_select(column.label("value"), n).where(*where, *extra).group_by(column)
        order = [column.desc()] if name == "month" else [n.desc(), column]
        out[name] = [dict(r) for r in conn.execute(query.order_by(*order).limit(top)).mappings()]
    return out


# --- articles --------------------------------------------------------------------------------------

ARTICLE_COLUMNS = [articles.c.id.label("pk"), articles.c.article_id.label("id"), articles.c.title, articles.c.url,
                   articles.c.domain, articles.c.source, articles.c.publisher, articles.c.published,
                   articles.c.byline, articles.c.language]


def _article_row(row) -> dict:
    row = dict(row)
    row["byline"] = json.loads(row.get("byline") or "[]")
    return row


def article_page(conn: Connection, cursor: str | None = None, limit: int = 50) -> Page:
    """Articles, most recently stored first."""
    query = select(*ARTICLE_COLUMNS,
                   select(func.count()).where(quotes.c.article_id == articles.c.id).scalar_subquery().label("quotes"))
    if after := decode_cursor(cursor, 1):
        query = query.where(articles.c.id < after[0])
    limit = _limit(limit)
    rows = [_article_row(r) for r in conn.execute(query.order_by(articles.c.id.desc()).limit(limit + 1)).mappings()]
    more = len(rows) > limit
    rows = rows[:limit]
    nxt = encode_cursor(rows[-1]["pk"]) if more else None
    for row in rows:
        del row["pk"]
    return Page(rows, nxt)


def _spans(value: str | None) -> list[list[int]]:
    return json.loads(value) if value else []


def article_detail(conn: Connection, article_id: str) -> dict:
    """One article with its text, quotes (with spans and resolved parties), terms, times and entities."""
    row = conn.execute(select(*ARTICLE_COLUMNS, articles.c.text).where(articles.c.article_id == article_id)).mappings()
    row = row.first()
    if row is None:
        raise queries.NotFound(f"no article {article_id!r}")
    article = _article_row(row)
    pk = article.pop("pk")
    return {"article": article, "entities": _article_entities(conn, pk), "quotes": _article_quotes(conn, pk),
            "terms": _located(conn, terms, pk, "kind"), "times": _located(conn, times, pk, "type", "value")}


def _article_entities(conn: Connection, pk: int) -> list[dict]:
    query = (select(article_entities.c.local_id, article_entities.c.entity_id, entities.c.name, article_entities.c.type,
                    article_entities.c.name.label("name_here"), article_entities.c.aliases,
                    article_entities.c.descriptors, article_entities.c.mentions)
             .join(entities, entities.c.id == article_entities.c.entity_id)
             .where(article_entities.c.article_id == pk))
    out = []
    for r in conn.execute(query).mappings():
        r = dict(r)
        r["aliases"], r["descriptors"] = json.loads(r["aliases"] or "[]"), json.loads(r["descriptors"] or "[]")
        r["mentions"] = _spans(r["mentions"])
        out.append(r)
    return sorted(out, key=lambda e: (e["mentions"][0][0] if e["mentions"] else 1 << 60, e["local_id"]))


def _article_quotes(conn: Connection, pk: int) -> list[dict]:
    speaker, addressee = queries.speaker_e, queries.addressee_e
    query = (select(quotes.c.id, quotes.c.local_id, quotes.c.kind, quotes.c.content, quotes.c.content_spans,
                    quotes.c.cue, quotes.c.cue_spans, quotes.c.speaker.label("speaker_text"), quotes.c.speaker_spans,
                    quotes.c.speaker_id, speaker.c.name.label("speaker"), quotes.c.addressee.label("addressee_text"),
                    quotes.c.addressee_spans, quotes.c.addressee_id, addressee.c.name.label("addressee"),
                    quotes.c.parent, quotes.c.said_on, quotes.c.on_date)
             .outerjoin(speaker, speaker.c.id == quotes.c.speaker_id)
             .outerjoin(addressee, addressee.c.id == quotes.c.addressee_id)
             .where(quotes.c.article_id == pk).order_by(quotes.c.id))
    out = []
    for r in conn.execute(query).mappings():
        r = dict(r)
        for key in ("content_spans", "cue_spans", "speaker_spans", "addressee_spans"):
            r[key] = _spans(r[key])
        out.append(r)
    return out


def _located(conn: Connection, table, pk: int, *fields: str) -> list[dict]:
    columns = [table.c.text, table.c.spans, *(table.c[f] for f in fields)]
    rows = [dict(r) for r in conn.execute(select(*columns).where(table.c.article_id == pk)).mappings()]
    for row in rows:
        row["spans"] = _spans(row["spans"])
    return rows


# --- entities and the network ----------------------------------------------------------------------


def entity_list(conn: Connection, type: str | None, sort: str, cursor: str | None, limit: int = 100) -> Page:
    """Entities, largest first; ordered by counts, so the cursor is a position."""
    start = (decode_cursor(cursor, 1) or [0])[0]
    if not isinstance(start, int) or start < 0:
        raise BadRequest("invalid cursor")
    limit = _limit(limit)
    rows = list(queries.list_entities(conn, type=type, sort=sort, limit=start + limit + 1))[start:]
    more = len(rows) > limit
    return Page(rows[:limit], encode_cursor(start + limit) if more else None)


def entity_ref(ref: str) -> str:
    """A path parameter as a name for ``resolve``: digits are an entity id."""
    return f"#{ref}" if ref.isdigit() else ref


def entity_detail(conn: Connection, ref: str, limit: int = 50) -> dict:
    page = queries.entity_page(conn, entity_ref(ref))
    me = f"#{page['id']}"
    page["quotes_by"] = quote_page(conn, clean_filters({"speaker": me}), limit=limit).items
    page["quotes_about"] = quote_page(conn, clean_filters({"about": me}), limit=limit).items
    return page


def network(conn: Connection, top: int = 150) -> dict:
    """Who spoke to whom and about whom: weighted edges between entities, strongest first."""
    to = (select(quotes.c.speaker_id.label("source"), quotes.c.addressee_id.label("target"), func.count().label("n"))
          .where(quotes.c.speaker_id.is_not(None), quotes.c.addressee_id.is_not(None),
                 quotes.c.speaker_id != quotes.c.addressee_id)
          .group_by(quotes.c.speaker_id, quotes.c.addressee_id))
    about = (select(quotes.c.speaker_id.label("source"), quote_about.c.entity_id.label("target"),
                    func.count().label("n"))
             .join(quote_about, quote_about.c.quote_id == quotes.c.id)
             .where(quotes.c.speaker_id.is_not(None), quotes.c.speaker_id != quote_about.c.entity_id)
             .group_by(quotes.c.speaker_id, quote_about.c.entity_id))
    edges = [{**dict(r), "kind": kind} for kind, query in (("to", to), ("about", about))
             for r in conn.execute(query.order_by(func.count().desc()).limit(top)).mappings()]
    ids = {e["source"] for e in edges} | {e["target"] for e in edges}
    nodes = [dict(r) for r in conn.execute(
        select(entities.c.id, entities.c.name, entities.c.type).where(entities.c.id.in_(ids))).mappings()]
    return {"nodes": nodes, "edges": edges}

