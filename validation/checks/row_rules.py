"""Rules that tie columns of one row together, which a Table Schema cannot say: who gave an account, who spoke,
who took part must each be given one way or another."""
from __future__ import annotations

from ..problems import Problem

NAME = "row_rules"
# table, the columns, how many of them must be filled (exactly one / at least one), what to do
RULES = [
    ("event_participants", ("person_id", "org_id"), "exactly one", "fill person_id or org_id, not both; one row per participant"),
    ("testimonies", ("witness_person_id", "witness_description"), "at least one", "name the witness or describe them in the source's words"),
    ("testimonies", ("subject_person_id", "subject_description"), "at least one", "name whom the account is about or describe them"),
    ("statements", ("speaker_person_id", "speaker_org_id"), "at least one", "give the speaking person or body"),
    ("mentions", ("person_id", "org_id", "place_id"), "exactly one", "fill one of person_id, org_id, place_id; one row per entity"),
]


class RowCheck:
    def __init__(self, package):
        self.rules = {}
        for name, columns, how, hint in RULES:
            self.rules.setdefault(name, []).append((columns, how, hint))

    def wants(self, table) -> bool:
        return table.name in self.rules or table.name == "persons"

    def row(self, table, row_number, row):
        found = []
        for columns, how, hint in self.rules.get(table.name, ()):
            if not set(columns) <= set(table.header):
                continue
            filled = sum(bool(row.get(c, "")) for c in columns)
            if filled == 0 or (how == "exactly one" and filled > 1):
                found.append(Problem(NAME, table.path, row_number, columns[0],
                                     f"{how} of {', '.join(columns)} must be filled; {filled} is", hint))
        if table.name == "persons" and row.get("possibly_same_as") and row.get("possibly_same_as") == row.get("person_id"):
            found.append(Problem(NAME, table.path, row_number, "possibly_same_as", "a person is linked to itself",
                                 "link to the other person row, or empty the cell"))
        return found

    def finish(self):
        return ()
