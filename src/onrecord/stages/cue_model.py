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
from collections.abc import Callable

from spacy.tokens import Token

from . import linear
from .candidates import misparsed_report
from .cues import EVALUATION, NOUNS, SPEECH, THOUGHT
from .parse import Parse, parse_of

CANDIDATE_POS = {"VERB", "AUX", "NOUN", "ADP", "PUNCT", "ADJ", "PROPN"}
_SUBJECTS = ("nsubj", "nsubjpass")


# Each lexicon word's class; a word in several takes the first of speech, thought, evaluation, noun.
_LEXICON = {word: name for name, words in reversed((("speech", SPEECH), ("thought", THOUGHT),
                                                    ("evaluation", EVALUATION), ("noun", NOUNS))) for word in words}


def _lexicon(lemma: str) -> str:
    return _LEXICON.get(lemma, "none")


def features(token: Token, state: tuple[bool, bool, bool], lemma: str | None = None) -> list[str]:
    parse = parse_of(token.doc)
    return [feature for group in _groups(parse, token.i, state, lemma or parse.lemmas[token.i]) for feature in group]


def _groups(parse: Parse, i: int, state: tuple[bool, bool, bool], lemma: str) -> tuple[tuple[str, ...], ...]:
    # Runs for every scored token of every article: the parse is read from its lists (``parse``),
    # not through Token objects, and the features come in groups that depend on few values, each
    # made (and its weight summed, see ``_probability``) once per distinct combination: the
    # detector scores thousands of tokens per article, most of them a handful of lemmas in a
    # handful of parses.
    heads, deps, lowers, size = parse.heads, parse.deps, parse.lowers, parse.size
    head = heads[i]
    kids = parse.children(i)
    kid_deps = tuple([deps[child] for child in kids])
    subject_key = ("none", "none", "none", False)
    for child, child_dep in zip(kids, kid_deps, strict=True):
        if child_dep in _SUBJECTS:
            subject_key = (parse.pos[child], parse.ents[child], parse.lemmas[child], True)
            break
    lexicon = _lexicon(lemma)
    tag, dep = parse.tags[i], deps[i]
    # what the words it governs are: "was [sure]", "is [afraid]", "spoke [about]", "called [for]"
    governed = tuple([(child_dep, parse.lemmas[child], _kid_shape(parse, child) if child_dep in ("acomp", "attr") else "")
                      for child, child_dep in zip(kids, kid_deps, strict=True) if child_dep in _GOVERNED])
    return (
        _word_features(lemma, lowers[i], parse.pos[i], tag, dep, lexicon),
        _head_features(lemma, dep, parse.lemmas[head], parse.pos[head], deps[head]),
        _neighbour_features(lemma, lowers[i - 2] if i > 1 else "<start>", lowers[i - 1] if i > 0 else "<start>",
                            lowers[i + 1] if i + 1 < size else "<end>", lowers[i + 2] if i + 2 < size else "<end>"),
        _quote_features(lemma, lexicon, state),
        _subject_features(lemma, *subject_key),
        _children_features(lemma, tag, lexicon, kid_deps),
        _clause(parse, lemma, kids, kid_deps, dep, deps[head]),
        _governed_features(governed),
    )


_GOVERNED = ("acomp", "attr", "xcomp", "prep", "agent")


def _kid_shape(parse: Parse, i: int) -> str:
    return "|".join(sorted({parse.deps[c] for c in parse.children(i)}))[:30]


@functools.lru_cache(maxsize=65536)
def _governed_features(governed: tuple[tuple[str, str, str], ...]) -> tuple[str, ...]:
    return (*(f"governed={dep}|{lemma}" for dep, lemma, _ in governed),
            *(f"governed_kids={lemma}|{shape}" for dep, lemma, shape in governed if dep in ("acomp", "attr")))


@functools.lru_cache(maxsize=65536)
def _word_features(lemma: str, lower: str, pos: str, tag: str, dep: str, lexicon: str) -> tuple[str, ...]:
    return ("bias", f"lemma={lemma}", f"lower={lower}", f"pos={pos}", f"tag={tag}", f"dep={dep}",
            f"lemma_pos={lemma}|{pos}", f"lemma_dep={lemma}|{dep}", f"lex={lexicon}", f"lex_pos={lexicon}|{pos}")


@functools.lru_cache(maxsize=65536)
def _head_features(lemma: str, dep: str, head_lemma: str, head_pos: str, head_dep: str) -> tuple[str, ...]:
    return (f"head_lemma={head_lemma}", f"head_pos={head_pos}", f"dep_headpos={dep}|{head_pos}",
            f"head_dep={head_dep}|{dep}", f"lemma_head={lemma}|{head_lemma}", f"lemma_deps={lemma}|{dep}|{head_dep}")


@functools.lru_cache(maxsize=65536)
def _neighbour_features(lemma: str, prev2: str, prev: str, nxt: str, nxt2: str) -> tuple[str, ...]:
    return (f"next={nxt}", f"prev={prev}", f"lemma_next={lemma}|{nxt}", f"lemma_prev={lemma}|{prev}",
            f"next2={nxt}|{nxt2}", f"prev2={prev2}|{prev}")


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
def _children_features(lemma: str, tag: str, lexicon: str, kid_deps: tuple[str, ...]) -> tuple[str, ...]:
    children = sorted(set(kid_deps))  # here, not per token: the cache is keyed by the deps as they come
    shape = "".join(children)[:40]
    return (f"tag_children={tag}|{shape}", *(f"child={d}" for d in children),
            *(f"lemma_child={lemma}|{d}" for d in children if d in ("ccomp", "xcomp", "dobj", "prep", "nsubj", "dative")),
            f"lex_children={lexicon}|{shape}")


group_weight = linear.group_weights(lambda: _model()["weights"])  # train/cues.py clears it with new weights


def _clause(parse: Parse, lemma: str, kids: list[int], kid_deps: tuple[str, ...], dep: str, head_dep: str) -> tuple[str, ...]:
    """What the token governs: a report takes a clause with its own subject ("said [he] would"),
    marked by "that"/"whether" or not, and its voice tells "it was reported" from "he was reported
    missing"; a word in a relative clause ("a plan that calls for") rarely introduces the report."""
    comp = next((c for c, d in zip(kids, kid_deps, strict=True) if d in ("ccomp", "xcomp", "parataxis")), None)
    passive = "auxpass" in kid_deps or "nsubjpass" in kid_deps
    relative = dep in ("relcl", "acl") or head_dep in ("relcl", "acl")
    if comp is None:
        return _clause_features(lemma, passive, relative, dep == "relcl", None)
    deps, comp_kids = parse.deps, parse.children(comp)
    own = any(deps[c] in _SUBJECTS for c in comp_kids)
    mark = next((parse.lowers[c] for c in comp_kids if deps[c] in ("mark", "aux") and c < comp), "-")
    return _clause_features(lemma, passive, relative, dep == "relcl",
                            (deps[comp], own, mark, parse.lemmas[comp], parse.pos[comp]))


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


def _route(parse: Parse, token: int, low: int, high: int) -> tuple[str, int | None]:
    """The deps from ``token`` up to the cue so far (``low``..``high``), three steps at most, and the
    cue token reached: "a" in "said in [a] statement" is det>pobj under "in"."""
    path, node = [], token
    for _ in range(3):
        path.append(parse.deps[node])
        if parse.heads[node] == node:
            break
        node = parse.heads[node]
        if low <= node <= high:
            return ">".join(path), node
    return "out>" + parse.deps[token], None


def _anchor(parse: Parse, root: int, anchor: int | None) -> str:
    if anchor is None:
        return "-"
    return "head" if anchor == root else parse.deps[anchor]


def extent_features(root: Token, token: Token, low: int, high: int) -> list[str]:
    """Features of ``token``, next to the cue ``low``..``high`` headed by ``root``, for whether the
    cue takes it in. Shared by training (``train/cues.py``) and ``cue_bounds``."""
    return list(_step_features(*_step(parse_of(root.doc), root.i, token.i, low, high)))


def _step(parse: Parse, root: int, token: int, low: int, high: int) -> tuple:
    """What the extent features read of one step, by token index on the document's lists
    (``parse``): asked for each token the cue may grow into, and the same values recur from cue
    to cue, so the strings are made once per distinct step (``_step_features``)."""
    deps, heads, pos, lowers = parse.deps, parse.heads, parse.pos, parse.lowers
    side = "L" if token < root else "R"
    step = -1 if side == "L" else 1
    route, anchor = _route(parse, token, low, high)
    word = lowers[token] if pos[token] in _CLOSED else pos[token]
    inner = token - step  # the cue token it touches
    inner_word = lowers[inner] if pos[inner] in _CLOSED else pos[inner]
    beyond = token + step
    beyond_key = (deps[beyond], heads[beyond] == token, parse.is_punct[beyond]) if 0 <= beyond < parse.size else None
    children = parse.children(token)
    kids = "".join(sorted({deps[c] for c in children if not low <= c <= high}))[:30]
    # What a function word leads to decides it: "said in [a statement]" but not "said in [Ohio]".
    obj = next((c for c in children if deps[c] in ("pobj", "dobj", "pcomp", "xcomp")), None)
    # A pre-modifier leads to its head outside the cue ("in [the] debate").
    head = heads[token]
    outside = anchor is None or anchor != head
    target = obj if obj is not None else head if outside else None
    target_key = (parse.lemmas[target], parse.ents[target] or "-") if target is not None else None
    return (side, route, word, pos[token], parse.tags[token], _anchor(parse, root, anchor), parse.ents[token] or "-",
            kids, beyond_key, deps[inner], inner_word, min(abs(token - root) - 1, 3), parse.lemmas[root], deps[root],
            pos[root], target_key)


@functools.lru_cache(maxsize=65536)
def _step_features(side: str, route: str, word: str, pos: str, tag: str, anchor: str, ent: str, kids: str,
                   beyond: tuple[str, bool, bool] | None, inner_dep: str, inner_word: str, gap: int, lemma: str,
                   root_dep: str, root_pos: str, target: tuple[str, str] | None) -> tuple[str, ...]:
    where = f"{side}|{route}"
    beyond_key = "{}|{}|{}".format(*beyond) if beyond is not None else "<edge>"
    target_key, target_ent = (f"{target[0]}|{target[1]}", target[1]) if target is not None else ("-", "-")
    return (
        "bias", f"side={side}", f"route={where}", f"word={where}|{word}", f"pos={side}|{pos}",
        f"tag={where}|{tag}", f"anchor={where}|{anchor}", f"ent={where}|{ent}", f"kids={where}|{kids}",
        f"beyond={where}|{beyond_key}", f"inner={where}|{inner_dep}|{inner_word}", f"gap={where}|{gap}",
        f"lemma={lemma}|{where}", f"lemma_word={lemma}|{where}|{word}", f"lex={_lexicon(lemma)}|{where}|{word}",
        f"root_dep={root_dep}|{where}", f"root_pos={root_pos}|{where}|{word}",
        f"target={where}|{word}|{target_key}", f"target_ent={where}|{target_ent}",
    )


def walk(root: Token, keeps) -> list[Token]:
    """The cue grown from ``root`` token by token, left then right, while ``keeps(token, low, high)``:
    a cue is one stretch of text, so the first token left out ends that side."""
    doc = root.doc
    low, high = _grow(len(doc), root.i, lambda i, low, high: keeps(doc[i], low, high))
    return list(doc[low:high + 1])


def _grow(size: int, root: int, keeps) -> tuple[int, int]:
    """``walk`` by token index, ``keeps(i, low, high)``: the first and last index of the cue."""
    low = high = root
    for step in (-1, 1):
        i = root + step
        while 0 <= i < size and abs(i - root) <= MAX_REACH and keeps(i, low, high):
            low, high = min(low, i), max(high, i)
            i += step
    return low, high


def extent(root: Token, weights: dict[str, float], threshold: float) -> list[Token]:
    """The cue grown from ``root`` while the extent model says yes, less a dangling edge: "has
    criticized long-standing [deals]" stops at the verb. A "to" may dangle ("plans to [release]")."""
    low, high = _extent(parse_of(root.doc), root.i, functools.partial(linear.score, weights), threshold)
    return list(root.doc[low:high + 1])


def _extent(parse: Parse, root: int, weight: Callable[[tuple[str, ...]], float], threshold: float) -> tuple[int, int]:
    """``extent`` by token index, a step's features summed by ``weight``: the first and last index of the cue."""
    low, high = _grow(parse.size, root, lambda i, low, high: linear.logistic(
        weight(_step_features(*_step(parse, root, i, low, high)))) >= threshold)
    heads = parse.heads
    while high != root and heads[high] > high and parse.deps[high] != "aux":
        high -= 1
    while low != root and heads[low] < low:
        low += 1
    return low, high


def cue_bounds(root: Token) -> tuple[int, int]:
    """The first and last token of the cue as annotators mark it: "has said", "said in a
    statement", "according to"; never into a report the parse hung on it as something else
    (``misparsed_report``): "said after the vote he would …" is "said"."""
    model = _model()
    parse, doc, r = parse_of(root.doc), root.doc, root.i
    low, high = _extent(parse, r, model["extent_weight"], model["extent_threshold"])
    reported = [i for child in parse.children(r) if misparsed_report(root, doc[child]) for i in parse.subtree(child)]
    if reported:
        low = max([low] + [i + 1 for i in reported if i < r])
        high = min([high] + [i - 1 for i in reported if i > r])
    return low, high


@functools.cache
def _model() -> dict:
    model = dict(linear.load("cues"))
    model["lemmas"] = set(model["lemmas"])
    # A step's summed weight, cached as the detector's groups are (steps recur from cue to cue); kept
    # with the model, so that training's new weights (``_model.cache_clear``) come with a new cache.
    model["extent_weight"] = linear.group_weights(lambda: model["extent"])
    return model


def _probability(parse: Parse, i: int, state: tuple[bool, bool, bool], lemma: str) -> float:
    return linear.logistic(sum(map(group_weight, _groups(parse, i, state, lemma))))


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
    parse, i = parse_of(token.doc), token.i
    lemma = parse.lemmas[i]
    if parse.pos[i] not in CANDIDATE_POS or lemma not in _model()["lemmas"]:
        return False
    return _probability(parse, i, state, lemma) >= threshold(lemma)
