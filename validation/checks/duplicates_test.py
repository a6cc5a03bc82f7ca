"""Check "duplicates" (warnings only): entities of one kind whose names are much alike but that are neither linked
nor marked distinct. A warning never fails the run."""

from __future__ import annotations

import random
from difflib import SequenceMatcher

import pytest

from tests.faults import assert_warning, break_cell, check, describe, find_problems, rows

from .duplicates import THRESHOLD, Duplicates, folded


@pytest.mark.parametrize("table, key", [("persons", "person_id"), ("places", "place_id")])
def test_two_entities_with_much_the_same_name(package_copy, table, key):
    relpath = f"data/{table}.csv"
    entries = rows(package_copy, relpath)
    (first_row, first), (last_row, last) = entries[0], entries[-1]
    assert first.get("possibly_same_as") != last[key] and last.get("possibly_same_as") != first[key]
    break_cell(package_copy, relpath, last_row, "name", first["name"] + "s")
    # the warning is on the earlier of the two rows
    problem = assert_warning(check(package_copy, Duplicates), "likely-duplicate", relpath, first_row, "name")
    assert f"{first[key]} and {last[key]}" in problem["message"]


def test_a_note_naming_the_other_id_marks_two_entities_distinct(package_copy):
    relpath = "data/places.csv"
    entries = rows(package_copy, relpath)
    first, (last_row, _) = entries[0][1], entries[-1]
    break_cell(package_copy, relpath, last_row, "name", first["name"] + "s")
    assert find_problems(check(package_copy, Duplicates), "likely-duplicate"), (
        "the two names are warned of before the note"
    )
    break_cell(package_copy, relpath, last_row, "notes", f"Not the same as {first['place_id']}.")
    report = check(package_copy, Duplicates)
    assert not find_problems(report, "likely-duplicate", relpath), describe(report)


def test_names_far_apart_in_length_are_skipped_without_missing_a_pair(tmp_path):
    """The check compares only names of near length; it must warn of exactly the pairs a comparison of every pair
    finds."""
    rng = random.Random(7)
    names = ["".join(rng.choice("abcde ") for _ in range(rng.randint(1, 12))) for _ in range(300)]
    records = [{"place_id": f"pl-{n}", "name": name, "notes": ""} for n, name in enumerate(names)]

    class Places:
        path = "data/places.csv"
        header = ["place_id", "name", "notes"]

        def records(self):
            return ((n + 2, record) for n, record in enumerate(records))

    class Package:
        from model.tables import Model

        model = Model(
            {
                "resources": [
                    {
                        "name": "places",
                        "path": "data/places.csv",
                        "x-model": {"role": "entity", "label": "Places", "names": "place_names"},
                        "schema": {"primaryKey": ["place_id"]},
                    }
                ]
            }
        )

        def table(self, name):
            return Places() if name == "places" else None

    warned = {p.message.split(" have ")[0] for p in Duplicates(Package()).end()}
    every_pair = {
        f"pl-{i} and pl-{j}"
        for i in range(len(names))
        for j in range(i + 1, len(names))
        if SequenceMatcher(None, folded(names[i]), folded(names[j])).ratio() >= THRESHOLD
    }
    assert warned == every_pair and every_pair
