"""Train the cue detector on PolNeAR's training split; write src/onrecord/stages/data/cues.json.

    .venv/bin/python train/cues.py [--polnear ../shared/data/polnear] [--C 0.25]

Two logistic regressions: which token heads a cue, and how far the cue extends from its head
(for each token the cue grows into, does the annotated cue take it in?). Reads only ``train`` to
fit. Their thresholds are chosen on ``dev`` (the head's on whole records, with the shipped ranker;
the extent's on exact cue extents), as the issue allows. Reproducible: the same data and versions
give the same weights.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import NamedTuple

import numpy as np
from common import cue_head, options, parsed, weights, write
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from onrecord.eval import polnear
from onrecord.eval.scoring import positions
from onrecord.record import Article, Record
from onrecord.stages import cue_model, linear, quotes
from onrecord.stages.candidates import end_of
from onrecord.stages.cue_model import CANDIDATE_POS, extent, extent_features, features, walk
from onrecord.stages.marks import states_of

# Words that head a cue at least once in a hundred uses are worth scoring at all: the model cannot
# lift the others over the threshold, and skipping them keeps the stage cheap.
MIN_CUE_RATE = 0.01
EXTENT_C = 1.0


class Examples(NamedTuple):
    rows: list[dict]
    labels: np.ndarray
    lemmas: set[str]
    extent_rows: list[dict]  # one per token the gold cue grows into or stops at
    extent_labels: np.ndarray
    cues: list  # (head, gold positions) to score extents with
    documents: list  # (doc, gold attributions), kept where asked, to score whole records with


def examples(split_dir: Path, model: str, keep: bool = False, scored: set[str] | None = None) -> Examples:
    """Features and labels of the candidate tokens whose lemma is ``scored`` (by default, the split's own
    cue lemmas) and of every step of the gold cues' extents."""
    rows, labels, row_lemmas, cue_lemmas, seen_lemmas = [], [], [], Counter(), Counter()
    extent_rows, extent_labels, cues, documents = [], [], [], []
    for doc, gold in parsed(split_dir, model):
        if keep:
            documents.append((doc, gold))
        heads = set()
        for attribution in gold:
            head = cue_head(doc, attribution)
            if head is not None:
                heads.add(head.i)
                cue_lemmas[head.lemma_.lower()] += 1
                cues.append((head, attribution.cue))
                _extent_steps(head, attribution.cue, extent_rows, extent_labels)
        states = states_of(doc)
        for token in doc:
            if token.pos_ in CANDIDATE_POS:
                seen_lemmas[token.lemma_.lower()] += 1
                row_lemmas.append(token.lemma_.lower())
                rows.append({f: 1 for f in features(token, states[token.i])})
                labels.append(token.i in heads)
    lemmas = {lemma for lemma, n in cue_lemmas.items() if n / max(n, seen_lemmas[lemma]) >= MIN_CUE_RATE}
    # Fit only on the tokens ``is_cue`` scores: the rest never reach the model, and fitting them
    # spends the weights on telling apart words that are never cues.
    kept = [i for i, lemma in enumerate(row_lemmas) if lemma in (lemmas if scored is None else scored)]
    return Examples([rows[i] for i in kept], np.array(labels)[kept], lemmas, extent_rows, np.array(extent_labels),
                    cues, documents)


def _extent_steps(head, cue: frozenset[int], rows: list, labels: list) -> None:
    """Walk from the head as ``cue_model.cue_bounds`` does, along the gold cue: each token it grows into is a
    yes, the one where it stops a no."""
    def keeps(token, low, high) -> bool:
        inside = any(i in cue for i in range(token.idx, token.idx + len(token)))
        rows.append({f: 1 for f in extent_features(head, token, low, high)})
        labels.append(inside)
        return inside

    walk(head, keeps)


def extent_accuracy(cues: list, weights: dict[str, float], threshold: float) -> float:
    """Share of gold cues whose extent from their (gold) head comes out exactly right."""
    right = 0
    for head, cue in cues:
        tokens = extent(head, weights, threshold)
        right += positions(head.doc.text, [(tokens[0].idx, end_of(tokens[-1]))]) == cue
    return right / max(1, len(cues))


def head_f1(probabilities: np.ndarray, labels: np.ndarray, threshold: float) -> float:
    """Token-level F1 of cue heads at ``threshold``: a diagnostic beside the record-level choice."""
    guess = probabilities >= threshold
    tp = int((guess & labels).sum())
    precision, recall = tp / max(1, int(guess.sum())), tp / max(1, int(labels.sum()))
    return 2 * precision * recall / max(1e-9, precision + recall)


def record_score(documents: list) -> float:
    """The mean of the issue's five F1 figures (source, cue and content exact, content overlap,
    attribution) of whole records, with the thresholds now in the model."""
    scores = polnear.Scores()
    for doc, gold in documents:
        record = Record(article=Article(id="dev", source="dev", text=doc.text))
        quotes.find_quotes(doc, record)  # the stage itself, as `onrecord eval polnear` runs it
        polnear.score_document(scores, polnear.predicted(record), gold)
    figures = [scores.exact["source"].f1, scores.exact["cue"].f1, scores.exact["content"].f1,
               scores.overlap["content"].f1, scores.attribution.f1]
    return sum(figures) / len(figures)


def record_thresholds(documents: list) -> tuple[float, float, float]:
    """(score, threshold, tail threshold) that give whole records the best ``record_score``: the
    head-level optimum lets through cues whose contents and speakers cost more than they bring.
    One threshold for all words first; then, with it, one for words outside the lexicon, the
    highest of those near the best (``_cheapest``)."""
    cue_model._model.cache_clear()
    cue_model.group_weight.cache_clear()
    linear.load.cache_clear()  # the weights just written
    quotes._may_report.cache_clear()
    model = cue_model._model()
    tried = []
    for threshold in np.arange(0.35, 0.651, 0.05):
        model["threshold"] = model["tail_threshold"] = float(threshold)
        tried.append((record_score(documents), round(float(threshold), 3)))
    score, model["threshold"] = max(tried)
    tried = [(score, model["threshold"])]
    for threshold in np.arange(model["threshold"] + 0.05, model["threshold"] + 0.251, 0.05):
        model["tail_threshold"] = float(threshold)
        tried.append((record_score(documents), round(float(threshold), 3)))
    tail = _cheapest(tried)
    return tail[0], model["threshold"], tail[1]


def _cheapest(tried: list[tuple[float, float]]) -> tuple[float, float]:
    """Of the (score, threshold) pairs within 0.1 points of the best score, the highest threshold:
    the tail it lets through is most of the words scored (``reachable``), and smaller differences
    on dev are noise."""
    best = max(score for score, _ in tried)
    return max((pair for pair in tried if pair[0] >= best - 0.001), key=lambda pair: pair[1])


def reachable(rows: list[dict], probabilities: np.ndarray) -> set[str]:
    """The lemmas of which some training token scores over its threshold: the model lifts no other
    word to a cue ("be", "have"), so inference need not score them, which keeps the stage cheap."""
    lemmas = (next(f[len("lemma="):] for f in row if f.startswith("lemma=")) for row in rows)
    return {lemma for lemma, probability in zip(lemmas, probabilities, strict=True)
            if probability >= cue_model.threshold(lemma)}


def fit(rows: list[dict], labels: np.ndarray, regularisation: float):
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=regularisation, max_iter=3000)
    classifier.fit(x, labels)
    return vectorizer, classifier, x.shape


def exported(vectorizer, classifier) -> dict[str, float]:
    kept = weights(vectorizer, classifier, smallest=0.02)
    kept["bias"] = round(kept.get("bias", 0.0) + float(classifier.intercept_[0]), 4)
    return kept


def main() -> None:
    args = options(__doc__.splitlines()[0], regularisation=0.25)  # 0.5 overfits the lexical conjunctions
    train = examples(args.polnear / "train", args.model)
    vectorizer, classifier, shape = fit(train.rows, train.labels, args.C)
    print(f"train: {shape[0]} tokens, {int(train.labels.sum())} cues, {shape[1]} features")
    extent_vectorizer, extent_classifier, shape = fit(train.extent_rows, train.extent_labels, EXTENT_C)
    extent_weights = exported(extent_vectorizer, extent_classifier)
    print(f"cue extents: {shape[0]} steps, {int(train.extent_labels.sum())} taken in, {shape[1]} features")

    model = {"threshold": 0.5, "tail_threshold": 0.5, "lemmas": sorted(train.lemmas),
             "weights": exported(vectorizer, classifier), "extent": extent_weights, "extent_threshold": 0.5}
    if (args.polnear / "dev").is_dir():
        dev = examples(args.polnear / "dev", args.model, keep=True, scored=train.lemmas)
        accuracy, model["extent_threshold"] = max((extent_accuracy(dev.cues, extent_weights, t), t)
                                                  for t in (0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7))
        print(f"dev: exact cue extent from the gold head {accuracy:.3f} at threshold {model['extent_threshold']:.2f}")
        write("cues", model)
        score, model["threshold"], model["tail_threshold"] = record_thresholds(dev.documents)
        print(f"dev: mean of the five record F1 figures {100 * score:.2f} at threshold {model['threshold']:.3f}, "
              f"{model['tail_threshold']:.3f} outside the lexicon")
        dev_probabilities = classifier.predict_proba(vectorizer.transform(dev.rows))[:, 1]
        print(f"dev: cue-head F1 {head_f1(dev_probabilities, dev.labels, model['threshold']):.3f} at the first")
    cue_model._model().update(threshold=model["threshold"], tail_threshold=model["tail_threshold"])
    lifted = reachable(train.rows, classifier.predict_proba(vectorizer.transform(train.rows))[:, 1])
    model["lemmas"] = sorted(train.lemmas & lifted)
    print(f"lemmas scored: {len(model['lemmas'])} of {len(train.lemmas)} (the others never reach the threshold in train)")
    write("cues", model)


if __name__ == "__main__":
    main()
