"""An article's text as a tree of plain strings and marks (quotations, cues, speakers, terms).

The text is only ever cut at span offsets, never parsed: templates render each string with
autoescaping, so nothing in an article can become markup. Marks nest by containment (a quotation
inside a quotation is a child of it); a mark that crosses another's end is closed and reopened,
and only its first piece is focusable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

PALETTE = 10  # colour classes c0..c9 in the stylesheet


@dataclass(eq=False)
class Mark:
    start: int
    end: int
    kind: str  # quote | cue | speaker | term
    attrs: dict
    depth: int = 0  # nesting depth of a quotation: ties on equal spans keep the outer one outside


@dataclass(eq=False)
class Node:
    mark: Mark | None
    children: list = field(default_factory=list)
    first: bool = True  # the mark's first piece (the one that takes focus)


def colours(detail: dict) -> dict:
    """A colour class per speaker entity, in order of first quotation, so an article's speakers differ."""
    order: dict = {}
    for quote in detail["quotes"]:
        if quote["speaker_id"] is not None and quote["speaker_id"] not in order:
            order[quote["speaker_id"]] = f"c{len(order) % PALETTE}"
    return order


def _depths(quotes: list[dict]) -> dict[str, int]:
    parents = {q["local_id"]: q["parent"] for q in quotes}

    def depth(qid, seen=()):
        parent = parents.get(qid)
        return 0 if parent is None or parent in seen or parent not in parents else 1 + depth(parent, (*seen, qid))

    return {q["local_id"]: depth(q["local_id"]) for q in quotes}


def marks(detail: dict) -> list[Mark]:
    """The marks of one article detail (see ``data.article_detail``)."""
    palette = colours(detail)
    depths = _depths(detail["quotes"])
    out = []
    for q in detail["quotes"]:
        colour = palette.get(q["speaker_id"], "c-none")
        attrs = {"qid": q["local_id"], "colour": colour, "kind": q["kind"], "speaker": q["speaker"] or q["speaker_text"],
                 "addressee": q["addressee"] or q["addressee_text"], "cue": q["cue"], "date": q["said_on"] or q["on_date"],
                 "parent": q["parent"], "speaker_id": q["speaker_id"]}
        out += [Mark(s, e, "quote", attrs, depths[q["local_id"]]) for s, e in q["content_spans"]]
        out += [Mark(s, e, "cue", attrs, 99) for s, e in q["cue_spans"]]
        out += [Mark(s, e, "speaker", attrs, 99) for s, e in q["speaker_spans"]]
    for term in detail["terms"]:
        out += [Mark(s, e, "term", {"kind": term["kind"]}, 99) for s, e in term["spans"]]
    return out


def tree(text: str, items: list[Mark]) -> list:
    """The text as nested nodes: a list of strings and ``Node``s."""
    items = [m for m in items if 0 <= m.start < m.end <= len(text)]
    bounds = sorted({0, len(text), *(m.start for m in items), *(m.end for m in items)})
    root = Node(None)
    stack: list[Node] = [root]
    opened: set[int] = set()
    for a, b in pairwise(bounds):
        active = sorted((m for m in items if m.start <= a and b <= m.end), key=lambda m: (m.start, -m.end, m.depth))
        keep = 0
        while keep < len(active) and keep + 1 < len(stack) and stack[keep + 1].mark is active[keep]:
            keep += 1
        del stack[keep + 1:]
        for mark in active[keep:]:
            node = Node(mark, first=id(mark) not in opened)
            opened.add(id(mark))
            stack[-1].children.append(node)
            stack.append(node)
        stack[-1].children.append(text[a:b])
    return root.children
