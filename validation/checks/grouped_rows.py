"""Check: rows recorded as one thing are one thing. Where a table counts rows by a field (its x-model "count_by": a
statement's utterance_id, a testimony's account_id), that field names the first row of the group, which names
itself, and the rows of a group differ only in the fields its x-model "may_vary" lists (a statement's quote, quote
type, stance and notes; a testimony's quote, quote type, place, date and notes): one utterance has one speaker, one
account one witness and one subject. What a group is called in messages is its x-model "count_noun"."""

from __future__ import annotations

from collections.abc import Iterator

from model.loader import Table
from model.problems import Code, Problem

from ..check import Check


class GroupedRows(Check):
    name = "grouped_rows"
    codes = {
        "group-head-not-own": Code(
            "a row's count_by field names a row that is not the first of its group (that row names another)",
            "name the group's first row, whose own count_by field names itself",
        ),
        "group-rows-disagree": Code(
            "rows recorded as one thing (one utterance, one account: the table's count_by) differ in a field the "
            "table's may_vary does not list (who spoke, where or when; who tells of whom)",
            "make them agree, or give the row its own count_by value (its own ID) if it records another",
        ),
    }

    def begin(self) -> None:
        model = self.package.model
        self.grouped = {t.name: t for t in model.evidence if t.count_by and t.id_field}
        # table: {row ID: (row number, the group it names, the values that must agree)}
        self.rows: dict[str, dict[str, tuple[int, str, tuple]]] = {}
        self.agree: dict[str, list[str]] = {}  # table: the fields its groups agree on

    def wants(self, table: Table) -> bool:
        if table.name in self.grouped:
            model = self.grouped[table.name]
            self.rows[table.name] = {}
            self.agree[table.name] = [
                f for f in table.header if f not in model.may_vary and f not in (model.id_field, model.count_by)
            ]
        return table.name in self.grouped

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        model = self.grouped[table.name]
        ident, group = record.get(model.id_field, ""), record.get(model.count_by, "")
        shared = tuple(record.get(f, "") for f in self.agree[table.name])
        self.rows[table.name][ident] = (number, group, shared)
        return []

    def end(self) -> Iterator[Problem]:
        for name, rows in self.rows.items():
            model = self.grouped[name]
            noun = model.count_noun[0] or "group"
            for ident, (number, group, shared) in rows.items():
                head = rows.get(group)
                if head is None or group == ident:
                    continue  # a group naming no row is the keys check's (a foreign key)
                where = {"file": model.path, "row": number, "field": model.count_by}
                if head[1] != group:
                    yield self.problem(
                        "group-head-not-own",
                        message=f"{ident} names {group} as its {noun}'s first row, but {group} names {head[1]}",
                        hint=f"give {ident} the {model.count_by} of the {noun}'s first row, whose {model.count_by} "
                        "is its own ID",
                        **where,
                    )
                elif head[2] != shared:
                    fields = self.agree[name]
                    differ = [f for f, a, b in zip(fields, shared, head[2], strict=True) if a != b]
                    yield self.problem(
                        "group-rows-disagree",
                        message=f"{ident} and {group} are one {noun} but differ in {', '.join(differ)}",
                        hint=f"make them agree, or give {ident} its own {model.count_by} (its own "
                        f"{model.id_field}) if it records another {noun}",
                        **where,
                    )
