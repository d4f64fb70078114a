"""The learned models' common form: a logistic regression over string features.

The training scripts (``train/``) export each model as JSON, feature → weight, into ``data/``;
scoring a token or a candidate is summing the weights of its features.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Callable, Iterable
from importlib import resources
from itertools import repeat


@functools.cache
def load(name: str) -> dict:
    """The shipped model ``data/<name>.json``."""
    model = json.loads(resources.files("onrecord.stages").joinpath(f"data/{name}.json").read_text(encoding="utf-8"))
    return {key: _shared(value) if isinstance(value, dict) else value for key, value in model.items()}


def _shared(weights: dict[str, float]) -> dict[str, float]:
    """The same weights, one float object per distinct value: they are rounded, so ~100k features
    have a few thousand values, and a scoring's lookups then touch far less memory (the stage runs
    several percent faster for it, more on a busy machine)."""
    values: dict[float, float] = {}
    return {feature: values.setdefault(weight, weight) for feature, weight in weights.items()}


def score(weights: dict[str, float], features: Iterable[str]) -> float:
    return sum(map(weights.get, features, repeat(0.0)))  # map: this sum runs for every candidate


def probability(weights: dict[str, float], features: Iterable[str]) -> float:
    return logistic(score(weights, features))


def group_weights(weights: Callable[[], dict[str, float]]) -> Callable[[tuple[str, ...]], float]:
    """A feature group's summed weight, cached: the models build their features in groups that
    repeat across tokens and readings, so each group is summed once. ``weights`` is read on the
    first use of each group (training clears the cache, ``cache_clear``, when it writes new ones)."""
    @functools.lru_cache(maxsize=65536)
    def weight(group: tuple[str, ...]) -> float:
        return score(weights(), group)

    return weight


def logistic(total: float) -> float:
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, total))))
