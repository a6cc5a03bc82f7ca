"""Primary keys and unique fields: no two rows of a table share a primary key, or a value of a field declared
unique. Checked here, in the one pass, rather than by Frictionless, whose memory grows with every key it keeps:
this check keeps a 64-bit hash of each key, and reads a table a second time, for the few keys whose hashes
repeat, to tell true repeats from hash collisions."""

from __future__ import annotations

from collections.abc import Iterator

from model.loader import Table
from model.problems import Code, Problem

from ..check import Check


class Keys(Check):
    name = "keys"
    codes = {
        "key-repeated": Code(
            "two rows share a primary key, or a value of a field declared unique",
            "give the row an identifier no other row has, or delete the repeated row",
        ),
    }

    def begin(self) -> None:
        self.keys: dict[str, list[tuple[str, ...]]] = {}  # table name -> field lists
        self.seen: dict[tuple[str, tuple[str, ...]], set[int]] = {}  # hashes seen
        self.repeated: dict[tuple[str, tuple[str, ...]], set[int]] = {}  # hashes seen twice or more

    def _key_sets(self, table: Table) -> list[tuple[str, ...]]:
        """The field lists that must be unique in a table: the primary key, and each field declared unique."""
        model = self.package.model.get(table.name)
        if model is None:
            return []
        found = [model.key] if model.key else []
        found += [(name,) for name in model.unique if (name,) not in found]
        return [fields for fields in found if set(fields) <= set(table.header)]

    def wants(self, table: Table) -> bool:
        self.keys[table.name] = self._key_sets(table)
        for fields in self.keys[table.name]:
            self.seen[(table.name, fields)] = set()
            self.repeated[(table.name, fields)] = set()
        return bool(self.keys[table.name])

    def row(self, table: Table, number: int, record: dict[str, str]) -> None:
        for fields in self.keys[table.name]:
            values = tuple(record.get(f, "") for f in fields)
            if not any(values):
                continue  # an empty key is a required-field problem, which Frictionless reports
            digest = hash(values)
            seen = self.seen[(table.name, fields)]
            if digest in seen:
                self.repeated[(table.name, fields)].add(digest)
            else:
                seen.add(digest)

    def end(self) -> Iterator[Problem]:
        self.seen.clear()
        for (name, fields), repeated in self.repeated.items():
            if not repeated:
                continue
            table = self.package.table(name)
            first: dict[tuple[str, ...], int] = {}
            for number, record in table.records():
                values = tuple(record.get(f, "") for f in fields)
                if hash(values) not in repeated:
                    continue
                if values in first:
                    yield self.problem(
                        "key-repeated",
                        file=table.path,
                        row=number,
                        field=",".join(fields),
                        message=f"{', '.join(fields)} {', '.join(values)!r} repeats row {first[values]}",
                    )
                else:
                    first[values] = number
