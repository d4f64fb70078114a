"""``said_on`` on hand-written articles published on Friday 30 June 2023, and the timeline."""

from __future__ import annotations

import pytest

from onrecord.config import Settings
from onrecord.ingest.article import make_article
from onrecord.pipeline import process_batch
from onrecord.record import Record
from onrecord.timeline import sort_key, timeline

STAGES = Settings(stages=("entities", "quotes", "times", "dating"))
PUBLISHED = "2023-06-30"  # a Friday


def record_of(text: str) -> Record:
    (record,) = process_batch([make_article("<test>", text, published=PUBLISHED)], STAGES)
    assert isinstance(record, Record), record
    return record


def said_on(record: Record, fragment: str) -> str | None:
    (quote,) = [q for q in record.quotes if fragment in q.content.text]
    return quote.said_on


@pytest.fixture(scope="module")
def article() -> Record:
    return record_of(
        "On Tuesday, Maria Lopez told reporters that the plant would close in September.\n\n"
        "The mayor, who was elected in 2014, said the city would help the workers.\n\n"
        "In his Monday address, the governor said the state would not intervene.\n\n"
        "Union leaders said on Wednesday that a strike would begin on Monday."
    )


def test_the_clause_dates_the_statement(article):
    assert said_on(article, "the plant would close") == "2023-06-27"


def test_a_date_in_a_relative_clause_does_not(article):
    assert said_on(article, "the city would help") is None


def test_the_occasion_of_the_statement_dates_it(article):
    assert said_on(article, "the state would not intervene") == "2023-06-26"


def test_a_time_that_is_the_quoted_answer_does_not_date_it():
    record = record_of("A reporter asked Ines Barros whether the port would close. “Not this week,” she replied.")
    assert said_on(record, "Not this week") is None


def test_a_date_inside_what_was_said_does_not(article):
    assert said_on(article, "a strike would begin") == "2023-06-28"


def test_never_the_publication_date_by_default():
    record = record_of("“We will rebuild the pier,” said Tomas Berg, the harbour master.")
    assert [q.said_on for q in record.quotes] == [None]


def test_a_press_conference_dates_the_account_that_follows():
    record = record_of(
        "At a press conference on Tuesday, Helen Park described the negotiations with the union.\n\n"
        "“We are close to a deal on wages,” she said.\n\n"
        "“Nothing is settled on pensions yet,” she added."
    )
    assert said_on(record, "close to a deal") == "2023-06-27"
    assert said_on(record, "Nothing is settled") == "2023-06-27"


def test_a_participle_or_a_when_clause_sets_the_occasion():
    record = record_of(
        "Speaking at a news conference on Tuesday, Helen Park described the talks as stuck.\n\n"
        "The strike spread on Monday, when the governor addressed the workers and warned that the port "
        "would close.")
    assert said_on(record, "the talks") == "2023-06-27"
    assert said_on(record, "the port would close") == "2023-06-26"


def test_a_time_on_the_cue_dates_it_even_inside_the_reading_of_what_was_said():
    record = record_of("The union rejected the government's latest offer on Thursday.")
    assert said_on(record, "latest offer") == "2023-06-29"


def test_timeline_orders_statements_and_events():
    record = record_of(
        "The library closed on Monday after years of cuts. "
        "On Wednesday, Ana Ruiz told reporters that the vote was a mistake."
    )
    rows = timeline([record])
    assert [(row.date, row.kind) for row in rows][:2] == [("2023-06-26", "event"), ("2023-06-28", "event")]
    statements = [row for row in rows if row.kind == "statement"]
    assert statements and statements[0].date == "2023-06-28" and statements[0].speaker == "Ana Ruiz"


def test_sort_key_puts_coarse_values_first():
    values = ["2023-06-26", "2023-06", "2023", "2023-Q2", "2023-W26", "199X"]
    assert sorted(values, key=sort_key) == ["199X", "2023", "2023-Q2", "2023-06", "2023-W26", "2023-06-26"]


def test_a_day_told_in_the_past_perfect_lies_before_the_story():
    record = record_of("The governor signed the bill on Thursday. In her Friday address, she had warned that she "
                       "would not sign \"any bill that costs districts money.\"")
    assert said_on(record, "any bill") == "2023-06-23"  # the Friday before, not the day of publication


def test_days_counted_from_the_day_in_the_scene():
    record = record_of("Senator Ray Dunn said on Wednesday that he was \"deeply disappointed.\" Two days earlier, "
                       "he had predicted the governor would sign it.")
    assert said_on(record, "deeply disappointed") == "2023-06-28"
    assert said_on(record, "the governor would sign it") == "2023-06-26"


def test_a_nested_statement_is_dated_by_its_own_clause_only():
    record = record_of("“It is the deal we could get,” Hal Brennan told the crowd. “When I met their negotiators "
                       "on Tuesday, their chief said to me, ‘Hal, this is our last offer.’ I believed him.”")
    (inner,) = [q for q in record.quotes if q.parent]
    (outer,) = [q for q in record.quotes if q.id == inner.parent]
    assert inner.content.text.startswith("Hal, this is our last offer") and inner.said_on == "2023-06-27"
    assert outer.said_on is None  # the outer words are not dated by the inner clause


def test_an_occasion_dated_by_its_own_participle():
    record = record_of("In a five-minute address broadcast on Wednesday morning, President Milan Reval called the "
                       "convoy's advance \"treason.\" Those responsible, he said, \"will be punished.\"")
    assert said_on(record, "treason") == "2023-06-28"
    assert said_on(record, "will be punished") == "2023-06-28"


def test_the_writers_own_questions_are_not_dated_by_someone_elses_scene():
    record = record_of("On Wednesday, Jonas Brandt told the Post that the account was \"convenient.\" \"She took "
                       "the credit,\" he said.\n\nWhen I ask whether she will stand again, she laughs.")
    assert said_on(record, "She took the credit") == "2023-06-28"
    assert said_on(record, "whether she will stand again") is None


def test_a_scene_set_by_a_time_after_the_cue_carries_on():
    record = record_of("“We will vote on Monday,” Ana Duarte said on Thursday. She said the count would take a day.")
    assert said_on(record, "We will vote") == "2023-06-29"
    assert said_on(record, "the count would take a day") == "2023-06-29"


def test_how_long_the_occasion_lasted_is_not_when_it_was():
    record = record_of("Governor Ilse Marek addressed the state on Wednesday night, promising to rebuild the levees.\n\n"
                       "In a 20-minute televised address, Marek said the state would borrow to pay for it.\n\n"
                       "Speaking for forty minutes on Tuesday, Dana Rusk said the plant would stay open.")
    assert said_on(record, "the state would borrow") == "2023-06-28"
    assert said_on(record, "the plant would stay open") == "2023-06-27"


def test_a_speaker_named_again_by_surname_continues_the_scene():
    record = record_of("On Thursday, the mayor of Lenby, Renata Coleridge, defended the evacuation.\n\n"
                       "“We moved four thousand people in a night,” Coleridge told reporters.\n\n"
                       "Coleridge said the new pumps had come too late.")
    assert said_on(record, "four thousand people") == "2023-06-29"
    assert said_on(record, "the new pumps") == "2023-06-29"


def test_a_time_that_names_what_was_talked_about_does_not_date_the_cue():
    record = record_of("The harbour master defended his handling of last week's storm on Thursday. "
                       "The council rejected Monday's offer.")
    assert said_on(record, "last week's storm") == "2023-06-29"
    assert said_on(record, "Monday's offer") is None


def test_the_time_of_the_clause_above_does_not_date_a_cue_set_off_from_it():
    record = record_of("The marches began on Monday, after the auditor told reporters that two ministers had taken "
                       "payments. On Tuesday, the premier said the audit was forged.")
    assert said_on(record, "two ministers had taken payments") is None
    assert said_on(record, "the audit was forged") == "2023-06-27"


def test_where_a_stretch_of_time_begins_does_not_date_a_statement():
    record = record_of("The opposition has demanded an inquiry since January. Since 2019, Tove Lind has argued that "
                       "the mine is unsafe. The audit, Lind said on Monday, covers the years from 2015 to 2022.\n\n"
                       "A second report, a 240-page document, describes the decade from 2005 to 2014.")
    assert said_on(record, "an inquiry") is None
    assert said_on(record, "the mine is unsafe") is None
    assert said_on(record, "covers the years") == "2023-06-26"
    assert said_on(record, "the decade") is None


def test_an_occasion_told_in_narrative_dates_what_its_people_say_after_it():
    record = record_of("On Wednesday, the transport committee heard testimony from the rail inspector, Petra Holm.\n\n"
                       "Holm said the signals had failed twice before the crash.\n\n"
                       "“Nobody read my reports,” she said.\n\n"
                       "On Thursday, the committee visited the depot. Aron Wiik, the depot manager, said the "
                       "repairs were on schedule.")
    assert said_on(record, "the signals had failed") == "2023-06-28"
    assert said_on(record, "Nobody read my reports") == "2023-06-28"
    assert said_on(record, "the repairs were on schedule") is None  # a visit, not an occasion he spoke at


def test_the_statement_that_dated_a_scene_speaks_on_in_it():
    record = record_of("In a statement released on Wednesday evening, the Farmers' League called for an inquiry. "
                       "“The valley deserves the truth,” the statement said.\n\n"
                       "“We were never consulted,” the report said.")
    assert said_on(record, "The valley deserves the truth") == "2023-06-28"
    assert said_on(record, "We were never consulted") is None  # a report the scene did not name


def test_a_participle_of_being_interviewed_dates_what_the_group_said():
    record = record_of("Residents interviewed on Saturday said the river had burst its banks before dawn.\n\n"
                       "Two ferrymen reached by phone on Wednesday said the crossings were suspended. “Nobody "
                       "warned us,” one of them said.")
    assert said_on(record, "the river had burst") == "2023-06-24"
    assert said_on(record, "the crossings were suspended") == "2023-06-28"
    assert said_on(record, "Nobody warned us") == "2023-06-28"  # one of the group, in the scene it set


def test_being_asked_on_a_day_dates_the_answer():
    record = record_of("Asked on Tuesday about the delays, the minister said the contractor was to blame.")
    assert said_on(record, "contractor") == "2023-06-27"


def test_a_report_told_in_a_participle_dates_only_itself():
    record = record_of(
        "The mayor has said the same thing for years, telling reporters in March that the drains were "
        "the council's job.")
    assert said_on(record, "drains") == "2023-03"
    assert said_on(record, "same thing") is None


def test_a_year_that_dates_a_thing_does_not_date_the_statements():
    # "the 1987 collapse" is when the mine fell in, not when the film questioned anything, and no
    # scene of 1987 carries over to the people quoted after it.
    record = record_of(
        "The film examines the 1987 collapse at the salt mine and questions the findings of the inquiry.\n\n"
        "“We made a film about the truth,” its director, Luka Marsh, told the agency.")
    assert said_on(record, "the findings of the inquiry") is None
    assert said_on(record, "about the truth") is None


def test_a_scene_opened_by_a_question_no_one_is_said_to_ask_ends_when_another_speaker_takes_the_floor():
    record = record_of(
        "Harbour chief Dana Olsen spoke for twenty minutes.\n\n"
        "Asked about the timetable on Tuesday, Olsen told the Harbour Gazette: «Nobody will lose a sailing.»\n\n"
        "The opposition leader, Marta Sikorska, said the minister had failed every test set by the court.")
    assert said_on(record, "Nobody will lose") == "2023-06-27"
    assert said_on(record, "failed every test") is None
