"""Train the content and speaker ranker on PolNeAR's training split; write stages/data/roles.json.

    .venv/bin/python train/roles.py [--polnear ../shared/data/polnear] [--C 1.0]

For every gold attribution in ``train``, the candidates that the parse offers for its cue are
labelled right (the same characters as the gold span, after trimming) or wrong; a logistic
regression learns which candidate to prefer. Only ``train`` is read.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from common import cue_head, options, parsed, weights, write
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from onrecord.eval.scoring import positions
from onrecord.stages import candidates
from onrecord.stages.quotes import Finder
from onrecord.stages.ranker import features


def examples(split_dir: Path, model: str):
    rows, labels = [], []
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
                for candidate in offered:
                    rows.append({f: 1 for f in features(role, cue, candidate, doc, text)} | {f"{role}:bias": 1})
                    labels.append(positions(text, candidate.spans) == truth)
    return rows, np.array(labels)


def main() -> None:
    args = options(__doc__.splitlines()[0], regularisation=1.0)
    rows, labels = examples(args.polnear / "train", args.model)
    vectorizer = DictVectorizer()
    x = vectorizer.fit_transform(rows)
    classifier = LogisticRegression(C=args.C, max_iter=3000)
    classifier.fit(x, labels)
    print(f"train: {x.shape[0]} candidates, {int(labels.sum())} right, {x.shape[1]} features")
    kept = weights(vectorizer, classifier, smallest=0.01)
    for role in ("content", "speaker"):
        kept[f"{role}:bias"] = round(kept.get(f"{role}:bias", 0.0) + float(classifier.intercept_[0]), 4)
    write("roles", {"weights": kept})


if __name__ == "__main__":
    main()
