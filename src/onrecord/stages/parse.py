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

from bisect import bisect_left, bisect_right
from dataclasses import dataclass

import numpy
from spacy import attrs
from spacy.parts_of_speech import NAMES as POS_NAMES
from spacy.tokens import Doc

_KEY = "onrecord.parse"
_ATTRS = [attrs.HEAD, attrs.DEP, attrs.POS, attrs.TAG, attrs.LEMMA, attrs.LOWER, attrs.ENT_TYPE, attrs.IDX, attrs.LENGTH,
          attrs.SPACY, attrs.IS_PUNCT, attrs.IS_QUOTE, attrs.IS_SPACE, attrs.IS_STOP, attrs.LIKE_NUM]


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
    spaced: list[int]  # and ends with the whitespace after it
    is_punct: list[bool]
    is_quote: list[bool]
    is_space: list[bool]
    is_stop: list[bool]
    like_num: list[bool]
    sent_starts: list[int]  # where each token's sentence starts: ``Token.sent`` walks the doc at each call
    # Each token's children, as Token.children gives them (ascending), are ``kids[starts[i]:starts[i + 1]]``:
    # two flat lists rather than a list per token, which would be thousands of long-lived containers per
    # document for the garbage collector to walk at every collection (it cost more than it saved).
    kids: list[int]
    starts: list[int]

    def children(self, i: int) -> list[int]:
        return self.kids[self.starts[i]:self.starts[i + 1]]

    def subtree(self, i: int) -> list[int]:
        """``Token.subtree`` by index and in its order (not always ascending: a parse can cross its
        arcs): each left child's subtree, the token, each right child's."""
        found: list[int] = []
        todo = [i]  # a stack, not recursion: a parse can be deeper than Python's recursion limit
        while todo:
            node = todo.pop()
            if node < 0:  # the token itself, after its left children
                found.append(~node)
                continue
            kids = self.children(node)
            if not kids:
                found.append(node)
                continue
            split = bisect_left(kids, node)
            todo += reversed(kids[split:])
            todo.append(~node)
            todo += reversed(kids[:split])
        return found

    def char_span(self, start: int, end: int, mode: str) -> tuple[int, int] | None:
        """The tokens ``Doc.char_span(start, end, alignment_mode=mode)`` covers ("expand" or
        "contract"), as the bounds (first, stop) of their slice: no Span made."""
        first, last = self._token_by_char(start), self._token_by_char(end - 1)
        if first < 0 or last < 0:
            return None
        if mode == "contract":
            first += self.idx[first] < start
            last -= end < self.ends[last]
            if last < first:
                return None
        elif start == self.ends[first]:  # "expand": the whitespace after a token is not the token
            first += 1
        return first, last + 1

    def _token_by_char(self, char: int) -> int:
        """The token whose text or the whitespace after it holds ``char``, or -1."""
        i = bisect_right(self.idx, char) - 1
        return i if i >= 0 and char < self.spaced[i] else -1

    def root(self, first: int, stop: int) -> int:
        """``Span.root`` of the tokens ``first`` to ``stop`` (exclusive), by index."""
        for i in range(first, stop):
            if self.heads[i] == i:
                return i
        best, root = self.size, -1
        for i in range(first, stop):
            if first <= self.heads[i] < stop:
                continue
            hops = self._hops_to_root(i)
            if hops < best:
                best, root = hops, i
        return first if root == -1 else root

    def _hops_to_root(self, i: int) -> int:
        # As spaCy counts: a bare space or punctuation mark is as far from the root as can be.
        if (self.is_space[i] or self.is_punct[i]) and self.starts[i] == self.starts[i + 1]:
            return self.size - 1
        hops = 0
        while self.heads[i] != i:
            i, hops = self.heads[i], hops + 1
        return hops


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
    head, dep, pos, tag, lemma, lower, ent, idx, length, space_after, punct, quote, space, stop, number = columns
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
    ends = [start + n for start, n in zip(idx, length, strict=True)]
    sent_starts: list[int] = []
    for sentence in doc.sents:
        sent_starts += [sentence.start] * len(sentence)
    return Parse(size, absolute.tolist(), names(dep), [POS_NAMES[p] for p in pos], names(tag), names(lemma, fold=True),
                 names(lower), names(ent), idx, ends, [end + n for end, n in zip(ends, space_after, strict=True)],
                 [bool(p) for p in punct], [bool(q) for q in quote], [bool(s) for s in space], [bool(s) for s in stop],
                 [bool(n) for n in number], sent_starts, indices[dependent][order].tolist(), starts)
