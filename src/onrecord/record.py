"""The record: the typed form of the contract in ``shared/contract/record.md``.

Evaluation scripts outside the project read these fields, so they may be added to but never
renamed, removed or given another meaning. ``schema/record.schema.json`` is generated from these
models (``onrecord schema``) and a test keeps the committed copy in step with them.

Offsets are Python ``str`` indices into ``Article.text``, end exclusive.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

SCHEMA_VERSION = "onrecord/1"

Span = tuple[int, int]
QuoteKind = Literal["direct", "indirect", "mixed", "partial", "block"]
TermKind = Literal["scare", "title", "term"]
TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


class _Model(BaseModel):
    # Unknown fields are refused so that a typo never passes as a contract field.
    model_config = ConfigDict(extra="forbid")


class Article(_Model):
    id: str = Field(description="sha256 of the normalised text, or a stable id")
    source: str = Field(description="the input's path or URL as given")
    url: str | None = None
    title: str | None = None
    byline: list[str] = Field(default_factory=list)
    publisher: str | None = None
    published: str | None = Field(None, description="ISO date, e.g. 2023-06-27")
    language: str | None = Field(None, description="ISO 639-1 code")
    text: str = Field(description="the exact text all offsets point into")


class Entity(_Model):
    id: str
    name: str = Field(description="the fullest name form")
    type: str = Field(description="spaCy/OntoNotes label: PERSON, ORG, GPE, NORP, ...")
    aliases: list[str] = Field(default_factory=list)
    descriptors: list[str] = Field(default_factory=list)
    mentions: list[Span] = Field(default_factory=list)


class Role(_Model):
    """A role in an attribution (content, cue): text and the spans it covers."""

    text: str
    spans: list[Span]


class Party(Role):
    """A speaker or addressee: the mention in the text and the entity it resolves to."""

    entity: str | None = None


class Quote(_Model):
    id: str
    kind: QuoteKind
    content: Role
    cue: Role | None = None
    speaker: Party | None = None
    addressee: Party | None = None
    parent: str | None = None
    said_on: str | None = None


class Term(_Model):
    text: str
    spans: list[Span]
    kind: TermKind


class TimeExpression(_Model):
    text: str
    spans: list[Span]
    type: TimeType
    value: str | None = None


class Record(_Model):
    schema_: str = Field(SCHEMA_VERSION, alias="schema")
    article: Article
    entities: list[Entity] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    terms: list[Term] = Field(default_factory=list)
    times: list[TimeExpression] = Field(default_factory=list)

    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json", by_alias=True)

    def to_json(self, indent: int | None = None) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=indent)


def text_id(text: str) -> str:
    """The article id: sha256 of the text normalised so that re-scrapes of one article agree."""
    normalised = re.sub(r"\s+", " ", unicodedata.normalize("NFKC", text)).strip()
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


def json_schema() -> dict:
    schema = Record.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = SCHEMA_VERSION
    return schema
