"""Questions to the store: entities across articles, filters, full-text search, corroboration."""

from __future__ import annotations

import pytest
from store_records import COURIER, council_records, make_record

from onrecord.store import entities as ents
from onrecord.store import queries
from onrecord.store.write import store_record

pytest_plugins = ["store_fixtures"]

# Hand-written for these tests, like the council reports in store_records.
SPRING = "In April, Dr. Ruth Dahl said the harbour ferry fares must fall before the summer season."


def load(engine):
    records = [
        *council_records(),
        make_record(SPRING, url="https://herald.test/c", published="2024-04-02", people={"Dr. Ruth Dahl": []},
                    quotes=[{"content": "the harbour ferry fares must fall before the summer season",
                             "speaker": "Dr. Ruth Dahl", "kind": "indirect", "said_on": "2024-04-01"}]),
    ]
    for record in records:
        assert store_record(engine, record) == "stored"


def ask(engine, **filters):
    with engine.connect() as conn:
        return [(q["speaker"], q["content"]) for q in queries.find_quotes(conn, **filters)]


def test_one_entity_across_articles_with_surnames_joined_within_each(engine):
    load(engine)
    with engine.connect() as conn:
        people = {e["name"]: e for e in queries.list_entities(conn, type="PERSON")}
    assert set(people) == {"Tobias Wrenn", "Ruth Dahl", "Samira Oduya"}
    assert people["Ruth Dahl"]["quotes"] == 3 and people["Ruth Dahl"]["articles"] == 3
    assert people["Tobias Wrenn"]["quotes"] == 2


def test_a_surname_shared_by_two_people_in_an_article_is_not_joined(engine):
    text = "Ruth Dahl and Erik Dahl disagreed. “We must wait,” Dahl said."
    store_record(engine, make_record(text, people={"Ruth Dahl": [], "Erik Dahl": [], "Dahl": []},
                                     quotes=[{"content": "We must wait,", "speaker": "Dahl"}]))
    with engine.connect() as conn:
        names = {e["name"] for e in queries.list_entities(conn)}
    assert names == {"Ruth Dahl", "Erik Dahl", "Dahl"}


def test_filters_by_speaker_addressee_about_date_kind_and_source(engine):
    load(engine)
    assert [s for s, _ in ask(engine, speaker="Ruth Dahl")] == ["Ruth Dahl"] * 3
    assert ask(engine, speaker="Wrenn") == ask(engine, speaker="tobias wrenn")
    assert ask(engine, to="Dahl") == [("Tobias Wrenn", "Nobody goes into politics to close a library,")]
    assert ask(engine, about="Tobias Wrenn") == [("Ruth Dahl", "Tobias Wrenn would regret the smart parking scheme")]
    assert [c for _, c in ask(engine, since="2024-04-01")] == ["the harbour ferry fares must fall before the summer season"]
    assert len(ask(engine, since="2024-03-15", until="2024-03-31")) == 2
    assert [s for s, _ in ask(engine, kind="partial")] == ["Ruth Dahl"]
    assert len(ask(engine, source="kessing-courier.test")) == 3
    assert len(ask(engine, source="herald.test", speaker="Ruth Dahl")) == 2


def test_full_text_search_finds_word_forms(engine):
    load(engine)
    assert {c for _, c in ask(engine, search="library")} == {
        "Nobody goes into politics to close a library,", "Nobody goes into politics to close a library.",
        "stopped listening to the libraries"}
    assert ask(engine, search='ferry "fares') == [("Ruth Dahl", "the harbour ferry fares must fall before the summer season")]
    assert ask(engine, search="zeppelin") == []


def test_unknown_names_are_an_error_not_an_empty_answer(engine):
    load(engine)
    with engine.connect() as conn, pytest.raises(queries.NotFound, match="no entity named 'Nobody'"):
        list(queries.find_quotes(conn, speaker="Nobody"))


def test_the_same_statement_in_two_outlets_is_one_group_first_reported_first(engine):
    load(engine)
    with engine.connect() as conn:
        (first,) = [q for q in queries.find_quotes(conn, speaker="Wrenn") if q["domain"] == "kessing-courier.test"]
        assert first["reports"] == 2
        (other,) = queries.carried_by(conn, first["id"])
        assert other["domain"] == "herald.test"
        groups = list(queries.quote_groups(conn, speaker="Tobias Wrenn"))
    assert len(groups) == 1
    assert groups[0]["first_reported"] == "2024-03-14" and groups[0]["where"] == "kessing-courier.test"
    assert [r["domain"] for r in groups[0]["reported"]] == ["kessing-courier.test", "herald.test"]


def test_similar_statements_with_other_figures_are_not_linked(engine):
    for n, (year, url) in enumerate([("2026", "https://a.test/1"), ("2027", "https://b.test/2")]):
        text = f"Paul Iversen said the deficit could reach 90 million crowns by {year} if nothing changed. ({n})"
        store_record(engine, make_record(text, url=url, people={"Paul Iversen": []}, quotes=[
            {"content": f"the deficit could reach 90 million crowns by {year} if nothing changed",
             "speaker": "Paul Iversen", "kind": "indirect"}]))
    with engine.connect() as conn:
        assert [q["reports"] for q in queries.find_quotes(conn)] == [1, 1]


def test_replacing_the_first_report_hands_the_group_on(engine):
    load(engine)
    changed = make_record(COURIER + " Updated.", url="https://www.kessing-courier.test/a", published="2024-03-14",
                          people={"Tobias Wrenn": []}, quotes=[])
    assert store_record(engine, changed, replace=True) == "replaced"
    with engine.connect() as conn:
        (quote,) = list(queries.find_quotes(conn, speaker="Tobias Wrenn"))
        assert quote["reports"] == 1 and queries.carried_by(conn, quote["id"]) == []


def test_entity_page(engine):
    load(engine)
    with engine.connect() as conn:
        page = queries.entity_page(conn, "Wrenn")
        dahl = queries.entity_page(conn, "Dahl")
    assert page["name"] == "Tobias Wrenn" and "Wrenn" in page["aliases"]
    assert page["spoke_to"] == [{"id": dahl["id"], "name": "Ruth Dahl", "quotes": 1}]
    assert page["spoken_about_by"] == [{"id": dahl["id"], "name": "Ruth Dahl", "quotes": 1}]
    assert page["quotes_per_month"] == [{"month": "2024-03", "quotes": 2}]
    assert dahl["quotes_per_month"] == [{"month": "2024-03", "quotes": 2}, {"month": "2024-04", "quotes": 1}]
    assert "Dr. Ruth Dahl" in dahl["aliases"]


def test_timeline_and_stats(engine):
    load(engine)
    with engine.connect() as conn:
        days = [q["on_date"] for q in queries.timeline_rows(conn, entity="Tobias Wrenn")]
        figures = queries.stats(conn)
    assert days == ["2024-03-14", "2024-03-16", "2024-03-16"]
    assert figures["articles"] == 3 and figures["quotes"] == 6 and figures["corroborated_statements"] == 1
    assert (figures["first_quote"], figures["last_quote"]) == ("2024-03-14", "2024-04-01")
    assert figures["terms"] == 1 and figures["times"] == 1


def people(engine):
    with engine.connect() as conn:
        return {e["name"]: e["quotes"] for e in queries.list_entities(conn, type="PERSON")}


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
def test_alias_file_merges_and_splits_and_later_articles_follow(engine, tmp_path, suffix):
    load(engine)
    rules = ents.Rules()
    rules.add_merge("Tobias Wrenn", ["Samira Oduya"])  # a user's (deliberately odd) correction
    path = tmp_path / f"aliases{suffix}"
    ents.save_rules(rules, path)
    assert ents.load_rules(path) == rules
    with engine.begin() as conn:
        ents.apply_rules(conn, ents.load_rules(path))
        ents.apply_rules(conn, ents.load_rules(path))  # twice changes nothing
    assert people(engine) == {"Tobias Wrenn": 3, "Ruth Dahl": 3}
    later = make_record("“The warm room stays open,” Samira Oduya said.", url="https://herald.test/d",
                        people={"Samira Oduya": []},
                        quotes=[{"content": "The warm room stays open,", "speaker": "Samira Oduya"}])
    store_record(engine, later)
    assert [s for s, _ in ask(engine, search="warm room stays")] == ["Tobias Wrenn"]
    rules.add_split("Samira Oduya")
    ents.save_rules(rules, path)
    with engine.begin() as conn:
        ents.apply_rules(conn, ents.load_rules(path))
    assert people(engine) == {"Tobias Wrenn": 2, "Ruth Dahl": 3, "Samira Oduya": 2}
