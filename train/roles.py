"""Train the content and speaker ranker on PolNeAR's training split; write stages/data/roles.json.

    .venv/bin/python train/roles.py [--polnear ../shared/data/polnear]

For every gold attribution in ``train``, the candidates that the parse offers for its cue are
labelled right (the same characters as the gold span, after trimming) or wrong; a logistic
regression learns which candidate to prefer. Only ``train`` is read.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from onrecord.config import DEFAULT_MODEL
from onrecord.eval.polnear import articles, first_annotations, read_ann
from onrecord.eval.scoring import positions
from onrecord.nlp import load
from onrecord.stages import REGISTRY, candidates
from onrecord.stages.quotes import Finder
from onrecord.stages.ranker import features

OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "stages" / "data" / "roles.json"


def examples(split_dir: Path, model: str):
    annotations = first_annotations(split_dir)
    names = sorted(annotations)
    nlp = load(model, REGISTRY["quotes"].requires)
    rows, labels = [], []
    docs = nlp.pipe((a.text for a in articles(split_dir, names)), batch_size=32)
    for name, doc in zip(names, docs, strict=True):
        text = doc.text
        finder = Finder(doc, text)
        for gold in read_ann(annotations[name], text):
            if not gold.cue:
                continue
            span = doc.char_span(min(gold.cue), max(gold.cue) + 1, alignment_mode="expand")
            if span is None or not len(span):
                continue
            cue = span.root
            roles = [("content", gold.content, candidates.contents(cue, text, finder.quotations_beside(cue)))]
            if gold.source:
                roles.append(("speaker", gold.source, candidates.speakers(cue, text)))
            for role, truth, offered in roles:
                for candidate in offered:
                    rows.append({f: 1 for f in features(role, cue, candidate, doc, text)} | {f"{role}:bias": 1})
                    labels.append(positions(text, candidate.spans) == truth)
    return rows, np.array(labels)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--C", type=float, default=1.0)
    args = parser.parse_args()
    if not (args.polnear / "train").is_dir():
        print(f"train/roles.py: no PolNeAR training split at {args.polnear / 'train'}", file=sys.stderr)
        return 2
    rows, labels = examples(args.polnear / "train", args.model)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=args.C, max_iter=3000)
    classifier.fit(x, labels)
    print(f"train: {x.shape[0]} candidates, {int(labels.sum())} right, {x.shape[1]} features")
    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), 4) for name, w in zip(names, classifier.coef_[0], strict=True) if abs(w) >= 0.01}
    for role in ("content", "speaker"):
        weights[f"{role}:bias"] = round(weights.get(f"{role}:bias", 0.0) + float(classifier.intercept_[0]), 4)
    OUT.write_text(json.dumps({"weights": weights}, sort_keys=True), encoding="utf-8")
    print(f"wrote {OUT} ({len(weights)} weights, {OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
