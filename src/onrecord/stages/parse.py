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
          attrs.SPACY, attrs.IS_PUNCT, attrs.IS_QUOTE, attrs.IS_SPACE, attrs.IS_STOP, attrs.LIKE_NUM, attrs.SENT_START]


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
    roots: list[int]  # the sentences' roots, ascending
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
        kids, starts = self.kids, self.starts
        while todo:
            node = todo.pop()
            if node < 0:  # the token itself, after its left children
                found.append(~node)
                continue
            first, stop = starts[node], starts[node + 1]
            if first == stop:
                found.append(node)
                continue
            children = kids[first:stop]
            split = bisect_left(children, node)
            todo += reversed(children[split:])
            todo.append(~node)
            todo += reversed(children[:split])
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
        sentence_root = bisect_left(self.roots, first)  # the first sentence root from ``first`` on, if any
        if sentence_root < len(self.roots) and self.roots[sentence_root] < stop:
            return self.roots[sentence_root]
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
    array = doc.to_array(_ATTRS).reshape(size, len(_ATTRS))  # one row per token, one column per attribute
    strings = doc.vocab.strings

    def column(attr: int) -> numpy.ndarray:
        return array[:, _ATTRS.index(attr)]

    def numbers(attr: int) -> numpy.ndarray:
        return column(attr).astype(numpy.int64)  # not unsigned: HEAD is an offset, negative to the left

    def names(attr: int, fold: bool = False) -> list[str]:
        # Few distinct strings per document: each is looked up once, and NumPy spreads them over the tokens.
        hashes, where = numpy.unique(column(attr), return_inverse=True)
        found = [strings[h].lower() if fold else strings[h] for h in hashes.tolist()]
        return numpy.array(found, dtype=object)[where.reshape(size)].tolist()

    def flags(attr: int) -> list[bool]:
        return column(attr).astype(bool).tolist()

    indices = numpy.arange(size)
    absolute = indices + numbers(attrs.HEAD)
    dependent = absolute != indices
    governing = absolute[dependent]
    order = numpy.argsort(governing, kind="stable")  # stable: each head's children stay ascending
    starts = numpy.searchsorted(governing[order], numpy.arange(size + 1)).tolist()
    idx = numbers(attrs.IDX)
    ends = idx + numbers(attrs.LENGTH)
    # Each token's sentence start, as ``doc.sents`` splits them: at each token whose SENT_START is 1,
    # and at the first token whatever its flag.
    sent_starts = numpy.maximum.accumulate(numpy.where(column(attrs.SENT_START) == 1, indices, 0)).tolist()
    return Parse(size, absolute.tolist(), names(attrs.DEP), list(map(POS_NAMES.__getitem__, column(attrs.POS).tolist())),
                 names(attrs.TAG), names(attrs.LEMMA, fold=True), names(attrs.LOWER), names(attrs.ENT_TYPE),
                 idx.tolist(), ends.tolist(), (ends + numbers(attrs.SPACY)).tolist(), flags(attrs.IS_PUNCT),
                 flags(attrs.IS_QUOTE), flags(attrs.IS_SPACE), flags(attrs.IS_STOP), flags(attrs.LIKE_NUM), sent_starts,
                 indices[~dependent].tolist(), indices[dependent][order].tolist(), starts)
