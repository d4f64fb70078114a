"""Entity scores: ``onrecord eval pronouns DIR`` (PolNeAR) and ``onrecord eval meantime DIR``.

Pronoun sources (PolNeAR brat standoff, read as ``eval polnear`` reads it): each gold attribution
whose Source is a pronoun counts as linked when the record ties that pronoun to an entity the
article names (one with a mention that is not a pronoun), in one of two ways: through a quote, the
predicted quote whose speaker shares characters with that source (or, failing that, whose content
has Jaccard >= 0.5 with the gold content) has that entity as ``speaker.entity``; or through the
entity, one of its ``mentions`` holds the pronoun's first character. The share is reported over all
gold pronoun sources (``linked_share``), through quotes alone (``linked_through_quotes_share``, the
figure reported before 2026-12-01), and over the sources the quote stage found.

Mention clustering (MEANTIME, CAT XML): the gold mentions are the ENTITY_MENTIONs whose
``syntactic_type`` is NAM or PRO and whose REFERS_TO target ENTITY has ``ent_type`` PER, ORG or
LOC. Each is given the predicted entity with a mention overlapping it (the longest overlap), or a
cluster of its own; B-cubed precision and recall are averaged over those gold mentions.
"""

from __future__ import annotations

import xml.etree.ElementTree as ElementTree
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from ..config import Settings
from ..errors import Failure, OnrecordError
from ..pipeline import run
from ..record import Article, Record, text_id
from .polnear import Attribution, articles, first_annotations, read_ann
from .scoring import jaccard, positions

STAGES = ("entities", "quotes", "speakers")
PRONOUNS = {"i", "me", "we", "us", "you", "he", "him", "she", "her", "they", "them", "it", "one", "myself",
            "himself", "herself", "themselves", "ourselves", "yourself", "itself"}
MEANTIME_TYPES = {"PER", "ORG", "LOC"}
MEANTIME_SYNTAX = {"NAM", "PRO"}


def _settings(settings: Settings | None) -> Settings:
    base = settings or Settings.from_env()
    return Settings(model=base.model, batch_size=base.batch_size, stages=STAGES)


# --- (a) PolNeAR pronoun sources ---------------------------------------------------------------

_PRONOUN_COUNTS = ("gold_pronoun_sources", "linked", "linked_through_quotes", "found")


def evaluate_pronouns(directory: Path, settings: Settings | None = None, limit: int | None = None) -> dict:
    directory = Path(directory)
    annotations = first_annotations(directory)
    if not annotations:
        raise OnrecordError(f"no brat annotations under {directory / 'attributions'}")
    names = sorted(annotations)[:limit]
    totals = dict.fromkeys(_PRONOUN_COUNTS, 0)
    for name, record in zip(names, run(articles(directory, names), _settings(settings)), strict=True):
        if isinstance(record, Failure):
            raise OnrecordError(str(record))
        gold = read_ann(annotations[name], record.article.text)
        for key, value in score_pronouns(record, gold).items():
            totals[key] += value
    return _pronoun_report(totals, len(names))


def score_pronouns(record: Record, gold: list[Attribution]) -> dict[str, int]:
    """Counts for one article: gold pronoun sources, those linked (either way; through quotes) and
    those a quote was found for (all those linked through quotes are among them)."""
    text = record.article.text
    named = _named_entities(record)
    mentioned = [(start, end) for e in record.entities if e.id in named for start, end in e.mentions]
    counts = dict.fromkeys(_PRONOUN_COUNTS, 0)
    for attribution in gold:
        if not attribution.source or not is_pronoun(_text_of(text, attribution.source)):
            continue
        counts["gold_pronoun_sources"] += 1
        quote = _matching_quote(record, attribution)
        through_quote = bool(quote and quote.speaker and quote.speaker.entity in named)
        first = min(attribution.source)
        counts["linked"] += through_quote or any(start <= first < end for start, end in mentioned)
        counts["linked_through_quotes"] += through_quote
        counts["found"] += quote is not None
    return counts


def is_pronoun(words: str) -> bool:
    return words.strip().casefold() in PRONOUNS


def _text_of(text: str, chars: frozenset[int]) -> str:
    return text[min(chars):max(chars) + 1] if chars else ""


def _named_entities(record: Record) -> set[str]:
    """Entities with at least one mention that is not a pronoun: the article names them."""
    text = record.article.text
    return {e.id for e in record.entities if any(not is_pronoun(text[s:t]) for s, t in e.mentions)}


def _matching_quote(record: Record, gold: Attribution):
    text = record.article.text
    for quote in record.quotes:
        if quote.speaker and gold.source & positions(text, quote.speaker.spans):
            return quote
    for quote in record.quotes:
        if jaccard(positions(text, quote.content.spans), gold.content) >= 0.5:
            return quote
    return None


def _pronoun_report(totals: dict[str, int], documents: int) -> dict:
    gold, found = totals["gold_pronoun_sources"], totals["found"]

    def share(count: int, whole: int) -> float:
        return round(count / whole, 4) if whole else 0.0

    return {
        "documents": documents,
        **totals,
        "linked_share": share(totals["linked"], gold),
        "linked_through_quotes_share": share(totals["linked_through_quotes"], gold),
        "linked_share_of_found": share(totals["linked_through_quotes"], found),
    }


# --- (b) MEANTIME mention clustering -----------------------------------------------------------


@dataclass(frozen=True)
class GoldDocument:
    name: str
    text: str
    mentions: dict[str, tuple[int, int]]  # m_id -> character span
    entity_of: dict[str, str]  # m_id -> gold entity m_id


def read_cat(path: Path) -> GoldDocument:
    """One CAT XML file: the text rebuilt from its tokens (a space between tokens, a newline between
    sentences) and the NAM/PRO mentions of PER/ORG/LOC entities with their gold entity."""
    root = ElementTree.parse(path).getroot()
    pieces, offsets, at, sentence = [], {}, 0, None
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None:
            pieces.append("\n" if token.get("sentence") != sentence else " ")
            at += 1
        sentence = token.get("sentence")
        offsets[token.get("t_id")] = (at, at + len(word))
        pieces.append(word)
        at += len(word)
    entity_types = {e.get("m_id"): e.get("ent_type") for e in root.iter("ENTITY")}
    spans = {}
    for mention in root.iter("ENTITY_MENTION"):
        if mention.get("syntactic_type") not in MEANTIME_SYNTAX:
            continue
        anchors = [offsets[a.get("t_id")] for a in mention.iter("token_anchor") if a.get("t_id") in offsets]
        if anchors:
            spans[mention.get("m_id")] = (min(s for s, _ in anchors), max(e for _, e in anchors))
    entity_of = {}
    for link in root.iter("REFERS_TO"):
        targets = [t.get("m_id") for t in link.iter("target")]
        if not targets or entity_types.get(targets[0]) not in MEANTIME_TYPES:
            continue
        for source in link.iter("source"):
            if source.get("m_id") in spans:
                entity_of[source.get("m_id")] = targets[0]
    mentions = {m: spans[m] for m in entity_of}
    return GoldDocument(path.stem, "".join(pieces), mentions, entity_of)


def evaluate_meantime(directory: Path, settings: Settings | None = None, limit: int | None = None) -> dict:
    directory = Path(directory)
    if (directory / "intra-doc_annotation").is_dir():  # the corpus root: its cross-doc copy repeats the texts
        directory = directory / "intra-doc_annotation"
    paths = sorted(directory.rglob("*.xml"))[:limit]
    if not paths:
        raise OnrecordError(f"no CAT XML files under {directory}")
    golds = [read_cat(path) for path in paths]
    items = (Article(id=text_id(g.text), source=g.name, text=g.text, language="en") for g in golds)
    precision = recall = 0.0
    count = 0
    for gold, record in zip(golds, run(items, _settings(settings)), strict=True):
        if isinstance(record, Failure):
            raise OnrecordError(str(record))
        p, r, n = bcubed(gold.entity_of, predicted_clusters(gold.mentions, record))
        precision, recall, count = precision + p * n, recall + r * n, count + n
    p, r = (precision / count, recall / count) if count else (0.0, 0.0)
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"documents": len(golds), "mentions": count, "precision": round(p, 4), "recall": round(r, 4),
            "f1": round(f1, 4)}


def predicted_clusters(mentions: dict[str, tuple[int, int]], record: Record) -> dict[str, str]:
    """Each gold mention → the predicted entity overlapping it most, or a singleton of its own."""
    spans = [(s, e, entity.id) for entity in record.entities for s, e in entity.mentions]
    assigned = {}
    for m_id, (start, end) in mentions.items():
        best, overlap = f"singleton:{m_id}", 0
        for s, e, entity in spans:
            shared = min(end, e) - max(start, s)
            if shared > overlap:
                best, overlap = entity, shared
        assigned[m_id] = best
    return assigned


def bcubed(gold: dict[str, str], guess: dict[str, str]) -> tuple[float, float, int]:
    """Mean B-cubed precision and recall over the mentions of ``gold`` (mention → cluster)."""
    items = [m for m in gold if m in guess]
    if not items:
        return 0.0, 0.0, 0
    gold_members = _members(gold, items)
    guess_members = _members(guess, items)
    precision = recall = 0.0
    for item in items:
        mine, theirs = guess_members[guess[item]], gold_members[gold[item]]
        shared = len(mine & theirs)
        precision += shared / len(mine)
        recall += shared / len(theirs)
    return precision / len(items), recall / len(items), len(items)


def _members(assignment: dict[str, str], items: Iterable[str]) -> dict[str, set[str]]:
    members: dict[str, set[str]] = defaultdict(set)
    for item in items:
        members[assignment[item]].add(item)
    return members

