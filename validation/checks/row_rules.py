"""Rules that tie columns of one row together, which a Table Schema cannot say: who gave an account, who spoke,
who took part must each be given one way or another; a person is not linked to itself. Also the patterns of optional
fields, declared as "x-pattern" in the descriptor so that Frictionless's SQL export does not break on empty cells."""

from __future__ import annotations

import re

from model.loader import Table
from model.problems import Code, Problem

from ..check import Check

# table, the columns, how many of them must be filled (exactly one / at least one / at most one), what to do
RULES = [
    (
        "event_participants",
        ("person_id", "org_id"),
        "exactly one",
        "fill person_id or org_id, not both; one row per participant",
    ),
    (
        "testimonies",
        ("witness_person_id", "witness_description"),
        "at least one",
        "name the witness or describe them in the source's words",
    ),
    (
        "testimonies",
        ("subject_person_id", "subject_description"),
        "at least one",
        "name whom the account is about or describe them",
    ),
    (
        "statements",
        ("speaker_person_id", "speaker_org_id", "speaker_description"),
        "at least one",
        'give the speaking person or body, or describe the speaker in the source\'s words ("Analysts")',
    ),
    ("statistics", ("claimant_person_id", "claimant_org_id"), "at most one", "name one claimant: a person or a body"),
    ("events", ("claimant_person_id", "claimant_org_id"), "at most one", "name one claimant: a person or a body"),
    (
        "mentions",
        ("person_id", "org_id", "place_id"),
        "exactly one",
        "fill one of person_id, org_id, place_id; one row per entity",
    ),
]


class RowRules(Check):
    name = "row_rules"
    codes = {
        "columns-not-filled-as-required": Code(
            "of columns that go together, not as many are filled as the rule requires (exactly one, at least one, or "
            "at most one)",
            "fill the columns as the message says",
        ),
        "pattern-not-matched": Code(
            "a filled cell of an optional field does not match the field's x-pattern in the descriptor",
            "write the value as the field's description says (for example an ISO 3166-1 alpha-2 code)",
        ),
        "linked-to-itself": Code(
            "an entry is linked to itself as possibly the same", "link to the other row, or empty the cell"
        ),
    }

    def begin(self) -> None:
        self.rules: dict[str, list[tuple[tuple[str, ...], str, str]]] = {}
        for name, columns, how, hint in RULES:
            self.rules.setdefault(name, []).append((columns, how, hint))
        self.same_as = {t.name: t for t in self.package.model.entities if t.same_as and t.id_field}
        self.patterns = {}
        for table in self.package.model.tables.values():
            compiled = []
            for field, pattern in table.patterns:
                try:
                    compiled.append((field, pattern, re.compile(pattern)))
                except re.error:
                    continue  # descriptor_profile reports it
            if compiled:
                self.patterns[table.name] = compiled

    def wants(self, table: Table) -> bool:
        return table.name in self.rules or table.name in self.same_as or table.name in self.patterns

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        found = []
        for columns, how, hint in self.rules.get(table.name, ()):
            if not set(columns) <= set(table.header):
                continue
            filled = sum(bool(record.get(c, "")) for c in columns)
            if (filled == 0 and how != "at most one") or (how != "at least one" and filled > 1):
                found.append(
                    self.problem(
                        "columns-not-filled-as-required",
                        file=table.path,
                        row=number,
                        field=columns[0],
                        message=f"{how} of {', '.join(columns)} must be filled; {filled} is",
                        hint=hint,
                    )
                )
        for field, pattern, compiled in self.patterns.get(table.name, ()):
            value = record.get(field, "")
            if value and not compiled.search(value):
                found.append(
                    self.problem(
                        "pattern-not-matched",
                        file=table.path,
                        row=number,
                        field=field,
                        message=f"{value!r} does not match {pattern}",
                    )
                )
        entity = self.same_as.get(table.name)
        if entity and record.get(entity.same_as) and record.get(entity.same_as) == record.get(entity.id_field):
            found.append(
                self.problem(
                    "linked-to-itself",
                    file=table.path,
                    row=number,
                    field=entity.same_as,
                    message="a person is linked to itself",
                    hint="link to the other person row, or empty the cell",
                )
            )
        return found
