"""The tables of the package and the role each plays, declared once: by the "x-model" property of each resource in
datapackage.json (its form: model/roles.schema.json), read here. Every check, builder, test and benchmark that needs
to know which tables hold evidence, which are entities with which names table, which hang on another table or hold
dates asks this module; adding such a table is one change to the descriptor.

The descriptor may be broken in any way (the checker reads what it is given): a resource whose "x-model" is
missing or malformed simply has no role here, and the descriptor_profile check says what is wrong with it.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

ROLES_SCHEMA = Path(__file__).resolve().parent / "roles.schema.json"
ROLE_PROPERTY = "x-model"
EVIDENCE, LINK, ENTITY, NAMES, VOCABULARY, SOURCES = "evidence", "link", "entity", "names", "vocabulary", "sources"
ROLES = (EVIDENCE, LINK, ENTITY, NAMES, VOCABULARY, SOURCES)
# The most characters an ID may hold (a table's one-field primary key, declared as its maxLength): an ID names files
# (rows/<ID>.html), and 64 characters leave every file name well under the 255 bytes a file system allows.
ID_MAX_LENGTH = 64


@cache
def required_fields() -> dict[str, tuple[str, ...]]:
    """{role: the fields a table of that role must declare}, from model/roles.schema.json's x-required-fields."""
    declared = json.loads(ROLES_SCHEMA.read_text(encoding="utf-8"))["x-required-fields"]
    return {role: tuple(declared[role]) for role in ROLES}


@dataclass(frozen=True)
class DateGroup:
    """Fields holding one EDTF date (start) or an interval (start, end), and the ISO days it allows."""

    start: str
    end: str | None
    earliest: str
    latest: str


@dataclass(frozen=True)
class Reference:
    """A foreign key: fields of this table pointing at fields of another."""

    fields: tuple[str, ...]
    table: str
    target: tuple[str, ...]


@dataclass(frozen=True)
class TableModel:
    name: str
    path: str
    role: str | None  # one of ROLES; None where the descriptor declares none
    key: tuple[str, ...]  # the primary key
    unique: tuple[str, ...]  # fields declared unique
    references: tuple[Reference, ...]
    label: str = ""  # what a row is called in reports, in the plural
    of: str | None = None  # link, names: the table these rows belong to
    names: str | None = None  # entity: its names table
    same_as: str | None = None  # entity: field linking an entry to one that may be the same
    parent: str | None = None  # entity: field naming the entry it lies within
    name_is_spelled: bool = False  # entity: its name is one of its spellings, unless declared normalised
    # entity with name_is_spelled: the boolean field that declares a name deliberately none of its spellings
    name_normalised: str | None = None
    count_by: str | None = None  # evidence: the field whose distinct values a count counts; None: every row counts
    # evidence, with count_by: the fields in which the rows of one group may differ (every other field must agree)
    may_vary: tuple[str, ...] = ()
    # evidence, with count_by: what one group of rows is called, singular and plural ("account", "accounts")
    count_noun: tuple[str, str] = ("", "")
    dates: tuple[DateGroup, ...] = ()
    # (field, regular expression) for optional fields whose pattern is declared as "x-pattern" rather than in
    # constraints, where Frictionless's SQL export would turn it into a REGEXP that fails on empty cells
    patterns: tuple[tuple[str, str], ...] = ()

    @property
    def counted_field(self) -> str | None:
        """The field whose distinct values are what a count of this table counts: count_by, else the row's ID."""
        return self.count_by or self.id_field

    @property
    def id_field(self) -> str | None:
        """The one field that identifies a row, where the primary key is one field."""
        return self.key[0] if len(self.key) == 1 else None


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value else None


def _texts(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _noun(value: Any) -> tuple[str, str]:
    if not isinstance(value, dict):
        return ("", "")
    return (_text(value.get("singular")) or "", _text(value.get("plural")) or "")


def _dates(value: Any) -> tuple[DateGroup, ...]:
    groups = []
    for item in value if isinstance(value, list) else []:
        if not isinstance(item, dict):
            continue
        edtf = _texts(item.get("edtf"))
        earliest, latest = _text(item.get("earliest")), _text(item.get("latest"))
        if 1 <= len(edtf) <= 2 and earliest and latest:
            groups.append(DateGroup(edtf[0], edtf[1] if len(edtf) == 2 else None, earliest, latest))
    return tuple(groups)


def _references(schema: dict) -> tuple[Reference, ...]:
    found = []
    for fk in schema.get("foreignKeys") or []:
        reference = fk.get("reference") if isinstance(fk, dict) else None
        if isinstance(reference, dict) and _text(reference.get("resource")):
            found.append(Reference(_texts(fk.get("fields")), reference["resource"], _texts(reference.get("fields"))))
    return tuple(found)


def table_model(resource: dict) -> TableModel:
    schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
    fields = schema.get("fields") if isinstance(schema.get("fields"), list) else []
    unique = tuple(
        f["name"]
        for f in fields
        if isinstance(f, dict)
        and isinstance(f.get("name"), str)
        and isinstance(f.get("constraints"), dict)
        and f["constraints"].get("unique") is True
    )
    declared = resource.get(ROLE_PROPERTY) if isinstance(resource.get(ROLE_PROPERTY), dict) else {}
    role = declared.get("role") if declared.get("role") in ROLES else None
    return TableModel(
        name=resource.get("name", ""),
        path=resource.get("path") if isinstance(resource.get("path"), str) else "",
        role=role,
        key=_texts(schema.get("primaryKey")),
        unique=unique,
        references=_references(schema),
        label=_text(declared.get("label")) or "",
        of=_text(declared.get("of")),
        names=_text(declared.get("names")),
        same_as=_text(declared.get("same_as")),
        parent=_text(declared.get("parent")),
        name_is_spelled=declared.get("name_is_spelled") is True,
        name_normalised=_text(declared.get("name_normalised")),
        count_by=_text(declared.get("count_by")),
        may_vary=_texts(declared.get("may_vary")) if isinstance(declared.get("may_vary"), list) else (),
        count_noun=_noun(declared.get("count_noun")),
        dates=_dates(declared.get("dates")),
        patterns=tuple(
            (f["name"], f["x-pattern"])
            for f in fields
            if isinstance(f, dict) and isinstance(f.get("name"), str) and isinstance(f.get("x-pattern"), str)
        ),
    )


class Model:
    """Every table of a descriptor with its role, in the descriptor's order."""

    def __init__(self, descriptor: dict | None) -> None:
        resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
        self.tables: dict[str, TableModel] = {}
        for resource in resources if isinstance(resources, list) else []:
            if isinstance(resource, dict) and _text(resource.get("name")):
                self.tables.setdefault(resource["name"], table_model(resource))

    def get(self, name: str) -> TableModel | None:
        return self.tables.get(name)

    def with_role(self, role: str) -> list[TableModel]:
        return [t for t in self.tables.values() if t.role == role]

    @property
    def evidence(self) -> list[TableModel]:
        """Tables whose rows carry source_id and the quote that supports them."""
        return self.with_role(EVIDENCE)

    @property
    def entities(self) -> list[TableModel]:
        return self.with_role(ENTITY)

    @property
    def names_tables(self) -> list[TableModel]:
        return self.with_role(NAMES)

    @property
    def links(self) -> list[TableModel]:
        return self.with_role(LINK)

    @property
    def vocabularies(self) -> list[TableModel]:
        return self.with_role(VOCABULARY)

    @property
    def sources(self) -> TableModel | None:
        found = self.with_role(SOURCES)
        return found[0] if found else None

    def references_to(self, role: str) -> list[tuple[TableModel, str, TableModel]]:
        """(table, field, target table) for every one-field foreign key pointing at a table of this role."""
        found = []
        for table in self.tables.values():
            for reference in table.references:
                target = self.tables.get(reference.table)
                if target is not None and target.role == role and len(reference.fields) == 1:
                    found.append((table, reference.fields[0], target))
        return found
