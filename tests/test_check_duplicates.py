"""Check "duplicates" (warnings only): entities of one kind whose names are much alike but that are not linked. A
warning never fails the run: exit 0."""
from __future__ import annotations

import pytest

from conftest import assert_valid_with_warning, break_cell, describe, find_problems, rows, run_validate

CHECK = "duplicates"


@pytest.mark.parametrize("table, key", [("persons", "person_id"), ("places", "place_id")])
def test_two_entities_with_much_the_same_name(package_copy, table, key):
    relpath = f"data/{table}.csv"
    entries = rows(package_copy, relpath)
    (first_row, first), (last_row, last) = entries[0], entries[-1]
    assert first.get("possibly_same_as") != last[key] and last.get("possibly_same_as") != first[key]
    break_cell(package_copy, relpath, last_row, "name", first["name"] + "s")
    # the warning is on the earlier of the two rows
    assert_valid_with_warning(run_validate(package_copy), CHECK, relpath, first_row, "name",
                              message_contains=f"{first[key]} and {last[key]}")


def test_a_note_naming_the_other_id_marks_two_entities_distinct(package_copy):
    relpath = "data/places.csv"
    entries = rows(package_copy, relpath)
    (first_row, first), (last_row, last) = entries[0], entries[-1]
    break_cell(package_copy, relpath, last_row, "name", first["name"] + "s")
    break_cell(package_copy, relpath, last_row, "notes", f"Not the same as {first['place_id']}.")
    code, report = run_validate(package_copy)[:2]
    assert code == 0
    assert not find_problems(report, CHECK, relpath), describe(report)
