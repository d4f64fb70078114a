#!/usr/bin/env python3
"""Build samples/corpus/crawl.warc.gz from the HTML pages in samples/warc-src/.

The archive imitates a tiny web crawl:

    warcinfo
    request   + response (text/html)   for the first page
    response  (image/png)              a site logo that readers must skip
    request   + response (text/html)   for the second page

Each page's WARC-Target-URI is the URL in its <link rel="canonical">.
Every record is gzipped as its own member, as WARC 1.1 (Annex D) recommends.
Dates and record IDs are fixed, and gzip headers carry no timestamp, so
running the script again gives the same bytes (for the same zlib version).

Usage (from the repository root):

    .venv/bin/python samples/build_warc.py

Requires fastwarc (its WarcRecord writer is used to serialise the records).
"""

from __future__ import annotations

import gzip
import hashlib
import io
import re
import struct
import uuid
import zlib
from pathlib import Path

from fastwarc.warc import WarcRecord, WarcRecordType

HERE = Path(__file__).resolve().parent
SRC = HERE / "warc-src"
OUT = HERE / "corpus" / "crawl.warc.gz"

# Pages in crawl order, with the fixed time each one was "fetched".
PAGES = [
    ("milk-run-rail-closure.html", "2024-06-01T08:00:00Z", "Sat, 01 Jun 2024 08:00:00 GMT", "192.0.2.10"),
    ("lindqvar-maternity-march.html", "2024-06-01T08:00:07Z", "Sat, 01 Jun 2024 08:00:07 GMT", "192.0.2.20"),
]
# The logo is fetched between the two pages.
LOGO_URI = "https://brennhollow-herald.test/static/logo.png"
LOGO_DATE = ("2024-06-01T08:00:03Z", "Sat, 01 Jun 2024 08:00:03 GMT", "192.0.2.10")
WARCINFO_DATE = "2024-06-01T07:59:59Z"
USER_AGENT = "onrecord-sample-crawler/1.0 (+https://onrecord.test/samples)"

CANONICAL_RE = re.compile(r'<link\s+rel="canonical"\s+href="([^"]+)"', re.IGNORECASE)


def record_urn(kind: str, uri: str) -> bytes:
    """A stable uuid5 for each record, so the archive is reproducible."""
    return f"uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'onrecord-sample/{kind}/{uri}')}".encode()


def urn_header(urn: bytes) -> str:
    return f"<urn:{urn.decode()}>"


def tiny_png() -> bytes:
    """A valid 1x1 PNG, built byte by byte so no image file is needed."""

    def chunk(tag: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + tag + data + struct.pack(">I", zlib.crc32(tag + data))

    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)  # 1x1, 8-bit RGB
    idat = zlib.compress(b"\x00\x1f\x3a\x5c", 9)  # filter byte + one navy pixel
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")


def make_record(kind: WarcRecordType, urn: bytes, date: str, headers: list[tuple[str, str]],
                content: bytes, payload: bytes | None = None) -> bytes:
    rec = WarcRecord()
    rec.init_headers(kind, urn)
    rec.headers["WARC-Date"] = date  # init_headers stamps "now"; pin it
    for key, value in headers:
        rec.headers[key] = value
    rec.set_bytes_content(content)
    buf = io.BytesIO()
    digest = hashlib.sha1(payload).digest() if payload is not None else None
    rec.write(buf, checksum_data=True, payload_digest=digest)
    # One gzip member per record; mtime=0 keeps the output deterministic.
    return gzip.compress(buf.getvalue(), compresslevel=9, mtime=0)


def http_request(uri: str, accept: str) -> bytes:
    m = re.match(r"https?://([^/]+)(/.*)?$", uri)
    host, path = m.group(1), m.group(2) or "/"
    return (
        f"GET {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"User-Agent: {USER_AGENT}\r\n"
        f"Accept: {accept}\r\n"
        "Accept-Language: en-GB,en;q=0.8\r\n"
        "Connection: close\r\n"
        "\r\n"
    ).encode("ascii")


def http_response(body: bytes, content_type: str, http_date: str) -> bytes:
    return (
        "HTTP/1.1 200 OK\r\n"
        f"Date: {http_date}\r\n"
        "Server: nginx\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(body)}\r\n"
        "Cache-Control: max-age=300\r\n"
        "Connection: close\r\n"
        "\r\n"
    ).encode("ascii") + body


def main() -> None:
    members: list[bytes] = []

    info_urn = record_urn("warcinfo", OUT.name)
    info = (
        "software: onrecord samples/build_warc.py (FastWARC)\r\n"
        "format: WARC File Format 1.1\r\n"
        "conformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n"
        "isPartOf: onrecord-sample-crawl\r\n"
        f"http-header-user-agent: {USER_AGENT}\r\n"
        "description: Two fictional news pages and one image, written for the onrecord samples.\r\n"
    ).encode("utf-8")
    members.append(make_record(
        WarcRecordType.warcinfo, info_urn, WARCINFO_DATE,
        [("WARC-Filename", OUT.name), ("Content-Type", "application/warc-fields")],
        info,
    ))
    common = [("WARC-Warcinfo-ID", urn_header(info_urn))]

    def add_page(filename: str, date: str, http_date: str, ip: str) -> None:
        html = (SRC / filename).read_bytes()
        m = CANONICAL_RE.search(html.decode("utf-8"))
        if not m:
            raise SystemExit(f"{filename}: no <link rel=\"canonical\"> found")
        uri = m.group(1)
        req_urn, resp_urn = record_urn("request", uri), record_urn("response", uri)
        members.append(make_record(
            WarcRecordType.request, req_urn, date,
            common + [("WARC-Target-URI", uri), ("WARC-Concurrent-To", urn_header(resp_urn)),
                      ("Content-Type", "application/http; msgtype=request")],
            http_request(uri, "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8"),
        ))
        members.append(make_record(
            WarcRecordType.response, resp_urn, date,
            common + [("WARC-Target-URI", uri), ("WARC-IP-Address", ip),
                      ("Content-Type", "application/http; msgtype=response")],
            http_response(html, "text/html; charset=utf-8", http_date),
            payload=html,
        ))

    def add_logo() -> None:
        png = tiny_png()
        date, http_date, ip = LOGO_DATE
        members.append(make_record(
            WarcRecordType.response, record_urn("response", LOGO_URI), date,
            common + [("WARC-Target-URI", LOGO_URI), ("WARC-IP-Address", ip),
                      ("Content-Type", "application/http; msgtype=response")],
            http_response(png, "image/png", http_date),
            payload=png,
        ))

    add_page(*PAGES[0])
    add_logo()
    for page in PAGES[1:]:
        add_page(*page)

    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(b"".join(members))
    print(f"wrote {OUT} ({OUT.stat().st_size} bytes, {len(members)} records)")


if __name__ == "__main__":
    main()
