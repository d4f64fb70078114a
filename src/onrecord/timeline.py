"""``onrecord timeline FILE...``: the dated statements and events of articles, in date order.

A statement is a quote with a ``said_on``; an event is a dated time expression outside any quote,
shown with the sentence it stands in. Values of coarser granularity (a month, a quarter, a year)
sort at their first day, before the days inside them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Literal

from .record import Record

_SENTENCE_END = re.compile(r"[.!?][\"”’']?(?=\s)|\n")


@dataclass(frozen=True)
class Row:
    date: str
    kind: Literal["statement", "event"]
    text: str
    speaker: str | None
    source: str

    def as_dict(self) -> dict:
        return asdict(self)


def timeline(records: Iterable[Record]) -> list[Row]:
    rows: list[Row] = []
    for record in records:
        rows.extend(_statements(record))
        rows.extend(_events(record))
    return sorted(rows, key=lambda row: (sort_key(row.date), row.source, row.kind != "event"))


def _statements(record: Record) -> list[Row]:
    return [
        Row(quote.said_on, "statement", quote.content.text, quote.speaker.text if quote.speaker else None,
            record.article.source)
        for quote in record.quotes
        if quote.said_on
    ]


def _events(record: Record) -> list[Row]:
    text = record.article.text
    quoted = [span for quote in record.quotes for span in quote.content.spans]
    rows = []
    seen: set[tuple[str, int]] = set()
    for time in record.times:
        if time.type not in ("DATE", "TIME") or not time.value or not time.value[:4].isdigit():
            continue
        start, end = time.spans[0]
        if any(s <= start and end <= e for s, e in quoted):
            continue  # a date inside a quotation belongs to that statement
        begin, finish = sentence_around(text, start, end)
        if (time.value, begin) in seen:
            continue
        seen.add((time.value, begin))
        rows.append(Row(time.value, "event", " ".join(text[begin:finish].split()), None, record.article.source))
    return rows


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence holding ``text[start:end]``, found by punctuation (no parse needed)."""
    begin = 0
    for match in _SENTENCE_END.finditer(text, max(0, start - 400), start):
        begin = match.end()
    stop = _SENTENCE_END.search(text, end)
    finish = stop.end() if stop else len(text)
    while begin < finish and text[begin].isspace():
        begin += 1
    return begin, finish


def sort_key(value: str) -> tuple[str, int]:
    """A sortable (first day, granularity) for a TIMEX3 value: 2023 < 2023-Q2 < 2023-06 < 2023-06-26."""
    if match := re.fullmatch(r"(\d{4})-W(\d\d)(?:-WE)?", value):
        try:
            return dt.date.fromisocalendar(int(match.group(1)), int(match.group(2)), 1).isoformat(), 3
        except ValueError:
            return f"{match.group(1)}-01-01", 3
    if match := re.fullmatch(r"(\d{4})-Q(\d)", value):
        return f"{match.group(1)}-{3 * int(match.group(2)) - 2:02d}-01", 1
    if match := re.fullmatch(r"(\d{4})-H(\d)", value):
        return f"{match.group(1)}-{6 * int(match.group(2)) - 5:02d}-01", 1
    if match := re.fullmatch(r"(\d{4})-(SP|SU|FA|WI)", value):
        return f"{match.group(1)}-{ {'SP': 3, 'SU': 6, 'FA': 9, 'WI': 12}[match.group(2)]:02d}-01", 1
    if re.fullmatch(r"\d{4}/\d{4}", value):
        return f"{value[:4]}-01-01", 0
    if re.fullmatch(r"\d{3}X", value):
        return f"{value[:3]}0-01-01", 0
    if re.fullmatch(r"\d{2}", value):
        return f"{value}00-01-01", 0
    granularity = {4: 0, 7: 2, 10: 4}.get(len(value), 5)
    padded = value[:10] + "-01-01"[len(value[:10]) - 4:] if len(value) < 10 else value[:10]
    return padded, granularity
