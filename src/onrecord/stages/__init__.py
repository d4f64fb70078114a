"""Stages: each reads the parsed ``Doc`` and fills one part of the ``Record``.

A stage is registered by name with the spaCy components it reads, as spaCy registers its own
components; the pipeline enables exactly the components that the chosen stages need.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from spacy.tokens import Doc

from ..errors import OnrecordError
from ..record import Record


@dataclass(frozen=True)
class Stage:
    name: str
    requires: frozenset[str]
    run: Callable[[Doc, Record], None]


REGISTRY: dict[str, Stage] = {}


def stage(name: str, requires: Iterable[str] = ()) -> Callable:
    """Register ``func(doc, record)`` as the stage ``name`` needing spaCy ``requires``."""

    def register(func: Callable[[Doc, Record], None]) -> Callable[[Doc, Record], None]:
        REGISTRY[name] = Stage(name, frozenset(requires), func)
        return func

    return register


def resolve(names: Iterable[str]) -> list[Stage]:
    unknown = [name for name in names if name not in REGISTRY]
    if unknown:
        raise OnrecordError(f"unknown stage(s) {', '.join(unknown)}; known: {', '.join(REGISTRY)}")
    return [REGISTRY[name] for name in names]


def required_components(stages: Iterable[Stage]) -> frozenset[str]:
    return frozenset().union(*(s.requires for s in stages))


# Registration happens on import; Settings.stages gives the order in which they run.
from . import coref, dating, entities, quotes, times  # noqa: E402,F401
