"""Quotations and their attribution: content, cue, speaker, addressee, nesting; and terms.

Works on one parsed Doc:
1. quotation marks are paired (``marks``) into quoted spans, nested and multi-paragraph;
2. the learned cue detector (``cue_model``) finds the words that introduce reports; for each, the
   parse offers candidate contents and speakers (``candidates``) and the learned ``ranker`` picks
   one of each; the quotation beside a cue wins over a clause inside it;
3. quotations no cue claims continue the quote before them, answer a colon that introduced them,
   are signed after a dash, carry their speaker into the next paragraph or alternate in a
   conversation; short unattributed ones are terms (scare quotes, titles, coined words);
4. paragraphs quoted without marks after a sentence that ends in a colon are block quotations.

Speakers' and addressees' entities are filled later by the "speakers" stage (``coref``).
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import numpy
from spacy.attrs import DEP, HEAD, LEMMA, POS
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from ..record import Party, Quote, Record, Role, Term
from . import candidates, ranker, stage
from .candidates import end_of, marked_that, noun_phrase, subject_of, trimmed
from .cue_model import CANDIDATE_POS, cue_bounds, is_cue, scored_lemmas
from .cues import ADDRESSEE_PRONOUNS, ADDRESSING, APPROACHED, ASKING, EVALUATION, NOUNS, PEOPLE_NOUNS, SPEECH, VERBS
from .datelines import dateline_at
from .entities import OUTLET_NOUNS, ROLE_NOUNS, USER_DATA_KEY, nicknames
from .marks import TITLE_SMALL_WORDS, Quoted, quotations_of, states_of, title_words
from .parse import parse_of

_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}
_CLOSING = ",.;:!?\"'”’»"
_QUOTE_CHARS = "\"“”«»„"  # double marks and guillemets: a single one may be an apostrophe ("What’s next?")
_NAME = r"[A-Z][\w.’'-]*(?:[^\S\n][A-Z][\w.’'-]*){0,%d}"  # capitalised words, as many more as given
# A capitalised name of up to five words after a dash, ending the line or followed by a comma.
_DASH_NAME = re.compile(r"[^\S\n]*(?P<dash>[―—–]|--)[^\S\n]*(?P<name>" + _NAME % 4 + r")[^\S\n]*(?=[,\n]|$)")
# A line opening with a name and a colon: "Strand: ‘I will not withdraw’", "Lund: Ferries won't run".
_NAME_COLON = re.compile(r"[^\S\n]*(?P<name>" + _NAME % 3 + r")[^\S\n]*:[^\S\n]*")
_HEADLINE = re.compile(r"(?m)^[^\S\n]*(?P<name>" + _NAME % 2 + r")[^\S\n]*:[^\S\n]+(?P<rest>[^\n]{3,200})$")
_BRACKET_CLOSE = re.compile(r"\.?\)")  # what ends "(D-Mo.)" after a speaker the parse cut at "D-Mo"
_SPEAKING_ENTITIES = {"PERSON", "ORG", "NORP"}
# Words that label a headline or a note rather than name who speaks.
_HEADLINE_LABELS = {"poll", "update", "updated", "correction", "clarification", "source", "sources", "exclusive",
                    "watch", "analysis", "opinion", "editorial", "breaking", "the latest", "live", "video", "photos",
                    "note", "editor's note", "editor’s note", "review", "explainer", "fact check", "read more",
                    "related", "see also", "abstract", "summary", "warning", "report", "interview",
                    "q", "a", "question", "answer"}  # an interview transcript's turns name no one
_TITLE_CUES = {"film", "documentary", "book", "novel", "report", "album", "song", "single", "show", "programme",
               "program", "series", "play", "opera", "titled", "entitled", "headline", "column", "newspaper",
               "magazine", "podcast", "painting", "poem", "movie", "exhibition", "slogan", "campaign", "hashtag",
               "called", "named", "dubbed", "nicknamed"}
_PARAGRAPH = re.compile(r"[ \t]*\n+(?P<words>[^\n]+)")
_QUOTE_MARK = re.compile("[“”\"«»„‘]")
_FIRST_PERSON = {"i", "we", "me", "us", "my", "our", "ours", "mine"}
# Occasions one speaks with someone on: "in an interview with the Gazette".
_CONVERSATIONS = {"interview", "conversation", "call", "exchange", "meeting", "discussion", "chat", "podcast"}
# Getting hold of someone, then speaking: "called me and said", "took her aside and warned".
_CONTACTING = {"call", "ring", "phone", "text", "email", "message", "ping", "approach", "stop", "take",
               "pull", "corner", "greet", "interrupt", "grab"}
# Verbs that introduce a block quotation ("as the union put it in its statement:").
_COLON_VERBS = VERBS | {"put", "go"}
_TERM_WORDS = {"term", "word", "words", "phrase", "expression", "label", "catchphrase", "motto", "acronym"}
_TERM_CUES = {"so-called", "known", "dubbed", "nicknamed", "called", "termed", "branded", "labelled", "labeled"}
_POSSESSIVES = {"his", "her", "their", "its", "our", "my", "your"}


@dataclass
class _Draft:
    kind: str
    content: list[tuple[int, int]]
    cue: list[tuple[int, int]] = field(default_factory=list)
    speaker: tuple[int, int] | None = None
    addressee: tuple[int, int] | None = None
    quotations: list[Quoted] = field(default_factory=list)
    verb: Token | None = None


@stage("quotes", requires={"parser", "lemmatizer", "ner"})  # ner: who can be spoken to
def find_quotes(doc: Doc, record: Record) -> None:
    finder = Finder(doc, record.article.text)
    drafts = finder.run()
    record.quotes = _to_quotes(drafts, record.article.text)
    record.terms = finder.terms


class Finder:
    def __init__(self, doc: Doc, text: str):
        self.doc = doc
        self.text = text
        nicks = {n.nick for n in nicknames(doc, text)}  # 'Tomas “Tommy” Reyes': a name, not a term
        self.quotations = [q for q in quotations_of(doc, text) if (q.start, q.end) not in nicks]
        self.starts = [q.start for q in self.quotations]
        # Each quotation's words' bounds and depth, read once: its properties cost a call each.
        self.extents = [(q.start, q.end, q.depth) for q in self.quotations]
        self.claimed: set[int] = set()  # ids of quotations that are some quote's content
        self.states = states_of(doc, text)
        self.parse = parse_of(doc)
        # Token.sent walks the doc on every call; one lookup table serves the whole stage.
        self.sentences: list[Span] = []
        for sentence in doc.sents:
            self.sentences.extend([sentence] * len(sentence))
        self.terms: list[Term] = []
        self.cues: dict[int, bool] = {}  # whether each token heads a cue, as it is asked
        self.reporting = _may_report_at(doc)  # the only tokens that can (ascending indices)
        # By the cue's index, as they are asked (a cue's quotation is asked again by its neighbours'
        # checks, its clause again for an interrupted quotation): see _attached_quotation, _clause.
        self.attached: dict[int, Quoted | None] = {}
        self.clauses: dict[int, tuple[int, int]] = {}
        self.innermost: dict[int, Quoted | None] = {}  # by offset: see _innermost
        self.titles: dict[int, bool] = {}  # by id of the quotation: see _title_like

    def run(self) -> list[_Draft]:
        drafts = [d for i in self.reporting if (d := self._from_cue(self.doc[i]))]
        drafts = _dedupe(_without_restated(_without_repeated_cues(_without_swallowing_cues(drafts), self.text)))
        blocks = self._block_quotes(drafts)
        # Inside a block quotation, "We recommend that …" is part of what was said, as inside marks.
        inside = [span for b in blocks for span in b.content]
        drafts = [d for d in drafts if d.quotations or d.verb is None
                  or not any(start <= d.verb.idx < end for start, end in inside)] + blocks
        drafts += self._headline_statements(drafts)
        drafts = self._introduced_once(self._unclaimed(drafts))
        self._answers_put_to_askers(drafts)
        drafts.sort(key=lambda d: d.content[0][0])
        return drafts

    # -- cues ---------------------------------------------------------------------------
    def _from_cue(self, token: Token) -> _Draft | None:
        saying = _saying_of(token) if token.lemma_ in ("quote", "cite") else None
        if saying is not None and any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in saying.children):
            self.cues[saying.i] = True  # "quoted the president as saying that …": the saying reports, for him
            return None
        inverted = self._inverted(token)  # "Said Ellis: “…”": (who speaks, the quotation)
        if inverted is None and not self._is_cue(token) and not self._cue_by_rule(token):
            return None
        if _describes_speakers(token) is not None:
            return None  # "Shopkeepers questioned by the police said …": who was asked, not what
        lemma = token.lemma_.lower()
        if _naming(token, lemma) or _anonymous(token, lemma):
            return None
        beside, claimed = self._beside_and_claimed(token) if token.pos_ in ("VERB", "AUX") else ([], None)
        if not beside and self._quoted(token.idx):
            # Inside someone's words, "I think …" is part of what they said, not a new report;
            # only a nested quotation ("He told me: ‘…’") makes a quote of its own.
            return None
        sentence = self.sentences[token.i]
        addressee = self._addressee(token, lemma)
        if inverted is not None:
            beside = [inverted[1]]
            offered = [candidates.Candidate("quotation", tuple(inverted[1].spans))]
        else:
            offered = self._readings(token, lemma, beside, sentence, addressee)
        if saying is not None:  # '“…,” Marek quoted the president as saying': who said it is not what
            offered = [c for c in offered if not any(s <= saying.idx < e for s, e in c.spans)]
        if claimed is not None:  # “…,” she said, adding later, “…”: the other half is the adding's
            offered = [c for c in offered if not _within(list(c.spans), claimed)]
        if not offered and (after := self._quotation_after(token, sentence)) is not None:
            beside = [after]  # "The mayor objected. “Some people want it.”": what the objection was
            offered = [candidates.Candidate("quotation", tuple(after.spans))]
        speaker = inverted[0] if inverted is not None else self._speaker(token)
        if speaker is not None and beside:
            # '“…,” Tulsa police Chief Jordan said', parsed as a conjunct of the quoted verb: what
            # takes in who speaks is no reading of what they said.
            offered = [c for c in offered if not any(s <= speaker[0] and speaker[1] <= e for s, e in c.spans)] or offered
        chosen = _parenthetical(token, lemma, sentence, self.text, self._reports) or _as_follows(token, offered, sentence) or ranker.best(
            "content", token, offered, self.doc, self.text, sentence)
        cue = self._cue_span(token)
        if chosen is not None and self._only_when(chosen, cue[0]):
            # "The plan was debated for six hours on Tuesday", "issued a statement on Tuesday:": how
            # long or when is never what was said (but it may be the quoted answer: '“Not this week,”
            # she replied').
            offered = [c for c in offered if not self._only_when(c, cue[0])]
            chosen = ranker.best("content", token, offered, self.doc, self.text, sentence)
        if chosen is None:
            return None
        if beside and self._runs_past(chosen, beside[0], token):
            chosen = next((c for c in offered if c.kind == "quotation"), chosen)
        if beside and (any(_within(list(chosen.spans), q) for q in beside) or self.states[token.i][0]):
            # A clause inside the quotation is part of the quoted words: all of them were said,
            # with those that carry it on. Inside someone's words ("He told me: ‘…’") the inner
            # quotation is all the cue can report: the outer speaker's words are not the inner one's.
            chosen = next((c for c in offered if c.kind == ("quotations" if len(beside) > 1 else "quotation")), chosen)
        content = [_closed(self.text, span) for span in _without(list(chosen.spans), cue[0], self.text)]
        if content and not chosen.kind.startswith("quotation"):
            content[-1] = self._through_quotation(content[-1], token)
        if content and (dateline := dateline_at(self.text, content[0][0])):
            content[0] = (dateline.end(), content[0][1])  # "BRENNHOLLOW, May 6 (CPA) - …" was filed, not said
        opening = (beside or self._quotations_within(content[:1]) or [None])[0] if content else None
        if opening is not None and content[0][0] < opening.opened_at < content[0][1] and self._framing(
                content[0][0], opening.opened_at):
            content[0] = (opening.opened_at, content[0][1])
        if len(content) > 1:  # "…, according to its report, “Reading the City”": the report's name is not said
            content = [span for span in content if not self._only_a_title((span,))] or content
        if content and token.dep_ == "relcl":
            # "a move that the mayor said was “painful”": what was painful is the move, not "that";
            # "a session that councillors described as bitter": the session was.
            antecedent = _span_of(noun_phrase(token.head))
            if self.text[slice(*content[0])].lower() in _RELATIVE_WORDS:
                content[0] = antecedent if antecedent and antecedent[1] <= content[0][0] else content[0]
            elif antecedent and antecedent[1] <= token.idx and any(
                    c.dep_ == "dobj" and c.i < token.i and c.lower_ in _RELATIVE_WORDS for c in token.children):
                content.insert(0, antecedent)
        if not content:
            return None
        if chosen.kind.startswith("quotation"):
            quotations, kind = list(beside), "direct"
            if beside and beside[0].opened_at > token.idx and _lower_initial(self.text, content[0][0]) and (
                    self.text[_last_before(self.text, beside[0].opened_at)].isalnum()):
                # 'a decision the union called “reckless”', 'promised “a firm response”': a fragment
                # the sentence runs into, not a whole utterance (that opens in capitals or after ":")
                kind = "partial"
        else:
            quotations = self._quotations_within(content)
            if beside and any(q is beside[0] for q in quotations):
                # The sentence that holds the first quotation goes on in those after the cue:
                # 'The plan does "too little," he added. "Europe risks a lot."'
                later = [q for q in beside[1:] if q.opened_at >= content[-1][1]]
                content += [span for q in later for span in q.spans]
                quotations += later
            kind = "mixed" if quotations else "indirect"
            if quotations and lemma in EVALUATION and chosen.kind != "clause":
                # "accused them of “gross negligence”": a quoted fragment in the reporter's words.
                # The content stays the whole reported charge, as annotators mark it.
                kind = "partial"
            elif quotations and all(_covers(q, span, self.text) for q, span in zip(quotations, content, strict=False)) \
                    and len(quotations) == len(content):
                kind = "direct"
                # 'said: “We stay”.': the words, not the marks the reading took in.
                content = [span for q in quotations for span in q.spans]
        if speaker is not None and all(speaker[0] <= start and end <= speaker[1] for start, end in content):
            return None  # "The union then voted.": who acts is not what they said
        for q in quotations + beside:  # a quotation beside the cue is this report's, whatever was chosen
            self.claimed.add(id(q))
        return _Draft(kind, content, cue, speaker, addressee, quotations, token)

    def _readings(self, token: Token, lemma: str, beside: list[Quoted], sentence: Span,
                  addressee: tuple[int, int] | None) -> list[candidates.Candidate]:
        """The parse's readings of what ``token`` reports, less those that cannot be what was said."""
        offered = candidates.contents(token, self.text, [tuple(q.spans) for q in beside], sentence)
        # Who actively says something is not what they say ("Greiss said at the time that …"); the
        # subject of "was announced" is.
        speaks = lemma in SPEECH and token.dep_ != "relcl" and not any(c.dep_ == "nsubjpass" for c in token.children)
        offered = [c for c in offered if not self._only_a_title(c.spans) and not (speaks and c.kind.startswith("subject"))]
        if lemma in SPEECH:
            # "said the country would leave and warned that …", "insisted the votes were there,
            # telling a radio host: …": the warning, the telling, is a report of its own
            # (``candidates.report_joined``), no part of what was said.
            parse = self.parse
            joined = [parse.idx[t] for c in parse.children(token.i) if parse.deps[c] == "ccomp" for t in parse.subtree(c)
                      if parse.deps[t] in ("conj", "advcl") and parse.lemmas[t] in candidates.JOINING
                      and (report := candidates.report_joined(self.doc[t])) is not None and report.i == token.i]
            # What comes after such a report is its own too ('…, telling a radio host: “…”').
            offered = [c for c in offered if not any(s <= at < e or at < s for at in joined for s, e in c.spans)] or offered
        opens = token.i == sentence.start and token.tag_ in ("VBN", "VBD")  # the parse may make it the root
        if lemma in APPROACHED and (candidates.reduced_participle(token) or opens):
            # "Questioned by reporters on Monday, Duarte said …": what was asked is the participle's
            # own (about what, whether …), never the answer around it, nor after the comma that
            # ends the participle's phrase ("Asked when, she replied: …")
            offered = [c for c in offered if not c.kind.startswith(("around", "sentence"))]
            comma = next((t for t in sentence if t.i > token.i and t.text == ","), None) if opens else None
            if comma is not None:
                offered = [c for c in offered if c.spans[-1][1] <= comma.idx]
        if addressee is not None:
            # “Are you afraid?” a reporter asked Ilse Vorn: she is not what was asked; nor are "the
            # workers" of "assured the workers that …" part of what they were assured (those urged
            # "to" do something are, as annotators mark them).
            named = self.text[slice(*addressee)]
            offered = [c for c in offered if len(c.spans) > 1 or self.text[slice(*c.spans[0])].rstrip(".!?") != named]
            # not "urged North Korea to resume talks"; '«…», a picket told the crowd in French' told the
            # quotation, "somebody asks her about drains" asks about drains
            if beside or not any(c.dep_ == "xcomp" for c in token.children):
                apart = [c for c in offered if c.spans[0][0] != addressee[0] or c.kind.startswith("quotation")]
                offered = apart or self._without_addressee(offered, addressee) or offered
        if beside:
            # 'The mate gave her own account: „…“, she told them': the sentence whose colon opens the
            # quotation frames it; it is not what she told them.
            opened = min(q.opened_at for q in beside)
            offered = [c for c in offered if not (c.spans[-1][1] <= opened and self.text[c.spans[-1][1]:opened].strip() == ":")]
        return offered

    def _without_addressee(self, offered: list[candidates.Candidate],
                           addressee: tuple[int, int]) -> list[candidates.Candidate]:
        """The readings that start with the one spoken to, from the words after them: "asked the
        mayor about the drains" asked about the drains."""
        rest = {trimmed(self.text, addressee[1], c.spans[0][1]) for c in offered
                if len(c.spans) == 1 and c.spans[0][0] == addressee[0]}
        return [candidates.Candidate("objects-addressee", (span,)) for span in sorted(rest - {None})]

    def _only_when(self, reading: candidates.Candidate, cue: tuple[int, int]) -> bool:
        """Whether a reading not of a quotation says only when or how long, or nothing ("Scott
        responded with logic." less its cue is the stop), once the cue is cut from it."""
        if reading.kind.startswith("quotation"):
            return False
        rest = tuple(_without(list(reading.spans), cue, self.text))
        return not any(candidates.has_words(self.text, span) for span in rest) or self._only_time_or_count(rest)

    def _only_time_or_count(self, spans: tuple[tuple[int, int], ...]) -> bool:
        """Whether a reading holds nothing but a time, a length of time or a count that is no object
        of the cue ("debated for six hours on Tuesday", "passed by 27 votes to 22"; but a report
        "covers the decade")."""
        parse = parse_of(self.doc)
        parts = [part for start, end in spans if (part := parse.char_span(start, end, "expand")) and part[0] < part[1]]
        words = [i for first, stop in parts for i in range(first, stop) if not (parse.is_punct[i] or parse.is_stop[i])]
        return bool(words) and all(parse.ents[i] in ("DATE", "TIME") or parse.like_num[i] for i in words) and all(
            parse.deps[parse.root(*part)] not in ("dobj", "attr", "oprd") for part in parts)

    def _through_quotation(self, span: tuple[int, int], cue: Token) -> tuple[int, int]:
        """'told the Gazette that "they dropped the coach. … They are running scared."': a reading that opens a
        quotation goes on to its close, where the parse's sentence (or clause) stopped inside it."""
        start, end = span
        for quotation in self._quotations_near(start, end):
            if (_takes_in_opening(start, quotation) and quotation.opened_at < end < quotation.end and len(quotation.spans) == 1
                    and quotation.closed_at is not None and not quotation.start <= cue.idx < quotation.end):
                return start, quotation.outer_end
        return span

    def _introduced_once(self, drafts: list[_Draft]) -> list[_Draft]:
        """"The ministry described its position as follows: “…”": the cue reports the quotation after
        the colon, not the words before it, once the quotation has taken that cue. Where those words
        are a clause of their own ("said she had the quality for the job: “Steadiness.”"), they
        and the quotation are one report."""
        text = self.text
        after_colon = {tuple(d.cue): d for d in drafts if d.cue and d.kind in ("direct", "block")
                       and text[max(0, d.content[0][0] - 8):d.content[0][0]].rstrip(" \n“\"‘'«„").endswith(":")}
        kept, merged = [], set()
        for d in drafts:
            quoted = after_colon.get(tuple(d.cue)) if d.kind == "indirect" and d.cue else None
            if quoted is None or d.content[-1][1] > quoted.content[0][0]:
                kept.append(d)
            elif d.verb is not None and quoted.kind == "direct" and quoted.quotations and not self._framing(
                    d.content[0][0], quoted.quotations[0].opened_at):
                d.content += quoted.content
                d.quotations += quoted.quotations
                d.kind = "mixed"
                merged.add(id(quoted))
                kept.append(d)
            # else the words before the colon only frame the quotation: no report of their own
        return [d for d in kept if id(d) not in merged]

    def _framing(self, start: int, mark: int) -> bool:
        """Whether the words from ``start`` to a quotation's opening ``mark`` frame it rather than
        belong to what was said: they end on a dash ("Her answer came after a pause — “Never,” she
        wrote"), or on a colon without a clause of their own ("described the session as follows:
        “…”"; but "said the answer was clear: “…”" reports the clause too)."""
        lead = self.text[start:mark].rstrip()
        if lead.endswith(_FRAMING_DASHES):
            # but "added that the offer — “the best in a decade” — would stay": a dash on each side
            # sets the quotation inside the clause
            closing = next((q.outer_end for q in self._quotations_near(mark, mark + 1) if q.opened_at == mark), None)
            return closing is None or not self.text[closing:closing + 3].lstrip().startswith(_FRAMING_DASHES)
        if not lead.endswith(":"):
            return False
        words = self.doc.char_span(start, mark, alignment_mode="contract")
        return words is not None and not any(
            t.pos_ in ("VERB", "AUX") and any(c.dep_ in _SUBJECTS for c in t.children) for t in words)

    def _quotation_after(self, token: Token, sentence: Span) -> Quoted | None:
        """A statement in quotation marks opening the next sentence of the paragraph."""
        if token.pos_ != "VERB":
            return None
        words = sentence.text
        end = sentence.end_char - (len(words) - len(words.rstrip()))  # a parse's sentence may take in a paragraph break
        for quotation in self._quotations_near(end, end + 4):
            gap = self.text[end:quotation.opened_at]
            if quotation.depth == 0 and quotation.opened_at >= end and gap.strip(" ") == "" and self._is_statement(quotation):
                return quotation
        return None

    def quotations_beside(self, cue: Token) -> list[tuple[tuple[int, int], ...]]:
        """The quotations a cue introduces or follows, as span tuples (what ``candidates`` reads)."""
        return [tuple(q.spans) for q in self._beside_and_claimed(cue)[0]]

    def _beside_and_claimed(self, cue: Token) -> tuple[list[Quoted], Quoted | None]:
        """The quotations the cue introduces or follows, and the other half of an interrupted one
        that a second speech verb between them claims (“…,” she said, adding later, “…”), if any."""
        first = self._attached_quotation(cue)
        if first is None:
            return [], None
        found, claimed = [first], None
        for half in self._interrupted(cue, first):
            if self._says_again(cue, half):
                claimed = half
            else:
                found.append(half)
        return found + self._continuing(cue, found[-1]), claimed

    def _continuing(self, cue: Token, last: Quoted) -> list[Quoted]:
        """“A,” he said. “B.” “C.”: quotations that carry on in the same paragraph, each opening
        right after the one before closes, with a short attribution between them or, where the
        next opens a sentence, a long one (“A,” said X, who …. “B.”), unless a cue of its own
        claims it (“B,” she added)."""
        found = []
        paragraph_end = self.text.find("\n", last.outer_end)
        paragraph_end = len(self.text) if paragraph_end < 0 else paragraph_end
        for quotation in self._quotations_near(last.outer_end, paragraph_end):
            if quotation.depth != last.depth or quotation.opened_at < last.outer_end:
                continue
            if quotation.opened_at > paragraph_end:
                break
            gap = self.text[last.outer_end:quotation.opened_at]
            if len(gap) > 40:
                goes_on = self._opens_sentence(quotation) and self._is_statement(quotation)
            else:
                goes_on = self._opens_sentence(quotation) or not gap.strip(" ,;:—–-")
            if not goes_on or self._has_own_cue(cue, quotation):
                break
            found.append(quotation)
            last = quotation
        return found

    def _runs_past(self, chosen: candidates.Candidate, quotation: Quoted, cue: Token) -> bool:
        """'saying, “That makes me smart,” when Varga blasted him': a reading that opens with the
        quotation after the cue and runs on past its closing comma takes in the narrative the
        sentence goes on with, which the parse hung on the quoted words."""
        start, end = chosen.spans[0][0], chosen.spans[-1][1]
        return (cue.idx < quotation.opened_at <= start <= quotation.start and end > quotation.outer_end
                and self.text[quotation.start:quotation.end].rstrip().endswith(","))

    def _says_again(self, cue: Token, half: Quoted) -> bool:
        """Whether a second speech verb stands between ``cue`` and the quotation after it ("said,
        adding later,"), not a word that only glosses the first half ("said, referring to …,")."""
        stop = self._token_at(half.opened_at)
        return stop is not None and any(
            t.pos_ == "VERB" and t.lemma_.lower() in SPEECH for t in self.doc[cue.i + 1:stop.i])

    def _opens_sentence(self, quotation: Quoted) -> bool:
        before = self.text[max(0, quotation.opened_at - 8):quotation.opened_at].rstrip()
        return before.endswith((".", "!", "?", ".”", ".\"", "?”", "!”", ".’", ".''"))

    def _has_own_cue(self, cue: Token, quotation: Quoted) -> bool:
        """Whether a cue other than ``cue`` introduces or follows ``quotation``: a cue within a
        short attribution's reach of either of its ends."""
        sides = ((max(0, quotation.opened_at - 150), quotation.opened_at),
                 (quotation.outer_end, min(len(self.text), quotation.outer_end + 150)))
        return any(i != cue.i and self._is_cue(token := self.doc[i]) and self._attached_quotation(token) is quotation
                   for start, end in sides if (near := self.doc.char_span(start, end, alignment_mode="contract"))
                   for i in self._reporting_within(near.start, near.end)) or self._cue_in_sentence(cue, quotation)

    def _cue_in_sentence(self, cue: Token, quotation: Quoted) -> bool:
        """“B” to pay for …, she said: a cue outside the quotation in the sentence it opens claims
        it, though the narrative between them keeps the two from being attached."""
        first = self._token_at(quotation.opened_at)
        if first is None:
            return False
        sentence = self.sentences[first.i]
        return any(i != cue.i and not quotation.opened_at <= self.parse.idx[i] < quotation.outer_end
                   and self._is_cue(self.doc[i]) for i in self._reporting_within(sentence.start, sentence.end))

    def _reporting_within(self, start: int, end: int) -> list[int]:
        """The tokens from ``start`` to ``end`` (exclusive) that may be cues: no other is one."""
        return self.reporting[bisect.bisect_left(self.reporting, start):bisect.bisect_left(self.reporting, end)]

    def _is_cue(self, token: Token) -> bool:
        if token.i not in self.cues:
            self.cues[token.i] = is_cue(token, self.states[token.i])
        return self.cues[token.i]

    def _reports(self, token: Token) -> bool:
        """Whether a word reports: a speech verb, or a cue by the detector."""
        return token.lemma_.lower() in SPEECH or self._is_cue(token)

    def _cue_by_rule(self, token: Token) -> bool:
        """Cues the detector doubts that the text's shape makes sure of."""
        return (self._nested_cue(token) or self._reply_before_dash(token) or _tells_someone_that(token)
                or _by_saying(token) or _claim_that(token) or _called_in_relative(token) or _as_put_it(token)
                or _joined_with_quotation(token))

    def _inverted(self, verb: Token) -> tuple[tuple[int, int], Quoted] | None:
        """'Said Ellis: “…”', 'Added Rosa Kemp, a teacher, “…”': a speech verb opening its sentence
        before who speaks, which the small model reads as the start of a name ("Said" a proper
        noun compounded with "Ellis"). The speaker runs from after the verb to the colon or the
        quotation, and the quotation must follow; else "Said" is a name."""
        if verb.dep_ != "compound" or verb.head.i <= verb.i or verb.head.pos_ not in ("PROPN", "NOUN"):
            return None
        if not (verb.lower_ == "said" or (verb.pos_ == "VERB" and verb.lemma_.lower() in SPEECH)):
            return None
        sentence = self.sentences[verb.i]
        if any(not (t.is_punct or t.is_space) for t in self.doc[sentence.start:verb.i]):
            return None
        words = []
        for token in self.doc[verb.i + 1:sentence.end]:
            if token.text == ":" or token.is_quote or (token.text == "," and token.nbor(1).is_quote):
                # no verb of its own: "Said Hamdan, a driver, told the court: …" names him
                spoken = verb.head in words and not any(t.pos_ in ("VERB", "AUX") for t in words)
                speaker = _span_of(words) if spoken else None
                if speaker is None:
                    return None
                quotation = next((q for q in self._quotations_near(speaker[1], speaker[1] + 4)
                                  if q.depth == 0 and q.opened_at >= speaker[1]), None)
                return (speaker, quotation) if quotation is not None else None
            words.append(token)
        return None  # "Said Hamdan, a driver, was detained": a man named Said

    def _nested_cue(self, token: Token) -> bool:
        """“The mayor told me: ‘…’”: inside a quotation, a speech verb introducing an inner one;
        and “…,” Hale told the paper, however the parse hangs the verb: a speech verb right after
        the quotation it follows reports it."""
        if token.lemma_.lower() not in SPEECH or token.pos_ != "VERB":
            return False
        quotation = self._attached_quotation(token)
        if quotation is None:
            return False
        # the comma may stand inside an inner quotation that closes with the outer one (“… ‘That is absurd,’” he added)
        last = self.text[quotation.start:quotation.end].rstrip().rstrip("’'\"”»")[-1:]
        return self.states[token.i][0] or (
            quotation.outer_end <= token.idx and last in (",", "?", "!")
        ) or self._introduces_after_colon(token, quotation) or self._introduces_after_comma(token, quotation)

    def _reply_before_dash(self, verb: Token) -> bool:
        """'Salas replied within hours — his men had turned back': a speech verb whose clause ends on
        a dash gives what was said after it, however the parse hangs the two."""
        if verb.lemma_.lower() not in SPEECH or verb.pos_ != "VERB" or self.states[verb.i][0]:
            return False
        after = self.text[verb.idx:self.sentences[verb.i].end_char]
        if not any(dash in after for dash in _DASHES):
            return False
        kids = [c.dep_ for c in verb.children]
        if "nsubj" not in kids or any(dep in ("dobj", "ccomp", "xcomp") for dep in kids):
            return False  # "has said the same thing — …" said what it said before the dash
        end = self._clause(verb)[1]
        return self.text[end:end + 4].lstrip(" ,").startswith(_DASHES)

    def _introduces_after_colon(self, verb: Token, quotation: Quoted) -> bool:
        """'She said she had been told by an official: “…”': a speech verb whose own colon opens the
        quotation introduces it, however deep in someone's report the verb stands."""
        return quotation.opened_at > verb.idx and any(
            child.text == ":" and child.i > verb.i and not self.text[child.idx + 1:quotation.opened_at].strip()
            for child in verb.children)

    def _introduces_after_comma(self, verb: Token, quotation: Quoted) -> bool:
        """'footage of Marlow saying during the debate, “…”': a participle whose clause ends on the
        comma that opens the quotation introduces it, though it hangs on a noun."""
        if verb.tag_ != "VBG" or quotation.opened_at <= verb.idx:
            return False
        return self.text[self._clause(verb)[1]:quotation.opened_at].strip() == ","

    def _interrupted(self, verb: Token, first: Quoted) -> list[Quoted]:
        """“We will win,” she said, “and win big.”: the quotation on the cue's other side."""
        left, right = self._clause(verb)
        for quotation in self._quotations_near(left, right + 4):
            if quotation is first or quotation.depth != first.depth:
                continue
            gap = self.text[right:quotation.opened_at] if first.outer_end <= left else ""
            if quotation.opened_at >= right and len(gap) <= 3 and not gap.strip(" ,:—–-"):
                return [quotation]
        return []

    def _attached_quotation(self, verb: Token) -> Quoted | None:
        """The quotation this cue introduces or follows: “…,” she said / she said: “…”."""
        if verb.i not in self.attached:
            self.attached[verb.i] = self._find_attached(verb)
        return self.attached[verb.i]

    def _find_attached(self, verb: Token) -> Quoted | None:
        sentence = self.sentences[verb.i]
        sentence_start, sentence_end = sentence.start_char, sentence.end_char
        left, right = self._clause(verb)
        best = None
        for quotation in self._quotations_near(left, right):
            if (left - quotation.outer_end if quotation.outer_end <= left else quotation.opened_at - right) > 3:
                continue  # too far from the clause for its gap (below) to be short: the cheap test first
            if quotation.start <= verb.idx < quotation.end:
                continue  # the cue is inside it: it belongs to an inner quotation
            outer = quotation.parent
            if outer is not None and not outer.start <= verb.idx < outer.end:
                continue  # a nested quotation answers only cues inside its own outer quotation
            if self._title_like(quotation):
                continue  # "according to its annual report, “Reading the City”": a name, not words said
            gap = self.text[quotation.outer_end:left] if quotation.outer_end <= left else self.text[right:quotation.opened_at]
            if quotation.outer_end > left and quotation.opened_at < right:
                continue
            if len(gap) > 3 or "\n" in gap or gap.strip(" ,:—–-") or not (
                sentence_start - 2 <= quotation.opened_at <= sentence_end + 2
                or sentence_start - 2 <= quotation.outer_end <= sentence_end + 2
            ):
                continue
            # The quotation before the cue comes first; one after it may be its other half.
            before = quotation.outer_end <= left
            if before and (self._says_more(verb, quotation) or self._inside_earlier(quotation, sentence_start)
                           or self._ends_sentence_before(quotation, sentence_start)):
                continue
            if best is None or (before and (best.outer_end > left or quotation.opened_at > best.opened_at)):
                best = quotation
        return best

    def _ends_sentence_before(self, quotation: Quoted, sentence_start: int) -> bool:
        """“They thought we'd fold. We didn't.” The crowd chanted “…”: a quotation closed on a full
        stop before the cue's sentence began is no “…,” the crowd chanted (but a name signing it
        after a dash is: “….” ― Carla Ruiz)."""
        return (quotation.opened_at < sentence_start and self.text[quotation.start:quotation.end].rstrip().endswith(".")
                and not self.text[quotation.outer_end:sentence_start + 2].lstrip(" .").startswith(_FRAMING_DASHES))

    def _only_a_title(self, spans: tuple[tuple[int, int], ...]) -> bool:
        """A reading that is nothing but a quoted title: what is named, not what is said."""
        if len(spans) != 1 or self.text[spans[0][0]] not in "“\"‘'«„":
            return False
        start, end = spans[0]
        words = self.text[start:end].strip(" .,;:!?")
        return any(q.opened_at == start and q.outer_end == start + len(words) and self._title_like(q)
                   for q in self._quotations_near(start, end))

    def _title_like(self, quotation: Quoted) -> bool:
        """Two to eight capitalised words with no stop of their own: a title, like “Reading the City”.
        The comma of the sentence around it may stand inside the marks (on “Face the Nation,” she
        said), and so may its full stop where a preposition or a possessive names it (said on Fox
        News’s “Fox and Friends.”); a subhead that is its own paragraph may end in a full stop ('All
        Bets Are Off.'). Asked of each quotation by the cues near it and again when it is left
        unclaimed: answered once."""
        if id(quotation) not in self.titles:
            words = self.text[quotation.start:quotation.end].split()
            if words and (words[-1].endswith(",") or words[-1].endswith(".") and (
                    self._alone(quotation) or self._named_after(quotation))):
                words[-1] = words[-1][:-1]
            self.titles[id(quotation)] = title_words(words)
        return self.titles[id(quotation)]

    def _inside_earlier(self, quotation: Quoted, sentence_start: int) -> bool:
        """'… said the delay was “regrettable.” Asked whether …, he said:': a quotation opened inside
        an earlier sentence is that sentence's, not the next cue's."""
        if quotation.opened_at >= sentence_start - 2:
            return False
        if self.text[quotation.start:quotation.end].rstrip().endswith(","):
            return False  # 'The agency ''only requires …. By requiring …,'' the report says': the comma hands it on
        before = self.text[self._paragraph_start(quotation.opened_at):quotation.opened_at].rstrip()
        return bool(before) and before[-1] not in ".!?:—–-"

    def _says_more(self, verb: Token, quotation: Quoted) -> bool:
        """“… for him.” She says it shows that …: a cue after a quotation that ended its sentence,
        with words of its own to report, does not take that quotation."""
        ended = self.text[quotation.start:quotation.end].rstrip()[-1:] in (".", "!", "?")
        return ended and any(child.dep_ == "ccomp" and child.i > verb.i and not self.states[child.i][0]
                             for child in verb.children)

    def _clause(self, verb: Token) -> tuple[int, int]:
        """Where the cue's attribution clause (``_clause_ends``) starts and ends in the text."""
        bounds = self.clauses.get(verb.i)
        if bounds is None:
            first, last = self._clause_ends(verb.i)
            bounds = self.clauses[verb.i] = (self.parse.idx[first], self.parse.ends[last])
        return bounds

    def _clause_ends(self, verb: int) -> tuple[int, int]:
        """The first and last token of the attribution clause around the cue ``verb``: the cue, its
        subject, aux and adverbials; not its content, and not a quotation parsed as its object
        (“Both,” Tell replied). By index: the clause is asked of every word that may be a cue."""
        parse = self.parse
        first = last = verb
        home = self._innermost(parse.idx[verb])
        children = parse.children(verb)
        for child in children:
            if parse.deps[child] in ("ccomp", "xcomp", "punct", "parataxis") or self._innermost(parse.idx[child]) is not home \
                    or self._marks_of_quotation(parse.idx[child], home):
                continue
            subtree = [t for t in parse.subtree(child) if not parse.is_space[t]]  # a paragraph break ends any clause
            if child < verb and self._quotation_between(parse.ends[subtree[-1]], parse.idx[verb]):
                continue  # 'Then “never,” she said': the narrative before the quotation is not its attribution
            if subtree:
                first, last = min(first, min(subtree)), max(last, max(subtree))
        if not any(parse.deps[c] in ("nsubj", "nsubjpass") and self._innermost(parse.idx[c]) is home for c in children):
            # '“…,” Chief Jordan said', the parse's subject lost, or found in a quoted title after the
            # cue ('said on “Fox and Friends.”')
            first = min(first, candidates.names_start(self.doc[verb]))
        return first, last

    def _marks_of_quotation(self, offset: int, home: Quoted | None) -> bool:
        """Whether ``offset`` is at a quotation's own marks: '«Nous restons ici», a picket told': the
        parse may hang the words on their closing mark, and make that the verb's subject."""
        return any(q is not home and q.opened_at <= offset < q.outer_end and not q.start <= offset < q.end
                   for q in self._quotations_near(offset, offset))

    def _quotation_between(self, start: int, end: int) -> bool:
        low, high = bisect.bisect_left(self.starts, start), bisect.bisect_right(self.starts, end)
        return any(start <= q.opened_at and q.outer_end <= end for q in self.quotations[low:high])

    def _innermost(self, offset: int) -> Quoted | None:
        """The deepest quotation holding ``offset``. Asked of a cue's offset, its children's and its
        readings' starts, most of them many times over: answered once each."""
        if offset not in self.innermost:
            low, high = self._near(offset, offset)
            found, deepest = None, -1
            for n in range(low, high):
                start, end, depth = self.extents[n]
                if start <= offset < end and depth > deepest:  # the first of the deepest, as max() takes
                    found, deepest = self.quotations[n], depth
            self.innermost[offset] = found
        return self.innermost[offset]

    def _quoted(self, offset: int) -> bool:
        return self._innermost(offset) is not None

    def _quotations_near(self, left: int, right: int) -> list[Quoted]:
        low, high = self._near(left, right)
        return self.quotations[low:high]

    def _near(self, left: int, right: int) -> tuple[int, int]:
        """Where the quotations that may reach from ``left`` to ``right`` lie in ``quotations``."""
        return bisect.bisect_left(self.starts, left - 3000), bisect.bisect_right(self.starts, right + 10)

    def _quotations_within(self, spans: list[tuple[int, int]]) -> list[Quoted]:
        """The outermost quotations lying wholly inside ``spans``."""
        def inside(q: Quoted, start: int, end: int) -> bool:
            # The span may stop short of the closing mark by the punctuation before it ('"too little,"').
            return _takes_in_opening(start, q) and (q.outer_end <= end + 1 or (
                q.start < end and not self.text[end:q.outer_end].strip(_CLOSING)))

        return [q for start, end in spans for q in self._quotations_near(start, end)
                if inside(q, start, end) and (q.parent is None or not inside(q.parent, start, end))]

    def _cue_span(self, cue: Token) -> list[tuple[int, int]]:
        first, last = cue_bounds(cue)
        return [(self.parse.idx[first], self.parse.ends[last])]

    def _speaker(self, cue: Token) -> tuple[int, int] | None:
        offered = candidates.speakers(cue, self.text)
        # '“…: We will get justice,” Chief Jordan said': the parse may find the subject inside the
        # quotation the cue reports; the quoted words never say who says them.
        home = self._innermost(cue.idx)
        # (a quoted title is a name: '“Salt and Iron”, directed by Luka Marsh, questions the findings')
        outside = [c for c in offered if (inner := self._innermost(c.spans[0][0])) in (None, home)
                   or c.spans[0][1] <= cue.idx and self._title_like(inner)]
        if len(outside) < len(offered):
            offered = outside or candidates.speakers(cue, self.text, subjectless=True)
        # Most subjects offer one stretch of words however they are read ("she"): nothing to rank.
        same = bool(offered) and all(c.spans == offered[0].spans for c in offered)
        chosen = offered[0] if same else ranker.best("speaker", cue, offered, self.doc, self.text, self.sentences[cue.i])
        if chosen is None:
            return self._approached_speakers(cue)
        start, end = chosen.spans[0]
        if (title := self._innermost(start)) is not None and title is not home and end > title.outer_end:
            start = title.opened_at  # '“Salt and Iron”, directed by …': the title with its marks
        glossed = self._glossed_name(start)
        if glossed is not None:
            return glossed
        # '“…,” said Tove Arneson, the union's secretary, “we are …”': the parse may hang the rest of
        # the quotation on the speaker; who speaks ends where the quoted words begin.
        opened = [q.opened_at for q in self._quotations_near(start, end)
                  if start < q.opened_at < end and self._is_statement(q)]  # not a nickname (“the Admiral”)
        if opened:
            return trimmed(self.text, start, min(opened))
        if (close := _BRACKET_CLOSE.match(self.text, end)) and self.text.count("(", start, end) > self.text.count(")", start, end):
            return start, close.end()  # "Sen. Ana Ruiz (D-Mo.)": the parse hung the bracket on the verb
        return start, end

    def _glossed_name(self, start: int) -> tuple[int, int] | None:
        """'Annie [a diminutive of “Ana”] has said': a speaker the parse found inside an editor's
        gloss is the name the gloss explains, right before its bracket."""
        paragraph = self._paragraph_start(start)
        bracket = self.text.rfind("[", paragraph, start)
        if bracket < 0 or "]" in self.text[bracket:start]:
            return None
        named = self._token_at(paragraph + len(self.text[paragraph:bracket].rstrip()) - 1)
        return _span_of(noun_phrase(named)) if named is not None and named.pos_ in ("PROPN", "NOUN", "PRON") else None

    def _approached_speakers(self, cue: Token) -> tuple[int, int] | None:
        """'Residents interviewed on Saturday said …', which the small model parses as a clause of
        its own under "said": the subject with its participle are who spoke."""
        described = next((c for c in cue.lefts if c.dep_ == "ccomp" and _describes_speakers(c) is not None), None)
        if described is None:
            return None
        subject = next(c for c in described.children if c.dep_ == "nsubj")
        return trimmed(self.text, subject.left_edge.idx, end_of(described.right_edge))

    def _addressee(self, verb: Token, lemma: str) -> tuple[int, int] | None:
        for child in verb.children:
            if lemma in ADDRESSING and child.dep_ in ("dobj", "dative", "iobj") and _can_be_spoken_to(child):
                return _span_of(noun_phrase(child))
            if lemma in ADDRESSING and child.dep_ == "nsubjpass" and _can_be_spoken_to(child):
                return _span_of(noun_phrase(child))  # "she had been told by an official": she was spoken to
            if child.dep_ in ("prep", "dative") and child.lower_ == "to" and lemma in SPEECH:
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects and _can_be_spoken_to(objects[0]):
                    return _span_of(noun_phrase(objects[0]))
        for child in verb.children:
            # "In an interview with the Gazette, she said"; "Speaking to students, the president warned"
            spoken_to = _interviewer(child) if child.dep_ == "prep" else _spoken_to(child) if child.dep_ == "advcl" else None
            if spoken_to is None and child.dep_ in _SUBJECTS:
                # "Olsen, speaking to reporters, said"
                spoken_to = next(filter(None, (_spoken_to(c) for c in child.rights if c.dep_ == "acl")), None)
            if spoken_to is not None and lemma in SPEECH:
                return _span_of(noun_phrase(spoken_to))
        if verb.dep_ == "conj" and verb.head.lemma_ in _CONTACTING and lemma in SPEECH and not any(
                c.dep_ == "oprd" for c in verb.head.children):  # not "called the march “a stab in the back”"
            # "He rang me at eleven and said: ‘…’": the one rung is the one spoken to.
            called = next((c for c in verb.head.children if c.dep_ in ("dobj", "dative")), None)
            if called is not None and _can_be_spoken_to(called):
                return _span_of(noun_phrase(called))
        if lemma in SPEECH and (asker := _asked_by(verb)) is not None:
            return _span_of(noun_phrase(asker))  # "Asked by reporters if …, Benes said": he answers them
        clause = candidates.participle_clause(verb) if lemma in ADDRESSING else None
        if clause is not None:
            # "Asked about the strike, Olsen said …": the one asked is the subject of the main verb.
            subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if subject is not None and _can_be_spoken_to(subject):
                return _span_of(noun_phrase(subject))
        return None

    # -- what no cue claimed ---------------------------------------------------------------
    def _unclaimed(self, drafts: list[_Draft]) -> list[_Draft]:
        by_start = sorted(drafts, key=lambda d: d.content[0][0])
        # Words quoted inside what someone is reported to say are theirs, not the reporter's term:
        # 'called the outcome “expensive but fair”', '“Three weeks,” he said.'
        reported = [span for d in drafts if d.kind != "indirect" for span in d.content]
        for quotation in self.quotations:
            headline = self._headline_speaker(quotation)
            statement = headline is not None or self._is_statement(quotation)
            if not statement and (self._named(quotation) or self._title_like(quotation) or self._bracketed(quotation)
                                  or not any(s < quotation.end and quotation.start < e for s, e in reported)):
                self.terms.append(self._term(quotation))
                continue
            if id(quotation) in self.claimed or quotation.parent is not None or not statement:
                continue
            draft = _Draft("direct", list(quotation.spans), quotations=[quotation])
            draft.speaker = headline
            # 'Her neighbour was more hopeful: “…”': a clause of someone's own that a colon or dash
            # ends introduces a new speaker, before any quote earlier in the paragraph goes on.
            introduced = self._introduced(quotation)
            if draft.speaker is None and introduced:
                self._dash_name(draft, quotation) or self._colon_speaker(draft, quotation)
            previous = _previous_direct(by_start, quotation, self.text) if draft.speaker is None else None
            if previous is not None:
                previous.content += quotation.spans
                previous.quotations.append(quotation)
                if previous.kind == "indirect":
                    previous.kind = "mixed"
            else:
                if draft.speaker is None and not introduced:
                    self._dash_name(draft, quotation)
                if draft.speaker is None:
                    self._answer(by_start, quotation, draft)
                if draft.speaker is None:
                    draft.speaker = self._echoed_speaker(by_start, quotation)
                if draft.speaker is None:
                    draft.speaker, draft.addressee = self._carried_speaker(by_start, quotation)
                if draft.speaker is None:
                    draft.speaker = self._reporter_before(by_start, quotation)
                if draft.speaker is None:
                    draft.speaker = self._person_before(quotation)
                by_start.append(draft)
                by_start.sort(key=lambda d: d.content[0][0])
            self.claimed.add(id(quotation))
        # A subheading before the words it repeats: who says them is known only now.
        for draft in by_start:
            if draft.speaker is None and draft.verb is None and draft.kind == "direct" and draft.quotations:
                draft.speaker = self._echoed_speaker([d for d in by_start if d is not draft], draft.quotations[0])
        return by_start

    def _answer(self, drafts: list[_Draft], quotation: Quoted, draft: _Draft) -> None:
        """"When I ask whether she will stand again, she laughs. / “Are you asking as a journalist?”":
        a quotation opening the paragraph after a reported question, with none between, is the answer
        of the one asked (named as addressee, or the subject the paragraph ends on), put to the asker;
        the conversation then alternates from there (``_carried_speaker``)."""
        start = self._paragraph_start(quotation.opened_at)
        if start < 2 or self.text[start:quotation.opened_at].strip():
            return
        before = self._paragraph_start(start - 2)
        if any(before <= d.content[-1][1] < start for d in drafts if d.kind != "indirect"):
            return  # the paragraph before has quotes of its own: a conversation already under way
        asking = [d for d in drafts if before <= d.content[0][0] < start and d.kind == "indirect" and d.verb is not None
                  and d.verb.lemma_ in ASKING and d.speaker]
        if not asking:
            return
        question = asking[-1]
        answerer = question.addressee or self._asked_about(question)
        if answerer is None:
            last = self.sentences[self._token_at(start - 2).i] if self._token_at(start - 2) is not None else None
            subject = next((c for c in last.root.children if c.dep_ == "nsubj"), None) if last is not None else None
            if subject is not None and _is_someone(subject):
                answerer = _span_of(noun_phrase(subject))
        asker = question.speaker
        if answerer is None or self.text[slice(*answerer)].lower() == self.text[slice(*asker)].lower():
            return
        draft.speaker, draft.addressee = answerer, asker

    def _asked_about(self, question: _Draft) -> tuple[int, int] | None:
        """"I asked whether he blamed the owners": with no one named as asked, the person the question
        is about is the one it was put to."""
        clause = next((c for c in question.verb.children if c.dep_ == "ccomp"), None)
        subject = subject_of(clause) if clause is not None else None
        if subject is None or not _is_someone(subject) or subject.lower_ in _FIRST_PERSON:
            return None
        return _span_of(noun_phrase(subject))

    def _carried_speaker(self, drafts: list[_Draft], quotation: Quoted) -> tuple[tuple[int, int] | None, tuple[int, int] | None]:
        """Who says a quotation that opens a paragraph with no attribution, and to whom: the one a
        question just before was put to, answering the asker; in a conversation (turns in
        consecutive paragraphs, the last two by different people) the one two turns back, to the one
        who spoke last; otherwise whoever ended the paragraph before, to the same listener."""
        start = self._paragraph_start(quotation.opened_at)
        if self.text[start:quotation.opened_at].strip():
            return None, None
        turns: list[_Draft] = []  # the quotes ending each of the paragraphs just before, latest first
        paragraph = start
        writer_asks = False  # 'I asked … / “Blame is a big word.” / And the union? / “…”'
        while paragraph > 0 and len(turns) < 2:
            previous = self._paragraph_start(paragraph - 2)
            ending = [d for d in drafts if previous <= d.content[-1][1] < paragraph and (
                d.kind in ("direct", "mixed") or _gives_an_account(d))]
            if not ending and not turns and not writer_asks and self._writers_question(previous, paragraph):
                writer_asks, paragraph = True, previous
                continue
            if not ending:
                break
            turns.append(max(ending, key=lambda d: d.content[-1][1]))
            paragraph = previous
        last = (turns[0].speaker, turns[0].addressee) if turns and turns[0].speaker else (None, None)
        if writer_asks:  # the one who answered the writer before answers again
            return last
        bare_turn = bool(turns) and not self.text[self._paragraph_start(turns[0].content[0][0]):turns[0].content[0][0]].strip(
            " “\"'‘«")
        asked = turns[0].addressee if turns and turns[0].kind == "direct" else None
        if bare_turn and asked and self._asks(turns[0]):
            return asked, turns[0].speaker  # “Are you afraid?” a reporter asked Vorn. / “No.”: Vorn answers
        if len(turns) == 2 and turns[0].speaker and turns[1].speaker and _said_by(
                self.text, turns[0]) != _said_by(self.text, turns[1]) and (
                bare_turn or turns[0].verb is None and self._asks(turns[1])):
            # also after an answer no cue attributes: '“How do we pay?” / Mertens shook her head.
            # “We don't know.” / “Then why are we here?”' is the asker's again (but after '…,” she
            # said.' a new paragraph goes on with her)
            return turns[1].speaker, turns[0].speaker
        asker = self._asker_answered(drafts, turns[0]) if turns and turns[0].speaker else None
        if asker is not None:
            return asker, turns[0].speaker  # 'A reporter asked Barros …. “Not this week,” she replied. / “And next week?”'
        return last

    def _asks(self, draft: _Draft) -> bool:
        """Whether the draft's words end on a question mark (inside their closing mark, if any)."""
        end = draft.content[-1][1]
        return self.text[max(0, end - 4):end].rstrip(" ”\"'’»").endswith("?")

    def _writers_question(self, start: int, end: int) -> bool:
        """A short paragraph that is a question in the writer's own words, in no quotation marks."""
        words = self.text[start:end].strip()
        return words.endswith("?") and len(words.split()) <= 12 and not any(c in _QUOTE_CHARS for c in words)

    def _answers_put_to_askers(self, drafts: list[_Draft]) -> None:
        """'“Is that a promise?” the Gazette asked. / “It is,” she said.': a quotation opening the
        paragraph after a quoted question, said by someone else, answers the asker, and the question
        was put to whoever answers it."""
        # posts signed after a dash ("…?” ― Jacklyn Ashley) are set side by side, not in conversation
        turns = sorted((d for d in drafts if d.kind == "direct" and d.speaker and not (
            d.cue and self.text[slice(*d.cue[0])].strip() in _FRAMING_DASHES)), key=lambda d: d.content[0][0])
        for question, answer in itertools.pairwise(turns):
            end = question.quotations[-1].outer_end if question.quotations else question.content[-1][1]
            between = self.text[end:answer.content[0][0]]
            # the answer opens the very next paragraph: no narrative comes between (a rhetorical
            # question, then "Heinrich Lund … warned …", then his quotation, answers nothing)
            later_lines = between.split("\n")[1:]
            if self.text[question.content[-1][1] - 1] == "?" \
                    and later_lines and not any(line.strip(" “\"‘'«") for line in later_lines) \
                    and _said_by(self.text, question) != _said_by(self.text, answer):
                answer.addressee = answer.addressee or question.speaker
                question.addressee = question.addressee or answer.speaker

    def _asker_answered(self, drafts: list[_Draft], answer: _Draft) -> tuple[int, int] | None:
        """Who put the question that ``answer`` replies to in its own paragraph, where someone asks
        someone else: the conversation's next bare turn is theirs."""
        start = self._paragraph_start(answer.content[0][0])
        asking = [d for d in drafts if start <= d.content[0][0] < answer.content[0][0] and d.verb is not None
                  and d.verb.lemma_ in ASKING and d.speaker and d.addressee]
        if not asking or self.text[slice(*asking[-1].speaker)].lower() == self.text[slice(*answer.speaker)].lower():
            return None
        return asking[-1].speaker

    def _echoed_speaker(self, drafts: list[_Draft], quotation: Quoted) -> tuple[int, int] | None:
        """A pull quote or subheading (‘The only warm room on the estate’) repeats words that someone
        says elsewhere in the article: that someone said it."""
        words = _folded(self.text[quotation.start:quotation.end])
        if len(words) < 12:
            return None
        # A turn of a conversation may repeat the one just before (“Not even a little?” / “Not even
        # a little.”): that is a reply, not a pull quote.
        start = self._paragraph_start(quotation.opened_at)
        turn = self._paragraph_start(start - 2) if start >= 2 else start
        for draft in drafts:
            if turn <= draft.content[-1][1] < start:
                continue
            if draft.speaker and words in _folded(" ".join(self.text[s:e] for s, e in draft.content)):
                return draft.speaker
        return None

    def _reporter_before(self, drafts: list[_Draft], quotation: Quoted) -> tuple[int, int] | None:
        """"The mayor disagreed. “Some people want it.”": a quotation opening a sentence inside a
        paragraph (not the paragraph itself) is said by whoever the sentence before reports."""
        start = self._paragraph_start(quotation.opened_at)
        if not self._opens_sentence(quotation) or not self.text[start:quotation.opened_at].strip():
            return None
        before = [d for d in drafts if d.verb is not None and (d.speaker or _put_to(d)) and d.content[-1][1] <= quotation.opened_at
                  and not self.text[self.sentences[d.verb.i].end_char:quotation.opened_at].strip()]
        if not before:
            return None
        last = max(before, key=lambda d: d.content[-1][1])
        # "Asked about the comment, Vik laughed. “Hostage? …”": the one asked answers.
        return _put_to(last) or last.speaker

    def _person_before(self, quotation: Quoted) -> tuple[int, int] | None:
        """'Mertens shook her head. “We don't know yet.”', 'One grower, Piet Aalders, stood up. /
        “How are we supposed to pay the bank?”': a quotation that opens a sentence right after one
        of narrative about a person (its subject a name, or "he" or "she"), in its paragraph or
        ending the one before, which has no quotation of its own, is that person's."""
        if not self._opens_sentence(quotation):
            start = self._paragraph_start(quotation.opened_at)
            if start < 2 or self.text[start:quotation.opened_at].strip():
                return None
            before = self._paragraph_start(start - 2)
            if any(c in _QUOTE_CHARS for c in self.text[before:start]):
                return None
        last = self._token_at(_last_before(self.text, quotation.opened_at))
        if last is None:
            return None
        sentence = self.sentences[last.i]
        if any(c in _QUOTE_CHARS for c in self.text[sentence.start_char:quotation.opened_at]):
            return None
        subject = next((c for c in sentence.root.children if c.dep_ == "nsubj"), None)
        if subject is None or not (subject.lower_ in ("he", "she") or any(
                self._a_persons_name(t) for t in (subject, *(c for c in subject.children if c.dep_ == "appos")))):
            return None
        return _span_of(noun_phrase(subject) + [t for c in subject.children if c.dep_ == "appos" for t in c.subtree])

    def _a_persons_name(self, token: Token) -> bool:
        """Whether the token is part of a person's name: tagged so, or a mention of a person the
        entities stage found (where the model left a bare surname untagged)."""
        if token.ent_type_ == "PERSON":
            return True
        clusters = self.doc.user_data.get(USER_DATA_KEY) or []
        return token.pos_ == "PROPN" and any(c.type == "PERSON" and any(m.start <= token.idx < m.end for m in c.mentions)
                                             for c in clusters)

    def _paragraph_start(self, offset: int) -> int:
        return self.text.rfind("\n", 0, max(0, offset)) + 1

    def _is_statement(self, quotation: Quoted) -> bool:
        if self._title_like(quotation):
            return False
        inner = self.text[quotation.start:quotation.end]
        words = inner.split()
        if self._alone(quotation):
            return True  # a paragraph that is a quotation: a statement, even "Both."
        if len(words) >= 6:
            return True
        # 'a film called “Salt and Iron.”': what the words before the mark name is no statement.
        # Guillemets and „…“ put the stop after the closing mark: «We are not staying».
        stop = inner.rstrip()[-1:]
        if self.text[quotation.opened_at] in "«„‹" and quotation.closed_at is not None:
            stop += self.text[quotation.outer_end:quotation.outer_end + 1]
        if len(words) < 3 and not (any(c in ".!?" for c in stop) and self._introduced(quotation, _FRAMING_DASHES)):
            return False  # but 'was blunt — “Not yet.”': a reply a dash gives, however short
        # A comma inside the marks ends an utterance (“We stay,” she said), not a lower-case phrase
        # of the reporter's sentence that its comma follows (rated “false” or “pants on fire,” …).
        ends = ".!?," if inner[:1].isupper() else ".!?"
        return any(c in ends for c in stop) and self._named(quotation) is None

    def _introduced(self, quotation: Quoted, by: tuple[str, ...] | None = None) -> bool:
        """Whether the words before the quotation's opening mark end on ``by``: a colon or a dash."""
        return self.text[:quotation.opened_at].rstrip().endswith(by or (":", *_FRAMING_DASHES))

    def _named_after(self, quotation: Quoted) -> bool:
        """Whether a preposition or a possessive stands right before the quotation, but for a year:
        'on “…”', 'News’s “…”', 'his 1994 “…”'."""
        words = self.text[max(0, quotation.opened_at - 20):quotation.opened_at].split()
        while words and words[-1].isdigit():
            words.pop()
        word = words[-1].lower() if words else ""
        return word in TITLE_SMALL_WORDS or word in _POSSESSIVES or word.endswith(("’s", "'s"))

    def _alone(self, quotation: Quoted) -> bool:
        """The quotation is its paragraph (but for a full stop after the closing mark)."""
        if self.text[self._paragraph_start(quotation.opened_at):quotation.opened_at].strip():
            return False
        return quotation.closed_at is None or not self.text[quotation.outer_end:self._lineend_of(quotation)].strip(" .")

    def _lineend_of(self, quotation: Quoted) -> int:
        end = self.text.find("\n", quotation.outer_end)
        return len(self.text) if end < 0 else end

    def _bracketed(self, quotation: Quoted) -> bool:
        """'Annie [a diminutive of “Ana”]': quoted inside an editor's brackets, not the speaker's words."""
        line = self.text[self._paragraph_start(quotation.opened_at):quotation.opened_at]
        return line.rfind("[") > line.rfind("]")

    def _named(self, quotation: Quoted) -> str | None:
        """"term" or "scare" when the words before the mark name what is quoted ("known as",
        "so-called"), whoever's words it stands in; otherwise None."""
        before = self.text[max(0, quotation.opened_at - 40):quotation.opened_at].lower().split()
        last = before[-1] if before else ""
        # "known as", and "known to his members as", "referred to as", "better known as".
        naming = last == "as" and any(word in ("known", "referred", "dubbed", "called") for word in before[-6:-1])
        if last in _TERM_CUES and self._someone_calls(quotation):
            return None  # 'a decision the union called “reckless”': the union's word for it
        if last in _TERM_CUES or naming or " ".join(before[-2:]) == "referred to":
            return "term" if last != "so-called" else "scare"
        return None

    def _someone_calls(self, quotation: Quoted) -> bool:
        """Whether the verb right before the quotation is someone calling the thing it ("a decision
        the union called “reckless”"), not naming it ("a film called “Salt and Iron”")."""
        verb = self._token_at(_last_before(self.text, quotation.opened_at))
        return verb is not None and _called_in_relative(verb) and _lower_initial(self.text, quotation.start)

    def _term(self, quotation: Quoted) -> Term:
        spans = list(quotation.spans)
        start, end = spans[-1]
        # The sentence's comma inside the marks ('known as "the Owl," declined') is never the term's,
        # nor is its stop ('a film called “Salt and Iron.”', 'only ever “the fix.”') but in an
        # abbreviation ("Acme Inc.", "the U.S.").
        if self.text[end - 1] in ",;:" or self.text[end - 1] == "." and not _abbreviated(self.text[start:end - 1]):
            spans[-1] = (start, end - 1)
        return Term(text=self.text[spans[0][0]:spans[-1][1]], spans=spans, kind=self._term_kind(quotation))

    def _term_kind(self, quotation: Quoted) -> str:
        named = self._named(quotation)
        if named:
            return named
        before = self.text[max(0, quotation.opened_at - 40):quotation.opened_at].lower().split()
        last = before[-1] if before else ""
        inner = self.text[quotation.start:quotation.end]
        capitalised = [w for w in inner.split() if w[:1].isupper()]
        mostly_capitalised = len(capitalised) >= max(2, len(inner.split()) - 1) and not inner.endswith(".")
        if last in _TITLE_CUES or self._title_like(quotation) or mostly_capitalised:
            return "title"
        if last in _TERM_WORDS:
            return "term"  # 'the term “zero-based budgeting”': a term mentioned, not doubted
        return "scare"

    def _headline_speaker(self, quotation: Quoted) -> tuple[int, int] | None:
        """"Strand: ‘I will not withdraw’": a line that opens with a name and a colon, then the quotation."""
        match = _NAME_COLON.fullmatch(self.text, self._paragraph_start(quotation.opened_at), quotation.opened_at)
        return match.span("name") if match else None

    def _dash_name(self, draft: _Draft, quotation: Quoted) -> bool:
        """“…” ― Sonya Herridge: a pull quote or a reader's post signed after a dash, no verb."""
        match = _DASH_NAME.match(self.text, quotation.outer_end)
        if match is None:
            return False
        draft.cue = [match.span("dash")]
        draft.speaker = match.span("name")
        return True

    def _colon_speaker(self, draft: _Draft, quotation: Quoted) -> None:
        """A quotation after "She described the session as follows:" takes that sentence's cue."""
        before = self.text[:quotation.opened_at].rstrip()
        if before.endswith(_DASHES):
            self._reply_after_dash(draft, before)
            return
        token = self._token_at(len(before) - 1) if before.endswith(":") else None
        if token is None:
            return
        sentence = self.sentences[token.i]
        self._cue_before_colon(draft, sentence, token.idx)
        root = sentence.root
        subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
        if draft.speaker is None and subject is not None and _is_someone(subject):
            draft.speaker = self._speaker(root)  # "Lund was blunter: “…”": no speech word, but someone

    def _reply_after_dash(self, draft: _Draft, before: str) -> None:
        """'Asked whether he would withdraw, the militia chief was brief — “We are going home.”': a
        quotation after a dash that ends someone's clause is theirs, with no speech word. Only a
        clause in the quotation's paragraph, and only a person as its subject, or a statement of
        someone's ("The militia's statement was brief — “…”")."""
        token = self._token_at(len(before.rstrip("—–-").rstrip()) - 1)
        if token is None or "\n" in self.text[token.idx:len(before)]:
            return
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if verb.idx < len(before) and subject is not None and subject.idx < verb.idx and _is_someone(subject):
            draft.speaker = self._speaker(verb)
        elif subject is not None and subject.idx < verb.idx < len(before) and subject.lemma_.lower() in NOUNS:
            draft.speaker = self._possessor(subject)

    def _token_at(self, offset: int) -> Token | None:
        span = self.doc.char_span(offset, offset + 1, alignment_mode="expand")
        return span[0] if span is not None and len(span) else None

    # -- block quotations ------------------------------------------------------------------
    def _block_quotes(self, drafts: list[_Draft]) -> list[_Draft]:
        found = []
        for match in re.finditer(r":[ \t]*\n+(?=[^\n“\"‘'«„])([^\n]+)", self.text):
            colon = match.start()
            paragraph = match.span(1)
            if any(q.opened_at < paragraph[1] and q.outer_end > paragraph[0] and q.depth == 0
                   and (q.end - q.start) > 0.8 * (paragraph[1] - paragraph[0]) for q in self.quotations):
                continue
            token = self._token_at(colon)
            if token is None:
                continue
            draft = _Draft("block", [trimmed(self.text, *paragraph), *self._block_goes_on(paragraph[1])])
            self._cue_before_colon(draft, self.sentences[token.i], colon)
            if draft.cue:
                found.append(draft)
        return found

    def _block_goes_on(self, end: int) -> list[tuple[int, int]]:
        """The paragraphs right after a block quotation's first that carry on its statement."""
        spans = []
        for match in _PARAGRAPH.finditer(self.text, end):
            if match.start() != end or not self._carries_statement(*match.span("words")):
                break
            spans.append(trimmed(self.text, *match.span("words")))
            end = match.end("words")
        return [span for span in spans if span]

    def _carries_statement(self, start: int, end: int) -> bool:
        """A paragraph without marks, in the statement's first person ("We ask members to stay
        calm."), reporting no one else ("The mayor said …") and introducing no block of its own."""
        words = self.text[start:end]
        if _QUOTE_MARK.search(words) or words.rstrip().endswith(":"):
            return False
        span = self.doc.char_span(start, end, alignment_mode="contract")
        if span is None or not any(t.lower_ in _FIRST_PERSON for t in span):
            return False
        return not any(t.lemma_ in SPEECH and t.pos_ == "VERB" and any(
            c.dep_ == "nsubj" and c.lower_ not in _FIRST_PERSON for c in t.children) for t in span)

    def _headline_statements(self, drafts: list[_Draft]) -> list[_Draft]:
        """"Lund: Ferries won't run on Sunday": a line that opens with a named speaker and a
        colon states what they said, in the paper's words (a quotation alone is left to
        ``_headline_speaker``; "Poll:", "Update:" name no one)."""
        found = []
        taken = [span for d in drafts for span in d.content]
        for match in _HEADLINE.finditer(self.text):
            name, rest = match.span("name"), trimmed(self.text, *match.span("rest"))
            token = self._token_at(name[0])
            if rest is None or token is None or not (token.ent_type_ in _SPEAKING_ENTITIES or (
                    token.pos_ == "PROPN" and self.text[slice(*name)].lower() not in _HEADLINE_LABELS)):
                continue
            if any(start < rest[1] and rest[0] < end for start, end in taken):
                continue
            quotations = self._quotations_within([rest])
            if len(quotations) == 1 and not self.text[rest[0]:rest[1]].replace(
                    self.text[quotations[0].opened_at:quotations[0].outer_end], "").strip(" .!?"):
                continue
            for quotation in quotations:
                self.claimed.add(id(quotation))
            found.append(_Draft("mixed" if quotations else "indirect", [rest], speaker=name, quotations=quotations))
        return found

    def _cue_before_colon(self, draft: _Draft, sentence: Span, colon: int) -> None:
        """The cue of the sentence that a colon ends ("as the union put it in its statement:"), its
        speaker the cue's subject, the statement's owner, or the sentence's subject. The parse may
        run the sentence on past the colon into what was said: only words before it count."""
        for token in reversed([t for t in sentence if t.idx < colon]):
            lemma = token.lemma_.lower()
            if (token.pos_ == "VERB" and lemma in _COLON_VERBS) or (
                    token.pos_ == "NOUN" and lemma in NOUNS):
                verb = token if token.pos_ == "VERB" else _governing_verb(token)
                if verb is not None and verb.lemma_.lower() in _COLON_VERBS:
                    token = verb  # "put its position in a letter to members:" — the verb is the cue
                draft.cue = self._cue_span(token)
                draft.speaker = ((self._speaker(verb) if verb is not None else None) or self._possessor(token)
                                 or self._sentence_subject(sentence))
                draft.verb = verb
                if verb is not None and draft.addressee is None:
                    draft.addressee = self._addressee(verb, verb.lemma_.lower())  # "telling a radio host:"
                return

    def _possessor(self, noun: Token) -> tuple[int, int] | None:
        owner = next((child for child in noun.children if child.dep_ == "poss"), None)
        return _span_of(noun_phrase(owner)) if owner is not None else None

    def _sentence_subject(self, sentence: Span) -> tuple[int, int] | None:
        subject = next((token for token in sentence if token.dep_ in _SUBJECTS), None)
        return _span_of(noun_phrase(subject)) if subject is not None else None


# -- helpers --------------------------------------------------------------------------------
@functools.cache
def _may_report() -> frozenset[str]:
    """The lemmas that can introduce a report: those the detector scores, and speech verbs (which
    may introduce a nested quotation); the stage skips every other word at once."""
    return frozenset(scored_lemmas() | SPEECH | {"said"})  # "said": an inverted "Said Ellis:" (a proper noun)


# Part-of-speech id → whether the detector looks at words of that part of speech.
_CANDIDATE_POS_IDS = numpy.isin(numpy.arange(max(POS_IDS.values()) + 1), [POS_IDS[name] for name in CANDIDATE_POS])
_REPORTS: dict[int, bool] = {}  # lemma id (the same in every vocab) → whether that lemma may report


# The two commonest words the detector scores are seldom cues, and only with a complement: every
# PolNeAR training token it lifts over the threshold has one ("be" 29 of 19,490 tokens, all with an
# adjective: "is adamant that", "was clear"; "have" 1 of 8,296, with a clause). Words without it are
# not looked at: about 6% of the stage's time on news, for the same records.
_GATES = {"be": "acomp", "have": "ccomp"}


def _may_report_at(doc: Doc) -> list[int]:
    """The indices of the tokens whose part of speech and lemma (lowercased) can introduce a report.
    Read from the doc's arrays: a Token per word, to find the one in eight worth a look, cost more
    than the rest of the test."""
    pos, lemma = doc.to_array([POS, LEMMA]).T
    at = numpy.flatnonzero(_CANDIDATE_POS_IDS[pos])
    lemmas, which = numpy.unique(lemma[at], return_inverse=True)  # lemmas[which] == lemma[at]
    for lemma_id in lemmas.tolist():
        if lemma_id not in _REPORTS:
            _REPORTS[lemma_id] = doc.vocab.strings[lemma_id].lower() in _may_report()
    reports = numpy.array([_REPORTS[lemma_id] for lemma_id in lemmas.tolist()], dtype=bool)
    at = at[reports[which]]
    dep, head = None, None
    for word, complement in _GATES.items():
        gated = lemma[at] == doc.vocab.strings[word]
        if not gated.any():
            continue
        if dep is None:
            dep, head = doc.to_array([DEP, HEAD]).T
        completed = numpy.zeros(len(doc), dtype=bool)
        children = numpy.flatnonzero(dep == doc.vocab.strings[complement])
        completed[children + head[children].astype(numpy.int64)] = True
        at = at[~gated | completed[at]]
    return at.tolist()


_RELATIVE_WORDS = {"that", "which", "who", "whom"}
_CLAUSE_DEPS = {"ccomp", "xcomp", "parataxis", "conj", "cc"}
_RELATIVIZERS = {"WDT", "WP", "WP$", "WRB"}


# Dashes that set words off inside a sentence, for the reply and parenthetical rules; a horizontal
# bar (―) also leads up to a quotation (counted by those rules, it made one PolNeAR dev quote worse).
_DASHES = ("—", "–", "--")
# Not ``entities``' company suffixes and titles: those hold whole words too ("Group", "Company").
_ABBREVIATED = {"inc", "corp", "co", "ltd", "llc", "plc", "bros", "jr", "sr", "st", "dr", "mr", "mrs", "ms", "etc",
                "al", "vs"}
_NOT_SPOKEN_TO = {"DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"}
_FRAMING_DASHES = (*_DASHES, "―")


# Verbs that introduce an account, which the quotations of the next paragraph give: "her former
# deputy described the evening their partnership ended. / “The mayor told me: …”".
_ACCOUNT_VERBS = {"describe", "recall", "recount", "remember", "relate", "narrate"}


def _gives_an_account(draft: _Draft) -> bool:
    return draft.kind == "indirect" and draft.verb is not None and draft.verb.lemma_.lower() in _ACCOUNT_VERBS


def _tells_someone_that(verb: Token) -> bool:
    """'The port chief later told him that the board was divided, an aide said': telling someone a
    clause reports it, however deep in another report it stands (where the detector doubts it)."""
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ADDRESSING or verb.lemma_.lower() not in SPEECH:
        return False
    kids = list(verb.children)
    return any(c.dep_ in ("dobj", "dative") and _can_be_spoken_to(c) for c in kids) and any(
        c.dep_ == "ccomp" and marked_that(c) for c in kids)


def _by_saying(verb: Token) -> bool:
    """'responded by saying her refusal was …', 'aside from saying he wants …': a speech verb's
    gerund after a preposition, with a clause of its own, reports that clause."""
    return (verb.tag_ == "VBG" and verb.dep_ == "pcomp" and verb.lemma_.lower() in SPEECH
            and any(c.dep_ == "ccomp" and subject_of(c) is not None for c in verb.children))


def _claim_that(noun: Token) -> bool:
    """"Olsen's claim that there had been thousands of complaints", "his warning that …": a reporting
    noun with someone's possessive and a "that" clause reports the clause for them."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in NOUNS:
        return False
    kids = list(noun.children)
    return any(c.dep_ == "poss" and (c.pos_ in ("PROPN", "PRON") or c.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"))
               for c in kids) and any(c.dep_ in ("acl", "ccomp") and marked_that(c) for c in kids)


def _as_put_it(verb: Token) -> bool:
    """"As Varga put it in a statement, …", "as he phrased it": the idiom always reports the clause it
    hangs on, however far the detector's features stretch from it."""
    kids = list(verb.children)
    return (verb.lemma_.lower() in ("put", "phrase") and verb.dep_ == "advcl"
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in kids)
            and any(c.dep_ == "dobj" and c.lower_ == "it" for c in kids) and any(c.dep_ in _SUBJECTS for c in kids))


def _last_before(text: str, offset: int) -> int:
    """Where the last character before ``offset`` that is not whitespace stands (-1 if none)."""
    i = offset - 1
    while i >= 0 and text[i].isspace():
        i -= 1
    return i


def _abbreviated(words: str) -> bool:
    """Whether a stop after ``words`` is their last word's own: "Acme Inc", "the U.S", "Plan B"."""
    last = words.rsplit(None, 1)[-1] if words.strip() else ""
    return len(last) <= 1 or "." in last or last.lower() in _ABBREVIATED


def _lower_initial(text: str, start: int) -> bool:
    """Whether the words from ``start`` open in lower case: a fragment, not a sentence or a name."""
    letter = next((ch for ch in text[start:start + 12] if ch.isalpha()), "")
    return letter.islower()


def _called_in_relative(verb: Token) -> bool:
    """'a decision the union called “reckless”': what someone called the thing a relative clause
    hangs on, in their words. The detector, which reads "called" mostly with an object of its own,
    doubts it there; "call it “…”" in a main clause it already knows."""
    if verb.dep_ != "relcl" or verb.lemma_.lower() not in ("call", "describe", "label", "brand") or subject_of(verb) is None:
        return False
    return any(c.dep_ in ("oprd", "xcomp", "acomp", "attr") and c.i > verb.i and _quoted_from(c.left_edge)
               for c in verb.children)


def _joined_with_quotation(verb: Token) -> bool:
    """'Dahl said her group would reverse the closures, and accused the mayor of “balancing the
    books …”': a second report that the parse joined to the first one's reported clause
    (``candidates.report_joined``), quoting someone's words, which the detector doubts there."""
    if verb.pos_ != "VERB" or candidates.report_joined(verb) is None:
        return False
    return any(_quoted_from(c.left_edge) or any(t.is_quote for t in c.subtree) for c in verb.children
               if c.i > verb.i and c.dep_ in ("dobj", "prep", "ccomp", "xcomp", "oprd"))


def _quoted_from(token: Token) -> bool:
    """Whether a quotation opens at ``token``: it is the mark, or the mark is right before it."""
    return token.is_quote or (token.i > 0 and token.nbor(-1).is_quote)


def _describes_speakers(participle: Token) -> Token | None:
    """The speech verb whose speakers ``participle`` describes, or None: "questioned" in "Shopkeepers
    questioned by the police said", and "interviewed" in "Residents interviewed on Saturday said"
    where the parse makes it a clause with "Residents" for subject, right before the verb."""
    if participle.lemma_.lower() not in APPROACHED or participle.tag_ not in ("VBN", "VBD"):
        return None
    if participle.dep_ == "acl" and participle.head.dep_ == "nsubj":
        verb = participle.head.head
    elif participle.dep_ == "ccomp" and participle.i < participle.head.i and any(
            c.dep_ == "nsubj" for c in participle.children) and not any(
            c.dep_ in ("aux", "auxpass", "dobj", "ccomp") for c in participle.children):
        verb = participle.head
    else:
        return None
    return verb if verb.lemma_.lower() in SPEECH else None


def _parenthetical(cue: Token, lemma: str, sentence: Span, text: str,
                   reports: Callable[[Token], bool]) -> candidates.Candidate | None:
    """"The deal, he wrote on social media, was “a blank cheque”": a speech verb and its subject
    (with "as" or without) set off by commas inside the sentence they report, which the parse may
    hang anywhere (even as a relative clause of "deal"). What was said is the sentence around them,
    from its start or the last colon before them."""
    if lemma not in SPEECH or cue.tag_ == "VBG" or cue.pos_ != "VERB":
        return None
    doc = cue.doc
    subjects = [c for c in cue.lefts if c.dep_ == "nsubj"]
    if not subjects:
        return None
    # "Hawaii, as one of his advisers pointed out, rarely gets …": the parse may give the cue the
    # reported clause's subject too; the parenthesis opens at the "as" before its own.
    subject = next((c for c in subjects if _after_as(cue, c)), subjects[0])
    left = subject.left_edge.i - _after_as(cue, subject)  # most cues are no parenthesis: the comma tells first
    if left - 1 <= sentence.start or doc[left - 1].text != ",":
        return None
    kids = list(cue.children)
    if any(c.tag_ in _RELATIVIZERS or c.lower_ == "that" for c in kids):
        return None
    # The parenthesis ends at the first comma after the cue, if all before it is the cue's own
    # (its adverbials: "explained earlier in the hearing,"), whatever the parse hung on it after.
    comma = next((i for i in range(cue.i + 1, sentence.end) if doc[i].text == ","), sentence.end)
    own = {t.i for c in kids if c.dep_ not in _CLAUSE_DEPS | _SUBJECTS and cue.i < c.i < comma for t in c.subtree}
    if comma + 1 >= sentence.end or any(i not in own for i in range(cue.i + 1, comma)):
        return None
    if lemma not in ADDRESSING and any(c.dep_ == "dobj" and cue.i < c.i < comma for c in kids):
        return None  # "At the conference, Sorensen described her call with Kass, …": its object is what it reports
    before = doc[sentence.start:left - 1]
    # "replied within hours — his men had turned back, he said, …": a lone dash sets off what was said
    stops = (":", ";", *_DASHES) if sum(t.text in _DASHES for t in before) == 1 else (":", ";")
    start = next((t.i + 1 for t in reversed(before) if t.text in stops), sentence.start)
    if start >= left - 1 or doc[comma + 1].is_punct or _report_of_its_own(cue, doc[comma + 1], reports):
        return None
    spans = [trimmed(text, doc[start].idx, end_of(doc[left - 2])),
             trimmed(text, doc[comma + 1].idx, end_of(doc[sentence.end - 1]))]
    if None in spans:
        return None
    return candidates.Candidate("around", tuple(spans))


def _after_as(cue: Token, subject: Token) -> bool:
    at = subject.left_edge.i - 1
    return at >= 0 and cue.doc[at].lower_ == "as" and cue.doc[at].head == cue


def _report_of_its_own(cue: Token, after: Token, reports: Callable[[Token], bool]) -> bool:
    """"“…” to pay for it, she said, referencing the accounts": a participle hung on the cue after
    its comma that itself reports is the speaker's next report, not more of what was said (unlike
    "The depots are empty, the union says, leaving the buses idle", which the parse hangs on the
    cue as well)."""
    return after.tag_ == "VBG" and after.head == cue and reports(after)


def _as_follows(cue: Token, offered: list[candidates.Candidate], sentence: Span) -> candidates.Candidate | None:
    """'described the session as follows: the majority "would not listen," …', 'said the
    following: …': what was said is all that follows the colon (the longest reading that starts
    there), not the object before it."""
    doc = cue.doc
    colon = next((i for i in range(cue.i + 1, min(cue.i + 8, sentence.end - 1)) if doc[i].text == ":"), None)
    if colon is None or doc[colon - 1].lower_ not in ("follows", "following"):
        return None
    start = doc[colon + 1].idx
    return max((c for c in offered if c.spans[0][0] == start), key=lambda c: c.spans[-1][1], default=None)


def _saying_of(quoting: Token) -> Token | None:
    """"saying" in "quoted the president as saying": the verb that reports the quoted one's words."""
    for prep in quoting.children:
        if prep.dep_ == "prep" and prep.lower_ == "as":
            saying = next((c for c in prep.children if c.dep_ == "pcomp"), None)
            if saying is not None and candidates.quoted_as(saying) is not None:
                return saying
    return None


def _anonymous(token: Token, lemma: str) -> bool:
    """"who asked not to be named": how a source is kept anonymous, not something they said."""
    return lemma == "ask" and any(c.dep_ == "xcomp" and c.lemma_ in ("name", "identify", "quote")
                                  and any(g.dep_ == "neg" for g in c.children) for c in token.children)


def _interviewer(prep: Token) -> Token | None:
    """"the Gazette" of "in an interview with the Gazette"."""
    occasion = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if prep.lower_ not in ("in", "during") or occasion is None or occasion.lemma_ not in _CONVERSATIONS:
        return None
    return next((o for p in occasion.children if p.dep_ == "prep" and p.lower_ == "with"
                 for o in p.children if o.dep_ == "pobj" and _can_be_spoken_to(o)), None)


def _spoken_to(clause: Token) -> Token | None:
    """"students" of "Speaking to students in Lund, the president warned"."""
    if not candidates.speaking(clause):
        return None
    return next((o for p in clause.children if p.dep_ == "prep" and p.lower_ == "to"
                 for o in p.children if o.dep_ == "pobj" and _can_be_spoken_to(o)), None)


def _asked_by(verb: Token) -> Token | None:
    """Who put the question of a reduced "Asked by reporters whether …," that ``verb``'s clause answers."""
    for participle in verb.children:
        if participle.dep_ == "advcl" and participle.lemma_ == "ask" and participle.i < verb.i \
                and candidates.reduced_participle(participle):
            agent = next((c for c in participle.children if c.dep_ == "agent"), None)
            asker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if asker is not None and _can_be_spoken_to(asker):
                return asker
    return None


def _put_to(draft: _Draft) -> tuple[int, int] | None:
    """The one a reduced "Asked about …," question was put to, who answers next."""
    verb = draft.verb
    return draft.addressee if candidates.reduced_participle(verb) and verb.lemma_ == "ask" else None


def _is_someone(token: Token) -> bool:
    """A person by name, pronoun or role ("Solberg's deputy, Erik Lund")."""
    return (token.ent_type_ == "PERSON" or token.lower_ in ("he", "she", "i", "we", "they")
            or token.lower_ in ROLE_NOUNS or any(c.dep_ == "appos" and c.ent_type_ == "PERSON" for c in token.children))


def _can_be_spoken_to(token: Token) -> bool:
    """Someone one can tell something: a personal pronoun, a named person, group or organisation,
    or a noun for people ("told reporters"); not "ordered the same thing"."""
    if token.pos_ == "PRON":
        return token.lower_ in ADDRESSEE_PRONOUNS
    if token.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return True
    if token.pos_ == "PROPN" and token.ent_type_ not in _NOT_SPOKEN_TO:
        return True  # "she told The Eastgate Ledger": a name the small model left untyped or took for a place
    if token.pos_ != "NOUN":
        return False
    lemma = token.lemma_.lower()
    if lemma in PEOPLE_NOUNS or lemma in ROLE_NOUNS or lemma in OUTLET_NOUNS:
        return True  # "asked the captain", "told the newspaper"
    # "told the radio station Antena Sul": a noun in apposition to a name
    return any(c.dep_ == "appos" and (c.pos_ == "PROPN" or c.ent_type_) for c in token.children)


def _span_of(tokens) -> tuple[int, int] | None:
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens:
        return None
    return tokens[0].idx, end_of(tokens[-1])


def _within(spans: list[tuple[int, int]], quotation: Quoted) -> bool:
    return all(quotation.opened_at <= s and e <= quotation.outer_end for s, e in spans)


def _without(spans: list[tuple[int, int]], cut: tuple[int, int], text: str) -> list[tuple[int, int]]:
    """``spans`` less the cue where it overlaps their edge ("talked about X": the content is X)."""
    out = []
    for start, end in spans:
        if cut[0] <= start < cut[1]:
            start = cut[1]
        if cut[0] < end <= cut[1]:
            end = cut[0]
        if (span := trimmed(text, start, end)) is not None:
            out.append(span)
    return out


def _takes_in_opening(start: int, quotation: Quoted) -> bool:
    """Whether a span from ``start`` takes in where ``quotation`` opens: its opening mark, or its
    first word where the reading was trimmed of the mark ('warned Vell against “any act of revenge.”')."""
    return start <= quotation.opened_at or start == quotation.start


def _covers(quotation: Quoted, span: tuple[int, int], text: str) -> bool:
    """The content is the quotation and nothing but: marks and punctuation aside."""
    outside = text[span[0]:quotation.opened_at] + text[quotation.outer_end:span[1]]
    return not outside.strip(" \t\n,.;:!?“”‘’\"'«»‹›„")


def _said_by(text: str, draft: _Draft) -> str:
    return text[draft.speaker[0]:draft.speaker[1]].lower() if draft.speaker else ""


def _previous_direct(drafts: list[_Draft], quotation: Quoted, text: str) -> _Draft | None:
    """The quote this one continues: the last quote before it, ending in the same paragraph."""
    paragraph_start = text.rfind("\n", 0, quotation.opened_at) + 1
    best = None
    for draft in drafts:
        end = draft.content[-1][1]
        if paragraph_start <= end <= quotation.opened_at and draft.kind in ("direct", "mixed") and draft.speaker:
            best = draft
    return best


def _governing_verb(token: Token) -> Token | None:
    while token.head.i != token.i:
        token = token.head
        if token.pos_ in ("VERB", "AUX"):
            return token
    return None


def _naming(verb: Token, lemma: str) -> bool:
    """"known (locally) as “the Counting House”", "Her members call her Annie": a name given, not
    words reported (but "called the plan a disgrace" reports a judgement)."""
    if lemma == "know":
        return any(child.lower_ == "as" for child in verb.children)
    if lemma not in ("call", "name", "nickname", "dub"):
        return False
    complements = [c for c in verb.children if c.dep_ in ("dobj", "oprd", "ccomp", "xcomp", "attr")]
    return bool(complements) and all(c.pos_ == "PROPN" and c.dep_ in ("dobj", "oprd") for c in complements) \
        and any(c.dep_ == "oprd" or any(g.dep_ == "poss" for g in c.children) for c in complements)


def _folded(words: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", words.casefold()).split())


def _closed(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """A span that opens a quotation and stops just before its closing mark takes the mark in:
    'called the bill a “disgrace”', not 'a “disgrace'; one that closes a quotation and starts just
    after its opening mark takes that in."""
    start, end = span
    inner = text[start:end]
    before = text[start - 1:start]
    if (before == "“" and inner.count("”") > inner.count("“")) or (before == "«" and inner.count("»") > inner.count("«")) or (
            before == '"' and inner.count('"') % 2 == 1):
        return start - 1, end  # '“You starved it” to pay for …, she said': the same, from the other end
    opened = inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1 or inner.count("«") > inner.count("»")
    if not opened:
        return span
    close = re.match(r"[.,!?]?[”\"»]", text[end:end + 2])  # 'it “a fantasy.”': the stop may come first
    return (start, end + close.end()) if close else span


def _without_swallowing_cues(drafts: list[_Draft]) -> list[_Draft]:
    """'The spot concludes with footage of Marlow saying, “…”': a cue whose words take in another
    report's cue, for the same quotation, reports nothing of its own; the nearer cue says it."""
    heads = {d.verb.idx: d for d in drafts if d.verb is not None and d.quotations}
    return [d for d in drafts if not d.quotations or not any(
        start <= idx < end and other is not d and other.quotations[0] is d.quotations[0]
        for start, end in d.cue for idx, other in heads.items())]


def _without_repeated_cues(drafts: list[_Draft], text: str) -> list[_Draft]:
    """'Salas replied within hours — his men had turned back, he said, only to avoid bloodshed': a
    parenthetical cue inside another report of the same words repeats who said them. The words are
    the report's, less that cue's clause."""
    def bounds(draft: _Draft) -> tuple[int, int]:
        return draft.content[0][0], draft.content[-1][1]

    parentheticals: dict[tuple[int, int], list[_Draft]] = {}
    for draft in drafts:
        if draft.verb is not None and len(draft.content) == 2 and _set_off_by_commas(
                text[draft.content[0][1]:draft.content[1][0]]):
            parentheticals.setdefault(bounds(draft), []).append(draft)
    repeats = set()
    for draft in drafts:
        if draft.speaker is None or len(draft.content) != 1:
            continue
        for other in parentheticals.get(bounds(draft), ()):
            if id(other) not in repeats and draft.content[0][0] <= other.verb.idx < draft.content[0][1]:
                draft.content = other.content
                repeats.add(id(other))
                break
    return [d for d in drafts if id(d) not in repeats]


def _without_restated(drafts: list[_Draft]) -> list[_Draft]:
    """'McCaskill scolded him: “…,” she said.': a cue after a quotation another cue introduced
    restates who said it; the words around both (the sentence, as the parse offers them) are no
    report of their own."""
    introduced = [d for d in drafts if d.kind == "direct" and d.quotations and d.verb is not None]
    if not introduced:
        return drafts

    def restates(draft: _Draft) -> bool:
        if draft.verb is None or draft.kind == "direct" or len(draft.content) != 1:
            return False
        start, end = draft.content[0]
        return any(other.verb.i < draft.verb.i and start <= other.verb.idx and other.content[-1][1] <= end
                   and other.quotations[-1].outer_end <= draft.verb.idx for other in introduced)

    return [d for d in drafts if not restates(d)]


def _set_off_by_commas(words: str) -> bool:
    words = words.strip()
    return words.startswith(",") and words.endswith(",")


def _dedupe(drafts: list[_Draft]) -> list[_Draft]:
    """One quote per content: where two cues claim the same words, the one nearer them keeps them
    ('The spot concludes with footage of Marlow saying, “…”': the saying), the first in the text
    where they are as near."""
    kept: dict[tuple[tuple[int, int], ...], _Draft] = {}
    for draft in sorted(drafts, key=lambda d: d.content[0][0]):
        key = tuple(draft.content)
        if key not in kept or _distance(draft) < _distance(kept[key]):
            kept[key] = draft
    return list(kept.values())


def _distance(draft: _Draft) -> int:
    """How far the cue stands from the words it reports (none: as near as can be)."""
    if draft.verb is None:
        return 0
    start, end, at = draft.content[0][0], draft.content[-1][1], draft.verb.idx
    return 0 if start <= at < end else min(abs(at - start), abs(at - end))


def _to_quotes(drafts: list[_Draft], text: str) -> list[Quote]:
    quotes: list[Quote] = []
    container: dict[int, str] = {}
    holders: list[tuple[int, int, str]] = []  # the direct and mixed quotes' quotations so far: (start, end, quote id)
    reports: list[tuple[int, int, str]] = []  # every quote's content so far, first to last character, with its id
    for number, draft in enumerate(drafts, start=1):
        ident = f"q{number}"
        for quotation in draft.quotations:
            container[id(quotation)] = ident
        parent = None
        for quotation in draft.quotations:
            outer = quotation.parent
            while outer is not None and parent is None:
                parent = container.get(id(outer))
                outer = outer.parent
        if parent is None and draft.verb is not None:
            parent = _enclosing(holders, draft.verb.idx) or _reported_within(reports, draft)
        quotes.append(Quote(
            id=ident,
            kind=draft.kind,
            content=_role(text, draft.content),
            cue=_role(text, draft.cue) if draft.cue else None,
            speaker=_party(text, draft.speaker) if draft.speaker else None,
            addressee=_party(text, draft.addressee) if draft.addressee else None,
            parent=parent,
        ))
        if draft.kind in ("direct", "mixed"):
            holders += [(q.start, q.end, ident) for q in draft.quotations]
        reports.append((draft.content[0][0], draft.content[-1][1], ident))
    return quotes


def _enclosing(holders: list[tuple[int, int, str]], at: int) -> str | None:
    """The first earlier direct quote with a quotation holding the cue at ``at``: a quote reported
    inside a quote. (The quotations' bounds are kept flat, in the quotes' order: their properties
    cost a call each, and a long article asks about every quotation before each of its cues.)"""
    return next((ident for start, end, ident in holders if start <= at < end), None)


def _reported_within(reports: list[tuple[int, int, str]], draft: _Draft) -> str | None:
    """The earlier quote whose content holds this one, cue and words: 'According to one aide, Annie
    told her staff: “…”' is the aide's report of what Annie said. (``reports`` are the earlier
    quotes' bounds, kept flat as for ``_enclosing``.)"""
    start, end = draft.cue[0][0], draft.content[-1][1]
    return next((ident for first, last, ident in reversed(reports) if first <= start and end <= last + 1), None)


def _role(text: str, spans: list[tuple[int, int]]) -> Role:
    return Role(text=" … ".join(text[s:e] for s, e in spans), spans=list(spans))


def _party(text: str, span: tuple[int, int]) -> Party:
    # The entity is filled by the "speakers" stage, which resolves names, descriptions and pronouns.
    return Party(text=text[span[0]:span[1]], spans=[span])
