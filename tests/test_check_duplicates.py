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
    from validation import engine, package
    from validation.checks import duplicates
    assert engine.run(package.Package(package_copy), [duplicates]), "the two names should be warned of before the note"
    break_cell(package_copy, relpath, last_row, "notes", f"Not the same as {first['place_id']}.")
    code, report = run_validate(package_copy)[:2]
    assert code == 0
    assert not find_problems(report, CHECK, relpath), describe(report)


def test_names_far_apart_in_length_are_skipped_without_missing_a_pair():
    """The check compares only names of near length; it must warn of exactly the pairs a comparison of every pair
    finds."""
    import random
    from difflib import SequenceMatcher

    from validation.checks import duplicates

    rng = random.Random(7)
    names = ["".join(rng.choice("abcde ") for _ in range(rng.randint(1, 12))) for _ in range(300)]

    class Places:
        path = "data/places.csv"

        def records(self):
            return ((n + 2, {"place_id": f"pl-{n}", "name": name, "notes": ""}) for n, name in enumerate(names))

    class Package:
        def table(self, name):
            return Places() if name == "places" else None

    warned = {p.message.split(" have ")[0] for p in duplicates.run(Package())}
    key = duplicates._key
    every_pair = {f"pl-{i} and pl-{j}" for i in range(len(names)) for j in range(i + 1, len(names))
                  if SequenceMatcher(None, key(names[i]), key(names[j])).ratio() >= duplicates.THRESHOLD}
    assert warned == every_pair and every_pair
