"""Check: every person, organisation and place a row cites (as witness, subject, speaker, claimant, participant,
place or mention; the model's foreign keys into entity tables, from an evidence table or a link table hanging on
one) is named in that row's source: it has a spelling credited to that source in its names table. And where the
model says an entity's name is one of its spellings (name_is_spelled: persons), it is, unless the entity's
name_normalised field declares it deliberately normalised, and then its notes say why. Notes alone excuse
nothing: a name changed by mistake, with notes left as they were, is still an error."""

from __future__ import annotations

from collections import defaultdict

from model.loader import Table
from model.problems import Code, Problem
from model.tables import ENTITY, EVIDENCE, LINK, TableModel

from ..check import Check


class CitedNames(Check):
    name = "cited_names"
    codes = {
        "entity-not-named-in-source": Code(
            "a row cites a person, organisation or place that its source does not name",
            "cite the entity the source names (check the ID), or add the source's spelling of it to the names table",
        ),
        "name-not-a-spelling": Code(
            "an entity's name is none of the spellings its sources print, and it is not declared normalised",
            "use one of its spellings as its name; or, where the name deliberately corrects the printed spellings "
            "(a typo, a doubled word), set its name_normalised field to true and say why in notes",
        ),
        "normalised-name-unexplained": Code(
            "an entity's name is declared normalised (name_normalised) but its notes are empty",
            "say in notes how and why the name differs from the spellings the sources print",
        ),
        "normalised-name-printed": Code(
            "an entity's name is declared normalised (name_normalised) but it is one of the printed spellings",
            "empty name_normalised: the name is as printed",
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
            return self.name_problems(model, table, number, record)
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

    def name_problems(self, model: TableModel, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        ident, name = record.get(model.id_field, ""), record.get("name", "")
        spellings = self.spellings.get(ident, set())
        normalised = bool(model.name_normalised) and record.get(model.name_normalised, "") == "true"
        where = {"file": table.path, "row": number}
        if not normalised:
            if name in spellings:
                return []
            return [
                self.problem(
                    "name-not-a-spelling",
                    field="name",
                    message=f"{name!r} is not among the spellings of {ident}: " + ", ".join(sorted(spellings)),
                    **where,
                )
            ]
        if name in spellings:
            return [
                self.problem(
                    "normalised-name-printed",
                    field=model.name_normalised,
                    message=f"{ident}'s name {name!r} is declared normalised, but a source prints it",
                    **where,
                )
            ]
        if not record.get("notes", "").strip():
            return [
                self.problem(
                    "normalised-name-unexplained",
                    field="notes",
                    message=f"{ident}'s name {name!r} is declared normalised, and notes do not say why",
                    **where,
                )
            ]
        return []
