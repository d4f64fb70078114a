"""The learned cue detector: is this token the word that introduces a report?

A logistic regression over features of the parse, trained on PolNeAR's training split by
``train/cues.py`` (``make train``) and shipped as ``data/cues.json``: feature → weight. Reporting
words are a long tail ("unleashed", "pitched", "refuses to discuss"), and whether "think" or
"want" reports someone's position depends on the sentence, which a fixed list cannot know. Only
lemmas that some training token lifts over its threshold are scored at all.

A second logistic regression decides how far the cue extends from its head, token by token ("has
said", "said in a statement", "according to"). Each model shares one features function between
training and inference (``features``, ``extent_features``), so the two never drift apart.
"""

from __future__ import annotations

import functools

from spacy.tokens import Token

from . import linear
from .candidates import misparsed_report
from .cues import EVALUATION, NOUNS, SPEECH, THOUGHT

CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADP", "PUNCT", "ADJ", "PROPN"}
_SUBJECTS = ("nsubj", "nsubjpass")


# Each lexicon word's class; a word in several takes the first of speech, thought, evaluation, noun.
_LEXICON = {word: name for name, words in reversed((("speech", SPEECH), ("thought", THOUGHT),
                                                    ("evaluation", EVALUATION), ("noun", NOUNS))) for word in words}


def _lexicon(lemma: str) -> str:
    return _LEXICON.get(lemma, "none")


def features(token: Token, state: tuple[bool, bool, bool], lemma: str | None = None) -> list[str]:
    return [feature for group in _groups(token, state, lemma) for feature in group]


def _groups(token: Token, state: tuple[bool, bool, bool], lemma: str | None = None) -> tuple[tuple[str, ...], ...]:
    # Runs for every scored token of every article: each attribute is read once (each read of a
    # child's or neighbour's attribute makes a Token object), and the features come in groups
    # that depend on few values, each made (and its weight summed, see ``cue_probability``) once
    # per distinct combination: the detector scores thousands of tokens per article, most of
    # them a handful of lemmas in a handful of parses.
    lemma = lemma or token.lemma_.lower()
    head, doc, i = token.head, token.doc, token.i
    kids = list(token.children)
    kid_deps = [child.dep_ for child in kids]
    subject = next((c for c, d in zip(kids, kid_deps, strict=True) if d in _SUBJECTS), None)
    size = len(doc)
    nxt = doc[i + 1].lower_ if i + 1 < size else "<end>"
    prev = doc[i - 1].lower_ if i > 0 else "<start>"
    nxt2 = doc[i + 2].lower_ if i + 2 < size else "<end>"
    prev2 = doc[i - 2].lower_ if i > 1 else "<start>"
    lexicon = _lexicon(lemma)
    pos, tag, dep = token.pos_, token.tag_, token.dep_
    if subject is None:
        subject_key = ("none", "none", "none", False)
    else:
        subject_key = (subject.pos_, subject.ent_type_, subject.lemma_.lower(), True)
    return (
        _word_features(lemma, token.lower_, pos, tag, dep, lexicon),
        _head_features(lemma, dep, head.lemma_.lower(), head.pos_, head.dep_),
        _neighbour_features(lemma, prev2, prev, nxt, nxt2),
        _quote_features(lemma, lexicon, state),
        _subject_features(lemma, *subject_key),
        _children_features(lemma, tag, lexicon, tuple(sorted(set(kid_deps)))),
        _clause(lemma, kids, kid_deps, dep, head.dep_),
    )


@functools.lru_cache(maxsize=65536)
def _word_features(lemma: str, lower: str, pos: str, tag: str, dep: str, lexicon: str) -> tuple[str, ...]:
    return ("bias", f"lemma={lemma}", f"lower={lower}", f"pos={pos}", f"tag={tag}", f"dep={dep}",
            f"lemma_pos={lemma}|{pos}", f"lemma_dep={lemma}|{dep}", f"lex={lexicon}", f"lex_pos={lexicon}|{pos}")


@functools.lru_cache(maxsize=65536)
def _head_features(lemma: str, dep: str, head_lemma: str, head_pos: str, head_dep: str) -> tuple[str, ...]:
    return (f"head_lemma={head_lemma}", f"head_pos={head_pos}", f"dep_headpos={dep}|{head_pos}",
            f"head_dep={head_dep}|{dep}", f"lemma_head={lemma}|{head_lemma}")


@functools.lru_cache(maxsize=65536)
def _neighbour_features(lemma: str, prev2: str, prev: str, nxt: str, nxt2: str) -> tuple[str, ...]:
    return (f"next={nxt}", f"prev={prev}", f"lemma_next={lemma}|{nxt}", f"next2={nxt}|{nxt2}", f"prev2={prev2}|{prev}")


@functools.lru_cache(maxsize=65536)
def _quote_features(lemma: str, lexicon: str, state: tuple[bool, bool, bool]) -> tuple[str, ...]:
    inside, ends_before, starts_after = state
    return (f"inside={inside}", f"quote_before={ends_before}", f"quote_after={starts_after}",
            f"lemma_inside={lemma}|{inside}", f"lex_quote={lexicon}|{ends_before}|{starts_after}")


@functools.lru_cache(maxsize=65536)
def _subject_features(lemma: str, pos: str, ent: str, subject_lemma: str, present: bool) -> tuple[str, ...]:
    return (f"subj={pos}", f"subj_ent={ent}", f"lemma_subj={lemma}|{present}",
            f"subj_lemma={subject_lemma}", f"lemma_subj_pos={lemma}|{pos}")


@functools.lru_cache(maxsize=65536)
def _children_features(lemma: str, tag: str, lexicon: str, children: tuple[str, ...]) -> tuple[str, ...]:
    shape = "".join(children)[:40]
    return (f"tag_children={tag}|{shape}", *(f"child={d}" for d in children),
            *(f"lemma_child={lemma}|{d}" for d in children if d in ("ccomp", "xcomp", "dobj", "prep", "nsubj", "dative")),
            f"lex_children={lexicon}|{shape}")


group_weight = linear.group_weights(lambda: _model()["weights"])  # train/cues.py clears it with new weights


def _clause(lemma: str, kids: list[Token], kid_deps: list[str], dep: str, head_dep: str) -> tuple[str, ...]:
    """What the token governs: a report takes a clause with its own subject ("said [he] would"),
    marked by "that"/"whether" or not, and its voice tells "it was reported" from "he was reported
    missing"; a word in a relative clause ("a plan that calls for") rarely introduces the report."""
    comp = next((c for c, d in zip(kids, kid_deps, strict=True) if d in ("ccomp", "xcomp", "parataxis")), None)
    passive = any(d in ("auxpass", "nsubjpass") for d in kid_deps)
    relative = dep in ("relcl", "acl") or head_dep in ("relcl", "acl")
    if comp is None:
        return _clause_features(lemma, passive, relative, dep == "relcl", None)
    own = any(c.dep_ in _SUBJECTS for c in comp.children)
    mark = next((c.lower_ for c in comp.children if c.dep_ in ("mark", "aux") and c.i < comp.i), "-")
    return _clause_features(lemma, passive, relative, dep == "relcl", (comp.dep_, own, mark, comp.lemma_.lower(), comp.pos_))


@functools.lru_cache(maxsize=65536)
def _clause_features(lemma: str, passive: bool, relative: bool, relcl: bool,
                     comp: tuple[str, bool, str, str, str] | None) -> tuple[str, ...]:
    out = (f"passive={passive}", f"lemma_passive={lemma}|{passive}", f"relative={relative}|{relcl}",
           f"lemma_relative={lemma}|{relative}")
    if comp is None:
        return (*out, "comp=none")
    comp_dep, own, mark, comp_lemma, comp_pos = comp
    return (*out, f"comp={comp_dep}|{own}", f"lemma_comp={lemma}|{comp_dep}|{own}", f"comp_mark={comp_dep}|{mark}",
            f"lemma_mark={lemma}|{mark}", f"comp_lemma={comp_lemma}", f"comp_pos={comp_pos}")


# Word classes whose identity decides whether they belong to a cue ("according to", "also said",
# "said in"); open-class words are told apart by their part of speech, entity type and attachment.
_CLOSED = {"ADP", "PART", "AUX", "DET", "ADV", "SCONJ", "CCONJ", "PRON", "PUNCT"}
# How far a cue may reach from its head: annotated cues longer than that are rare.
MAX_REACH = 8


def _route(token: Token, low: int, high: int) -> tuple[str, Token | None]:
    """The deps from ``token`` up to the cue so far (``low``..``high``), three steps at most, and the
    cue token reached: "a" in "said in [a] statement" is det>pobj under "in"."""
    path, node = [], token
    for _ in range(3):
        path.append(node.dep_)
        if node.head.i == node.i:
            break
        node = node.head
        if low <= node.i <= high:
            return ">".join(path), node
    return "out>" + token.dep_, None


def _anchor(root: Token, anchor: Token | None) -> str:
    if anchor is None:
        return "-"
    return "head" if anchor.i == root.i else anchor.dep_


def extent_features(root: Token, token: Token, low: int, high: int) -> list[str]:
    """Features of ``token``, next to the cue ``low``..``high`` headed by ``root``, for whether the
    cue takes it in. Shared by training (``train/cues.py``) and ``cue_tokens``."""
    doc = token.doc
    side = "L" if token.i < root.i else "R"
    step = -1 if side == "L" else 1
    route, anchor = _route(token, low, high)
    where = f"{side}|{route}"
    pos = token.pos_
    word = token.lower_ if pos in _CLOSED else pos
    lemma = root.lemma_.lower()
    inner = doc[token.i - step]  # the cue token it touches
    inner_word = inner.lower_ if inner.pos_ in _CLOSED else inner.pos_
    beyond_i = token.i + step
    if 0 <= beyond_i < len(doc):
        beyond = doc[beyond_i]
        beyond_key = f"{beyond.dep_}|{beyond.head.i == token.i}|{beyond.is_punct}"
    else:
        beyond_key = "<edge>"
    children = [(c, c.dep_) for c in token.children]  # each child's Token and label made once
    kids = "".join(sorted({dep for c, dep in children if not low <= c.i <= high}))[:30]
    # What a function word leads to decides it: "said in [a statement]" but not "said in [Ohio]".
    obj = next((c for c, dep in children if dep in ("pobj", "dobj", "pcomp", "xcomp")), None)
    # A pre-modifier leads to its head outside the cue ("in [the] debate").
    head = token.head
    outside = anchor is None or anchor.i != head.i
    target = obj if obj is not None else head if outside else None
    target_key = f"{target.lemma_.lower()}|{target.ent_type_ or '-'}" if target is not None else "-"
    return [
        "bias", f"side={side}", f"route={where}", f"word={where}|{word}", f"pos={side}|{pos}",
        f"tag={where}|{token.tag_}", f"anchor={where}|{_anchor(root, anchor)}",
        f"ent={where}|{token.ent_type_ or '-'}", f"kids={where}|{kids}", f"beyond={where}|{beyond_key}",
        f"inner={where}|{inner.dep_}|{inner_word}", f"gap={where}|{min(abs(token.i - root.i) - 1, 3)}",
        f"lemma={lemma}|{where}", f"lemma_word={lemma}|{where}|{word}", f"lex={_lexicon(lemma)}|{where}|{word}",
        f"root_dep={root.dep_}|{where}", f"root_pos={root.pos_}|{where}|{word}",
        f"target={where}|{word}|{target_key}", f"target_ent={where}|{target_key.split('|')[-1]}",
    ]


def walk(root: Token, keeps) -> list[Token]:
    """The cue grown from ``root`` token by token, left then right, while ``keeps(token, low, high)``:
    a cue is one stretch of text, so the first token left out ends that side."""
    doc = root.doc
    low = high = root.i
    for step in (-1, 1):
        i = root.i + step
        while 0 <= i < len(doc) and abs(i - root.i) <= MAX_REACH and keeps(doc[i], low, high):
            low, high = min(low, i), max(high, i)
            i += step
    return list(doc[low:high + 1])


def extent(root: Token, weights: dict[str, float], threshold: float) -> list[Token]:
    """The cue grown from ``root`` while the extent model says yes, less a dangling edge: "has
    criticized long-standing [deals]" stops at the verb. A "to" may dangle ("plans to [release]")."""
    tokens = walk(root, lambda token, low, high: linear.probability(
        weights, extent_features(root, token, low, high)) >= threshold)
    while tokens[-1].i != root.i and tokens[-1].head.i > tokens[-1].i and tokens[-1].dep_ != "aux":
        tokens.pop()
    while tokens[0].i != root.i and tokens[0].head.i < tokens[0].i:
        tokens.pop(0)
    return tokens


def cue_tokens(root: Token) -> list[Token]:
    """The cue as annotators mark it: "has said", "said in a statement", "according to"; never into
    a report the parse hung on it as something else (``misparsed_report``): "said after the vote he
    would …" is "said"."""
    model = _model()
    tokens = extent(root, model["extent"], model["extent_threshold"])
    reported = [t.i for child in root.children if misparsed_report(root, child) for t in child.subtree]
    if reported:
        low = max((i for i in reported if i < root.i), default=-1)
        high = min((i for i in reported if i > root.i), default=len(root.doc))
        tokens = [t for t in tokens if low < t.i < high]
    return tokens


@functools.cache
def _model() -> dict:
    model = dict(linear.load("cues"))
    model["lemmas"] = set(model["lemmas"])
    return model


def cue_probability(token: Token, state: tuple[bool, bool, bool], lemma: str | None = None) -> float:
    return linear.logistic(sum(map(group_weight, _groups(token, state, lemma))))


def scored_lemmas() -> set[str]:
    """The lemmas the detector scores: no other word can head a cue."""
    return _model()["lemmas"]


def threshold(lemma: str) -> float:
    """The probability a token must reach to head a cue: words of the reporting lexicon take the
    record-level optimum; the long tail outside it ("lend", "approved") a higher one, tuned on dev
    after it, since its reports are rarer and their contents and speakers less often right."""
    model = _model()
    return model["threshold"] if _lexicon(lemma) != "none" else model.get("tail_threshold", model["threshold"])


def is_cue(token: Token, state: tuple[bool, bool, bool]) -> bool:
    model = _model()
    lemma = token.lemma_.lower()
    if token.pos_ not in CANDIDATE_POS or lemma not in model["lemmas"]:
        return False
    return cue_probability(token, state, lemma) >= threshold(lemma)
