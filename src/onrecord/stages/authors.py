"""Who "I" is where no quotation says: the writer of an opinion piece or a letter.

Outside quotation marks the first person of a column, an essay or a reader's letter is its
writer, and news pages name the writer in one of three ways: on a letters page, the signature
that closes each letter ("Ivo Marsh." on a line of its own, often with a place after it);
a closing line about them ("Ana Duarte is a professor of law at …"); or the byline. A signature
signs the paragraphs since the previous one, or since a section heading in capitals
("FACEBOOK."); a closing line or a byline signs the whole text. The entities stage makes each
"I", "me", "my", "myself" outside any quotation, in a signed part, a mention of its writer. "We"
stays unlinked: a writer's "we" is a group.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc

FIRST_PERSON = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)\b")
_PARAGRAPH = re.compile(r"[^\n]+")
# "Ana Duarte is a professor of law at …", "Ana Duarte, a novelist, is …", "Ana Duarte teaches law at …":
# who the writer is, where they work; not "Olsen is due in court on Monday"
_ABOUT_THE_WRITER = re.compile(r"(?:\s+(?:is|was)\s+(?:an?\s+|the\s+)?[\w-]+(?:\s+[\w-]+){0,3}\s+(?:at|of|for|with)\s"
                               r"|,\s+(?:an?|the)\s|\s+(?:writes|teaches|works|lives)\s)")
_SIGNED = re.compile(r"\s*((?:[A-Z][\w'’.-]*\s+){1,3}[A-Z][\w'’-]*)\.?\s*")
_HEADING = re.compile(r"[A-Z][A-Z0-9 &'’-]{2,40}\.?")
Who = TypeVar("Who")


def letters(text: str, named_at: Callable[[int, int], Who | None]) -> list[tuple[int, int, Who]]:
    """The letters of a letters page, as (start, end, writer): each ends at its signature, where
    ``named_at(start, end)`` is the person whose name the span is exactly, or None."""
    parts, since = [], 0
    for start, end in _paragraphs(text):
        if _HEADING.fullmatch(text[start:end].strip()):
            since = end  # a heading of the letters page opens the next letter
            continue
        name = _signature(text, start, end, named_at)
        if name is not None:
            parts.append((since, start, name))
            since = end
    return parts


def closing_line(text: str, named_at: Callable[[int, int], Who | None]) -> tuple[int, Who] | None:
    """The writer a closing line is about (the last or next to last paragraph), and where it starts."""
    for start, end in _paragraphs(text)[-2:][::-1]:
        name = _about_the_writer(text, start, end, named_at)
        if name is not None:
            return start, name
    return None


def _paragraphs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _PARAGRAPH.finditer(text) if m.group().strip()]


def _signature(text: str, start: int, end: int, named_at: Callable[[int, int], Who | None]) -> Who | None:
    """A paragraph that is one person's name and nothing else ("Ivo Marsh."); not a photo
    credit ("Gary Lund/Reuters")."""
    line = text[start:end]
    match = _SIGNED.fullmatch(line)
    return named_at(start + match.start(1), start + match.end(1)) if match else None


def _about_the_writer(text: str, start: int, end: int, named_at: Callable[[int, int], Who | None]) -> Who | None:
    """A closing paragraph that opens with a person's name and says who they are."""
    line = text[start:end]
    start += len(line) - len(line.lstrip())
    words = line.split()
    for count in (4, 3, 2):
        name_end = start + len(" ".join(words[:count]))
        if len(words) > count and _ABOUT_THE_WRITER.match(text, name_end):
            name = named_at(start, name_end)
            if name is not None:
                return name
    return None


def first_person(doc: Doc, text: str, start: int, end: int, quoted: list[bool]) -> list[tuple[int, int, int]]:
    """The writer's "I"s between ``start`` and ``end``: (start, end, token index), none quoted."""
    found = []
    for match in FIRST_PERSON.finditer(text, start, end):
        span = doc.char_span(match.start(), match.end())
        if span is not None and len(span) == 1 and not quoted[span.start]:
            found.append((match.start(), match.end(), span.start))
    return found
