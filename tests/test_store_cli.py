"""The store's commands, as a user runs them: ingest through the real pipeline, then ask and export."""

from __future__ import annotations

import csv
import io
import json
import os

import pyarrow.parquet as pq
import pytest
from conftest import SAMPLES
from store_records import make_record
from typer.testing import CliRunner

from onrecord.cli import app
from onrecord.store.engine import connect
from onrecord.store.write import store_record

pytest_plugins = ["store_fixtures"]

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, [str(a) for a in args], env=env)


def test_ingest_the_sample_corpus_twice_then_ask(tmp_path):
    db = tmp_path / "onrecord.db"
    first = run("ingest", SAMPLES, "--db", db)
    assert first.exit_code == 0, first.output
    assert "8 article(s) stored" in first.stderr
    again = run("ingest", SAMPLES, "--db", db)
    assert again.exit_code == 0 and "0 article(s) stored, 0 replaced, 8 already stored" in again.stderr
    stats = json.loads(run("stats", "--db", db, "--format", "jsonl").stdout)
    assert stats["articles"] == 8 and stats["quotes"] > 50
    rows = [json.loads(line) for line in run("quotes", "--db", db, "--speaker", "Tobias Wrenn").stdout.splitlines()]
    assert rows and {r["speaker"] for r in rows} == {"Tobias Wrenn"}
    assert {r["domain"] for r in rows} == {"kessing-courier.test"}
    found = run("quotes", "--db", db, "--search", "library", "--format", "csv").stdout
    assert any("library" in row["content"].lower() for row in csv.DictReader(io.StringIO(found)))
    replaced = run("ingest", SAMPLES / "harbour-strike.md", "--db", db, "--update")
    assert "1 replaced" in replaced.stderr
    assert json.loads(run("stats", "--db", db, "--format", "jsonl").stdout)["articles"] == 8


def test_ingest_reports_a_bad_input_stores_the_rest_and_exits_1(tmp_path):
    db = tmp_path / "s.db"
    result = run("ingest", SAMPLES / "harbour-strike.md", tmp_path / "missing.txt", "--db", db)
    assert result.exit_code == 1
    assert "onrecord: error: " in result.stderr and "missing.txt: no such file or directory" in result.stderr
    assert "1 article(s) stored" in result.stderr


def _filled(db_url):
    text = "“We will reopen the ferry,” Greta Hallam said to Owen Marsh on Tuesday."
    engine = connect(db_url)
    store_record(engine, make_record(text, url="https://herald.test/1", people={"Greta Hallam": [], "Owen Marsh": []},
                                     quotes=[{"content": "We will reopen the ferry,", "speaker": "Greta Hallam",
                                              "addressee": "Owen Marsh"}]))
    engine.dispose()


def test_queries_and_entity_commands_on_both_backends(db_url):
    _filled(db_url)
    quotes = [json.loads(x) for x in run("quotes", "--db", db_url, "--to", "Owen Marsh", "-f", "jsonl").stdout.splitlines()]
    assert [(q["speaker"], q["addressee"]) for q in quotes] == [("Greta Hallam", "Owen Marsh")]
    listed = run("entities", "--db", db_url, "--sort", "mentions", "-f", "csv").stdout
    assert [r["name"] for r in csv.DictReader(io.StringIO(listed))] == ["Greta Hallam", "Owen Marsh"]
    page = json.loads(run("entity", "greta hallam", "--db", db_url, "-f", "jsonl").stdout)
    assert page["spoke_to"][0]["name"] == "Owen Marsh"
    timeline = run("timeline", "--db", db_url, "--entity", "Owen Marsh", "-f", "jsonl").stdout.splitlines()
    assert len(timeline) == 1
    missing = run("quotes", "--db", db_url, "--speaker", "Nobody At All")
    assert missing.exit_code == 1 and missing.stderr.strip() == "onrecord: error: no entity named 'Nobody At All'"


def test_merge_and_split_edit_the_alias_file(tmp_path):
    db = tmp_path / "s.db"
    _filled(str(db))
    aliases = tmp_path / "aliases.yaml"
    merged = run("entities", "--db", db, "--aliases", aliases, "--merge", "Greta Hallam", "Owen Marsh")
    assert merged.exit_code == 0, merged.output
    assert "Owen Marsh" in aliases.read_text()
    names = [json.loads(x)["name"] for x in run("entities", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert names == ["Greta Hallam"]
    run("entities", "--db", db, "--aliases", aliases, "--split", "Owen Marsh")
    names = [json.loads(x)["name"] for x in run("entities", "--db", db, "-f", "jsonl").stdout.splitlines()]
    assert sorted(names) == ["Greta Hallam", "Owen Marsh"]


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_every_table(db_url, tmp_path, fmt):
    _filled(db_url)
    out = tmp_path / "dump"
    result = run("export", "--db", db_url, "--format", fmt, "--out", out)
    assert result.exit_code == 0, result.output
    assert sorted(os.listdir(out)) == [f"articles.{fmt}", f"entities.{fmt}", f"quotes.{fmt}"]
    if fmt == "parquet":
        quotes = pq.read_table(out / "quotes.parquet").to_pylist()
        assert quotes[0]["speaker"] == "Greta Hallam" and len(quotes[0]["about"]) == 0
        assert pq.read_table(out / "entities.parquet").num_rows == 2
    elif fmt == "jsonl":
        (article,) = [json.loads(x) for x in (out / "articles.jsonl").read_text().splitlines()]
        assert article["url"] == "https://herald.test/1"
    else:
        rows = list(csv.DictReader((out / "entities.csv").open()))
        assert {r["name"] for r in rows} == {"Greta Hallam", "Owen Marsh"}


def test_export_to_stdout_tags_rows_with_their_table(tmp_path):
    db = tmp_path / "s.db"
    _filled(str(db))
    lines = [json.loads(x) for x in run("export", "--db", db).stdout.splitlines()]
    assert [x["table"] for x in lines] == ["articles", "entities", "entities", "quotes"]
    refused = run("export", "--db", db, "--format", "parquet")
    assert refused.exit_code == 1 and "parquet needs --out" in refused.stderr
