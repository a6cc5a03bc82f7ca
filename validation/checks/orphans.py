"""Check 8: no entity without evidence, no source uncited. Every person, organisation and place is referenced from
an evidence row, a link table or a source's metadata (a place also through the places inside it, an organisation
through its parts) and has at least one spelling in its names table; every source whose curation is complete is
cited by an evidence row."""
from __future__ import annotations

from ..problems import Problem

NAME = "orphans"
ENTITIES = {"persons": ("person_id", "person_names"), "organizations": ("org_id", "organization_names"),
            "places": ("place_id", "place_names")}


class RowCheck:
    """Gathers, in the one pass over the tables, which entities other tables point at and which sources evidence
    cites; finish() judges the entity tables and the sources table, which are small."""

    def __init__(self, package):
        self.package = package
        skip = set(ENTITIES) | {names for _, names in ENTITIES.values()}
        self.pointers = {}   # table name -> [(column, entity table)]
        for table in package.tables.values():
            if table.name in skip:
                continue
            for fk in package.foreign_keys(table):
                target = (fk.get("reference") or {}).get("resource")
                fields = fk.get("fields") or []
                if target in ENTITIES and len(fields) == 1 and isinstance(fields[0], str):
                    self.pointers.setdefault(table.name, []).append((fields[0], target))
        self.evidence = {table.name for table in package.evidence_tables}
        self.found = {name: set() for name in ENTITIES}
        self.cited = set()

    def wants(self, table) -> bool:
        return table.name in self.pointers or table.name in self.evidence

    def row(self, table, row_number, row):
        for column, target in self.pointers.get(table.name, ()):
            value = row.get(column)
            if value:
                self.found[target].add(value)
        if table.name in self.evidence:
            self.cited.add(row.get("source_id"))
        return None

    def finish(self):
        yield from _judge(self.package, self.found, self.cited)


def _with_parents(package, found: dict[str, set[str]]) -> dict[str, set[str]]:
    """The parents of what is referenced are referenced too."""
    for name, (key, _) in ENTITIES.items():
        table = package.table(name)
        if table is None:
            continue
        parent_field = next((f for f in table.header if f.startswith("parent_")), None)
        if parent_field is None:
            continue
        parent_of = {row.get(key): row.get(parent_field) for _, row in table.records()}
        for start in list(found[name]):
            seen, node = set(), parent_of.get(start)
            while node and node not in seen:
                seen.add(node)
                found[name].add(node)
                node = parent_of.get(node)
    return found


def _judge(package, found, cited):
    referenced = _with_parents(package, found)
    for name, (key, names_table) in ENTITIES.items():
        table = package.table(name)
        if table is None:
            continue
        named = {row.get(key) for _, row in package.rows(names_table)}
        for row_number, row in table.records():
            ident = row.get(key)
            if ident and ident not in referenced[name]:
                yield Problem(NAME, table.path, row_number, key, f"{ident} is not referenced by any evidence row",
                              "cite it from the testimony, figure, statement or event that mentions it, or remove it")
            if ident and ident not in named:
                yield Problem(NAME, table.path, row_number, key, f"{ident} has no spelling in {names_table}",
                              f"add each spelling the sources print to data/{names_table}.csv, with its source")
    sources = package.table("sources")
    for row_number, row in (sources.records() if sources else ()):
        if row.get("source_id") in cited:
            continue
        if row.get("curation_status") == "complete":
            yield Problem(NAME, sources.path, row_number, "source_id",
                          f"{row.get('source_id')} is marked complete but no evidence row cites it",
                          "curate the source, or set curation_status: pending in its YAML")
        else:
            yield Problem(NAME, sources.path, row_number, "source_id",
                          f"{row.get('source_id')} is archived but not curated yet", "curate it when its turn comes",
                          "warning")
