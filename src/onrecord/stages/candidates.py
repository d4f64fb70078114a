"""Candidate contents and speakers of a cue, read off the parse.

The parse offers several readings of what a cue reports (its clause, with or without the
adverbial clauses after it, or that clause's object when annotators take its verb into the cue;
its objects, with or without the adverbials or the clause after them, and what its object or
attribute introduces; the subject, alone or with what follows the cue; the clause it interrupts,
on both sides; the quotation beside it; the rest of the sentence) and of who speaks (the subject,
as a whole, as a bare noun phrase, with or without its apposition and clauses; the agent of a
passive; "who" and its antecedent). The clause, objects and right side also come trimmed: without
a trailing modifier (", which …", "on Thursday", an apposition) or a leading one ("In addition,",
"And"), since annotators often leave those out. Which reading annotators take depends on the cue
and the sentence, so ``ranker`` learns to choose among these candidates.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .cues import ASKING, EVALUATION, PEOPLE_NOUNS, SPEECH, THOUGHT
from .entities import ROLE_NOUNS
from .parse import Parse, parse_of

Spans = tuple[tuple[int, int], ...]

_EDGE = " \t\n,;:—–-"
_MARKS = "\"'“”„‟«»‹›‘’‚"
_ALNUM = re.compile(r"[^\W_]")  # a character for which str.isalnum() holds
_OBJECTS = {"dobj", "oprd", "attr", "dative", "acomp"}
_CONTENT_PREPS = {"about", "of", "on", "for", "over", "against", "as", "that", "to", "with"}
# Words whose "in" introduces what is held ("believe in the voters"); after others it is where or
# when ("said in Ohio", "spoke in May"), and taking it as content for all cost 0.2 points on dev.
_HELD_IN = {"believe", "trust", "faith", "confidence", "interest", "interested"}
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_NP_PARTS = {"compound", "det", "amod", "poss", "case", "nummod", "nmod", "flat", "quantmod"}
# Modifiers that can close a reading (cut from its end) or open it (cut from its start).
_TAIL_DEPS = {"prep", "npadvmod", "advcl", "relcl", "appos", "acl", "advmod", "conj", "parataxis", "cc"}
_CLAUSES = frozenset({"relcl", "acl", "advcl"})
_RAISING = {"seem", "appear"}  # their subject is what seems so, not who says so
_CLAUSES_APPOS = _CLAUSES | {"appos"}
# The readings whose trimmed forms annotators take often enough to offer them (on PolNeAR dev the
# trims of the subject, the sentence's left side and the interrupted clause were never the answer).
_TRIMMED = {"clause", "objects", "objects-bare", "sentence-right"}
_OCCASIONS = {"interview", "conference", "briefing", "statement", "speech", "address", "meeting", "hearing",
              "rally", "appearance", "debate", "call", "session", "summit", "broadcast", "podcast", "post", "letter"}
_REPORTING = SPEECH | THOUGHT | EVALUATION
# A cue's conjuncts that are its subject's next report: "said … and declined to comment".
_NEXT_REPORTS = _REPORTING | {"decline", "refuse"}
# The verbs that go on with a report the parse joined to the reported clause (``report_joined``).
JOINING = SPEECH | EVALUATION
_ASKING = ASKING | {"question"}  # "questioned whether …" too, when the parse makes it a condition
_LEAD_DEPS = {"cc", "advmod", "prep", "npadvmod", "advcl", "mark", "intj", "aux"}


@dataclass(frozen=True)
class Candidate:
    kind: str  # how the parse offers it: "clause", "objects", "objects+tail", "around", ...
    spans: Spans
    trim: str = ""  # what was cut from that reading: "tail:relcl", "lead:cc", ...
    cut: tuple[str, ...] = ()  # what the cut part looks like, for the ranker: first word, comma, size, time


def end_of(token: Token) -> int:
    return token.idx + len(token)


def trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    if end <= start:
        return None
    # A mark standing apart at an edge opens or closes a quotation outside the span: the parse may
    # end a sentence with the next one's opening mark ("… now. ''We must …").
    if text[end - 1] in _MARKS:
        mark_start = end - 1
        while mark_start > start and text[mark_start - 1] in _MARKS:
            mark_start -= 1
        if start < mark_start and text[mark_start - 1].isspace():
            return trimmed(text, start, mark_start)
    if text[start] in _MARKS:
        mark_end = start + 1
        while mark_end < end and text[mark_end] in _MARKS:
            mark_end += 1
        if mark_end < end and text[mark_end].isspace():
            return trimmed(text, mark_end, end)
    return start, end


def _runs(doc: Doc, text: str, indices, cut: set[int] | frozenset[int] = frozenset()) -> Spans:
    """Contiguous runs of the tokens at ``indices`` (ascending) outside ``cut``, as trimmed character
    spans. Indices, not tokens: a sentence's readings make Token objects only at their ends."""
    parse = parse_of(doc)
    starts, ends = parse.idx, parse.ends
    spans = []
    first = last = -2
    for i in indices:
        if i in cut:
            continue
        if i != last + 1:  # a new run (a parse's crossing arcs may also step back)
            if last >= 0:
                spans.append(trimmed(text, starts[first], ends[last]))
            first = i
        last = i
    if last >= 0:
        spans.append(trimmed(text, starts[first], ends[last]))
    # A run of bare punctuation ('.”' after a cut) is no part of what was said.
    return tuple(span for span in spans if span and has_words(text, span))


def has_words(text: str, span: tuple[int, int]) -> bool:
    return _ALNUM.search(text, *span) is not None


def attribution_clause(cue: Token) -> set[int]:
    """Token indices of the cue's own clause: the cue, its subject, auxiliaries, adverbials, objects
    that name whom it was said to; not what was said."""
    if cue.lower_ == "according":  # "according to X" is all attribution
        to = {c.i for c in cue.children if c.lower_ == "to"}
        return {cue.i} | to | {t.i for t in according_source(cue) + according_apposition(cue)}
    keep = {cue.i}
    parse = parse_of(cue.doc)
    subjects = [c for c in parse.children(cue.i) if parse.deps[c] in _SUBJECTS and c < cue.i]
    fronted = {c for c in subjects[:-1] if not any(parse.is_quote[t] for t in parse.subtree(c))}
    for child in cue.children:
        if child.dep_ in ("ccomp", "xcomp", "parataxis", "conj", "cc") or (child.dep_ == "punct" and child.i > cue.i + 1):
            continue
        if child.i in fronted:  # "People like Berg, he said.": a second subject; the first is what was said
            continue
        if reported := misparsed_report(cue, child):
            keep |= set(parse.subtree(child.i)) - set(reported)  # "after the vote" is the saying's
            continue
        if child.dep_ in _OBJECTS or _content_prep(child):
            continue
        if child.dep_ == "prep" and _between_objects(cue, child):
            continue  # "called her vote [in favor of the war] a mistake": the parse hung the object's words on the cue
        keep.update(parse.subtree(child.i))
    if (agent := misplaced_agent(cue)) is not None:
        keep.update(parse.subtree(agent.i))
    return keep


def _infinitive_joined(cue: Token, infinitive: Token) -> list[Token] | None:
    """"promised to meet and in some cases exceed his goals": a bare verb the parse made the cue's
    own conjunct, with no subject, right after its infinitive and "and" (its "and" and the verb)."""
    if infinitive.dep_ != "xcomp" or infinitive.tag_ != "VB":
        return None
    for c in cue.children:
        if c.dep_ == "conj" and c.i > infinitive.i and c.tag_ in ("VB", "VBP") and not any(
                k.dep_ in _SUBJECTS for k in c.children):
            cc = [k for k in cue.children if k.dep_ == "cc" and infinitive.right_edge.i < k.i < c.i]
            return cc + [c] if cc and cc[0].i == infinitive.right_edge.i + 1 else None
    return None


def _between_objects(cue: Token, child: Token) -> bool:
    objects = [c.i for c in cue.children if c.dep_ in _OBJECTS]
    return any(o < child.i for o in objects) and any(o > child.i for o in objects)


def misparsed_report(cue: Token, child: Token) -> list[int]:
    """What a speech verb reports that the small model hangs on it as something else, as token
    indices (empty if ``child`` is no such thing): a clause of its own with no conjunction, from
    its subject on ("said after the vote [she would not accept]", parsed as an adverbial
    clause), or the words before a comma and "he said" ("[People like Berg], he said.")."""
    if cue.pos_ != "VERB" or cue.lemma_.lower() not in SPEECH:
        return []
    if child.dep_ == "advcl":
        subject = subject_of(child)
        if subject is None or any(c.dep_ == "mark" and c.lower_ != "that" for c in child.children):
            return []
        first = min(subject.left_edge.i, child.i)
        return [i for i in parse_of(cue.doc).subtree(child.i) if i >= first]
    if child.dep_ == "dep" and child.i < cue.i and child.right_edge.i + 1 < cue.i and (
            cue.doc[child.right_edge.i + 1].text == ","):
        return parse_of(cue.doc).subtree(child.i)
    return []


# The chain from a passive cue down to a "by" the parse hung on its object instead of the cue.
_AGENT_PATH = {"dobj", "attr", "oprd", "acomp", "prep", "pobj"}
_AGENT_KINDS = {"PERSON", "ORG", "NORP", "GPE"}


def misplaced_agent(cue: Token) -> Token | None:
    """The "by" of a passive cue's agent that the parse hung on the content: in "was described
    as "a betrayal" by the cooperative", the cooperative describes and "a betrayal" is what it said.
    Only "by" someone counts: "by the river", "by Friday" or "by 5 percent" say no one."""
    kids = [c.dep_ for c in cue.children]
    if "auxpass" not in kids or "agent" in kids:
        return None
    for token in cue.subtree:
        if token.i <= cue.i or token.lower_ != "by" or token.dep_ != "prep" or token.head.i == cue.i:
            continue
        node = token.head
        while node.i != cue.i and node.dep_ in _AGENT_PATH:
            node = node.head
        if node.i != cue.i:
            continue
        pobj = next((c for c in token.children if c.dep_ == "pobj"), None)
        if pobj is not None and (pobj.ent_type_ in _AGENT_KINDS or pobj.pos_ == "PRON" or pobj.tag_ in ("NNS", "NNPS")
                                 or pobj.lemma_ in PEOPLE_NOUNS or pobj.lemma_ in ROLE_NOUNS
                                 or any(c.dep_ == "poss" for c in pobj.children)):
            return token
    return None


def _according_object(cue: Token) -> Token | None:
    """The object of "to" in "according to X", or what the parse made of it: "according to show
    insiders" read as a verb ("show") with its object. Only a source follows "according to"."""
    to = next((c for c in cue.children if c.lower_ == "to"), None)
    return next((c for c in to.children if c.dep_ in ("pobj", "pcomp")), None) if to is not None else None


def according_source(cue: Token) -> list[Token]:
    """The source of "according to": the object's phrase, up to the comma after it. When "According"
    opens the sentence the small model may make it the root and hang the report on the source
    ("According to the harbour master, the move reeks of panic", "reeks" read as a noun in apposition)."""
    pobj = _according_object(cue)
    if pobj is None:
        return []
    words = list(pobj.subtree)
    comma = next((t.i for t in words if t.text == "," and t.i > pobj.i), None)
    if comma is not None and (cue.dep_ == "ROOT" or _subject_read_as_apposition(cue, words[-1].i)):
        words = [t for t in words if t.i < comma]
    return words


def _subject_read_as_apposition(cue: Token, last: int) -> bool:
    """"According to the harbour master, the captain “never intended to stay”": the parse may take
    the subject for an apposition of the source, leaving the verb without one. An apposition is
    set off by a comma or ends the sentence; a subject runs on into its verb."""
    doc = cue.doc
    after = doc[last + 1] if last + 1 < len(doc) else None
    runs_on = after is not None and (not after.is_punct or after.is_quote)  # a word, or the quotation it opens
    return runs_on and subject_of(cue.head) is None


def according_apposition(cue: Token) -> list[Token]:
    """"According to the library's director, Samuel Brandt, the branches …": the name set off after
    the source is the source's, though the parse may make it the subject of what follows."""
    doc = cue.doc
    source = _according_object(cue)
    if source is None or source.lower_ not in ROLE_NOUNS:
        return []  # "according to police, Mark Olsen, 41, was …": Olsen is what police say, about whom
    i = source.right_edge.i + 1
    if i >= len(doc) or doc[i].text != ",":
        return []
    end = i + 1
    while end < len(doc) and doc[end].ent_type_ == "PERSON":
        end += 1
    if end == i + 1 or end >= len(doc) or doc[end].text != ",":
        return []
    return list(doc[i + 1:end])


def contents(cue: Token, text: str, quotations: list[Spans], sentence: Span | None = None) -> list[Candidate]:
    """Every reading of what ``cue`` reports; ``quotations`` are quoted spans next to the cue.
    ``sentence`` is the cue's sentence where the caller has it (``Token.sent`` walks the doc)."""
    found: list[Candidate] = []
    doc = cue.doc
    parse = parse_of(doc)
    subtree = parse.subtree  # by index: the readings are read off the words' positions alone
    if (agent := misplaced_agent(cue)) is not None:  # who said it is no part of what was said
        speaker = set(parse.subtree(agent.i))

        def subtree(i: int) -> list[int]:
            return [t for t in parse.subtree(i) if t not in speaker]

    def hull(indices: list[int]) -> tuple[int, int] | None:
        return _hull(parse, text, indices)

    def governed(prep: Token) -> list[int]:
        """What a preposition governs, without it: "on [the deal]", as token indices."""
        return [t for c in prep.children if c.dep_ in ("pobj", "pcomp") for t in subtree(c.i)]

    def add(kind: str, spans: Spans | None) -> None:
        if spans and all(spans) and (candidate := Candidate(kind, spans)) not in found:
            found.append(candidate)

    children = list(cue.children)
    for child in children:
        if child.dep_ in ("ccomp", "xcomp"):
            add("clause", _runs(doc, text, subtree(child.i)))
            if (joined := _infinitive_joined(cue, child)) is not None:
                add("clause", (hull(subtree(child.i) + [t for c in joined for t in subtree(c.i)]),))
            # "vowed to fight the ruling, [citing the law]": adverbial clauses the parse hung on the
            # cue may qualify the clause it reports.
            tail = [t for c in children if c.i > child.i and c.dep_ == "advcl" for t in subtree(c.i)] if child.i > cue.i else []
            if tail:
                add("clause+tail", (hull(subtree(child.i) + tail),))
        elif reported := misparsed_report(cue, child):
            add("clause", _runs(doc, text, reported))
        elif child.dep_ == "advcl" and cue.lemma_ in _ASKING and any(
                m.dep_ == "mark" and m.lower_ in ("if", "whether") for m in child.children):
            add("clause", _runs(doc, text, subtree(child.i)))  # "asked [if the state would step in]", parsed as a condition
        elif child.dep_ == "prep":
            # "said in a statement [that it regrets the delay]", "reported at the time [that …]": the
            # parse hangs the clause on the noun.
            for noun in (c for c in child.children if c.dep_ == "pobj"):
                for clause in (c for c in noun.rights if c.dep_ in ("acl", "ccomp") and marked_that(c)
                               or c.dep_ == "relcl" and _complement_as_relative(c)):
                    add("clause", _runs(doc, text, subtree(clause.i)))
    # "decided to address [the issue]", "began to see [politics differently]": annotators take the
    # verb of the clause into the cue, and its object is the content.
    for verb in (c for c in children if c.dep_ == "xcomp" and c.i > cue.i):
        inner = [c for c in verb.rights if c.dep_ in ("dobj", "attr", "ccomp")
                 or _content_prep(c) and not _of_time(c)]
        if inner:
            add("clause-objects", (hull([t for c in inner for t in subtree(c.i)]),))
            if any(c.dep_ == "prep" for c in inner):
                add("clause-objects-bare", (hull([t for c in inner for t in (governed(c) if c.dep_ == "prep" else subtree(c.i))]),))
    objects = [c for c in children if c.dep_ in _OBJECTS or (_content_prep(c) and not _of_time(c))
               or (cue.pos_ in ("NOUN", "PROPN") and c.dep_ in ("acl", "relcl", "ccomp", "prep") and c.i > cue.i)]
    # "a session that councillors described as bitter": a relative word is no object to span the cue with.
    objects = [c for c in objects if not (c.i < cue.i and c.tag_ in ("WDT", "WP") or c.i < cue.i and c.lower_ == "that")]
    if objects:
        tokens = [t for c in objects for t in subtree(c.i)]
        add("objects", _runs(doc, text, sorted(set(tokens))) and (hull(tokens),))
        last = max(o.i for o in objects)
        tail = [t for c in children if c.i > last and c.dep_ in ("prep", "npadvmod", "advcl", "acl") for t in subtree(c.i)]
        if tail:
            add("objects+tail", (hull(tokens + tail),))
        # "urged fellow Republicans to withdraw": who is urged and to do what, read as one.
        asked = [t for c in children if c.dep_ == "xcomp" and c.i > last for t in subtree(c.i)]
        if asked:
            add("objects+clause", (hull(tokens + asked),))
        # "railed against X": annotators leave the preposition with the cue.
        bare = [t for c in objects for t in (subtree(c.i) if c.dep_ != "prep" else governed(c))]
        if bare and len(bare) != len(tokens):
            add("objects-bare", (hull(bare),))
        # "expressed concern that …", "shed light on how …", "became a voice for …": the object (or
        # attribute, or complement) belongs to the cue, what it introduces is the content.
        for obj in (c for c in objects if c.dep_ in ("dobj", "attr", "acomp", "oprd")):
            for inner in (c for c in obj.rights if c.dep_ in ("prep", "acl", "ccomp", "relcl")):
                add("object-inner", (hull(subtree(inner.i)),))
                if inner.dep_ == "prep":
                    add("object-inner-bare", (hull(governed(inner)),))
        # "offered his congratulations to [the winners]", "accused the mayor of [lying]": the object
        # before the preposition goes with the cue too.
        for prep in (c for c in objects if c.dep_ == "prep" and any(o.i < c.i and o.dep_ != "prep" for o in objects)):
            add("prep-object", (hull(governed(prep)),))
        no_addressee = [t for c in objects if c.dep_ not in ("dative",) and not (c.dep_ == "dobj" and c.pos_ in ("PRON", "PROPN"))
                        for t in subtree(c.i)]
        if no_addressee and len(no_addressee) != len(tokens):
            add("objects-addressee", (hull(no_addressee),))
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ != "PRON"), None)
    if subject is not None and cue.pos_ in ("VERB", "AUX"):
        # "The clip has faced ridicule": what is talked about is the subject; "peacekeepers have
        # been accused of hurting …", "Melania seems to have vanished": the subject with what follows.
        said_of = hull(subtree(subject.i))
        add("subject", (said_of,))
        for reading in [c for c in found if c.kind in ("clause", "objects-bare") and len(c.spans) == 1]:
            if said_of and said_of[1] < reading.spans[0][0]:
                add(f"subject+{reading.kind}", (said_of, *reading.spans))
    head = cue.head
    if head.i != cue.i and cue.dep_ in ("parataxis", "advcl", "ccomp", "conj", "relcl", "acl"):
        cut, around, left = set(subtree(cue.i)), subtree(head.i), cue.left_edge.i
        add("around", _runs(doc, text, around, cut))
        add("around-left", _runs(doc, text, [i for i in around if i < left], cut))
    sentence = sentence if sentence is not None else cue.sent
    clause = attribution_clause(cue)
    # "… and said he would stand firm": a later conjunct of the cue is its subject's next act.
    further = {t for c in children if c.dep_ in ("conj", "cc") and c.i > cue.i for t in subtree(c.i)}
    add("sentence-rest", _runs(doc, text, range(sentence.start, sentence.end), clause | further))
    add("sentence-left", _index_hull(doc, text, range(sentence.start, min(clause))))
    right = [i for i in range(max(clause) + 1, sentence.end) if i not in further]
    if any(c.dep_ == "conj" and c.i > cue.i and c.lemma_.lower() in _NEXT_REPORTS for c in children):
        # 'called it “a stab in the back” and promised “…”': the next report is its own, so the
        # reading stops before it (a conjunct that reports nothing may be the parse's mistake:
        # with every conjunct cut off, dev's content exact fell 0.3 points).
        right = [i for i in right if i < min(further)]
    add("sentence-right", _index_hull(doc, text, right))
    # "called on [the council to act]", "spoke of […]": the cue's own preposition stays with it.
    if len(right) > 1 and parse.pos[right[0]] == "ADP" and parse.heads[right[0]] == cue.i:
        add("sentence-right-bare", _index_hull(doc, text, right[1:]))
    for spans in quotations:
        add("quotation", spans)
    if len(quotations) > 1:
        add("quotations", tuple(span for spans in quotations for span in spans))
    found += _trimmed_readings(doc, text, found)
    if cue.dep_ == "advcl" and any(c.dep_ == "nsubjpass" and c.lower_ != "it" for c in children):
        # "When the cuts are revealed as …, Okafor calls them …": a passive clause with a subject of
        # its own is about that subject; the clause it hangs on is no part of what it reports
        # ("The plan, it was revealed, would cost …" is)
        low, high = parse.idx[cue.left_edge.i], parse.ends[cue.right_edge.i]
        found = [c for c in found if low <= c.spans[0][0] and c.spans[-1][1] <= high]
    return found


def _index_hull(doc: Doc, text: str, indices) -> Spans | None:
    """The one span from the first to the last of ``indices``, if any words remain after trimming."""
    if not indices:
        return None
    parse = parse_of(doc)
    span = trimmed(text, parse.idx[indices[0]], parse.ends[indices[-1]])
    return (span,) if span and has_words(text, span) else None


def _content_prep(child: Token) -> bool:
    """A preposition that introduces what was said: "spoke of", "warned against", "believe in";
    "responded by [cutting the budget]" with a gerund, where "by" tells what the answer was."""
    if child.dep_ != "prep":
        return False
    word = child.lower_
    return word in _CONTENT_PREPS or (word == "in" and child.head.lemma_.lower() in _HELD_IN) or (
        word == "by" and any(c.dep_ == "pcomp" for c in child.children))


def _of_time(prep: Token) -> bool:
    """"Asked on Tuesday about the delay": "on Tuesday" says when, not what about."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def _complement_as_relative(clause: Token) -> bool:
    """A "relative clause" whose "that" is neither its subject nor its object, and which has a
    subject of its own, is the parse's reading of a "that" clause."""
    subject = subject_of(clause)
    return subject is not None and subject.lower_ != "that" and any(
        c.lower_ == "that" and c.dep_ in ("mark", "advmod") and c.i < subject.i for c in clause.children)


def marked_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def subject_of(verb: Token) -> Token | None:
    """The verb's own subject, active or passive, if it has one."""
    parse = parse_of(verb.doc)  # Token.children is dear, and this is asked of every cue
    subject = next((c for c in parse.children(verb.i) if parse.deps[c] in ("nsubj", "nsubjpass")), None)
    return None if subject is None else verb.doc[subject]


def _trimmed_readings(doc: Doc, text: str, found: list[Candidate]) -> list[Candidate]:
    """Each single-span reading without one modifier at its end or its start."""
    parse = parse_of(doc)
    seen = {c.spans for c in found}
    done: set[Spans] = set()  # readings of several kinds often cover the same words
    trimmed_ones: list[Candidate] = []
    for candidate in found:
        if len(candidate.spans) != 1 or candidate.kind not in _TRIMMED or candidate.spans in done:
            continue
        done.add(candidate.spans)
        start, end = candidate.spans[0]
        span = parse.char_span(start, end, "expand")
        if span is None or span[1] - span[0] < 3:
            continue
        first, last = span[0], span[1] - 1
        while last > first and parse.is_punct[last]:
            last -= 1
        # A modifier that ends (starts) the span is an ancestor of its last (first) word, as parses
        # are projective: walking up from both ends finds them all without visiting every word.
        root = parse.root(*span)
        for i in _ancestors_within(parse, last, root, first, last) + _ancestors_within(parse, first, root, first, last):
            dep = parse.deps[i]
            if dep not in _TAIL_DEPS and dep not in _LEAD_DEPS:
                continue
            token = doc[i]
            left, right = token.left_edge.i, token.right_edge.i  # read once: each read makes a Token
            if dep in _TAIL_DEPS and right >= last and left > first:
                before = left - 1
                while before > first and (parse.deps[before] == "cc" or parse.is_punct[before]):  # "… and said …"
                    before -= 1
                cut, how, part = trimmed(text, start, parse.ends[before]), "tail", (left, last + 1)
            elif dep in _LEAD_DEPS and left == first and right < last:
                cut, how, part = trimmed(text, parse.idx[right + 1], end), "lead", (first, right + 1)
            else:
                continue
            if cut and part[1] > part[0] and (cut,) not in seen:
                seen.add((cut,))
                trimmed_ones.append(Candidate(candidate.kind, (cut,), f"{how}:{dep}", _looks(parse, *part, i)))
    return trimmed_ones


def _looks(parse: Parse, start: int, end: int, head: int) -> tuple[str, ...]:
    """What decides whether annotators leave a modifier out (the tokens ``start`` to ``end``,
    exclusive, headed by ``head``): its first word, whether a comma sets it off, its size, whether
    it is a time ("on Thursday") or quotes someone, and whether it is a report of its own ("…, and
    warned that …", "…, citing …") and has its own subject ("… and Democrats accused …")."""
    set_off = parse.is_punct[start - 1] or parse.is_punct[min(end, parse.size - 1)]
    reports = parse.lemmas[head] in _REPORTING and parse.pos[head] in ("VERB", "NOUN")
    own_subject = any(parse.deps[child] in _SUBJECTS for child in parse.children(head))
    return (parse.lowers[start] if parse.is_stop[start] else parse.pos[start], "comma" if set_off else "tight",
            str(min(end - start, 8) // 3),
            "time" if any(ent in ("DATE", "TIME") for ent in parse.ents[start:end]) else "-",
            "quoted" if any(parse.is_quote[start:end]) else "-",
            "reports" if reports else "-", "subject" if own_subject else "-")


def _ancestors_within(parse: Parse, token: int, root: int, first: int, last: int) -> list[int]:
    """``token`` and its ancestors inside [first, last], up to and without the reading's root."""
    found = []
    while token != root and first <= token <= last:
        found.append(token)
        if parse.heads[token] == token:
            break
        token = parse.heads[token]
    return found


def _hull(parse: Parse, text: str, indices: list[int]) -> tuple[int, int] | None:
    """From the first to the last of the tokens at ``indices``, trimmed."""
    return trimmed(text, parse.idx[min(indices)], parse.ends[max(indices)]) if indices else None


def speakers(cue: Token, text: str, subjectless: bool = False) -> list[Candidate]:
    """Every reading of who is speaking for ``cue``; with ``subjectless``, only the names right
    before it (the caller has ruled out the subjects the parse gave it)."""
    found: list[Candidate] = []
    parse = parse_of(cue.doc)
    subtree = parse.subtree  # by index, as for the contents

    def add(kind: str, indices) -> None:
        words = [i for i in sorted(indices) if not (parse.is_punct[i] or parse.is_space[i])]
        # "Ana Duarte [a former lawyer]": the editor's words, not the name (a subject wholly inside
        # the brackets is left for the caller to map to the name glossed)
        while len(words) > 1 and not _glossed(text, parse.idx[words[0]]) and _glossed(text, parse.idx[words[-1]]):
            words.pop()
        if words and not _glossed(text, parse.idx[words[-1]]):
            words = _across_gloss(parse, text, words[0]) + words
        span = trimmed(text, parse.idx[words[0]], parse.ends[words[-1]]) if words else None
        if span and Candidate(kind, (span,)) not in found:
            found.append(Candidate(kind, (span,)))

    def phrase(token: Token) -> list[int]:
        return [t.i for t in noun_phrase(token)]

    if cue.lemma_ in ("quote", "cite"):  # "“…,” Marek quoted the president as saying": his words
        quoted = next((quoted_as(p) for c in cue.children if c.lower_ == "as" for p in c.children
                       if p.dep_ == "pcomp" and quoted_as(p) is not None), None)
        if quoted is not None:
            add("subject", subtree(quoted.i))
            return found
    if (report := report_before(cue)) is not None:
        add("subject", subtree(subject_of(report).i))  # however the parse hung the participle
        return found
    if subjectless:
        add("fragment", _names_before(cue))
        return found
    if (shown := _shown_speaking(cue)) is not None:
        add("subject", phrase(shown))  # "footage of Marlow saying …": Marlow speaks, not the footage
        return found
    verb, hops = cue, 0
    while hops < 3:
        for child in verb.children:
            if hops == 0 and child.dep_ in _SUBJECTS and (child.dep_ == "nsubjpass" or cue.lemma_ in _RAISING):
                continue  # "Quiros was accused of fraud", "the plan seems dead": talked about, not talking
            if child.dep_ in _SUBJECTS:
                if child.tag_ in ("WP", "WDT") and verb.dep_ == "relcl":
                    add("relative", [child.i])  # annotators often mark "who" itself
                    add("antecedent", phrase(verb.head))
                    left, right = verb.left_edge.i, verb.right_edge.i
                    add("antecedent-full", [t for t in subtree(verb.head.i) if t < verb.i and not left <= t <= right])
                else:
                    occasion = _occasion(child)
                    words = [t for t in subtree(child.i) if t not in occasion]
                    add("subject", words)
                    add("subject-np", phrase(child))
                    above = [_deps_above(parse, t, child.i) for t in words]  # read once for the two readings below
                    add("subject-no-clause", [t for t, deps in zip(words, above, strict=True) if deps.isdisjoint(_CLAUSES_APPOS)])
                    # "X, the head of Y, who …": the apposition stays, the clause goes.
                    add("subject-no-relative", [t for t, deps in zip(words, above, strict=True) if deps.isdisjoint(_CLAUSES)])
            elif child.dep_ == "agent":
                for pobj in (c for c in child.children if c.dep_ == "pobj"):
                    if not any(t.dep_ == "nummod" for t in pobj.children):  # "passed by 27 votes" counts, speaks not
                        add("agent", subtree(pobj.i))
            elif child.dep_ == "prep" and child.lower_ == "to" and cue.lower_ == "according":
                add("according", [t.i for t in according_source(cue) + according_apposition(cue)])
        if not found and hops and verb.dep_ == "acl" and verb.tag_ == "VB" and verb.head.head.i != verb.head.i:
            # "defended plans to close the clinics, telling parliament …": who tells is who has the
            # plans, the subject of the verb they hang from
            verb, hops = verb.head.head, hops + 1
            continue
        if not found and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN", "PRON"):
            if verb.tag_ in ("VBD", "VBN") and any(c.dep_ in ("dobj", "ccomp") for c in verb.children):
                # "The head of the militia, Arkady Belenko, rejected an ultimatum": an active verb the
                # parse hung on its subject as a participle; the whole phrase before it speaks.
                add("subject", [t for t in subtree(verb.head.i) if t < verb.i])
            else:
                add("described", phrase(verb.head))  # "a statement saying …", "one saying …"
        if found or verb.dep_ not in ("conj", "xcomp", "advcl", "ccomp", "pcomp") or verb.head.i == verb.i:
            break
        if (quoted := quoted_as(verb)) is not None:
            add("subject", subtree(quoted.i))  # "Marek quoted the president as saying": the president speaks
            break
        if hops == 0 and reduced_participle(verb):
            break  # "Asked about the strike, Olsen shrugged": Olsen was asked; he does not ask
        if hops == 0 and verb.dep_ == "conj" and any(c.dep_ == "nsubjpass" for c in verb.children):
            break  # "Critics attacked it, and the editorial was read aloud": the critics read nothing
        if hops == 0 and (outer := report_joined(verb)) is not None:
            verb, hops = outer, hops + 1
            continue
        # "by telling reporters …": through the preposition to the verb it hangs from ("aside from
        # saying": through the adverb too).
        verb, hops = (verb.head.head if verb.dep_ == "pcomp" else verb.head), hops + 1
        while verb.pos_ not in ("VERB", "AUX") and verb.dep_ in ("advmod", "prep") and verb.head.i != verb.i:
            verb = verb.head
    if not found and (agent := misplaced_agent(cue)) is not None:
        add("agent", subtree(next(c.i for c in agent.children if c.dep_ == "pobj")))
    if not found and cue.dep_ == "ROOT" and cue.pos_ in ("VERB", "AUX"):
        add("fragment", _fragment_before(cue) or _names_before(cue))
    elif not found and cue.dep_ == "conj" and cue.head.dep_ == "ROOT" and cue.head.pos_ == "VERB" and not any(
            c.dep_ in _SUBJECTS for c in cue.children):
        add("fragment", _names_before(cue.head))  # "…, Okafor and Lindqvist call them X and describe …"
    elif not found and (people := _people_before(cue)):
        add("fragment", people)
    if cue.pos_ in ("NOUN", "PROPN"):
        for child in cue.children:
            if child.dep_ == "poss":
                add("possessor", subtree(child.i))
        if cue.dep_ == "ROOT" and cue.tag_ == "NNS" and any(c.dep_ in ("ccomp", "xcomp") for c in cue.children):
            # "But Trump claims that …", "The Clinton campaign plans to …" read as the noun "claims"
            # or "plans" with a compound: the verb's subject, whatever the parse made of it.
            names = [t for c in cue.children if c.dep_ == "compound" and c.pos_ in ("PROPN", "NOUN") for t in subtree(c.i)]
            if names:
                add("subject", names)
        governor = cue.head
        if governor.i != cue.i:
            for child in governor.children:
                if child.dep_ in _SUBJECTS:
                    add("governor-subject", subtree(child.i))
    return found


def reduced_participle(verb: Token) -> bool:
    """A participle phrase with no subject of its own before the clause it hangs on ("Asked about
    the strike, Olsen …"), which the small model may tag a past tense."""
    return participle_clause(verb) is not None


def participle_clause(verb: Token) -> Token | None:
    """The verb of the clause a reduced participle phrase hangs on: in "Asked about the strike, Olsen
    shrugged", *shrugged*, the participle's head; or, where the parse made the sentence-opening
    participle the root and that clause its complement, the first clause after the comma that has
    a subject of its own."""
    if verb.dep_ == "advcl":
        if verb.tag_ == "VBN" or verb.tag_ == "VBD" and verb.i < verb.head.i and subject_of(verb) is None:
            return verb.head
        return None
    if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBD") or verb.i != verb.sent.start or subject_of(verb):
        return None
    comma = next((t.i for t in verb.sent if t.i > verb.i and t.text == ","), None)
    if comma is None:
        return None
    return next((c for c in verb.children if c.dep_ in ("ccomp", "conj", "advcl") and c.i > comma
                 and any(s.dep_ in ("nsubj", "nsubjpass") and s.i > comma for s in c.children)), None)


def report_before(cue: Token) -> Token | None:
    """The report that a subjectless participle right after its comma continues, wherever the parse
    hung it: in '…,” Sanders said, going on to say that …' (or 'said on Friday, adding …') Sanders
    goes on. The report must have a subject of its own."""
    participle = cue.head if cue.dep_ == "xcomp" and cue.head.tag_ == "VBG" else cue
    if participle.tag_ != "VBG" or subject_of(participle) is not None or participle.i < 2:
        return None
    doc = cue.doc
    if doc[participle.i - 1].text != ",":
        return None
    before = doc[participle.i - 2]
    for report in (before, before.head):
        if report.lemma_ in SPEECH and report.pos_ == "VERB" and report.i < participle.i and subject_of(report) is not None:
            return report
    return None


def report_joined(verb: Token) -> Token | None:
    """The report that a subjectless verb of saying or judging continues, where the parse joined it
    to the reported clause instead: in "May said the country would leave and warned that …", May
    warns, not the country ("told reporters the company had made an offer and accused the union
    of …": she accuses); in "Caldwell insisted the votes were there, telling a radio host: …",
    Caldwell tells."""
    participle = verb.dep_ == "advcl" and verb.tag_ == "VBG"
    if not (verb.dep_ == "conj" or participle) or verb.lemma_ not in JOINING or subject_of(verb) is not None:
        return None
    clause = verb.head
    for _ in range(3):
        if clause.dep_ == "ccomp":
            report = clause.head
            return report if report.lemma_ in SPEECH and report.i < verb.i else None
        if clause.dep_ not in ("conj", "xcomp") or clause.head.i == clause.i:
            return None
        clause = clause.head
    return None


def _across_gloss(parse: Parse, text: str, first: int) -> list[int]:
    """'Bob [short for “Robert”] Mills, who …', 'Annie [a diminutive of “Ana”] Mills said': the parse
    splits a name an editor's gloss interrupts, and a subject holds only the name's second half
    (and perhaps the gloss): the first half, right before the bracket, is who speaks too. Returns
    the tokens from that half to ``first`` (exclusive), or none."""
    at = parse.idx[first]
    if not (_glossed(text, at) or text[:at].rstrip().endswith("]")):
        return []
    bracket = text.rfind("[", 0, at)
    if bracket < 0 or "\n" in text[bracket:at]:
        return []
    name = bisect_left(parse.idx, bracket) - 1  # the token before the bracket
    if name < 0 or parse.pos[name] != "PROPN" or parse.ends[name] > bracket:
        return []
    while name > 0 and parse.pos[name - 1] == "PROPN":
        name -= 1
    return list(range(name, first))


def _glossed(text: str, offset: int) -> bool:
    """Whether ``offset`` stands inside square brackets in its paragraph."""
    before = text[max(0, offset - 200):offset]
    before = before[before.rfind("\n") + 1:]
    return before.rfind("[") > before.rfind("]")


def _occasion(subject: Token) -> set[int]:
    """The words of an occasion or a time that the parse hung on the subject ("Lena Berg, an
    economist, in an interview on Wednesday, said"): when and where she spoke, not who she is."""
    found: set[int] = set()
    # The parse may hang the phrase on the comma that sets it off.
    attached = [c for child in subject.children for c in ([child, *child.children] if child.is_punct else [child])]
    parse = parse_of(subject.doc)
    for child in attached:
        # Set off by a comma ("the head of the conference" is who she is).
        if child.dep_ == "prep" and child.i > subject.i and parse.is_punct[child.i - 1] and child.lower_ != "of" and any(
                t.lemma_ in _OCCASIONS or t.ent_type_ in ("DATE", "TIME") for t in child.children if t.dep_ == "pobj"):
            found.update(parse.subtree(child.i))
        # "Petra Olsen, the chairwoman, speaking to reporters, said": how she spoke.
        elif child.dep_ == "acl" and child.i > subject.i and parse.is_punct[child.i - 1] and speaking(child):
            found.update(parse.subtree(child.i))
    return found


def speaking(clause: Token) -> bool:
    """"Speaking to students", "talking to reporters": a participle that says how someone spoke."""
    return clause.tag_ == "VBG" and clause.lemma_ in ("speak", "talk", "write", "say")


def quoted_as(saying: Token) -> Token | None:
    """The one "quoted … as saying" (or "cited as saying") whose words ``saying`` introduces."""
    prep = saying.head
    if saying.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_ not in ("quote", "cite"):
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def _fragment_before(cue: Token) -> list[int]:
    """"The spokeswoman, Ana Duarte [a former lawyer], told …": a gloss can split the subject off
    into a verbless sentence of its own just before the cue's, in the same paragraph."""
    doc, parse = cue.doc, parse_of(cue.doc)
    start = parse.sent_starts[cue.i]
    if start == 0 or "\n" in doc[start - 1].whitespace_ + doc[start].text:
        return []
    before = doc[parse.sent_starts[start - 1]:start]
    root = before.root
    if root.pos_ not in ("NOUN", "PROPN") or any(t.pos_ in ("VERB", "AUX") or "\n" in t.text for t in before):
        return []
    right = root.right_edge.i
    return [t for t in parse.subtree(root.i) if not parse.is_punct[t] or t < right]


_NAME_RUN = {"PROPN", "NOUN", "DET", "CCONJ", "ADJ", "PART"}
_NAMED = {"PERSON", "ORG", "GPE", "NORP"}  # a name the tagger took for a verb ("Tulsa police")


def _names_before(cue: Token) -> range:
    """"When the rule was revealed, Okafor and Lindqvist call it …": a finite verb the parse left
    without a subject, having hung the names before it on the clause before the comma. The names
    between that comma and the verb speak (their indices)."""
    return range(names_start(cue), cue.i)


def names_start(cue: Token) -> int:
    """Where ``_names_before`` starts: the cue's own index where there are none."""
    if cue.tag_ not in ("VBD", "VBP", "VBZ"):
        return cue.i
    parse = parse_of(cue.doc)
    start = parse.sent_starts[cue.i]

    def run_start(end: int) -> int:
        first = end
        while first > start and (parse.pos[first - 1] in _NAME_RUN or parse.ents[first - 1] in _NAMED) \
                and parse.ents[first - 1] not in ("DATE", "TIME"):
            first -= 1
        return first

    first = run_start(cue.i)
    if first == cue.i and cue.i - 1 > start and parse.lowers[cue.i - 1] == ",":
        # '…,” Flynn, a top surrogate, said': a name and its apposition, which the parse hung on the
        # quotation's last words
        apposition = run_start(cue.i - 1)
        if apposition < cue.i - 1 and apposition - 1 > start and parse.lowers[apposition - 1] == ",":
            name = run_start(apposition - 1)
            if name < apposition - 1 and name > start and parse.is_quote[name - 1] and any(
                    parse.ents[i] in ("PERSON", "ORG") for i in range(name, apposition - 1)):
                return name
    run = range(first, cue.i)
    opens = first == start or parse.lowers[first - 1] == "," or parse.is_quote[first - 1]  # '…,” Chief Jordan said'
    if not opens or not any(parse.pos[i] in ("PROPN", "NOUN") for i in run) or parse.pos[first] in ("CCONJ", "PART"):
        return cue.i
    return first


_PICTURES = {"footage", "video", "clip", "image", "photo", "picture", "recording", "tape", "audio", "film", "ad"}


def _shown_speaking(participle: Token) -> Token | None:
    """The one a picture shows speaking: "footage of Marlow saying", "uses a clip of the mayor
    telling …", wherever the parse hangs the participle; the name right before it, the object of
    the picture's "of"."""
    if participle.tag_ != "VBG" or participle.i == 0:
        return None
    shown = participle.doc[participle.i - 1]
    of = shown.head
    if shown.dep_ != "pobj" or of.lower_ != "of" or of.head.lemma_.lower() not in _PICTURES:
        return None
    return shown if shown.pos_ in ("PROPN", "PRON") or shown.ent_type_ in ("PERSON", "ORG", "NORP") else None


def _people_before(cue: Token) -> list[int]:
    """"the $20 million experts say it costs": a finite verb the parse left without a subject, with
    the people right before it taken into the phrase before (the noun and its compounds)."""
    if cue.tag_ not in ("VBP", "VBD", "VBZ") or cue.dep_ not in ("dep", "relcl") or cue.i == 0 or any(
            c.dep_ in _SUBJECTS for c in cue.children):
        return []
    before = cue.doc[cue.i - 1]
    if before.tag_ not in ("NNS", "NNPS") and before.lemma_ not in PEOPLE_NOUNS or before.head.i == cue.i:
        return []
    return [c.i for c in before.lefts if c.dep_ == "compound"] + [before.i]


def noun_phrase(token: Token) -> list[Token]:
    """The noun and what stands before it in its phrase ("the port's new chief"), no clauses after."""
    return [token] + [t for left in token.lefts if left.dep_ in _NP_PARTS for t in left.subtree]


def _deps_above(parse: Parse, token: int, root: int) -> set[str]:
    """The dependency labels on the way from ``token`` up to its ancestor ``root`` (not root's own):
    a word in ``root``'s subtree is in a clause if one of them is a clause's."""
    deps = set()
    while token != root:
        deps.add(parse.deps[token])
        token = parse.heads[token]
    return deps

