"""The PolNeAR scorer on a tiny hand-made brat file, with hand-made predictions."""

from __future__ import annotations

from pathlib import Path

from onrecord.eval.polnear import Scores, first_annotations, predicted, read_ann, score_document
from onrecord.eval.scoring import positions
from onrecord.record import Article, Party, Quote, Record, Role

TEXT = "“We stay,” Ana Duarte said. The port chief said that talks would resume. Critics objected."


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


ANN = "\n".join([
    "T1\tContent %d %d\t“We stay,”" % _span("“We stay,”"),
    "T2\tSource %d %d\tAna Duarte" % _span("Ana Duarte"),
    "T3\tCue %d %d\tsaid" % _span("said"),
    "T4\tAttribution %d %d\tsaid" % _span("said"),
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
    "T5\tSource %d %d\tThe port chief" % _span("The port chief"),
    "T6\tCue %d %d\tsaid" % (TEXT.index("said that"), TEXT.index("said that") + 4),
    "T7\tContent %d %d\tthat talks would resume" % _span("that talks would resume"),
    "T8\tAttribution %d %d\tsaid" % (TEXT.index("said that"), TEXT.index("said that") + 4),
    "E2\tAttribution:T8 Source:T5 Cue:T6 Content:T7",
    "T9\tContent %d %d\tCritics objected" % _span("Critics objected"),
    "T10\tAttribution-no-source %d %d\tobjected" % _span("objected"),
    "E3\tAttribution:T10 Content:T9",
]) + "\n"


def _role(start: int, end: int) -> Role:
    return Role(text=TEXT[start:end], spans=[(start, end)])


def _quote(ident: str, content, speaker=None, cue=None) -> Quote:
    return Quote(
        id=ident, kind="direct", content=_role(*content),
        speaker=Party(text=TEXT[slice(*speaker)], spans=[speaker]) if speaker else None,
        cue=_role(*cue) if cue else None,
    )


def _write(tmp_path: Path) -> Path:
    (tmp_path / "text").mkdir(parents=True)
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "doc_aaaa.ann").write_text(ANN, encoding="utf-8")
    (tmp_path / "attributions" / "doc_bbbb.ann").write_text("", encoding="utf-8")
    (tmp_path.parent / "metadata.tsv").write_text(
        "compartment\tfilename\tlevel\tannotators\tpublication_date\ndev\tdoc\t1\taaaa|bbbb\t2016-09-12\n")
    return tmp_path


def test_first_annotator_and_gold_roles(tmp_path):
    directory = _write(tmp_path / "dev")
    files = first_annotations(directory)
    assert files == {"doc": directory / "attributions" / "doc_aaaa.ann"}
    gold = read_ann(files["doc"], TEXT)
    assert len(gold) == 3
    # Trimming drops the quotation marks and the comma.
    assert gold[0].content == positions(TEXT, [_span("We stay")])
    assert gold[2].source is None and gold[2].cue is None


def test_scores(tmp_path):
    gold = read_ann(_write(tmp_path / "dev") / "attributions" / "doc_aaaa.ann", TEXT)
    record = Record(article=Article(id="x", source="doc", text=TEXT), quotes=[
        # Exact on every role (the quotation marks differ only by trimming).
        _quote("q1", _span("We stay"), _span("Ana Duarte"), _span("said")),
        # Content overlaps (Jaccard >= 0.5) but is not exact; the speaker only partly overlaps.
        _quote("q2", _span("talks would resume"), _span("port chief"),
               (TEXT.index("said that"), TEXT.index("said that") + 4)),
        # A spurious quote with a speaker, where gold has none.
        _quote("q3", _span("Critics objected"), _span("Critics")),
    ])
    scores = Scores()
    score_document(scores, predicted(record), gold)
    assert (scores.exact["source"].matched, scores.exact["source"].predicted, scores.exact["source"].gold) == (1, 3, 2)
    assert scores.exact["cue"].matched == 2 and scores.exact["cue"].predicted == 2 and scores.exact["cue"].gold == 2
    assert scores.exact["content"].matched == 2  # "We stay" and "Critics objected"
    assert scores.overlap["content"].matched == 3
    assert scores.overlap["source"].matched == 2  # "port chief" in "The port chief": Jaccard 10/14
    assert scores.attribution.matched == 2  # q3 has a speaker where gold has no source
    assert round(scores.attribution.f1, 3) == round(2 / 3, 3)
