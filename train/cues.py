"""Train the cue detector on PolNeAR's training split; write src/onrecord/stages/data/cues.json.

    .venv/bin/python train/cues.py [--polnear ../shared/data/polnear] [--C 0.5]

Reads only ``train`` to fit. The decision threshold is chosen on ``dev`` (token-level F1 of cue
heads), as the issue allows. Reproducible: the same data and versions give the same weights.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np
from common import cue_head, options, parsed, weights, write
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from onrecord.stages.cue_model import CANDIDATE_POS, extension_keys, features, neighbours
from onrecord.stages.marks import states_of

# Words that head a cue at least once in a hundred uses are worth scoring at all: the model cannot
# lift the others over the threshold, and skipping them keeps the stage cheap.
MIN_CUE_RATE = 0.01


def examples(split_dir: Path, model: str):
    """Features and labels of every candidate token, the span-extension counts, the cue words."""
    rows, labels, cue_lemmas, seen_lemmas = [], [], Counter(), Counter()
    extensions: Counter = Counter()  # (key, included?) for the children next to cue heads
    for doc, gold in parsed(split_dir, model):
        heads = set()
        for attribution in gold:
            head = cue_head(doc, attribution)
            if head is not None:
                heads.add(head.i)
                cue_lemmas[head.lemma_.lower()] += 1
                _count_extensions(doc, attribution, head, extensions)
        states = states_of(doc)
        for token in doc:
            if token.pos_ in CANDIDATE_POS:
                seen_lemmas[token.lemma_.lower()] += 1
                rows.append({f: 1 for f in features(token, states[token.i])})
                labels.append(token.i in heads)
    lemmas = {lemma for lemma, n in cue_lemmas.items() if n / max(n, seen_lemmas[lemma]) >= MIN_CUE_RATE}
    return rows, np.array(labels), extensions, lemmas


def _count_extensions(doc, attribution, head, counts: Counter) -> None:
    """For each child touching the cue head, was it inside the annotated cue?"""
    inside = {t.i for t in doc.char_span(min(attribution.cue), max(attribution.cue) + 1, alignment_mode="expand")}
    for token in neighbours(head):
        for key in extension_keys(head, token):
            counts[key, token.i in inside] += 1
            if token.dep_ == "prep":
                counts[key + "+object", all(t.i in inside for t in token.subtree)] += 1


def best_threshold(probabilities, labels) -> tuple[float, float]:
    """(F1, threshold) of the threshold that gives cue heads the best F1."""
    best = (0.0, 0.5)
    for threshold in np.arange(0.2, 0.8, 0.025):
        guess = probabilities >= threshold
        tp = int((guess & labels).sum())
        precision, recall = tp / max(1, int(guess.sum())), tp / max(1, int(labels.sum()))
        best = max(best, (2 * precision * recall / max(1e-9, precision + recall), float(threshold)))
    return best


def span_habits(extensions: Counter) -> tuple[list[str], list[str]]:
    """Keys of the children annotators keep in a cue more often than not (seen 5+ times), and the
    cue-specific keys they leave out, which override the habit of all cues."""
    seen = {key for key, _ in extensions if extensions[key, True] + extensions[key, False] >= 5}
    extend = sorted(key for key in seen if extensions[key, True] > extensions[key, False])
    keep_out = sorted(key for key in seen - set(extend) if key.count("|") == 3)
    return extend, keep_out


def main() -> None:
    args = options(__doc__.splitlines()[0], regularisation=0.5)
    rows, labels, extensions, lemmas = examples(args.polnear / "train", args.model)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=args.C, max_iter=3000)
    classifier.fit(x, labels)
    print(f"train: {x.shape[0]} tokens, {int(labels.sum())} cues, {x.shape[1]} features")

    threshold = 0.5
    if (args.polnear / "dev").is_dir():
        dev_rows, dev_labels, _, _ = examples(args.polnear / "dev", args.model)
        f1, threshold = best_threshold(classifier.predict_proba(vectorizer.transform(dev_rows))[:, 1], dev_labels)
        print(f"dev: cue-head F1 {f1:.3f} at threshold {threshold:.3f}")

    kept = weights(vectorizer, classifier, smallest=0.02)
    kept["bias"] = round(kept.get("bias", 0.0) + float(classifier.intercept_[0]), 4)
    extend, keep_out = span_habits(extensions)
    print(f"cue spans: {len(extend)} extending keys, {len(keep_out)} keys kept out")
    write("cues", {"threshold": round(threshold, 3), "extend": extend, "keep_out": keep_out,
                   "lemmas": sorted(lemmas), "weights": kept})


if __name__ == "__main__":
    main()
