"""One store entity per real-world referent, across articles.

An article's entities become store entities by normalised name: "Dr. Ingrid Maalen", "ingrid
maalen" and "Ingrid Maalen’s" are one key. A record's aliases join their entity too, but a
surname alone ("Maalen") identifies nobody across articles: it is joined to the one person in the
same article whose name ends with it, and only when exactly one does.

The user corrects what names cannot tell with an alias file (YAML or CSV) of merges and splits;
``apply_rules`` rewrites the store to follow it, and the ``aliases`` table then carries the rules on
to every article stored later.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from sqlalchemy import Connection, and_, delete, insert, select, tuple_, update

from ..record import Record
from .schema import aliases, article_entities, entities, quote_about, quotes

HONORIFICS = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "rev", "hon"}
PERSON = "PERSON"


def normalise(name: str) -> str:
    """The key a name is known by: case, punctuation, "the", honorifics and possessives dropped."""
    name = unicodedata.normalize("NFKC", name).replace("’", "'").casefold()
    name = re.sub(r"'s\b", "", name)
    words = re.sub(r"[^\w]+", " ", name).split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[0] in HONORIFICS:
        words = words[1:]
    return " ".join(words)[:255]


# --- the alias file --------------------------------------------------------------------------------


@dataclass
class Rules:
    """The user's corrections: ``merge`` maps a canonical name to the names that are the same entity;
    ``split`` lists names that are an entity of their own, whatever a record's aliases say."""

    merge: dict[str, list[str]] = field(default_factory=dict)
    split: list[str] = field(default_factory=list)

    def add_merge(self, canonical: str, names: Iterable[str]) -> None:
        known = self.merge.setdefault(canonical, [])
        for name in names:
            if name != canonical and name not in known:
                known.append(name)
            if name in self.split:
                self.split.remove(name)

    def add_split(self, name: str) -> None:
        if name not in self.split:
            self.split.append(name)
        for names in self.merge.values():
            if name in names:
                names.remove(name)


def load_rules(path: Path) -> Rules:
    """Read an alias file: YAML (``merge: {Canonical: [alias, ...]}``, ``split: [name, ...]``) or
    CSV (``name,canonical`` rows; an empty canonical splits the name off)."""
    if not path.exists():
        return Rules()
    if path.suffix.lower() == ".csv":
        return _load_csv(path)
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    if not isinstance(data, dict):
        raise ValueError(f"{path}: expected 'merge:' and 'split:' sections")
    merge = {str(k): [str(n) for n in (v or [])] for k, v in (data.get("merge") or {}).items()}
    return Rules(merge=merge, split=[str(n) for n in data.get("split") or []])


def _load_csv(path: Path) -> Rules:
    rules = Rules()
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.reader(handle):
            if not row or row[0].startswith("#") or row[:2] == ["name", "canonical"]:
                continue
            name, canonical = row[0].strip(), (row[1].strip() if len(row) > 1 else "")
            if canonical:
                rules.add_merge(canonical, [name])
            else:
                rules.add_split(name)
    return rules


def save_rules(rules: Rules, path: Path) -> None:
    if path.suffix.lower() == ".csv":
        rows = [["name", "canonical"]] + [[n, c] for c, names in rules.merge.items() for n in names]
        rows += [[n, ""] for n in rules.split]
        with path.open("w", encoding="utf-8", newline="") as handle:
            csv.writer(handle).writerows(rows)
        return
    data = {"merge": rules.merge, "split": rules.split}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


# --- resolving a record's entities -------------------------------------------------------------------


def resolve_record(conn: Connection, record: Record) -> dict[str, tuple[int, str]]:
    """Store entity id and key for each of the record's entity ids, creating entities as needed."""
    keys = {e.id: normalise(e.name) or e.name.casefold() for e in record.entities}
    joined = _surname_joins(record, keys)
    resolved: dict[str, tuple[int, str]] = {}
    for entity in record.entities:
        if entity.id not in joined:
            resolved[entity.id] = (_resolve_one(conn, entity, keys[entity.id]), keys[entity.id])
    for local, target in joined.items():
        entity_id = resolved[target][0]
        _add_alias(conn, entity_id, keys[local], next(e.name for e in record.entities if e.id == local), "short")
        resolved[local] = (entity_id, keys[local])
    return resolved


def _surname_joins(record: Record, keys: dict[str, str]) -> dict[str, str]:
    """Single-word person entities that name exactly one fuller person in the same article."""
    people = [e for e in record.entities if e.type == PERSON]
    joins = {}
    for entity in people:
        key = keys[entity.id]
        if " " in key:
            continue
        fuller = {keys[o.id]: o.id for o in people if " " in keys[o.id] and keys[o.id].split()[-1] == key}
        if len(fuller) == 1:
            joins[entity.id] = next(iter(fuller.values()))
    return joins


def _resolve_one(conn: Connection, entity, key: str) -> int:
    names = [(key, entity.name)]
    for alias in entity.aliases:
        alias_key = normalise(alias)
        # A one-word alias of a person (a surname, a first name) must not join people across articles.
        if alias_key and alias_key != key and not (entity.type == PERSON and " " not in alias_key):
            names.append((alias_key, alias))
    found = dict(conn.execute(
        select(aliases.c.key, aliases.c.entity_id).where(aliases.c.kind == "name", aliases.c.key.in_([k for k, _ in names]))
    ).all())
    entity_id = next((found[k] for k, _ in names if k in found), None)
    if entity_id is None:
        entity_id = _create(conn, key, entity.name, entity.type)
    elif key not in found:
        _add_alias(conn, entity_id, key, entity.name, "name")
    for alias_key, alias in names[1:]:
        if alias_key not in found:  # a name already taken by another entity stays with it
            _add_alias(conn, entity_id, alias_key, alias, "name")
    return entity_id


def _create(conn: Connection, key: str, name: str, type_: str) -> int:
    existing = conn.execute(select(entities.c.id).where(entities.c.key == key)).scalar()
    if existing is not None:  # a split-off entity whose alias row was moved away
        return existing
    entity_id = conn.execute(insert(entities).values(key=key, name=name, type=type_)).inserted_primary_key[0]
    _add_alias(conn, entity_id, key, name, "name")
    return entity_id


def _add_alias(conn: Connection, entity_id: int, key: str, name: str, kind: str) -> None:
    present = conn.execute(
        select(aliases.c.kind).where(aliases.c.key == key, aliases.c.entity_id == entity_id)
    ).scalar()
    if present is None:
        conn.execute(insert(aliases).values(key=key, entity_id=entity_id, name=name, kind=kind))


# --- finding entities by name ------------------------------------------------------------------------


def find(conn: Connection, name: str) -> tuple[list[int], list[int]]:
    """Store entities a user's NAME means: (by full name or alias, by a surname seen for them)."""
    rows = conn.execute(select(aliases.c.entity_id, aliases.c.kind).where(aliases.c.key == normalise(name))).all()
    named = sorted({i for i, kind in rows if kind == "name"})
    return named, sorted({i for i, kind in rows if kind == "short"} - set(named))


# --- applying the user's rules -------------------------------------------------------------------


def apply_rules(conn: Connection, rules: Rules) -> None:
    """Rewrite the store so it follows ``rules``; applying the same rules twice changes nothing."""
    for canonical, names in rules.merge.items():
        merge(conn, canonical, names)
    for name in rules.split:
        split(conn, name)


def merge(conn: Connection, canonical: str, names: Iterable[str]) -> int:
    """Make ``names`` one entity with ``canonical``; returns its id."""
    key = normalise(canonical)
    target = _named(conn, key)
    if target is None:
        known = [i for n in names for i in _ids(conn, normalise(n))]
        type_ = conn.execute(select(entities.c.type).where(entities.c.id.in_(known))).scalar() or PERSON
        target = _create(conn, key, canonical, type_)
    conn.execute(update(entities).where(entities.c.id == target).values(name=canonical))
    for name in names:
        alias_key = normalise(name)
        for other in _ids(conn, alias_key):
            if other != target:
                _fold(conn, other, target)
        _add_alias(conn, target, alias_key, name, "name")
    return target


def split(conn: Connection, name: str) -> int | None:
    """Make ``name`` an entity of its own, taking with it every article mention under that name."""
    key = normalise(name)
    owners = [i for i in _ids(conn, key) if _key_of(conn, i) != key]
    if not owners:
        return _named(conn, key)
    type_ = conn.execute(select(entities.c.type).where(entities.c.id == owners[0])).scalar_one()
    existing = conn.execute(select(entities.c.id).where(entities.c.key == key)).scalar()
    own = existing if existing is not None else conn.execute(
        insert(entities).values(key=key, name=name, type=type_)).inserted_primary_key[0]
    for owner in owners:
        conn.execute(update(aliases).where(aliases.c.key == key, aliases.c.entity_id == owner).values(entity_id=own))
        _move_mentions(conn, owner, own, key)
    return own


def _move_mentions(conn: Connection, owner: int, own: int, key: str) -> None:
    moved = conn.execute(
        select(article_entities.c.article_id, article_entities.c.local_id)
        .where(article_entities.c.entity_id == owner, article_entities.c.key == key)
    ).all()
    if not moved:
        return
    pairs = [tuple(row) for row in moved]
    conn.execute(update(article_entities).where(
        article_entities.c.entity_id == owner, article_entities.c.key == key).values(entity_id=own))
    for column, local in ((quotes.c.speaker_id, quotes.c.speaker_local),
                          (quotes.c.addressee_id, quotes.c.addressee_local)):
        conn.execute(update(quotes).where(column == owner, tuple_(quotes.c.article_id, local).in_(pairs))
                     .values({column.name: own}))
    about = select(quotes.c.id).where(tuple_(quotes.c.article_id, quote_about.c.entity_local).in_(pairs),
                                      quotes.c.id == quote_about.c.quote_id)
    conn.execute(update(quote_about).where(quote_about.c.entity_id == owner, about.exists()).values(entity_id=own))


def _fold(conn: Connection, source: int, target: int) -> None:
    """Point everything of entity ``source`` at ``target`` and drop ``source``."""
    conn.execute(update(article_entities).where(article_entities.c.entity_id == source).values(entity_id=target))
    conn.execute(update(quotes).where(quotes.c.speaker_id == source).values(speaker_id=target))
    conn.execute(update(quotes).where(quotes.c.addressee_id == source).values(addressee_id=target))
    both = select(quote_about.c.quote_id).where(quote_about.c.entity_id == target).scalar_subquery()
    conn.execute(delete(quote_about).where(quote_about.c.entity_id == source, quote_about.c.quote_id.in_(both)))
    conn.execute(update(quote_about).where(quote_about.c.entity_id == source).values(entity_id=target))
    target_keys = select(aliases.c.key).where(aliases.c.entity_id == target).scalar_subquery()
    conn.execute(delete(aliases).where(aliases.c.entity_id == source, aliases.c.key.in_(target_keys)))
    conn.execute(update(aliases).where(aliases.c.entity_id == source).values(entity_id=target))
    conn.execute(delete(entities).where(entities.c.id == source))


def _ids(conn: Connection, key: str) -> list[int]:
    return conn.execute(select(aliases.c.entity_id).where(aliases.c.key == key).distinct()).scalars().all()


def _named(conn: Connection, key: str) -> int | None:
    """The entity ``key`` names as a full name (not just as a surname)."""
    return conn.execute(select(aliases.c.entity_id).where(and_(aliases.c.key == key, aliases.c.kind == "name"))).scalar()


def _key_of(conn: Connection, entity_id: int) -> str:
    return conn.execute(select(entities.c.key).where(entities.c.id == entity_id)).scalar_one()
