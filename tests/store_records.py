"""Hand-made records for the store tests: hand-written text, no model needed."""

from __future__ import annotations

from onrecord.record import Article, Entity, Party, Quote, Record, Role, Term, TimeExpression, text_id


def span(text: str, part: str, start: int = 0) -> tuple[int, int]:
    i = text.index(part, start)
    return (i, i + len(part))


def spans(text: str, part: str) -> list[tuple[int, int]]:
    found, start = [], 0
    while (i := text.find(part, start)) >= 0:
        found.append((i, i + len(part)))
        start = i + 1
    return found


def make_record(
    text: str,
    *,
    url: str | None = None,
    published: str | None = "2024-03-14",
    people: dict[str, list[str]] | None = None,
    quotes: list[dict] | None = None,
    types: dict[str, str] | None = None,
) -> Record:
    """A Record from hand-written text: ``people`` maps an entity name to its aliases (its mentions
    are found in the text); each quote dict names ``content``, ``speaker``/``addressee`` (entity
    names) and optionally ``kind`` and ``said_on``."""
    people = people or {}
    types = types or {}
    entities = []
    ids = {}
    for n, (name, alias_list) in enumerate(people.items(), 1):
        mentions = sorted({m for form in [name, *alias_list] for m in spans(text, form)})
        entity_id = f"e{n}"
        ids[name] = entity_id
        entities.append(Entity(id=entity_id, name=name, type=types.get(name, "PERSON"), aliases=alias_list,
                               mentions=mentions))
    records = []
    for n, q in enumerate(quotes or [], 1):
        def party(name):
            if name is None:
                return None
            return Party(text=name, spans=[span(text, name)] if name in text else [], entity=ids.get(name))

        records.append(Quote(
            id=f"q{n}", kind=q.get("kind", "direct"), content=Role(text=q["content"], spans=[span(text, q["content"])]),
            cue=Role(text="said", spans=[span(text, "said")]) if "said" in text else None,
            speaker=party(q.get("speaker")), addressee=party(q.get("addressee")), said_on=q.get("said_on"),
        ))
    article = Article(id=text_id(text), source=url or "<test>", url=url, title=text.split(".")[0],
                      published=published, language="en", text=text)
    terms = [Term(text="smart parking", spans=[span(text, "smart parking")], kind="scare")] \
        if "smart parking" in text else []
    times = [TimeExpression(text="on Tuesday", spans=[span(text, "on Tuesday")], type="DATE", value=published)] \
        if "on Tuesday" in text else []
    return Record(article=article, entities=entities, quotes=records, terms=terms, times=times)


# Hand-written for the store and web tests: two reports of one council row, from two outlets.
COURIER = (
    "Mayor Tobias Wrenn defended the budget on Tuesday. “Nobody goes into politics to close a library,” "
    "Wrenn said to Ruth Dahl. Dahl said that Wrenn had “stopped listening to the libraries”. "
    "Samira Oduya said the estate would lose its only warm room."
)
HERALD = (
    "Tobias Wrenn told councillors: “Nobody goes into politics to close a library.” "
    "Later Ruth Dahl said Tobias Wrenn would regret the smart parking scheme."
)


def council_records() -> list[Record]:
    """The Courier's and the Herald's reports: the same statement by Wrenn carried by both."""
    return [
        make_record(COURIER, url="https://www.kessing-courier.test/a", published="2024-03-14",
                    people={"Tobias Wrenn": [], "Wrenn": [], "Ruth Dahl": [], "Dahl": [], "Samira Oduya": []},
                    quotes=[
                        {"content": "Nobody goes into politics to close a library,", "speaker": "Wrenn",
                         "addressee": "Ruth Dahl"},
                        {"content": "stopped listening to the libraries", "speaker": "Dahl", "kind": "partial"},
                        {"content": "the estate would lose its only warm room", "speaker": "Samira Oduya",
                         "kind": "indirect"},
                    ]),
        make_record(HERALD, url="https://herald.test/b", published="2024-03-16",
                    people={"Tobias Wrenn": [], "Ruth Dahl": []},
                    quotes=[
                        {"content": "Nobody goes into politics to close a library.", "speaker": "Tobias Wrenn"},
                        {"content": "Tobias Wrenn would regret the smart parking scheme", "speaker": "Ruth Dahl",
                         "kind": "indirect"},
                    ]),
    ]
