"""Train the cue detector on PolNeAR's training split; write src/onrecord/stages/data/cues.json.

    .venv/bin/python train/cues.py [--polnear ../shared/data/polnear] [--threshold-on dev]

Reads only ``train`` to fit. The decision threshold is chosen on ``dev`` (token-level F1 of cue
heads), as the issue allows. Reproducible: the same data and versions give the same weights.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from onrecord.config import DEFAULT_MODEL
from onrecord.eval.polnear import articles, first_annotations, read_ann
from onrecord.nlp import load
from onrecord.stages import REGISTRY
from onrecord.stages.cue_model import CANDIDATE_POS, extension_keys, features, neighbours
from onrecord.stages.marks import quotations_of, token_states

MIN_CUE_RATE = 0.01
OUT = Path(__file__).resolve().parents[1] / "src" / "onrecord" / "stages" / "data" / "cues.json"


def examples(split_dir: Path, model: str):
    """(feature lists, labels) for every candidate token of every article in the split."""
    annotations = first_annotations(split_dir)
    names = sorted(annotations)
    nlp = load(model, REGISTRY["quotes"].requires)
    rows, labels, cue_lemmas, seen_lemmas = [], [], Counter(), Counter()
    extensions: Counter = Counter()  # (key, included?) for the children next to cue heads
    docs = nlp.pipe((a.text for a in articles(split_dir, names)), batch_size=32)
    for name, doc in zip(names, docs, strict=True):
        cue_heads = set()
        for attribution in read_ann(annotations[name], doc.text):
            if attribution.cue:
                span = doc.char_span(min(attribution.cue), max(attribution.cue) + 1, alignment_mode="expand")
                if span is not None and len(span):
                    cue_heads.add(span.root.i)
                    cue_lemmas[span.root.lemma_.lower()] += 1
                    _count_extensions(span, extensions)
        states = token_states(doc, quotations_of(doc, doc.text))
        for token in doc:
            if token.pos_ in CANDIDATE_POS:
                seen_lemmas[token.lemma_.lower()] += 1
                rows.append({f: 1 for f in features(token, states[token.i])})
                labels.append(token.i in cue_heads)
    # Words that head a cue at least once in a hundred uses are worth scoring at all.
    lemmas = {lemma for lemma, n in cue_lemmas.items() if n / max(n, seen_lemmas[lemma]) >= MIN_CUE_RATE}
    return rows, np.array(labels), extensions, lemmas


def _count_extensions(span, counts: Counter) -> None:
    """For each child right next to the cue head (or next to one already counted), was it in the span?"""
    root = span.root
    inside = {t.i for t in span}
    for token in neighbours(root):
        for key in extension_keys(root, token):
            counts[key, token.i in inside] += 1
            if token.dep_ == "prep":
                counts[key + "+object", all(t.i in inside for t in token.subtree)] += 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=Path("../shared/data/polnear"))
    parser.add_argument("--model", default=DEFAULT_MODEL)
    parser.add_argument("--C", type=float, default=0.5)
    args = parser.parse_args()
    if not (args.polnear / "train").is_dir():
        print(f"train/cues.py: no PolNeAR training split at {args.polnear / 'train'}", file=sys.stderr)
        return 2
    train_rows, train_labels, extensions, cue_lemmas = examples(args.polnear / "train", args.model)
    vectorizer = DictVectorizer()
    x_train = vectorizer.fit_transform(train_rows)
    classifier = LogisticRegression(C=args.C, max_iter=3000)
    classifier.fit(x_train, train_labels)
    print(f"train: {x_train.shape[0]} tokens, {int(train_labels.sum())} cues, {x_train.shape[1]} features")

    threshold = 0.5
    if (args.polnear / "dev").is_dir():
        dev_rows, dev_labels, _, _ = examples(args.polnear / "dev", args.model)
        probabilities = classifier.predict_proba(vectorizer.transform(dev_rows))[:, 1]
        best = (0.0, 0.5)
        for candidate in np.arange(0.2, 0.8, 0.025):
            guess = probabilities >= candidate
            tp = int((guess & dev_labels).sum())
            precision = tp / max(1, int(guess.sum()))
            recall = tp / max(1, int(dev_labels.sum()))
            f1 = 2 * precision * recall / max(1e-9, precision + recall)
            best = max(best, (f1, float(candidate)))
        print(f"dev: cue-head F1 {best[0]:.3f} at threshold {best[1]:.3f}")
        threshold = best[1]

    names = vectorizer.get_feature_names_out()
    weights = {name: round(float(w), 4) for name, w in zip(names, classifier.coef_[0], strict=True) if abs(w) >= 0.02}
    weights["bias"] = round(weights.get("bias", 0.0) + float(classifier.intercept_[0]), 4)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    keys = {key for key, _ in extensions}
    # Keep a child in the cue span where annotators did so more often than not (seen 5+ times);
    # a cue's own habit, where seen, overrides the habit of all cues.
    seen = {key for key in keys if extensions[key, True] + extensions[key, False] >= 5}
    extend = sorted(key for key in seen if extensions[key, True] > extensions[key, False])
    keep_out = sorted(key for key in seen - set(extend) if key.count("|") == 3)
    print(f"cue spans: {len(extend)} extending keys, {len(keep_out)} keys kept out")
    # Only words that headed cues in training are scored at all: the model cannot raise a word
    # it never saw as a cue over the threshold, and skipping the rest keeps the stage cheap.
    lemmas = sorted(cue_lemmas)
    data = {"threshold": round(threshold, 3), "extend": extend, "keep_out": keep_out, "lemmas": lemmas,
            "weights": weights}
    OUT.write_text(json.dumps(data, sort_keys=True), encoding="utf-8")
    print(f"wrote {OUT} ({len(weights)} weights, {OUT.stat().st_size // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
