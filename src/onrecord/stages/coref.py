"""Speakers and addressees to entities: the "speakers" stage, run after "quotes".

``resolve`` gives the entity of one party span: the entity mentioned at the span's head (a
name, or a pronoun or description the "entities" stage already resolved), else a pronoun by
agreement, recency and salience (earlier speakers count for more), else a role description
("the president") that fits one person, else a generic "the company" the last organisation
named. Inside a quotation, "I"/"me"/"we" is the outer speaker and "you" the outer addressee.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from ..record import Party, Quote, Record
from . import stage
from .entities import (
    BODY_KINDS,
    BODY_NOUNS,
    USER_DATA_KEY,
    Cluster,
    Mention,
    best_antecedent,
    description_fits,
    description_tokens,
    inside_quotes,
    pronoun_gender,
    sentence_ids,
    unnamed_persons,
)

FIRST_PERSON = {"i", "me", "we", "us", "myself", "ourselves"}
SECOND_PERSON = {"you", "yourself", "yourselves"}
_FIRST_OR_SECOND = FIRST_PERSON | SECOND_PERSON
_SPEAKER_BONUS = 0.5  # who spoke before is likelier to be the "he" of the next "he said"


@stage("speakers", requires={"ner", "parser"})
def link_parties(doc: Doc, record: Record) -> None:
    clusters = doc.user_data.get(USER_DATA_KEY)
    if clusters is None:
        return  # the "entities" stage did not run: there is nothing to link to
    by_id = {q.id: q for q in record.quotes}
    entities = {c.id: c for c in clusters}
    recorded = {e.id: e for e in record.entities}  # the record's entities, which moved mentions update too
    quoted = [(s, e, q) for q in record.quotes if q.kind in ("direct", "mixed", "block") for s, e in q.content.spans]
    spoke: dict[int, float] = {}
    for quote in sorted(record.quotes, key=_position):
        outer = by_id.get(quote.parent) if quote.parent else _enclosing(quote, quoted)
        for role in ("speaker", "addressee"):
            party: Party | None = getattr(quote, role)
            if party is not None and party.spans:
                party.entity = resolve(party.spans[0][0], party.spans[-1][1], record, doc,
                                       clusters=clusters, outer=outer, spoke=spoke)
        if quote.speaker is not None and quote.speaker.entity:
            cluster = entities.get(quote.speaker.entity)
            if cluster is not None:
                spoke[id(cluster)] = _SPEAKER_BONUS
                _unbind_own_words(quote, cluster, clusters, record, doc, recorded)
                _unbind_addressee(quote, cluster, clusters, record, doc, recorded)
    _link_quoted_persons(doc, record, entities, quoted, recorded)


# In someone's quoted words "I" is the speaker and "you" whoever they speak to; "we" is the speaker
# only where the speaker is a body ("“We will appeal,” the union said"): a person's "we" is a group.
_SPEAKER_WORDS = {"i", "me", "myself"}
_BODY_WORDS = {"we", "us", "ourselves"}
_ADDRESSEE_WORDS = {"you", "yourself"}
_PERSON_WORD = re.compile(r"\b(?:I|[Mm]e|[Mm]yself|[Ww]e|[Uu]s|[Oo]urselves|[Yy]ou|[Yy]ourself)\b")


def _link_quoted_persons(doc: Doc, record: Record, clusters: dict[str, Cluster],
                         quoted: list[tuple[int, int, Quote]], recorded: dict) -> None:
    """First and second person inside quotation marks, to the entities of the innermost quote's
    speaker and addressee: the record then ties each "I" to who said it, as it ties "he"."""
    if not quoted:
        return
    marked = inside_quotes(doc)
    taken = {m.start for c in clusters.values() for m in c.mentions}
    text = record.article.text
    for start, end, quote in quoted:
        for match in _PERSON_WORD.finditer(text, start, end):
            token = doc.char_span(match.start(), match.end())
            if token is None or match.start() in taken or not marked[token.start]:
                continue
            holders = [(e - s, q) for s, e, q in quoted if s <= match.start() < e]
            if min(holders, key=lambda holder: holder[0])[1] is not quote:
                continue  # the innermost quotation is whose words these are
            word = match.group().lower()
            party = quote.addressee if word in _ADDRESSEE_WORDS else quote.speaker
            cluster = clusters.get(party.entity) if party is not None and party.entity else None
            if cluster is None or (word in _BODY_WORDS and cluster.type == "PERSON"):
                continue
            _move_mention(Mention(match.start(), match.end(), "pronoun", token.start), None, cluster, recorded)
            taken.add(match.start())


def _unbind_addressee(quote: Quote, speaker: Cluster, clusters: list[Cluster], record: Record, doc: Doc,
                      recorded: dict) -> None:
    """"The port chief later told him": "him" is never the one who told (as a "himself" would be); a
    pronoun the entities stage gave the speaker, before it knew the port chief was that speaker,
    goes to the next best antecedent."""
    party = quote.addressee
    if party is None or party.entity != speaker.id or not party.spans:
        return
    start, end = party.spans[0]
    word = record.article.text[start:end].strip().casefold()
    gender = pronoun_gender(word)
    span = doc.char_span(start, end, alignment_mode="expand")
    if gender is None or word.endswith(("self", "selves")) or span is None or len(span) != 1:
        return
    token = span[0]
    other = _next_best(doc, token, gender, clusters, speaker)
    party.entity = other.id if other is not None else None
    mention = Mention(token.idx, token.idx + len(token.text), "pronoun", token.i)
    _move_mention(mention, speaker, other, recorded)


def _next_best(doc: Doc, token: Token, gender: str, clusters: list[Cluster], speaker: Cluster) -> Cluster | None:
    """The best antecedent of a pronoun that is not ``speaker``."""
    events = [e for e in _events_before(clusters, token.i) if e[1] is not speaker]
    return best_antecedent(doc, token, gender, events, window=5)


def _move_mention(mention: Mention, source: Cluster | None, target: Cluster | None, entities: dict) -> None:
    """A pronoun's mention from ``source`` to ``target`` (either may be none), in the clusters and in
    the record's ``entities`` (by id) alike."""
    chars = (mention.start, mention.end)
    if source is not None:
        source.mentions = [m for m in source.mentions if (m.start, m.end) != chars]
        entities[source.id].mentions = [m for m in entities[source.id].mentions if tuple(m) != chars]
    if target is not None:
        target.mentions.append(mention)
        entities[target.id].mentions = sorted({*map(tuple, entities[target.id].mentions), chars})


def _unbind_own_words(quote: Quote, speaker: Cluster, clusters: list[Cluster], record: Record, doc: Doc,
                      recorded: dict) -> None:
    """Inside X's quoted words "he"/"she"/"her" is someone X talks about, never X ("I believe her,"
    Whitfield said): such a pronoun the entities stage gave X goes to the next best antecedent."""
    quoted = inside_quotes(doc)
    text = record.article.text
    moved = [m for m in speaker.mentions if m.kind == "pronoun" and quoted[m.head]
             and pronoun_gender(text[m.start:m.end]) in ("m", "f")
             and any(s <= m.start < e for s, e in quote.content.spans)]
    if not moved:
        return
    for mention in moved:
        token = doc[mention.head]
        _move_mention(mention, speaker, _next_best(doc, token, pronoun_gender(token.text), clusters, speaker), recorded)


def resolve(start: int, end: int, record: Record, doc: Doc, *, clusters: list[Cluster] | None = None,
            outer: Quote | None = None, spoke: dict[int, float] | None = None) -> str | None:
    """The id of the entity that the party span ``[start, end)`` refers to, or None."""
    clusters = doc.user_data.get(USER_DATA_KEY, []) if clusters is None else clusters
    word = record.article.text[start:end].strip().casefold()
    if word in _FIRST_OR_SECOND:
        if outer is not None:
            return _person_of(word, outer)
        return _mentioned_at(clusters, start)  # outside any quotation "I" is the writer, if known (authors.py)
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.lower_ in ("who", "which", "that") and root.head.dep_ == "relcl":
        root = root.head.head  # "an official, who asked not to be named, said": the official
    if (mentioned := _mentioned_at(clusters, root.idx)) is not None:
        return mentioned
    # "The finance minister, Ana Duarte": a name in apposition to the head names the speaker, and
    # so does a person's name that the parse hung on a later noun ("The head of the group, Pavel Strand").
    # The name may stand after the span the quote stage gave ("she told the prosecutor, Miguel Santos").
    appositions = [t for t in span if t.dep_ == "appos"] + [t for t in root.children if t.dep_ == "appos"
                                                          and t.i >= span.end and t.ent_type_ == "PERSON"]
    for token in sorted(appositions, key=lambda t: t.head.i != root.i):
        for cluster in clusters:
            if any(m.start <= token.idx < m.end for m in cluster.mentions) and (
                    token.head.i == root.i or cluster.type == "PERSON"):
                return cluster.id
    gender = pronoun_gender(word)
    if gender is not None:
        # Inside X's words "he" or "she" is someone X talks about, never X (the entities stage's
        # own such pronouns were moved off X by _unbind_own_words when X's quote was linked).
        speaking = outer.speaker.entity if outer is not None and outer.speaker is not None else None
        events = [e for e in _events_before(clusters, root.i) if e[1].id != speaking]
        best = best_antecedent(doc, root, gender, events, spoke, window=8)
        return None if best is None or _described_since(doc, root, gender, best, clusters) else best.id
    tokens = description_tokens(doc, start, end)
    if tokens:
        fits = [c for c in clusters if description_fits(tokens, c)]
        return _id(_last_before(fits, start))
    if root.lower_ in BODY_NOUNS and root.pos_ == "NOUN" and doc[root.left_edge.i].lower_ == "the":
        orgs = [c for c in clusters if c.type == "ORG" and _org_fits(c, root.lower_)]
        # "the group" after "the commuter group Friends of the Milk Run": the one the article called
        # so, further back than any other body named last
        called = _last_before([c for c in orgs if root.lower_ in c.roles], start)
        for nearest, window in ((called, 8), (_last_before(orgs, start), 3)):
            if nearest is not None and sentence_ids(doc)[root.i] - _last_sentence(doc, nearest, start) <= window:
                return nearest.id
    return None


def _described_since(doc: Doc, pronoun: Token, gender: str, antecedent: Cluster, clusters: list[Cluster]) -> bool:
    """Whether someone the article describes but never names, who may be the pronoun, comes between
    it and the antecedent found further back than the entities stage looks (the pronoun is no one's
    mention): in "Marsh recounted a call he had with the regional governor. “She told me: …”",
    "She" is the governor, not the woman named paragraphs before."""
    last = max((m.head for m in antecedent.mentions if m.head < pronoun.i), default=-1)
    sents = sentence_ids(doc)
    return any(last < at < pronoun.i and sents[pronoun.i] - sents[at] <= _DESCRIBED_WINDOW
               and their in (None, gender) for at, their in unnamed_persons(doc, clusters))


_DESCRIBED_WINDOW = 2  # sentences


def _mentioned_at(clusters: list[Cluster], at: int) -> str | None:
    """The entity one of whose mentions holds the character ``at``."""
    return next((c.id for c in clusters for m in c.mentions if m.start <= at < m.end), None)


def _org_fits(cluster: Cluster, head: str) -> bool:
    """"The ministry" is a body with "ministry" in its name ("Ministry of Transport", "the Interior
    Ministry"), not the fishermen's cooperative named last; "the company", "the group" may be any."""
    return head not in BODY_KINDS or any(head in n.casefold().split() for n in cluster.names)


def _person_of(word: str, outer: Quote | None) -> str | None:
    """Inside a quotation the quoted speaker is "I" and whoever they address is "you"."""
    if outer is None:
        return None
    party = outer.speaker if word in FIRST_PERSON else outer.addressee
    return party.entity if party is not None else None


def _enclosing(quote: Quote, quoted: list[tuple[int, int, Quote]]) -> Quote | None:
    """The quote whose quoted content holds this quote's speaker or cue: a quotation in a quotation.
    ``quoted`` are the content spans of the quotations, in the record's order, each with its quote."""
    anchor = quote.speaker or quote.cue
    if anchor is None or not anchor.spans:
        return None
    at = anchor.spans[0][0]
    return next((other for s, e, other in quoted if s <= at < e and other is not quote), None)


def _events_before(clusters: list[Cluster], token: int) -> list:
    return sorted(((m.head, c, None) for c in clusters for m in c.mentions if m.head < token), key=lambda e: e[0])


def _last_before(clusters: list[Cluster], at: int) -> Cluster | None:
    best, best_at = None, -1
    for cluster in clusters:
        for mention in cluster.mentions:
            if best_at < mention.start < at:
                best, best_at = cluster, mention.start
    return best


def _last_sentence(doc: Doc, cluster: Cluster, at: int) -> int:
    heads = [m.head for m in cluster.mentions if m.start < at]
    return sentence_ids(doc)[max(heads)] if heads else -99


def _position(quote: Quote) -> int:
    return min((s for s, _ in quote.content.spans), default=0)


def _id(cluster: Cluster | None) -> str | None:
    return cluster.id if cluster is not None else None
