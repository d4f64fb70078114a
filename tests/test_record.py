"""The record is the contract: every output validates against the committed JSON Schema."""

from __future__ import annotations

import json

import jsonschema
import pytest
from conftest import ROOT, SAMPLES

import onrecord
from onrecord.errors import Failure
from onrecord.record import SCHEMA_VERSION, json_schema

SCHEMA_FILE = ROOT / "src" / "onrecord" / "schema" / "record.schema.json"


@pytest.fixture(scope="module")
def sample_records():
    results = list(onrecord.extract_many([SAMPLES]))
    assert not [r for r in results if isinstance(r, Failure)]
    return results


def test_committed_schema_matches_the_models():
    assert json.loads(SCHEMA_FILE.read_text(encoding="utf-8")) == json_schema(), "run `make schema`"


def test_every_sample_record_validates(sample_records):
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA_FILE.read_text(encoding="utf-8")))
    for record in sample_records:
        data = json.loads(record.to_json())
        validator.validate(data)
        assert data["schema"] == SCHEMA_VERSION
        assert set(data) == {"schema", "article", "entities", "quotes", "terms", "times"}


def test_entity_mentions_point_into_the_text(sample_records):
    pronouns = {"he", "she", "him", "her", "they", "them", "it", "his", "its", "their", "i", "we", "me", "us", "my",
                "you", "myself"}
    for record in sample_records:
        text = record.article.text
        assert record.entities
        for entity in record.entities:
            forms = {entity.name.casefold(), *(a.casefold() for a in entity.aliases), *(d.casefold() for d in entity.descriptors)}
            for start, end in entity.mentions:
                mention = text[start:end].casefold()
                # A mention is a name form, a descriptor, a pronoun, or a part of the name (a surname).
                assert mention in forms or mention in pronouns or any(mention in form for form in forms), (
                    entity.name, text[start:end])
        assert not {e.type for e in record.entities} & {"DATE", "CARDINAL", "MONEY", "PERCENT"}


def test_sample_metadata(sample_records):
    by_title = {r.article.title: r.article for r in sample_records}
    strike = by_title["Dockworkers walk out at Port Aldine as talks on automation collapse"]
    assert strike.byline == ["Clara Weiss", "Tomas Reyes"] and strike.published == "2023-06-27"
    assert "the minister announced an independent review" in strike.text  # rejoined paragraph
    assert len({r.article.id for r in sample_records}) == len(sample_records)
