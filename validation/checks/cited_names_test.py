"""Check "cited_names": an entity a row cites is named in that row's source; a person's name is one of their
spellings or their notes explain it."""

from __future__ import annotations

from tests.faults import assert_invalid, check, first_row, set_cells

from .cited_names import CitedNames

TESTIMONIES, PARTICIPANTS, PERSONS = "data/testimonies.csv", "data/event_participants.csv", "data/persons.csv"


def test_a_witness_from_another_source_named_nowhere_in_this_one(package_copy):
    row, testimony = first_row(package_copy, TESTIMONIES, lambda r: r["source_id"] == "asianews-awulqanqizi")
    set_cells(package_copy, TESTIMONIES, row, witness_person_id="per-sooronbai-zheenbekov")
    assert_invalid(check(package_copy, CitedNames), "entity-not-named-in-source", TESTIMONIES, row, "witness_person_id")


def test_a_participant_its_event_source_does_not_name(package_copy):
    row, _ = first_row(package_copy, PARTICIPANTS, lambda r: r["person_id"] == "per-gulzire-awulqanqizi")
    set_cells(package_copy, PARTICIPANTS, row, person_id="per-sooronbai-zheenbekov")
    assert_invalid(check(package_copy, CitedNames), "entity-not-named-in-source", PARTICIPANTS, row, "person_id")


def test_a_person_named_as_no_source_spells_them(package_copy):
    row, _ = first_row(package_copy, PERSONS, lambda r: not r["notes"])
    set_cells(package_copy, PERSONS, row, name="Someone Else")
    assert_invalid(check(package_copy, CitedNames), "name-not-a-spelling", PERSONS, row, "name")
