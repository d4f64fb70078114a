"""``onrecord eval timeml DIR``: time expressions scored the TempEval-3 way.

Reads TimeML (``.tml``: TimeBank, AQUAINT) and MEANTIME's CAT XML (``.xml``). The creation-time
TIMEX3 (the DCT) is not scored: its value is the anchor that relative expressions resolve against.

Definitions (TempEval-3, UzZaman et al. 2013, on character spans instead of tokens):
- strict span match: equal spans, each trimmed of whitespace and punctuation; relaxed: overlap;
- predictions and gold are aligned one to one, largest overlap first;
- value (type) F1: an aligned pair counts when the value (type) is also equal, over the number of
  predicted and of gold expressions, so it folds attribute accuracy into relaxed span F1;
- value (type) accuracy: the same count over the aligned pairs alone.
Values are compared after normalising spelling only: a decade written 199X (the record's form) equals
TIMEX3's 199 (TimeML's form), both naming the 1990s; a week number may lack its zero (W7); durations in
decades, centuries, millennia or quarters (P1E, P1DE, PXC, P2L, P3Q) equal the same span in years or
months (P10Y, PXCE, P2000Y, P9M), and a fraction of a year its months (P2.5Y is P2Y6M); a clock time
on the hour may leave out its minutes (T17 is T17:00).
Each sub-folder holding files is scored on its own (TimeBank, AQUAINT), as well as all together.

By default each text is parsed first, as ``onrecord extract`` parses an article, and the finder reads
the tense of the governing verb from the parse; ``--no-parse`` (``parse=False``) scores the text-only
path, which decides tense from cue words alone.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..config import Settings
from ..errors import OnrecordError
from ..record import TimeExpression
from .scoring import Counts, positions


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str | None


@dataclass
class Document:
    name: str
    text: str
    anchor: str | None
    gold: list[Timex]
    # Spans not scored: the DCT where it stands in the text (MEANTIME's dateline), and the text after
    # the last annotated sentence (MEANTIME annotates only the first sentences of each article).
    ignored: list[tuple[int, int]] = field(default_factory=list)


@dataclass
class Scores:
    strict: Counts = field(default_factory=Counts)
    relaxed: Counts = field(default_factory=Counts)
    value: Counts = field(default_factory=Counts)
    type: Counts = field(default_factory=Counts)
    documents: int = 0
    sentences: int = 0
    errors: list[tuple[str, str, str | None, str | None]] = field(default_factory=list)

    def as_dict(self) -> dict:
        aligned = self.relaxed.matched
        return {
            "documents": self.documents,
            "strict": self.strict.as_dict(),
            "relaxed": self.relaxed.as_dict(),
            "value": self.value.as_dict(),
            "type": self.type.as_dict(),
            "value_accuracy": round(100 * self.value.matched / aligned, 1) if aligned else 0.0,
            "type_accuracy": round(100 * self.type.matched / aligned, 1) if aligned else 0.0,
        }


@dataclass
class Report:
    """Scores per corpus (sub-folder) and over all of them."""

    corpora: dict[str, Scores]
    parsed: bool = True  # whether the finder had the spaCy parse of each text (as in the pipeline)

    @property
    def total(self) -> Scores:
        total = Scores()
        for scores in self.corpora.values():
            for name in ("strict", "relaxed", "value", "type"):
                part = getattr(scores, name)
                getattr(total, name).add(part.matched, part.predicted, part.gold)
            total.documents += scores.documents
        return total

    def as_dict(self) -> dict:
        result = {name: scores.as_dict() for name, scores in self.corpora.items()}
        if len(self.corpora) > 1:
            result["all"] = self.total.as_dict()
        return result


_TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)/?>")
_ATTR = re.compile(r'([A-Za-z_]+)="([^"]*)"')


def read_timeml(path: Path) -> Document:
    """Text of the ``<TEXT>`` element with its TIMEX3 spans; the DCT value as anchor."""
    source = path.read_text(encoding="utf-8")
    dct = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    anchor = dict(_ATTR.findall(dct.group(1))).get("value") if dct else None
    match = re.search(r"<TEXT>(.*)</TEXT>", source, re.S)
    if match is None:
        raise OnrecordError(f"{path}: no <TEXT> element")
    body = match.group(1)
    parts: list[str] = []
    length = 0
    gold: list[Timex] = []
    open_timex: tuple[int, dict] | None = None
    cursor = 0
    for tag in _TAG.finditer(body):
        chunk = html.unescape(body[cursor:tag.start()])
        parts.append(chunk)
        length += len(chunk)
        cursor = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if tag.group(1):  # closing tag
            if open_timex is not None:
                start, attrs = open_timex
                if attrs.get("functionInDocument") != "CREATION_TIME":
                    gold.append(Timex(start, length, attrs.get("type", ""), attrs.get("value")))
                open_timex = None
        else:
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
    parts.append(html.unescape(body[cursor:]))
    return Document(path.stem, "".join(parts), _date_of(anchor), gold)


# Tokens written without a space before them, and after them, when MEANTIME's tokens are joined.
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", "%", ")", "]", "'s", "'", "n't", "'re", "'ve", "'ll", "'d", "'m"}
_NO_SPACE_AFTER = {"(", "[", "$", "``"}


def read_cat(path: Path) -> Document:
    """MEANTIME's CAT XML: tokens joined into text (sentences on lines of their own)."""
    root = ET.parse(path).getroot()
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, str] = {}
    parts: list[str] = []
    length = 0
    sentence = None
    previous = ""
    for token in root.iter("token"):
        word = token.text or ""
        if sentence is not None and token.get("sentence") != sentence:
            separator = "\n"
        elif sentence is None or word in _NO_SPACE_BEFORE or previous in _NO_SPACE_AFTER:
            separator = ""
        else:
            separator = " "
        sentence = token.get("sentence")
        parts.append(separator)
        length += len(separator)
        offsets[token.get("t_id")] = (length, length + len(word))
        sentence_of[token.get("t_id")] = sentence
        parts.append(word)
        length += len(word)
        previous = word
    anchor = None
    gold: list[Timex] = []
    ignored: list[tuple[int, int]] = []
    for timex in root.iter("TIMEX3"):
        spans = [offsets[a.get("t_id")] for a in timex.iter("token_anchor") if a.get("t_id") in offsets]
        if timex.get("functionInDocument") == "CREATION_TIME":
            anchor = timex.get("value")
            ignored.extend(spans)
            continue
        if spans:  # a TIMEX3 without tokens is an implicit time, not an expression in the text
            gold.append(Timex(min(s for s, _ in spans), max(e for _, e in spans), timex.get("type", ""),
                              timex.get("value")))
    gold.sort(key=lambda t: t.start)
    text = "".join(parts)
    annotated = [a.get("t_id") for a in root.iter("token_anchor") if a.get("t_id") in offsets]
    if annotated:
        last = max(int(sentence_of[t]) for t in annotated)
        ends = [end for t, (_, end) in offsets.items() if int(sentence_of[t]) <= last]
        ignored.append((max(ends), len(text)))
    return Document(path.stem, text, _date_of(anchor), gold, ignored)


_DECADE = re.compile(r"^(\d{3})X$")
_WEEK = re.compile(r"-W(\d)(?!\d)")


_LONG_UNIT = re.compile(r"^P(\d+|X)(DE|CE|ML|E|C|L|Q)$")
_YEARS_IN = {"DE": 10, "E": 10, "CE": 100, "C": 100, "ML": 1000, "L": 1000}
_TIMEML_UNIT = {"DE": "E", "E": "E", "CE": "C", "C": "C", "ML": "L", "L": "L"}  # TIMEX2's letters, TimeML's
_FRACTION_OF_YEAR = re.compile(r"^P(\d+)\.(\d+)Y$")
_ON_THE_HOUR = re.compile(r"(T\d\d):00(Z?)$")


def same_value(guess: str | None, gold: str | None) -> bool:
    """Equal values, however written (module docstring): ``199X`` is ``199``, ``2000-W7`` is
    ``2000-W07``, ``P1E`` is ``P10Y``, ``P2.5Y`` is ``P2Y6M``, ``T17`` is ``T17:00``."""
    return _canonical(guess) == _canonical(gold)


def _canonical(value: str | None) -> str:
    value = _WEEK.sub(r"-W0\1", _DECADE.sub(r"\1", value or ""))
    value = _ON_THE_HOUR.sub(r"\1\2", value)
    return _canonical_duration(value)


def _canonical_duration(value: str) -> str:
    """Durations in long units as years (quarters as months), so that one span has one spelling."""
    if match := _LONG_UNIT.match(value):
        amount, unit = match.groups()
        if unit == "Q":
            return "PXQ" if amount == "X" else f"P{3 * int(amount)}M"
        if amount == "X":  # an unknown number of decades is not an unknown number of years
            return f"PX{_TIMEML_UNIT[unit]}"
        return f"P{_YEARS_IN[unit] * int(amount)}Y"
    if match := _FRACTION_OF_YEAR.match(value):
        months = round(float("0." + match.group(2)) * 12)
        return f"P{match.group(1)}Y{months}M" if months else f"P{match.group(1)}Y"
    return value


def _date_of(value: str | None) -> str | None:
    match = re.match(r"\d{4}-\d\d-\d\d", value or "")
    if match:
        return match.group(0)
    match = re.fullmatch(r"(\d\d)-(\d\d)-(\d{4})", value or "")  # a few MEANTIME DCTs are day-month-year
    return f"{match.group(3)}-{match.group(2)}-{match.group(1)}" if match else None


def score_document(scores: Scores, document: Document, predicted: list[TimeExpression]) -> None:
    text = document.text
    guesses = [
        Timex(min(s for s, _ in t.spans), max(e for _, e in t.spans), t.type, t.value)
        for t in predicted
        if not any(s < ie and ee > is_ for s, ee in t.spans for is_, ie in document.ignored)
    ]
    guess_pos = [positions(text, [(t.start, t.end)]) for t in guesses]
    gold_pos = [positions(text, [(t.start, t.end)]) for t in document.gold]
    pairs = _align(guess_pos, gold_pos)
    n_guess, n_gold = len(guesses), len(document.gold)
    scores.documents += 1
    scores.relaxed.add(len(pairs), n_guess, n_gold)
    scores.strict.add(sum(guess_pos[p] == gold_pos[g] for p, g in pairs), n_guess, n_gold)
    scores.value.add(sum(same_value(guesses[p].value, document.gold[g].value) for p, g in pairs), n_guess, n_gold)
    scores.type.add(sum(guesses[p].type == document.gold[g].type for p, g in pairs), n_guess, n_gold)
    paired_guess = {p for p, _ in pairs}
    paired_gold = {g for _, g in pairs}
    for p, g in pairs:
        guess, gold = guesses[p], document.gold[g]
        if not same_value(guess.value, gold.value) or guess_pos[p] != gold_pos[g]:
            scores.errors.append((document.name, f"{text[guess.start:guess.end]!r} ~ {text[gold.start:gold.end]!r}",
                                  guess.value, gold.value))
    for p in set(range(n_guess)) - paired_guess:
        scores.errors.append((document.name, f"+{text[guesses[p].start:guesses[p].end]!r}", guesses[p].value, None))
    for g in set(range(n_gold)) - paired_gold:
        gold = document.gold[g]
        scores.errors.append((document.name, f"-{text[gold.start:gold.end]!r}", None, gold.value))


def _align(guesses: list[frozenset[int]], gold: list[frozenset[int]]) -> list[tuple[int, int]]:
    """One-to-one pairs of overlapping spans, exact and larger overlaps first."""
    candidates = sorted(
        ((g_pos == p_pos, len(p_pos & g_pos), p, g)
         for p, p_pos in enumerate(guesses) for g, g_pos in enumerate(gold) if p_pos & g_pos),
        reverse=True,
    )
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, p, g in candidates:
        if p not in used_p and g not in used_g:
            used_p.add(p)
            used_g.add(g)
            pairs.append((p, g))
    return pairs


def read(path: Path) -> Document:
    return read_cat(path) if path.suffix == ".xml" else read_timeml(path)


def corpora(directory: Path) -> dict[str, list[Path]]:
    """Files per corpus: each sub-folder of ``directory`` (or ``directory`` itself) with ``.tml``/``.xml`` files."""
    directory = Path(directory)
    if not directory.is_dir():
        raise OnrecordError(f"{directory} is not a directory")
    found: dict[str, list[Path]] = {}
    for path in sorted(directory.rglob("*")):
        if path.suffix in (".tml", ".xml") and path.is_file():
            parts = path.relative_to(directory).parts
            name = parts[0] if len(parts) > 1 else directory.name
            found.setdefault(name, []).append(path)
    if not found:
        raise OnrecordError(f"no TimeML (.tml) or CAT (.xml) files under {directory}")
    return found


def documents(directory: Path) -> Iterator[Document]:
    for paths in corpora(directory).values():
        for path in paths:
            yield read(path)


Finder = Callable[..., list[TimeExpression]]


def evaluate(directory: Path, finder: Finder | None = None, parse: bool = True,
             settings: Settings | None = None) -> Report:
    """Scores of ``finder`` (``find_times`` by default) on every corpus under ``directory``.

    With ``parse`` (the default) each text is first parsed as the pipeline parses an article (the
    model of ``settings``, the components its stages need, in batches) and ``finder(text, anchor,
    doc)`` gets the Doc, so that the figures are those of ``onrecord extract``; without, it is
    ``finder(text, anchor)`` on the text alone (the fallback for callers that have no parse).
    """
    if finder is None:
        from ..stages.times import find_times as finder
    nlp = None
    if parse:
        from ..nlp import load
        from ..stages import required_components, resolve

        settings = settings or Settings.from_env()
        nlp = load(settings.model, required_components(resolve(settings.stages)))
    report = Report({}, parsed=parse)
    for name, paths in corpora(directory).items():
        scores = report.corpora[name] = Scores()
        read_documents = [read(path) for path in paths]
        if nlp is None:
            found = (finder(document.text, document.anchor) for document in read_documents)
        else:
            docs = nlp.pipe((document.text for document in read_documents), batch_size=settings.batch_size)
            found = (finder(document.text, document.anchor, doc) for document, doc in zip(read_documents, docs, strict=True))
        for document, expressions in zip(read_documents, found, strict=True):
            score_document(scores, document, expressions)
    return report
