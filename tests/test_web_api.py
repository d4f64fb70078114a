"""The web app over a real SQLite store of hand-made records: JSON API, CSV, errors, pages, escaping."""

from __future__ import annotations

import csv
import io

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402
from store_records import COURIER, council_records, make_record, span  # noqa: E402

from onrecord.record import Party, Quote, Role, Term  # noqa: E402
from onrecord.store.engine import connect  # noqa: E402
from onrecord.store.write import store_record  # noqa: E402
from onrecord.web import create_app  # noqa: E402

# Hand-written for these tests, like the council reports in store_records.
NESTED = "Ruth Dahl said: “Wrenn told me ‘the vote is settled’ before the meeting began.”"
HOSTILE = (
    "<script>alert(1)</script> Councillor Ivo Marr said “<img src=x onerror=alert(1)> is not a budget” "
    "to the <b>press</b>."
)
HOSTILE_TITLE = "<script>alert('title')</script>"


def nested_record():
    record = make_record(NESTED, url="https://herald.test/n", published="2024-05-02",
                         people={"Ruth Dahl": [], "Wrenn": []})
    outer = "Wrenn told me ‘the vote is settled’ before the meeting began."
    record.quotes = [
        Quote(id="q1", kind="direct", content=Role(text=outer, spans=[span(NESTED, outer)]),
              cue=Role(text="said", spans=[span(NESTED, "said")]),
              speaker=Party(text="Ruth Dahl", spans=[span(NESTED, "Ruth Dahl")], entity="e1"), said_on="2024-05-01"),
        Quote(id="q2", kind="direct", content=Role(text="the vote is settled", spans=[span(NESTED, "the vote is settled")]),
              cue=Role(text="told", spans=[span(NESTED, "told")]),
              speaker=Party(text="Wrenn", spans=[span(NESTED, "Wrenn")], entity="e2"),
              addressee=Party(text="me", spans=[span(NESTED, "me")], entity="e1"), parent="q1"),
    ]
    record.terms = []
    return record


def hostile_record():
    record = make_record(HOSTILE, url="https://evil.test/x", published="2024-06-01", people={"Ivo Marr": []},
                         quotes=[{"content": "<img src=x onerror=alert(1)> is not a budget", "speaker": "Ivo Marr"}])
    record.article.title = HOSTILE_TITLE
    record.terms = [Term(text="<b>press</b>", spans=[span(HOSTILE, "<b>press</b>")], kind="scare")]
    return record


def records():
    return [
        *council_records(),
        nested_record(),
        hostile_record(),
    ]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    path = tmp_path_factory.mktemp("web") / "store.db"
    engine = connect(str(path))
    for record in records():
        assert store_record(engine, record) == "stored"
    engine.dispose()
    return str(path)


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(store)) as client:
        yield client


def article_id(text: str) -> str:
    return next(r for r in records() if r.article.text == text).article.id


# --- API -------------------------------------------------------------------------------------------


def test_quotes_filters_match_the_cli(client):
    body = client.get("/api/quotes", params={"speaker": "Tobias Wrenn"}).json()
    assert {q["content"] for q in body["items"]} == {
        "Nobody goes into politics to close a library,", "Nobody goes into politics to close a library."}
    assert [q["kind"] for q in client.get("/api/quotes", params={"kind": "partial"}).json()["items"]] == ["partial"]
    dated = client.get("/api/quotes", params={"since": "2024-05", "until": "2024-05"}).json()["items"]
    assert {q["on_date"] for q in dated} == {"2024-05-01", "2024-05-02"}
    found = client.get("/api/quotes", params={"search": "warm room"}).json()["items"]
    assert [q["speaker"] for q in found] == ["Samira Oduya"]
    assert [q["content"] for q in client.get("/api/quotes", params={"source": "kessing-courier.test",
                                                                     "to": "Ruth Dahl"}).json()["items"]] == [
        "Nobody goes into politics to close a library,"]


def test_cursor_pagination_walks_every_quote_once(client):
    everything = [q["id"] for q in client.get("/api/quotes", params={"limit": 500}).json()["items"]]
    seen, cursor = [], None
    while True:
        body = client.get("/api/quotes", params={"limit": 2, **({"cursor": cursor} if cursor else {})}).json()
        seen += [q["id"] for q in body["items"]]
        cursor = body["next"]
        if not cursor:
            break
    assert seen == everything and len(seen) == 8


def test_search_pages_newest_first_with_facets(client):
    first = client.get("/api/search", params={"q": "library", "limit": 1})
    body = first.json()
    assert 'rel="next"' in first.headers["link"]
    second = client.get("/api/search", params={"q": "library", "limit": 1, "cursor": body["next"]}).json()
    assert body["items"][0]["id"] > second["items"][0]["id"]
    assert {f["value"] for f in body["facets"]["source"]} == {"kessing-courier.test", "herald.test"}
    assert {f["value"]: f["n"] for f in body["facets"]["month"]} == {"2024-03": 3}  # "libraries" stems as "library"


def test_csv_format(client):
    response = client.get("/api/quotes", params={"format": "csv", "speaker": "Ivo Marr"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text)))
    assert rows[0]["speaker"] == "Ivo Marr" and rows[0]["content"].startswith("<img")


def test_entities_and_entity_page(client):
    people = client.get("/api/entities").json()["items"]
    wrenn = next(e for e in people if e["name"] == "Tobias Wrenn")
    page = client.get(f"/api/entities/{wrenn['id']}").json()
    assert page["name"] == "Tobias Wrenn" and page["quotes"] == 2
    assert [p["name"] for p in page["spoke_to"]] == ["Ruth Dahl"]
    assert {q["content"] for q in page["quotes_about"]} == {"Tobias Wrenn would regret the smart parking scheme"}
    assert client.get("/api/entities/Ruth Dahl").json()["name"] == "Ruth Dahl"


def test_article_detail_has_text_spans_terms(client):
    body = client.get(f"/api/articles/{article_id(NESTED)}").json()
    assert body["article"]["text"] == NESTED
    inner = next(q for q in body["quotes"] if q["local_id"] == "q2")
    assert inner["parent"] == "q1" and inner["addressee"] == "Ruth Dahl"
    (start, end), = inner["content_spans"]
    assert NESTED[start:end] == "the vote is settled"
    listed = client.get("/api/articles").json()["items"]
    assert len(listed) == 4 and "text" not in listed[0]


def test_timeline_stats_network_export(client):
    rows = client.get("/api/timeline", params={"entity": "Ivo Marr"}).json()["items"]
    assert [r["speaker"] for r in rows] == ["Ivo Marr"]
    assert client.get("/api/stats").json()["articles"] == 4
    graph = client.get("/api/network").json()
    names = {n["id"]: n["name"] for n in graph["nodes"]}
    assert ("Tobias Wrenn", "Ruth Dahl", "to") in {(names[e["source"]], names[e["target"]], e["kind"])
                                                   for e in graph["edges"]}
    lines = client.get("/api/export/quotes").text.splitlines()
    assert len(lines) == 8


@pytest.mark.parametrize(("url", "status"), [
    ("/api/entities/Nobody%20Atall", 404),
    ("/api/articles/missing", 404),
    ("/api/quotes?speaker=Nobody%20Atall", 404),
    ("/api/quotes?since=March", 400),
    ("/api/quotes?cursor=%21%21", 400),
    ("/api/quotes?kind=shouted", 422),
    ("/api/quotes?limit=0", 422),
    ("/api/nothing-here", 404),
])
def test_errors_are_json_with_status(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert response.headers["content-type"] == "application/json"
    assert response.json()["error"]["status"] == status


def test_openapi_lists_the_endpoints(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert {"/api/quotes", "/api/entities/{ref}", "/api/articles/{article_id}", "/api/search"} <= set(paths)


# --- uploads ---------------------------------------------------------------------------------------


def test_read_only_without_token(client):
    assert client.post("/api/records", json={}).status_code in (404, 405)


def test_upload_requires_the_token(tmp_path):
    record = records()[0].to_dict()
    with TestClient(create_app(str(tmp_path / "up.db"), token="s3cret")) as app:
        assert app.post("/api/records", json=record).status_code == 401
        assert app.post("/api/records", json=record, headers={"Authorization": "Bearer wrong"}).status_code == 401
        ok = app.post("/api/records", json=record, headers={"Authorization": "Bearer s3cret"})
        assert ok.status_code == 201 and ok.json()["status"] == "stored"
        assert app.get("/api/stats").json()["quotes"] == 3


def test_ingest_runs_the_pipeline_on_an_upload_with_the_token(tmp_path):
    text = ("Harbour fees delayed\n\nQuay Gazette, 14 March 2024\n\n“We cannot take another increase this year,” "
            "Commissioner Ruth Alvang told reporters on Tuesday after the harbour commission voted to delay the fees.")
    auth = {"Authorization": "Bearer s3cret"}
    with TestClient(create_app(str(tmp_path / "up.db"), token="s3cret")) as app:
        assert app.post("/api/ingest", files={"file": ("fees.txt", text.encode())}).status_code == 401
        done = app.post("/api/ingest", files={"file": ("fees.txt", text.encode())}, headers=auth)
        assert done.status_code == 201 and done.json()["status"] == "stored" and done.json()["quotes"] >= 1
        quotes = app.get("/api/quotes", params={"speaker": "Ruth Alvang"}).json()["items"]
        assert quotes and "another increase" in quotes[0]["content"]
        empty = app.post("/api/ingest", files={"file": ("empty.txt", b"")}, headers=auth)
        assert empty.status_code == 422 and "empty input" in empty.json()["error"]["message"]


# --- pages -----------------------------------------------------------------------------------------


def test_pages_render(client):
    for url in ("/", "/articles", "/entities", "/timeline", "/network", "/search?q=library",
                f"/articles/{article_id(COURIER)}", "/entities/Ruth%20Dahl", "/timeline?entity=Wrenn&since=2024-03"):
        response = client.get(url)
        assert response.status_code == 200, url
        assert response.headers["content-type"].startswith("text/html")


def test_strict_csp_on_every_page(client):
    csp = client.get("/").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "default-src 'none'" in csp
    html = client.get(f"/articles/{article_id(COURIER)}").text
    assert "<script>" not in html.replace('<script src="', "") and " style=" not in html


def test_hostile_article_is_escaped(client):
    html = client.get(f"/articles/{article_id(HOSTILE)}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "&lt;b&gt;press&lt;/b&gt;" in html
    assert "&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;" in html
    for raw in ("<script>alert", "<img src=x", "<b>press", "onerror=alert(1)>"):
        assert raw not in html
    listing = client.get("/articles").text + client.get("/search?q=budget").text
    assert "<script>alert" not in listing and "<img src=x" not in listing


def test_article_view_highlights_and_nests(client):
    html = client.get(f"/articles/{article_id(NESTED)}").text
    assert html.count('tabindex="0"') == 2
    assert 'data-speaker="Ruth Dahl"' in html and 'data-addressee="Ruth Dahl"' in html
    body = html[html.index('id="article-text"'):]
    outer, inner = body.index('data-qid="q1"'), body.index('data-qid="q2"')
    assert outer < inner
    assert 'title="Wrenn (direct)">the vote is settled</span>’ before the meeting began.</span>”' in body
    assert "nested" in body[inner - 60:inner]


def test_page_errors_are_html(client):
    response = client.get("/entities/Nobody%20Atall")
    assert response.status_code == 404 and "no entity named" in response.text
    assert response.headers["content-type"].startswith("text/html")


def test_api_docs_are_served_from_local_files(client):
    page = client.get("/docs")
    assert page.status_code == 200
    assert "/docs-assets/swagger-ui-bundle.js" in page.text and "cdn." not in page.text
    assert client.get("/docs-assets/swagger-ui-bundle.js").status_code == 200
    assert "onrecord" in client.get("/openapi.json").json()["info"]["title"]
