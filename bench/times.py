"""Throughput of ``find_times`` on one core: sentences per second over TimeBank and AQUAINT.

Reads the TimeML texts first (not timed), then runs ``find_times`` over every document with its
creation time as anchor, round after round; reports the median. Sentences are counted by
punctuation (a full stop, question or exclamation mark before white space, or a line break ending
a non-empty line). Prints the date, machine, Python and command so that the figure can be quoted.
It times the text path (no parse): with the parse, which the pipeline makes once for all stages,
``find_times`` runs at about the same rate, and the parse itself is what costs.

Run:  .venv/bin/python bench/times.py [DIR] [--rounds 5] [--per-sentence]
DIR defaults to ../shared/data/time/TBAQ-cleaned; --per-sentence calls find_times once per sentence
instead of once per document (a harder case: the per-call overhead counts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shlex
import statistics
import sys
import time
from pathlib import Path

from onrecord.eval.timeml import corpora, read
from onrecord.stages.times import find_times

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "data" / "time" / "TBAQ-cleaned"
_SENTENCE = re.compile(r"[^\s].*?(?:[.!?](?=\s|$)|(?=\n)|$)", re.S)


def sentences(text: str) -> list[str]:
    return [m.group(0) for m in _SENTENCE.finditer(text) if m.group(0).strip()]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("directory", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--per-sentence", action="store_true")
    args = parser.parse_args()
    if not args.directory.is_dir():
        sys.exit(f"no TimeML data at {args.directory}")
    files = corpora(args.directory)
    documents = [read(path) for name in ("TimeBank", "AQUAINT") if name in files for path in files[name]]
    units = [(s, d.anchor) for d in documents for s in sentences(d.text)]
    count = len(units)
    if not args.per_sentence:
        units = [(d.text, d.anchor) for d in documents]
    for text, anchor in units[:50]:  # warm up: compiled patterns, imports
        find_times(text, anchor)
    timings = []
    for _ in range(args.rounds):
        started = time.perf_counter()
        for text, anchor in units:
            find_times(text, anchor)
        timings.append(time.perf_counter() - started)
    median = statistics.median(timings)
    print(f"date:      {dt.datetime.now().astimezone().isoformat(timespec='seconds')}")
    print(f"machine:   {platform.node()} {platform.machine()} {platform.processor() or ''} "
          f"{os.cpu_count()} cpus, Python {platform.python_version()}")
    print(f"command:   {shlex.join([sys.executable, *sys.argv])}")
    print(f"data:      {len(documents)} documents, {count} sentences, {sum(len(d.text) for d in documents):,} chars")
    print(f"unit:      {'one call per sentence' if args.per_sentence else 'one call per document'}, text path (no parse)")
    print(f"rounds:    {args.rounds}, median {median:.3f} s (min {min(timings):.3f}, max {max(timings):.3f})")
    print(f"result:    {count / median:,.0f} sentences/s on one core")


if __name__ == "__main__":
    main()
