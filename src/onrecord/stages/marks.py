"""Quotation marks paired into quoted spans, robust to what real news text does with them.

Handles curly and straight, double and single marks, « » and „ “; apostrophes that look like
closing single quotes (it’s, the ministers’, the ’90s, rock ’n’ roll); nesting to any depth;
marks inside bracketed insertions; openers never closed; and a quotation that runs over several
paragraphs, each reopening it and only the last closing it. It never raises: an odd number of
marks still yields every quotation that can be paired.

Written here rather than taken from a library because the ones we know (textacy's direct-quote
extractor among them) pair marks by counting and fail on exactly these cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

_CACHE = "onrecord.quotations"

# Two apostrophes stand for a straight double mark (''like this'', as wire copy types it).
_MARKS = re.compile("''|[\"'“”„‟«»‹›‘’‚]")
_OPENERS = {"“": "d", "„": "d", "‟": "d", "«": "d", "‹": "s", "‘": "s", "‚": "s"}
_CLOSERS = {"”": "d", "»": "d", "›": "s", "’": "s"}
_FEET_INCHES = re.compile(r"\d['’]\d{1,2}$")  # 6'3 before the inch mark of 6'3"
# A straight mark may touch another mark: "'Stay,' he said" opens two, "said 'no.'" closes two.
_OPEN_CONTEXT = set(" \t\n([{—–-/“‘«‹„\"'") | {""}
_CLOSE_CONTEXT = set(" \t\n)]}.,;:!?—–-…”’»›\"'") | {""}


@dataclass
class Quoted:
    """A quotation: ``spans`` are its fragments without the marks, one per paragraph."""

    spans: list[tuple[int, int]]
    opened_at: int  # offset of the first opening mark
    closed_at: int | None  # offset of the closing mark's last character; None when it was never closed
    double: bool
    parent: Quoted | None = field(default=None, repr=False)

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def outer_end(self) -> int:
        """Offset just past the closing mark (or the end of the text quoted)."""
        return self.closed_at + 1 if self.closed_at is not None else self.end

    @property
    def depth(self) -> int:
        return 0 if self.parent is None else self.parent.depth + 1


@dataclass
class _Open:
    kind: str  # "d" or "s"
    at: int
    fragment_start: int
    fragments: list[tuple[int, int]] = field(default_factory=list)
    # Quotations closed inside this one before it closes: their parent is known only then.
    children: list[Quoted] = field(default_factory=list)


TITLE_SMALL_WORDS = {"a", "an", "the", "and", "or", "of", "in", "on", "at", "to", "for", "with", "by", "from", "as"}


def title_words(words: list[str]) -> bool:
    """Two to eight words, the first capitalised and each capitalised or a small word, the last with
    no stop of its own: what a title's quoted words look like (“Reading the City”)."""
    return 2 <= len(words) <= 8 and words[-1][-1:] not in ".,!?;:" and words[0][:1].isupper() and all(
        word[:1].isupper() or word.lower() in TITLE_SMALL_WORDS for word in words)


# A markup tag left in a text ('<tweet author="…">'): the marks around its attribute values quote no one.
_TAG = re.compile(r"</?[A-Za-z][\w:-]*(?:\s+[\w:-]+(?:=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s>]+))?)*\s*/?>")


def find_quotations(text: str) -> list[Quoted]:
    """Every quotation in ``text``, outer before inner, in order of their opening marks."""
    found: list[Quoted] = []
    stack: list[_Open] = []
    paragraphs = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
    for number, (p_start, p_end) in enumerate(paragraphs):
        continuing = stack and _reopens(text, p_start, stack[0])
        if stack and continuing:
            # A quotation running on: the paragraph reopens it; its fragment starts after the mark.
            outer = stack[0]
            del stack[1:]
            start = outer.fragment_start = p_start + (2 if text.startswith("''", p_start) else 1)
        else:
            _close_unclosed(text, stack, found)
            start = p_start
        tags = [m.span() for m in _TAG.finditer(text, start, p_end)] if text.find("<", start, p_end) >= 0 else []
        for match in _MARKS.finditer(text, start, p_end):
            if not any(t_start < match.start() < t_end for t_start, t_end in tags):
                _mark(text, match.start(), match.end(), stack, found)
        if stack:
            next_start = paragraphs[number + 1][0] if number + 1 < len(paragraphs) else None
            if next_start is not None and _reopens(text, next_start, stack[0]):
                outer = stack[0]
                outer.fragments.append(_trim(text, outer.fragment_start, p_end))
    _close_unclosed(text, stack, found)
    found.sort(key=lambda q: q.opened_at)
    return [q for q in found if q.end > q.start]


def _reopens(text: str, at: int, outer: _Open) -> bool:
    """Whether the paragraph at ``at`` reopens the quotation ``outer``: with a double mark of the
    same style (straight or curly) as the one that opened it. A paragraph of a report that quotes
    another with straight marks and its own speakers with curly ones ('"The rally began …' then
    '“I was there,” she said') starts a quotation of its own."""
    if outer.kind != "d" or at >= len(text):
        return False
    if _straight(text, outer.at):
        return _straight(text, at)
    return _OPENERS.get(text[at]) == "d"


def _role(text: str, i: int, end: int, stack: list[_Open]) -> tuple[str, str] | None:
    """("open"|"close", kind) for the mark at ``i``..``end``, or None for an apostrophe."""
    char = '"' if end - i == 2 else text[i]
    before = text[i - 1] if i else ""
    after = text[end] if end < len(text) else ""
    if char in ("’", "'"):
        if before.isalnum() and after.isalpha():
            return None  # it’s, rock’n
        if after.isdigit() and not before.isalnum():
            return None  # the ’90s
        if text[i:i + 3] in ("’n’", "'n'") or text[i - 2:i + 1] in ("’n’", "'n'"):
            return None  # rock ’n’ roll
    if char in _OPENERS:
        # „…“: the low mark opens, the high one closes it.
        if char == "“" and any(o.kind == "d" and text[o.at] == "„" for o in stack):
            return "close", "d"
        return "open", _OPENERS[char]
    if char in _CLOSERS:
        kind = _CLOSERS[char]
        if kind == "s" and not any(o.kind == "s" for o in stack):
            return None  # the ministers’ union: nothing single is open, so an apostrophe
        if kind == "d" and not any(o.kind == "d" for o in stack) and before in ("", "\n") and after.isalnum():
            return "open", kind  # ”Text…” typed with the wrong mark at a paragraph's start
        return "close", kind
    kind = "d" if char == '"' else "s"
    if char == '"' and end - i == 1 and before.isdigit() and (
            _FEET_INCHES.search(text, max(0, i - 4), i) or not any(o.kind == "d" for o in stack)):
        return None  # 6'3" tall, a 12" screen: inches, not a quotation (which opens after a space)
    can_open = before in _OPEN_CONTEXT and after not in " \t\n"
    can_close = after in _CLOSE_CONTEXT and before not in " \t\n"
    is_open = any(o.kind == kind for o in stack)
    if can_close and is_open:
        return "close", kind
    if can_open:
        return "open", kind
    if kind == "s":
        return None
    return ("close", kind) if is_open else ("open", kind)


def _mark(text: str, i: int, end: int, stack: list[_Open], found: list[Quoted]) -> None:
    role = _role(text, i, end, stack)
    if role is None:
        return
    action, kind = role
    if action == "open":
        if kind == "d" and _straight(text, i):
            _end_unclosed_straight(text, i, stack, found)
        stack.append(_Open(kind, i, end))
        return
    for depth in range(len(stack) - 1, -1, -1):
        if stack[depth].kind == kind:
            # Inner openers never closed are dropped; the quotation they sit in still counts.
            opened = stack[depth]
            del stack[depth:]
            parent = stack[-1] if stack else None
            _emit(text, opened, opened.fragments + [(opened.fragment_start, i)], end - 1, parent, found)
            return
    # A closing mark with nothing open: a stray mark, ignored.


def _straight(text: str, at: int) -> bool:
    return text[at] == '"' or text.startswith("''", at)


def _end_unclosed_straight(text: str, at: int, stack: list[_Open], found: list[Quoted]) -> None:
    """'The mayor said "we will not go back. "It was a disaster," she said.': straight double marks
    do not nest (a quotation inside one takes single marks), so one opening while another is open
    means the other was never closed; it ends where the new one opens."""
    for depth, opened in enumerate(stack):
        if opened.kind == "d" and _straight(text, opened.at):
            parent = stack[depth - 1] if depth else None
            del stack[depth:]
            _emit(text, opened, opened.fragments + [(opened.fragment_start, at)], None, parent, found)
            return


def _emit(text, opened: _Open, fragments, closed_at, parent: _Open | None, found: list[Quoted]) -> None:
    spans = [_trim(text, s, e) for s, e in fragments]
    spans = [(s, e) for s, e in spans if e > s]
    if not spans:
        return
    quoted = Quoted(spans, opened.at, closed_at, opened.kind == "d")
    if parent is not None:
        parent.children.append(quoted)
    for child in opened.children:
        child.parent = quoted
    found.append(quoted)


# "…, Barros said later." or "…, said Barros." ending a paragraph: an attribution, which a quotation
# never closed runs into.
_SPEAKER = r"(?:(?:[A-Z][\w’'.-]*\s+){0,3}[A-Z][\w’'-]*|he|she|they|I|we|the\s+[a-z]+(?:\s+[a-z]+)?)"
_SAYING = r"(?:said|says|added|adds|told\s+\w+|tells\s+\w+|wrote|writes|asked|replied|explained|insisted|warned|argued|noted)"
_TRAILING_ATTRIBUTION = re.compile(
    rf",\s+(?:{_SPEAKER}\s+{_SAYING}(?:\s+[a-z]+){{0,2}}|{_SAYING}\s+{_SPEAKER})[.!?]?\s*$")


def _close_unclosed(text: str, stack: list[_Open], found: list[Quoted]) -> None:
    """Openers left at a paragraph's end: the outermost double quote runs to the paragraph end, or
    to the attribution that ends it ('"The offer is final, Barros said later.')."""
    if stack and stack[0].kind == "d":
        outer = stack[0]
        end = _paragraph_end(text, outer.fragment_start)
        attribution = _TRAILING_ATTRIBUTION.search(text, outer.fragment_start, end)
        end = attribution.start() if attribution else end
        _emit(text, outer, outer.fragments + [(outer.fragment_start, end)], None, None, found)
    stack.clear()


def _paragraph_end(text: str, at: int) -> int:
    end = text.find("\n", at)
    return len(text) if end < 0 else end


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def quotations_of(doc: Doc, text: str | None = None) -> list[Quoted]:
    """The article's quotations, paired once per parsed doc and shared by the stages that read them.
    Pass the article's text where it is at hand: ``doc.text`` rebuilds it from the tokens."""
    found = doc.user_data.get(_CACHE)
    if found is None:
        found = doc.user_data[_CACHE] = find_quotations(doc.text if text is None else text)
    return found


def states_of(doc: Doc, text: str | None = None) -> list[tuple[bool, bool, bool]]:
    """``token_states`` of the article's quotations, computed once per parsed doc."""
    states = doc.user_data.get(_CACHE + ".states")
    if states is None:
        states = doc.user_data[_CACHE + ".states"] = token_states(doc, quotations_of(doc, text))
    return states


# The eight possible states, shared: a fresh tuple per token would be thousands of objects per
# article kept alive in the doc's cache for the garbage collector to walk.
_STATES = [(bool(n & 4), bool(n & 2), bool(n & 1)) for n in range(8)]


def token_states(doc: Doc, quotations: list[Quoted]) -> list[tuple[bool, bool, bool]]:
    """Per token: inside a quotation, a quotation ends just before it, one starts just after it."""
    flags = bytearray(len(doc))
    for start, end in (span for quotation in quotations for span in quotation.spans):
        tokens = doc.char_span(start, end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            continue
        for i in range(tokens.start, tokens.end):
            flags[i] |= 4
        for i in range(tokens.end, min(tokens.end + 5, len(doc))):
            flags[i] |= 2
        for i in range(max(0, tokens.start - 5), tokens.start):
            flags[i] |= 1
    return [_STATES[flag] for flag in flags]
