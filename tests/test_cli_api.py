"""The CLI and the Python API that mirrors it, on the real model."""

from __future__ import annotations

import json
import pickle
import subprocess

from conftest import REPORT, ROOT, SAMPLES, write
from typer.testing import CliRunner

import onrecord
from onrecord.cli import app
from onrecord.config import Settings
from onrecord.errors import Failure, InputError
from onrecord.nlp import load

runner = CliRunner()


def test_jsonl_one_record_per_article():
    result = runner.invoke(app, ["extract", str(SAMPLES), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 8
    files = {r["article"]["source"].split("#")[0].split(":")[0].rsplit("/", 1)[-1] for r in records}
    assert files == {"council-budget.html", "crawl.warc.gz", "harbour-strike.md", "mayor-interview.txt", "wire.jsonl"}


def test_json_is_one_array(tmp_path):
    path = write(tmp_path, "a.txt", REPORT)
    result = runner.invoke(app, ["extract", str(path), str(path), "--format", "json"])
    data = json.loads(result.stdout)
    assert [r["article"]["text"] for r in data] == [REPORT, REPORT]


def test_table_shows_titles_and_names():
    result = runner.invoke(app, ["extract", str(SAMPLES / "harbour-strike.md"), "--format", "table"])
    assert result.exit_code == 0
    assert "Dockworkers walk out at Port Aldine" in result.stdout
    assert "Clara Weiss, Tomas Reyes" in result.stdout
    assert "Mark Olsen" in result.stdout


def test_published_fills_only_missing_dates(tmp_path):
    text_file = write(tmp_path, "a.txt", REPORT)
    result = runner.invoke(app, ["extract", str(text_file), str(SAMPLES / "harbour-strike.md"),
                                 "--published", "2024-02-29", "--format", "jsonl"])
    dates = [json.loads(line)["article"]["published"] for line in result.stdout.splitlines()]
    assert dates == ["2024-02-29", "2023-06-27"]


def test_stdin_via_the_installed_command():
    command = ROOT / ".venv" / "bin" / "onrecord"
    done = subprocess.run([str(command), "extract", "-", "--format", "jsonl"], input=REPORT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    record = json.loads(done.stdout)
    assert record["article"]["source"] == "<stdin>"
    assert any(e["name"] == "Ruth Alvang" and e["type"] == "PERSON" for e in record["entities"])


def test_parallel_jobs_give_the_same_records_in_the_same_order():
    one = runner.invoke(app, ["extract", str(SAMPLES), "--format", "jsonl"]).stdout
    two = runner.invoke(app, ["extract", str(SAMPLES), "--format", "jsonl", "--jobs", "2"]).stdout
    assert one == two and one


def test_extract_text_path_and_failure(tmp_path):
    record = onrecord.extract(REPORT, published="2024-01-02")
    assert record.article.published == "2024-01-02"
    assert [e.name for e in record.entities if e.type == "PERSON"] == ["Ruth Alvang"]
    assert onrecord.extract(write(tmp_path, "a.txt", REPORT)).article.text == REPORT
    try:
        onrecord.extract(write(tmp_path, "empty.txt", ""))
    except InputError as err:
        assert str(err).endswith("empty.txt: empty input")
    else:
        raise AssertionError("an empty file must raise InputError")


def test_extract_of_one_long_paragraph_of_text():
    text = "The mayor said the park would reopen on Monday after the storm. " * 5  # over 255 bytes: no file name
    record = onrecord.extract(text.strip())
    assert record.quotes and record.quotes[0].speaker.text == "The mayor"


def test_extract_of_a_mistyped_path_is_an_error_not_text(tmp_path):
    try:
        onrecord.extract(str(tmp_path / "missng.txt"))
    except InputError as err:
        assert err.reason == "no such file or directory"
    else:
        raise AssertionError("a missing file must raise InputError")


def test_extract_many_yields_failures_in_order(tmp_path):
    good, bad = write(tmp_path, "a.txt", REPORT), write(tmp_path, "b.txt", "")
    results = list(onrecord.extract_many([bad, good, bad]))
    assert [type(r).__name__ for r in results] == ["Failure", "Record", "Failure"]


def test_process_batch_is_stateless_and_picklable():
    articles = [r for r in onrecord.ingest.read([SAMPLES / "wire.jsonl"], Settings())]
    first = onrecord.process_batch(articles)
    again = onrecord.process_batch(pickle.loads(pickle.dumps(articles)))
    assert [r.to_json() for r in first] == [r.to_json() for r in again]
    assert not any(isinstance(r, Failure) for r in first)


def test_only_the_components_the_stages_need_run():
    nlp = load(Settings().model, frozenset({"ner"}))
    assert nlp.pipe_names == ["ner"]
    assert set(nlp.disabled) == {"tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"}


def test_timeline_lists_dated_statements_and_events_in_order(tmp_path):
    article = write(tmp_path, "a.txt", (
        "The harbour commission met on Monday. On Friday, Commissioner Ruth Alvang told reporters that the "
        "fees would be delayed until the spring. The port has charged the same fees since 2014."))
    result = runner.invoke(app, ["timeline", str(article), "--published", "2024-03-14", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [row["date"] for row in rows] == sorted((row["date"] for row in rows), key=lambda d: d[:10])
    statement = next(row for row in rows if row["kind"] == "statement" and "Alvang" in (row["speaker"] or ""))
    assert statement["date"] == "2024-03-08"  # the Friday before publication
    assert {"2014", "2024-03-11"} <= {row["date"] for row in rows if row["kind"] == "event"}
