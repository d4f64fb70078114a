"""``onrecord eval polnear DIR``: attribution scores against PolNeAR's brat standoff.

DIR holds ``text/*.txt``, ``attributions/*_<annotator>.ann`` and, one level up,
``metadata.tsv``. Where several annotators annotated an article, the first one listed in the
metadata counts (the first in name order when there is no metadata).

Definitions (the issue's, kept exactly):
- spans are sets of character positions, each fragment trimmed of whitespace and punctuation;
- role-level exact: equal sets, matched one to one; overlap: Jaccard >= 0.5, one to one;
- attribution: a predicted quote is right when its content has Jaccard >= 0.5 with a gold content
  and its speaker shares characters with that attribution's source, or both are absent.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import Failure, OnrecordError
from ..pipeline import run
from ..record import Article, Record, text_id
from .scoring import Counts, Positions, jaccard, match, positions

ROLES = ("source", "cue", "content")


@dataclass(frozen=True)
class Attribution:
    source: Positions | None
    cue: Positions | None
    content: Positions


@dataclass
class Scores:
    exact: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    overlap: dict[str, Counts] = field(default_factory=lambda: {role: Counts() for role in ROLES})
    attribution: Counts = field(default_factory=Counts)
    documents: int = 0

    def as_dict(self) -> dict:
        return {
            "documents": self.documents,
            "exact": {role: counts.as_dict() for role, counts in self.exact.items()},
            "overlap": {role: counts.as_dict() for role, counts in self.overlap.items()},
            "attribution": self.attribution.as_dict(),
        }


def read_ann(path: Path, text: str) -> list[Attribution]:
    """The attributions of one brat file: ``E`` lines tie Source, Cue and Content spans together."""
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        # A span's text may hold a line break, so its continuation is a line of its own: only
        # "T<n><tab>" and "E<n><tab>" start annotations.
        if re.match(r"T\d+\t", line):
            ident, label_and_offsets = line.split("\t")[:2]
            _, offsets = label_and_offsets.split(" ", 1)
            spans[ident] = [tuple(map(int, part.split())) for part in offsets.split(";")]
        elif re.match(r"E\d+\t", line):
            events.append(line.split("\t")[1].split())
    attributions = []
    for arguments in events:
        roles: dict[str, list[tuple[int, int]]] = {}
        for argument in arguments[1:]:  # the first is the event's own trigger
            role, ident = argument.split(":")
            role = re.sub(r"\d+$", "", role).lower()  # Content2 is more of the content
            roles.setdefault(role, []).extend(spans.get(ident, []))
        if "content" not in roles:
            continue
        attributions.append(Attribution(
            source=positions(text, roles["source"]) if "source" in roles else None,
            cue=positions(text, roles["cue"]) if "cue" in roles else None,
            content=positions(text, roles["content"]),
        ))
    return attributions


def predicted(record: Record) -> list[Attribution]:
    text = record.article.text
    return [
        Attribution(
            source=positions(text, quote.speaker.spans) if quote.speaker else None,
            cue=positions(text, quote.cue.spans) if quote.cue else None,
            content=positions(text, quote.content.spans),
        )
        for quote in record.quotes
    ]


def score_document(scores: Scores, guess: list[Attribution], gold: list[Attribution]) -> None:
    scores.documents += 1
    for role in ROLES:
        guessed = [getattr(a, role) for a in guess if getattr(a, role)]
        truth = [getattr(a, role) for a in gold if getattr(a, role)]
        scores.exact[role].add(match(guessed, truth, lambda p, g: p == g), len(guessed), len(truth))
        scores.overlap[role].add(match(guessed, truth, lambda p, g: jaccard(p, g) >= 0.5), len(guessed), len(truth))
    scores.attribution.add(match(guess, gold, _same_attribution), len(guess), len(gold))


def _same_attribution(guess: Attribution, gold: Attribution) -> bool:
    if jaccard(guess.content, gold.content) < 0.5:
        return False
    if guess.source is None or gold.source is None:
        return guess.source is None and gold.source is None
    return bool(guess.source & gold.source)


def _metadata(directory: Path) -> dict[str, dict]:
    """The split's rows of ``../metadata.tsv`` by article name (empty where there is none)."""
    path = directory.parent / "metadata.tsv"
    if not path.is_file():
        return {}
    with open(path, encoding="utf-8", newline="") as rows:
        return {row["filename"]: row for row in csv.DictReader(rows, delimiter="\t")}


def first_annotations(directory: Path) -> dict[str, Path]:
    """Article name → the .ann file of its first annotator (the metadata's order, else name order)."""
    metadata = _metadata(directory)
    by_name: dict[str, list[Path]] = {}
    for path in sorted((directory / "attributions").glob("*.ann")):
        by_name.setdefault(path.stem.rsplit("_", 1)[0], []).append(path)

    def rank(path: Path) -> int:
        name, annotator = path.stem.rsplit("_", 1)
        order = metadata.get(name, {}).get("annotators", "").split("|")
        return order.index(annotator) if annotator in order else len(order)

    return {name: min(paths, key=rank) for name, paths in by_name.items()}


def articles(directory: Path, names: Iterable[str]) -> Iterator[Article]:
    """The texts exactly as annotated: no repair, since gold offsets point into the raw text."""
    metadata = _metadata(directory)
    for name in names:
        path = directory / "text" / f"{name}.txt"
        text = path.read_text(encoding="utf-8")
        published = metadata.get(name, {}).get("publication_date")
        yield Article(id=text_id(text), source=str(path), text=text, language="en", published=published)


def evaluate(directory: Path, settings: Settings | None = None, jobs: int = 1, limit: int | None = None) -> Scores:
    directory = Path(directory)
    annotations = first_annotations(directory)
    if not annotations:
        raise OnrecordError(f"no brat annotations under {directory / 'attributions'}")
    names = sorted(annotations)[:limit]
    scores = Scores()
    for name, result in zip(names, run(articles(directory, names), settings, jobs=jobs), strict=True):
        if isinstance(result, Failure):
            raise OnrecordError(str(result))
        gold = read_ann(annotations[name], result.article.text)
        score_document(scores, predicted(result), gold)
    return scores
