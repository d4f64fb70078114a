"""Span-set scoring shared by the evaluations.

A span is a set of character positions (a role may cover several fragments). Predictions and gold
items are matched one to one, so one prediction never earns two gold items.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

Positions = frozenset[int]

# Characters trimmed from each end of every fragment before comparing, so that a span with or
# without its closing quotation mark or full stop counts as the same span.
TRIM = " \t\n\r\u00a0.,;:!?\"“”‘’'«»()[]—–-…"


def positions(text: str, fragments: Sequence[tuple[int, int]]) -> Positions:
    """The set of character positions of ``fragments`` in ``text``, each trimmed at both ends."""
    chars: set[int] = set()
    for start, end in fragments:
        while start < end and text[start] in TRIM:
            start += 1
        while end > start and text[end - 1] in TRIM:
            end -= 1
        chars.update(range(start, end))
    return frozenset(chars)


def jaccard(a: Positions, b: Positions) -> float:
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def match(predicted: Sequence, gold: Sequence, fits: Callable[[object, object], bool]) -> int:
    """Size of a maximum one-to-one matching of ``predicted`` to ``gold`` under ``fits``."""
    candidates = [[g for g, item in enumerate(gold) if fits(p, item)] for p in predicted]
    owner: dict[int, int] = {}

    def assign(p: int, seen: set[int]) -> bool:
        for g in candidates[p]:
            if g in seen:
                continue
            seen.add(g)
            if g not in owner or assign(owner[g], seen):
                owner[g] = p
                return True
        return False

    return sum(assign(p, set()) for p in range(len(predicted)))


@dataclass
class Counts:
    """Matched items against the sizes of prediction and gold, summed over documents."""

    matched: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, matched: int, predicted: int, gold: int) -> None:
        self.matched += matched
        self.predicted += predicted
        self.gold += gold

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(100 * self.precision, 1), "recall": round(100 * self.recall, 1),
                "f1": round(100 * self.f1, 1), "matched": self.matched, "predicted": self.predicted,
                "gold": self.gold}
