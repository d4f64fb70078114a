"""Opening a store: URL handling, SQLite pragmas, and each backend's full-text search.

A bare path or ``sqlite:///path`` opens an embedded SQLite file (WAL, foreign keys, FTS5);
``postgresql://...`` opens PostgreSQL (psycopg 3, tsvector columns with GIN indexes).
"""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, text
from sqlalchemy.engine import make_url

DEFAULT_DB = "onrecord.db"

# SQLite: external-content FTS5 tables kept in step with their tables by triggers.
_SQLITE_SEARCH = [
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
        content, content='quotes', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER quotes_fts_insert AFTER INSERT ON quotes BEGIN
        INSERT INTO quotes_fts(rowid, content) VALUES (new.id, new.content); END""",
    """CREATE TRIGGER quotes_fts_delete AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, old.content); END""",
    """CREATE TRIGGER quotes_fts_update AFTER UPDATE OF content ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, content) VALUES ('delete', old.id, old.content);
        INSERT INTO quotes_fts(rowid, content) VALUES (new.id, new.content); END""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, text, content='articles', content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
    """CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text); END""",
    """CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text); END""",
]

# PostgreSQL: stored generated tsvector columns, so no trigger can fall out of step.
_PG_SEARCH = [
    "ALTER TABLE quotes ADD COLUMN content_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', content)) STORED",
    "CREATE INDEX ix_quotes_content_tsv ON quotes USING gin (content_tsv)",
    "ALTER TABLE articles ADD COLUMN text_tsv tsvector "
    "GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED",
    "CREATE INDEX ix_articles_text_tsv ON articles USING gin (text_tsv)",
]


def normalise_url(db: str | Path | None) -> str:
    """A SQLAlchemy URL for what the user typed: a path, ``sqlite:///...`` or ``postgresql://...``."""
    db = str(db or DEFAULT_DB)
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    url = make_url(db)
    if url.drivername in ("postgresql", "postgres"):
        url = url.set(drivername="postgresql+psycopg")
    return url.render_as_string(hide_password=False)


def connect(db: str | Path | None = None, *, migrate: bool = True) -> Engine:
    """An engine on the store ``db``, its schema brought up to date unless ``migrate`` is False."""
    engine = create_engine(normalise_url(db))
    if engine.dialect.name == "sqlite":
        _configure_sqlite(engine)
    if migrate:
        from .schema import migrate as run_migrations

        run_migrations(engine)
    return engine


def _configure_sqlite(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        # Let SQLAlchemy, not the sqlite3 module, decide where transactions start, so DDL and the
        # write of one article are each really one transaction.
        dbapi_conn.isolation_level = None
        cursor = dbapi_conn.cursor()
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000",
                       "cache_size=-65536", "temp_store=MEMORY"):
            cursor.execute(f"PRAGMA {pragma}")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN")


def create_search(conn: Connection) -> None:
    statements = _SQLITE_SEARCH if conn.dialect.name == "sqlite" else _PG_SEARCH
    for statement in statements:
        conn.execute(text(statement))


def fts_query(words: str) -> str:
    """User text as an FTS5 query: every word must occur (quoted, so no FTS syntax can break it)."""
    tokens = [t.replace('"', "") for t in words.split()]
    return " ".join(f'"{t}"' for t in tokens if t)
