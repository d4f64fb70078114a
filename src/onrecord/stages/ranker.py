"""Choosing among a cue's candidate contents and speakers (``candidates``): a learned ranker.

A logistic regression scores each candidate on features of the cue and of the candidate's shape;
the best-scoring candidate wins. Trained by ``train/roles.py`` (``make train``) on PolNeAR's
training split, shipped as ``data/roles.json``. Like ``cue_model``, training and inference share
``features`` (and ``boundary_vectors``) so they cannot drift apart.

A content's score also reads the small model's contextual token vectors (``doc.tensor``, which its
``tok2vec`` computed for the parse anyway) at the reading's edges: its first and last words and the
words just outside them. Whether annotators start a report at "But" or end it before ", citing …"
depends on the clause around those words, which their own features only hint at (on PolNeAR dev
this added 0.4 points of exact content F1). The doc's vectors are projected on those
weights once per document, so each reading costs four lookups.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from dataclasses import dataclass, field

import numpy
from spacy.tokens import Doc, Span, Token

from . import linear
from .candidates import Candidate, Spans
from .parse import Parse, parse_of

_LIMITS = (1, 2, 3, 5, 8, 13, 21, 34, 55, 1_000_000)
_BUCKETS = tuple(str(limit) for limit in _LIMITS)
_MARKS = re.compile("[“”\"«»]")


def _bucket(n: int) -> str:
    """The least of ``_LIMITS`` not below ``n``."""
    return _BUCKETS[bisect_left(_LIMITS, n)]


@dataclass(frozen=True)
class Context:
    """What every candidate of one cue shares, computed once per cue: the cue's lemma, its
    sentence, and the rival readings (a reading is chosen against the others on offer)."""
    lemma: str
    sentence_start: int
    sentence_end: int
    kinds: dict[Spans, tuple[str, ...]]  # the kinds offering each reading
    offered: frozenset[str]  # all kinds on offer
    places: dict[Spans, str]  # where each reading's length in characters ranks among theirs (see _rivals)
    shapes: dict[tuple[int, int], tuple[str, ...]] = field(default_factory=dict)  # see _shape
    edges: dict[tuple[int, int], float] = field(default_factory=dict)  # see _edges
    tokens: dict[tuple[int, int], tuple[int, int, int, int] | None] = field(default_factory=dict)  # boundary_tokens


def cue_context(cue: Token, offered: list[Candidate], sentence: Span | None = None) -> Context:
    sentence = sentence if sentence is not None else cue.sent  # Token.sent walks the doc
    kinds: dict[Spans, tuple[str, ...]] = {}
    for candidate in offered:
        kinds[candidate.spans] = (*kinds.get(candidate.spans, ()), candidate.kind)
    return Context(cue.lemma_.lower(), sentence.start_char, sentence.end_char, kinds,
                   frozenset(c.kind for c in offered), _places(kinds))


def _places(readings) -> dict[Spans, str]:
    """Each reading's rank by length among the distinct lengths on offer: "0" (shortest) to "3",
    or "longest"."""
    sizes = {spans: _size(spans) for spans in readings}
    ranks = {size: rank for rank, size in enumerate(sorted(set(sizes.values())))}
    longest = len(ranks) - 1
    return {spans: "longest" if ranks[size] == longest else str(min(ranks[size], 3)) for spans, size in sizes.items()}


def _size(spans: Spans) -> int:
    return sum(end - start for start, end in spans)


def _shape(cue: Token, start: int, end: int, doc: Doc, text: str, context: Context) -> tuple[str, ...]:
    """What the words from ``start`` to ``end`` look like, whichever kinds offer them: computed
    once per cue and stretch of text, as several readings often share it."""
    parse = parse_of(doc)  # the words' attributes by index: no Span or Token made for them
    span = parse.char_span(start, end, "expand")
    size = span[1] - span[0] if span is not None else 0
    context.tokens[start, end] = _edge_indices(*span) if size else None  # see _edges
    first = span[0] if size else cue.i
    last = span[1] - 1 if size else cue.i
    side = "left" if end <= cue.idx else "right" if start >= cue.idx + len(cue) else "around"
    quoted = _MARKS.search(text, start, end) is not None or text[max(0, start - 1):start] in "“\"«‘'"
    return (side, _bucket(size), parse.lowers[first] if parse.is_stop[first] else parse.pos[first], parse.deps[first],
            parse.pos[last], str(quoted), str(end >= context.sentence_end - 2),
            str(start <= context.sentence_start + 1), parse.ents[first] or "-", parse.pos[parse.root(*span)] if size else "-",
            _left(parse, span[1] if size else cue.i + 1, context))


def _left(parse: Parse, stop: int, context: Context) -> str:
    """How many words of the sentence are left after a reading, bucketed: a clause's reading that
    stops short of the sentence's end is most often one annotators end before ", which …" or
    ", forcing …". On PolNeAR dev, +0.3 points of exact content F1; the words just outside the
    reading as features instead cost 9 of dev's 2,153 right picks (the edge vectors know them)."""
    end = bisect_left(parse.idx, context.sentence_end, stop)
    words = end - stop - sum(parse.is_punct[stop:end])
    return _bucket(words) if words > 0 else "0"


def features(role: str, cue: Token, candidate: Candidate, doc: Doc, text: str, context: Context) -> list[str]:
    return [feature for group in _groups(role, cue, candidate, doc, text, context) for feature in group]


def _groups(role: str, cue: Token, candidate: Candidate, doc: Doc, text: str,
            context: Context) -> tuple[tuple[str, ...], ...]:
    start, end = candidate.spans[0][0], candidate.spans[-1][1]
    shape = context.shapes.get((start, end))
    if shape is None:
        shape = context.shapes[start, end] = _shape(cue, start, end, doc, text, context)
    kind, trim = candidate.kind, candidate.trim or "-"
    offered = context.offered
    return (_cue_features(role, kind, context.lemma, cue.pos_, cue.dep_), _shape_features(role, kind, shape),
            _spans_feature(role, len(candidate.spans)), _trim_features(role, kind, trim, context.lemma, candidate.cut),
            _rivals(role, kind, trim, context.places[candidate.spans], "quotation" in offered, "clause" in offered,
                    "objects" in offered, context.kinds[candidate.spans]))


# The features are built from few distinct values (kinds, lemmas, shapes, trims): each group's
# strings are made once per distinct combination rather than for each of the thousands of
# readings a document offers.
@functools.lru_cache(maxsize=16384)
def _cue_features(role: str, kind: str, lemma: str, pos: str, dep: str) -> tuple[str, ...]:
    return (f"{role}:kind={kind}", f"{role}:kind_lemma={kind}|{lemma}", f"{role}:kind_pos={kind}|{pos}",
            f"{role}:kind_dep={kind}|{dep}")


@functools.lru_cache(maxsize=16384)
def _shape_features(role: str, kind: str, shape: tuple[str, ...]) -> tuple[str, ...]:
    side, size, first, first_dep, last_pos, quoted, ends, starts, first_ent, head_pos, left = shape
    return (f"{role}:side={side}", f"{role}:kind_side={kind}|{side}", f"{role}:len={size}",
            f"{role}:kind_len={kind}|{size}", f"{role}:first={first}", f"{role}:first_dep={first_dep}",
            f"{role}:last_pos={last_pos}", f"{role}:quoted={quoted}", f"{role}:kind_quoted={kind}|{quoted}",
            f"{role}:ends_sentence={ends}", f"{role}:starts_sentence={starts}", f"{role}:first_ent={first_ent}",
            f"{role}:head_pos={head_pos}", f"{role}:left={kind}|{left}")


@functools.lru_cache(maxsize=16384)
def _trim_features(role: str, kind: str, trim: str, lemma: str, cut: tuple[str, ...]) -> tuple[str, ...]:
    return (f"{role}:trim={trim}", f"{role}:trim_kind={trim}|{kind}", f"{role}:trim_lemma={trim}|{lemma}",
            *(f"{role}:trim_cut{n}={trim}|{value}" for n, value in enumerate(cut)))


@functools.lru_cache(maxsize=16384)
def _spans_feature(role: str, spans: int) -> tuple[str, ...]:
    return (f"{role}:spans={spans}",)


@functools.lru_cache(maxsize=16384)
def _rivals(role: str, kind: str, trim: str, place: str, quotation: bool, clause: bool, objects: bool,
            kinds: tuple[str, ...]) -> tuple[str, ...]:
    """How a reading stands among the others: which kinds are on offer, how long it is against
    them (``place``), which other kinds offer the same words (``kinds``)."""
    return (f"{role}:rival_quotation={kind}|{quotation}", f"{role}:rival_clause={kind}|{clause}",
            f"{role}:rival_objects={kind}|{objects}", f"{role}:place={kind}|{place}", f"{role}:place_trim={trim}|{place}",
            *(f"{role}:also={kind}|{other}" for other in kinds if other != kind))


_group_weight = linear.group_weights(lambda: linear.load("roles")["weights"])


def boundary_tokens(doc: Doc, start: int, end: int) -> tuple[int, int, int, int] | None:
    """The token indices at a reading's edges: its first and last word, the word before, the word after."""
    span = parse_of(doc).char_span(start, end, "expand")  # as ``_shape`` finds them: no Span made
    return _edge_indices(*span) if span is not None and span[1] > span[0] else None


def _edge_indices(first: int, stop: int) -> tuple[int, int, int, int]:
    return first, stop - 1, first - 1, stop


def boundary_vectors(doc: Doc, start: int, end: int) -> numpy.ndarray:
    """The token vectors at ``boundary_tokens``, end to end (zeros beyond the document): what
    ``train/roles.py`` fits ``content_edges`` on."""
    width = doc.tensor.shape[1]
    out = numpy.zeros(4 * width, dtype=numpy.float32)
    for n, i in enumerate(boundary_tokens(doc, start, end) or ()):
        if 0 <= i < len(doc):
            out[n * width:(n + 1) * width] = doc.tensor[i]
    return out


_projected: dict = {}  # the last document's vectors projected on the edge weights


def _edges(doc: Doc, start: int, end: int, context: Context) -> float:
    """The token vectors' part of a content reading's score (see the module's docstring)."""
    found = context.edges.get((start, end))
    if found is not None:
        return found
    if _projected.get("doc") is not doc:
        weights = _edge_weights()
        tensor = doc.tensor
        usable = tensor is not None and tensor.shape == (len(doc), len(weights) // 4)
        # as Python lists: four lookups per reading are slower on a NumPy array
        _projected.update(doc=doc, values=_projection(tensor, weights.reshape(4, -1).T) if usable else None)
    values = _projected["values"]
    found = 0.0
    tokens = context.tokens[start, end] if (start, end) in context.tokens else boundary_tokens(doc, start, end)
    if values is not None and tokens is not None:
        found = sum(values[n][i] for n, i in enumerate(tokens) if 0 <= i < len(doc))
    context.edges[start, end] = found
    return found


# Rows per product: OpenBLAS runs a product this narrow on two threads from about 680 rows on, and
# waking the second one cost more than the product (up to 2 ms a document on a busy machine).
_ROWS = 512


def _projection(tensor: numpy.ndarray, weights: numpy.ndarray) -> list[list[float]]:
    """``tensor @ weights`` as lists, one per column (edge), in parts of at most ``_ROWS`` rows, run
    on one thread. The parts are near equal, never of one row (a one-row product takes another
    path): the values are those of the whole product. By column, as four lists of floats: a list
    per token row made thousands of containers per document for the garbage collector to scan,
    which cost more than the product."""
    parts = numpy.array_split(tensor, max(1, -(-len(tensor) // _ROWS)))
    columns: list[list[float]] = [[] for _ in range(weights.shape[1])]
    for part in parts:
        for column, values in zip(columns, (part @ weights).T.tolist(), strict=True):
            column.extend(values)
    return columns


@functools.cache
def _edge_weights() -> numpy.ndarray:
    return numpy.array(linear.load("roles")["content_edges"], dtype=numpy.float32)


def score(role: str, cue: Token, candidate: Candidate, doc: Doc, text: str, context: Context) -> float:
    total = _group_weight(_bias(role)) + sum(map(_group_weight, _groups(role, cue, candidate, doc, text, context)))
    if role == "content":
        total += _edges(doc, candidate.spans[0][0], candidate.spans[-1][1], context)
    return linear.logistic(total)


@functools.cache
def _bias(role: str) -> tuple[str, ...]:
    return (f"{role}:bias",)


def best(role: str, cue: Token, candidates: list[Candidate], doc: Doc, text: str,
         sentence: Span | None = None) -> Candidate | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    context = cue_context(cue, candidates, sentence)
    return max(candidates, key=lambda c: score(role, cue, c, doc, text, context))
