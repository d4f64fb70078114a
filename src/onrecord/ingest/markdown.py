"""Markdown as scraped from news sites.

markdown-it-py parses the Markdown; this module only decides which blocks are metadata (a leading
``# Title``, byline and date lines, YAML-style front matter) and which trailing blocks are the
site's contact/footer block rather than article text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from markdown_it import MarkdownIt

from ..config import Settings
from ..record import Article
from .article import byline_of, decode, iso_date, make_article

_MARKDOWN = MarkdownIt("commonmark")

_DATE_PREFIX = re.compile(r"^(?:published|updated|posted|last updated|date)\s*(?:on|:)?\s*", re.I)
_META_SEPARATOR = re.compile(r"\s+[|·•—]\s+")
# Lines that belong to the site around the article, not to the article.
_FOOTER = re.compile(
    r"^(?:contact|follow|subscribe|share|sign up|read more|related|more from|advertisement)\b|"
    r"[\w.+-]+@[\w-]+\.\w|©|\(c\)\s*\d{4}|\bcopyright\b|all rights reserved|\bfollow us\b|"
    r"\bsign up for\b|\bnewsletter\b",
    re.I,
)
_FRONT_MATTER = re.compile(r"\A---\n(?P<body>.*?)\n(?:---|\.\.\.)\n", re.S)


@dataclass
class Block:
    kind: str  # "title" (a level-1 heading), "heading", "text" or "rule"
    text: str = ""


def parse(source: str, data: bytes, settings: Settings) -> Article:
    markdown, front = _front_matter(decode(source, data, settings.encoding))
    blocks = _drop_footer(_blocks(markdown))
    title, byline, published = front.get("title"), front.get("byline"), front.get("published")
    if blocks and blocks[0].kind == "title":
        title = title or blocks.pop(0).text
    byline_lines, date = _leading_metadata(blocks)
    byline = byline or byline_lines
    text = "\n\n".join(block.text for block in blocks if block.kind != "rule")
    return make_article(
        source,
        text,
        title=title,
        byline=byline,
        published=published or date,
        url=front.get("url"),
        publisher=front.get("publisher"),
        default_published=settings.published,
    )


def _front_matter(markdown: str) -> tuple[str, dict]:
    """Jekyll/Hugo-style ``---`` front matter, read for the few keys we know."""
    match = _FRONT_MATTER.match(markdown)
    if not match:
        return markdown, {}
    keys = {"title": "title", "date": "published", "published": "published", "author": "byline",
            "authors": "byline", "byline": "byline", "url": "url", "publisher": "publisher",
            "site": "publisher"}
    front = {}
    for line in match["body"].splitlines():
        key, sep, value = line.partition(":")
        if sep and key.strip().lower() in keys:
            front[keys[key.strip().lower()]] = value.strip().strip("\"'[]") or None
    return markdown[match.end():], front


def _blocks(markdown: str) -> list[Block]:
    """The document as a flat list of text blocks; quotes and list items keep their text."""
    blocks: list[Block] = []
    tokens = _MARKDOWN.parse(markdown)
    for i, token in enumerate(tokens):
        if token.type == "hr":
            blocks.append(Block("rule"))
        elif token.type == "inline":
            opener = tokens[i - 1]
            if opener.type == "heading_open":
                kind = "title" if opener.tag == "h1" and not blocks else "heading"
            else:
                kind = "text"
            text = _inline_text(token).strip()
            if text:
                blocks.append(Block(kind, text))
    return blocks


def _inline_text(token) -> str:
    parts = []
    for child in token.children or []:
        if child.type in ("text", "code_inline"):
            parts.append(child.content)
        elif child.type == "softbreak":
            parts.append(" ")
        elif child.type == "hardbreak":
            parts.append("\n")
        # images, raw HTML and emphasis/link markers carry no article text
    return "".join(parts)


def _leading_metadata(blocks: list[Block]) -> tuple[list[str], str | None]:
    """Take byline and date lines from the top of the body (removing them from ``blocks``)."""
    byline: list[str] = []
    date = None
    while blocks and blocks[0].kind == "text" and len(blocks[0].text) <= 200:
        parts = _META_SEPARATOR.split(blocks[0].text)
        found = [(byline_of(part), _date(part)) for part in parts]
        if not all(names or when for names, when in found):
            break
        for names, when in found:
            byline += names or []
            date = date or when
        blocks.pop(0)
    return byline, date


def _date(line: str) -> str | None:
    line = _DATE_PREFIX.sub("", line.strip("*_ "))
    if len(line) > 60 or not re.search(r"\b\d{4}\b", line):
        return None
    try:
        return iso_date(line)
    except (ValueError, OverflowError):
        return None


def _drop_footer(blocks: list[Block]) -> list[Block]:
    """Remove the trailing contact/footer block: after a final rule, or footer-like lines."""
    rules = [i for i, block in enumerate(blocks) if block.kind == "rule"]
    tail = blocks[rules[-1] + 1:] if rules else []
    # After the last rule: a few short lines, one of them plainly the site's, is the footer.
    if tail and len(tail) <= 6 and any(map(_is_footer, tail)) and all(len(b.text.split()) <= 40 for b in tail):
        blocks = blocks[: rules[-1]]
    while blocks and (blocks[-1].kind == "rule" or _is_footer(blocks[-1])):
        blocks = blocks[:-1]
    return blocks


def _is_footer(block: Block) -> bool:
    return block.kind == "rule" or (len(block.text.split()) <= 40 and bool(_FOOTER.search(block.text)))
