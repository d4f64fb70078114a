"""Benchmark of the store: ingest rate and query latency on a synthetic store.

    .venv/bin/python bench/store.py [--db PATH_OR_URL] [--articles 100000] [--quotes-per-article 10]

Builds a store of ``articles x quotes-per-article`` synthetic quotes (default 100,000 articles and
1,000,000 quotes) through the real write path (entity resolution, corroboration, full-text index),
one transaction per article, then times the common queries: by speaker, full-text search, date range,
entity page and corroboration group, reporting p50 and p95. The text is generated here from word
lists: no third-party text. The target is p95 under 50 ms on the embedded (SQLite) store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

from sqlalchemy import func, select

from onrecord.record import Article, Entity, Party, Quote, Record, Role, text_id
from onrecord.store import queries
from onrecord.store.engine import connect
from onrecord.store.schema import quotes
from onrecord.store.write import store_record

FIRST = ("Ana Ruth Tobias Ingrid Paul Samira Heinrich Greta Owen Luka Bruno Anton Nadia Helena Jonas Ines Clara "
         "Konstantin Miriam Jorund Linnea Oskar Maren Teodor Vera Emil Sofie Henrik Alma Viktor").split()
LAST = ("Meravic Dahl Wrenn Maalen Iversen Oduya Lund Hallam Marsh Keel Greiss Voss Brandt Harker Weiss Marr "
        "Achterberg Vale Norberg Falk Strand Berg Lindqvist Holm Ek Sand Moe Dahlgren Aas Rask").split()
WORDS = ("budget harbour strike council library closure ferry grant vote session minister review port wages "
         "hospital maternity rail line festival documentary inquiry senator recording planning hotel fishing "
         "agreement strait protest union workers contract deficit taxes parking charges school teachers nurses "
         "doctors patients election campaign promise bridge road tunnel airport flights tourism museum theatre "
         "police court judge ruling appeal prison reform housing rents tenants landlords energy prices winter "
         "storm flood river coast erosion farmers milk prices exports imports tariffs border customs army navy "
         "treaty neighbours embassy talks ceasefire refugees shelter water drains sewage waste recycling").split()
VERBS = "will must cannot should would never always".split()
DOMAINS = [f"{name}.test" for name in ("courier", "herald", "observer", "post", "wire", "daily", "gazette", "times")]


def people(n: int) -> list[str]:
    rng = random.Random(1)
    names = set()
    while len(names) < n:
        names.add(f"{rng.choice(FIRST)} {rng.choice(LAST)} {rng.choice(LAST)[:3]}{len(names) % 97}")
    return sorted(names)


def sentence(rng: random.Random) -> str:
    words = rng.choices(WORDS, k=rng.randint(8, 20))
    words.insert(2, rng.choice(VERBS))
    return " ".join(words).capitalize() + "."


def make_article(i: int, rng: random.Random, speakers: list[str], pool: list[tuple[str, str]], per_article: int,
                 start: dt.date) -> Record:
    published = start + dt.timedelta(days=i * 730 // max(1, ARGS.articles))
    chosen = rng.sample(speakers, 4)
    parts, entities, qs = [], [], []
    for n, name in enumerate(chosen, 1):
        entities.append(Entity(id=f"e{n}", name=name, type="PERSON", mentions=[]))
    for j in range(per_article):
        if pool and rng.random() < 0.1:  # the same statement reported again: corroboration
            speaker, content = rng.choice(pool)
            if speaker not in chosen:
                chosen.append(speaker)
                entities.append(Entity(id=f"e{len(entities) + 1}", name=speaker, type="PERSON", mentions=[]))
        else:
            speaker, content = rng.choice(chosen), sentence(rng)
            if rng.random() < 0.02:
                pool.append((speaker, content))
        about = rng.choice(chosen)
        prefix = " ".join(parts)
        start_at = len(prefix) + (1 if parts else 0)
        piece = f"“{content} {about} agrees,” {speaker} said to reporters."
        parts.append(piece)
        c0 = start_at + 1
        c1 = c0 + len(content) + 1 + len(about) + 7
        s0 = start_at + piece.index(speaker, len(content))
        e_speaker = next(e for e in entities if e.name == speaker)
        e_about = next(e for e in entities if e.name == about)
        e_speaker.mentions.append((s0, s0 + len(speaker)))
        a0 = c0 + len(content) + 1
        e_about.mentions.append((a0, a0 + len(about)))
        qs.append(Quote(id=f"q{j + 1}", kind="direct", content=Role(text=f"{content} {about} agrees", spans=[(c0, c1)]),
                        speaker=Party(text=speaker, spans=[(s0, s0 + len(speaker))], entity=e_speaker.id),
                        said_on=published.isoformat() if rng.random() < 0.3 else None))
    text = " ".join(parts)
    article = Article(id=text_id(text), source=f"bench:{i}", url=f"https://{DOMAINS[i % len(DOMAINS)]}/{i}",
                      title=f"Report {i}", published=published.isoformat(), language="en", text=text)
    return Record(article=article, entities=entities, quotes=qs)


def build(engine, n_articles: int, per_article: int) -> float:
    rng = random.Random(7)
    speakers = people(max(50, n_articles // 50))
    pool: list[tuple[str, str]] = []
    start = dt.date(2023, 1, 1)
    began = time.perf_counter()
    for i in range(n_articles):
        store_record(engine, make_article(i, rng, speakers, pool, per_article, start))
        if (i + 1) % 10_000 == 0:
            elapsed = time.perf_counter() - began
            print(f"  {i + 1:,} articles, {(i + 1) * per_article / elapsed:,.0f} quotes/s", file=sys.stderr, flush=True)
    return time.perf_counter() - began


def timed(conn, runs: int, call) -> tuple[float, float]:
    rng = random.Random(3)
    samples = []
    for _ in range(runs):
        began = time.perf_counter()
        call(conn, rng)
        samples.append((time.perf_counter() - began) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def query_suite(conn, speakers: list[str]) -> dict:
    groups = conn.execute(select(quotes.c.group_id).group_by(quotes.c.group_id).having(func.count() > 1)
                          .limit(2000)).scalars().all() or [1]
    first, last = conn.execute(select(func.min(quotes.c.on_date), func.max(quotes.c.on_date))).one()
    span_days = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days

    def week(rng):
        day = dt.date.fromisoformat(first) + dt.timedelta(days=rng.randint(0, max(0, span_days - 7)))
        return day.isoformat(), (day + dt.timedelta(days=7)).isoformat()

    return {
        "quotes by speaker (50)": lambda c, r: list(queries.find_quotes(c, speaker=r.choice(speakers), limit=50)),
        "speaker since a date (50)": lambda c, r: list(queries.find_quotes(
            c, speaker=r.choice(speakers), since=week(r)[0], limit=50)),
        "full-text search, 2 words (50)": lambda c, r: list(queries.find_quotes(
            c, search=" ".join(r.sample(WORDS, 2)), limit=50)),
        "full-text search, 1 word (50)": lambda c, r: list(queries.find_quotes(c, search=r.choice(WORDS), limit=50)),
        "speaker + full-text search (50)": lambda c, r: list(queries.find_quotes(
            c, speaker=r.choice(speakers), search=r.choice(WORDS), limit=50)),
        "date range, one week (50)": lambda c, r: list(queries.find_quotes(c, since=week(r)[0], until=week(r)[1],
                                                                            limit=50)),
        "about an entity (50)": lambda c, r: list(queries.find_quotes(c, about=r.choice(speakers), limit=50)),
        "entity page": lambda c, r: queries.entity_page(c, r.choice(speakers)),
        "corroboration group": lambda c, r: list(queries.corroboration(c, r.choice(groups))),
        "grouped quotes by speaker (20)": lambda c, r: list(queries.quote_groups(c, speaker=r.choice(speakers),
                                                                                 limit=20)),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", help="store to build (default: a new SQLite file in a temporary directory)")
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--quotes-per-article", type=int, default=10)
    parser.add_argument("--runs", type=int, default=200, help="timed runs per query")
    parser.add_argument("--no-ingest", action="store_true", help="time the queries on an existing --db built by this script")
    global ARGS
    ARGS = parser.parse_args()
    db = ARGS.db or str(Path(tempfile.mkdtemp(prefix="onrecord-bench-")) / "bench.db")
    print(f"date: {dt.datetime.now().isoformat(timespec='seconds')}")
    print(f"machine: {platform.machine()}, {os.cpu_count()} CPUs, {platform.platform()}, Python {platform.python_version()}")
    print(f"command: {' '.join([os.path.basename(sys.executable), *sys.argv])}")
    print(f"store: {db}")
    engine = connect(db)
    seconds = 0.0 if ARGS.no_ingest else build(engine, ARGS.articles, ARGS.quotes_per_article)
    with engine.connect() as conn:
        n_quotes = conn.execute(select(func.count()).select_from(quotes)).scalar_one()
        stats = queries.stats(conn)
    if ARGS.no_ingest:
        print(f"store: {stats['articles']:,} articles, {n_quotes:,} quotes (ingest not timed)")
    else:
        print(f"ingest: {ARGS.articles:,} articles, {n_quotes:,} quotes in {seconds:,.0f} s: "
              f"{ARGS.articles / seconds:,.0f} articles/s, {n_quotes / seconds:,.0f} quotes/s "
              f"({stats['entities']:,} entities, {stats['corroborated_statements']:,} corroborated statements)")
    if ARGS.db is None:
        size = sum(f.stat().st_size for f in Path(db).parent.iterdir())
        print(f"store size: {size / 2**20:,.0f} MiB")
    speakers = people(max(50, ARGS.articles // 50))
    print(f"{'query':34} {'p50 ms':>8} {'p95 ms':>8}")
    with engine.connect() as conn:
        for name, call in query_suite(conn, speakers).items():
            p50, p95 = timed(conn, ARGS.runs, call)
            print(f"{name:34} {p50:8.1f} {p95:8.1f}")
            conn.rollback()
    engine.dispose()


ARGS: argparse.Namespace

if __name__ == "__main__":
    main()
