"""Each reader on input shaped like what people actually have (all text written for these tests)."""

from __future__ import annotations

import gzip
import json

from conftest import REPORT, SAMPLES, read_one, write

from onrecord import ingest
from onrecord.config import Settings
from onrecord.errors import Failure
from onrecord.record import Article, text_id


def test_plain_text_keeps_everything_and_takes_headline_as_title(tmp_path):
    path = write(tmp_path, "a.txt", "Harbour fees delayed\n\n" + REPORT + "\n")
    article = read_one(path)
    assert article.title == "Harbour fees delayed"
    assert article.text == "Harbour fees delayed\n\n" + REPORT
    assert article.language == "en"
    assert article.id == text_id(article.text)
    assert article.source == str(path)


def test_plain_text_dateline_gives_the_publication_date(tmp_path):
    article = read_one(write(tmp_path, "a.txt", f"Fees delayed\n\nQuay Gazette, 14 March 2024\n\n{REPORT}\n"))
    assert article.published == "2024-03-14"
    # A date inside the body is not a dateline.
    assert read_one(write(tmp_path, "b.txt", f"Fees delayed\n\n{REPORT} The vote was on 2 May 2023.")).published is None


def test_plain_text_by_line_gives_the_byline(tmp_path):
    article = read_one(write(tmp_path, "a.txt", f"Fees delayed\n\nBy Ines Calder and Tomas Reyes\n\n{REPORT}\n"))
    assert article.byline == ["Ines Calder", "Tomas Reyes"]
    # "By" opening a sentence of the body is no byline.
    body = "By the end of the week the harbour fees had been delayed again, the commission said."
    assert read_one(write(tmp_path, "b.txt", f"Fees delayed\n\n{body}\n\n{REPORT}\n")).byline == []
    assert read_one(write(tmp_path, "c.txt", f"Fees delayed\n\nBy Friday, it was over.\n\n{REPORT}\n")).byline == []


MARKDOWN = f"""# Harbour fees delayed until spring

**By Clara Weiss and Tomas Reyes** | June 27, 2023

{REPORT}

> “We cannot take another increase,” *Alvang* told the [commission](https://example.test/c).

## What comes next

The commission meets again after the
minister

returns from the coast.

---

Contact the newsroom: tips@harbour.test

© 2023 Harbour Daily. All rights reserved.
"""


def test_markdown_metadata_body_and_footer(tmp_path):
    article = read_one(write(tmp_path, "story.md", MARKDOWN))
    assert article.title == "Harbour fees delayed until spring"
    assert article.byline == ["Clara Weiss", "Tomas Reyes"]
    assert article.published == "2023-06-27"
    assert article.text.startswith("The harbour commission voted")
    # Emphasis and link markup go, their words stay; the block quote is article text.
    assert "“We cannot take another increase,” Alvang told the commission." in article.text
    assert "What comes next" in article.text
    # A paragraph cut mid-sentence is rejoined; the footer is not article text.
    assert "after the minister returns from the coast." in article.text
    assert "tips@" not in article.text and "©" not in article.text and "Contact" not in article.text


def test_markdown_front_matter(tmp_path):
    text = f"---\ntitle: \"Fees delayed\"\ndate: 2024-02-01\nauthor: Ruth Alvang\n---\n\n{REPORT}\n"
    article = read_one(write(tmp_path, "fm.md", text))
    assert (article.title, article.published, article.byline) == ("Fees delayed", "2024-02-01", ["Ruth Alvang"])
    assert article.text == REPORT


def test_markdown_keeps_a_last_paragraph_that_merely_mentions_contact(tmp_path):
    last = "The ministry did not respond to repeated requests for contact on Tuesday."
    article = read_one(write(tmp_path, "s.md", f"# T\n\n{REPORT}\n\n{last}\n"))
    assert article.text.endswith(last)


HTML = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Harbour fees delayed | The Quay Gazette</title>
<meta property="og:title" content="Harbour fees delayed until spring">
<meta property="og:site_name" content="The Quay Gazette">
<meta name="author" content="Clara Weiss">
<meta property="article:published_time" content="2024-03-14T09:30:00Z">
<link rel="canonical" href="https://quay-gazette.test/2024/03/fees">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li></ul></nav>
<div class="cookie">We use cookies to improve your experience. Accept all cookies?</div>
<article><h1>Harbour fees delayed until spring</h1>
<p class="byline">By Clara Weiss</p>
<p>{REPORT}</p>
<p>“We cannot take another increase this year,” Alvang told reporters after the vote, adding that the
commission would publish its own figures before the summer recess.</p>
<p>Shipping companies had warned that the increase would push traffic to rival ports along the coast,
and several of them had threatened to move their weekly services.</p>
</article>
<aside><h2>Related stories</h2><ul><li><a href="/x">Ferry timetable changes</a></li></ul></aside>
<footer><p>© 2024 The Quay Gazette. All rights reserved.</p></footer>
</body></html>"""


def test_html_body_and_metadata(tmp_path):
    article = read_one(write(tmp_path, "page.html", HTML))
    assert article.title == "Harbour fees delayed until spring"
    assert article.byline == ["Clara Weiss"]
    assert article.publisher == "The Quay Gazette"
    assert article.published == "2024-03-14"
    assert article.url == "https://quay-gazette.test/2024/03/fees"
    assert "“We cannot take another increase this year,” Alvang told reporters" in article.text
    for boilerplate in ("cookies", "Related stories", "Ferry timetable", "All rights reserved", "Politics"):
        assert boilerplate not in article.text
    assert "\n\n" in article.text  # paragraphs stay paragraphs


def test_gzipped_html(tmp_path):
    article = read_one(write(tmp_path, "page.html.gz", gzip.compress(HTML.encode())))
    assert article.publisher == "The Quay Gazette"


def test_json_lines_fields_aliases_and_a_bad_line(tmp_path):
    lines = [
        json.dumps({"title": "Fees", "text": REPORT, "url": "https://a.test/1", "published": "2024-05-02",
                    "byline": ["Irene Castell"], "publisher": "Wire"}),
        "{not json",
        json.dumps({"headline": "Other", "body": REPORT + " More.", "date": "May 3, 2024", "author": "A. Berg; C. Dahl"}),
        json.dumps({"title": "No text here"}),
        json.dumps({"html": HTML, "url": "https://a.test/3"}),
    ]
    results = list(ingest.read([write(tmp_path, "wire.jsonl", "\n".join(lines) + "\n")], Settings()))
    first, bad, second, missing, from_html = results
    assert (first.title, first.url, first.published, first.byline, first.publisher) == (
        "Fees", "https://a.test/1", "2024-05-02", ["Irene Castell"], "Wire")
    assert first.source.endswith("wire.jsonl:1")
    assert isinstance(bad, Failure) and bad.source.endswith(":2") and "not valid JSON" in bad.reason
    assert (second.title, second.published, second.byline) == ("Other", "2024-05-03", ["A. Berg", "C. Dahl"])
    assert isinstance(missing, Failure) and "no text field" in missing.reason
    assert from_html.url == "https://a.test/3" and "Alvang told reporters" in from_html.text


def test_json_array_file(tmp_path):
    path = write(tmp_path, "items.json", json.dumps([{"text": REPORT}, {"text": REPORT + " Again."}]))
    assert [type(r) for r in ingest.read([path], Settings())] == [Article, Article]


def test_warc_sample_yields_html_responses_only():
    results = list(ingest.read([SAMPLES / "crawl.warc.gz"], Settings()))
    assert all(isinstance(r, Article) for r in results)
    assert len(results) == 2  # the image response and the request records are not articles
    assert all(r.url and r.url.startswith("https://") and r.source.endswith("#" + r.url) for r in results)
    assert all(r.published and r.publisher and r.byline for r in results)


def test_uncompressed_warc_written_by_hand(tmp_path):
    payload = ("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + HTML).encode()
    header = (
        "WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:12345678-1234-1234-1234-123456789abc>\r\n"
        "WARC-Date: 2024-03-14T10:00:00Z\r\nWARC-Target-URI: https://quay-gazette.test/2024/03/fees\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(payload)}\r\n\r\n"
    ).encode()
    article = read_one(write(tmp_path, "one.warc", header + payload + b"\r\n\r\n"))
    assert article.url == "https://quay-gazette.test/2024/03/fees"
    assert "Alvang told reporters" in article.text


def test_directory_is_read_recursively_in_name_order_skipping_hidden_and_other_types(tmp_path, caplog):
    write(tmp_path, "b/second.txt", REPORT)
    write(tmp_path, "a/first.md", MARKDOWN)
    write(tmp_path, ".hidden/x.txt", REPORT)
    write(tmp_path, "a/photo.png", b"\x89PNG\r\n")
    results = list(ingest.read([tmp_path], Settings()))
    assert [r.source for r in results] == [str(tmp_path / "a/first.md"), str(tmp_path / "b/second.txt")]
    assert "skipped 1 file(s) of other types" in caplog.text


def test_unknown_suffix_is_sniffed(tmp_path):
    assert read_one(write(tmp_path, "page.download", HTML)).publisher == "The Quay Gazette"
    assert read_one(write(tmp_path, "feed.export", json.dumps({"text": REPORT}))).text == REPORT


def test_sample_corpus_reads_cleanly():
    results = list(ingest.read([SAMPLES], Settings()))
    assert len(results) >= 8
    assert not [r for r in results if isinstance(r, Failure)]
    interview = next(r for r in results if r.source.endswith("mayor-interview.txt"))
    assert "café" in interview.text and "it’s" in interview.text and "Ã" not in interview.text
