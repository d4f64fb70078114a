"""What the training scripts share: their options, the parsed PolNeAR split with its gold, and the
export of a fitted logistic regression as the feature → weight JSON that ``stages/linear`` reads."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path

from spacy.tokens import Doc, Token

from onrecord.config import DEFAULT_MODEL
from onrecord.eval.polnear import Attribution, articles, first_annotations, read_ann
from onrecord.nlp import load
from onrecord.stages import REGISTRY

DATA = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "stages" / "data"


def options(description: str, regularisation: float) -> argparse.Namespace:
    """--polnear, --model and --C; exits with a one-line message when the training split is absent."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--polnear", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--C", type=float, default=regularisation, help="inverse regularisation strength")
    args = parser.parse_args()
    if not (args.polnear / "train").is_dir():
        sys.exit(f"{parser.prog}: no PolNeAR training split at {args.polnear / 'train'}")
    return args


def parsed(split_dir: Path, model: str) -> Iterator[tuple[Doc, list[Attribution]]]:
    """Each article of the split, parsed as the quotes stage parses it, with its gold attributions."""
    annotations = first_annotations(split_dir)
    names = sorted(annotations)
    nlp = load(model, REGISTRY["quotes"].requires)
    docs = nlp.pipe((a.text for a in articles(split_dir, names)), batch_size=32)
    for name, doc in zip(names, docs, strict=True):
        yield doc, read_ann(annotations[name], doc.text)


def cue_head(doc: Doc, attribution: Attribution) -> Token | None:
    """The token that heads an attribution's gold cue."""
    if not attribution.cue:
        return None
    span = doc.char_span(min(attribution.cue), max(attribution.cue) + 1, alignment_mode="expand")
    return span.root if span is not None and len(span) else None


def weights(vectorizer, classifier, smallest: float) -> dict[str, float]:
    """The fitted weights worth keeping (|w| ≥ ``smallest``), rounded, by feature name."""
    names = vectorizer.get_feature_names_out()
    return {name: round(float(w), 4) for name, w in zip(names, classifier.coef_[0], strict=True) if abs(w) >= smallest}


def write(name: str, data: dict) -> None:
    out = DATA / f"{name}.json"
    out.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    print(f"wrote {out} ({len(data['weights'])} weights, {out.stat().st_size // 1024} KiB)")
