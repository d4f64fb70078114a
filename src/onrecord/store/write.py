"""Writing records: one article per transaction, idempotent, and the ``ingest`` driver.

An article is known by its normalised-text hash, its URL and its record id: storing one that is
already there skips it (or, with ``update``, replaces it), so a run killed at any moment leaves only
whole articles and running it again stores just the ones still missing.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

from rapidfuzz import fuzz, process, utils
from sqlalchemy import Connection, Engine, bindparam, delete, func, insert, or_, select, update

from .. import ingest as readers
from .. import pipeline
from ..config import Settings
from ..errors import Failure
from ..record import Article, Quote, Record, text_id
from . import entities as ents
from .schema import ARTICLE_CHILDREN, article_entities, articles, quote_about, quotes, terms, times

# Corroboration: quotes of one speaker, said within WINDOW_DAYS of each other, whose normalised texts
# score at least SIMILARITY (rapidfuzz ratio) and hold the same figures, carry the same statement;
# quotes shorter than MIN_CHARS ("No.") are too common to link.
SIMILARITY = 90
MIN_CHARS = 12
WINDOW_DAYS = 45
MAX_CANDIDATES = 200


@dataclass(frozen=True)
class Skipped(Failure):
    """An article the store already holds; it passes through the pipeline untouched."""


@dataclass(frozen=True)
class Outcome:
    source: str
    status: str  # stored | replaced | skipped | failed
    reason: str = ""
    quotes: int = 0


# --- one record ----------------------------------------------------------------------------------


def find_article(conn: Connection, article: Article) -> int | None:
    """The stored article with the same text hash, URL or record id."""
    match = [articles.c.text_hash == text_id(article.text), articles.c.article_id == article.id]
    if article.url:
        match.append(articles.c.url == article.url)
    return conn.execute(select(articles.c.id).where(or_(*match)).limit(1)).scalar()


def store_record(engine: Engine, record: Record, *, replace: bool = False) -> str:
    """Store ``record`` in one transaction; returns "stored", "replaced" or "skipped"."""
    with engine.begin() as conn:
        existing = find_article(conn, record.article)
        if existing is not None and not replace:
            return "skipped"
        if existing is not None:
            delete_article(conn, existing)
        write_record(conn, record)
        return "replaced" if existing is not None else "stored"


def write_record(conn: Connection, record: Record) -> int:
    article_pk = _insert_article(conn, record.article)
    resolved = ents.resolve_record(conn, record)
    if record.entities:
        conn.execute(insert(article_entities), [_entity_row(article_pk, e, resolved) for e in record.entities])
    if record.terms:
        conn.execute(insert(terms), [
            {"article_id": article_pk, "text": t.text, "spans": _json(t.spans), "kind": t.kind} for t in record.terms])
    if record.times:
        conn.execute(insert(times), [
            {"article_id": article_pk, "text": t.text, "spans": _json(t.spans), "type": t.type, "value": t.value}
            for t in record.times])
    if record.quotes:
        _write_quotes(conn, article_pk, record, resolved)
    return article_pk


def _insert_article(conn: Connection, article: Article) -> int:
    row = {
        "article_id": article.id, "text_hash": text_id(article.text), "url": article.url,
        "domain": domain_of(article.url), "source": article.source, "title": article.title,
        "byline": _json(article.byline), "publisher": article.publisher, "published": article.published,
        "language": article.language, "text": article.text,
        "stored_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }
    return conn.execute(insert(articles).values(row)).inserted_primary_key[0]


def _entity_row(article_pk: int, entity, resolved) -> dict:
    entity_id, key = resolved[entity.id]
    return {
        "article_id": article_pk, "local_id": entity.id, "entity_id": entity_id, "key": key, "name": entity.name,
        "type": entity.type, "aliases": _json(entity.aliases), "descriptors": _json(entity.descriptors),
        "mentions": _json(entity.mentions), "mention_count": len(entity.mentions),
    }


def _write_quotes(conn: Connection, article_pk: int, record: Record, resolved) -> None:
    published = record.article.published
    rows = [_quote_row(article_pk, q, resolved, published) for q in record.quotes]
    ids = conn.execute(insert(quotes).returning(quotes.c.id, sort_by_parameter_order=True), rows).scalars().all()
    about = [
        {"quote_id": qid, "entity_id": resolved[e.id][0], "entity_local": e.id}
        for qid, quote in zip(ids, record.quotes, strict=True)
        for e in _mentioned(record, quote)
    ]
    # Two article entities may be one store entity: keep one row per (entity, quote).
    about = list({(r["entity_id"], r["quote_id"]): r for r in about}.values())
    if about:
        conn.execute(insert(quote_about), about)
    groups = _assign_groups(conn, ids, rows, article_pk)
    conn.execute(update(quotes).where(quotes.c.id == bindparam("qid")).values(group_id=bindparam("gid")), groups)


def _quote_row(article_pk: int, quote: Quote, resolved, published: str | None) -> dict:
    def party(role):
        if role is None:
            return None, None, None, None
        entity_id = resolved[role.entity][0] if role.entity in resolved else None
        return role.text, _json(role.spans), role.entity, entity_id

    speaker, speaker_spans, speaker_local, speaker_id = party(quote.speaker)
    addressee, addressee_spans, addressee_local, addressee_id = party(quote.addressee)
    return {
        "article_id": article_pk, "local_id": quote.id, "kind": quote.kind,
        "content": quote.content.text, "content_spans": _json(quote.content.spans),
        "cue": quote.cue.text if quote.cue else None, "cue_spans": _json(quote.cue.spans) if quote.cue else None,
        "speaker": speaker, "speaker_spans": speaker_spans, "speaker_local": speaker_local, "speaker_id": speaker_id,
        "addressee": addressee, "addressee_spans": addressee_spans, "addressee_local": addressee_local,
        "addressee_id": addressee_id, "parent": quote.parent, "said_on": quote.said_on,
        "on_date": on_date(quote.said_on, published), "content_key": content_key(quote.content.text),
        "content_len": len(normalise_quote(quote.content.text)),
    }


def _mentioned(record: Record, quote: Quote):
    spans = quote.content.spans
    for entity in record.entities:
        if any(s <= ms and me <= e for ms, me in entity.mentions for s, e in spans):
            yield entity


# --- corroboration --------------------------------------------------------------------------------


def normalise_quote(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join(re.sub(r"[^\w]+", " ", text).split())


def content_key(text: str) -> str:
    return hashlib.sha1(normalise_quote(text).encode("utf-8")).hexdigest()


def _assign_groups(conn: Connection, ids: list[int], rows: list[dict], article_pk: int) -> list[dict]:
    """Each new quote's corroboration group: that of the same speaker's same statement if one is stored,
    else its own. Two queries per article: exact matches, then fuzzy candidates."""
    groups = {qid: qid for qid in ids}
    todo = [(qid, row) for qid, row in zip(ids, rows, strict=True)
            if row["speaker_id"] is not None and row["content_len"] >= MIN_CHARS]
    if todo:
        others = (quotes.c.article_id != article_pk) & quotes.c.group_id.is_not(None)
        exact = dict(((s, k), g) for s, k, g in conn.execute(
            select(quotes.c.speaker_id, quotes.c.content_key, quotes.c.group_id).where(
                others, quotes.c.speaker_id.in_({r["speaker_id"] for _, r in todo}),
                quotes.c.content_key.in_({r["content_key"] for _, r in todo}))))
        rest = []
        for qid, row in todo:
            group = exact.get((row["speaker_id"], row["content_key"]))
            if group is not None:
                groups[qid] = group
            else:
                rest.append((qid, row))
        if rest:
            _fuzzy_groups(conn, rest, others, groups)
    return [{"qid": qid, "gid": gid} for qid, gid in groups.items()]


def _fuzzy_groups(conn: Connection, todo: list[tuple[int, dict]], others, groups: dict[int, int]) -> None:
    # fuzz.ratio >= 90 needs the shorter text to be at least 9/11 of the longer one.
    lengths = [r["content_len"] for _, r in todo]
    query = select(quotes.c.speaker_id, quotes.c.group_id, quotes.c.content, quotes.c.content_len,
                   quotes.c.on_date).where(
        others, quotes.c.speaker_id.in_({r["speaker_id"] for _, r in todo}),
        quotes.c.content_len.between(min(lengths) * 9 // 11, max(lengths) * 11 // 9 + 1))
    days = [r["on_date"] for _, r in todo]
    if all(days):
        window = timedelta(days=WINDOW_DAYS)
        query = query.where(quotes.c.on_date.between((date.fromisoformat(min(days)) - window).isoformat(),
                                                     (date.fromisoformat(max(days)) + window).isoformat()))
    candidates = conn.execute(query.order_by(quotes.c.id.desc()).limit(MAX_CANDIDATES * len(todo))).all()
    for qid, row in todo:
        mine = [c for c in candidates if c.speaker_id == row["speaker_id"] and _near(row, c)]
        groups[qid] = _best(normalise_quote(row["content"]), mine) or qid


def _near(row: dict, candidate) -> bool:
    length = row["content_len"]
    if not length * 9 // 11 <= candidate.content_len <= length * 11 // 9 + 1:
        return False
    if row["on_date"] and candidate.on_date:
        gap = abs((date.fromisoformat(row["on_date"]) - date.fromisoformat(candidate.on_date)).days)
        return gap <= WINDOW_DAYS
    return True


def _best(text: str, candidates: list) -> int | None:
    if not candidates:
        return None
    numbers = re.findall(r"\d+", text)
    close = process.extract(text, [c.content for c in candidates], scorer=fuzz.ratio,
                            processor=utils.default_process, score_cutoff=SIMILARITY, limit=10)
    for _, _, index in close:
        # Figures are what near-identical statements differ in ("by 2026", "by 2027"): they must agree.
        if re.findall(r"\d+", normalise_quote(candidates[index].content)) == numbers:
            return candidates[index].group_id
    return None


# --- replacing -------------------------------------------------------------------------------------


def delete_article(conn: Connection, article_pk: int) -> None:
    """Remove an article and everything recorded from it, handing its corroboration groups on."""
    own = select(quotes.c.id).where(quotes.c.article_id == article_pk)
    heads = conn.execute(select(quotes.c.group_id).where(
        quotes.c.article_id == article_pk, quotes.c.group_id == quotes.c.id)).scalars().all()
    for head in heads:
        rest = conn.execute(select(func.min(quotes.c.id)).where(
            quotes.c.group_id == head, quotes.c.article_id != article_pk)).scalar()
        if rest is not None:
            conn.execute(update(quotes).where(quotes.c.group_id == head).values(group_id=rest))
    conn.execute(delete(quote_about).where(quote_about.c.quote_id.in_(own)))
    conn.execute(delete(quotes).where(quotes.c.article_id == article_pk))
    for table in ARTICLE_CHILDREN:
        conn.execute(delete(table).where(table.c.article_id == article_pk))
    conn.execute(delete(articles).where(articles.c.id == article_pk))


# --- ingest ------------------------------------------------------------------------------------------


def ingest(
    engine: Engine,
    sources: Iterable[str | Path],
    settings: Settings | None = None,
    *,
    jobs: int = 1,
    replace: bool = False,
) -> Iterator[Outcome]:
    """Read, process and store every article in ``sources``, one Outcome per article, in input order.

    Articles already stored are skipped before the NLP pass, so a re-run costs little; a record that
    cannot be stored fails alone and the batch goes on.
    """
    settings = settings or Settings.from_env()
    items = readers.read(sources, settings)
    if not replace:
        items = _mark_stored(engine, items)
    for result in pipeline.run(items, settings, jobs=jobs):
        if isinstance(result, Skipped):
            yield Outcome(result.source, "skipped")
        elif isinstance(result, Failure):
            yield Outcome(result.source, "failed", result.reason)
        else:
            yield _store(engine, result, replace)


def _mark_stored(engine: Engine, items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    with engine.connect() as conn:
        for item in items:
            if isinstance(item, Article) and find_article(conn, item) is not None:
                item = Skipped(item.source, "already stored")
            conn.rollback()  # end the read transaction so a SQLite reader never pins old WAL pages
            yield item


def _store(engine: Engine, record: Record, replace: bool) -> Outcome:
    try:
        status = store_record(engine, record, replace=replace)
    except Exception as err:  # one record the store refuses fails alone
        return Outcome(record.article.source, "failed", f"could not be stored ({type(err).__name__}: {err})")
    return Outcome(record.article.source, status, quotes=len(record.quotes) if status != "skipped" else 0)


def count_articles(sources: Iterable[str | Path]) -> int | None:
    """How many articles ``sources`` hold, when that is cheap to tell (None for stdin and WARC)."""
    total = 0
    for source in sources:
        if str(source) == "-":
            return None
        path = Path(source)
        for file in readers.directory_files(path)[0] if path.is_dir() else [path]:
            kind = readers.format_of(file)
            if kind == "warc":
                return None
            total += _count_lines(file) if kind == "jsonl" else 1
    return total


def _count_lines(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as handle:
            return sum(1 for line in handle if line.strip())
    except OSError:
        return 1


# --- helpers -------------------------------------------------------------------------------------


def on_date(said_on: str | None, published: str | None) -> str | None:
    """The day a statement dates from, for date ranges: a said_on day or month, else publication."""
    for value in (said_on, published):
        if value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value[:10]):
            return value[:10]
        if value and re.fullmatch(r"\d{4}-\d{2}", value):
            return value + "-01"
    return None


def domain_of(url: str | None) -> str | None:
    if not url:
        return None
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.") or None


def _json(value) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)
