"""When each statement was made: ``quotes[].said_on`` from the times the text ties to it.

In order, a quote is dated by
1. a time in the clause of its cue, outside what is quoted: "On Friday, X told reporters ...",
   "at a press conference on Tuesday, she said", "in his Monday address, he said" (with the parse,
   the time must hang from the cue's verb, not from a relative clause about something else);
2. a scene the text set before it: a sentence that dates a speech event ("At a press conference on
   Tuesday, she described the talks:") dates the same speaker's quotes in the paragraphs that follow,
   until the narrative moves to another date or another speaker takes the floor;
3. nothing: ``said_on`` stays null. The publication date is never a default.
"""

from __future__ import annotations

import bisect
import datetime
import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from ..record import Quote, Record, TimeExpression
from . import stage
from .cues import APPROACHED

# Nouns for occasions on which things are said: a date on them dates what follows.
SPEECH_EVENTS = re.compile(
    r"\b(?:press\s+conference|news\s+conference|press\s+briefing|briefing|interview|speech|address|statement|"
    r"remarks|testimony|hearing|debate|rally|sermon|podcast|broadcast|appearance|session|summit|meeting|"
    r"told|said|says|wrote|posted|tweeted|declared|announced|described|explained|added)\b", re.I)
_CLAUSE_VERBS = {"VERB", "AUX"}


@dataclass
class _Scene:
    """A dated occasion the narrative is in: whose statements it dates, and from where on."""

    value: str
    speaker: frozenset[str] | None
    occasions: frozenset[str] = frozenset()  # "statement" in "In a statement released on Sunday, …"


@stage("dating", requires={"parser", "attribute_ruler"})
def date_quotes(doc: Doc, record: Record) -> None:
    text = record.article.text
    times = [t for t in record.times if t.value]
    starts = [t.spans[0][0] for t in times]
    paragraphs = [m.start() for m in re.finditer(r"\n\s*\n", text)]
    scene: _Scene | None = None
    scene_paragraph = -1
    last_end = 0
    cues = {q.cue.spans[0][0] for q in record.quotes if q.cue}
    for quote in sorted(record.quotes, key=_start):
        start = _start(quote)
        paragraph = bisect.bisect(paragraphs, start)
        # Dated narrative between the last quote and this one moves the story on: the scene ends,
        # or a new one begins where it dates an occasion for the people it names ("On Thursday, the
        # committee heard testimony from the fire chief, Daniel Ortiz." … "Ortiz said …").
        narrative = _narrative_date(times, starts, quote, last_end, start, record)
        if narrative is not None:
            scene = _occasion(narrative, doc, record)
            scene_paragraph = bisect.bisect(paragraphs, narrative.spans[0][0])
        own = _own_time(quote, times, starts, text, doc, cues)
        if quote.parent is not None:
            # "When I met them on Thursday, their chief said to me, ‘…’": told inside someone's
            # words, dated by its own clause only; the narrative's scene is the outer speaker's.
            quote.said_on = said_on_value(own.value) if own is not None and _datable(own) else None
            continue
        if own is not None and not _datable(own):
            # "Two days earlier, he had predicted …": a time of its own that is no date, counted
            # from the scene's day when it says so; the scene's day itself it is not.
            own = _shifted(own, text, scene.value) if scene else None
            if own is None:
                scene = None
        if own is not None:
            quote.said_on = said_on_value(own.value)
            scene = _Scene(quote.said_on, _speaker(quote, record), _occasion_nouns(quote, doc))
            scene_paragraph = paragraph
            last_end = max(last_end, own.spans[-1][1])  # '“…,” she said on Friday': no narrative after it
        elif scene and _same_speaker(scene, quote, record) and paragraph - scene_paragraph <= 4:
            quote.said_on = scene.value
            scene_paragraph = paragraph
            if scene.speaker is None and (names := _names(quote, record)):
                # "Asked about it on Tuesday, Olsen told …" after a report with no one asking: the
                # first named speaker holds the scene, and another who takes the floor ends it.
                scene = _Scene(scene.value, frozenset(names), scene.occasions)
        elif scene and scene.speaker and (names := _names(quote, record)) and not scene.speaker & names:
            scene = None  # another speaker, named or resolved (no bare description or pronoun), takes the floor
        last_end = max(last_end, _end(quote))


def _datable(time: TimeExpression) -> bool:
    return time.type in ("DATE", "TIME") and bool(time.value) and time.value[:4].isdigit()


_DAYS = re.compile(r"P(\d+)([DW])")


# A time after these is the bound of a stretch, not the day something was said on.
_BOUND = re.compile(r"\b(?:(?:since|from|between|until|till|through|throughout)|"
                    r"(?:from|between)\s+[^\s,;.]+(?:\s+[^\s,;.]+){0,2}\s+(?:to|and))\s+$", re.I)


def _counted(duration: TimeExpression, text: str) -> bool:
    """"two days earlier", "a week ago": an amount counted from a day, not the length of the occasion."""
    after = text[duration.spans[-1][1]:duration.spans[-1][1] + 10].lower().split()
    return bool(after) and after[0].strip(",.") in ("earlier", "before", "later", "ago", "after")


def _shifted(duration: TimeExpression, text: str, day: str) -> TimeExpression | None:
    """"two days earlier" from the scene's day ("2026-09-12" → "2026-09-10"); None otherwise."""
    match = _DAYS.fullmatch(duration.value)
    after = text[duration.spans[-1][1]:duration.spans[-1][1] + 10].lower().split()
    if match is None or not after or after[0].strip(",.") not in ("earlier", "before", "later") or not re.fullmatch(
            r"\d{4}-\d\d-\d\d", day[:10]):
        return None
    days = int(match.group(1)) * (7 if match.group(2) == "W" else 1)
    sign = 1 if after[0].startswith("later") else -1
    value = (datetime.date.fromisoformat(day[:10]) + datetime.timedelta(days=sign * days)).isoformat()
    return TimeExpression(text=duration.text, spans=duration.spans, type="DATE", value=value)


def said_on_value(value: str) -> str:
    """A statement's date from a time value: the day of a TIME ("2023-06-24TMO" → "2023-06-24")."""
    return value[:10] if re.match(r"\d{4}-\d\d-\d\dT", value) else value


def _start(quote: Quote) -> int:
    spans = [s for role in (quote.cue, quote.content) if role for s in role.spans]
    return min(s for s, _ in spans)


def _end(quote: Quote) -> int:
    spans = [s for role in (quote.cue, quote.content) if role for s in role.spans]
    return max(e for _, e in spans)


_PRONOUNS = {"i", "we", "he", "she", "they", "it", "you"}


def _speaker(quote: Quote, record: Record) -> frozenset[str] | None:
    """Who speaks, as every key the text gives: the entity, the entities named inside the speaker's
    words ("The mayor of Port Aldine, Renata Cole"), and the surname the words end on ("Governor Ilse
    Marek" and a later "Marek" are one speaker even where no entity joins them)."""
    if quote.speaker is None:
        return None
    keys = _names(quote, record)
    return frozenset(keys or {quote.speaker.text.lower()})


def _names(quote: Quote, record: Record) -> set[str]:
    speaker = quote.speaker
    if speaker is None:
        return set()
    keys = {speaker.entity} if speaker.entity else set()
    for entity in record.entities:
        if any(a <= s and e <= b for s, e in entity.mentions for a, b in speaker.spans):
            keys.add(entity.id)
    words = re.findall(r"[\w’'-]+", speaker.text)
    last_end = speaker.spans[-1][1]
    in_time = any(s < last_end <= e for time in record.times for s, e in time.spans)  # "… on Wednesday"
    if words and words[-1][:1].isupper() and words[-1].lower() not in _PRONOUNS and not in_time:
        keys.add("name:" + re.sub(r"['’]s$", "", words[-1]).lower())
    return keys


_PARTITIVE = re.compile(r"(?:one|some|many|most|several|two|three|a\s+few|each|all|none|another|others?)\s+of\s+them")
_OCCASION_NOUNS = r"(statement|report|letter|speech|address|interview|post|message|release|remarks|testimony)"
_THE_OCCASION = re.compile(r"(?:the|that|this|its|their|his|her)\s+(?:[\w-]+\s+)?" + _OCCASION_NOUNS)


def _occasion_nouns(quote: Quote, doc: Doc) -> frozenset[str]:
    """The occasions named in the sentence of the quote's cue, outside what was said."""
    if quote.cue is None:
        return frozenset()
    token = _token_at(doc, quote.cue.spans[0][0])
    if token is None:
        return frozenset()
    return frozenset(t.lower_ for t in token.sent if re.fullmatch(_OCCASION_NOUNS, t.lower_)
                     and not any(s <= t.idx < e for s, e in quote.content.spans))


def _same_speaker(scene: _Scene, quote: Quote, record: Record) -> bool:
    """Quotes with no speaker, a pronoun for one or the scene's own speaker continue the scene."""
    if quote.speaker is None or scene.speaker is None:
        return True
    word = quote.speaker.text.lower()
    occasion = _THE_OCCASION.fullmatch(word)
    if occasion and occasion.group(1) in scene.occasions:
        return True  # "In a statement released on Sunday, the party called …" … "“…,” the statement said."
    if word in ("i", "we") and not quote.speaker.entity:
        return False  # the writer's own words, not the scene's speaker's
    if (word in ("he", "she", "they", "it") or _PARTITIVE.fullmatch(word)) and not quote.speaker.entity:
        return True  # "one of them" is one of the group the scene's "they" would be
    return bool(scene.speaker & _speaker(quote, record))


def _own_time(quote: Quote, times: list[TimeExpression], starts: list[int], text: str, doc: Doc,
              cues: set[int]) -> TimeExpression | None:
    """A time in the sentence of the quote's cue, outside the quoted content, tied to the cue (``cues``:
    where every quote's cue starts)."""
    if quote.cue is None:
        return None
    cue_start, cue_end = quote.cue.spans[0]
    sentence = _sentence(doc, cue_start)
    if sentence is None:
        return None
    sent_start, sent_end = sentence
    content = quote.content.spans
    candidates = []
    for i in range(bisect.bisect_left(starts, sent_start), bisect.bisect_left(starts, sent_end)):
        time = times[i]
        if time.type == "DURATION" and not _counted(time, text):
            continue  # "In a 20-minute address, Varga said": how long it lasted, not when
        t_start, t_end = time.spans[0]
        if _BOUND.search(text, max(0, t_start - 40), t_start):
            continue  # "has demanded an inquiry since January": where a stretch of time begins or ends
        if any(s < t_end and t_start < e for s, e in content) and (
                quote.kind == "direct" or not _on_cue(doc, t_start, t_end, cue_start, cue_end)):
            continue  # a date inside what was said is what the statement is about ('“Not this week,” she replied')
        if not (_tied_to_cue(doc, t_start, t_end, cue_start, cue_end, cues)
                or _interviewed_when(text, t_start, t_end, cue_start)):
            continue
        candidates.append((abs(t_start - cue_start), time))
    if not candidates:
        return None
    return min(candidates, key=lambda c: c[0])[1]


# A participle of being asked, or of speaking, just before a time: "Residents interviewed on Saturday",
# "Two farmers reached by phone on Wednesday", "Officials speaking to reporters on Monday".
_INTERVIEWED = re.compile(r"\b(?:interviewed|questioned|reached|contacted|polled|surveyed|asked|approached|quoted|"
                          r"speaking|talking)(?:\s+(?!said\b)[\w'’.-]+){0,4}?(?:\s+(?:on|at|in|during|over))?\s+$", re.I)


def _interviewed_when(text: str, t_start: int, t_end: int, cue_start: int) -> bool:
    """"Residents interviewed on Saturday said …": the participle describing the speakers, right before
    their cue, names the occasion they spoke on; matched in the text, as the small model often reads
    the participle as the verb of its own clause."""
    if text[t_end:cue_start].strip(" ,"):
        return False
    return bool(_INTERVIEWED.search(text, max(0, t_start - 60), t_start))


def _sentence(doc: Doc, offset: int) -> tuple[int, int] | None:
    token = _token_at(doc, offset)
    if token is None:
        return None
    sent = token.sent
    return sent.start_char, sent.end_char


def _token_at(doc: Doc, offset: int) -> Token | None:
    span = doc.char_span(offset, offset + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _tied_to_cue(doc: Doc, t_start: int, t_end: int, cue_start: int, cue_end: int, cues: set[int]) -> bool:
    """The first verb above the time is the cue's (or the cue is a noun the time modifies)."""
    span = doc.char_span(t_start, t_end, alignment_mode="expand")
    cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
    if span is None or cue is None or not len(span) or not len(cue):
        return True
    cue_tokens = set(cue)
    cue_verbs = cue_tokens | {t.head for t in cue_tokens if not _subordinate(t)}
    if _told_when(cue.root, span):
        return True
    head = span.root
    if head.dep_ in _NOUN_MODIFIERS and head.head not in cue_tokens and not SPEECH_EVENTS.fullmatch(head.head.lower_):
        return False  # "examines the 1987 collapse and questions …": the collapse's year ("his Monday address" is the cue's)
    for _ in range(len(doc)):  # the parse is a tree; the bound only guards against a broken one
        if head in cue_tokens:
            return True
        if head.pos_ in _CLAUSE_VERBS and head.i != span.root.i:
            # "has said so for years, telling reporters in March that …": a participle that is a
            # report of its own dates that report, not the one it hangs from
            if _occasion_of(head, cue_verbs) and head.idx not in cues:
                return True
            return head in cue_verbs or head.dep_ == "ROOT" and any(t.dep_ == "ROOT" for t in cue_verbs)
        if head.head.i == head.i:
            return head in cue_verbs
        head = head.head
    return False


_NOUN_MODIFIERS = {"poss", "compound", "amod", "nmod", "nummod"}
_SUBORDINATORS = {"after", "before", "since", "until", "till", "because", "although", "though", "unless", "once"}


def _subordinate(cue: Token) -> bool:
    """"The protests began on March 3, after a report showed …": the cue's clause is set off by a
    conjunction from the clause above, whose time is its own."""
    return cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in _SUBORDINATORS for c in cue.children)


def _on_cue(doc: Doc, t_start: int, t_end: int, cue_start: int, cue_end: int) -> bool:
    """"rejected the offer on Thursday": the time modifies the cue's own verb, even where the
    reading of what was said runs over it."""
    span = doc.char_span(t_start, t_end, alignment_mode="expand")
    cue = doc.char_span(cue_start, cue_end, alignment_mode="expand")
    if span is None or cue is None or not len(span):
        return False
    if span.root.dep_ in _NOUN_MODIFIERS:
        return False  # "defended the handling of last week's floods on Friday": the floods' time, not the cue's
    head = span.root.head
    while head.pos_ not in _CLAUSE_VERBS and head.head.i != head.i:
        head = head.head
    return head.i == cue.root.i


def _occasion_of(verb: Token, cue_verbs: set[Token]) -> bool:
    """"Speaking at a press conference on Tuesday, she said": a participle with no subject of its
    own (or one of being asked), or a "when" clause, hanging from the cue, sets the occasion the
    cue's words were said on."""
    if verb.dep_ == "acl" and verb.head.head.dep_ == "prep" and SPEECH_EVENTS.fullmatch(verb.head.lower_):
        # "In an address broadcast on Saturday, Reval called …": the occasion's own participle
        return verb.head.head.head in cue_verbs
    if verb.dep_ != "advcl" or verb.head not in cue_verbs:
        return False
    if any(child.lower_ == "when" for child in verb.children):
        return True  # "When I met them on Thursday, their chief said": the meeting is the occasion
    # "Asked on Tuesday about the delays, the minister said": being asked is an occasion too
    asked = verb.tag_ == "VBN" and verb.lemma_.lower() in APPROACHED
    return (verb.tag_ == "VBG" or asked) and not any(child.dep_ in ("nsubj", "nsubjpass") for child in verb.children)


def _told_when(cue: Token, time: Span) -> bool:
    """"on Monday, when the president addressed the nation and warned …": the cue's clause is a
    "when" clause about the time itself."""
    clause = cue
    while clause.dep_ == "conj" and clause.head.i != clause.i:
        clause = clause.head
    return (clause.dep_ == "relcl" and time.start <= clause.head.i < time.end
            and any(child.lower_ == "when" for child in clause.children))


def _narrative_date(times, starts, quote: Quote, begin: int, end: int, record: Record) -> TimeExpression | None:
    """The last dated event told outside any quote between two quotes: the narrative moved on."""
    inside = [s for q in record.quotes for role in (q.content, q.cue) if role for s in role.spans]
    found = None
    for i in range(bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end)):
        t_start, t_end = times[i].spans[0]
        if _datable(times[i]) and not any(s <= t_start and t_end <= e for s, e in inside):
            found = times[i]
    return found


# Occasions told in narrative that the words reported after them were said on.
_OCCASIONS = re.compile(
    r"\b(?:press\s+conference|news\s+conference|(?:press\s+)?briefing|interview(?:ed)?|speech|address|testimony|"
    r"testified|hearing|debate|remarks|rally|sermon|podcast|broadcast)\b", re.I)


def _occasion(time: TimeExpression, doc: Doc, record: Record) -> _Scene | None:
    """A scene from a narrative sentence dating an occasion for the people it names, or None."""
    token = _token_at(doc, time.spans[0][0])
    if token is None:
        return None
    sent = token.sent
    if not _OCCASIONS.search(sent.text) or _BOUND.search(record.article.text, max(0, time.spans[0][0] - 40),
                                                            time.spans[0][0]):
        return None
    t_start, t_end = time.spans[0]
    keys = {entity.id for entity in record.entities for s, e in entity.mentions
            if sent.start_char <= s and e <= sent.end_char}
    for word in sent:
        if word.pos_ == "PROPN" and not (t_start <= word.idx < t_end) and (
                word.i + 1 >= sent.end or word.nbor().pos_ != "PROPN"):
            keys.add("name:" + word.lower_)
    return _Scene(said_on_value(time.value), frozenset(keys)) if keys else None
