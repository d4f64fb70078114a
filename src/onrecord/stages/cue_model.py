"""The learned cue detector: is this token the word that introduces a report?

A logistic regression over features of the parse, trained on PolNeAR's training split by
``train/cues.py`` (``make train``) and shipped as ``data/cues.json``: feature → weight. Reporting
words are a long tail ("unleashed", "pitched", "refuses to discuss"), and whether "think" or
"want" reports someone's position depends on the sentence, which a fixed list cannot know.

The same ``features`` function serves training and inference, so the two never drift apart.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from . import linear
from .cues import EVALUATION, NOUNS, SPEECH, THOUGHT

CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADP", "PUNCT", "ADJ", "PROPN"}


def _lexicon(lemma: str) -> str:
    for name, words in (("speech", SPEECH), ("thought", THOUGHT), ("evaluation", EVALUATION), ("noun", NOUNS)):
        if lemma in words:
            return name
    return "none"


def features(token: Token, state: tuple[bool, bool, bool]) -> list[str]:
    lemma = token.lemma_.lower()
    head = token.head
    children = sorted({child.dep_ for child in token.children})
    subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    nxt = token.nbor(1).lower_ if token.i + 1 < len(token.doc) else "<end>"
    prev = token.nbor(-1).lower_ if token.i > 0 else "<start>"
    inside, ends_before, starts_after = state
    lexicon = _lexicon(lemma)
    shape = "".join(children)
    out = [
        "bias", f"lemma={lemma}", f"lower={token.lower_}", f"pos={token.pos_}", f"tag={token.tag_}",
        f"dep={token.dep_}", f"lemma_pos={lemma}|{token.pos_}", f"lemma_dep={lemma}|{token.dep_}",
        f"head_lemma={head.lemma_.lower()}", f"head_pos={head.pos_}", f"dep_headpos={token.dep_}|{head.pos_}",
        f"next={nxt}", f"prev={prev}", f"lemma_next={lemma}|{nxt}", f"lex={lexicon}", f"lex_pos={lexicon}|{token.pos_}",
        f"subj={subject.pos_ if subject is not None else 'none'}",
        f"subj_ent={subject.ent_type_ if subject is not None else 'none'}",
        f"inside={inside}", f"quote_before={ends_before}", f"quote_after={starts_after}",
        f"lemma_inside={lemma}|{inside}", f"lex_quote={lexicon}|{ends_before}|{starts_after}",
        f"lemma_subj={lemma}|{subject is not None}",
    ]
    doc = token.doc
    nxt2 = doc[token.i + 2].lower_ if token.i + 2 < len(doc) else "<end>"
    prev2 = doc[token.i - 2].lower_ if token.i > 1 else "<start>"
    out += [
        f"subj_lemma={subject.lemma_.lower() if subject is not None else 'none'}",
        f"lemma_subj_pos={lemma}|{subject.pos_ if subject is not None else 'none'}",
        f"next2={nxt}|{nxt2}", f"prev2={prev2}|{prev}", f"head_dep={head.dep_}|{token.dep_}",
        f"lemma_head={lemma}|{head.lemma_.lower()}", f"tag_children={token.tag_}|{shape[:40]}",
    ]
    out += [f"child={dep}" for dep in children]
    out += [f"lemma_child={lemma}|{dep}" for dep in children if dep in ("ccomp", "xcomp", "dobj", "prep", "nsubj", "dative")]
    out.append(f"lex_children={lexicon}|{shape[:40]}")
    return out


# Function words whose identity decides whether they belong to a cue ("according to", "also said").
_KEYED_WORDS = {"prep", "prt", "aux", "auxpass", "neg", "advmod", "det", "agent"}


def _touching(root: Token, step: int):
    """Children of ``root`` on one side that touch it, directly or through other touching children."""
    i = root.i + step
    while 0 <= i < len(root.doc) and root.doc[i].head.i == root.i and not root.doc[i].is_punct:
        yield root.doc[i]
        i += step


def neighbours(root: Token) -> list[Token]:
    return [*_touching(root, -1), *_touching(root, 1)]


def extension_keys(root: Token, child: Token) -> tuple[str, str]:
    """(specific, generic) keys of a child next to a cue: "said on Tuesday" is not "called on"."""
    side = "left" if child.i < root.i else "right"
    word = child.lower_ if child.dep_ in _KEYED_WORDS else ""
    generic = f"{side}|{child.dep_}|{word}"
    return f"{generic}|{root.lemma_.lower()}", generic


def _decides(keys: tuple[str, str], suffix: str = "") -> bool:
    """Whether annotators keep this child in the cue: the cue's own habit if known, else the habit
    of all cues."""
    model = _model()
    specific, generic = (key + suffix for key in keys)
    if specific in model["extend"]:
        return True
    if specific in model["keep_out"]:
        return False
    return generic in model["extend"]


def cue_tokens(root: Token) -> list[Token]:
    """The cue as annotators mark it: the head plus the touching children they include with it."""
    tokens = [root]
    for step in (-1, 1):
        for child in _touching(root, step):
            keys = extension_keys(root, child)
            if child.dep_ == "prep" and _decides(keys, "+object"):  # "said in a statement"
                tokens.extend(child.subtree)
                break
            if not _decides(keys):
                break
            tokens.append(child)
    return sorted(tokens, key=lambda t: t.i)


@functools.cache
def _model() -> dict:
    model = dict(linear.load("cues"))
    for key in ("extend", "keep_out", "lemmas"):
        model[key] = set(model[key])
    return model


def cue_probability(token: Token, state: tuple[bool, bool, bool]) -> float:
    return linear.probability(_model()["weights"], features(token, state))


def is_cue(token: Token, state: tuple[bool, bool, bool]) -> bool:
    if token.pos_ not in CANDIDATE_POS or token.lemma_.lower() not in _model()["lemmas"]:
        return False
    return cue_probability(token, state) >= _model()["threshold"]
