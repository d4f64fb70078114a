"""Text repair, done once before anything reads the text.

Every offset in a record points into the repaired text (``Article.text``), so repair never has to
map offsets back: it runs before the NLP pass and the repaired text is what the record keeps.
"""

from __future__ import annotations

import re

import ftfy

# ftfy fixes mojibake and odd line breaks; it must keep curly quotes and apostrophes, which the
# quotation stages read, and must not turn one character into several behind our back.
_FTFY = ftfy.TextFixerConfig(
    uncurl_quotes=False,
    fix_latin_ligatures=True,
    fix_character_width=True,
    normalization="NFC",
    explain=False,
)

_INVISIBLE = re.compile("[\u00ad\u200b\u2060\ufeff]")  # soft hyphen, zero-width space, BOMs
_HSPACE = re.compile(r"[^\S\n]+")  # any whitespace but a newline: tabs, NBSP, thin spaces
_BLANK_LINES = re.compile(r"\n{3,}")
# A break (one newline or a blank line) after a line that ends without terminal punctuation,
# before a line that starts in lower case: a paragraph cut mid-sentence by scraping or a page
# break, as in "after the minister\n\nannounced a recount".
_BROKEN_PARAGRAPH = re.compile(r"(?<=[^.!?:;…\n])(?<![.!?…][”’\"')\]])\n\n?(?=[a-z])")


def repair(text: str) -> str:
    """Fix mojibake, normalise whitespace and rejoin paragraphs broken mid-sentence."""
    text = ftfy.fix_text(text, _FTFY)
    text = _INVISIBLE.sub("", text)
    text = "\n".join(_HSPACE.sub(" ", line).strip() for line in text.split("\n"))
    text = _BLANK_LINES.sub("\n\n", text).strip()
    return _BROKEN_PARAGRAPH.sub(" ", text)
