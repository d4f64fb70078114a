"""Choosing among a cue's candidate contents and speakers (``candidates``): a learned ranker.

A logistic regression scores each candidate on features of the cue and of the candidate's shape;
the best-scoring candidate wins. Trained by ``train/roles.py`` (``make train``) on PolNeAR's
training split, shipped as ``data/roles.json``. Like ``cue_model``, training and inference share
``features`` so they cannot drift apart.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from . import linear
from .candidates import Candidate, Spans

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
    span = doc.char_span(start, end, alignment_mode="expand")
    size = len(span) if span is not None else 0
    first = span[0] if size else cue
    last = span[-1] if size else cue
    side = "left" if end <= cue.idx else "right" if start >= cue.idx + len(cue) else "around"
    quoted = _MARKS.search(text, start, end) is not None or text[max(0, start - 1):start] in "“\"«‘'"
    return (side, _bucket(size), first.lower_ if first.is_stop else first.pos_, first.dep_, last.pos_, str(quoted),
            str(end >= context.sentence_end - 2), str(start <= context.sentence_start + 1), first.ent_type_ or "-",
            span.root.pos_ if size else "-")


def features(role: str, cue: Token, candidate: Candidate, doc: Doc, text: str, context: Context) -> list[str]:
    lemma = context.lemma
    start, end = candidate.spans[0][0], candidate.spans[-1][1]
    shape = context.shapes.get((start, end))
    if shape is None:
        shape = context.shapes[start, end] = _shape(cue, start, end, doc, text, context)
    side, size, first, first_dep, last_pos, quoted, ends, starts, first_ent, head_pos = shape
    kind = candidate.kind
    trim = candidate.trim or "-"
    return [
        f"{role}:kind={kind}", f"{role}:kind_lemma={kind}|{lemma}", f"{role}:kind_pos={kind}|{cue.pos_}",
        f"{role}:kind_dep={kind}|{cue.dep_}", f"{role}:side={side}", f"{role}:kind_side={kind}|{side}",
        f"{role}:len={size}", f"{role}:kind_len={kind}|{size}",
        f"{role}:spans={len(candidate.spans)}", f"{role}:first={first}",
        f"{role}:first_dep={first_dep}", f"{role}:last_pos={last_pos}", f"{role}:quoted={quoted}",
        f"{role}:kind_quoted={kind}|{quoted}", f"{role}:ends_sentence={ends}",
        f"{role}:starts_sentence={starts}", f"{role}:first_ent={first_ent}", f"{role}:head_pos={head_pos}",
        f"{role}:trim={trim}", f"{role}:trim_kind={trim}|{kind}", f"{role}:trim_lemma={trim}|{lemma}",
        *(f"{role}:trim_cut{n}={trim}|{value}" for n, value in enumerate(candidate.cut)),
        *_rivals(role, candidate, context),
    ]


def _rivals(role: str, candidate: Candidate, context: Context) -> list[str]:
    """How a reading stands among the others: which kinds are on offer, how long it is against
    them, which other kinds offer the same words."""
    kind, offered = candidate.kind, context.offered
    place = context.places[candidate.spans]
    return [f"{role}:rival_quotation={kind}|{'quotation' in offered}", f"{role}:rival_clause={kind}|{'clause' in offered}",
            f"{role}:rival_objects={kind}|{'objects' in offered}", f"{role}:place={kind}|{place}",
            f"{role}:place_trim={candidate.trim or '-'}|{place}",
            *(f"{role}:also={kind}|{other}" for other in context.kinds[candidate.spans] if other != kind)]


def score(role: str, cue: Token, candidate: Candidate, doc: Doc, text: str, context: Context) -> float:
    found = features(role, cue, candidate, doc, text, context)
    return linear.probability(linear.load("roles")["weights"], [f"{role}:bias", *found])


def best(role: str, cue: Token, candidates: list[Candidate], doc: Doc, text: str,
         sentence: Span | None = None) -> Candidate | None:
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    context = cue_context(cue, candidates, sentence)
    return max(candidates, key=lambda c: score(role, cue, c, doc, text, context))
