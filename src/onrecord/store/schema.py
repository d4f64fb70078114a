"""The store's tables: one SQLAlchemy Core definition for SQLite and PostgreSQL, and its migrations.

``MIGRATIONS`` is the ordered history of the schema. ``migrate`` applies the steps a store lacks, each
in its own transaction, and records them in ``schema_version``, so an old store file or database is
brought up to date in place and a new one is built by replaying the history from step 1.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    func,
    insert,
    select,
)

metadata = MetaData()

schema_version = Table(
    "schema_version", metadata,
    Column("version", Integer, primary_key=True, autoincrement=False),
    Column("description", Text, nullable=False),
    Column("applied_at", String(32), nullable=False),
)

articles = Table(
    "articles", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", String(128), nullable=False, unique=True),  # the record's id
    Column("text_hash", String(64), nullable=False, unique=True),  # sha256 of the normalised text
    Column("url", Text, unique=True),
    Column("domain", String(255), index=True),
    Column("source", Text, nullable=False),
    Column("title", Text),
    Column("byline", Text),  # JSON list
    Column("publisher", Text),
    Column("published", String(32), index=True),
    Column("language", String(16)),
    Column("text", Text, nullable=False),
    Column("stored_at", String(32), nullable=False),
)

entities = Table(
    "entities", metadata,
    Column("id", Integer, primary_key=True),
    Column("key", String(255), nullable=False, unique=True),  # normalised canonical name
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False, index=True),
)

# Every normalised name that resolves to an entity. ``kind`` is "name" for names that identify an
# entity across articles, "short" for surnames joined within one article (never used across).
aliases = Table(
    "aliases", metadata,
    Column("key", String(255), primary_key=True),
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True, index=True),
    Column("name", Text, nullable=False),
    Column("kind", String(16), nullable=False),
)

article_entities = Table(
    "article_entities", metadata,
    Column("article_id", Integer, ForeignKey("articles.id"), primary_key=True),
    Column("local_id", String(32), primary_key=True),  # "e1" in the record
    Column("entity_id", Integer, ForeignKey("entities.id"), nullable=False, index=True),
    Column("key", String(255), nullable=False),  # the normalised name, for splitting an entity later
    Column("name", Text, nullable=False),
    Column("type", String(32), nullable=False),
    Column("aliases", Text),  # JSON list
    Column("descriptors", Text),  # JSON list
    Column("mentions", Text),  # JSON list of spans
    Column("mention_count", Integer, nullable=False),
)

quotes = Table(
    "quotes", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("local_id", String(32), nullable=False),  # "q7" in the record
    Column("kind", String(16), nullable=False),
    Column("content", Text, nullable=False),
    Column("content_spans", Text, nullable=False),
    Column("cue", Text),
    Column("cue_spans", Text),
    Column("speaker", Text),
    Column("speaker_spans", Text),
    Column("speaker_local", String(32)),
    Column("speaker_id", Integer, ForeignKey("entities.id")),
    Column("addressee", Text),
    Column("addressee_spans", Text),
    Column("addressee_local", String(32)),
    Column("addressee_id", Integer, ForeignKey("entities.id"), index=True),
    Column("parent", String(32)),
    Column("said_on", String(32)),
    # The day the statement dates from: ``said_on`` when it names a day or month, else publication.
    Column("on_date", String(10), index=True),
    # Corroboration: quotes carrying the same statement share ``group_id`` (the group's first quote).
    Column("content_key", String(64), index=True),
    Column("content_len", Integer),  # of the normalised text: a fuzzy match must be of similar length
    Column("group_id", Integer, index=True),
)
Index("ix_quotes_speaker_date", quotes.c.speaker_id, quotes.c.on_date)

# The entities a quotation mentions (an article entity mention inside the content spans).
quote_about = Table(
    "quote_about", metadata,
    Column("entity_id", Integer, ForeignKey("entities.id"), primary_key=True),
    Column("quote_id", Integer, ForeignKey("quotes.id"), primary_key=True),
    Column("entity_local", String(32)),  # the article entity ("e3"), for splitting an entity later
)
Index("ix_quote_about_quote", quote_about.c.quote_id)

terms = Table(
    "terms", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("spans", Text, nullable=False),
    Column("kind", String(16), nullable=False),
)

times = Table(
    "times", metadata,
    Column("id", Integer, primary_key=True),
    Column("article_id", Integer, ForeignKey("articles.id"), nullable=False, index=True),
    Column("text", Text, nullable=False),
    Column("spans", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64)),
)

# Tables in the order rows must be deleted to respect the foreign keys.
ARTICLE_CHILDREN = (terms, times, article_entities)

# --- migrations ----------------------------------------------------------------------------------

Step = Callable[[Connection], None]


def _v1_tables(conn: Connection) -> None:
    from .engine import create_search

    metadata.create_all(conn, tables=[t for t in metadata.sorted_tables if t is not schema_version])
    create_search(conn)


MIGRATIONS: list[tuple[int, str, Step]] = [
    (1, "articles, entities, quotes, terms, times; full-text search", _v1_tables),
]
LATEST = MIGRATIONS[-1][0]


def current_version(conn: Connection) -> int:
    return conn.execute(select(func.coalesce(func.max(schema_version.c.version), 0))).scalar_one()


def migrate(engine: Engine) -> int:
    """Bring the store up to ``LATEST``; returns the version it was at before."""
    with engine.begin() as conn:
        schema_version.create(conn, checkfirst=True)
        before = current_version(conn)
    if before > LATEST:
        raise RuntimeError(f"the store is at schema version {before}, newer than this onrecord ({LATEST})")
    for version, description, step in MIGRATIONS:
        if version <= before:
            continue
        with engine.begin() as conn:  # DDL is transactional on both backends: a failed step leaves no trace
            step(conn)
            conn.execute(insert(schema_version).values(
                version=version, description=description, applied_at=datetime.now(UTC).isoformat(timespec="seconds")))
    return before
