"""Primary keys and unique fields: no two rows of a table share a primary key, or a value of a field declared
unique. Checked here, in the one pass, rather than by Frictionless, whose memory grows with every key it keeps:
this check keeps a 64-bit hash of each key, and reads a table a second time, for the few keys whose hashes
repeat, to tell true repeats from hash collisions."""
from __future__ import annotations

from ..problems import Problem

NAME = "keys"


def _key_sets(package, table) -> list[tuple[str, ...]]:
    """The field lists that must be unique in a table: the primary key, and each field declared unique."""
    found = []
    for resource in (package.descriptor or {}).get("resources", []):
        if not (isinstance(resource, dict) and resource.get("name") == table.name):
            continue
        schema = resource.get("schema") or {}
        primary = schema.get("primaryKey")
        if isinstance(primary, str):
            primary = [primary]
        if isinstance(primary, list) and primary and all(isinstance(f, str) for f in primary):
            found.append(tuple(primary))
        for f in schema.get("fields") or []:
            if isinstance(f, dict) and isinstance(f.get("name"), str) and (f.get("constraints") or {}).get("unique") is True:
                if (f["name"],) not in found:
                    found.append((f["name"],))
    return [fields for fields in found if set(fields) <= set(table.header)]


class RowCheck:
    def __init__(self, package):
        self.package = package
        self.keys = {}       # table name -> field lists
        self.seen = {}       # (table name, fields) -> hashes seen
        self.repeated = {}   # (table name, fields) -> hashes seen twice or more

    def wants(self, table) -> bool:
        self.keys[table.name] = _key_sets(self.package, table)
        for fields in self.keys[table.name]:
            self.seen[(table.name, fields)] = set()
            self.repeated[(table.name, fields)] = set()
        return bool(self.keys[table.name])

    def row(self, table, row_number, row):
        for fields in self.keys[table.name]:
            values = tuple(row.get(f, "") for f in fields)
            if not any(values):
                continue  # an empty key is a required-field problem, which Frictionless reports
            digest = hash(values)
            seen = self.seen[(table.name, fields)]
            if digest in seen:
                self.repeated[(table.name, fields)].add(digest)
            else:
                seen.add(digest)
        return None

    def finish(self):
        self.seen.clear()
        for (name, fields), repeated in self.repeated.items():
            if not repeated:
                continue
            table = self.package.table(name)
            first = {}
            for row_number, row in table.records():
                values = tuple(row.get(f, "") for f in fields)
                if hash(values) not in repeated:
                    continue
                if values in first:
                    yield Problem(NAME, table.path, row_number, ",".join(fields),
                                  f"{', '.join(fields)} {', '.join(values)!r} repeats row {first[values]}",
                                  "give the row an identifier no other row has, or delete the repeated row")
                else:
                    first[values] = row_number
