"""Time expressions: found with compiled regular expressions and normalised to TIMEX3 values.

A HeidelTime-like rule set in Python. Every rule is one compiled pattern and a normaliser; all
rules scan the raw text, overlapping matches are resolved longest first, and the survivors are
normalised in text order so that anaphoric expressions ("the quarter", "a year earlier", "that
year") can lean on the last date the article mentioned. Relative expressions resolve against the
anchor (the publication date). Working on the raw string keeps the finder usable without spaCy and
fast (no per-token Python loop); the stage passes the parse only to read the tense of a sentence.

Extents follow TimeML: determiners and modifiers ("the", "early", "about") are inside, the
preposition ("on", "since") is not.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from spacy.tokens import Doc

from ..record import Record, TimeExpression
from . import stage
from .datelines import first_dateline

# --- vocabulary -------------------------------------------------------------------------------

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}
WEEKDAYS = {"monday": 1, "mon": 1, "tuesday": 2, "tues": 2, "tue": 2, "wednesday": 3, "wed": 3, "thursday": 4,
            "thurs": 4, "thu": 4, "friday": 5, "fri": 5, "saturday": 6, "sat": 6, "sunday": 7, "sun": 7}
SMALL = {"zero": 0, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
         "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
         "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
         "dozen": 12, "couple": 2, "half": 0.5}
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
            "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13, "fourteenth": 14,
            "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18, "nineteenth": 19,
            "twentieth": 20, "thirtieth": 30}
# Unit → (duration letter, needs the "T" time designator, multiplier).
UNITS = {"second": ("S", True, 1), "minute": ("M", True, 1), "hour": ("H", True, 1), "day": ("D", False, 1),
         "night": ("D", False, 1), "week": ("W", False, 1), "weekend": ("WE", False, 1),
         "fortnight": ("W", False, 2), "month": ("M", False, 1), "quarter": ("Q", False, 1),
         "year": ("Y", False, 1), "decade": ("DE", False, 1), "century": ("CE", False, 1),
         "centurie": ("CE", False, 1), "millennium": ("ML", False, 1), "millennia": ("ML", False, 1)}
SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI",
                "tonight": "NI", "noon": "T12:00", "midnight": "T24:00", "midday": "T12:00"}
HOLIDAYS = {"christmas": (12, 25), "christmas day": (12, 25), "christmas eve": (12, 24), "new year's day": (1, 1),
            "new year's eve": (12, 31), "independence day": (7, 4), "valentine's day": (2, 14),
            "halloween": (10, 31), "boxing day": (12, 26), "bastille day": (7, 14), "may day": (5, 1)}

_alt = "|".join
# Full names, or abbreviations with their full stop ("Sept."); a full stop after a full name ends the sentence.
MONTH = r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\b|" \
        r"(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)"
WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b|(?:Mon|Tues?|Wed|Thu(?:rs)?|Fri|Sat|Sun)\b\.?)"
WEEKDAYS_PLURAL = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days\b"
DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b"
ORDINAL_DAY = r"(?:" + _alt(sorted(ORDINALS, key=len, reverse=True)) + r")(?:[- ](?:first|second|third|fourth|" \
    r"fifth|sixth|seventh|eighth|ninth))?"
YEAR = r"(?:1[6-9]\d\d|20\d\d)(?![\d,.]\d)"
YEAR_WORDS = r"(?:nineteen|twenty)[- ](?:" + _alt(["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen",
                                                   "sixteen", "seventeen", "eighteen", "nineteen"]) + \
    r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|" \
    r"nine))?)|two thousand(?: and)?(?: (?:one|two|three|four|five|six|seven|eight|nine|ten))?"
_NUM_WORD = _alt(sorted((w for w in SMALL if w not in ("a", "an", "half", "couple", "dozen")), key=len,
                        reverse=True))
NUMBER = r"(?:\d+(?:,\d{3})*(?:\.\d+)?(?:\s+1/2)?|(?:" + _NUM_WORD + r")(?:[- ](?:" + _NUM_WORD + \
    r"))*(?:\s+(?:hundred|thousand))?(?:\s+and\s+a\s+half)?|a\s+(?:couple\s+of|dozen|hundred|thousand|few)" \
    r"|a|an|few|several|many|some|a\s+few|a\s+couple)"
UNIT = r"(?:second|minute|hour|day|night|week(?:end)?|fortnight|month|quarter|year|decade|centur(?:y|ie)|" \
    r"millenni(?:um|a))"
APPROX = r"(?:(?:about|around|approximately|almost|nearly|roughly|some|just|only|at\s+least|at\s+most|more\s+than|" \
    r"less\s+than|fewer\s+than|over|under|up\s+to|no\s+more\s+than|no\s+less\s+than|barely|close\s+to|" \
    r"the\s+better\s+part\s+of|upwards\s+of)\s+)"
ZONE = r"(?:\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST))?"
CLOCK = r"(?:(?:(?:[01]?\d|2[0-3])(?::[0-5]\d)?\s*(?:a\.m\.|p\.m\.|am\b|pm\b|a\.m\b|p\.m\b)|" \
    r"(?:[01]?\d|2[0-3]):[0-5]\d(?!\d)|noon|midnight|midday)" + ZONE + \
    r"|(?:[01]\d|2[0-3])[0-5]\d\s+(?:GMT|UTC))"  # "0800 GMT": four digits only with their zone
DAYREF = r"(?:today|tonight|yesterday|tomorrow|" + WEEKDAY + r"(?:,?\s+" + MONTH + r"\s+" + DAY + r")?|" + \
    MONTH + r"\s+" + DAY + r"(?:,?\s+" + YEAR + r")?)"

_SPACE = r"[^\S\n]+"  # a weekday joins a date on its line: a headline's "until Friday" is not its dateline's day

# --- the context a normaliser sees ------------------------------------------------------------


@dataclass
class _Context:
    text: str
    anchor: dt.date | None
    doc: Doc | None
    last: str | None = None  # the last date the text mentioned, for "that year", "the day before"
    last_day: str | None = None  # the last whole day it mentioned ("1998-10-02"), for "that morning", "10 p.m."
    last_quarter: str | None = None  # the last quarter it mentioned, for "the quarter", "a year ago"
    # Set by "the first nine months" (a results period running from the start of the year), cleared by the
    # next quarter named: "a year earlier", "the 1988 period" then compare years, not quarters.
    year_to_date: bool = False
    anaphoric: bool = False  # set by a normaliser whose value leans on the references above

    def tense(self, start: int, end: int) -> str:
        """``past``, ``future`` or ``present`` of the clause around ``text[start:end]``."""
        return _tense(self.text, start, end, self.doc)

    def date_tense(self, start: int, end: int) -> str:
        """The tense, but a deadline ("by August", "until Friday") in a clause without one looks ahead."""
        tense = self.tense(start, end)
        if tense == "present" and _DEADLINE.search(self.text, max(0, start - 8), start):
            return "future"
        return tense


Normaliser = Callable[[re.Match, _Context], tuple[str, str | None] | None]


@dataclass(frozen=True)
class _Rule:
    name: str
    pattern: re.Pattern
    normalise: Normaliser
    # Kinds of anchor word every match contains (``ANCHORS``): the full pattern runs only in windows
    # around their hits, since scanning all the text with every rule is what would cost the time.
    anchors: tuple[str, ...] = ()


RULES: list[_Rule] = []


def rule(pattern: str, flags: int = re.I) -> Callable[[Normaliser], Normaliser]:
    def register(func: Normaliser) -> Normaliser:
        # The pattern grouped: word bounds must hold around every alternative, not the outer two only.
        RULES.append(_Rule(func.__name__, re.compile(r"(?<![\w'’-])(?:" + pattern + r")(?![\w-]|['’](?!s\b)\w)", flags),
                           func))
        return func

    return register


# --- the finder -------------------------------------------------------------------------------


def find_times(text: str, anchor: str | dt.date | None = None, doc: Doc | None = None) -> list[TimeExpression]:
    """The time expressions of ``text``, relative ones resolved against ``anchor`` (an ISO date)."""
    if isinstance(anchor, str):
        anchor = _parse_anchor(anchor)
    if anchor is None:
        anchor = _dateline(text)
    else:
        anchor = _filed_on(text, anchor)
    candidates = []
    hits = _anchor_hits(text)
    for priority, current in enumerate(RULES):
        for window_start, window_end in _windows(current.anchors, hits):
            for match in current.pattern.finditer(text, window_start, window_end):
                candidates.append((match.start(), -(match.end() - match.start()), priority, match, current))
    candidates.sort(key=lambda c: c[:3])
    context = _Context(text, anchor, doc)
    found: list[TimeExpression] = []
    end = -1
    for start, _, _, match, current in candidates:
        if start < end:
            continue
        context.anaphoric = False
        result = current.normalise(match, context)
        if result is None:
            continue
        kind, value = result
        end = match.end()
        found.append(TimeExpression(text=match.group(0), spans=[(start, end)], type=kind, value=value))
        if value and value[:1].isdigit() and current.name not in _ANAPHORIC and not context.anaphoric:
            _remember(context, current.name, kind, value, start, end)
    return found


def _remember(context: _Context, rule_name: str, kind: str, value: str, start: int, end: int) -> None:
    """The date just named becomes the reference of anaphora; a time names its day if it says which
    ("Friday night", "9 a.m. Tuesday"; not "overnight", which falls back on publication)."""
    if kind == "TIME":
        if rule_name in ("weekday", "clock", "iso_date") and _granularity(value[:10]) == "day":
            context.last_day = value[:10]
        return
    if kind != "DATE":
        return
    context.last = value
    if _granularity(value) == "day":  # a month or year named since does not move the day in focus
        context.last_day = value
    if _granularity(value) == "quarter" and _may_be_reported(context, value, start, end):
        context.last_quarter = value
        context.year_to_date = False


def _may_be_reported(context: _Context, quarter: str, start: int, end: int) -> bool:
    """A quarter whose results can be reported: not one ahead of publication, nor the current one in a
    forecast ("expects the slump to go on into the fourth quarter")."""
    if context.anchor is None or quarter < _quarter(context.anchor):
        return True
    return quarter == _quarter(context.anchor) and context.tense(start, end) != "future"


_BEFORE, _AFTER = 64, 80  # longest reach of a rule before and after its anchor word


def _anchor_hits(text: str) -> dict[str, list[tuple[int, int]]]:
    """Where each kind of anchor word occurs: one scan of the lower-cased text for all rules."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters lower-case to two; offsets must not move
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    hits: dict[str, list[tuple[int, int]]] = {}
    for hit in _ANCHOR.finditer(lowered):
        hits.setdefault(hit.lastgroup, []).append(hit.span())
    return hits


def _windows(kinds: tuple[str, ...], hits: dict[str, list[tuple[int, int]]]) -> list[tuple[int, int]]:
    """Disjoint stretches of the text around the hits of the anchor ``kinds``."""
    spans = sorted(span for kind in kinds for span in hits.get(kind, ()))
    windows: list[tuple[int, int]] = []
    for hit_start, hit_end in spans:
        start, end = max(0, hit_start - _BEFORE), hit_end + _AFTER
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


@stage("times", requires={"parser", "attribute_ruler", "lemmatizer"})  # tense (and lemma) of the governing verb
def find_times_stage(doc: Doc, record: Record) -> None:
    record.times = find_times(record.article.text, record.article.published, doc)


_DATELINE = re.compile(r"^[^\S\n]*(" + MONTH + r")\s+(\d{1,2}),?\s+(\d{4})[^\S\n]*$", re.M)


def _dateline(text: str) -> dt.date | None:
    """Without a publication date, a full date alone on one of the first lines (a dateline) stands in."""
    match = _DATELINE.search(text, 0, 300)
    if match is None:
        return None
    try:
        return dt.date(int(match.group(3)), _month(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


# The date of a wire dateline ("BRUSSELS, December 2 (Xinhua) --", "LONDON, May 4, 2023 (Reuters) -").
_FILED = re.compile(r"(" + MONTH + r")[ \t]+(\d{1,2})(?:,[ \t]*(\d{4}))?")


def _filed_on(text: str, published: dt.date) -> dt.date:
    """The day a wire dateline says the story was filed, when it lies a few days before publication: the
    story's "Thursday" and "yesterday" count from there ("WASHINGTON, March 12 (Xinhua) --" in a paper of
    the 13th)."""
    dateline = first_dateline(text, 300)
    match = _FILED.fullmatch(dateline.group("detail") or "") if dateline else None
    if match is None:
        return published
    try:
        filed = dt.date(int(match.group(3) or published.year), _month(match.group(1)), int(match.group(2)))
    except ValueError:
        return published
    if match.group(3) is None and filed > published:
        filed = filed.replace(year=published.year - 1) if (filed.month, filed.day) != (2, 29) else filed
    return filed if 0 < (published - filed).days <= 3 else published


def _parse_anchor(value: str) -> dt.date | None:
    match = re.match(r"(\d{4})-(\d\d)-(\d\d)", value)
    if not match:
        return None
    try:
        return dt.date(*map(int, match.groups()))
    except ValueError:
        return None


# --- helpers ----------------------------------------------------------------------------------


def number(words: str) -> float | None:
    """The number written in ``words`` ("twenty-four", "2 1/2", "a dozen"); None when vague."""
    words = words.lower().replace(",", "").strip()
    if re.fullmatch(r"\d+(?:\.\d+)?", words):
        return float(words)
    if match := re.fullmatch(r"(\d+)\s+1/2", words):
        return int(match.group(1)) + 0.5
    total, current = 0.0, 0.0
    words = re.sub(r"^an?\s+(?=\w)", "", words)  # "a dozen", "a hundred": the article is not a one
    for word in re.split(r"[\s-]+", words):
        if word in ("and", "of"):
            continue
        if word == "hundred":
            current = (current or 1) * 100
        elif word == "thousand":
            total += (current or 1) * 1000
            current = 0
        elif word == "half":
            current += 0.5
        elif word == "dozen":
            current = (current or 1) * 12
        elif word in SMALL:
            current += SMALL[word] if word not in ("a", "an") or not current else 0
        else:
            return None
    return total + current


def duration(amount: float | None, unit: str) -> str:
    """TIMEX3 duration: ``P3Y``, ``PT11M``, ``P2Y6M``, ``PXD`` for a vague amount."""
    unit = unit.lower().rstrip("s")
    letter, is_time, times = UNITS.get(unit, ("X", False, 1))
    prefix = "PT" if is_time else "P"
    if amount is None:  # "for decades": an unknown number of years, as TimeML corpora write it
        return f"{prefix}X{'Y' if letter == 'DE' else letter}"
    amount *= times
    if letter == "DE":
        letter, amount = "Y", amount * 10
    elif letter == "CE":
        letter, amount = "Y", amount * 100
    # Quarters stay quarters ("two quarters" is P2Q): TIMEX3 durations take Q as a unit.
    if amount != int(amount):  # "2 1/2 years" is P2Y6M, "half an hour" PT30M
        smaller = {"Y": ("M", 12), "M": ("D", 30) if not is_time else ("S", 60), "D": ("H", 24), "W": ("D", 7),
                   "H": ("M", 60), "Q": ("M", 3)}.get(letter)
        if smaller:
            whole, rest = int(amount), round((amount - int(amount)) * smaller[1])
            inner = f"{whole}{letter}" if whole else ""
            if letter == "D" and not is_time:
                return f"P{inner}T{rest}H"
            return f"{prefix}{inner}{rest}{smaller[0]}"
    return f"{prefix}{int(amount)}{letter}"


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _week(day: dt.date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def _quarter(day: dt.date) -> str:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}"


def _weekday_number(name: str) -> int:
    key = name.lower().rstrip(".")
    if key in WEEKDAYS:
        return WEEKDAYS[key]
    key = key.removesuffix("s")
    if key in WEEKDAYS:
        return WEEKDAYS[key]
    return WEEKDAYS[key.removesuffix("day")[:3]]


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _year_value(text: str) -> int | None:
    text = text.lower().strip()
    if text.isdigit():
        return int(text)
    if text.startswith("two thousand"):
        rest = text.removeprefix("two thousand").removeprefix(" and").strip()
        return 2000 + int(number(rest) or 0)
    first, _, rest = text.partition(" ") if " " in text.split("-")[0] else text.partition("-")
    century, tail = number(first), number(rest)
    if century is None or tail is None:
        return None
    return int(century) * 100 + int(tail)


def _resolve_month_day(month: int, day: int, anchor: dt.date | None, tense: str) -> str:
    """A month and day without a year: the occurrence nearest the anchor, or the one the tense says."""
    if anchor is None:
        return f"XXXX-{month:02d}-{day:02d}"
    best = None
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        gap = (candidate - anchor).days
        if tense == "past" and gap > 7 or tense == "future" and gap < -7:
            gap *= 4  # the tense disfavours, but does not forbid, that side of the anchor
        elif tense == "present" and gap > 7:
            gap *= 1.5  # news reports more than it announces
        if best is None or abs(gap) < best[0]:
            best = (abs(gap), candidate)
    return _iso(best[1]) if best else f"XXXX-{month:02d}-{day:02d}"


def _resolve_month(month: int, anchor: dt.date | None, tense: str) -> str:
    if anchor is None:
        return f"XXXX-{month:02d}"
    year = anchor.year
    if tense == "past":
        year -= month > anchor.month
    elif tense == "future":
        year += month < anchor.month
    elif month - anchor.month > 5:  # unknown: this year's, unless that lies far ahead (news looks back)
        year -= 1
    elif anchor.month - month > 9:
        year += 1
    return f"{year}-{month:02d}"


def resolve_weekday(weekday: int, anchor: dt.date | None, direction: str) -> str:
    """``direction``: past/present → the most recent such day (the anchor itself counts); future → the next."""
    if anchor is None:
        return f"XXXX-WXX-{weekday}"
    offset = (weekday - anchor.isoweekday()) % 7
    if direction == "future":
        return _iso(anchor + dt.timedelta(days=offset))
    if direction == "next":
        return _iso(anchor + dt.timedelta(days=offset or 7))
    if direction == "last":
        return _iso(anchor - dt.timedelta(days=(7 - offset) % 7 or 7))
    return _iso(anchor - dt.timedelta(days=(7 - offset) % 7))


# Events that are set for a day and talked about before it: "would win Sunday's election".
_EVENTS = r"(?:elections?|votes?|referendum|run-?off|primary|ballot|polls|summit|debate|match|game|final|race|" \
    r"deadline|meeting|talks|launch|ceremony|inauguration|session|rally|parade|opening|hearing)"
# Cues of the time a clause speaks of. The cue nearest before the expression decides ("said Friday
# it will close": "said"); a future cue is a modal, a plan or a present-tense schedule verb.
_TENSE_CUE = re.compile(
    r"\b(?:(?P<future>will|won't|wo|shall|'ll|would|going\s+to|is\s+to|are\s+to|plans?\s+(?:to|an?)\b|planning|schedules|"
    r"planned\s+(?:to|for|an?)\b|scheduled\s+(?:to|for)|ha(?:s|ve)\s+scheduled|(?:is|are)\s+expected|effective|"
    r"expect(?:s|ed)?\s+to|is\s+due|are\s+due|due\s+to|set\s+to|as\s+early\s+as|as\s+soon\s+as|upcoming|"
    r"no\s+later\s+than|begins|starts|opens|resumes|meets|expires|takes\s+effect|to\s+be|supposed\s+to|"
    r"meet|begin|start|resume|arrive|visit|"  # "the leaders meet Monday": a schedule in the present
    # "Voters go to the polls on Sunday", "the vote is on Friday" (right before the time: not "Monday's
    # debate is still felt"): the present of a scheduled event
    r"go(?:es)?\s+to\s+the\s+polls|polls\s+open|takes\s+place|(?<!not\s)(?<!n't\s)take\s+place|"
    r"(?:hold|host)s?\s+(?:[\w'-]+\s+){0,3}?" + _EVENTS + r"|" + _EVENTS + r"\s+(?:is|are)(?:\s+(?:on|in))?(?=\s*$)|"
    r"(?:intends?|aims?|hopes?|promise[sd]?|vow(?:s|ed)?)\s+to|"
    r"to\s+(?:leave|travel|arrive|visit|meet|begin|start|hold|return|vote|decide|announce|sign|resume|continue|admit|"
    r"join|launch|release|complete|deliver|build|hand|pay|take\s+over|become)|"
    # "postponed until Tuesday": the event put off lies ahead, whatever the tense of the putting off
    r"(?:postponed|delayed|deferred|adjourned|extended)(?:\s+[\w'$]+){0,8}?\s+(?:until|till|through))|"
    # "-ed" in lower case only ("the United States"), not "-eed" ("succeed"), not an adjective in "un-"
    # ("unspecified"), and not a participle after "be" or "remain" ("will be named", "remain closed": the
    # verb before decides)
    # "has continued", "have closed": the present perfect reaches up to now, so a deadline after it lies ahead
    r"(?P<present>ha(?:s|ve)\s+(?!been\b)(?-i:[a-z]{2,}(?<!e)ed))|"
    r"(?P<past>said|told|was|were|had|did|announced|reported|agreed|ago|last|earlier|since|"
    r"(?<!\bbe\s)(?<!\bbeen\s)(?<!\bbeing\s)(?<!\bremain\s)(?<!\bremains\s)(?<!\bstay\s)(?<!\bstays\s)"
    r"(?!un)(?-i:[a-z]{2,}(?<!e)ed)))\b", re.I)
# A plan or put-off in the simple past: after the time it says when the plan was made, not what it is for.
_PAST_PLAN = re.compile(r"(?:planned|scheduled|expected|intended|aimed|hoped|promised|vowed|postponed|delayed|"
                        r"deferred|adjourned|extended)\b", re.I)
_DEADLINE = re.compile(r"\b(?:by|until|till|(?<!year\s)through)\s+$", re.I)  # "this year through May": a span
_CLAUSE_END = re.compile(r"[.;!?\n]")
# A full stop ends a clause unless it ends an abbreviation ("a.m.", "U.S.", "Mr.", "Sept.").
_CLAUSE_STOP = re.compile(r"[;!?\n]|(?<!\b[A-Za-z])(?<!\b(?:Mr|Dr|St|Jr))(?<!\bMrs)(?<!\bSept)"
                          r"(?<!\b(?:Jan|Feb|Aug|Oct|Nov|Dec))\.")


def _tense(text: str, start: int, end: int, doc: Doc | None) -> str:
    """``past``, ``future`` or ``present``: the parse's governing verb if there is one, else the nearest cue."""
    if doc is not None:
        verdict = _tense_from_doc(doc, start, end)
        if verdict:
            return verdict
    stops = list(_CLAUSE_STOP.finditer(text, max(0, start - 60), start))
    left_start = stops[-1].end() if stops else max(0, start - 60)
    cues = list(_TENSE_CUE.finditer(text, left_start, start))
    last = cues[-1] if cues else None
    if last is None:
        stop = _CLAUSE_END.search(text, end, end + 80)
        last = _TENSE_CUE.search(text, end, stop.start() if stop else min(len(text), end + 80))
        if last is not None and last.group("future") and _PAST_PLAN.match(last.group(0)):
            return "past"  # "On Friday, the board planned to ...": the day of the planning, now gone by
    # Still none, and no clause boundary near: a modal or plan further back in a long clause governs ("X will
    # be named commander of the station for a mission in December"); a far "said" is only the report's time.
    if last is None and not stops and start > 60:
        far = list(_CLAUSE_STOP.finditer(text, max(0, start - 160), start - 60))
        cues = list(_TENSE_CUE.finditer(text, far[-1].end() if far else max(0, start - 160), start - 60))
        last = cues[-1] if cues and cues[-1].group("future") else None
    if last is None:
        return "present"
    if last.group("future") and re.search(r"\bhad\s+been\s+$", text[max(0, last.start() - 12):last.start()], re.I):
        return "past"  # "had been due to expire Friday": a plan overtaken, its day gone by
    if last.group("present"):
        return "present"
    return "future" if last.group("future") else "past"


_SCHEDULE_VERBS = {"schedule", "slate", "set", "plan", "expect", "timetable"}
# Verbs whose time, after them, is that of the thing planned, put off or promised, not of the verb
# itself ("planned a rally on Saturday", "postponed until Tuesday"): the cue rules know which is which.
_PLAN_VERBS = _SCHEDULE_VERBS | {"intend", "aim", "hope", "promise", "vow", "postpone", "delay", "defer", "adjourn",
                                 "extend", "propose", "agree", "want", "seek", "prepare", "threaten", "pledge"}
_REPORTING_VERBS = {"say", "tell", "add", "announce", "report", "state", "claim", "confirm", "disclose", "note",
                    "explain", "insist", "warn", "predict", "indicate", "write", "declare", "reveal", "acknowledge"}
_MODALS_AHEAD = {"will", "shall", "'ll", "wo", "would", "should", "may", "might", "must"}
# Words a time hangs from on its way to its verb: prepositions ("on", "up until", "as of") and adverbs.
_PATH_POS = {"ADP", "ADV", "PART", "SCONJ", "CCONJ", "PUNCT"}
# A time after these is a bound or a reference point of the clause, not the day its event happened on.
_BOUNDS = {"until", "till", "by", "through", "since", "of", "before", "after", "from", "to"}


def _governing(doc: Doc, start: int, end: int | None = None):
    """The verb the expression ``doc.text[start:end]`` hangs from, and the words on the way (outside
    the expression), or None. A time between a reporting verb and the subject of what it reports
    ("said Friday it will close", "said on Tuesday they had arrested") is the report's, whatever
    the parser attached it to."""
    span = doc.char_span(start, end if end and end > start else start + 1, alignment_mode="expand")
    if span is None or not len(span):
        return None
    inside = range(span.start, span.end)
    head = span.root
    path = []
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
        if head.i not in inside and head.pos_ not in ("VERB", "AUX"):
            path.append(head)
    if head.pos_ not in ("VERB", "AUX"):
        return None
    parent = head.head
    if head.dep_ == "ccomp" and parent.i < span.start and parent.lemma_ in _REPORTING_VERBS:
        subjects = [c.i for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
        if subjects and span.end <= min(subjects) and all(t.i > parent.i for t in path):
            return parent, []
    return head, path


def _verb_group(verb) -> tuple[str | None, bool]:
    """Tense of the verb with its auxiliaries (``future``, ``past``, ``present`` or None for a bare
    infinitive or participle), and whether it is in the perfect."""
    auxiliaries = sorted((c for c in verb.children if c.dep_ in ("aux", "auxpass")), key=lambda c: c.i)
    words = [a.lower_ for a in auxiliaries]
    perfect = any(a.lemma_ == "have" and a.tag_ != "MD" for a in auxiliaries)
    if any(w in ("will", "shall", "'ll", "wo") for w in words):
        return "future", perfect
    if any(w in _MODALS_AHEAD for w in words):
        return (None if "have" in words else "future"), perfect  # "would close" ahead; "would have closed" not
    finite = [a for a in auxiliaries if a.tag_ in ("VBD", "VBZ", "VBP", "MD")]
    if finite:
        first = finite[0]
        if first.tag_ == "MD":  # "can", "could": no tense of their own ("could not be reached Friday")
            return None, perfect
        return ("past" if first.tag_ == "VBD" else "present"), perfect
    if any(w == "to" for w in words) or not auxiliaries and verb.tag_ in ("VB", "VBN", "VBG"):
        return None, perfect
    if verb.tag_ == "VBD":
        return "past", False
    if verb.tag_ in ("VBZ", "VBP"):
        return "present", False
    return None, perfect


def _reported(verb) -> bool:
    """The clause is what someone said, in the past ("the official said that ..."): its past tense
    may be the present of the speaker, shifted back."""
    while verb.dep_ in ("conj",) and verb.head.i != verb.i:
        verb = verb.head
    parent = verb.head
    return verb.dep_ == "ccomp" and parent.lemma_ in _REPORTING_VERBS and _verb_group(parent)[0] == "past"


def _bounded(path) -> bool:
    """The time is a deadline or an end ("until Friday", "by May", "through January")."""
    return any(t.lower_ in ("until", "till", "by", "through") for t in path)


def _tense_from_doc(doc: Doc, start: int, end: int | None = None) -> str | None:
    """Tense of the verb governing the expression at ``start``, or None where the parse does not say
    (the time dates a noun or a state: "the visit in September", "effective June 1"; or the verb is a
    plan's, whose time the cue rules read): future with will/shall and the modals of what lies ahead,
    past in the simple or perfect past, present in the present perfect."""
    found = _governing(doc, start, end)
    if found is None:
        return None
    verb, path = found
    if any(t.pos_ not in _PATH_POS for t in path):
        return None  # "told them of a cutback in September": the cutback's time, not the telling's
    while verb.tag_ == "VBN" and verb.dep_ in ("oprd", "ccomp", "xcomp") and verb.head.i != verb.i and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children):
        verb = verb.head  # "kept the markets closed until Friday": the participle's time is the keeping's
    tense, perfect = _verb_group(verb)
    plan = verb.lemma_ in _PLAN_VERBS
    if tense is None and verb.tag_ == "VB" and any(c.lower_ == "to" for c in verb.children if c.dep_ == "aux"):
        # an infinitive: ahead of a future, or of a plan in the present ("expects to close in May")
        parent = verb.head
        if parent.i == verb.i or parent.pos_ not in ("VERB", "AUX"):
            return None
        parent_tense, _ = _verb_group(parent)
        if parent_tense == "future" or parent_tense == "present" and parent.lemma_ in _PLAN_VERBS:
            return "future"
        return "present" if parent_tense == "present" and _bounded(path) else None
    if tense == "future":
        return "future"
    if tense == "present" and _bounded(path):
        return "present"  # "have kept the markets closed until Friday": a bound of what holds now lies ahead
    if plan and verb.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in verb.children):
        if tense == "present" or tense == "past" and not perfect and _reported(verb):
            return "future"  # "the vote is scheduled for Thursday", "said the accession was planned for March"
        return "past" if tense == "past" else None  # "the ferry was scheduled for Monday but sank"
    if plan and start > verb.idx:
        return None  # "planned a rally on Saturday", "postponed until Tuesday": the cue rules read these
    if tense == "past":
        # "gave them until mid-November": a deadline set in the past may still lie ahead
        return None if _bounded(path) else "past"
    if tense == "present" and perfect:
        return "present"  # "has extended the loans through January": up to now
    return None


def _shift(anchor: dt.date, unit: str, amount: int) -> str | None:
    """The ``unit`` (year, month, week, day, quarter, ...) that lies ``amount`` of them from ``anchor``."""
    unit = unit.lower().rstrip("s")
    if unit == "year":
        return str(anchor.year + amount)
    if unit == "month":
        day = anchor + relativedelta(months=amount)
        return f"{day.year}-{day.month:02d}"
    if unit in ("week", "weekend"):
        value = _week(anchor + dt.timedelta(weeks=amount))
        return value + "-WE" if unit == "weekend" else value
    if unit in ("day", "night"):
        return _iso(anchor + dt.timedelta(days=amount))
    if unit == "quarter":
        return _quarter(anchor + relativedelta(months=3 * amount))
    if unit == "decade":
        return str(anchor.year // 10 + amount)[:3]
    if unit in ("century", "centurie"):
        return str(anchor.year // 100 + amount)
    return None


def _shift_value(value: str, years: int) -> str | None:
    """``value`` (2014, 2014-06, 2014-Q2, 2014-06-03, 2014-W05) moved by whole years."""
    match = re.match(r"(\d{4})(.*)", value)
    if not match:
        return None
    return f"{int(match.group(1)) + years}{match.group(2)}"


def _granularity(value: str | None) -> str | None:
    if not value or not value[:4].isdigit():
        return None
    for name, pattern in (("year", r"\d{4}"), ("quarter", r"\d{4}-Q\d"), ("half", r"\d{4}-H\d"),
                          ("month", r"\d{4}-\d\d"), ("week", r"\d{4}-W\d\d"), ("day", r"\d{4}-\d\d-\d\d")):
        if re.fullmatch(pattern, value):
            return name
    return None


# --- rules: dates with a calendar ------------------------------------------------------------
# Normalisers return (type, value), or None to reject the match (e.g. "may" the verb).


def _is_month_word(word: str) -> bool:
    # "may" and "march" are verbs; only capitalised they name the month.
    return word.lower().rstrip(".") not in ("may", "march", "mar", "jan", "sun", "sat") or word[0].isupper()


@rule(r"(?:(" + WEEKDAY + r"),?" + _SPACE + r")?(" + MONTH + r")\s+(" + DAY + r"|" + ORDINAL_DAY + r")(?:,?\s+(" + YEAR + r"|"
      + YEAR_WORDS + r"))?")
def month_day(m: re.Match, ctx: _Context):
    if not _is_month_word(m.group(2)):
        return None
    month = _month(m.group(2))
    day_text = m.group(3).lower()
    day = int(re.sub(r"\D", "", day_text)) if day_text[0].isdigit() else int(number_ordinal(day_text))
    if not 1 <= day <= 31:
        return None
    if m.group(4):
        year = _year_value(m.group(4))
        return "DATE", f"{year:04d}-{month:02d}-{day:02d}" if year else None
    if shared := _SHARED_YEAR.match(ctx.text, m.end()):  # "Oct. 3 or 4, 1999": the year of both days
        return "DATE", f"{shared.group(1)}-{month:02d}-{day:02d}"
    return "DATE", _resolve_month_day(month, day, ctx.anchor, ctx.date_tense(m.start(), m.end()))


_SHARED_YEAR = re.compile(r"\s+(?:and|or)\s+" + DAY + r",?\s+(" + YEAR + r")")
_SECOND_DAY_NOUN = re.compile(r"\s*[%$]|\s+(?!(?:in|at|on|for|and|or|to|from|with|when|while|the|of|before|after|by|as|"
                              r"but|that|this|next|last)\b)[a-z]")
_FIRST_DAY = re.compile(r"(" + MONTH + r")\s+" + DAY + r"\s+(?:and|or)\s+$")


@rule(r"(?:(?<=\band\s)|(?<=\bor\s))(" + DAY + r")(?:,?\s+(" + YEAR + r"))?")
def second_day(m: re.Match, ctx: _Context):
    """"April 24 and 25": the second day is a date of its own, in the month (and year) of the first."""
    first = _FIRST_DAY.search(ctx.text, max(0, m.start() - 24), m.start())
    if first is None or not _is_month_word(first.group(1)) or _SECOND_DAY_NOUN.match(ctx.text, m.end()):
        return None  # "on March 3 and 5 goals later": a count
    month, day = _month(first.group(1)), int(re.sub(r"\D", "", m.group(1)))
    if m.group(2):
        value = f"{m.group(2)}-{month:02d}-{day:02d}"
    elif ctx.last_day and ctx.last_day[5:7] == f"{month:02d}":
        value = f"{ctx.last_day[:8]}{day:02d}"
    else:
        value = _resolve_month_day(month, day, ctx.anchor, ctx.date_tense(m.start(), m.end()))
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return None if value[:1].isdigit() else ("DATE", value)
    return "DATE", value


def number_ordinal(words: str) -> int:
    total = 0
    for word in re.split(r"[\s-]+", words.lower()):
        total += ORDINALS.get(word, SMALL.get(word, 0))
    return total


@rule(r"(?:(" + WEEKDAY + r"),?" + _SPACE + r")?(" + DAY + r"|the\s+" + ORDINAL_DAY + r"(?:\s+of)?)\s+(" + MONTH + r")(?:,?\s+("
      + YEAR + r"))?")
def day_month(m: re.Match, ctx: _Context):
    if not _is_month_word(m.group(3)) or m.group(3)[0].islower():
        return None
    month = _month(m.group(3))
    day_text = m.group(2).lower().removeprefix("the").removesuffix("of").strip()
    day = int(re.sub(r"\D", "", day_text)) if day_text[0].isdigit() else number_ordinal(day_text)
    if not 1 <= day <= 31:
        return None
    if m.group(4):
        return "DATE", f"{int(m.group(4)):04d}-{month:02d}-{day:02d}"
    return "DATE", _resolve_month_day(month, day, ctx.anchor, ctx.date_tense(m.start(), m.end()))


@rule(r"(\d{4})-(\d\d)-(\d\d)(?:T(\d\d):(\d\d))?")
def iso_date(m: re.Match, ctx: _Context):
    month, day = int(m.group(2)), int(m.group(3))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if m.group(4):
        return "TIME", f"{m.group(1)}-{m.group(2)}-{m.group(3)}T{m.group(4)}:{m.group(5)}"
    return "DATE", m.group(0)


@rule(r"(\d{1,2})/(\d{1,2})/(\d{4}|\d\d)")
def slash_date(m: re.Match, ctx: _Context):
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if month > 12 and day <= 12:  # day first, as written outside the US
        month, day = day, month
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    if year < 100:
        year += 1900 if year > 30 else 2000
    return "DATE", f"{year:04d}-{month:02d}-{day:02d}"


@rule(r"(?:(?:early|mid|late)[- ]|(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+)?"
      r"(" + MONTH + r")(?:\s+of|,)?\s+(" + YEAR + r"|" + YEAR_WORDS + r"|this\s+year|last\s+year|next\s+year)")
def month_year(m: re.Match, ctx: _Context):
    if not _is_month_word(m.group(1)) or m.group(1)[0].islower():
        return None
    month = _month(m.group(1))
    year_text = m.group(2).lower()
    if year_text.endswith("year"):
        if ctx.anchor is None:
            return "DATE", f"XXXX-{month:02d}"
        year = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[year_text.split()[0]]
    else:
        year = _year_value(year_text)
    return "DATE", f"{year:04d}-{month:02d}" if year else None


@rule(r"(?:(?:the\s+)?(early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of)[- ](?:the\s+month\s+of\s+)?)?"
      r"(?:(last|this|next|past|coming)\s+)?(" + MONTH + r")")
def month_alone(m: re.Match, ctx: _Context):
    word = m.group(3)
    if not _is_month_word(word) or word[0].islower() or len(word) <= 4 and word.lower() not in ("may", "june", "july") \
            and not word.endswith("."):
        return None  # an abbreviation alone needs its full stop: "Jan Kavan" is a name
    if m.group(2) and re.match(r"\s+" + DAY + r"(?!\s*[,.]?\s*\d)", ctx.text[m.end():m.end() + 8]):
        return None  # "last Oct. 23": the month and day make the expression
    if word == "March" and re.match(r"\s+(?:for|of|on|against)\s+(?:the\s+)?(?!" + MONTH + r"|" + WEEKDAY + r")[A-Z]",
                                    ctx.text[m.end():m.end() + 40]):
        return None  # "the March for Life", "the March of the Mothers": a procession
    if word.lower() == "may" and not (m.group(1) or m.group(2)) and not _month_context(ctx.text, m.start()):
        return None
    month = _month(word)
    relation = (m.group(2) or "").lower()
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}"
    if relation in ("last", "past"):
        year = ctx.anchor.year - (1 if month >= ctx.anchor.month else 0)
        return "DATE", f"{year}-{month:02d}"
    if relation in ("next", "coming"):
        year = ctx.anchor.year + (1 if month <= ctx.anchor.month else 0)
        return "DATE", f"{year}-{month:02d}"
    if relation == "this":
        return "DATE", f"{ctx.anchor.year}-{month:02d}"
    return "DATE", _resolve_month(month, ctx.anchor, ctx.date_tense(m.start(), m.end()))


def _month_context(text: str, start: int) -> bool:
    """"May" alone is a month after "in", "since", "until", "by", "of", "early" and the like."""
    before = text[max(0, start - 12):start].lower()
    return bool(re.search(r"\b(?:in|since|until|till|by|of|from|to|through|during|before|after|and|or)\s+$", before))


@rule(r"(?:(?:the\s+)?(early|mid|late|end\s+of|beginning\s+of|start\s+of|middle\s+of|"
      r"(?:first|last|final)\s+two\s+quarters\s+of|spring\s+of|summer\s+of|fall\s+of|autumn\s+of|"
      r"winter\s+of)[- ](?:the\s+year\s+)?|(?:pre|post)-)?"  # "post-1959": after the year, which it names
      r"(fiscal\s+|calendar\s+|the\s+year\s+|the\s+fiscal\s+)?(" + YEAR + r"|" + YEAR_WORDS + r")"
      r"(?:\s+(?:fiscal\s+year|period|quarter))?(?!\s*(?:%|percent|per\s+cent|[-–]?(?:[a-z]+-)?(?:people|"
      r"workers|tons|dollars|troops|members|employees|feet|meters|metres|miles|shares|units|cars|pounds)))")
def year(m: re.Match, ctx: _Context):
    prefix, determiner, digits = m.group(1), m.group(2), m.group(3)
    value = _year_value(digits)
    if value is None:
        return None
    hyphenated = m.group(0).lower().startswith(("pre-", "post-"))
    if digits.isdigit() and not (prefix or determiner or hyphenated) and not _plausible_year(ctx.text, m.start(), m.end()):
        return None
    prefix = (prefix or "").lower()
    if "two quarters" in prefix:  # "the first two quarters of 1990" is its first half
        return "DATE", f"{value}-H{1 if prefix.startswith('first') else 2}"
    for season, code in SEASONS.items():
        if prefix.startswith(season):
            return "DATE", f"{value}-{code}"
    return "DATE", str(value)


def _plausible_year(text: str, start: int, end: int) -> bool:
    """A bare four-digit number is a year unless money, a count or a measure says otherwise."""
    before = text[max(0, start - 12):start]
    if re.search(r"(?:[$£€#]|\b(?:No|no|number|Nos?\.|page|pages|flight|Flight|route|Route|Article|article|"
                 r"section|Section|model|Model|Russell?|Windows)\s*)$", before):  # the Russell 2000 index
        return False
    return not re.match(r"[.,]\d|\s*[-–]\s*\d{1,3}\b(?!/)|:\d", text[end:end + 5])


@rule(r"(" + YEAR + r")\s*[-–/]\s*((?:19|20)?\d\d)(?!\d)")
def year_range(m: re.Match, ctx: _Context):
    first, second = m.group(1), m.group(2)
    if len(second) == 2:
        second = first[:2] + second
    if not int(first) < int(second) <= int(first) + 50:
        return None
    return "DATE", f"{first}/{second}"


@rule(r"(?:the\s+)?(?:(early|mid|late)[- ])?(?:(?:(1[0-9]|20)(\d)0|['’]?([1-9])0)['’]?s|(?:" + _alt(
    ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"]) + r"))")
def decade(m: re.Match, ctx: _Context):
    """"The 1990s" is 199X, the record's form (record.md); TimeML corpora write 199, and the
    scorer counts the two as the same value."""
    if m.group(2):
        return "DATE", f"{m.group(2)}{m.group(3)}X"
    words = {"twen": 2, "thir": 3, "for": 4, "fif": 5, "six": 6, "seven": 7, "eigh": 8, "nine": 9}
    if m.group(4):
        clipped = m.start(4) > 0 and ctx.text[m.start(4) - 1] in "'’"
        if not clipped and not _bare_decade(ctx.text, m):
            return None  # "in his 30s", "in the 70s" of a thermometer: an age, a temperature
        digit = int(m.group(4))
    else:
        tail = m.group(0).lower().split()[-1].split("-")[-1]
        digit = next(d for w, d in words.items() if tail.startswith(w))
    century = 19 if ctx.anchor is None or ctx.anchor.year < 2000 + digit * 10 else 20
    return "DATE", f"{century}{digit}X"


@rule(r"['’](\d\d)(?!['’]?s\b)")
def clipped_year(m: re.Match, ctx: _Context):
    """"Since '82": a year written with two digits, after a word that introduces a time (not "iLife '11")."""
    if not re.search(r"\b(?:since|in|of|from|until|till|by|before|after|between|and|to|through|class|season)\s+$",
                     ctx.text[max(0, m.start() - 10):m.start()], re.I):
        return None
    short = int(m.group(1))
    horizon = (ctx.anchor.year if ctx.anchor else 1999) + 10  # a clipped year lies at most a decade ahead
    return "DATE", str(2000 + short if 2000 + short <= horizon else 1900 + short)


def _bare_decade(text: str, m: re.Match) -> bool:
    """"70s" without an apostrophe is a decade after "the" ("the 70s") or another decade ("70s and 80s"),
    unless temperatures are the subject."""
    before = text[max(0, m.start() - 40):m.start()]
    if re.search(r"\b(?:temperatures?|degrees|highs?|lows?|fahrenheit|celsius)\b", before, re.I):
        return False
    return m.group(0)[:3].lower() == "the" or bool(re.search(r"\d0['’]?s,?\s+(?:and|or|to|through|into)\s+$", before))


@rule(r"(?:the\s+)?(?:(early|mid|late)[- ])?(\d{1,2})(?:st|nd|rd|th)[- ]century|(?:the\s+)?(" + ORDINAL_DAY +
      r")[- ]century")
def century(m: re.Match, ctx: _Context):
    ordinal = int(m.group(2)) if m.group(2) else number_ordinal(m.group(3))
    if not ordinal:
        return None
    return "DATE", f"{ordinal - 1:02d}"


# --- rules: days relative to the publication date -------------------------------------------


_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}


@rule(r"(?:(early|late|earlier|later|mid-?|until)\s+)?(today|tonight|yesterday|tomorrow)"
      r"(?:\s+(morning|afternoon|evening|night))?")
def day_word(m: re.Match, ctx: _Context):
    modifier, word, part = (m.group(1) or "").lower(), m.group(2).lower(), (m.group(3) or "").lower()
    if modifier == "until":
        return None  # "until" is a signal, not part of the expression: let the bare word match
    if word == "today" and not part and _generic_today(ctx, m.start(), m.end()):
        return "DATE", "PRESENT_REF"
    if ctx.anchor is None:
        return "DATE", None
    day = _iso(ctx.anchor + dt.timedelta(days=_DAY_WORDS[word]))
    if word == "tonight" or part:
        return "TIME", f"{day}T{PARTS_OF_DAY[part or 'tonight']}"
    return "DATE", day


_GENERIC_NOUNS = r"(?:world|society|economy|standards|generation|youth|children|teenagers|technology|politics|" \
    r"market|markets|media|terms|dollars|prices|climate|era)"


def _generic_today(ctx: _Context, start: int, end: int) -> bool:
    """"Today" as "nowadays": "today's world", "Today, the sector employs ..." (present, no report)."""
    text = ctx.text
    if re.match(r"(?:'s|’s)\s+" + _GENERIC_NOUNS, text[end:end + 40], re.I):
        return True
    stop = text.rfind(". ", 0, start)
    line_start = max(stop + 2 if stop >= 0 else 0, text.rfind("\n", 0, start) + 1)
    before = text[line_start:start].strip()
    if before not in ("", '"', "“", "‘") or not text[end:end + 1] == ",":
        return False
    sentence = text[end:_sentence_end(text, end)]
    if before:  # '“Today, policy is about trust,” she said': the quotation is the sentence, not its cue
        closing = re.search(r"[\"”’]", sentence)
        sentence = sentence[:closing.start()] if closing else sentence
    if ctx.doc is not None:
        tense = _tense_from_doc(ctx.doc, start, end)
        if tense in ("past", "future"):
            return False
    return not re.search(r"\b(?:said|says|say|told|tells|announced|announces|will|would|was|were|had|did|"
                         r"began|came|went|took|made|gave|got|held|left|met|sent|spoke|won|fell|rose|led|paid|"
                         r"sold|bought|brought|found|became|lost|[a-z]{3,}ed)\b", sentence, re.I)


def _sentence_end(text: str, start: int) -> int:
    match = re.compile(r"[.!?](?:\s|$)|\n").search(text, start)
    return match.end() if match else len(text)


@rule(r"(?:(?:(early)\s+)?(?:(last|next|this(?:\s+coming|\s+past)?|coming|past|the\s+(?:previous|preceding|prior|"
      r"following))\s+)?"
      r"(" + WEEKDAY + r")(?:\s+(morning|afternoon|evening|night))?)"
      r"(?:,?" + _SPACE + r"(" + MONTH + r")\s+(" + DAY + r"|" + ORDINAL_DAY + r"))?")
def weekday(m: re.Match, ctx: _Context):
    name = m.group(3)
    if name.rstrip(".").lower() in ("sun", "sat", "wed", "mon", "fri", "thu", "tue", "tues", "thurs") and \
            not name.endswith("."):
        return None  # "sun", "sat" and "wed" are words; abbreviations carry a full stop
    day = _weekday_number(name)
    relation = (m.group(2) or "").lower()
    if m.group(5) and _is_month_word(m.group(5)):  # "Saturday, April 25": the date decides
        month = _month(m.group(5))
        day_text = m.group(6)
        number_ = int(re.sub(r"\D", "", day_text)) if day_text[0].isdigit() else number_ordinal(day_text)
        value = _resolve_month_day(month, number_, ctx.anchor, ctx.date_tense(m.start(), m.end()))
    elif relation.startswith("the"):  # "the previous Friday": the one before the day in focus
        base = dt.date.fromisoformat(ctx.last_day) if ctx.last_day else ctx.anchor
        value = resolve_weekday(day, base, "next" if relation.endswith("following") else "last")
    elif relation == "last" or relation.endswith("past"):
        value = resolve_weekday(day, ctx.anchor, "last")
    elif relation in ("next", "coming") or relation.endswith("coming"):
        value = resolve_weekday(day, ctx.anchor, "next")
    else:
        tense = ctx.date_tense(m.start(), m.end())
        if tense == "future" and _possessive_past(ctx, m.start(), m.end()):
            tense = "past"
        if tense == "past" and _pluperfect(ctx.doc, m.start(), m.end()):
            tense = "last"  # "on Monday she had warned", written on a Monday: a Monday before that
        value = resolve_weekday(day, ctx.anchor, tense)
    part = (m.group(4) or "").lower()
    if part:
        return "TIME", f"{value}T{PARTS_OF_DAY[part]}"
    return "DATE", value


def _pluperfect(doc: Doc | None, start: int, end: int | None = None) -> bool:
    """"In her Monday address, Moreno had warned …": the verb the weekday hangs from is in the past
    perfect, a time before the story's own days. Only with the parse: a "had" elsewhere in the
    sentence ("said Monday it had decided") says nothing of the weekday; nor does a day that bounds
    the clause or is its point of reference ("until Thursday they had ...", "as of Wednesday")."""
    if doc is None:
        return False
    found = _governing(doc, start, end)
    if found is None:
        return False
    head, path = found
    if any(t.lower_ in _BOUNDS for t in path):
        return False
    return head.tag_ == "VBN" and any(c.dep_ == "aux" and c.lower_ == "had" for c in head.children)


_SCHEDULED = re.compile(r"\s+(?:[\w-]+\s+)?" + _EVENTS + r"\b", re.I)


def _possessive_past(ctx: _Context, start: int, end: int) -> bool:
    """"Wednesday's ruling": an event named by its day has mostly happened; only "will" (not the "would"
    of reported speech) or "upcoming" in its clause puts it ahead."""
    if ctx.text[end:end + 2] not in ("'s", "’s"):
        return False
    if _SCHEDULED.match(ctx.text, end + 2):
        return False  # "predicted he would win Sunday's election": an event still to come
    return not re.search(r"\b(?:will|shall|upcoming|coming)\b|['’]ll\b", ctx.text[max(0, start - 60):start], re.I)


# The days of the week by kind, as TIMEX3 values write them in the place of a weekday number: WE is the
# weekend (the TIDES/TIMEX2 week part TimeML took over: "1998-W33-WE"), WD a working day, as TIMEX
# recurrence readers take it ("every weekday" is XXXX-WXX-WD as "every Monday" is XXXX-WXX-1).
_WEEK_PARTS = {"weekday": "WD", "weekend": "WE"}


@rule(r"(" + WEEKDAYS_PLURAL + r"|weekdays|weekends)(?:\s+(mornings|afternoons|evenings|"
      r"nights))?|(?:every|each)\s+(" + WEEKDAY + r"|weekday|weekend)(?:\s+(morning|afternoon|evening|night))?")
def weekday_set(m: re.Match, ctx: _Context):
    name = (m.group(1) or m.group(3)).lower()
    part = (m.group(2) or m.group(4) or "").lower().rstrip("s")
    value = f"XXXX-WXX-{_WEEK_PARTS.get(name.rstrip('s')) or _weekday_number(name)}"
    if part:
        value += "T" + PARTS_OF_DAY[part]
    return "SET", value


@rule(r"(?:(early|late|earlier|later|mid-?)\s*)?(this|that|the|last|tomorrow|yesterday)\s+(morning|afternoon|"
      r"evening|night)|(?:(early|late|mid-?)\s*)?(morning|afternoon|evening|night)\s+(yesterday|today|tomorrow)|"
      r"overnight|(?:mid[- ]?|late\s+|early\s+)afternoon")
def part_of_day(m: re.Match, ctx: _Context):
    text = m.group(0).lower()
    if m.group(2) and m.group(2).lower() == "the" and re.match(
            r"\s+(?:of|the|a|an|he|she|they|we|it|his|her|its|their|when|that|which)\b", ctx.text[m.end():m.end() + 7]):
        return None  # "the night of Friday, Oct. 23": the date is the expression; "the night the plane fell": an event's
    if text == "overnight" or text.endswith("afternoon") and not (m.group(2) or m.group(6)):
        if ctx.anchor is None:
            return "TIME", None
        code = "NI" if text == "overnight" else "AF"
        return "TIME", f"{_iso(ctx.anchor)}T{code}"
    day_word = (m.group(2) or m.group(6) or "").lower()
    part = (m.group(3) or m.group(5)).lower()
    if ctx.anchor is None:
        return "TIME", None
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(day_word, 0)
    if day_word == "that" or (day_word == "the" and ctx.last_day):
        base = ctx.last_day or _iso(ctx.anchor)
        return "TIME", f"{base}T{PARTS_OF_DAY[part]}"
    return "TIME", f"{_iso(ctx.anchor + dt.timedelta(days=offset))}T{PARTS_OF_DAY[part]}"


@rule(r"(?:(about|around|approximately|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?(" + CLOCK +
      r")(?:(?:,?\s+|\s+(?:on\s+)?)(" + DAYREF + r"))?")
def clock(m: re.Match, ctx: _Context):
    clock_text = m.group(2).lower()
    if clock_text.startswith("at "):
        return None
    if clock_text == "noon" and ctx.text[max(0, m.start() - 5):m.start()].lower() == "high ":
        return None  # "high noon": an idiom
    hour_minute = _clock(clock_text)
    if hour_minute is None:
        return None
    day_value = None
    if m.group(3):
        day_value = _day_value(ctx, m.start(3), m.end(3))
        if day_value and day_value.startswith("PRESENT"):
            day_value = _iso(ctx.anchor) if ctx.anchor else None
    else:  # the day last named, else the publication day
        day_value = ctx.last_day or (_iso(ctx.anchor) if ctx.anchor else None)
    # TIMEX3 marks a time given in universal time with "Z"; other zones are left out of the value.
    zone = "Z" if re.search(r"\b(?:gmt|utc)$", clock_text) else ""
    if day_value is None:
        return "TIME", f"XXXX-XX-XX{hour_minute}{zone}"
    return "TIME", f"{day_value[:10]}{hour_minute}{zone}"


def _day_value(ctx: _Context, start: int, end: int) -> str | None:
    """Value of the day reference at ``text[start:end]`` ("Tuesday" in "9 a.m. Tuesday"), read in its own
    sentence so that the tense around it still picks the direction."""
    for current in RULES:
        if current.name in ("weekday", "month_day", "day_word"):
            match = current.pattern.fullmatch(ctx.text, start, end)
            if match:
                result = current.normalise(match, ctx)
                return result[1] if result else None
    return None


def _clock(text: str) -> str | None:
    text = re.sub(r"\s+(?:[ECMP][SD]T|GMT|UTC|BST|CET|CEST)$", "", text.strip(), flags=re.I)
    if text in ("noon", "midday"):
        return "T12:00"
    if text == "midnight":
        return "T24:00"
    match = re.match(r"(\d{1,2})(?::?(\d\d))?\s*([ap])?", text)  # the colon is optional: "0800 GMT"
    if not match:
        return None
    hour, minute = int(match.group(1)), int(match.group(2) or 0)
    if match.group(3) == "p" and hour < 12:
        hour += 12
    elif match.group(3) == "a" and hour == 12:
        hour = 0
    if hour > 24:
        return None
    return f"T{hour:02d}:{minute:02d}"


# Prepositions that make "the summer", "fall" a season: "in the fall", "well into the summer".
_SEASON_SIGNAL = re.compile(r"\b(?:in|during|by|until|till|over|since|into|through|throughout)\s+$", re.I)


@rule(r"(?:(early|late|mid)[- ])?(?:(last|this\s+past|this\s+coming|this|next|the\s+past|the\s+coming|the)\s+)?"
      r"(spring|summer|fall|autumn|winter)(?:\s+(?:of\s+)?(" + YEAR + r"|" + YEAR_WORDS + r")"
      r"(?:[-–/](?:19|20)?\d\d(?!\d))?)?")
def season(m: re.Match, ctx: _Context):
    """"Last summer", "the spring of 2025"; a season over the turn of a year ("the winter of 2019-20",
    "winter 2019/20") is one expression, valued by the year it begins in, as TIMEX3 values seasons."""
    relation = re.sub(r"\s+", " ", (m.group(2) or "").lower()).replace("this ", "the ")
    name = m.group(3).lower()
    code = SEASONS[name]
    if m.group(4):
        return "DATE", f"{_year_value(m.group(4))}-{code}"
    before = ctx.text[max(0, m.start() - 12):m.start()]
    if not (relation or m.group(1) or _SEASON_SIGNAL.search(before) or re.search(r"\bthis\s+$", before, re.I)):
        return None  # "fall" and "spring" are verbs and nouns too
    if relation == "the" and not _SEASON_SIGNAL.search(before):
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}"
    year_ = ctx.anchor.year
    season_start = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
    if relation in ("last", "the past"):
        year_ -= 1 if season_start >= ctx.anchor.month - 1 else 0
    elif relation in ("next", "the coming"):
        year_ += 1 if season_start <= ctx.anchor.month else 0
    elif relation in ("", "the"):
        tense = ctx.tense(m.start(), m.end())
        if tense == "past" and season_start > ctx.anchor.month:
            year_ -= 1
        elif tense == "future" and season_start + 2 < ctx.anchor.month:
            year_ += 1
    return "DATE", f"{year_}-{code}"


_QUARTER_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_YEAR_BEFORE = ("year-ago", "year-earlier", "year-before", "comparable", "corresponding")


@rule(r"(?:the\s+)?(?:(?:(this|last|next)\s+year(?:'s|’s)\s+)|(?:fiscal|calendar|the\s+company's|its)\s+)?"
      r"(?:(" + YEAR + r")\s+)?(?:(?:comparable|corresponding|same)\s+)?(?:(year-ago|year-earlier|year-before)\s+)?"
      r"(?:fiscal[- ])?(first|second|third|fourth|1st|2nd|3rd|4th|final|latest|current|previous|past|last|recent|"
      r"same|next|year-ago|year-earlier|comparable|year-before|corresponding|preceding|prior|fiscal)[- ]"
      r"(?:(?:fiscal|calendar)[- ])?quarter(?:'s|’s)?(?:\s+(?:of\s+)?(?:(?:fiscal\s+)?(" + YEAR + r")|"
      r"(this|last|next)\s+year|a\s+year\s+(?:ago|earlier)))?")
def quarter(m: re.Match, ctx: _Context):
    """"The third quarter", "third-quarter", "the year-ago quarter", "the latest quarter"."""
    text = m.group(0).lower()
    relative_year = m.group(1) or m.group(6)
    year_ = m.group(2) or m.group(5)
    if relative_year and ctx.anchor:
        year_ = str(ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[relative_year.lower()])
    which = m.group(4).lower()
    year_before = bool(m.group(3)) or which in _YEAR_BEFORE or text.endswith(("ago", "earlier"))
    if which in _QUARTER_ORDINALS:
        q = _QUARTER_ORDINALS[which]
        if year_:
            value = f"{year_}-Q{q}"
        elif ctx.anchor is None:
            return "DATE", f"XXXX-Q{q}"
        elif year_before:
            value = f"{int(_reported_quarter(ctx)[:4])}-Q{q}"
        else:
            value = _quarter_without_year(q, ctx, m.start(), m.end())
        if year_before:
            ctx.anaphoric = True
            return "DATE", _shift_value(value, -1)
        return "DATE", value
    ctx.anaphoric = True
    if which == "latest" and ctx.anchor is not None:
        reference = min(_reported_quarter(ctx), _quarter(ctx.anchor - relativedelta(months=3)))
    elif which == "current" and ctx.anchor is not None:
        reference = _quarter(ctx.anchor)
    else:
        reference = _reported_quarter(ctx)
    if reference is None:
        return "DATE", None
    if year_:
        reference = f"{year_}{reference[4:]}"
    if year_before:
        return "DATE", _shift_value(reference, -1)
    q_year, q = int(reference[:4]), int(reference[-1])
    if which == "next":
        return "DATE", f"{q_year + (q == 4)}-Q{q % 4 + 1}"
    if which in ("previous", "preceding", "prior"):
        return "DATE", f"{q_year - (q == 1)}-Q{(q - 2) % 4 + 1}"
    return "DATE", reference


def _quarter_without_year(q: int, ctx: _Context, start: int, end: int) -> str:
    """The quarter ``q`` of the year the clause speaks of; only after "in", "by" and the like does the tense look
    ahead ("will fall in the fourth quarter"), a quarter in "a third-quarter loss" being the one reported."""
    ahead = re.search(r"\b(?:in|during|by|until|before)\s+$", ctx.text[max(0, start - 8):start])
    return _nearest_quarter(q, ctx, ctx.tense(start, end) if ahead else "present")


# "Q3" alone is a quarter where a preposition or determiner introduces it ("in Q3", "its Q3 results"), not in a
# model name ("the Audi Q3").
_CODE_INTRODUCED = re.compile(r"(?:\b(?:in|during|for|by|through|of|since|until|from|to|into|the|its|their|this|last|"
                              r"next|and|or|than|per)\s+|['’]s\s+|[.!?]\s+|\(|^)$", re.I)


@rule(r"Q([1-4])(?:[^\S\n]+(?:of[^\S\n]+)?(" + YEAR + r"))?|H([12])[^\S\n]+(" + YEAR + r")", flags=0)
def quarter_code(m: re.Match, ctx: _Context):
    """"Q3 2024", "in Q3", "H1 2023": the codes of quarters and halves; a half's needs its year ("H2" is hydrogen)."""
    if m.group(3):
        return "DATE", f"{m.group(4)}-H{m.group(3)}"
    q = int(m.group(1))
    if m.group(2):
        return "DATE", f"{m.group(2)}-Q{q}"
    if not _CODE_INTRODUCED.search(ctx.text[max(0, m.start() - 12):m.start()]):
        return None
    return "DATE", _quarter_without_year(q, ctx, m.start(), m.end()) if ctx.anchor else f"XXXX-Q{q}"


_HALVES = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "last": 2, "latter": 2}
# After a bare half: a half of something else ("the last half hour", "the first half of the decade").
_HALF_OF_ELSE = re.compile(r"\s+(?:of|hour|century|decade|dozen|mile|inch|point|percent)\b", re.I)
# A half of a game: "scored twice in the second half".
_GAME = re.compile(r"\b(?:scor\w*|goals?|penalt\w+|points|match|game|half-?time|kick-?off|coach|striker|"
                   r"quarterback|touchdowns?|innings?|tries|league|cup|bowl|playoffs?|referee|stadium|tournament|"
                   r"championship)\b", re.I)


@rule(r"(?:the\s+)?(?:(this|last|next)\s+year(?:'s|’s)\s+)?(first|second|1st|2nd|last|latter)[- ]half(?:\s+of\s+(?:("
      + YEAR + r"|" + YEAR_WORDS + r")|(this|last|next)\s+year|the\s+year))?")
def half(m: re.Match, ctx: _Context):
    """"The first half of 2023" is 2023-H1; without its year, as TIMEX3 resolves a year-less part of a year, the
    half of the year of publication ("first-half profit", "in the second half of the year")."""
    which = _HALVES[m.group(2).lower()]
    if m.group(3):
        year_ = _year_value(m.group(3))
        return "DATE", f"{year_}-H{which}" if year_ else None
    relative = m.group(1) or m.group(4)
    if not relative and m.group(0).lower().endswith("half") and not _half_of_a_year(ctx, m):
        return None
    if ctx.anchor is None:
        return "DATE", f"XXXX-H{which}"
    year_ = ctx.anchor.year + {"this": 0, "last": -1, "next": 1}[relative.lower()] if relative else ctx.anchor.year
    if not relative and which == 2 and ctx.anchor.month <= 6 and ctx.tense(m.start(), m.end()) == "past":
        year_ -= 1  # "sales rose in the second half", written in spring: the half last year that has gone by
    return "DATE", f"{year_}-H{which}"


def _half_of_a_year(ctx: _Context, m: re.Match) -> bool:
    """A half named alone is one of a year where a preposition of time introduces it, as it makes "the summer"
    a season ("in the second half"), or as an adjective ("first-half profit"); not a half of a game, of an
    hour or of a decade."""
    if _HALF_OF_ELSE.match(ctx.text, m.end()) or _GAME.search(ctx.text, _sentence_start(ctx.text, m.start()),
                                                              _sentence_end(ctx.text, m.end())):
        return False
    return "-" in m.group(0) or bool(_SEASON_SIGNAL.search(ctx.text, max(0, m.start() - 12), m.start()))


def _sentence_start(text: str, start: int) -> int:
    stop = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start))
    return stop + 1 if stop >= 0 else 0


def _reported_quarter(ctx: _Context) -> str | None:
    """The quarter the article last named, else the one before publication (the one being reported)."""
    if ctx.last_quarter:
        return ctx.last_quarter
    return _quarter(ctx.anchor - relativedelta(months=3)) if ctx.anchor else None


def _nearest_quarter(q: int, ctx: _Context, tense: str = "present") -> str:
    """A quarter named without its year: this year's if it has begun or is next, else last year's;
    in the future tense the next such quarter ("will fall in the fourth quarter", written in March;
    not the quarter "expected to report a third-quarter loss" on, which has gone by)."""
    anchor = ctx.anchor
    current = (anchor.month - 1) // 3 + 1
    if tense == "future":
        return f"{anchor.year if q >= current else anchor.year + 1}-Q{q}"
    return f"{anchor.year if q <= current + 1 else anchor.year - 1}-Q{q}"


@rule(r"(?:the\s+|that\s+)?(?:(" + YEAR + r")\s+)?(?:(?:latest|current|past|same|year-ago|year-earlier|comparable|"
      r"corresponding)\s+)?quarter(?:\s+a\s+year\s+(?:ago|earlier))?|(?:the\s+)?(?:(" + YEAR + r")\s+|(?:year-ago|"
      r"year-earlier|comparable|corresponding|latest)\s+)period(?:\s+(?:a|last)\s+year)?|year-(?:ago|earlier)")
def quarter_anaphor(m: re.Match, ctx: _Context):
    """"The quarter", "the 1988 period", "year-ago" in a quarterly report: the quarter it reports."""
    text = m.group(0).lower()
    if text in ("quarter", "the quarter", "that quarter") and re.match(
            r",?\s*(?:of|to(?!\s*[$€£#])|point|percent|mile|century|inch|hour)\b|-", ctx.text[m.end():m.end() + 10], re.I):
        return None  # "a quarter of", "quarter-to-quarter"
    if text.startswith("that") and not ctx.last_quarter:
        return None  # "that quarter" needs a quarter named before
    if text in ("quarter",) and not re.search(r"\b(?:the|this|in|for|a)\s+$", ctx.text[max(0, m.start() - 6):
                                                                                   m.start()], re.I):
        return None
    if text.endswith("period") and not (m.group(2) or ctx.last_quarter or "latest" in text):
        return None
    reference = _reported_quarter(ctx)
    if reference is None:
        return "DATE", None
    ctx.anaphoric = True
    if ctx.year_to_date and not re.search(r"\b(?:quarter|latest)\b", text):
        reference = reference[:4]  # after "the first nine months", "the 1988 period" is a year's period
    year_ = m.group(1) or m.group(2)
    if year_:
        return "DATE", f"{year_}{reference[4:]}"
    if any(word in text for word in ("ago", "earlier", "comparable", "corresponding")) or text.endswith("last year"):
        return "DATE", _shift_value(reference, -1)
    return "DATE", reference


# --- rules: calendar units relative to the publication date --------------------------------


@rule(r"(?:(early|late|mid|earlier|later|(?:the\s+)?(?:end|beginning|start|middle|rest|remainder|balance)\s+of)"
      r"[- ](?:in\s+)?)?(last|this|next|the\s+past|the\s+coming|the\s+current|"
      r"the\s+previous|the\s+following|the\s+same|that|the\s+latest|the\s+next|the\s+last|current|this\s+past|"
      r"this\s+coming|the|the\s+prior|the\s+present|the\s+full|the\s+entire|the\s+whole)\s+(?:(fiscal|calendar|"
      r"school|academic|financial|model|budget)\s+)?(week(?:end)?|month|year|decade|century)(?!-)")
def relative_unit(m: re.Match, ctx: _Context):
    modifier = (m.group(1) or "").lower()
    relation = re.sub(r"\s+", " ", m.group(2).lower())
    unit = m.group(4).lower()
    if m.group(4)[0].isupper() and not m.group(4).isupper():
        return None  # "ABC's "This Week"": a title
    if relation in ("the", "the full", "the entire", "the whole") and not modifier:
        return _the_unit(m, ctx, unit)
    if relation in ("that", "the same", "the following", "the previous", "the prior"):
        return _anaphoric_unit(m, ctx, relation, unit)
    if relation in ("the next", "the last", "the past", "the coming") and not modifier and unit != "weekend":
        if relation in ("the past", "the last") and unit == "year" and _followed_by_duration_use(ctx, m.end()):
            return "DURATION", "P1Y"
        if relation in ("the next", "the coming") or unit in ("decade", "century"):
            return "DURATION", duration(1, unit)  # "over the past decade": a stretch of time
    if ctx.anchor is None:
        return "DATE", None
    shift = {"last": -1, "the past": -1, "the previous": -1, "the last": -1, "this past": -1, "next": 1,
             "the coming": 1, "the next": 1, "this coming": 1, "the following": 1}.get(relation, 0)
    if modifier in ("earlier", "later") and relation == "this":
        shift = 0
    return "DATE", _shift(ctx.anchor, unit, shift)


def _followed_by_duration_use(ctx: _Context, end: int) -> bool:
    return bool(re.match(r"\s+(?:or\s+(?:so|two)|alone)\b", ctx.text[end:end + 12]))


def _the_unit(m: re.Match, ctx: _Context, unit: str):
    """"The year", "the week": the current one in a dated context; a duration after for/during/over."""
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if unit == "weekend" and ctx.anchor is not None:
        # On a Monday or Tuesday "the weekend" is the one just gone, unless the clause looks ahead.
        tense, weekday = ctx.tense(m.start(), m.end()), ctx.anchor.isoweekday()
        past = tense == "past" or tense == "present" and weekday <= 2
        return "DATE", _shift(ctx.anchor, "weekend", -1 if past and weekday < 6 else 0)
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"\s+(?:ended|ending|to\s+date)\b", after) or re.search(r"\b(?:over|throughout|all)\s+$", before):
        return "DURATION", duration(1, unit)  # "the year ended March 31": a fiscal year, as a period
    if unit == "year" and ctx.anchor is not None and (
            re.search(r"\b(?:in|for|of|this|during)\s+$", before) or m.group(0).lower().startswith("the full")):
        ctx.anaphoric = True
        last_year = int(ctx.last[:4]) if ctx.last and ctx.last[:4].isdigit() else ctx.anchor.year
        return "DATE", str(min(last_year, ctx.anchor.year))  # a target year ("by 1992") is no year in question
    if re.search(r"\b(?:for|during|past|entire)\s+$", before) or \
            m.group(0).lower().startswith(("the full", "the entire", "the whole")):
        return "DURATION", duration(1, unit)
    if unit == "week" and re.search(r"\b(?:in|this|during|later|earlier)\s+$", before) and ctx.anchor is not None:
        return "DATE", _week(ctx.anchor)
    return None


@rule(r"the\s+(?:same|comparable|corresponding)\s+(period|month|week|quarter|day)\s+(?:of\s+|in\s+)?(?:last\s+year|"
      r"the\s+(?:previous|prior|last|preceding)\s+year|a\s+year\s+(?:ago|earlier|before)|the\s+year\s+before)")
def same_period_year_before(m: re.Match, ctx: _Context):
    """"The same month last year", "the same period a year earlier": the period in question, a year back."""
    unit = m.group(1).lower()
    ctx.anaphoric = True
    grain = _granularity(ctx.last)
    if unit == "quarter" or (unit == "period" and grain not in ("month", "week", "half")):
        base = _reported_quarter(ctx)
    elif unit == "period" or grain == unit:
        base = ctx.last
    elif ctx.anchor is not None:
        base = _shift(ctx.anchor, unit, 0)
    else:
        base = None
    return "DATE", _shift_value(base, -1) if base else None


def _anaphoric_unit(m: re.Match, ctx: _Context, relation: str, unit: str):
    """"That year", "the following year": the last date mentioned, moved by the relation."""
    ctx.anaphoric = True
    base = ctx.last
    if not base or not base[:4].isdigit():
        return None if relation != "that" else ("DATE", None)
    shift = {"the following": 1, "the previous": -1, "the prior": -1}.get(relation, 0)
    if unit == "year":
        return "DATE", str(int(base[:4]) + shift)
    if unit == "month" and len(base) >= 7 and base[5:7].isdigit():
        day = dt.date(int(base[:4]), int(base[5:7]), 1) + relativedelta(months=shift)
        return "DATE", f"{day.year}-{day.month:02d}"
    if unit in ("week", "weekend") and len(base) == 10:
        day = dt.date.fromisoformat(base) + dt.timedelta(weeks=shift)
        return "DATE", _week(day) + ("-WE" if unit == "weekend" else "")
    return "DATE", None


@rule(r"the\s+(week|month|year)\s+(before|previous|earlier|prior|after|following)(?=\s*(?:[,.;:!?)\"”]|$))")
def unit_before(m: re.Match, ctx: _Context):
    """"Up from $450 million the year before", "than the year previous": the unit before (after) the last date
    named, written after its noun; followed by more words ("the year before the war") it counts from an event."""
    relation = "the following" if m.group(2).lower() in ("after", "following") else "the previous"
    result = _anaphoric_unit(m, ctx, relation, m.group(1).lower())
    return result if result and result[1] else None


@rule(r"(?:(?:the|a|its|their)\s+)?(" + ORDINAL_DAY + r"|\d{1,3}(?:st|nd|rd|th))\s+(straight\s+|consecutive\s+|"
      r"successive\s+)?(day|week)(?=(\s+in\s+a\s+row)?)")
def streak_day(m: re.Match, ctx: _Context):
    """"For a third straight day", "today is the eighth day of the strike": the day (week) being reported."""
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    present = re.search(r"\b(?:is|it's|it’s|marks|marked)\s+$", before)
    if not (m.group(2) or m.group(4) or present):
        return None  # "on his first day in office": a day not yet known
    if ctx.anchor is None:
        return "DATE", None
    day = dt.date.fromisoformat(ctx.last_day) if ctx.last_day and not present else ctx.anchor
    return "DATE", _iso(day) if m.group(3).lower() == "day" else _week(day)


@rule(r"(?:(earlier|later|late|early)\s+(?:in\s+)?|(?:the\s+)?(?:start|end|beginning|rest|middle|close)\s+of\s+)?"
      r"(the|that)\s+(?:(same|previous|following|next)\s+)?day")
def the_day(m: re.Match, ctx: _Context):
    """"The next day", "that day", "later in the day": the day the text last named (else the publication day)."""
    text = m.group(0).lower()
    relation = (m.group(3) or "").lower()
    after = ctx.text[m.end():m.end() + 8]
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if text.endswith(("the day", "that day")) and re.match(r"\s+(?:of|when|that|which)\b|['’]s|-", after):
        return None  # "the day of the vote", "the day when ...": an event's day, not a known one
    if re.match(r",?\s+(?:" + WEEKDAY + r"|today|yesterday)", ctx.text[m.end():m.end() + 12], re.I):
        return None  # "during the day Friday": the weekday is the expression
    if text.startswith("the day") and not re.search(r"\b(?:in|during|for|throughout|end|ended|ending|finish|"
                                                     r"finished|finishing|close|closed|closing)\s+$", before):
        # A bare "the day" is the day in question only after a signal of the day's course ("in the day",
        # "to end the day") or, as "the day before/after", next to a known day.
        if not re.match(r"\s+(?:before|after)\s*[,.;]", after):
            return None
    if m.group(2).lower() == "that" and relation in ("", "same") and _granularity(ctx.last) == "month":
        return "DATE", f"{ctx.last}-XX"  # "that day" after "in October 1998": a day of that month
    base = ctx.last_day
    if base is None:
        if ctx.anchor is None or relation in ("previous", "following", "next"):
            return None  # "the next day" needs a day named before
        base = _iso(ctx.anchor)
    day = dt.date.fromisoformat(base)
    shift = 1 if relation in ("following", "next") or re.match(r"\s+after\s*[,.;]", after) else \
        -1 if relation == "previous" or re.match(r"\s+before\s*[,.;]", after) else 0
    return "DATE", _iso(day + dt.timedelta(days=shift))


@rule(APPROX + r"?(" + NUMBER + r")\s+(?:more\s+)?(" + UNIT + r")s?(?:\s+or\s+(so|two|more))?\s+(ago|earlier|before|"
      r"later|after|from\s+now|hence|back|previously|since)")
def ago(m: re.Match, ctx: _Context):
    direction = m.group(4).lower()
    if direction in ("before", "after", "since") and not re.match(r"\s*[,.;]", ctx.text[m.end():m.end() + 2]):
        return None  # "two years before the war": a duration related to an event, not to the anchor
    amount = None if m.group(3) in ("two", "more") else number(m.group(1))  # "a year or two ago" is vague
    unit = m.group(2).lower()
    sign = 1 if direction in ("later", "after", "from now", "hence") else -1
    relative_to_last = direction in ("earlier", "before", "later", "after")
    if amount is None and not relative_to_last:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF"
    if unit == "year" and amount == 1 and sign < 0 and ctx.year_to_date and ctx.anchor is not None:
        return "DATE", str(int(_reported_quarter(ctx)[:4]) - 1)  # "in the nine months ... a year earlier"
    if unit == "year" and amount == 1 and sign < 0 and ctx.last_quarter:
        return "DATE", _shift_value(ctx.last_quarter, -1)  # "a year ago" in a quarterly report: that quarter
    if relative_to_last and unit == "year" and amount == 1 and _granularity(ctx.last) in ("year", "month", "day"):
        return "DATE", _shift_value(ctx.last, -1 if sign < 0 else 1)  # "a year earlier": the period before
    if relative_to_last:
        return None  # "three days later": counted from a moment of the story, not from publication; a duration
    if ctx.anchor is None:
        return "DATE", None
    whole = int(amount)
    if unit in ("decade", "century", "centurie"):
        return "DATE", _shift(ctx.anchor, "year", sign * whole * (10 if unit == "decade" else 100))
    if unit in ("hour", "minute", "second"):
        return "DATE", _iso(ctx.anchor)
    return "DATE", _shift(ctx.anchor, unit, sign * whole)

_HOURS = {w: n for w, n in SMALL.items() if isinstance(n, int) and 1 <= n <= 12 and w not in ("a", "an", "dozen")}
_HOUR = r"(\d{1,2}|" + _alt(sorted(_HOURS, key=len, reverse=True)) + r")"


@rule(_HOUR + r"(?:\s+o['’]clock)?\s+(?:in\s+the\s+(morning|afternoon|evening)|at\s+(night))|"
      + _HOUR + r"\s+o['’]clock")
def clock_words(m: re.Match, ctx: _Context):
    """"4 in the morning", "nine at night", "six o'clock": a clock time written out."""
    word = (m.group(1) or m.group(4)).lower()
    hour = int(word) if word.isdigit() else _HOURS[word]
    part = m.group(2) or m.group(3) or ""
    if not 1 <= hour <= 12:
        return None
    if part.lower() in ("afternoon", "evening") and hour < 12 or part.lower() == "night" and 6 <= hour < 12:
        hour += 12
    day = ctx.last_day or (_iso(ctx.anchor) if ctx.anchor else "XXXX-XX-XX")
    return "TIME", f"{day}T{hour:02d}:00"


@rule(r"the\s+(next|following|previous)\s+(morning|afternoon|evening|night)")
def relative_part_of_day(m: re.Match, ctx: _Context):
    """"The next morning": the part of the day after (or before) the day the text last named."""
    base = ctx.last_day
    if base is None:
        if ctx.anchor is None:
            return "TIME", None
        base = _iso(ctx.anchor)
    shift = -1 if m.group(1).lower() == "previous" else 1
    day = dt.date.fromisoformat(base) + dt.timedelta(days=shift)
    return "TIME", f"{_iso(day)}T{PARTS_OF_DAY[m.group(2).lower()]}"


@rule(r"the\s+week\s+of\s+(" + MONTH + r")\s+(" + DAY + r")(?:,?\s+(" + YEAR + r"))?")
def week_of(m: re.Match, ctx: _Context):
    """"The week of March 6": the calendar week holding that day."""
    month, day = _month(m.group(1)), int(re.sub(r"\D", "", m.group(2)))
    if m.group(3):
        value = f"{m.group(3)}-{month:02d}-{day:02d}"
    else:
        value = _resolve_month_day(month, day, ctx.anchor, ctx.date_tense(m.start(), m.end()))
    try:
        return "DATE", _week(dt.date.fromisoformat(value))
    except ValueError:
        return None


@rule(r"(" + UNIT + r")(s?)-long")
def long_adjective(m: re.Match, ctx: _Context):
    """"A day-long meeting" is a day; "a decades-long feud" an unknown number of decades."""
    return "DURATION", duration(None if m.group(2) else 1, m.group(1))


# --- rules: durations and sets -------------------------------------------------------------


@rule(r"(?:the\s+)?(?:(past|last|next|first|coming|previous|final|latest|following|remaining|initial|same|"
      r"additional|other|recent|ensuing|preceding|full|entire|whole)\s+)?" + APPROX + r"?(" + NUMBER +
      r"|a\s+few|a\s+couple\s+of|couple\s+of|several|many|some|few|the)\s+(?:more\s+|full\s+|straight\s+|"
      r"consecutive\s+|additional\s+|long\s+|short\s+|calendar\s+|business\s+|working\s+|trading\s+|fiscal\s+)?"
      r"(" + UNIT + r")s?"
      r"(?:\s+and\s+a\s+half)?(?:\s+or\s+(?:so|two|more))?")
def duration_phrase(m: re.Match, ctx: _Context):
    text = m.group(0).lower()
    amount_text = m.group(2).lower()
    unit = m.group(3).lower()
    before = ctx.text[max(0, m.start() - 12):m.start()].lower()
    if amount_text in ("a", "an", "one") and re.search(r"\b(?:per|every|each|once|twice|times|a)\s+$", before) \
            or amount_text in ("a", "an") and _rate_before(ctx.text, m.start(2)):
        return None  # "twice a year", "$2 million a year" are sets, found by their own rule
    if amount_text == "the" or re.fullmatch(YEAR, amount_text):
        return None  # "the 1988 quarter" is a date
    if text == "one day" and re.search(r"\b(?:will|would|could|might|may|can|should|must|shall|he|she|they|we|i|"
                                       r"you|it)\s+$", before):
        return "DATE", "FUTURE_REF"  # "Islam will one day be ...": some day ahead, not a day long
    after = ctx.text[m.end():m.end() + 12]
    if re.match(r"(?:\s+|-)old\b", after):
        return None  # an age ("52 years old") is no time expression in TimeML
    if unit == "quarter" and re.match(r",?\s+of\b", after) and (amount_text in ("a", "one") or re.match(
            r",?\s+of\s+(?:the|its|their|his|her|our|all|these|those)\b", ctx.text[m.end():m.end() + 20])):
        return None  # "a quarter of the market", "three quarters of its staff": a fraction
    if unit == "second" and amount_text in ("a", "an") and text.endswith("second") and \
            re.match(r"\s+(?!(?:of|to|or|and|in|on|at|for|after|before|later|earlier|ago)\b)[a-z0-9A-Z]", after):
        return None  # "a second group": the ordinal
    if amount_text in ("some",) and unit not in ("time",):
        amount_text = "several"
    amount_text = re.sub(r"\s+", " ", amount_text)
    amount = number(amount_text) if amount_text not in ("a few", "several", "many", "few", "a couple of",
                                                        "couple of") else None
    if amount_text.endswith("couple of"):
        amount = 2
    if text.endswith("and a half") and amount is not None:
        amount += 0.5
    if unit == "weekend":
        return "DURATION", "P2D" if amount in (1, None) else duration(amount * 2, "day")
    if unit == "month" and amount == 9 and re.fullmatch(r"the\s+(?:first\s+|latest\s+)?\S+\s+months", text):
        ctx.year_to_date = True  # "for the nine months": the results of the year so far
    return "DURATION", duration(amount, unit)


@rule(r"(\d+(?:\.\d+)?|" + _NUM_WORD + r"(?:-" + _NUM_WORD + r")?|several|multi|half|single)[- ](" + UNIT +
      r")(?:s?[- ](?:old|long))?")
def duration_adjective(m: re.Match, ctx: _Context):
    """"An 11-minute recording", "a two-year term", "a 52-week high"."""
    text = m.group(0)
    if "-" not in text and not text.endswith("long") or text.endswith("old"):
        return None  # ages ("a 6-year-old") are not time expressions in TimeML corpora
    amount_text = m.group(1).lower()
    amount = None if amount_text in ("several", "multi") else 1 if amount_text == "single" else number(amount_text)
    return "DURATION", duration(amount, m.group(2))


@rule(r"(?:(?:the\s+)?(past|last|next|coming|recent|early|first|final|following|previous)\s+)?(?:" +
      r"(second|minute|hour|day|week|month|year|decade|centurie)s)(?!\s+(?:ago|old|earlier|later))")
def vague_plural(m: re.Match, ctx: _Context):
    """"In recent years", "for weeks", "the next few days": an unknown number of units."""
    relation = (m.group(1) or "").lower()
    unit = m.group(2).lower()
    before = ctx.text[max(0, m.start() - 10):m.start()].lower()
    if relation == "early" and unit == "hour":
        return None  # "the early hours of Thursday": a part of the day, not a duration
    if not relation and not re.search(r"\b(?:for|in|over|within|after|took|takes|take|spent|spend|lasted|the)\s+$",
                                      before):
        return None
    if unit == "centurie":
        unit = "century"
    return "DURATION", duration(None, unit)


def _rate_before(text: str, start: int) -> bool:
    """An amount just before "a year" makes it a rate: "$2 million a year", "four flights a week"."""
    return bool(re.search(r"(?:\d|\$|cents?|dollars?|percent|%|times|pounds|euros|miles|each|per)\s*"
                          r"(?:(?!(?:in|over|within|for|after|by|of|from|to|than|about|under)\s)\w+\s+)?$",
                          text[max(0, start - 20):start], re.I))


@rule(r"(?:(every|each|per|once\s+a|twice\s+a|(?:\w+|\d+)\s+times\s+a|a)\s+(other\s+)?(?:(" + NUMBER +
      r")\s+)?(" + UNIT + r"|" + MONTH + r")s?|daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|"
      r"biweekly|semiannually|(?:bi|semi)-annually)")
def set_(m: re.Match, ctx: _Context):
    text = m.group(0).lower()
    adverbs = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y",
               "yearly": "P1Y", "hourly": "PT1H", "nightly": "P1D", "biweekly": "P2W", "semiannually": "P6M",
               "semi-annually": "P6M", "bi-annually": "P6M"}
    if text in adverbs:
        if text in ("monthly", "quarterly", "nightly", "biweekly", "yearly") and re.match(
                r"\s+(?!basis)[a-z]", ctx.text[m.end():m.end() + 3]) and not re.match(
                r"\s+(?:and|or|but|to|in|on|at|for|by|from|with|since|until|through|during)\b",
                ctx.text[m.end():m.end() + 9]):
            return None  # "a monthly magazine": an adjective, not a frequency ("daily", "weekly" gains stay sets)
        return "SET", adverbs[text]
    quant = m.group(1).lower()
    unit = m.group(4)
    if quant == "a" and not _rate_before(ctx.text, m.start()):
        return None
    if re.fullmatch(MONTH, unit):
        if not unit[0].isupper():
            return None
        return "SET", f"XXXX-{_month(unit):02d}"
    amount = number(m.group(3)) if m.group(3) else 1
    if m.group(2):
        amount = (amount or 1) * 2
    return "SET", duration(amount, unit)


@rule(r"(?:the\s+)?(?:(this|last|next)\s+)?year(?:[- ]end|['’]s\s+end)")
def year_end(m: re.Match, ctx: _Context):
    """"By year-end", "around year end": the end of the current year (of the past one after "since")."""
    if ctx.anchor is None:
        return "DATE", None
    shift = {"last": -1, "next": 1}.get((m.group(1) or "").lower(), 0)
    if not m.group(1) and re.search(r"\bsince\s+$", ctx.text[max(0, m.start() - 7):m.start()], re.I):
        shift = -1  # "up 8% since year-end": the end of the year before
    return "DATE", str(ctx.anchor.year + shift)


# --- rules: holidays, and words that point at the present, past or future -----------------


@rule(r"(?:(?:last|this|next)\s+)?(christmas(?:\s+(?:day|eve))?|new\s+year's\s+(?:day|eve)|independence\s+day|"
      r"valentine's\s+day|halloween|boxing\s+day|bastille\s+day|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?|"
      r"good\s+friday|labou?r\s+day|memorial\s+day|election\s+day)(\s+week)?(?:\s+(" + YEAR + r"))?")
def holiday(m: re.Match, ctx: _Context):
    """"Christmas Day", "Easter week" (the calendar week holding Easter Sunday), "Election Day" (the US
    one: the Tuesday after the first Monday of November)."""
    name = re.sub(r"\s+", " ", m.group(1).lower())
    if not m.group(1)[0].isupper() or name == "election day" and not m.group(1).split()[-1][0].isupper():
        return None  # "election day" in lower case is the day of any election
    week = bool(m.group(2))
    if ctx.anchor is None and not m.group(3):
        return "DATE", None
    relation = m.group(0).split()[0].lower()
    if m.group(3) or relation in ("last", "next", "this"):
        year_ = int(m.group(3)) if m.group(3) else ctx.anchor.year + {"last": -1, "next": 1}.get(relation, 0)
        day = _holiday(name, year_)
    else:
        # No year: the occurrence the tense points at, else the nearest one, a past one preferred as news
        # reports more than it announces.
        days = [_holiday(name, ctx.anchor.year + shift) for shift in (-1, 0, 1)]
        today, tense = ctx.anchor.isoformat(), ctx.date_tense(m.start(), m.end())
        # Of a week, the one under way counts as past and as ahead.
        when = (lambda d: _week(dt.date.fromisoformat(d))) if week else (lambda d: d)
        if tense == "future":
            days = [d for d in days if when(d) >= when(today)]
        elif tense == "past":
            days = [d for d in days if when(d) <= when(today)]
        day = min(days, key=lambda d: abs((dt.date.fromisoformat(d) - ctx.anchor).days) *
                  (1.5 if d > today else 1))
    return "DATE", _week(dt.date.fromisoformat(day)) if week else day


def _holiday(name: str, year_: int) -> str:
    if name in HOLIDAYS:
        month, day = HOLIDAYS[name]
        return f"{year_}-{month:02d}-{day:02d}"
    if name.startswith("easter") or name == "good friday":
        return _iso(easter(year_) - dt.timedelta(days=2 if name == "good friday" else 0))
    if name == "election day":  # the Tuesday after the first Monday: the first Tuesday from the 2nd on
        second = dt.date(year_, 11, 2)
        return _iso(second + dt.timedelta(days=(2 - second.isoweekday()) % 7))
    nth = {"thanksgiving": (11, 4, 4), "thanksgiving day": (11, 4, 4), "labor day": (9, 1, 1),
           "labour day": (9, 1, 1), "memorial day": (5, 1, -1)}[name]
    first = dt.date(year_, nth[0], 1)
    if nth[2] > 0:
        day = first + dt.timedelta(days=(nth[1] - first.isoweekday()) % 7 + 7 * (nth[2] - 1))
    else:
        last = first + relativedelta(months=1) - dt.timedelta(days=1)
        day = last - dt.timedelta(days=(last.isoweekday() - nth[1]) % 7)
    return _iso(day)


REFERENCE_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "just now": "PAST_REF", "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF", "these days": "PRESENT_REF", "at present": "PRESENT_REF",
    "at the moment": "PRESENT_REF", "the present": "PRESENT_REF", "presently": "PRESENT_REF",
    "recently": "PAST_REF", "lately": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF",
    "until recently": "PAST_REF", "the past": "PAST_REF", "previously": "PAST_REF", "formerly": "PAST_REF",
    "in the past": "PAST_REF", "the future": "FUTURE_REF", "the near future": "FUTURE_REF",
    "the foreseeable future": "FUTURE_REF", "the immediate future": "FUTURE_REF", "soon": "FUTURE_REF",
    "shortly": "FUTURE_REF", "the coming": "FUTURE_REF",
}


@rule(r"(?:right\s+now|just\s+now|now|currently|nowadays|these\s+days|at\s+present|presently|more\s+recently|"
      r"most\s+recently|recently|lately|"
      r"the\s+(?:near\s+|foreseeable\s+|immediate\s+|distant\s+)?(?:future|past)|the\s+present(?!\s+\w+ing)|"
      r"the\s+(?:near|short|long)\s+term)")
def reference_word(m: re.Match, ctx: _Context):
    text = re.sub(r"\s+", " ", m.group(0).lower())
    after = ctx.text[m.end():m.end() + 12]
    if text == "now" and re.match(r"\s*-?defunct\b", after):
        return None  # "the now-defunct airline": a word of the adjective (but "now that ..." is the present)
    if text == "soon" and re.match(r"\s+(?:after|before|as|thereafter)\b", after):
        return None
    if text == "the past" and re.match(r"\s+(?:\w+\s+)?(?:\w+)", after) and re.match(
            r"\s+(?:few|several|two|three|four|five|six|seven|eight|nine|ten|\d+|year|month|week|decade|day)",
            after):
        return None
    if text.endswith(" term"):
        return "DATE", "FUTURE_REF"  # "in the near term": the time ahead
    if text.startswith("the distant"):
        return "DATE", "FUTURE_REF" if text.endswith("future") else "PAST_REF"
    if text.startswith("the") and text.split()[-1] in ("future", "past") and text.count(" ") == 2:
        return "DATE", REFERENCE_WORDS.get(text, "FUTURE_REF" if text.endswith("future") else "PAST_REF")
    return "DATE", REFERENCE_WORDS[text]


@rule(r"(?:current|recent)(?=\s+[a-z])")
def reference_adjective(m: re.Match, ctx: _Context):
    """"The current account", "recent talks": TimeBank marks these adjectives as the present or past."""
    return "DATE", "PRESENT_REF" if m.group(0).lower() == "current" else "PAST_REF"


# Anchor words by kind, lower case; the combined pattern finds them all in one scan. One position gets one
# kind, so words that begin with another kind's word come first (monthly, month, mon; decade, dec).
ANCHORS = {
    "adverb": r"daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|biweekly|semi-?annually",
    "unit": r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni",
    "month": r"jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec",
    "weekday": r"mon|tue|wed|thu|fri|sat|sun",
    "digits": r"\d[-/–]\d?|1[6-9]\d\d|20\d\d|(?<=['’])\d\d\b|\d0'?s\b|\d?\d:\d\d|\d?\d\s*[ap]\.?m\b|\d{4}\s+(?:gmt|utc)",
    "word_year": r"nineteen|twenty|two thousand|[a-z]+ties\b",
    "day_word": r"today|tonight|yesterday|tomorrow|noon|midnight|midday",
    "part": r"morning|afternoon|evening|overnight",
    "season": r"spring|summer|fall|autumn|winter",
    "period": r"period",
    "half": r"half",
    "code": r"q[1-4]\b|h[12]\b",
    "oclock": r"o['’]clock",
    "ago": r"ago|earlier|before|later|after|from now|hence|back|previously|since",
    "holiday": r"christmas|new year|independence|valentine|halloween|boxing|bastille|thanksgiving|easter|"
               r"good friday|labou?r day|memorial|election day",
    "reference": r"now|current|present|recent|lately|past|future|these days|(?:near|short|long) term",
}
_ANCHOR = re.compile(r"\b(?:" + "|".join(f"(?P<{kind}>{words})" for kind, words in ANCHORS.items()) + ")")
RULE_ANCHORS = {
    "month_day": ("month",), "day_month": ("month",), "second_day": ("month",), "month_year": ("month",), "month_alone": ("month",),
    "iso_date": ("digits",), "clipped_year": ("digits",), "slash_date": ("digits",), "year_range": ("digits",), "year": ("digits", "word_year"),
    "decade": ("digits", "word_year"), "century": ("unit",), "day_word": ("day_word",),
    "weekday": ("weekday",), "weekday_set": ("weekday", "unit"), "part_of_day": ("part", "unit"),
    "clock": ("digits", "day_word"), "season": ("season",), "quarter": ("unit",), "quarter_code": ("code",), "half": ("half",),
    "quarter_anaphor": ("unit", "period"),
    "relative_unit": ("unit",), "the_day": ("unit",), "ago": ("ago",), "duration_phrase": ("unit",),
    "duration_adjective": ("unit",), "vague_plural": ("unit",), "set_": ("unit", "month", "weekday", "adverb"),
    "holiday": ("holiday",), "reference_word": ("reference",), "year_end": ("unit",),
    "reference_adjective": ("reference",), "same_period_year_before": ("unit", "period"),
    "clock_words": ("part", "unit", "oclock"), "relative_part_of_day": ("part", "unit"), "week_of": ("unit",),
    "long_adjective": ("unit",), "streak_day": ("unit",), "unit_before": ("unit",),
}
RULES[:] = [_Rule(r.name, r.pattern, r.normalise, RULE_ANCHORS[r.name]) for r in RULES]

# Rules whose value leans on an earlier one: they do not become the reference themselves.
_ANAPHORIC = {"quarter_anaphor", "ago", "the_day", "same_period_year_before", "unit_before"}

# Longer, more specific rules first: a tie in start and length goes to the earlier rule.
RULES.sort(key=lambda r: 0 if r.name in ("clock", "month_day", "day_month", "quarter") else 1)
