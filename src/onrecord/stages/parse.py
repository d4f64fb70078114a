"""One document's parse as plain Python lists, read once and shared by the quotes stage's parts.

Every ``doc[i]``, ``token.head`` or child of ``token.children`` makes a new ``Token`` object, and
the cue detector, the extent model, the candidates and the ranker ask about the same few tokens'
neighbours, heads and children thousands of times per article: reading a token's attributes that
way was an eighth of the stage's time, and its garbage collections more. ``parse_of`` reads the
attributes those hot loops need for all tokens at once (``Doc.to_array``) and keeps them with the
document, so each later question is a list lookup. The values are the Token attributes' own
(``lemmas`` is ``lemma_.lower()``, ``heads`` the absolute index ``head.i``), so code reading them
decides exactly as code reading the tokens did.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy
from spacy.attrs import DEP, ENT_TYPE, HEAD, IDX, IS_PUNCT, IS_QUOTE, IS_STOP, LEMMA, LENGTH, LOWER, POS, TAG
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

_KEY = "onrecord.parse"
_ATTRS = [HEAD, DEP, POS, TAG, LEMMA, LOWER, ENT_TYPE, IDX, LENGTH, IS_PUNCT, IS_QUOTE, IS_STOP]


@dataclass(frozen=True, eq=False)
class Parse:
    size: int
    heads: list[int]  # head.i (a root is its own head)
    deps: list[str]
    pos: list[str]
    tags: list[str]
    lemmas: list[str]  # lower-cased
    lowers: list[str]
    ents: list[str]  # ent_type_, "" outside entities
    idx: list[int]  # where each token starts in the text
    ends: list[int]  # and ends (``candidates.end_of``)
    is_punct: list[bool]
    is_quote: list[bool]
    is_stop: list[bool]
    # Each token's children, as Token.children gives them (ascending), are ``kids[starts[i]:starts[i + 1]]``:
    # two flat lists rather than a list per token, which would be thousands of long-lived containers per
    # document for the garbage collector to walk at every collection (it cost more than it saved).
    kids: list[int]
    starts: list[int]

    def children(self, i: int) -> list[int]:
        return self.kids[self.starts[i]:self.starts[i + 1]]


def parse_of(doc: Doc) -> Parse:
    """The document's ``Parse``, made on first use (the stages never change a parsed document)."""
    found = doc.user_data.get(_KEY)
    if found is None or found.size != len(doc):
        found = doc.user_data[_KEY] = _read(doc)
    return found


def _read(doc: Doc) -> Parse:
    size = len(doc)
    array = doc.to_array(_ATTRS).astype(numpy.int64)  # HEAD is an offset, negative to the left
    columns = array.T.tolist() if size else [[] for _ in _ATTRS]
    head, dep, pos, tag, lemma, lower, ent, idx, length, punct, quote, stop = columns
    strings = doc.vocab.strings

    def names(hashes: list[int], fold: bool = False) -> list[str]:
        # Few distinct strings per document: each is looked up once (hashes beyond 2**63 came back
        # negative from int64, so they are taken back modulo 2**64).
        table = {h: strings[h % 2**64] for h in set(hashes)}
        if fold:
            table = {h: name.lower() for h, name in table.items()}
        return [table[h] for h in hashes]

    indices = numpy.arange(size)
    absolute = indices + array[:, 0] if size else indices
    dependent = absolute != indices
    governing = absolute[dependent]
    order = numpy.argsort(governing, kind="stable")  # stable: each head's children stay ascending
    starts = numpy.searchsorted(governing[order], numpy.arange(size + 1)).tolist()
    return Parse(size, absolute.tolist(), names(dep), [POS_NAMES[p] for p in pos], names(tag), names(lemma, fold=True),
                 names(lower), names(ent), idx, [start + n for start, n in zip(idx, length, strict=True)],
                 [bool(p) for p in punct], [bool(q) for q in quote], [bool(s) for s in stop],
                 indices[dependent][order].tolist(), starts)
