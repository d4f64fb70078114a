"""Entities: one per real-world referent in the article, built on the NER and the parse.

The small model tags a bare surname PERSON, ORG or GPE from one sentence to the next and knows
nothing of nicknames, so names are joined by their form (full name, surname, initials, title),
by what the article itself says ties them (appositions, bracketed glosses, "known as",
acronyms in brackets), and types are decided by vote. Third-person pronouns and definite role
descriptions ("the port chief") are then resolved to those entities by agreement, recency and
salience, and their spans added to the entity's mentions.

The clusters are left in ``doc.user_data`` for the "speakers" stage (``stages/coref.py``).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import numpy
from spacy.attrs import ENT_TYPE, IS_TITLE, LOWER, POS, SENT_START, TAG
from spacy.strings import get_string_id
from spacy.symbols import NOUN, PROPN, PUNCT, SPACE
from spacy.tokens import Doc, Span, Token

from ..record import Entity, Record
from . import authors, stage
from .datelines import dateline_at
from .marks import quotations_of, states_of, title_words

REFERENT_LABELS = {"PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE"}
USER_DATA_KEY = "onrecord.clusters"
_TRIM = " \t\n'’\"“”.,;:()[]"

# Words that stand before a name without being part of it; the gender ones also tell gender.
MALE_TITLES = {"mr", "sir", "lord", "king", "prince", "father", "brother", "duke", "baron", "monsieur", "herr",
               "senor", "señor", "uncle", "count", "emperor", "sheikh", "pope", "cardinal"}
FEMALE_TITLES = {"mrs", "ms", "miss", "madam", "madame", "lady", "queen", "princess", "sister", "mother", "duchess",
                 "baroness", "dame", "frau", "senora", "señora", "aunt", "countess", "empress"}
ROLE_NOUNS = {
    "president", "minister", "premier", "chancellor", "secretary", "governor", "mayor", "senator", "congressman",
    "congresswoman", "representative", "ambassador", "commissioner", "chief", "head", "leader", "boss", "chairman",
    "chairwoman", "chair", "chairperson", "director", "spokesman", "spokeswoman", "spokesperson", "official", "ceo",
    "executive", "founder", "owner", "general", "admiral", "colonel", "commander", "judge", "justice", "prosecutor",
    "attorney", "lawyer", "coach", "captain", "manager", "inspector", "detective", "officer", "sheriff", "bishop",
    "pastor", "priest", "rabbi", "imam", "professor", "doctor", "dr", "prof", "economist", "analyst", "envoy",
    "diplomat", "negotiator", "lawmaker", "legislator", "mp", "candidate", "nominee", "superintendent", "dean",
    "principal", "treasurer", "vice", "deputy", "prime", "king", "queen", "prince", "princess", "pope",
    "rep", "sen", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "insp", "det", "supt", "st",
    "editor", "author", "actor", "actress", "singer", "player", "striker", "goalkeeper", "defender",
    "midfielder", "star", "champion", "activist", "campaigner", "mother", "father", "wife", "husband", "son",
    "daughter", "widow", "brother", "sister", "resident", "witness", "victim", "suspect", "president-elect",
    "lieutenant", "sergeant", "councillor", "councilor", "councilman", "councilwoman", "alderman", "alderwoman",
    "assemblyman", "assemblywoman", "mep", "auditor", "comptroller", "ombudsman", "regulator", "adviser",
    "advisor", "aide", "researcher", "scientist", "engineer", "historian", "chemist", "biologist",
}
# Heads of a description that stands for the organisation last named: "the company said".
BODY_NOUNS = {"company", "firm", "group", "bank", "carrier", "airline", "automaker", "manufacturer", "maker",
              "agency", "ministry", "department", "organisation", "organization", "party", "union", "club",
              "team", "retailer", "insurer", "lender", "broadcaster", "newspaper", "network", "board", "council",
              "court", "commission", "committee", "fund", "institute", "university", "charity", "regulator",
              "centre", "center", "office", "authority", "association", "federation", "trust", "hospital",
              "foundation", "operator", "developer", "cooperative", "utility"}
# Kinds of body: "the ministry" is no union, whatever was named last; the other organisation
# nouns ("the company", "the group", "the board") may stand for a body of any name.
BODY_KINDS = BODY_NOUNS - {"company", "firm", "group", "carrier", "airline", "automaker", "manufacturer",
                           "maker", "organisation", "organization", "retailer", "insurer", "lender", "broadcaster",
                           "network", "board", "operator", "developer", "cooperative", "utility"}
# Role nouns that are one role under different words: "the port chief" is "the head of the port authority".
_SYNONYMS = [
    {"chief", "head", "leader", "boss", "chair", "chairman", "chairwoman", "chairperson", "director", "ceo"},
    {"spokesman", "spokeswoman", "spokesperson"},
    {"minister", "secretary"},
    {"lawyer", "attorney"},
    {"premier", "prime"},
]
# A wider word for a role fits whoever holds a narrower one: "the veteran lawmaker" is the senator.
_LEGISLATORS = {"senator", "representative", "congressman", "congresswoman", "mp", "mep", "assemblyman",
                "assemblywoman", "councillor", "councilor", "councilman", "councilwoman", "alderman", "alderwoman"}
_KINDS_OF = {"lawmaker": _LEGISLATORS, "legislator": _LEGISLATORS,
             "congressman": {"representative"}, "congresswoman": {"representative"}}
# Abbreviated titles and the role they name: "Gov. Teresa Lindqvist" is the later "the governor".
_ABBREVIATIONS = {"gov": "governor", "sen": "senator", "rep": "representative", "gen": "general", "dr": "doctor",
                  "prof": "professor", "col": "colonel", "lt": "lieutenant", "sgt": "sergeant", "capt": "captain",
                  "cmdr": "commander", "adm": "admiral", "insp": "inspector", "det": "detective",
                  "supt": "superintendent", "pres": "president", "sec": "secretary", "amb": "ambassador"}
_MALE_ROLES = {"spokesman", "chairman", "congressman", "councilman", "alderman", "assemblyman", "king", "prince", "father", "husband", "son", "brother",
               "actor", "widower"}
_FEMALE_ROLES = {"spokeswoman", "chairwoman", "congresswoman", "councilwoman", "alderwoman", "assemblywoman", "queen", "princess", "mother", "wife", "daughter",
                 "sister", "actress", "widow"}
# First names common in English-language news, for gender agreement of pronouns.
MALE_NAMES = set("""
james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark
donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary
nicholas eric jonathan stephen larry justin scott brandon benjamin samuel gregory alexander frank patrick raymond
jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter kyle ethan walter noah jeremy christian
keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy joe bruce gabriel
logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis boris
vladimir dmitry sergei sergey igor ivan yevgeny evgeny alexei alexey mikhail nikolai viktor emmanuel francois
jean pierre jacques nicolas olaf angelo giuseppe marco luca carlos luis miguel pedro jorge diego mohammed muhammad
ahmed ali hassan omar abdul xi li wang narendra rahul shinzo fumio kim moon recep benjamin joe barack bill
tony gordon rishi keir nigel jeremy emmanuel olaf justin jair javier pablo hans klaus friedrich wolfgang jens
lars erik sven anders mats ole bjorn nils tom tim ben sam max leo felix oscar hugo otto karl kurt rolf dirk
volodymyr petro andriy oleksandr yuri yury gennady ramzan
marcus oskar oscar rafael tomas tomás pavel jan piotr tomasz andrzej janusz jakub marek stefan stephan matthias
andreas thomas johan johannes henrik magnus gustav emil viktor milan goran zoran dragan aleksandar nikola luka
ahmad mahmoud mustafa ibrahim yusuf khalid tariq karim hamid reza amir farid samir nabil rashid hussein
raj arjun vikram sanjay anil sunil amit rajesh ravi kenji hiroshi takeshi haruki jun wei ming chen hao
mateo santiago alejandro fernando ricardo eduardo roberto alberto sergio antonio manuel francisco joao paulo
andre andré rene rené michel philippe alain thierry laurent olivier julien antoine matteo lorenzo giovanni
francesco alessandro stefano enrico kwame kofi chinedu oluwaseun tunde jomo desmond nelson cyril thabo
don dan ron ted ed jim bob rob dave mike nick pat ken hank jake luke seth troy dean glenn craig neil barry
ian colin graham duncan hamish angus ewan rory liam conor sean declan ciaran owen rhys gareth dylan
jonas martin anton josef jakob simon lukas elias victor hector oliver harry charlie leon theo adrian julian
marius florian sebastian tobias fabian dominic miguel diego wojciech krzysztof mateusz bartosz lukasz dmitri
rasmus mikkel morten torben henning gunnar leif knut arne ola pieter piet kasper jesper soren søren niels
bruno konstantin jorund
""".split())
FEMALE_NAMES = set("""
mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret sandra ashley
kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca sharon laura cynthia kathleen
amy shirley angela helen anna ana brenda pamela nicole emma samantha katherine christine debra rachel catherine
carolyn janet ruth maria heather diane virginia julie joyce victoria olivia kelly christina lauren joan evelyn
judith megan cheryl andrea hannah martha jacqueline frances gloria ann teresa kathryn sara janice jean alice
madison doris abigail julia judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany
natalie isabella charlotte rose alexis kayla annie hillary theresa angela ursula christine kamala nancy
condoleezza madeleine golda indira benazir aung sanna jacinda liz giorgia marine segolene ruth irina olga natalia
natalya tatiana tatyana svetlana yulia elena yelena maria marina ekaterina anastasia lyudmila valentina galina
ines ines isabel lucia carmen dolores pilar ingrid greta astrid sigrid karin birgit ulrike heike claudia sabine
priya sonia fatima aisha leila yuki mei ling
alicia helena hana anja anya agnieszka katarzyna magdalena zofia ewa beata monika petra jana lenka ivana
milena mila vesna jelena dragana ana-maria ingeborg hanna johanna kirsten mette lena lisa maja freja
elsa linnea annika camille chloe manon amelie amélie juliette celine céline sophie aurelie giulia francesca
chiara elisa valentina alessandra paola beatriz mariana gabriela fernanda daniela adriana camila luisa
rosa teresa elena yasmin zainab mariam maryam nadia samira layla noor amira leyla zeynep ayse elif
anjali deepa lakshmi kavita sunita neha pooja ananya meera aiko keiko sakura naomi yoko hiroko
ngozi chioma amara adaeze wanjiru thandiwe nomvula zanele lindiwe
tracy stacy wendy kate katie kathy jane jill gwen ellen eleanor molly holly polly sally beth meg peggy
irene clara vera nina eva ida marta agnes edith lucy ella mia zoe hilde renate lara leah rita joanna kasia
sofia sophie emilia amelia ava isla freya erika ilse gudrun marit ragnhild solveig tove ulla
""".split())
_PRONOUN_GENDER = {
    "he": "m", "him": "m", "his": "m", "himself": "m",
    "she": "f", "her": "f", "hers": "f", "herself": "f",
    "it": "n", "its": "n", "itself": "n",
    "they": "p", "them": "p", "their": "p", "theirs": "p", "themselves": "p",
}
# Which entity types each kind of pronoun may stand for.
_PRONOUN_TYPES = {"m": {"PERSON"}, "f": {"PERSON"}, "n": {"ORG", "GPE", "FAC", "PRODUCT", "LOC"},
                  "p": {"ORG", "NORP"}}
_ORG_SUFFIXES = {"inc", "corp", "corporation", "co", "company", "ltd", "llc", "plc", "ag", "sa", "nv", "gmbh",
                 "group", "holdings", "limited", "incorporated", "lp", "llp", "spa", "se", "bv"}
_ACRONYM_STOP = {"of", "the", "and", "for", "&", "de", "du", "la", "le", "des", "in", "on", "at", "to"}
_PROFILE_DEPS = {"nsubj", "nsubjpass"}
_SPACES = re.compile(r"[\s\u00a0]+")
# Last words that make "Victoria Station" or "Jordan Valley Bank" a place or a body, whatever its first word.
_PLACE_OR_BODY_WORDS = {
    "station", "street", "st", "road", "avenue", "square", "bridge", "park", "river", "lake", "bay", "island",
    "islands", "mountain", "mountains", "valley", "county", "city", "state", "hall", "center", "centre", "hotel",
    "stadium", "arena", "airport", "port", "harbour", "harbor", "church", "cathedral", "school", "college",
    "university", "academy", "hospital", "clinic", "institute", "foundation", "fund", "trust", "bank", "party",
    "club", "fc", "united", "times", "post", "news", "herald", "tribune", "gazette", "journal", "tech",
    "museum", "library", "gallery", "theatre", "theater", "house", "tower", "building", "estate", "district",
    "union", "council", "committee", "commission", "agency", "authority", "court", "ministry", "department"}


# Last words of a newspaper's name, none of them a common surname.
_MEDIA_WORDS = {"gazette", "herald", "tribune", "courier", "chronicle", "telegraph", "journal", "times", "gazeta"}


@dataclass
class Mention:
    start: int  # characters, end exclusive
    end: int
    kind: str  # name | pronoun | description
    head: int  # token index of the mention's head
    label: str = ""


@dataclass
class Cluster:
    """One referent: its name forms, mentions and what the article says it is."""

    mentions: list[Mention] = field(default_factory=list)
    names: list[str] = field(default_factory=list)  # through add_name only: it keeps folded_names
    folded_names: set[str] = field(default_factory=set)
    labels: Counter = field(default_factory=Counter)
    descriptors: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)  # words of titles and descriptors
    gender: str | None = None  # from names, titles and role words: firm
    votes: Counter = field(default_factory=Counter)  # from pronouns resolved to it: soft
    full_person: bool = False  # named by a PERSON-tagged name of two or more words
    id: str = ""

    @property
    def type(self) -> str:
        if self.full_person:
            return "PERSON"
        # the first-counted of the most frequent labels, as most_common(1) gives, without its heap
        return max(self.labels, key=self.labels.__getitem__) if self.labels else "PERSON"

    @property
    def name(self) -> str:
        # The fullest form: most words, ignoring acronyms, first seen on a tie.
        def fullness(name: str) -> tuple:
            return (not _is_acronym(name), len(name.split()), len(name))

        return max(self.names, key=fullness) if self.names else ""

    def add_name(self, name: str) -> None:
        folded = name.casefold()
        if name and folded not in self.folded_names:
            self.folded_names.add(folded)
            self.names.append(name)


@stage("entities", requires={"ner", "parser"})
def find_entities(doc: Doc, record: Record) -> None:
    text = record.article.text  # doc.text rebuilds the string on every access
    states_of(doc, text)  # the quotations, for this stage and the next; from the text at hand
    names = _name_mentions(doc, text)
    names += _untagged_full_names(doc, text, names)
    names += _untagged_acronym_names(doc, text, names)
    names += _untagged_body_names(doc, text, names)
    clusters = _cluster(names, doc, text)
    _add_untagged_names(doc, text, clusters)
    _merge_glosses(doc, text, clusters)
    clusters = _merged(clusters)
    clusters = [c for c in clusters if c.mentions and not _headline_only(c, clusters, text)]
    _add_titles_and_appositions(doc, text, clusters)
    _resolve_descriptions(doc, text, clusters)
    _resolve_bodies(doc, text, clusters)
    _resolve_pronouns(doc, text, clusters)
    _link_writers(doc, text, clusters, record.article.byline)
    clusters.sort(key=lambda c: min(m.start for m in c.mentions))
    record.entities = []
    for number, cluster in enumerate(clusters, 1):
        cluster.id = f"e{number}"
        record.entities.append(_entity(cluster))
    doc.user_data[USER_DATA_KEY] = clusters


def _entity(cluster: Cluster) -> Entity:
    name = cluster.name
    spans = sorted({(m.start, m.end) for m in cluster.mentions})
    aliases = [n for n in cluster.names if n != name]
    return Entity(id=cluster.id, name=name, type=cluster.type, aliases=aliases,
                  descriptors=list(dict.fromkeys(cluster.descriptors)), mentions=spans)


# --- names -----------------------------------------------------------------------------------------


# 'Tomas “Tommy” Reyes': a quoted nickname between a person's first name and surname.
_NICKNAME = re.compile(r"\b([A-Z][\w'’\-]+) [“\"‘']((?:[A-Z][\w'’.\-]*)(?: [A-Z][\w'’.\-]*){0,2})[”\"’'] ([A-Z][\w'’\-]+)\b")
_NICKNAME_MARKS = ("“", '"', "‘", "'")  # one is in every match: most texts skip the search


class Nickname(NamedTuple):
    start: int  # of the whole name, first name to surname
    end: int
    nick_start: int  # of the nickname, inside its marks
    nick_end: int
    name: str  # first name and surname, without the nickname

    @property
    def nick(self) -> tuple[int, int]:
        return self.nick_start, self.nick_end


def nicknames(doc: Doc, text: str) -> list[Nickname]:
    """The quoted nicknames inside persons' names: a quoted name between a capitalised first name
    and surname, one of which the model tags a person. The nickname is neither a quotation nor a
    term but the person's other name."""
    if not any(mark in text for mark in _NICKNAME_MARKS):
        return []
    found = []
    for match in _NICKNAME.finditer(text):
        first, last = doc.char_span(*match.span(1)), doc.char_span(*match.span(3))
        # the small model may read a surname after the marks as a noun ("Price")
        if first is None or last is None or first.root.pos_ != "PROPN" or last.root.pos_ not in ("PROPN", "NOUN"):
            continue
        if "PERSON" in (first.root.ent_type_, last.root.ent_type_):
            found.append(Nickname(match.start(1), match.end(3), *match.span(2), f"{match.group(1)} {match.group(3)}"))
    return found


def _name_mentions(doc: Doc, text: str) -> list[tuple[Mention, str]]:
    """NER mentions of referents, trimmed of punctuation, possessive and leading titles."""
    found = []
    named = nicknames(doc, text)
    titles = _quoted_titles(doc, text)
    ents = list(doc.ents)
    for k, whole in enumerate(ents):
        if whole is None or whole.label_ not in REFERENT_LABELS:
            continue
        if any(n.start < whole.end_char and whole.start_char < n.end for n in named):
            continue
        if any(start <= whole.start_char and whole.end_char <= end and (start, end) != (whole.start_char, whole.end_char)
               for start, end in titles):
            continue  # 'its consultation document, “Safer Births, Closer Care”': no one called Safer Births
        if k + 1 < len(ents) and _possessive_name(text, whole, ents[k + 1]):
            label = "ORG" if _words(ents[k + 1].text)[-1] in _MEDIA_WORDS else ents[k + 1].label_
            whole, ents[k + 1] = Span(doc, whole.start, ents[k + 1].end, label=label), None
        if whole.label_ == "PERSON" and _untagged_first_name(whole):
            whole = Span(doc, whole.start - 1, whole.end, label="PERSON")
        name = text[whole.start_char:whole.end_char]  # not whole.text, which joins its tokens anew
        if "[" in name or "]" in name:
            whole = _outside_brackets(whole)
            if whole is None:
                continue
            name = text[whole.start_char:whole.end_char]
        if whole.label_ in ("ORG", "PERSON") and _words(name)[-1:] and _words(name)[-1] in _MEDIA_WORDS:
            start = whole.start  # "the Dunmore Gazette" with only "Gazette" tagged
            while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and (
                    doc[start - 1].ent_type_ in ("", "GPE")):
                start -= 1
            whole = Span(doc, start, whole.end, label="ORG")
            found = [f for f in found if f[0].end <= whole.start_char]  # "New York" of "New York Times"
        for ent, label in _appositive_parts(doc, text, whole):
            found += _name_mention(doc, text, ent, label)
    if not named:
        return found
    # The model splits such a name at the marks, or _name_mention cuts it at the opening one.
    for nickname in named:
        head = doc.char_span(nickname.start, nickname.end, alignment_mode="expand").root.i
        found.append((Mention(nickname.start, nickname.end, "name", head, "PERSON"), nickname.name))
    return sorted(found, key=lambda f: f[0].start)


def _outside_brackets(ent: Span) -> Span | None:
    """'Bob [short for “Robert”] Mills' tagged as one name from "Robert" on: an editor's bracket is
    no part of a name, so the name is the words on one side of it (after a closing bracket, before
    an opening one)."""
    start, end = ent.start, ent.end
    for token in ent:
        if token.text == "]":
            start = token.i + 1
        elif token.text == "[" and token.i >= start:
            end = token.i
            break
    return Span(ent.doc, start, end, label=ent.label_) if start < end else None


def _possessive_name(text: str, ent: Span, after: Span | None) -> bool:
    """"St. Brigid's Hospital", which the model splits at the possessive, is one name, and so is
    "the Dunmore Gazette" split into a person and a person."""
    if after is None or after.start_char != ent.end_char + 1 or ent.label_ not in ("ORG", "FAC", "PERSON", "GPE"):
        return False
    last = _words(after.text)[-1:]
    if text.endswith(("'s", "’s"), ent.start_char, ent.end_char):
        return after.label_ in ("ORG", "FAC") and bool(last) and last[0] in _PLACE_OR_BODY_WORDS
    return len(after) == 1 and last[0] in _MEDIA_WORDS


def _appositive_parts(doc: Doc, text: str, ent: Span) -> list[tuple[Span, str]]:
    """"The mayor of Lindvik, Sofia Marten, said": the model's one entity over a comma is two when
    the words after the comma stand in apposition to those before; the one after a role ("mayor
    of") is a person."""
    if ent.label_ in ("GPE", "LOC") or "," not in text[ent.start_char:ent.end_char] or not any(
            t.text == "," for t in ent):  # the text first: most names hold no comma at all
        return [(ent, ent.label_)]
    parts, start = [], ent.start
    for token in ent:
        if token.text != "," or token.i == ent.start:
            continue
        end = next((t.i for t in doc[token.i + 1:ent.end] if t.text == ","), ent.end)
        tail = doc[token.i + 1:end]
        if not len(tail) or tail.root.dep_ != "appos" or not start <= tail.root.head.i < token.i:
            continue
        parts.append((doc[start:token.i], ent.label_))
        start = token.i + 1
    if not parts:
        return [(ent, ent.label_)]
    parts.append((doc[start:ent.end], ent.label_))
    head = parts[0][0].root
    while head.dep_ == "pobj" and head.head.dep_ == "prep":
        head = head.head.head
    if head.lower_ in ROLE_NOUNS and head.pos_ == "NOUN":
        parts[1:] = [(span, "PERSON") for span, _ in parts[1:]]
    return parts


def _place_of(ent: Span) -> bool:
    """"The mayor of Dunmore", "the harbour at Vila Nova": a name after a word for a place's office,
    people or parts is the place's, whatever the model tags it."""
    root = ent.root
    prep = root.head
    if root.dep_ != "pobj" or prep.lower_ not in ("of", "at") or prep.i == 0 or ent[0].lower_ == "the" or (
            ent.start and ent.doc[ent.start - 1].lower_ == "the"):
        return False  # "a resident of the White House": a town takes no "the"
    # the word before "at" (the parse may hang "at Vila Nova" on "leave the harbour")
    owner = prep.head if prep.lower_ == "of" else prep.doc[prep.i - 1]
    return owner.pos_ == "NOUN" and owner.lemma_.lower() in (_PLACE_NOUNS if prep.lower_ == "of" else _PLACE_NOUNS_AT)


_PLACE_NOUNS = {"mayor", "town", "city", "village", "resident", "people", "citizen", "outskirts", "suburb",
                "centre", "center", "port", "harbour", "harbor", "streets"}
_PLACE_NOUNS_AT = {"harbour", "harbor", "port", "quay"}


def _name_mention(doc: Doc, text: str, ent: Span, label: str) -> list[tuple[Mention, str]]:
    first = ent[0]
    while len(ent) > 1 and first.pos_ in ("ADP", "SCONJ", "CCONJ", "ADV") and (
            first.is_sent_start or first.i and doc[first.i - 1].is_quote or first.lower_ in _PREPOSITIONS):
        # '“Without Eastgate, we …”': the capital of a sentence's first word is no name's, nor is a
        # title-case headline's "Against" ("What Canada Can Do When Up Against Trump", as in its test)
        ent = ent[1:]
        first = ent[0]
    start, end = _trimmed(text, ent.start_char, ent.end_char)
    if opening := _OPENING_MARK.search(text, start, end):
        # 'accused the council of “gross negligence”': a name never runs into a quotation.
        start, end = _trimmed(text, start, opening.start())
        end = start + len(re.sub(r"(?:\s+(?:of|and|the|for|to|in))+$", "", text[start:end]))
    if not any(word[:1].isupper() or word[:1].isdigit() for word in text[start:end].split()):
        return []  # "council of": the small model's guess, not a name
    if label == "PERSON" and len(ent) == 1 and ent[0].tag_ == "NNS" and ent[0].is_sent_start and not re.search(
            rf"[^.!?\s]\s+{re.escape(ent[0].text)}\b", text):
        return []  # "Campaigners reacted with fury": a plural noun opening a sentence (not "… said Jobs")
    if label == "PERSON" and len(ent) == 1 and _thing_named_by(ent[0]):
        return []
    if text[start:end].endswith(("'s", "’s")):
        start, end = _trimmed(text, start, end - 2)
    start = _skip_leading_words(text, start, end, label)
    if label == "PERSON" and _title_before_name(doc, ent):
        # "Charlotte Mayor Ruth Dahl" tagged "Charlotte Mayor" + "Ruth Dahl": the
        # words before the title name the place or body whose office it is, not a person.
        end = _trimmed(text, start, doc[ent.end - 1].idx)[1]
        label = _label_elsewhere(doc, text[start:end])
    label = "GPE" if _dateline(text, start, end) or label in ("PERSON", "ORG") and _place_of(ent) else label
    last = _words(text[start:end])[-1:]
    if label == "PERSON" and last and (last[0] in _PLACE_OR_BODY_WORDS and text[max(0, start - 4):start].casefold()
                                       == "the " or len(_words(text[start:end])) == 1 and last[0] in _MEDIA_WORDS):
        label = "ORG"  # "told the Herald": no person is "the" anything, nor called Gazette
    if label in ("WORK_OF_ART", "PRODUCT") and last and last[0] in BODY_KINDS:
        label = "ORG"  # "the Harwick Dockworkers' Federation" is no work of art
    return [(Mention(start, end, "name", ent.root.i, label), text[start:end])] if start < end else []


def _untagged_first_name(ent: Span) -> bool:
    """"Amelize Joseph loves …" with only "Joseph" tagged: a capitalised word the model left out,
    compounded with the name, and no speech verb ("Said Ellis") or name of a thing ("the 1994 Crime
    Bill", see ``_thing_named_by``)."""
    before = _untagged_capital_before(ent.doc, ent.start, range(ent.start, ent.end))
    return (before is not None and before.pos_ == "PROPN" and before.lower_ not in _SPEECH_WORDS
            and not _after_determiner(before))


def _thing_named_by(word: Token) -> bool:
    """"The 1994 Crime Bill" with only "Bill" tagged a person: a lone first name that closes a
    capitalised compound of words no entity holds and that are neither names nor titles, after a
    determiner or a number, names a thing, not someone."""
    if word.lower_ not in _FIRST_NAMES:
        return False
    before = _untagged_capital_before(word.doc, word.i, range(word.i, word.i + 1))
    return before is not None and before.lower_ not in _FIRST_NAMES and _after_determiner(before)


def _untagged_capital_before(doc: Doc, at: int, heads: range) -> Token | None:
    """The capitalised word right before token ``at``, compounded with one of ``heads``, that no
    entity holds and that is no title or role: what ``_untagged_first_name`` and
    ``_thing_named_by`` tell apart."""
    if at == 0:
        return None
    before = doc[at - 1]
    if (before.dep_ == "compound" and before.head.i in heads and before.is_title and not before.ent_type_
            and before.lower_.rstrip(".") not in _TITLES_AND_ROLES):
        return before
    return None


def _after_determiner(word: Token) -> bool:
    """Whether a determiner or a number stands right before ``word``: "the Crime", "1994 Crime"."""
    if word.i == 0:
        return False
    left = word.doc[word.i - 1]
    return left.pos_ in ("DET", "NUM") or left.like_num


def _title_before_name(doc: Doc, ent: Span) -> bool:
    """A person's span that ends in a title with another name right after it."""
    last, size = ent[-1], len(doc)
    return (len(ent) > 1 and last.lower_.rstrip(".") in ROLE_NOUNS and last.is_title and ent.end < size
            and doc[ent.end].pos_ == "PROPN" and doc[ent.end].is_title)


def _label_elsewhere(doc: Doc, name: str) -> str:
    """The label the model gives these words where they stand alone: a place unless it says a body."""
    labels = Counter(e.label_ for e in doc.ents if e.text == name and e.label_ in ("GPE", "ORG", "LOC", "NORP"))
    return labels.most_common(1)[0][0] if labels else "GPE"


_PREPOSITIONS = {"against", "with", "without", "for", "from", "to", "at", "on", "in", "into", "by", "about",
                 "after", "before", "over", "under", "versus", "vs", "amid", "among", "behind", "beyond"}
_OPENING_MARK = re.compile(r"“|«|„|(?<=\s)[\"‘]")
_PARTICLES = {"de", "la", "le", "van", "von", "der", "den", "da", "di", "du", "del", "dos", "das", "bin", "ibn", "al"}


def _untagged_full_names(doc: Doc, text: str, names: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """Runs of proper nouns the model left untagged ("Mark Olsen and his wife", "De la Cruz said")
    that end in the surname of a person it did tag: names of a person, maybe another of that family."""
    scan = _scan(doc)
    surnames = {get_string_id(_words(n)[-1]) for m, n in names if m.label == "PERSON" and _words(n)}
    propn = set(scan.propn)
    found = []
    for first in [i for i in scan.propn if scan.lower[i] in _FIRST_NAME_IDS]:
        # "Carmen Ruiz, the deputy," left untagged: a first name and a capitalised word after it
        if first + 1 in propn and _free_capital(doc[first]) and _free_capital(doc[first + 1]) \
                and doc[first + 1].lower_ not in _PLACE_OR_BODY_WORDS | _ORG_SUFFIXES:
            found += _run_name(doc, text, [first, first + 1])
    if not surnames:
        return found
    for end in [i for i in scan.propn if scan.lower[i] in surnames]:
        run = [end] if _free_capital(doc[end]) else []
        while run:
            before = run[0] - 1
            if before - 1 in propn and doc[before].lower_ in _PARTICLES:
                before -= 1
            if before not in propn or not _free_capital(doc[before]) or doc[before].lower_ in _PREPOSITIONS:
                break  # "Up Against Trump" in a title-case headline: no one is called Against
            run.insert(0, before)
        found += _run_name(doc, text, run) if len(run) > 1 else []
    return found


_ACRONYM_IN_BRACKETS = re.compile(r"\(([A-Z]{2,7})\)")


def _untagged_acronym_names(doc: Doc, text: str, names: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """"The Coastal Fishers Cooperative (CFC)" left untagged: capitalised words whose initials the
    bracket spells out name an organisation, and so does the acronym."""
    taken = {m.start for m, _ in names}
    found = []
    for match in _ACRONYM_IN_BRACKETS.finditer(text):
        letters = match.group(1)
        words = list(re.finditer(r"[\w'’&-]+", text[max(0, match.start() - 120):match.start()]))
        base = max(0, match.start() - 120)
        content = 0
        for at in range(len(words) - 1, -1, -1):
            word = words[at].group()
            if word.casefold() in _ACRONYM_STOP:
                continue
            if not word[:1].isupper():
                break
            content += 1
            if content == len(letters):
                start, end = base + words[at].start(), base + words[-1].end()
                if _acronyms(text[start:end]) & {letters}:
                    # the full name may be tagged already: "the Railway Workers' Federation (RWF)"
                    found += [] if start in taken else _org_mention(doc, text, start, end)
                    found += [] if match.start(1) in taken else _org_mention(doc, text, *match.span(1))
                break
    return found


def _untagged_body_names(doc: Doc, text: str, names: list[tuple[Mention, str]]) -> list[tuple[Mention, str]]:
    """"Falcão’s union, the Seafarers’ Guild," left untagged: capitalised words after "the" in
    apposition to a kind of body name that body."""
    taken = _covered(text, (m for m, _ in names))
    found = []
    scan = _scan(doc)
    for i in scan.propn + scan.title_nouns:
        token = doc[i]
        if token.dep_ != "appos" or token.head.lower_ not in BODY_NOUNS or token.head.pos_ != "NOUN" or taken[token.idx]:
            continue
        first = token.left_edge
        words = [t for t in doc[first.i + 1:i + 1] if not t.is_punct]
        if first.lower_ == "the" and words and all(t.is_title for t in words) and not any(taken[t.idx] for t in words):
            found += _org_mention(doc, text, words[0].idx, token.idx + len(token.text))
    return found


def _covered(text: str, mentions) -> bytearray:
    """1 under each character of the mentions: cheaper to fill than a set of every character."""
    taken = bytearray(len(text))
    for mention in mentions:
        taken[mention.start:mention.end] = b"\1" * (mention.end - mention.start)
    return taken


def _quoted_titles(doc: Doc, text: str) -> list[tuple[int, int]]:
    """The quotations that read as titles ("Safer Births, Closer Care", “Contract with America”),
    but for the sentence's comma or full stop inside their marks (on “Fox and Friends.”)."""
    titles = []
    for quotation in quotations_of(doc, text):
        words = text[quotation.start:quotation.end].rstrip(",.").split()
        if title_words(words):
            titles.append((quotation.start, quotation.start + len(" ".join(words))))
    return titles


def _org_mention(doc: Doc, text: str, start: int, end: int) -> list[tuple[Mention, str]]:
    span = doc.char_span(start, end, alignment_mode="expand")
    return [(Mention(start, end, "name", span.root.i, "ORG"), text[start:end])] if span is not None else []


def _free_capital(token: Token) -> bool:
    return not token.ent_type and token.text[:1].isupper()


def _run_name(doc: Doc, text: str, run: list[int]) -> list[tuple[Mention, str]]:
    end = doc[run[-1]].idx + len(doc[run[-1]])
    start = _skip_leading_words(text, doc[run[0]].idx, end, "PERSON")
    return [(Mention(start, end, "name", run[-1], "PERSON"), text[start:end])]


def _dateline(text: str, start: int, end: int) -> bool:
    """The place of a dateline, which the small model often calls an organisation."""
    line = text.rfind("\n", 0, start) + 1
    if start > line and not text[line:start].isspace():
        return False  # a dateline's place opens its line; this name comes later in it
    match = dateline_at(text, line)
    return match is not None and match.span("place") == (start, end)


def _skip_leading_words(text: str, start: int, end: int, label: str) -> int:
    """Start after a leading "the" and, for persons, titles the model took into the name."""
    while True:
        match = _LEADING_WORD.match(text, start, end)
        if not match:
            return start
        word = match.group(1).casefold().rstrip(".")
        if word == "the" or (label == "PERSON" and (word in ROLE_NOUNS or word in _TITLES)):
            start = match.end()
        else:
            return start


_LEADING_WORD = re.compile(r"(\S+)\s+")
_TITLES = MALE_TITLES | FEMALE_TITLES
_TITLES_AND_ROLES = ROLE_NOUNS | _TITLES
_FIRST_NAMES = MALE_NAMES | FEMALE_NAMES


@lru_cache(maxsize=8192)
def _words(name: str) -> tuple[str, ...]:
    """The casefolded words of a name (cached: each name is compared with every other)."""
    return tuple(w.strip(".,").casefold() for w in _SPACES.split(name) if w.strip(".,"))


def _word_fits(short: str, long: str) -> bool:
    # "M." (now "m") stands for "Mark"; hyphenated surnames answer to either half.
    return short == long or (len(short) == 1 and long.startswith(short)) or short in long.split("-")


def _name_fits(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    """Whether ``short`` can name whoever ``long`` names: its words in order, the surname kept."""
    if not short or len(short) > len(long):
        return False
    if len(short) == 1:
        return short[0] == long[-1] or (short[0] == long[0] and len(short[0]) > 1) or short[0] in long[-1].split("-")
    if not _word_fits(short[-1], long[-1]):
        return False
    at = 0
    for word in short[:-1]:
        while at < len(long) - 1 and not _word_fits(word, long[at]):
            at += 1
        if at >= len(long) - 1:
            return False
        at += 1
    return True


def _cluster(names: list[tuple[Mention, str]], doc: Doc, text: str) -> list[Cluster]:
    """Full person names first, then every other name joins a fitting person or its own form."""
    persons: list[tuple[tuple[str, ...], Cluster]] = []
    known: set[tuple[tuple[str, ...], int]] = set()  # each name form of each person once: a recurring
    # full name would otherwise make every later name test it again
    order = sorted(range(len(names)), key=lambda i: (-len(_words(names[i][1])), names[i][0].start))
    rest = []
    for i in order:
        mention, name = names[i]
        words = _words(name)
        if mention.label != "PERSON" and (_looks_personal(words, name) or _AGE.match(text, mention.end)
                                          or _named_role(doc, mention, words, name)):
            # "Helena Marsh" tagged ORG: a first name, an age or a role it names makes it a person's
            mention.label = "PERSON"
        if mention.label == "PERSON" and len(words) > 1 and not _is_acronym(name):
            fits = [c for w, c in persons if _name_fits(words, w)]
            cluster = _nearest(fits, mention.start) if fits else None
            if cluster is None:
                cluster = Cluster(full_person=True)
            if (words, id(cluster)) not in known:
                known.add((words, id(cluster)))
                persons.append((words, cluster))
            _join(cluster, mention, name)
        else:
            rest.append(i)
    by_key: dict[str, Cluster] = {}
    fitting: dict[tuple[str, ...], list[Cluster]] = {}  # a surname recurs: the persons it fits are the same
    for i in sorted(rest, key=lambda i: names[i][0].start):
        mention, name = names[i]
        words = _words(name)
        if words not in fitting:
            found = list({id(c): c for w, c in persons if _name_fits(words, w)}.values())
            # "Pryce" is Owen Pryce before Georgia Pryce-Hale: a whole surname before half of one
            exact = [c for c in found if any(_words(n)[-1:] == words[-1:] for n in c.names)]
            fitting[words] = exact or found
        fits = fitting[words]
        fits = _agreeing(fits, _title_gender(text, mention.start), persons) or fits
        if len(fits) > 1:
            fits = _agreeing(fits, _pronoun_after(doc, mention.head), persons) or fits
        if fits and (mention.label == "PERSON" or len(words) >= 1) and not _is_acronym(name):
            _join(_principal(fits, mention.start), mention, name)
            continue
        key = _key(name)
        if key not in by_key:
            by_key[key] = Cluster()
        _join(by_key[key], mention, name)
    clusters = list({id(c): c for _, c in persons}.values()) + list(by_key.values())
    _merge_acronyms(clusters, text)
    _merge_short_forms(clusters)
    return clusters


_AGE = re.compile(r",\s*\d{1,3},")  # "Georgia Pryce-Hale, 34, a marine biologist"
_TITLE_BEFORE = re.compile(r"\b([A-Za-z]+)\.?\s+$")


def _title_gender(text: str, start: int) -> str | None:
    """"m" after "Mr.", "f" after "Mrs."/"Ms.": the title right before a name."""
    match = _TITLE_BEFORE.search(text, max(0, start - 12), start)
    word = match.group(1).casefold() if match else ""
    return "m" if word in MALE_TITLES else "f" if word in FEMALE_TITLES else None


_BACK_PRONOUNS = {"he": "m", "himself": "m", "his": "m", "she": "f", "herself": "f", "her": "f"}


def _pronoun_after(doc: Doc, at: int) -> str | None:
    """"Ferrer himself spoke", "Ferrer said he would": the gender of a pronoun after a surname in its
    sentence with no other name or role between, which points back to it."""
    quoted = inside_quotes(doc)
    for token in doc[at + 1:min(at + 16, len(doc))]:
        if token.is_sent_start or token.pos_ == "PROPN" or token.lower_ in ROLE_NOUNS or quoted[token.i] != quoted[at]:
            return None
        gender = _BACK_PRONOUNS.get(token.lower_)
        if gender is not None:
            return gender if token.lower_ != "her" or token.dep_ == "poss" else None
    return None


def _agreeing(fits: list[Cluster], gender: str | None, persons: list[tuple[tuple[str, ...], Cluster]]) -> list[Cluster]:
    """"Mr. Olsen" is not Lisa Olsen: of the people a surname fits, those whose first name (or
    whose own title) does not say the other gender. Empty when none."""
    if gender is None:
        return fits
    other = "f" if gender == "m" else "m"
    said = {id(c): _first_name_gender(w) for w, c in persons if len(w) > 1}
    return [c for c in fits if said.get(id(c)) != other]


def _first_name_gender(words: tuple[str, ...]) -> str | None:
    first = words[0] if words else ""
    if first in MALE_NAMES and first not in FEMALE_NAMES:
        return "m"
    if first in FEMALE_NAMES and first not in MALE_NAMES:
        return "f"
    return None


def _looks_personal(words: tuple[str, ...], name: str) -> bool:
    """A first name and one or two capitalised words that name no place or body."""
    return (2 <= len(words) <= 3 and _first_name_gender(words) is not None and name.istitle()
            and words[-1] not in _PLACE_OR_BODY_WORDS | _ORG_SUFFIXES)


def _named_role(doc: Doc, mention: Mention, words: tuple[str, ...], name: str) -> bool:
    """"The union's regional secretary, Odile Ferrant": two or three capitalised words in apposition
    to a person's role, which name no place or body."""
    head = doc[mention.head]
    return (2 <= len(words) <= 3 and name.istitle() and words[-1] not in _PLACE_OR_BODY_WORDS | _ORG_SUFFIXES
            and head.dep_ == "appos" and head.head.lower_ in ROLE_NOUNS and head.head.pos_ == "NOUN")


def _headline_only(cluster: Cluster, clusters: list[Cluster], text: str) -> bool:
    """A name only the headline has, where the model reads capitals as names: any of a title-case
    headline ("Port Workers Threaten Strike as Talks Stall" gives "Threaten Strike"), the first word
    of a sentence-case one ("Harbour plan splits the council" gives "Harbour") unless the body has
    that word in a name ("Kessing council passes budget" and "Kessing City Council")."""
    end = text.find("\n")
    if end < 0 or any(m.start >= end for m in cluster.mentions):
        return False
    words = re.findall(r"[A-Za-z][\w'’-]{3,}", text[:end])
    if len(words) >= 2 and sum(w[0].isupper() for w in words) >= 0.8 * len(words):
        return True
    first = re.match(r"\W*", text).end()
    if not _headline(text, end) or any(m.start != first or len(_words(text[m.start:m.end])) != 1
                                       for m in cluster.mentions):
        return False
    word = _words(text[first:cluster.mentions[0].end])[0]
    if re.search(r"\b" + re.escape(word) + r"\b", text[end:]):
        return True  # "Harbour chief quits" and "the harbour's staff": a common word, though it is in a name
    return not any(word in _words(text[m.start:m.end]) for c in clusters for m in c.mentions
                   if m.start >= end and m.kind == "name")


def _headline(text: str, end: int) -> bool:
    """Whether the first line, ending at ``end``, is a headline: it stands alone and is no sentence."""
    return text.startswith("\n\n", end) and not text[:end].rstrip().endswith((".", ":"))


def _join(cluster: Cluster, mention: Mention, name: str) -> None:
    cluster.mentions.append(mention)
    cluster.labels[mention.label] += 1
    cluster.add_name(name)


def _nearest(clusters: list[Cluster], at: int) -> Cluster:
    """Of clusters that fit a name, the one mentioned last before it (or first after it)."""
    if len(clusters) == 1:
        return clusters[0]  # most names fit one person: no distances to measure

    def distance(cluster: Cluster) -> tuple:
        before = [at - m.start for m in cluster.mentions if m.start <= at]
        after = [m.start - at for m in cluster.mentions if m.start > at]
        return (0, min(before)) if before else (1, min(after, default=0))

    return min(clusters, key=distance)


def _principal(clusters: list[Cluster], at: int) -> Cluster:
    """Of people a bare surname fits, the one the story has named most so far ("Berg" is the man
    the story is about, not his wife named once as Ruth Berg); the nearest when that ties."""
    if len(clusters) == 1:
        return clusters[0]
    named = {id(c): sum(m.start < at for m in c.mentions) for c in clusters}
    most = max(named.values())
    return _nearest([c for c in clusters if named[id(c)] == most], at)


def _key(name: str) -> str:
    words = [w.replace(".", "") for w in _words(name)]
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in _ORG_SUFFIXES:
        words = words[:-1]
    return " ".join(words)


def _is_acronym(name: str) -> bool:
    bare = name.replace(".", "")
    return 2 <= len(bare) <= 7 and bare.isalpha() and bare.isupper()


def _acronyms(name: str) -> set[str]:
    words = [w for w in re.split(r"[\s\-]+", name) if w]
    if words and words[0].casefold() == "the":
        words = words[1:]
    content = [w for w in words if w.casefold() not in _ACRONYM_STOP]
    return {"".join(w[0] for w in content).upper(), "".join(w[0] for w in words).upper()}


def _merge_acronyms(clusters: list[Cluster], text: str) -> None:
    """"IMF" is the International Monetary Fund: by its letters, or a bracket right after the name."""
    spelled: dict[int, set[str]] = {}  # the letters each entity's names spell, made once for all acronyms
    for short in clusters:
        if not any(_is_acronym(n) for n in short.names) or short.full_person:
            continue
        letters = {n.replace(".", "") for n in short.names if _is_acronym(n)}
        opened = _bracket_opened(short, text)
        for long in clusters:
            if long is short or long.full_person:
                continue
            if id(long) not in spelled:
                spelled[id(long)] = {a for n in long.names if not _is_acronym(n) for a in _acronyms(n)}
            if letters & spelled[id(long)] or any(m.end in opened for m in long.mentions):
                short.__dict__["merge_into"] = long
                if long.labels and "PERSON" not in long.labels:
                    short.labels.pop("PERSON", None)  # "NMSO" tagged a person: the letters name a body
                break


def _merge_short_forms(clusters: list[Cluster]) -> None:
    """"Cascade" after "Cascade Energy Partners": an organisation's first words (or its last word, tagged
    an organisation), used after its full name, are that organisation when they begin (end) no other's name (whatever the model tagged them,
    short of a place: "New York" is no short "New York Times")."""
    longs = [(min(m.start for m in c.mentions), [_words(n) for n in c.names], c)
             for c in clusters if not c.full_person and c.type == "ORG"]
    starts = {words[:k] for _, names, _ in longs for words in names for k in range(1, len(words))}
    ends = {words[-1:] for _, names, _ in longs for words in names if len(words) > 1}
    for short in clusters:
        words = [_words(n) for n in short.names if not _is_acronym(n)]
        if short.full_person or short.type in ("GPE", "LOC", "NORP"):
            continue
        # "the Courier" after "the Lindvik Courier": an organisation's last word, so tagged
        last = short.type == "ORG" and len(words) == 1 and words[0] in ends
        if not (starts.intersection(words) or last):
            continue
        first = min(m.start for m in short.mentions)
        fits = [c for at, names, c in longs if c is not short and at < first
                and any(len(w) < len(n) and (n[:len(w)] == w or last and n[-1:] == w) for w in words for n in names)]
        if len(fits) == 1 and "merge_into" not in short.__dict__:
            short.__dict__["merge_into"] = fits[0]
            short.labels.clear()  # the tag of the short form is the less reliable one


def _bracket_opened(short: Cluster, text: str) -> set[int]:
    """Where a name ends that a bracket holding one of the mentions follows: "Fund (IMF)"."""
    return {end for m in short.mentions for end in range(max(0, m.start - 3), m.start)
            if _BRACKET_OPENING.fullmatch(text, end, m.start)}


_BRACKET_OPENING = re.compile(r"\s*\(\s*")


def _merged(clusters: list[Cluster]) -> list[Cluster]:
    """Apply the merges recorded as ``merge_into`` (kept out of the dataclass fields on purpose)."""
    def target(cluster: Cluster) -> Cluster:
        seen = set()
        while "merge_into" in cluster.__dict__ and id(cluster) not in seen:
            seen.add(id(cluster))
            cluster = cluster.__dict__["merge_into"]
        return cluster

    kept: dict[int, Cluster] = {}
    for cluster in clusters:
        into = target(cluster)
        kept.setdefault(id(into), into)
        if into is not cluster:
            have = {(m.start, m.end) for m in into.mentions}
            into.mentions += [m for m in cluster.mentions if (m.start, m.end) not in have]
            into.labels += cluster.labels
            into.full_person |= cluster.full_person
            for name in cluster.names:
                into.add_name(name)
    for cluster in kept.values():
        cluster.__dict__.pop("merge_into", None)
    return list(kept.values())


def _add_untagged_names(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """Proper nouns the model left untagged ("[Olsen]", "Ana") that repeat a person's name or an acronym."""
    taken = _covered(text, (m for c in clusters for m in c.mentions))
    persons = [(set(_words(n)), c) for c in clusters if c.full_person for n in c.names]
    acronyms = {n: c for c in clusters if not c.full_person for n in c.names if _is_acronym(n)}
    surnames = {_words(n)[-1] for c in clusters if c.full_person for n in c.names if _words(n)}
    scan = _scan(doc)
    nouns = [i for i in scan.title_nouns if doc[i].lower_ in surnames and _surname_noun(doc[i])]
    for i in sorted(scan.propn + nouns) if nouns else scan.propn:
        token = doc[i]
        if taken[token.idx] or not token.text[:1].isupper() or _thing_named_by(token):
            continue
        word = token.text.casefold()
        fits = [c for words, c in persons if word in words and len(word) > 1]
        if token.text in acronyms:
            fits = [acronyms[token.text]]
        fits = list({id(c): c for c in fits}.values())
        if len(fits) > 1:  # "Mrs. Ferrer" and "Ferrer himself": the wife and the husband
            other = {"m": "f", "f": "m"}.get(_title_gender(text, token.idx) or _pronoun_after(doc, token.i) or "")
            fits = [c for c in fits if other is None or _gender_of_names(c) != other] or fits
        if fits:
            cluster = _nearest(fits, token.idx)
            cluster.mentions.append(Mention(token.idx, token.idx + len(token.text), "name", token.i, ""))


_SPEECH_LEMMAS = {"say", "tell", "add", "write", "argue", "insist", "claim", "deny", "ask", "reply", "warn", "explain"}
_SPEECH_WORDS = {"said", "says", "added", "adds", "asked", "asks", "told", "tells", "wrote", "writes", "replied", "warned"}


def _surname_noun(token: Token) -> bool:
    """"Greaves told the newspaper": a surname the parse took for a common noun, where a common noun
    would not be capitalised or is no one who speaks."""
    if not token.is_sent_start:
        return True
    return token.dep_ in _PROFILE_DEPS and token.head.lemma_ in _SPEECH_LEMMAS


# --- what the article says ties names together -------------------------------------------------------

_GLOSS = re.compile(r"\[([^\[\]\n]{1,120})\]")
_QUOTED = re.compile(r"[“\"‘']([^”\"’']{1,60})[”\"’']")
_KNOWN_AS = re.compile(r"\b(?:(?:also |widely |popularly |better |commonly )?known (?:[a-z]+ly )?(?:to (?:[\w’']+ ){1,3})?as|nicknamed|dubbed|a\.k\.a\.?|aka)"
                       r"\s+(?:the\s+)?[“\"‘']?(?:the\s+)?((?:[A-Z][\w'’\-]*\.?\s?){1,4})")
_KNOWN_AS_WORDS = ("known", "nicknamed", "dubbed", "a.k.a", "aka")  # one is in every match: the search is slow


def _merge_glosses(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """Bracketed editorial glosses and "known as"/"nicknamed" tie a second name to an entity."""
    for match in _GLOSS.finditer(text):
        inside = match.group(1)
        quoted = _QUOTED.search(inside)
        if _join_split_name(doc, text, clusters, match, quoted.group(1) if quoted else None):
            continue
        before = re.search(r"([A-Z][\w'’\-]*|[Hh]e|[Ss]he|[Tt]hey|[Hh]im|[Hh]er|[Tt]hem)\s*$", text[:match.start()])
        if before is None:
            continue
        start, end = before.start(1), before.end(1)
        word = before.group(1)
        kind = "pronoun" if word.casefold() in _PRONOUN_GENDER else "name"
        target = _cluster_named(clusters, quoted.group(1) if quoted else inside.strip(),
                                start, _PRONOUN_GENDER.get(word.casefold()) if kind == "pronoun" else None)
        if target is None:
            continue
        _attach(clusters, target, start, end, kind, doc)
        if kind == "name":
            target.add_name(word)
            _add_alias_mentions(doc, text, clusters, target, word)
    for nickname in nicknames(doc, text):
        owner = next((c for c in clusters for m in c.mentions if (m.start, m.end) == (nickname.start, nickname.end)), None)
        if owner is not None:
            owner.full_person = True
            nick = text[slice(*nickname.nick)]
            owner.add_name(nick)
            _add_alias_mentions(doc, text, clusters, owner, nick)
    for match in _KNOWN_AS.finditer(text) if any(word in text for word in _KNOWN_AS_WORDS) else ():
        alias = match.group(1).strip().rstrip(".,")
        owner = _owner_before(clusters, match.start(), text)
        if owner is None or not alias:
            continue
        start = match.start(1)
        _attach(clusters, owner, start, start + len(alias), "name", doc)
        owner.add_name(alias)
        _add_alias_mentions(doc, text, clusters, owner, alias)


def _join_split_name(doc: Doc, text: str, clusters: list[Cluster], gloss: re.Match, quoted: str | None) -> bool:
    """'Bob [short for “Robert”] Ferris': a gloss inside a name splits the model's mention in two;
    both halves are one person, and the name the gloss quotes is theirs too."""
    def touching(side: str) -> tuple[Cluster, Mention] | None:
        for cluster in clusters:
            for m in cluster.mentions:
                gap = (m.end, gloss.start()) if side == "left" else (gloss.end(), m.start)
                if m.kind == "name" and 0 <= gap[1] - gap[0] <= 2 and not text[slice(*gap)].strip():
                    return cluster, m
        return None

    left, right = touching("left"), touching("right")
    if left is not None and right is None and left[1].label == "PERSON":
        right = _untagged_surname(doc, text, gloss.end())
        if right is not None:
            clusters.append(right[0])
    if left is None or right is None or left[0] is right[0] or "PERSON" not in (left[1].label, right[1].label):
        return False
    owner, (half, mention) = left[0], right
    if "merge_into" in half.__dict__:
        # 'Bob [short for “Robert”] Ferris … Annie [a diminutive of “Ana”] Ferris': the surname's
        # mentions went to the first split name; only the half touching this gloss is this one's.
        half.mentions.remove(mention)
        owner.mentions.append(mention)
    else:
        half.__dict__["merge_into"] = owner
    owner.full_person = True
    owner.add_name(f"{text[left[1].start:left[1].end]} {text[right[1].start:right[1].end]}")
    if quoted:
        owner.add_name(quoted)
    return True


_BLANKS = re.compile(" *")


def _untagged_surname(doc: Doc, text: str, after: int) -> tuple[Cluster, Mention] | None:
    """'Bob [short for “Robert”] Mills': a capitalised word right after the gloss that the model
    left untagged (it read "Mills" as a noun) is the name's second half."""
    start = _BLANKS.match(text, after).end()
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None or not (token := span[0]).is_alpha or not _free_capital(token) or token.pos_ not in ("PROPN", "NOUN"):
        return None
    mention = Mention(token.idx, token.idx + len(token), "name", token.i, "PERSON")
    return Cluster(mentions=[mention]), mention


def _cluster_named(clusters: list[Cluster], name: str, at: int, gender: str | None) -> Cluster | None:
    """The one entity the gloss names; of people sharing its surname ("He [Olsen]" with Mark and
    Lisa Olsen in the story), the one its pronoun agrees with who was mentioned last."""
    words = _words(name)
    fits = [c for c in clusters if any(_name_fits(words, _words(n)) or _key(n) == _key(name) for n in c.names)]
    if len(fits) > 1 and len(words) == 1 and all(c.full_person for c in fits):
        other = {"m": "f", "f": "m"}.get(gender or "")
        fits = [c for c in fits if _gender_of_names(c) != other or other is None]
        before = [c for c in fits if any(m.start < at for m in c.mentions)]
        return _nearest(before, at) if before else None
    return fits[0] if len(fits) == 1 else None


def _owner_before(clusters: list[Cluster], at: int, text: str) -> Cluster | None:
    """The entity named last before ``at`` in the same sentence: "Ana Duarte, known as ..."."""
    sentence_start = max(text.rfind(". ", 0, at), text.rfind("\n", 0, at))
    best, best_end = None, -1
    for cluster in clusters:
        for m in cluster.mentions:
            if m.kind == "name" and sentence_start < m.start and best_end < m.end <= at:
                best, best_end = cluster, m.end
    if best is not None and text.startswith(("'s", "’s"), best_end):
        return None  # "Ibarra's deputy, known as La Jefa": the deputy's name, not Ibarra's
    return best


def _attach(clusters: list[Cluster], target: Cluster, start: int, end: int, kind: str, doc: Doc) -> None:
    """Make the span a mention of ``target``, taking it (and its cluster, if only that) from elsewhere."""
    for cluster in clusters:
        if cluster is target:
            continue
        inside = [m for m in cluster.mentions if start <= m.start and m.end <= end]
        if inside and len(inside) == len(cluster.mentions):
            cluster.__dict__["merge_into"] = target
    if not any(m.start == start and m.end == end for m in target.mentions):
        span = doc.char_span(start, end, alignment_mode="expand")
        head = span.root.i if span is not None and len(span) else 0
        target.mentions.append(Mention(start, end, kind, head, ""))


def _add_alias_mentions(doc: Doc, text: str, clusters: list[Cluster], target: Cluster, alias: str) -> None:
    # 'Annie [a diminutive of “Ana”] laughed … Annie told her staff': the entity the model made of
    # the alias alone, all its mentions, is the glossed one's
    key = _key(alias)
    for cluster in clusters:
        if cluster is not target and not cluster.full_person and cluster.names and all(
                _key(n) == key for n in cluster.names):
            cluster.__dict__["merge_into"] = target
    taken = {m.start for c in clusters for m in c.mentions}
    for match in re.finditer(rf"\b{re.escape(alias)}\b", text):
        if match.start() not in taken:
            _attach(clusters, target, match.start(), match.end(), "name", doc)


# --- titles, appositions, descriptions ---------------------------------------------------------------


def _add_titles_and_appositions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    for cluster in clusters:
        for mention in list(cluster.mentions):
            if mention.kind != "name":
                continue
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is None or not len(span):
                continue
            _title(doc, span, cluster)
            _apposition(doc, span, cluster)
        if cluster.type == "PERSON" and _described_as_a_body(cluster):
            cluster.full_person = False  # "the news site Ledger North" is no person, whatever its tag
            cluster.labels = Counter({"ORG": len(cluster.mentions)})
        if cluster.type == "PERSON" and cluster.gender is None:
            cluster.gender = _gender_of_names(cluster)


# What a publication or a body is called: "the news site Ledger North", "the weekly Harbour Voice".
# Words for a news outlet that are no kind of body: "told the station", "the news site Ledger North".
OUTLET_NOUNS = {"site", "website", "paper", "newspaper", "magazine", "outlet", "daily", "weekly", "channel", "station",
                "broadcaster", "network", "programme", "program", "publication", "blog", "podcast", "tabloid"}
_OUTLETS = BODY_NOUNS | OUTLET_NOUNS


def _described_as_a_body(cluster: Cluster) -> bool:
    """Every descriptor of the entity is a body's or a publication's, and none a person's role."""
    heads = [_words(d)[-1] for d in cluster.descriptors if _words(d)]
    return bool(heads) and all(head in _OUTLETS for head in heads) and not cluster.roles & ROLE_NOUNS


def _title(doc: Doc, span: Span, cluster: Cluster) -> None:
    """"Finance Minister Ana Duarte", "Mr Olsen": the words before the name that modify it."""
    words: list[Token] = []
    at = span.start - 1
    while at >= 0:
        token = doc[at]
        if token.is_punct and token.text != ".":
            break
        lower = token.lower_.rstrip(".")
        if token.text == "." or lower in MALE_TITLES or lower in FEMALE_TITLES:
            if lower in MALE_TITLES or lower in FEMALE_TITLES:
                cluster.gender = cluster.gender or ("m" if lower in MALE_TITLES else "f")
            at -= 1
            continue
        if token.dep_ in ("compound", "amod", "nmod") and at < token.head.i < span.end + 2 or (
                token.head.i > at and token.text[:1].isupper() and lower in ROLE_NOUNS):
            words.insert(0, token)
            at -= 1
            continue
        break
    if words and any(t.lower_.rstrip(".") in ROLE_NOUNS for t in words):  # most names have no title
        _describe(cluster, " ".join(t.text for t in words), words)
    elif words and words[-1].lower_ in BODY_NOUNS and cluster.type != "PERSON":
        _describe(cluster, " ".join(t.text for t in words), words)  # "the commuter group Friends of …"


def _apposition(doc: Doc, span: Span, cluster: Cluster) -> None:
    """"Mark Olsen, the head of the port authority," and "The finance minister, Ana Duarte,"."""
    root = span.root
    for child in root.rights:  # those after the name
        if child.dep_ == "appos" and child.i >= span.end and child.pos_ in ("NOUN", "ADJ") and not child.ent_type_:
            phrase = doc[child.left_edge.i:child.right_edge.i + 1]
            _describe(cluster, phrase.text.strip(" ,"), list(phrase))
    head = root.head
    if root.dep_ == "appos" and head.dep_ == "pobj" and head.head.lower_ == "of" and head.pos_ == "PROPN" and (
            cluster.type == "PERSON") and head.head.head.lower_ in ROLE_NOUNS:
        head = head.head.head  # "The chief executive of Northfield Minerals, Piotr Kessler,"
        if head.pos_ == "NOUN" and _determined(head):
            phrase = doc[head.left_edge.i:root.head.i + 1]
            _describe(cluster, phrase.text, list(phrase))
            return
    if root.dep_ == "appos" and head.i < span.start and not head.ent_type_ and (
            head.pos_ == "NOUN" or head.pos_ == "PROPN" and head.lower_ in ROLE_NOUNS) and _determined(head):
        phrase = doc[head.left_edge.i:head.i + 1]
        _describe(cluster, phrase.text, list(phrase))
        _indefinite_before(doc, head, cluster)
    described = _identified(root)
    if described is not None:
        phrase = doc[described.left_edge.i:described.i + 1]
        _describe(cluster, phrase.text, list(phrase))
        cluster.mentions.append(Mention(phrase.start_char, phrase.end_char, "description", described.i))
        _indefinite_before(doc, described, cluster)


def _determined(noun: Token) -> bool:
    """"The finance minister, Ana Duarte" or "Her boss, Piotr Zielinski", not a vocative after
    "one thing" ("We asked you for one thing, Alicia")."""
    first = _left_word(noun)
    # "Duarte-Silva's spokesman": the possessive is the noun's child, whatever the hyphen's tokens before it
    return first.tag_ in ("DT", "PRP$") or first.dep_ == "poss" or any(c.dep_ == "poss" for c in noun.lefts)


def _identified(root: Token) -> Token | None:
    """"The official, later identified as Kasia Nowak,": the noun the name was given to."""
    if root.dep_ != "pobj" or root.head.lower_ != "as":
        return None
    verb = root.head.head
    if verb.lemma_ not in ("identify", "name"):
        return None
    noun = verb.head
    good = verb.dep_ == "acl" and noun.pos_ == "NOUN" and noun.lower_ in ROLE_NOUNS and not noun.ent_type_
    return noun if good and _left_word(noun).lower_ in ("the", "this", "that") else None


def _left_word(token: Token) -> Token:
    return token.doc[token.left_edge.i]


def _indefinite_before(doc: Doc, head: Token, cluster: Cluster) -> None:
    """"A senior official at the ministry said …" and then "The official, Kasia Nowak,": the
    person named is the one first described, a few sentences back, by the same role noun."""
    if _left_word(head).lower_ not in ("the", "this", "that"):
        return
    sents = sentence_ids(doc)
    for i in reversed([i for i in _scan(doc).roles if i < head.left_edge.i]):
        if sents[head.i] - sents[i] > 3:
            return
        earlier = doc[i]
        if earlier.lower_ == head.lower_ and _left_word(earlier).lower_ in ("a", "an"):
            phrase = doc[earlier.left_edge.i:i + 1]
            cluster.mentions.append(Mention(phrase.start_char, phrase.end_char, "description", i))
            return


def _describe(cluster: Cluster, text: str, tokens: list[Token]) -> None:
    cluster.descriptors.append(text)
    for token in tokens:
        if token.pos_ in ("NOUN", "PROPN", "ADJ") or token.lower_ in ROLE_NOUNS:
            word = token.lower_.rstrip(".")
            cluster.roles.add(_ABBREVIATIONS.get(word, word))
            if cluster.gender is None:
                cluster.gender = _role_gender(word)


def _gender_of_names(cluster: Cluster) -> str | None:
    # A one-word name beside a longer one is the surname ("Malkia Cyril" ... "Cyril"), whatever
    # first name it looks like: it tells the gender only when it is all the story gives.
    names = sorted(cluster.names, key=lambda n: -len(n.split()))
    if names and len(names[0].split()) > 1:
        names = [name for name in names if len(name.split()) > 1]
    for name in names:
        gender = _first_name_gender(_words(name))
        if gender is not None:
            return gender
    return None


def _synonyms(word: str) -> set[str]:
    for group in _SYNONYMS:
        if word in group:
            return group
    return {word}


def description_fits(tokens: list[Token], cluster: Cluster) -> bool:
    """"the port chief" fits whoever the article called a chief (or head) of something "port"."""
    if cluster.type != "PERSON" or not cluster.roles:
        return False
    head = tokens[-1].lower_
    if not (_synonyms(head) | _KINDS_OF.get(head, set())) & cluster.roles:
        return False
    if head == "minister" and "minister" not in cluster.roles and cluster.roles & _NON_GOVERNMENT:
        return False  # the regional secretary of the nurses' union is no minister
    if cluster.gender is not None and (head in _MALE_ROLES and cluster.gender == "f" or
                                       head in _FEMALE_ROLES and cluster.gender == "m"):
        return False  # "the congresswoman" is no man
    modifiers = [t.lower_ for t in tokens[:-1] if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.lower_ not in _LOOSE]
    return all(_synonyms(word) & cluster.roles for word in modifiers)


# Bodies whose secretary holds no office of state.
_NON_GOVERNMENT = {"union", "association", "federation", "party", "club", "company", "society", "league", "council",
                   "committee", "board", "foundation", "charity", "cooperative"}
_LOOSE = {"former", "new", "then", "current", "top", "senior", "outgoing", "incoming", "acting", "embattled", "veteran",
          "longtime", "long-time", "interim", "same", "other"}


def description_tokens(doc: Doc, start: int, end: int) -> list[Token] | None:
    """The words of a definite role description ("the port chief") in the span, or None."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    root = span.root
    if root.pos_ not in ("NOUN", "PROPN") or root.lower_ not in ROLE_NOUNS or root.ent_type_ == "PERSON":
        return None
    # the root and the words before it that hang on a later word: "said of the former chief executive"
    words = [t for t in span if (t.i == root.i or t.i < root.i and t.head.i > t.i) and not t.is_punct]
    if not words or words[0].lower_ not in ("the", "this", "that", "his", "her", "their"):
        return None  # a possessive is as definite: "her former deputy" is the deputy named before
    return [t for t in words[1:] if t.pos_ != "DET"]


def _resolve_descriptions(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """A later "the port chief" joins the one person it fits, when only one does."""
    taken = {i for c in clusters for m in c.mentions for i in (m.start, m.end - 1)}
    first_named = min((m.start for c in clusters if c.type == "PERSON" for m in c.mentions), default=len(text))
    first_line = text.find("\n\n")
    headline_end = first_line if first_line > 0 and _headline(text, first_line) else 0
    for i in _scan(doc).roles:
        root = doc[i]
        chunk = doc[root.left_edge.i:i + 1]
        # A headline drops the article: "Premier vows to …" is the premier the story names.
        bare = chunk.end_char <= headline_end and root.left_edge.pos_ != "DET" and root.is_title
        if chunk.start_char in taken or not bare and root.left_edge.lower_ not in ("the", "this", "that"):
            continue
        if any(child.dep_ == "appos" for child in chunk.root.children) or chunk.root.dep_ in ("compound", "appos"):
            continue
        if any(t.dep_ == "appos" and t.ent_type_ == "PERSON" for t in doc[i + 1:min(root.right_edge.i + 1, i + 12)]):
            continue  # "The chief executive of Northfield Minerals, Piotr Kessler,": his descriptor already
        tokens = [t for t in chunk if not t.is_punct] if bare else description_tokens(doc, chunk.start_char, chunk.end_char)
        if not tokens:
            continue
        fitting = [c for c in clusters if description_fits(tokens, c)]
        fits = [c for c in fitting if min(m.start for m in c.mentions) < chunk.start_char]
        if not fits and len(fitting) == 1 and (_named_next(doc, fitting[0], chunk.root.i)
                                               or chunk.start_char < first_named):
            # "The president said … President Jonas Reval added": named in the next sentence; or a
            # headline or standfirst's "the mayor blames …" before the story names anyone
            fits = fitting
        if len(fits) == 1:
            fits[0].mentions.append(Mention(chunk.start_char, chunk.end_char, "description", chunk.root.i))
            fits[0].descriptors.append(chunk.text)


def _resolve_bodies(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """"The federation says …" after "the Dockworkers' Federation", "the ministry" after the "Ministry
    of Transport": "the" and the kind of body that one organisation's name says, however far after
    it, is that organisation (the speakers stage links a bare "the company" to the body named last,
    near it)."""
    by_kind: dict[str, list[Cluster]] = {}
    for cluster in clusters:
        if cluster.type not in ("PERSON", "GPE", "LOC"):  # the West Bank is no bank
            for kind in {word for name in cluster.names for word in _words(name)} & BODY_KINDS:
                by_kind.setdefault(kind, []).append(cluster)
    if not by_kind:
        return
    taken = {m.start for c in clusters for m in c.mentions}
    pattern = re.compile(r"\b[Tt]he\s+(" + "|".join(map(re.escape, by_kind)) + r")\b")
    for match in pattern.finditer(text):
        if match.start() in taken or match.start(1) in taken:
            continue
        bodies = [c for c in by_kind[match.group(1)] if min(m.start for m in c.mentions) < match.start()]
        span = doc.char_span(match.start(1), match.end(1)) if len(bodies) == 1 else None
        if span is None:
            continue
        bodies[0].mentions.append(Mention(match.start(), match.end(), "description", span.root.i))
        bodies[0].descriptors.append(match.group().lower())


def unnamed_persons(doc: Doc, clusters: list[Cluster]) -> list[tuple[int, str | None]]:
    """The persons described by a role and never named ("a call he had with the regional governor"),
    as the head word's index and the gender the role tells: no one's mention, not a name's apposition."""
    if (cached := doc.user_data.get(_UNNAMED_KEY)) is not None:
        return cached
    mentions = sorted((m.start, m.end) for c in clusters for m in c.mentions)
    starts = [start for start, _ in mentions]

    def named(token: Token) -> bool:
        at = bisect.bisect_right(starts, token.idx) - 1
        return at >= 0 and mentions[at][0] <= token.idx < mentions[at][1]

    unnamed = []
    for i in _scan(doc).roles:
        root = doc[i]
        if root.tag_ not in ("NN", "NNP") or root.dep_ in ("compound", "amod", "appos", "poss", "npadvmod"):
            continue  # "the vice president", "Ivo Marsh, the council's leader", "the minister's aide"
        first = root.left_edge
        if first.lower_ not in _UNNAMED_DETERMINERS or first.i > i or named(root):
            continue  # a mention of someone named already ("the port chief" resolved to Vell)
        if any(t.dep_ == "appos" and (t.ent_type_ == "PERSON" or named(t))
               for t in doc[i + 1:min(root.right_edge.i + 1, i + 12)]):
            continue  # "the council's leader, Ivo Marsh", "The mayor of Dunmore, Petra Lind"
        unnamed.append((i, _role_gender(root.lower_)))
    doc.user_data[_UNNAMED_KEY] = unnamed
    return unnamed


def _role_gender(role: str) -> str | None:
    return "m" if role in _MALE_ROLES else "f" if role in _FEMALE_ROLES else None


_UNNAMED_KEY = "onrecord.unnamed"
_UNNAMED_DETERMINERS = {"the", "a", "an", "this", "that", "one"}


def _named_next(doc: Doc, cluster: Cluster, at: int) -> bool:
    """Whether the entity is first mentioned by name in the sentence of token ``at`` or the next."""
    first = min(cluster.mentions, key=lambda m: m.start)
    sents = sentence_ids(doc)
    return first.kind == "name" and first.head > at and sents[first.head] - sents[at] <= 1


# --- pronouns ---------------------------------------------------------------------------------------


def pronoun_gender(word: str) -> str | None:
    return _PRONOUN_GENDER.get(word.casefold())


def _resolve_pronouns(doc: Doc, text: str, clusters: list[Cluster]) -> None:
    """Third-person pronouns, in reading order, to the most salient recent entity that agrees, or
    failing one within the window, a "she" or "he" to the article's main subject."""
    events = _events(clusters)
    quoted = inside_quotes(doc)
    taken = {m.start for c in clusters for m in c.mentions}
    position = 0
    for i in _scan(doc).pronouns:
        token = doc[i]
        gender = _PRONOUN_GENDER.get(token.lower_)
        if gender is None or token.idx in taken or _pleonastic(token) or _glossed(text, token):
            continue
        while position < len(events) and events[position][0] < token.i:
            position += 1
        scores = _scores(doc, token, gender, events[max(0, position - _LOOKBACK):position])
        if scores:
            cluster = max(scores.values(), key=lambda entry: entry[0])[1]
            if gender in "mf" and not quoted[token.i] and not _contested(cluster, gender, scores):
                cluster.votes[gender] += 1  # the article's own usage guides later agreement
        else:  # a guess by salience alone, so it casts no vote
            cluster = _main_subject(clusters, token, events[:position])
            if cluster is None:
                continue
        cluster.mentions.append(Mention(token.idx, token.idx + len(token.text), "pronoun", token.i))
        events.insert(position, (token.i, cluster, token))
        position += 1


def _link_writers(doc: Doc, text: str, clusters: list[Cluster], byline: list[str]) -> None:
    """Outside quotation marks, "I" is the writer whom a letter's signature, a closing line or the
    byline names (``authors``); a byline's writer the text never names is an entity of their own."""
    if not authors.FIRST_PERSON.search(text):
        return
    names = {(m.start, m.end): c for c in clusters if c.type == "PERSON" for m in c.mentions if m.kind == "name"}

    def named_at(start: int, end: int) -> Cluster | None:
        return names.get((start, end))

    quoted = inside_quotes(doc)
    taken = {m.start for c in clusters for m in c.mentions}

    def voice(start: int, end: int) -> list[Mention]:
        return [Mention(first, last, "pronoun", head) for first, last, head
                in authors.first_person(doc, text, start, end, quoted) if first not in taken]

    parts = [(writer, voice(start, end)) for start, end, writer in authors.letters(text, named_at)]
    if not parts and (closing := authors.closing_line(text, named_at)):
        # a news story's last paragraph may open with a name and "is": only a first-person text has a writer
        parts = [(closing[1], mentions) for mentions in [voice(0, closing[0])] if len(mentions) >= _WRITER_VOICE]
    if not parts and len(byline) == 1:
        key = _key(byline[0])
        writer = next((c for c in clusters if c.type == "PERSON" and any(_key(n) == key for n in c.names)), None)
        if writer is None:
            writer = Cluster(full_person=True)
            writer.add_name(byline[0])
        parts = [(writer, voice(0, len(text)))]
    for writer, mentions in parts:
        writer.mentions += mentions
        if writer.mentions and all(writer is not c for c in clusters):
            clusters.append(writer)


_WRITER_VOICE = 2  # first-person words outside quotations that make a text its writer's


def _main_subject(clusters: list[Cluster], token: Token, before: list) -> Cluster | None:
    """For a "she" with no one who agrees near: the article's main subject, the person mentioned far
    more often than any other, when she is a "she" and no one else who may be was mentioned since
    (``before``: the mentions so far). Else None: the pronoun is left unresolved."""
    if token.lower_ not in _SUBJECT_PRONOUNS:
        return None
    gender = _PRONOUN_GENDER[token.lower_]
    persons = sorted((c for c in clusters if c.type == "PERSON"), key=lambda c: -len(c.mentions))
    if not persons or len(persons[0].mentions) < _MAIN_MENTIONS or _agreement(persons[0], gender) != 0.0 or (
            len(persons) > 1 and len(persons[0].mentions) < _MAIN_MARGIN * len(persons[1].mentions)):
        return None
    last = next((c for _, c, _ in reversed(before) if _agreement(c, gender) is not None), None)
    return persons[0] if last is persons[0] else None


# "her"/"his" far from any name more often belong to a common noun ("one contestant … her figure").
_SUBJECT_PRONOUNS = {"he", "she"}
_MAIN_MENTIONS = 5  # a main subject is mentioned at least this often, and twice as often as anyone else
_MAIN_MARGIN = 2


def _glossed(text: str, token: Token) -> bool:
    """"They [the regulators]": the editor said who; a gloss naming an entity was joined already."""
    end = token.idx + len(token.text)
    return text.startswith("[", end) or text.startswith(" [", end)


def _events(clusters: list[Cluster]) -> list[tuple[int, Cluster, Token | None]]:
    return sorted(((m.head, c, None) for c in clusters for m in c.mentions), key=lambda e: e[0])


def best_antecedent(doc: Doc, token: Token, gender: str, events: list, bonus: dict | None = None,
                    window: int = 3) -> Cluster | None:
    """Score the entities mentioned up to ``window`` sentences back: nearer, subject, frequent, agreeing."""
    scores = _scores(doc, token, gender, events, bonus, window)
    return max(scores.values(), key=lambda entry: entry[0])[1] if scores else None


def _contested(cluster: Cluster, gender: str, scores: dict[int, tuple[float, Cluster, int]]) -> bool:
    """Whether a pronoun went to someone of unknown gender over a nearer one its gender names: "Fowler
    has backed Ana Meravic since her first bid" must not make Fowler a "she" for later pronouns."""
    last = scores[id(cluster)][2]
    return cluster.gender is None and any(c.gender == gender and at > last for _, c, at in scores.values())


_LOOKBACK = 60  # mentions a pronoun's antecedent is looked for among, the last first


def _scores(doc: Doc, token: Token, gender: str, events: list, bonus: dict | None = None,
            window: int = 3) -> dict[int, tuple[float, Cluster, int]]:
    scan = _scan(doc)
    quoted, profile = scan.quoted, scan.profile
    # in narrative, a quotation's sentences put no distance between a "he" or "she" and their name
    # (an "it" or "they" after a quotation is as often about what was said)
    sents = scan.narrative if gender in "mf" and not quoted[token.i] else scan.sentence
    here, i = sents[token.i], token.i
    bonus = bonus or {}
    agreements: dict[int, float | None] = {}  # an entity's every mention agrees as its first does
    scores: dict[int, tuple[float, Cluster, int]] = {}  # score, entity, its last mention
    plural = -1
    if gender == "p":
        # a subject "they" too inside a quotation, or in what a plural noun said; elsewhere (where it
        # may be a speaker) it is still left to salience alone
        plural = _plural_before(doc, token) if token.dep_ not in _PROFILE_DEPS or quoted[token.i] \
            else _plural_reporter(token)
    for at, cluster, _ in reversed(events[-_LOOKBACK:]):  # events run in text order: latest first here
        distance = here - sents[at]
        if distance > window or at < plural:
            break  # "Jordan told supporters …: “…,” he told them": them are the supporters
        if at >= i:
            continue
        key = id(cluster)
        if key not in agreements:
            agreements[key] = _agreement(cluster, gender)
        agreement = agreements[key]
        if agreement is None:
            continue
        if distance == 0 and _bound(doc[at], token):
            continue
        if at not in profile:
            profile[at] = _in_profile(doc[at])
        score = 2.0 - min(distance, 2) - 0.2 * max(distance - 2, 0) + agreement
        score += 0.6 if profile[at] else 0.0
        score += 0.02 * at / max(i, 1)  # later in the window is nearer
        score -= 0.5 if quoted[at] and not quoted[i] else 0.0  # names inside a quotation are not its speaker
        score += min(len(cluster.mentions), 8) * 0.05
        score += bonus.get(key, 0.0)
        if key not in scores or score > scores[key][0]:
            last = scores[key][2] if key in scores else at
            scores[key] = (score, cluster, last)
    return scores


def _plural_before(doc: Doc, token: Token) -> int:
    """The last plural common noun before a "they" in its sentence or the one before, or -1."""
    plurals = _scan(doc).plurals
    at = bisect.bisect_left(plurals, token.i) - 1
    if at < 0 or sentence_ids(doc)[token.i] - sentence_ids(doc)[plurals[at]] > 1:
        return -1
    return plurals[at]


def _plural_reporter(token: Token) -> int:
    """"Rail unions said they would strike": a subject "they" in what a plural noun said, thought or
    wanted is that noun (left to salience otherwise); its index, or -1."""
    verb = token.head
    while verb.dep_ in ("ccomp", "xcomp", "advcl", "conj") and verb.head.i != verb.i:
        verb = verb.head
        for child in verb.children:
            if child.dep_ in _PROFILE_DEPS and child.tag_ == "NNS" and not child.ent_type_ and child.i < token.i:
                return child.i
    return -1


def _in_profile(mention: Token) -> bool:
    """The subject of a sentence's main clause, or the name in apposition to it ("Her spokeswoman,
    Ana Duarte, said that the president …": Duarte, not the president, is the next "she")."""
    if mention.dep_ == "appos":
        mention = mention.head
    if mention.dep_ == "ROOT":
        return mention.pos_ in ("NOUN", "PROPN")  # a verbless fragment the parse split off its verb
    verb = mention.head
    main = verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT")
    return mention.dep_ in _PROFILE_DEPS and main


def _agreement(cluster: Cluster, gender: str) -> float | None:
    """None when the entity cannot be the pronoun; else a penalty for weak or contrary evidence."""
    if cluster.type not in _PRONOUN_TYPES[gender]:
        return None
    if gender not in "mf":
        return 0.0
    if cluster.gender is not None:
        return 0.0 if cluster.gender == gender else None
    other = "f" if gender == "m" else "m"
    if cluster.votes[other] > cluster.votes[gender] + 1:
        return None  # the article's own usage settles it: nine "he"s make no "she"
    if cluster.votes[other] > cluster.votes[gender]:
        return -1.5
    return 0.0 if cluster.votes[gender] else -0.3


@dataclass
class _Scan:
    """What the stages look up per token, read once through ``Doc.to_array`` (iterating a Doc
    builds a Python object per token, which costs more than the rest of the stage)."""

    sentence: list[int]
    narrative: list[int]  # the sentence number, not counting quoted sentences that name no one (_narrative)
    lower: list[int]  # the lowercase form's string id
    quoted: list[bool]
    pronouns: list[int]
    propn: list[int]
    roles: list[int]
    plurals: list[int]  # plural common nouns outside any entity: "supporters", "ministers"
    title_nouns: list[int]  # capitalised common nouns: "Greaves" when the parse misses the name
    profile: dict[int, bool] = field(default_factory=dict)  # _in_profile of a token, once asked


# Sets, not arrays: looking each of a few hundred ids up in a set is cheaper than numpy.isin.
_FIRST_NAME_IDS = {get_string_id(w) for w in _FIRST_NAMES}
_PRONOUN_IDS = {get_string_id(w) for w in _PRONOUN_GENDER}
_ROLE_IDS = {get_string_id(w) for w in ROLE_NOUNS}
_NNS = get_string_id("NNS")


def _scan(doc: Doc) -> _Scan:
    scan = doc.user_data.get("onrecord.scan")
    if scan is not None and len(scan.sentence) == len(doc):
        return scan
    lower, pos, sent_start, tag, ent, title = doc.to_array([LOWER, POS, SENT_START, TAG, ENT_TYPE, IS_TITLE]).reshape(-1, 6).T
    starts = sent_start == 1
    if len(starts):
        starts[0] = False
    sentence = numpy.cumsum(starts).tolist()
    words = lower.tolist()
    # the small model tags "the prime minister" PROPN as often as NOUN
    nouns = numpy.flatnonzero((pos == NOUN) | (pos == PROPN)).tolist()
    quoted = [state[0] for state in states_of(doc)]
    scan = _Scan(
        sentence=sentence,
        narrative=_narrative(sentence, quoted, pos),
        lower=words,
        quoted=quoted,
        pronouns=[i for i, word in enumerate(words) if word in _PRONOUN_IDS],
        propn=numpy.flatnonzero(pos == PROPN).tolist(),
        roles=[i for i in nouns if words[i] in _ROLE_IDS],
        plurals=numpy.flatnonzero((tag == _NNS) & (ent == 0)).tolist(),
        title_nouns=numpy.flatnonzero((pos == NOUN) & (title == 1) & (ent == 0)).tolist(),
    )
    doc.user_data["onrecord.scan"] = scan
    return scan


def _narrative(sentence: list[int], quoted: list[bool], pos: numpy.ndarray) -> list[int]:
    """Sentence numbers that skip the quoted sentences that name no one: a "she" after four such
    sentences of her own words is as near her name as after one narrative sentence."""
    if not sentence:
        return []
    ids = numpy.array(sentence)
    counts = (~numpy.array(quoted, dtype=bool) & (pos != PUNCT) & (pos != SPACE)) | (pos == PROPN)
    told = numpy.zeros(sentence[-1] + 1, dtype=numpy.int64)
    told[ids[counts]] = 1
    return numpy.cumsum(told)[ids].tolist()


def inside_quotes(doc: Doc) -> list[bool]:
    return _scan(doc).quoted


def sentence_ids(doc: Doc) -> list[int]:
    """The sentence number of every token."""
    return _scan(doc).sentence


def _bound(mention: Token, pronoun: Token) -> bool:
    """"Olsen praised him": a plain pronoun is not a co-argument of its antecedent."""
    if pronoun.lower_ in ("his", "its", "their", "himself", "herself", "itself", "themselves") or (
            pronoun.lower_ == "her" and pronoun.dep_ == "poss"):
        return False  # "Holland thanked her": an object "her" is someone else; "her speech" may be Holland's
    return mention.head.i == pronoun.head.i


def _pleonastic(token: Token) -> bool:
    if token.dep_ == "expl":
        return True
    if token.lower_ != "it":
        return False
    head = token.head
    return head.lemma_ in ("be", "seem", "appear", "take", "rain", "matter") and any(
        c.dep_ in ("ccomp", "xcomp", "csubj") for c in head.children)


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end
