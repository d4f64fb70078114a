"""The TimeML scorer on a tiny hand-made TimeML file, and the reader of MEANTIME's CAT XML."""

from __future__ import annotations

from pathlib import Path

import pytest

from onrecord.eval.timeml import Scores, evaluate, read_cat, read_timeml, score_document
from onrecord.record import TimeExpression

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
TBAQ = SHARED / "data" / "time" / "TBAQ-cleaned"

TML = """<?xml version="1.0" ?>
<TimeML>
<DOCID>hand-made</DOCID>
<DCT><TIMEX3 tid="t0" type="DATE" value="2024-03-13" functionInDocument="CREATION_TIME">2024-03-13</TIMEX3></DCT>
<TEXT>
The ferry company said <TIMEX3 tid="t1" type="DATE" value="2024-03-11">Monday</TIMEX3> that fares rise
in <TIMEX3 tid="t2" type="DATE" value="2024-04">April</TIMEX3> after <TIMEX3 tid="t3" type="DURATION" value="P2Y">two years</TIMEX3> of losses &amp; cuts.
</TEXT>
</TimeML>
"""

CAT = """<?xml version="1.0" ?><Document doc_id="1" doc_name="hand-made" lang="en">
<token number="0" sentence="0" t_id="1">Ferry</token>
<token number="1" sentence="0" t_id="2">fares</token>
<token number="2" sentence="0" t_id="3">rise</token>
<token number="3" sentence="1" t_id="4">March</token>
<token number="4" sentence="1" t_id="5">13</token>
<token number="5" sentence="1" t_id="6">,</token>
<token number="6" sentence="1" t_id="7">2024</token>
<token number="7" sentence="2" t_id="8">Fares</token>
<token number="8" sentence="2" t_id="9">rise</token>
<token number="9" sentence="2" t_id="10">in</token>
<token number="10" sentence="2" t_id="11">April</token>
<token number="11" sentence="2" t_id="12">.</token>
<token number="12" sentence="3" t_id="13">Later</token>
<token number="13" sentence="3" t_id="14">today</token>
<Markables>
<TIMEX3 functionInDocument="CREATION_TIME" m_id="1" type="DATE" value="2024-03-13">
<token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/>
</TIMEX3>
<TIMEX3 functionInDocument="NONE" m_id="2" type="DATE" value="2024-04"><token_anchor t_id="11"/></TIMEX3>
<TIMEX3 TAG_DESCRIPTOR="Empty_Mark" functionInDocument="NONE" m_id="3" type="DATE" value="2024"/>
</Markables>
</Document>
"""


def _guess(text: str, fragment: str, kind: str, value: str) -> TimeExpression:
    start = text.index(fragment)
    return TimeExpression(text=fragment, spans=[(start, start + len(fragment))], type=kind, value=value)


def test_read_timeml(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    document = read_timeml(path)
    assert document.anchor == "2024-03-13"
    assert "losses & cuts" in document.text
    assert [(document.text[t.start:t.end], t.type, t.value) for t in document.gold] == [
        ("Monday", "DATE", "2024-03-11"), ("April", "DATE", "2024-04"), ("two years", "DURATION", "P2Y")]


def test_score_document(tmp_path):
    path = tmp_path / "doc.tml"
    path.write_text(TML, encoding="utf-8")
    document = read_timeml(path)
    text = document.text
    guesses = [
        _guess(text, "Monday", "DATE", "2024-03-11"),  # strict, right value
        _guess(text, "in April", "DATE", "2023-04"),  # relaxed only, wrong value
        _guess(text, "losses", "DATE", "PAST_REF"),  # spurious
    ]
    scores = Scores()
    score_document(scores, document, guesses)
    assert (scores.strict.matched, scores.relaxed.matched, scores.value.matched, scores.type.matched) == (1, 2, 1, 2)
    assert scores.relaxed.predicted == 3 and scores.relaxed.gold == 3
    summary = scores.as_dict()
    assert summary["value"]["f1"] == round(100 * 1 / 3, 1)
    assert summary["value_accuracy"] == 50.0 and summary["type_accuracy"] == 100.0


def test_read_cat_skips_the_dateline_and_unannotated_sentences(tmp_path):
    path = tmp_path / "doc.xml"
    path.write_text(CAT, encoding="utf-8")
    document = read_cat(path)
    assert document.anchor == "2024-03-13"
    assert document.text.splitlines()[1] == "March 13, 2024"
    assert [(document.text[t.start:t.end], t.value) for t in document.gold] == [("April", "2024-04")]
    scores = Scores()
    guesses = [_guess(document.text, "March 13, 2024", "DATE", "2024-03-13"),  # the DCT: not scored
               _guess(document.text, "April", "DATE", "2024-04"),
               _guess(document.text, "today", "DATE", "2024-03-13")]  # after the annotated sentences
    score_document(scores, document, guesses)
    assert (scores.relaxed.matched, scores.relaxed.predicted, scores.relaxed.gold) == (1, 1, 1)


def test_evaluate_reports_each_corpus(tmp_path):
    for name in ("One", "Two"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "doc.tml").write_text(TML, encoding="utf-8")
    report = evaluate(tmp_path, parse=False).as_dict()
    assert set(report) == {"One", "Two", "all"}
    assert report["One"]["relaxed"]["gold"] == 3


def test_evaluate_passes_the_parse_as_the_pipeline_does(tmp_path):
    from onrecord.stages.times import find_times

    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    seen = []

    def finder(text, anchor, doc=None):
        seen.append(doc)
        return find_times(text, anchor, doc)

    parsed = evaluate(tmp_path, finder)
    assert parsed.parsed and seen[0] is not None and seen[0].text == read_timeml(tmp_path / "doc.tml").text
    assert seen[0].has_annotation("DEP") and seen[0].has_annotation("LEMMA")  # the components the stages read
    text_only = evaluate(tmp_path, finder, parse=False)
    assert not text_only.parsed and seen[1] is None
    assert parsed.as_dict()[tmp_path.name]["value"] == text_only.as_dict()[tmp_path.name]["value"]


def test_the_cli_says_which_path_it_measured(tmp_path):
    import json

    from typer.testing import CliRunner

    from onrecord.cli import app

    (tmp_path / "doc.tml").write_text(TML, encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "timeml", str(tmp_path), "--no-parse", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["measured"] == {"parse": False, "model": None}
    assert scores[tmp_path.name]["relaxed"]["gold"] == 3


@pytest.mark.skipif(not TBAQ.is_dir(), reason=f"TimeBank/AQUAINT data not found under {TBAQ}")
def test_timebank_scores_hold():
    # A floor well under the figures reached, so that a regression shows and noise does not.
    scores = evaluate(TBAQ / "TimeBank", parse=False).total  # the text-only path: no parse of a whole corpus here
    assert scores.relaxed.f1 > 0.9 and scores.value.f1 > 0.75


def test_a_decade_in_the_records_form_matches_timemls_form():
    from onrecord.eval.timeml import same_value

    assert same_value("199X", "199") and same_value("199", "199X")
    assert not same_value("199X", "198") and not same_value("1990", "199")
    assert same_value("2000-W07", "2000-W7") and same_value("2000-W07-WE", "2000-W7-WE")
    assert not same_value("2000-W07", "2000-W17")


def test_same_value_in_other_units_or_precision():
    from onrecord.eval.timeml import same_value

    assert same_value("P10Y", "P1E") and same_value("P20Y", "P2DE") and same_value("P2000Y", "P2L")
    assert same_value("PXCE", "PXC") and same_value("PXDE", "PXE") and same_value("P9M", "P3Q")
    assert same_value("P2Y6M", "P2.5Y") and same_value("1989-11-06T17:00", "1989-11-06T17")
    assert not same_value("PXDE", "PXD") and not same_value("PXDE", "PXY") and not same_value("PXQ", "PXM")
    assert not same_value("1989-11-06T17:30", "1989-11-06T17") and not same_value("P2Y", "P2.5Y")
