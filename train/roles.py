"""Train the content and speaker ranker on PolNeAR's training split; write stages/data/roles.json.

    .venv/bin/python train/roles.py [--polnear ../shared/data/polnear] [--C 1.0]

For every gold attribution in ``train``, the candidates that the parse offers for its cue are
labelled right (the same characters as the gold span, after trimming) or wrong. Contents are
learned one candidate at a time (a logistic regression of right against wrong), so that cues whose
gold span no candidate reaches still teach which readings come closest. Speakers are learned in
pairs (right minus wrong, both ways round), which ranks the few readings of a subject better than
scoring each alone. Both yield one linear score, so ``ranker`` reads them alike. A content's
score also takes in the token vectors at the reading's edges (``ranker.boundary_vectors``),
standardised and scaled down so that the regularisation leans on them less than on the sparse
features; their weights are exported on the raw vectors as ``content_edges``. Only ``train`` is
read.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import scipy.sparse as sparse
from common import cue_head, options, parsed, weights, write
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from onrecord.eval.scoring import positions
from onrecord.stages import candidates
from onrecord.stages.quotes import Finder
from onrecord.stages.ranker import boundary_vectors, cue_context, features

# The scale of the standardised edge vectors against the sparse features (0.3 and 0.5 were best of
# 0, 0.3, 0.5 and 1 on dev).
EDGE_SCALE = 0.3


def examples(split_dir: Path, model: str) -> tuple[dict[str, tuple[list[dict], list[bool], list[int]]], np.ndarray]:
    """Per role: feature rows, labels and the cue (group) each candidate belongs to; and the content
    candidates' edge vectors, in their order."""
    found: dict[str, tuple[list[dict], list[bool], list[int]]] = {"content": ([], [], []), "speaker": ([], [], [])}
    edges = []
    group = 0
    for doc, gold in parsed(split_dir, model):
        text = doc.text
        finder = Finder(doc, text)
        for attribution in gold:
            cue = cue_head(doc, attribution)
            if cue is None:
                continue
            roles = [("content", attribution.content, candidates.contents(cue, text, finder.quotations_beside(cue)))]
            if attribution.source:
                roles.append(("speaker", attribution.source, candidates.speakers(cue, text)))
            for role, truth, offered in roles:
                rows, labels, groups = found[role]
                context = cue_context(cue, offered)
                for candidate in offered:
                    rows.append({f: 1 for f in features(role, cue, candidate, doc, text, context)} | {f"{role}:bias": 1})
                    labels.append(positions(text, candidate.spans) == truth)
                    groups.append(group)
                    if role == "content":
                        edges.append(boundary_vectors(doc, candidate.spans[0][0], candidate.spans[-1][1]))
                group += 1
    return found, np.vstack(edges)


def pointwise(rows: list[dict], edges: np.ndarray, labels: list[bool], C: float
              ) -> tuple[DictVectorizer, LogisticRegression, np.ndarray]:
    """Right against wrong, one candidate at a time, on the sparse features and the edge vectors;
    returns the edge weights apart (on the raw vectors, their mean folded into the intercept)."""
    mean, spread = edges.mean(0), edges.std(0) + 1e-6
    vectorizer = DictVectorizer()
    sparse_x = vectorizer.fit_transform(rows)
    x = sparse.hstack([sparse_x, sparse.csr_matrix((edges - mean) / spread * EDGE_SCALE)]).tocsr()
    classifier = LogisticRegression(C=C, max_iter=4000)
    classifier.fit(x, np.array(labels))
    names = sparse_x.shape[1]
    on_edges = classifier.coef_[0][names:] * EDGE_SCALE / spread
    classifier.coef_ = classifier.coef_[:, :names]
    classifier.intercept_ = classifier.intercept_ - float(on_edges @ mean)
    return vectorizer, classifier, on_edges


def pairwise(rows: list[dict], labels: list[bool], groups: list[int], C: float) -> tuple[DictVectorizer, LogisticRegression]:
    """Each right candidate against each wrong one of the same cue: the sign of w·(right − wrong)."""
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows).tocsr()
    labels_, groups_ = np.array(labels), np.array(groups)
    right, wrong = [], []
    for group in np.unique(groups_):
        members = np.flatnonzero(groups_ == group)
        for r in members[labels_[members]]:
            for w in members[~labels_[members]]:
                right.append(r)
                wrong.append(w)
    differences = x[right] - x[wrong]
    classifier = LogisticRegression(C=C, max_iter=3000, fit_intercept=False)
    classifier.fit(sparse.vstack([differences, -differences]), np.r_[np.ones(len(right)), np.zeros(len(right))])
    return vectorizer, classifier


def main() -> None:
    args = options(__doc__.splitlines()[0], regularisation=1.0)
    found, edges = examples(args.polnear / "train", args.model)
    kept: dict[str, float] = {}
    for role, (rows, labels, groups) in found.items():
        if role == "content":
            vectorizer, classifier, on_edges = pointwise(rows, edges, labels, args.C)
        else:
            vectorizer, classifier = pairwise(rows, labels, groups, args.C)
        learned = weights(vectorizer, classifier, smallest=0.01)
        intercept = float(classifier.intercept_[0]) if classifier.fit_intercept else 0.0
        learned[f"{role}:bias"] = round(learned.get(f"{role}:bias", 0.0) + intercept, 4)
        kept.update(learned)
        print(f"{role}: {len(rows)} candidates, {sum(labels)} right, {len(vectorizer.vocabulary_)} features")
    write("roles", {"weights": kept, "content_edges": [round(float(w), 5) for w in on_edges]})


if __name__ == "__main__":
    main()
