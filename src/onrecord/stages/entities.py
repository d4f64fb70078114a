"""Entities from the NER: one entity per distinct name and type.

Named referents only: numbers, dates and amounts are not who or what a statement is about.
Joining name variants into one referent (surnames, titles, nicknames) builds on this.
"""

from __future__ import annotations

from spacy.tokens import Doc

from ..record import Entity, Record
from . import stage

REFERENT_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
_TRIM = " \t\n'’\"“”.,;:()[]"


@stage("entities", requires={"ner"})
def find_entities(doc: Doc, record: Record) -> None:
    by_key: dict[tuple[str, str], Entity] = {}
    text = record.article.text  # doc.text rebuilds the string on every access
    for ent in doc.ents:
        if ent.label_ not in REFERENT_LABELS:
            continue
        start, end = _trimmed(text, ent.start_char, ent.end_char)
        if text[start:end].endswith(("'s", "’s")):
            start, end = _trimmed(text, start, end - 2)
        name = text[start:end]
        if not name:
            continue
        key = (name.casefold(), ent.label_)
        entity = by_key.get(key)
        if entity is None:
            entity = by_key[key] = Entity(id=f"e{len(by_key) + 1}", name=name, type=ent.label_)
        entity.mentions.append((start, end))
    record.entities = list(by_key.values())


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
