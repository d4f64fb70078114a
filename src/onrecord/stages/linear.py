"""The learned models' common form: a logistic regression over string features.

The training scripts (``train/``) export each model as JSON, feature → weight, into ``data/``;
scoring a token or a candidate is summing the weights of its features.
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Iterable
from importlib import resources
from itertools import repeat


@functools.cache
def load(name: str) -> dict:
    """The shipped model ``data/<name>.json``."""
    return json.loads(resources.files("onrecord.stages").joinpath(f"data/{name}.json").read_text(encoding="utf-8"))


def probability(weights: dict[str, float], features: Iterable[str]) -> float:
    score = sum(map(weights.get, features, repeat(0.0)))  # map: this sum runs for every candidate
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))
