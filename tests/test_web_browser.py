"""The web app in a real browser: Playwright driving Debian's chromium against uvicorn on loopback.

Skipped when playwright or /usr/bin/chromium is missing (``make test`` installs both). Set
ONRECORD_SCREENSHOTS=docs to refresh the README's screenshots from this store.
"""

from __future__ import annotations

import os
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
pytest.importorskip("fastapi")
sync_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip("Debian's chromium is not installed (apt-get install chromium)", allow_module_level=True)

import uvicorn  # noqa: E402
from test_web_api import COURIER, HOSTILE, NESTED, article_id, records  # noqa: E402

from onrecord.store.engine import connect  # noqa: E402
from onrecord.store.write import store_record  # noqa: E402
from onrecord.web import create_app  # noqa: E402

ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    path = str(tmp_path_factory.mktemp("browser") / "store.db")
    engine = connect(path)
    for record in records():
        store_record(engine, record)
    engine.dispose()
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(create_app(path), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 15
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 860})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda err: page.errors.append(str(err)))
    page.on("dialog", lambda dialog: (page.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
    yield page
    context.close()


def test_pages_load(page, base_url):
    for path in ("/", "/articles", "/entities", "/timeline", "/network", "/search?q=library"):
        response = page.goto(base_url + path)
        assert response.status == 200, path
        assert page.locator("main h1").count() == 1
    page.goto(base_url + "/network")
    page.wait_for_selector("#network svg .node")
    assert page.locator("#network .node").count() >= 2
    assert not page.errors


def test_clicking_and_focusing_a_quotation_shows_its_speaker(page, base_url):
    page.goto(f"{base_url}/articles/{article_id(NESTED)}")
    page.click('#article-text .q[data-qid="q2"]')
    detail = page.locator("#quote-detail")
    assert detail.locator('[data-field="speaker"]').inner_text() == "Wrenn"
    assert detail.locator('[data-field="addressee"]').inner_text() == "Ruth Dahl"
    page.goto(f"{base_url}/articles/{article_id(COURIER)}")
    page.locator("#article-text .q[tabindex]").first.focus()
    assert detail.locator('[data-field="speaker"]').inner_text() == "Tobias Wrenn"
    assert detail.locator('[data-field="kind"]').inner_text() == "direct"
    assert not page.errors


def test_filters_narrow_results(page, base_url):
    page.goto(base_url + "/search")
    everything = page.locator(".quote-row").count()
    page.click('.facets a:text-is("partial")')
    assert page.locator(".quote-row").count() == 1 < everything
    page.goto(base_url + "/timeline")
    page.fill('input[name="entity"]', "Ivo Marr")
    page.click('form.filters button')
    page.wait_for_url("**entity=Ivo+Marr**")
    assert page.locator(".timeline .event").count() == 1


def test_hostile_article_shows_markup_as_text_and_runs_nothing(page, base_url):
    page.add_init_script("window.__alerts = []; window.alert = (m) => window.__alerts.push(m);")
    page.goto(f"{base_url}/articles/{article_id(HOSTILE)}")
    body = page.locator("#article-text")
    assert "<script>alert(1)</script>" in body.inner_text()
    assert "<img src=x onerror=alert(1)>" in body.inner_text()
    assert page.locator("#article-text script, #article-text img, #article-text b, main h1 script").count() == 0
    assert page.locator("main h1").inner_text() == "<script>alert('title')</script>"
    page.wait_for_timeout(200)
    assert page.evaluate("window.__alerts") == []
    assert not page.errors


def test_screenshots(page, base_url):
    out = os.environ.get("ONRECORD_SCREENSHOTS")
    if not out:
        pytest.skip("set ONRECORD_SCREENSHOTS=DIR to write screenshots")
    Path(out).mkdir(parents=True, exist_ok=True)
    for name, path in (("article", f"/articles/{article_id(NESTED)}"), ("search", "/search?q=library")):
        page.goto(base_url + path)
        page.screenshot(path=f"{out}/web-{name}.png", full_page=True)
