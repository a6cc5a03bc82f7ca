"""Check "cited_names": an entity a row cites is named in that row's source; a person's name is one of their
spellings, or declared normalised (name_normalised) with notes that say why."""

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


def test_a_changed_name_is_caught_though_the_notes_are_left_as_they_were(package_copy):
    # Notes excuse nothing: until version 0.8.0 any non-empty notes let a name that is no spelling pass.
    row, person = first_row(package_copy, PERSONS, lambda r: r["notes"].strip() and not r["name_normalised"])
    set_cells(package_copy, PERSONS, row, name=person["name"] + "x")
    assert_invalid(check(package_copy, CitedNames), "name-not-a-spelling", PERSONS, row, "name")


def test_a_normalised_name_no_longer_declared(package_copy):
    row, _ = first_row(package_copy, PERSONS, lambda r: r["name_normalised"] == "true")
    set_cells(package_copy, PERSONS, row, name_normalised="")
    assert_invalid(check(package_copy, CitedNames), "name-not-a-spelling", PERSONS, row, "name")


def test_a_normalised_name_whose_notes_do_not_say_why(package_copy):
    row, _ = first_row(package_copy, PERSONS, lambda r: r["name_normalised"] == "true")
    set_cells(package_copy, PERSONS, row, notes="")
    assert_invalid(check(package_copy, CitedNames), "normalised-name-unexplained", PERSONS, row, "notes")


def test_a_printed_name_declared_normalised(package_copy):
    row, _ = first_row(package_copy, PERSONS, lambda r: not r["name_normalised"])
    set_cells(package_copy, PERSONS, row, name_normalised="true")
    assert_invalid(check(package_copy, CitedNames), "normalised-name-printed", PERSONS, row, "name_normalised")
