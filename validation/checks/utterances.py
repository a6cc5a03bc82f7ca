"""Check: rows recorded as one thing are one thing. Where a table counts rows by a field (its x-model "count_by":
a statement's utterance_id), that field names the first row of the group, which names itself, and the rows of a
group differ only in what may vary between the rows of one utterance: the quote, its type, the stance and the
notes. A statement's state is filled as its speaker's office says (speaker_offices.state: required, optional or
empty), so that an analyst speaks for no state and a minister for one."""

from __future__ import annotations

from collections.abc import Iterator

from model.loader import Table
from model.problems import Code, Problem

from ..check import Check

# What the rows of one group may differ in: the passage and what it says; not who spoke, where or when.
MAY_VARY = {"quote", "quote_type", "stance", "notes"}
OFFICES = "speaker_offices"


class Utterances(Check):
    name = "utterances"
    codes = {
        "group-head-not-own": Code(
            "a row's count_by field names a row that is not the first of its group (that row names another)",
            "name the group's first row, whose own count_by field names itself",
        ),
        "group-rows-disagree": Code(
            "rows recorded as one utterance disagree on who spoke, where or when",
            "make them agree, or give the row its own utterance_id (its own statement_id) if it is another utterance",
        ),
        "state-not-as-office": Code(
            "a statement's state is filled, or empty, against what its speaker's office says (speaker_offices.state)",
            "fill state for an office that speaks for a state; empty it for an analyst, an activist or an "
            "intergovernmental body; or correct speaker_office",
        ),
    }

    def begin(self) -> None:
        model = self.package.model
        self.grouped = {t.name: t for t in model.evidence if t.count_by and t.id_field}
        self.office_state = {r.get("term", ""): r.get("state", "") for _, r in self.package.rows(OFFICES)}
        # table: {row ID: (row number, the group it names, the values that must agree)}
        self.rows: dict[str, dict[str, tuple[int, str, tuple]]] = {}
        self.agree: dict[str, list[str]] = {}  # table: the fields its groups agree on

    def wants(self, table: Table) -> bool:
        if table.name in self.grouped:
            model = self.grouped[table.name]
            self.rows[table.name] = {}
            self.agree[table.name] = [
                f for f in table.header if f not in MAY_VARY and f not in (model.id_field, model.count_by)
            ]
        return table.name in self.grouped

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        model = self.grouped[table.name]
        ident, group = record.get(model.id_field, ""), record.get(model.count_by, "")
        shared = tuple(record.get(f, "") for f in self.agree[table.name])
        self.rows[table.name][ident] = (number, group, shared)
        office = record.get("speaker_office")
        wanted = self.office_state.get(office or "")
        state = record.get("state", "")
        if wanted and ((wanted == "required" and not state) or (wanted == "empty" and state)):
            return [
                self.problem(
                    "state-not-as-office",
                    file=table.path,
                    row=number,
                    field="state",
                    message=f"speaker_office {office!r} has state {wanted}, but state is "
                    f"{repr(state) if state else 'empty'}",
                )
            ]
        return []

    def end(self) -> Iterator[Problem]:
        for name, rows in self.rows.items():
            model = self.grouped[name]
            for ident, (number, group, shared) in rows.items():
                head = rows.get(group)
                if head is None or group == ident:
                    continue  # a group naming no row is the keys check's (a foreign key)
                where = {"file": model.path, "row": number, "field": model.count_by}
                if head[1] != group:
                    yield self.problem(
                        "group-head-not-own",
                        message=f"{ident} names {group}, which names {head[1]}",
                        **where,
                    )
                elif head[2] != shared:
                    fields = self.agree[name]
                    differ = [f for f, a, b in zip(fields, shared, head[2], strict=True) if a != b]
                    yield self.problem(
                        "group-rows-disagree",
                        message=f"{ident} and {group} are one utterance but differ in {', '.join(differ)}",
                        **where,
                    )
