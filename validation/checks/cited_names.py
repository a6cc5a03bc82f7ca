"""Check: every person, organisation and place a row cites (as witness, subject, speaker, claimant, participant,
place or mention; the model's foreign keys into entity tables, from an evidence table or a link table hanging on
one) is named in that row's source: it has a spelling credited to that source in its names table. And where the
model says an entity's name is one of its spellings (name_is_spelled: persons), it is, or its notes explain why
not."""

from __future__ import annotations

from collections import defaultdict

from model.loader import Table
from model.problems import Code, Problem
from model.tables import ENTITY, EVIDENCE, LINK

from ..check import Check


class CitedNames(Check):
    name = "cited_names"
    codes = {
        "entity-not-named-in-source": Code(
            "a row cites a person, organisation or place that its source does not name",
            "cite the entity the source names (check the ID), or add the source's spelling of it to the names table",
        ),
        "name-not-a-spelling": Code(
            "an entity's name is none of the spellings its sources print, and its notes do not say why",
            "use one of its spellings as its name, or explain the correction in notes",
        ),
    }

    def begin(self) -> None:
        model = self.package.model
        self.spelled_in: dict[str, set[str]] = defaultdict(set)  # entity ID: sources that print a spelling
        self.spellings: dict[str, set[str]] = defaultdict(set)
        for names in model.names_tables:
            owner = model.get(names.of)
            key = owner.id_field if owner else None
            for _, record in self.package.rows(names.name):
                if key and record.get(key):
                    self.spelled_in[record[key]].add(record.get("source_id", ""))
                    self.spellings[record[key]].add(record.get("name", ""))
        self.cites: dict[str, list[str]] = defaultdict(list)  # table: its fields naming an entity
        for table, field, _ in model.references_to(ENTITY):
            holder = model.get(table.of) if table.role == LINK else table
            if holder is not None and holder.role == EVIDENCE:
                self.cites[table.name].append(field)
        self.sources: dict[str, str] = {}  # evidence row ID: its source, for the link rows hanging on it
        links = [t for t in model.links if t.name in self.cites]
        for evidence in {model.get(t.of).name for t in links}:
            key = model.get(evidence).id_field
            for _, record in self.package.rows(evidence):
                self.sources[record.get(key, "")] = record.get("source_id", "")

    def wants(self, table: Table) -> bool:
        model = self.package.model.get(table.name)
        return table.name in self.cites or bool(model and model.role == ENTITY and model.name_is_spelled)

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        model = self.package.model.get(table.name)
        if model.role == ENTITY:
            ident = record.get(model.id_field, "")
            if record.get("name") in self.spellings.get(ident, set()) or record.get("notes", "").strip():
                return []
            return [
                self.problem(
                    "name-not-a-spelling",
                    file=table.path,
                    row=number,
                    field="name",
                    message=f"{record.get('name')!r} is not among the spellings of {ident}: "
                    + ", ".join(sorted(self.spellings.get(ident, set()))),
                )
            ]
        if model.role == LINK:
            source = self.sources.get(record.get(self.package.model.get(model.of).id_field, ""), "")
        else:
            source = record.get("source_id", "")
        return [
            self.problem(
                "entity-not-named-in-source",
                file=table.path,
                row=number,
                field=field,
                message=f"{record[field]} has no spelling credited to {source}, the source of this row",
            )
            for field in self.cites[table.name]
            if record.get(field) and source and source not in self.spelled_in.get(record[field], set())
        ]
