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


def run(package):
    for name, columns, how, hint in RULES:
        table = package.table(name)
        if table is None or not set(columns) <= set(table.header):
            continue
        for row_number, row in table.records():
            filled = sum(bool(row.get(c, "")) for c in columns)
            if filled == 0 or (how == "exactly one" and filled > 1):
                yield Problem(NAME, table.path, row_number, columns[0],
                              f"{how} of {', '.join(columns)} must be filled; {filled} is", hint)
    persons = package.table("persons")
    if persons is not None:
        for row_number, row in persons.records():
            if row.get("possibly_same_as") and row.get("possibly_same_as") == row.get("person_id"):
                yield Problem(NAME, persons.path, row_number, "possibly_same_as", "a person is linked to itself",
                              "link to the other person row, or empty the cell")
