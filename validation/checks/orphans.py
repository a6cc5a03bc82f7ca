"""Check 8: no entity without evidence, no source uncited. Every entity (person, organisation, place) is referenced
from an evidence row, a link table or a source's metadata (or through an entry inside it: a place within it, a
part of an organisation) and has at least one spelling in its names table; every source whose curation is
complete is cited by an evidence row."""

from __future__ import annotations

from collections.abc import Iterator

from model.loader import Table
from model.problems import WARNING, Code, Problem
from model.tables import ENTITY, TableModel

from ..check import Check


class Orphans(Check):
    """Gathers, in the one pass over the tables, which entities other tables point at and which sources evidence
    cites; end() judges the entity tables and the sources table, which are small."""

    name = "orphans"
    codes = {
        "entity-unreferenced": Code(
            "an entity is cited by no evidence row",
            "cite it from the testimony, figure, statement or event that mentions it, or remove it",
        ),
        "entity-without-spelling": Code(
            "an entity has no spelling in its names table",
            "add each spelling the sources print to the names table, with its source",
        ),
        "complete-source-uncited": Code(
            "a source marked complete is cited by no evidence row",
            "curate the source, or set curation_status: pending in its YAML",
        ),
        "source-not-curated": Code(
            "a source is archived but not curated yet", "curate it when its turn comes", WARNING
        ),
    }

    def begin(self) -> None:
        model = self.package.model
        # A table's pointers at entities count, but not an entity's at another (a parent) nor a spelling's.
        skip = {t.name for t in model.entities} | {t.name for t in model.names_tables}
        self.pointers: dict[str, list[tuple[str, str]]] = {}  # table name -> [(column, entity table)]
        for table, field, target in model.references_to(ENTITY):
            if table.name not in skip:
                self.pointers.setdefault(table.name, []).append((field, target.name))
        self.evidence = {t.name for t in model.evidence}
        self.found: dict[str, set[str]] = {t.name: set() for t in model.entities}
        self.cited: set[str] = set()

    def wants(self, table: Table) -> bool:
        return table.name in self.pointers or table.name in self.evidence

    def row(self, table: Table, number: int, record: dict[str, str]) -> None:
        for column, target in self.pointers.get(table.name, ()):
            value = record.get(column)
            if value:
                self.found[target].add(value)
        if table.name in self.evidence:
            self.cited.add(record.get("source_id"))

    def _with_parents(self, entity: TableModel) -> set[str]:
        """What is referenced, and everything it lies within: the parents of what is referenced are referenced too."""
        found = self.found[entity.name]
        table = self.package.table(entity.name)
        if table is None or not entity.parent or entity.parent not in table.header:
            return found
        parent_of = {row.get(entity.id_field): row.get(entity.parent) for _, row in table.records()}
        for start in list(found):
            seen, node = set(), parent_of.get(start)
            while node and node not in seen:
                seen.add(node)
                found.add(node)
                node = parent_of.get(node)
        return found

    def end(self) -> Iterator[Problem]:
        for entity in self.package.model.entities:
            table = self.package.table(entity.name)
            if table is None or not entity.id_field:
                continue
            referenced = self._with_parents(entity)
            key, names_table = entity.id_field, entity.names
            named = {row.get(key) for _, row in self.package.rows(names_table or "")}
            for number, row in table.records():
                ident = row.get(key)
                if ident and ident not in referenced:
                    yield self.problem(
                        "entity-unreferenced",
                        file=table.path,
                        row=number,
                        field=key,
                        message=f"{ident} is not referenced by any evidence row",
                    )
                if ident and ident not in named:
                    yield self.problem(
                        "entity-without-spelling",
                        file=table.path,
                        row=number,
                        field=key,
                        message=f"{ident} has no spelling in {names_table}",
                        hint=f"add each spelling the sources print to data/{names_table}.csv, with its source",
                    )
        sources = self.package.model.sources
        table = self.package.table(sources.name) if sources else None
        for number, row in table.records() if table else ():
            if row.get("source_id") in self.cited:
                continue
            if row.get("curation_status") == "complete":
                yield self.problem(
                    "complete-source-uncited",
                    file=table.path,
                    row=number,
                    field="source_id",
                    message=f"{row.get('source_id')} is marked complete but no evidence row cites it",
                )
            else:
                yield self.problem(
                    "source-not-curated",
                    file=table.path,
                    row=number,
                    field="source_id",
                    message=f"{row.get('source_id')} is archived but not curated yet",
                )
