"""The entity scorers on tiny hand-made inputs."""

from __future__ import annotations

from pathlib import Path

from onrecord.eval.coref import bcubed, predicted_clusters, read_cat, score_pronouns
from onrecord.eval.polnear import Attribution
from onrecord.eval.scoring import positions
from onrecord.record import Article, Entity, Party, Quote, Record, Role


def test_bcubed_perfect_split_and_merged():
    gold = {"a": "x", "b": "x", "c": "y"}
    assert bcubed(gold, {"a": "1", "b": "1", "c": "2"}) == (1.0, 1.0, 3)
    p, r, _ = bcubed(gold, {"a": "1", "b": "2", "c": "3"})
    assert p == 1.0 and abs(r - (0.5 + 0.5 + 1) / 3) < 1e-9
    p, r, _ = bcubed(gold, {"a": "1", "b": "1", "c": "1"})
    assert r == 1.0 and abs(p - (2 / 3 + 2 / 3 + 1 / 3) / 3) < 1e-9


def _record(text: str, entities, quotes) -> Record:
    return Record(article=Article(id="t", source="t", text=text), entities=entities, quotes=quotes)


def test_predicted_clusters_use_the_overlapping_entity_or_a_singleton():
    text = "Ana Duarte spoke. She left. Bob stayed."
    record = _record(text, [Entity(id="e1", name="Ana Duarte", type="PERSON", mentions=[(0, 10), (18, 21)])], [])
    got = predicted_clusters({"m1": (0, 10), "m2": (18, 21), "m3": (28, 31)}, record)
    assert got["m1"] == got["m2"] == "e1" and got["m3"].startswith("singleton")


def test_pronoun_source_counts_only_links_to_named_entities():
    text = "Ana Duarte arrived. She said the port would close. He said no."
    she, he = text.index("She"), text.index("He ")
    entities = [Entity(id="e1", name="Ana Duarte", type="PERSON", mentions=[(0, 10), (she, she + 3)]),
                Entity(id="e2", name="He", type="PERSON", mentions=[(he, he + 2)])]
    quotes = [Quote(id="q1", kind="indirect", content=Role(text="the port would close", spans=[(she + 9, she + 29)]),
                    speaker=Party(text="She", spans=[(she, she + 3)], entity="e1")),
              Quote(id="q2", kind="indirect", content=Role(text="no", spans=[(he + 8, he + 10)]),
                    speaker=Party(text="He", spans=[(he, he + 2)], entity="e2"))]
    gold = [Attribution(source=positions(text, [(she, she + 3)]), cue=None,
                        content=positions(text, [(she + 9, she + 29)])),
            Attribution(source=positions(text, [(he, he + 2)]), cue=None, content=positions(text, [(he + 8, he + 10)])),
            Attribution(source=positions(text, [(0, 10)]), cue=None, content=positions(text, [(11, 18)]))]
    assert score_pronouns(_record(text, entities, quotes), gold) == {
        "gold_pronoun_sources": 2, "found": 2, "linked": 1, "linked_through_quotes": 1}


def test_a_pronoun_source_is_linked_through_its_entity_where_no_quote_was_found():
    text = "Ana Duarte arrived. She hinted the port would close."
    she = text.index("She")
    entities = [Entity(id="e1", name="Ana Duarte", type="PERSON", mentions=[(0, 10), (she, she + 3)])]
    gold = [Attribution(source=positions(text, [(she, she + 3)]), cue=None,
                        content=positions(text, [(she + 11, len(text) - 1)]))]
    assert score_pronouns(_record(text, entities, []), gold) == {
        "gold_pronoun_sources": 1, "found": 0, "linked": 1, "linked_through_quotes": 0}


CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="t" lang="en">
<token number="0" sentence="0" t_id="1">Ana</token><token number="1" sentence="0" t_id="2">Duarte</token>
<token number="2" sentence="0" t_id="3">spoke</token><token number="3" sentence="1" t_id="4">She</token>
<token number="4" sentence="1" t_id="5">left</token>
<Markables>
<ENTITY_MENTION m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/><token_anchor t_id="2"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="2" syntactic_type="PRO"><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="3" syntactic_type="NOM"><token_anchor t_id="5"/></ENTITY_MENTION>
<ENTITY m_id="9" ent_type="PER" TAG_DESCRIPTOR="Ana Duarte"/>
</Markables>
<Relations><REFERS_TO r_id="1"><source m_id="1"/><source m_id="2"/><source m_id="3"/><target m_id="9"/></REFERS_TO>
</Relations></Document>"""


def test_read_cat_rebuilds_text_and_keeps_nam_and_pro_mentions(tmp_path: Path):
    path = tmp_path / "t.xml"
    path.write_text(CAT, encoding="utf-8")
    gold = read_cat(path)
    assert gold.text == "Ana Duarte spoke\nShe left"
    assert gold.mentions == {"1": (0, 10), "2": (17, 20)}
    assert gold.entity_of == {"1": "9", "2": "9"}
