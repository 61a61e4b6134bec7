"""The model's fields as flat properties, declared once: the CSV columns, the Neo4j writer's
properties and the GraphML keys.

Neo4j properties and CSV cells hold scalars and arrays of scalars (GraphML scalars only), so
each field of graph/model.py becomes one or more flat columns. `FLATTENING` says how for every
field of Document, Body, Obligation and Relation; `NOT_PROPERTIES` names the fields that are
the node key or a relationship's ends and type instead. A field in neither is an error here
and a failure in tests/test_model.py. A column's name is the Neo4j property and the CSV
header; the header's neo4j-admin type comes from the model's annotation (`int`, `double` for
a float, `boolean`, `string[]`, `int[]`; text has no suffix, and so stays text as the Neo4j
writer stores it: deadlines are ISO date strings, a document's `date` may be a bare year).

| model field | columns |
|---|---|
| text, number, flag (`title`, `in_corpus`, `fulfilment_score`) | the field itself |
| a document's `date` | `date` and `year:int`, for range queries |
| texts (`aliases`) | `aliases:string[]`, `aliases_count:int` |
| a record (`source`, `deadline`, an obligation's `evidence`) | one column per part, `{field}_{part}`: `source_file`, `source_first_line:int`, `deadline_end`, `evidence_quote` |
| `produces` | `produces_type`, `produces_title` |
| records (`assignees`) | `assignees` (JSON text), `assignees_count:int` and one array per part: `assignees_body:string[]`, `assignees_role:string[]` |
| evidence lists (a relation's `evidence`, `more_evidence`) | `evidence` (JSON text, as graph-json-v1), `evidence_count:int`, `evidence_files:string[]` and `evidence_lines:int[]` (parallel), `evidence_quote` (the first quote) |
| a relation's `label` | `label`, from the closed set (ontology/relations.py) |

An obligation's `evidence` gives `evidence_file`, `evidence_line:int`, `evidence_quote` and the
place in a PDF or Word file when known (`evidence_page:int`, `evidence_page_line:int`,
`evidence_paragraph:int`, `evidence_ocr:boolean`), not `document` (the obligation's own). The
parts of a record come from the model's nested class (Source, Deadline, Evidence, Assignee), so
a part added there is written by every flat sink at once. Every other relationship type carries
`label` too, and GIAO_CHO `vai_tro` (`edge_columns`). An array is null when one of its items is
unknown: Neo4j arrays cannot hold nulls.
"""

from __future__ import annotations

import json
import re
import types
import typing
import unicodedata
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from vbgraph.graph.model import NODE_CLASSES, Body, Document, Obligation, Relation, fields_of
from vbgraph.ontology.relations import Edge, Rel

Getter = Callable[[Any], Any]

NODE_LABELS: tuple[str, ...] = tuple(NODE_CLASSES)
EDGE_TYPES: tuple[str, ...] = (*(r.value for r in Rel), *(e.value for e in Edge))
_LABELS: dict[str, str] = {**{r.value: r.label for r in Rel}, **{e.value: e.label for e in Edge}}
_ADMIN_TYPES: dict[type, str] = {str: "string", int: "int", float: "double", bool: "boolean"}


@dataclass(frozen=True)
class Column:
    """One flat property: its name, its neo4j-admin type and how it is read from a model object."""

    name: str
    type: str
    get: Getter = field(compare=False, repr=False)

    @property
    def header(self) -> str:
        """The CSV header: the name for text, `name:type` otherwise."""
        return self.name if self.type == "string" else f"{self.name}:{self.type}"


@dataclass(frozen=True)
class Link:
    """An edge of the other types (BAN_HANH, DAT_RA, GIAO_CHO, THUOC, DUOC_THUC_HIEN_BOI), which
    the model has no class for: GIAO_CHO carries the assignee's role as `vai_tro`."""

    source: str
    target: str
    type: str
    vai_tro: str | None = None


# -- the model's annotations ---------------------------------------------------------------------


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _hint(cls: type, name: str) -> Any:
    """A field's annotation without `| None`."""
    hint = _hints(cls)[name]
    if isinstance(hint, types.UnionType):
        args = [a for a in typing.get_args(hint) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return hint


def _item(hint: Any) -> Any:
    """`X` of `tuple[X, ...]`."""
    return typing.get_args(hint)[0] if typing.get_origin(hint) is tuple else None


def _admin_type(hint: Any) -> str:
    if hint in _ADMIN_TYPES:
        return _ADMIN_TYPES[hint]
    if _item(hint) in _ADMIN_TYPES:
        return _ADMIN_TYPES[_item(hint)] + "[]"
    raise TypeError(
        f"{hint!r} is not a scalar or a tuple of scalars; give the field a rule in exports/flat.py"
    )


# -- values ---------------------------------------------------------------------------------------


class JsonText(str):
    """The JSON text of a column that holds records (`evidence`, `assignees`): `nfc` normalises the
    strings inside it, never the text itself."""


def _json(value: Any) -> JsonText:
    return JsonText(json.dumps(value, ensure_ascii=False, sort_keys=True))


def nfc(value: Any) -> Any:
    """`value` with its text in NFC, for the sinks that write NFC: a str, the items of a list, and
    the strings inside JsonText, decoded and encoded again. NFC over JSON text could fold an escape
    and a combining mark after it into another letter (`\\n` + U+0301 -> `\\ń`, no longer JSON)."""
    if isinstance(value, JsonText):
        return value if unicodedata.is_normalized("NFC", value) else _json(nfc(json.loads(value)))
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
    if isinstance(value, list | tuple):
        return [nfc(v) for v in value]
    if isinstance(value, dict):
        return {k: nfc(v) for k, v in value.items()}
    return value


def _array(items: list[Any]) -> list[Any] | None:
    """The items, or None when one is unknown (Neo4j arrays hold no nulls)."""
    return None if any(x is None for x in items) else items


def _parts(record: Any) -> dict[str, Any]:
    return {f: getattr(record, f) for f in fields_of(type(record))}


def _year(date: str | None) -> int | None:
    m = re.match(r"(\d{4})", date or "")
    return int(m.group(1)) if m else None


def _attr(name: str) -> Getter:
    def get(o: Any) -> Any:
        v = getattr(o, name)
        return list(v) if isinstance(v, tuple) else v

    return get


def _count(name: str) -> Getter:
    return lambda o: len(getattr(o, name))


def _part(name: str, part: str, view: Callable[[Any], Mapping[str, Any]]) -> Getter:
    def get(o: Any) -> Any:
        record = getattr(o, name)
        return None if record is None else view(record).get(part)

    return get


def _each(name: str, part: str) -> Getter:
    return lambda o: _array([getattr(r, part) for r in getattr(o, name)])


# -- rules: how one field becomes columns (called with the model class and the field's name) -----

Rule = Callable[[type, str], tuple[Column, ...]]


def same(cls: type, name: str) -> tuple[Column, ...]:
    """The field itself, typed by its annotation; a tuple of texts also gets its count."""
    kind = _admin_type(_hint(cls, name))
    column = Column(name, kind, _attr(name))
    return (column, Column(f"{name}_count", "int", _count(name))) if kind.endswith("[]") else (column,)


def date_and_year(cls: type, name: str) -> tuple[Column, ...]:
    """The date as text (an ISO date, or a bare year) and its year as a number."""
    return (*same(cls, name), Column("year", "int", lambda o: _year(getattr(o, name))))


def closed_label(cls: type, name: str) -> tuple[Column, ...]:
    """The type's Vietnamese label from the closed set, as the Neo4j writer sets it."""
    return (Column(name, "string", lambda o: _LABELS[o.type]),)


def records(cls: type, name: str) -> tuple[Column, ...]:
    """Records (`assignees`): JSON text, their count and one array per part."""
    sub = _item(_hint(cls, name))
    return (
        Column(name, "string", lambda o: _json([_parts(r) for r in getattr(o, name)])),
        Column(f"{name}_count", "int", _count(name)),
        *(Column(f"{name}_{p}", _admin_type(_hint(sub, p)) + "[]", _each(name, p)) for p in fields_of(sub)),
    )


@dataclass(frozen=True)
class Parts:
    """A record (`source`, `deadline`): one column per part, `{field}_{part}`, typed by the part's
    annotation and null when the record is. `omit` leaves parts out (part -> why); `view` reads
    the parts (by default every field)."""

    omit: Mapping[str, str] = field(default_factory=dict)
    view: Callable[[Any], Mapping[str, Any]] = _parts

    def __call__(self, cls: type, name: str) -> tuple[Column, ...]:
        sub = _hint(cls, name)
        return tuple(
            Column(f"{name}_{p}", _admin_type(_hint(sub, p)), _part(name, p, self.view))
            for p in fields_of(sub)
            if p not in self.omit
        )


@dataclass(frozen=True)
class Keys:
    """A dict (`produces`): one text column per key, `{field}_{key}`."""

    keys: tuple[str, ...]

    def __call__(self, cls: type, name: str) -> tuple[Column, ...]:
        return tuple(Column(f"{name}_{k}", "string", _part(name, k, dict)) for k in self.keys)


@dataclass(frozen=True)
class EvidenceList:
    """Evidence: all of it as graph-json-v1 JSON text, its count, the files and lines as parallel
    arrays and the first quote (what one reads in a table)."""

    with_document: bool = True

    def __call__(self, cls: type, name: str) -> tuple[Column, ...]:
        def ev(o: Any) -> tuple[Any, ...]:
            return getattr(o, name)

        return (
            Column(name, "string", lambda o: _json([e.to_dict(self.with_document) for e in ev(o)])),
            Column(f"{name}_count", "int", lambda o: len(ev(o))),
            Column(f"{name}_files", "string[]", lambda o: _array([e.file for e in ev(o)])),
            Column(f"{name}_lines", "int[]", lambda o: _array([e.line for e in ev(o)])),
            Column(f"{name}_quote", "string", lambda o: next((e.quote for e in ev(o) if e.quote), None)),
        )


_KEY = "the node key: `id:ID` in CSV, the MERGE key of the Neo4j writer, the GraphML node id"

#: model class -> field -> its rule; in the model's order, which is the columns' order
FLATTENING: dict[type, dict[str, Rule]] = {
    Document: {
        **dict.fromkeys(("type", "type_code", "number", "issuer_code", "symbol"), same),
        "date": date_and_year,
        **dict.fromkeys(("issuer", "jurisdiction", "title", "name", "in_corpus"), same),
        "source": Parts(),
        **dict.fromkeys(("level", "signer", "identified_by"), same),
    },
    Body: dict.fromkeys(("name", "jurisdiction", "part_of", "level", "aliases", "generic"), same),
    Obligation: {
        "document": same,
        "text": same,
        "assignees": records,
        "deadline": Parts(),
        "recurring": same,
        "produces": Keys(("type", "title")),
        **dict.fromkeys(
            ("produces_level", "fulfilled_by", "fulfilment", "fulfilment_score", "status", "source"), same
        ),
        # the place in a PDF or Word file only when known, as graph-json-v1 writes it
        "evidence": Parts(
            omit={"document": "the obligation's own `document`"},
            view=lambda e: e.to_dict(with_document=False),
        ),
        "more_evidence": EvidenceList(with_document=False),
    },
    Relation: {"label": closed_label, "evidence": EvidenceList()},
}

#: model class -> field -> what it is instead of a property
NOT_PROPERTIES: dict[type, dict[str, str]] = {
    Document: {"id": _KEY},
    Body: {"id": _KEY},
    Obligation: {"id": _KEY},
    Relation: {
        "source": "the start node: `:START_ID` in CSV, the writer's first MATCH, the GraphML edge's source",
        "target": "the end node: `:END_ID` in CSV, the writer's second MATCH, the GraphML edge's target",
        "type": "the relationship type: `:TYPE` in CSV, the type in the writer's query, the GraphML `key`",
    },
}


@cache
def columns(cls: type) -> tuple[Column, ...]:
    """The flat columns of a model class, in the model's field order."""
    rules, instead = FLATTENING[cls], NOT_PROPERTIES.get(cls, {})
    out: list[Column] = []
    for name in fields_of(cls):
        if name in rules:
            out.extend(rules[name](cls, name))
        elif name not in instead:
            raise KeyError(f"{cls.__name__}.{name} has no flat form: add it to FLATTENING in exports/flat.py")
    return tuple(out)


@cache
def edge_columns(code: str) -> tuple[Column, ...]:
    """The flat columns of a relationship type: a document relation's, or `label` (and GIAO_CHO's `vai_tro`)."""
    if code in Rel.__members__:
        return columns(Relation)
    if code not in Edge.__members__:
        raise KeyError(f"{code!r} is not a relationship type; expected one of {', '.join(EDGE_TYPES)}")
    role = (Column("vai_tro", "string", _attr("vai_tro")),) if code == Edge.GIAO_CHO else ()
    return (*closed_label(Link, "label"), *role)


def node_values(label: str, nid: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Column name -> value for one node of the store, read through the model."""
    cls: Any = NODE_CLASSES[label]
    record = cls.from_node(nid, dict(attrs))
    return {c.name: c.get(record) for c in columns(cls)}


def edge_values(source: str, target: str, code: str, attrs: Mapping[str, Any]) -> dict[str, Any]:
    """Column name -> value for one edge of the store (a document relation read through the model)."""
    record: Any = (
        Relation.from_edge(source, target, code, dict(attrs))
        if code in Rel.__members__
        else Link(source, target, code, attrs.get("vai_tro"))
    )
    return {c.name: c.get(record) for c in edge_columns(code)}
