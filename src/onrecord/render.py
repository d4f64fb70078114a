"""Records for people: rich tables of who said what."""

from __future__ import annotations

from rich.console import Group
from rich.table import Table
from rich.text import Text

from .record import Record

_MAX_QUOTE = 240


def record_view(record: Record) -> Group:
    article = record.article
    heading = Text(article.title or article.source, style="bold")  # Text: never read as markup
    details = [article.publisher, article.published, ", ".join(article.byline), article.title and article.source]
    lines: list = [heading, Text(" · ".join(part for part in details if part), style="dim")]
    if record.quotes:
        lines.append(_quote_table(record))
    else:
        lines.append(Text("No attributed statements found.", style="italic"))
    people = [e for e in record.entities if e.type in ("PERSON", "ORG", "GPE", "NORP")]
    if people:
        named = ", ".join(f"{e.name} ({e.type}, {len(e.mentions)}×)" for e in people[:20])
        more = f" and {len(people) - 20} more" if len(people) > 20 else ""
        lines.append(Text(f"Named: {named}{more}", style="dim"))
    lines.append(Text(""))
    return Group(*lines)


def _quote_table(record: Record) -> Table:
    names = {entity.id: entity.name for entity in record.entities}
    table = Table(show_lines=False, expand=True)
    table.add_column("Speaker", ratio=2)
    table.add_column("Said", ratio=6)
    table.add_column("To", ratio=2)
    table.add_column("When", ratio=1, no_wrap=True)
    table.add_column("Kind", ratio=1, no_wrap=True)
    for quote in record.quotes:
        speaker = "—"
        if quote.speaker:
            speaker = names.get(quote.speaker.entity or "", quote.speaker.text)
        addressee = ""
        if quote.addressee:
            addressee = names.get(quote.addressee.entity or "", quote.addressee.text)
        said = quote.content.text
        if len(said) > _MAX_QUOTE:
            said = said[: _MAX_QUOTE - 1] + "…"
        indent = "  ↳ " if quote.parent else ""
        # Article text is data, never markup: "[a diminutive of …]" must print as it stands.
        cells = (speaker, indent + said, addressee, quote.said_on or "", quote.kind)
        table.add_row(*(Text(cell) for cell in cells))
    return table
