"""Storing records: one transaction per article, idempotent, crash-safe, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from store_records import make_record

from onrecord.store import queries
from onrecord.store.engine import connect
from onrecord.store.schema import LATEST, articles, current_version, quotes, schema_version
from onrecord.store.write import store_record

pytest_plugins = ["store_fixtures"]

# Hand-written for these tests.
BUDGET = (
    "Mayor Tobias Wrenn defended the budget on Tuesday. “Nobody goes into politics to close a library,” "
    "Wrenn said to Ruth Dahl. Ruth Dahl said the session was “a long evening of theatre and arithmetic”."
)


def budget(**overrides):
    options = {
        "url": "https://kessing-courier.test/budget",
        "people": {"Tobias Wrenn": [], "Wrenn": [], "Ruth Dahl": []},
        "quotes": [
            {"content": "Nobody goes into politics to close a library,", "speaker": "Wrenn", "addressee": "Ruth Dahl"},
            {"content": "a long evening of theatre and arithmetic", "speaker": "Ruth Dahl", "kind": "partial"},
        ],
    }
    options.update(overrides)
    return make_record(BUDGET, **options)


def count(engine, table):
    with engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def test_storing_twice_keeps_one_copy(engine):
    assert store_record(engine, budget()) == "stored"
    assert store_record(engine, budget()) == "skipped"
    assert (count(engine, articles), count(engine, quotes)) == (1, 2)


def test_same_url_with_other_text_is_the_same_article(engine):
    store_record(engine, budget())
    edited = make_record(BUDGET + " The vote was 27 to 22.", url="https://kessing-courier.test/budget")
    assert store_record(engine, edited) == "skipped"
    assert store_record(engine, edited, replace=True) == "replaced"
    with engine.connect() as conn:
        (text,) = conn.execute(select(articles.c.text)).scalars().all()
    assert text.endswith("27 to 22.")
    assert count(engine, quotes) == 0  # the replacement's quotes, not the old ones


def test_same_text_rescraped_under_another_url_is_skipped(engine):
    store_record(engine, budget())
    again = make_record(BUDGET.replace(" ", "  "), url="https://mirror.test/budget")
    assert store_record(engine, again) == "skipped"


def test_a_record_the_store_refuses_rolls_back_whole(engine):
    broken = budget()
    broken.quotes[1].kind = None  # NOT NULL in the store: fails after the article and first quote
    with pytest.raises(IntegrityError):
        store_record(engine, broken)
    assert (count(engine, articles), count(engine, quotes)) == (0, 0)
    assert store_record(engine, budget()) == "stored"


def test_schema_is_versioned_and_reopening_migrates_nothing(db_url):
    for _ in range(2):
        engine = connect(db_url)
        with engine.connect() as conn:
            assert current_version(conn) == LATEST
            assert conn.execute(select(func.count()).select_from(schema_version)).scalar_one() == LATEST
        engine.dispose()


WRITER = """
import sys, json
from onrecord.record import Record
from onrecord.store.engine import connect
from onrecord.store.write import store_record
engine = connect(sys.argv[1])
for line in sys.stdin:
    store_record(engine, Record.model_validate_json(line))
    print("stored", flush=True)
"""


def many_records(n):
    out = []
    for i in range(n):
        text = f"Report {i}. " + " ".join(f"“Statement {i}-{j} about the harbour,” Ruth Dahl said." for j in range(20))
        qs = [{"content": f"Statement {i}-{j} about the harbour,", "speaker": "Ruth Dahl"} for j in range(20)]
        out.append(make_record(text, url=f"https://harbour.test/{i}", people={"Ruth Dahl": []}, quotes=qs))
    return out


def test_killed_mid_ingest_leaves_whole_articles_and_a_rerun_completes(db_url, tmp_path):
    records = many_records(40)
    lines = "".join(r.to_json() + "\n" for r in records)
    child = subprocess.Popen([sys.executable, "-c", WRITER, db_url], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True)
    child.stdin.write(lines)
    child.stdin.close()
    for _ in range(5):  # let it store a few, then kill it in the middle of whatever it is doing
        child.stdout.readline()
    time.sleep(0.05)
    child.send_signal(signal.SIGKILL)
    child.wait()
    engine = connect(db_url)
    with engine.connect() as conn:
        per_article = conn.execute(select(quotes.c.article_id, func.count()).group_by(quotes.c.article_id)).all()
        stored = conn.execute(select(func.count()).select_from(articles)).scalar_one()
    assert 5 <= stored < 40
    assert all(n == 20 for _, n in per_article) and len(per_article) == stored
    outcomes = [store_record(engine, r) for r in records]
    assert outcomes.count("skipped") == stored and outcomes.count("stored") == 40 - stored
    assert count(engine, quotes) == 40 * 20
    with engine.connect() as conn:
        assert queries.stats(conn)["articles"] == 40
    engine.dispose()


def test_quote_rows_keep_what_the_record_says(engine):
    store_record(engine, budget())
    with engine.connect() as conn:
        (first, second) = list(queries.find_quotes(conn))
    assert first["speaker"] == "Tobias Wrenn" and first["speaker_text"] == "Wrenn"
    assert first["addressee"] == "Ruth Dahl"
    assert second["kind"] == "partial"
    assert first["on_date"] == "2024-03-14" and first["domain"] == "kessing-courier.test"
    assert json.loads(json.dumps(first, default=str))["article"] == budget().article.id
