"""Questions to the store, as plain dicts: who said what, to whom, about whom, when, and where.

Everything that can be large is a generator that streams from the database, so a caller can print
or export any number of rows in flat memory. Names are looked up as the user types them (full name,
alias or an unambiguous surname); ``#12`` means the entity with id 12.
"""

from __future__ import annotations

import calendar
import json
import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Connection, and_, column, distinct, func, literal_column, or_, select, table, text
from sqlalchemy.orm import aliased

from ..ingest.article import iso_date
from . import entities as ents
from .engine import fts_query
from .schema import aliases, article_entities, articles, current_version, entities, quote_about, quotes, terms, times


def period_day(value: str | None, end: bool = False) -> str | None:
    """YYYY, YYYY-MM or a date as a day, for date filters: the period's first day, or with ``end``
    its last. Raises ValueError on anything else."""
    if not value:
        return None
    if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?", value.strip()):
        year, month = int(m[1]), int(m[2] or (12 if end else 1))
        if not 1 <= month <= 12:
            raise ValueError(f"no month {month}")
        return f"{year:04d}-{month:02d}-{calendar.monthrange(year, month)[1] if end else 1:02d}"
    try:
        return iso_date(value)
    except OverflowError:
        raise ValueError(f"not a date: {value!r}") from None

QUOTES_FTS = table("quotes_fts", column("rowid"))
speaker_e = aliased(entities, name="speaker_e")
addressee_e = aliased(entities, name="addressee_e")
BATCH = 1000


class NotFound(LookupError):
    """A name that matches no entity, or more than one where one is needed."""


def _candidates(conn: Connection, name: str) -> tuple[list[int], list[int]]:
    if name.startswith("#") and name[1:].isdigit():
        return conn.execute(select(entities.c.id).where(entities.c.id == int(name[1:]))).scalars().all(), []
    return ents.find(conn, name)


def resolve(conn: Connection, name: str) -> list[int]:
    """Every entity NAME may mean (a surname means each person it was seen for); NotFound if none."""
    named, by_surname = _candidates(conn, name)
    if not named and not by_surname:
        raise NotFound(f"no entity named {name!r}")
    return named + by_surname


def resolve_one(conn: Connection, name: str) -> int:
    """The one entity NAME means: its full name or alias first, else a surname seen for one person."""
    named, by_surname = _candidates(conn, name)
    ids = named if len(named) == 1 else named + by_surname
    if not ids:
        raise NotFound(f"no entity named {name!r}")
    if len(ids) > 1:
        names = conn.execute(select(entities.c.id, entities.c.name).where(entities.c.id.in_(ids))).all()
        choices = ", ".join(f"{n} (#{i})" for i, n in names)
        raise NotFound(f"{name!r} is ambiguous: {choices}")
    return ids[0]


# --- quotes ----------------------------------------------------------------------------------------

QUOTE_COLUMNS = [
    quotes.c.id, articles.c.article_id.label("article"), quotes.c.local_id, quotes.c.kind, quotes.c.content,
    func.coalesce(speaker_e.c.name, quotes.c.speaker).label("speaker"), quotes.c.speaker.label("speaker_text"),
    quotes.c.speaker_id, func.coalesce(addressee_e.c.name, quotes.c.addressee).label("addressee"),
    quotes.c.addressee_id, quotes.c.cue, quotes.c.parent, quotes.c.said_on, quotes.c.on_date,
    articles.c.published, articles.c.url, articles.c.domain, articles.c.publisher, articles.c.title,
    articles.c.source, quotes.c.group_id,
]


def _quote_select(*columns):
    return (
        select(*columns)
        .select_from(quotes)
        .join(articles, articles.c.id == quotes.c.article_id)
        .outerjoin(speaker_e, speaker_e.c.id == quotes.c.speaker_id)
        .outerjoin(addressee_e, addressee_e.c.id == quotes.c.addressee_id)
    )


def quote_filters(
    conn: Connection,
    *,
    speaker: str | None = None,
    to: str | None = None,
    about: str | None = None,
    since: str | None = None,
    until: str | None = None,
    search: str | None = None,
    kind: str | None = None,
    source: str | None = None,
) -> list:
    """SQL conditions on ``quotes`` (joined with ``articles``) for the ``onrecord quotes`` options."""
    where = []
    if speaker:
        where.append(quotes.c.speaker_id.in_(resolve(conn, speaker)))
    if to:
        where.append(quotes.c.addressee_id.in_(resolve(conn, to)))
    if about:
        where.append(quotes.c.id.in_(_about(resolve(conn, about))))
    if since:
        where.append(quotes.c.on_date >= since)
    if until:
        where.append(quotes.c.on_date <= until)
    if kind:
        where.append(quotes.c.kind == kind)
    if source:
        domain = source.lower().removeprefix("www.")
        where.append(or_(articles.c.domain == domain, articles.c.domain.like(f"%.{domain}")))
    if search:
        where.append(_matches(conn, search))
    return where


def _about(ids: list[int]):
    """Quotes mentioning any of ``ids``, as a subquery driven by quote_about's (entity, quote) key."""
    return select(quote_about.c.quote_id).where(quote_about.c.entity_id.in_(ids))


def _searched(conn: Connection, query, words: str, narrow: bool):
    """Full-text search, newest first. On SQLite, a query narrowed to some entities checks each of
    their quotes against the index; an open one walks the index's matches, which come newest first."""
    if conn.dialect.name == "sqlite" and narrow:
        match = text("EXISTS (SELECT 1 FROM quotes_fts WHERE quotes_fts MATCH :fts AND quotes_fts.rowid = quotes.id)")
        return query.where(match.bindparams(fts=fts_query(words))).order_by(quotes.c.id.desc())
    if conn.dialect.name == "sqlite":
        query = query.join(QUOTES_FTS, QUOTES_FTS.c.rowid == quotes.c.id).where(
            text("quotes_fts MATCH :fts").bindparams(fts=fts_query(words)))
        return query.order_by(QUOTES_FTS.c.rowid.desc())
    return query.where(_matches(conn, words)).order_by(quotes.c.id.desc())


def _matches(conn: Connection, words: str):
    if conn.dialect.name == "sqlite":
        hits = text("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :q").bindparams(q=fts_query(words))
        return quotes.c.id.in_(hits.columns(literal_column("rowid")))
    return literal_column("quotes.content_tsv").op("@@")(func.websearch_to_tsquery("english", words))


def find_quotes(conn: Connection, *, limit: int | None = None, **filters) -> Iterator[dict]:
    """Quotes matching ``filters`` (see ``quote_filters``), oldest first, streamed.

    With ``search``, the newest stored quotes come first: the full-text index yields them in that
    order, so the first page costs the same however many quotes match.
    Each row carries ``reports``: how many stored quotes (this one included) carry the statement.
    """
    search = filters.pop("search", None)
    query = _quote_select(*QUOTE_COLUMNS).where(*quote_filters(conn, **filters))
    if search:
        narrow = any(filters.get(k) for k in ("speaker", "to", "about"))
        query = _searched(conn, query, search, narrow)
    else:
        query = query.order_by(quotes.c.on_date.asc().nulls_last(), quotes.c.id)
    for row in _stream(conn, query.limit(limit)):
        row["reports"] = _reports(conn, row["group_id"])
        row["where"] = row["domain"] or row["publisher"] or row["source"]
        yield row


def _reports(conn: Connection, group_id: int | None) -> int:
    if group_id is None:
        return 1
    return conn.execute(select(func.count()).where(quotes.c.group_id == group_id)).scalar_one()


def quote_groups(conn: Connection, *, limit: int | None = None, **filters) -> Iterator[dict]:
    """One row per statement among the matching quotes: where and when it was first reported, and by
    how many articles (``reports``), with every report's domain and date in ``reported``."""
    matching = select(quotes.c.group_id).join(articles, articles.c.id == quotes.c.article_id)
    matching = matching.where(*quote_filters(conn, **filters)).group_by(quotes.c.group_id)
    query = matching.order_by(func.min(quotes.c.on_date).asc().nulls_last(), quotes.c.group_id).limit(limit)
    for (group_id,) in conn.execute(query.execution_options(yield_per=BATCH)):
        members = list(corroboration(conn, group_id))
        first = members[0]
        first["reports"] = len(members)
        first["first_reported"] = first["published"]
        first["where"] = first["domain"] or first["publisher"] or first["source"]
        first["reported"] = [{"domain": m["domain"], "url": m["url"], "published": m["published"]} for m in members]
        yield first


def corroboration(conn: Connection, group_id: int) -> Iterator[dict]:
    """The quotes carrying one statement, first reported first."""
    query = _quote_select(*QUOTE_COLUMNS).where(quotes.c.group_id == group_id)
    published = func.coalesce(articles.c.published, "9999")
    yield from _stream(conn, query.order_by(published, quotes.c.id))


def carried_by(conn: Connection, quote_id: int) -> list[dict]:
    """The other quotes that carry the same statement as quote ``quote_id``."""
    group = conn.execute(select(quotes.c.group_id).where(quotes.c.id == quote_id)).scalar()
    if group is None:
        return []
    return [q for q in corroboration(conn, group) if q["id"] != quote_id]


# --- entities --------------------------------------------------------------------------------------


def list_entities(conn: Connection, *, type: str | None = None, sort: str = "quotes",
                  limit: int | None = None) -> Iterator[dict]:
    """Entities with their counts of quotes (as speaker), mentions and articles, largest first."""
    said = select(quotes.c.speaker_id.label("id"), func.count().label("n")).group_by(quotes.c.speaker_id).subquery()
    seen = (select(article_entities.c.entity_id.label("id"), func.sum(article_entities.c.mention_count).label("m"),
                   func.count(distinct(article_entities.c.article_id)).label("a"))
            .group_by(article_entities.c.entity_id).subquery())
    quotes_n = func.coalesce(said.c.n, 0).label("quotes")
    mentions_n = func.coalesce(seen.c.m, 0).label("mentions")
    query = (select(entities.c.id, entities.c.name, entities.c.type, quotes_n, mentions_n,
                    func.coalesce(seen.c.a, 0).label("articles"))
             .select_from(entities).join(seen, seen.c.id == entities.c.id).outerjoin(said, said.c.id == entities.c.id))
    if type:
        query = query.where(entities.c.type == type.upper())
    order = [quotes_n.desc(), mentions_n.desc()] if sort == "quotes" else [mentions_n.desc(), quotes_n.desc()]
    yield from _stream(conn, query.order_by(*order, entities.c.name).limit(limit))


def entity_page(conn: Connection, name: str) -> dict:
    """Everything the store knows of one entity: aliases, descriptors, who they spoke to, who spoke
    about them, and their quotes per month."""
    entity_id = resolve_one(conn, name)
    row = conn.execute(select(entities).where(entities.c.id == entity_id)).mappings().one()
    page = dict(row)
    # Every form the articles use ("Dr. Ruth Dahl") as well as the aliases that join articles.
    forms = set(conn.execute(select(aliases.c.name).where(aliases.c.entity_id == entity_id)).scalars())
    forms |= set(conn.execute(select(article_entities.c.name).where(
        article_entities.c.entity_id == entity_id).distinct().limit(200)).scalars())
    page["aliases"] = sorted(forms - {row["name"]})
    page["descriptors"] = _descriptors(conn, entity_id)
    page["quotes"] = conn.execute(select(func.count()).where(quotes.c.speaker_id == entity_id)).scalar_one()
    page["articles"] = conn.execute(select(func.count(distinct(article_entities.c.article_id))).where(
        article_entities.c.entity_id == entity_id)).scalar_one()
    page["spoke_to"] = _counted(conn, quotes.c.addressee_id, quotes.c.speaker_id == entity_id)
    page["spoken_about_by"] = _counted(conn, quotes.c.speaker_id, and_(
        quotes.c.id.in_(_about([entity_id])), quotes.c.speaker_id != entity_id))
    month = func.substr(quotes.c.on_date, 1, 7)
    page["quotes_per_month"] = [{"month": m, "quotes": n} for m, n in conn.execute(
        select(month, func.count()).where(quotes.c.speaker_id == entity_id, quotes.c.on_date.is_not(None))
        .group_by(month).order_by(month))]
    return page


def _descriptors(conn: Connection, entity_id: int, top: int = 20) -> list[str]:
    counts: dict[str, int] = {}
    rows = conn.execute(select(article_entities.c.descriptors).where(
        article_entities.c.entity_id == entity_id, article_entities.c.descriptors != "[]").limit(5000))
    for (value,) in rows:
        for descriptor in json.loads(value or "[]"):
            counts[descriptor] = counts.get(descriptor, 0) + 1
    return sorted(counts, key=lambda d: (-counts[d], d))[:top]


def _counted(conn: Connection, column, condition, top: int = 20) -> list[dict]:
    n = func.count().label("quotes")
    query = (select(entities.c.id, entities.c.name, n).select_from(quotes).join(entities, entities.c.id == column)
             .where(condition).group_by(entities.c.id, entities.c.name).order_by(n.desc(), entities.c.name).limit(top))
    return [dict(r) for r in conn.execute(query).mappings()]


# --- timeline and stats ---------------------------------------------------------------------------------


def timeline_rows(conn: Connection, entity: str | None = None) -> Iterator[dict]:
    """Dated quotes in date order; with ``entity``, those it said, was told, or was spoken about in."""
    query = _quote_select(*QUOTE_COLUMNS).where(quotes.c.on_date.is_not(None))
    if entity:
        ids = resolve(conn, entity)
        query = query.where(or_(quotes.c.speaker_id.in_(ids), quotes.c.addressee_id.in_(ids),
                                quotes.c.id.in_(_about(ids))))
    for row in _stream(conn, query.order_by(quotes.c.on_date, quotes.c.id)):
        row["where"] = row["domain"] or row["publisher"] or row["source"]
        yield row


def stats(conn: Connection) -> dict[str, Any]:
    def count(table, *where):
        return conn.execute(select(func.count()).select_from(table).where(*where)).scalar_one()

    groups = select(quotes.c.group_id).group_by(quotes.c.group_id).having(func.count() > 1).subquery()
    first, last = conn.execute(select(func.min(quotes.c.on_date), func.max(quotes.c.on_date))).one()
    return {
        "backend": conn.dialect.name,
        "schema_version": current_version(conn),
        "articles": count(articles),
        "quotes": count(quotes),
        "quotes_with_speaker": count(quotes, quotes.c.speaker_id.is_not(None)),
        "corroborated_statements": count(groups),
        "entities": count(entities),
        "people": count(entities, entities.c.type == "PERSON"),
        "terms": count(terms),
        "times": count(times),
        "first_quote": first,
        "last_quote": last,
        "sources": count(select(articles.c.domain).where(articles.c.domain.is_not(None)).distinct().subquery()),
    }


def _stream(conn: Connection, query) -> Iterator[dict]:
    # yield_per streams (a server-side cursor on PostgreSQL) instead of fetching every row first.
    for row in conn.execute(query.execution_options(yield_per=BATCH)).mappings():
        yield dict(row)
