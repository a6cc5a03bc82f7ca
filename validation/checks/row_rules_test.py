"""Check "row_rules": a participant is a person or an organisation, exactly one; a mention names exactly one person,
organisation or place; a testimony names or describes its witness and its subject; a statement gives its speaking
person or body; no person is linked to itself."""

from __future__ import annotations

from tests.faults import assert_invalid, break_cell, check, first_row, rows

from .row_rules import RowRules

PARTICIPANTS = "data/event_participants.csv"
MENTIONS = "data/mentions.csv"
RULE = "columns-not-filled-as-required"


def test_participant_with_both_person_and_organisation(package_copy):
    person = rows(package_copy, "data/persons.csv")[0][1]["person_id"]
    row = break_cell(package_copy, PARTICIPANTS, lambda r: r["org_id"] and not r["person_id"], "person_id", person)
    assert_invalid(check(package_copy, RowRules), RULE, PARTICIPANTS, row, "person_id")


def test_mention_of_two_entities(package_copy):
    place = rows(package_copy, "data/places.csv")[0][1]["place_id"]
    row = break_cell(package_copy, MENTIONS, lambda r: r["org_id"] and not r["place_id"], "place_id", place)
    assert_invalid(check(package_copy, RowRules), RULE, MENTIONS, row, "person_id")


def test_mention_of_nothing(package_copy):
    row = break_cell(package_copy, MENTIONS, lambda r: r["place_id"], "place_id", "")
    assert_invalid(check(package_copy, RowRules), RULE, MENTIONS, row, "person_id")


def test_testimony_without_witness(package_copy):
    row = break_cell(
        package_copy,
        "data/testimonies.csv",
        lambda r: r["witness_person_id"] and not r["witness_description"],
        "witness_person_id",
        "",
    )
    assert_invalid(check(package_copy, RowRules), RULE, "data/testimonies.csv", row, "witness_person_id")


def test_statement_without_speaker(package_copy):
    row = break_cell(
        package_copy,
        "data/statements.csv",
        lambda r: r["speaker_org_id"] and not r["speaker_person_id"],
        "speaker_org_id",
        "",
    )
    assert_invalid(check(package_copy, RowRules), RULE, "data/statements.csv", row, "speaker_person_id")


def test_statement_described_by_no_one(package_copy):
    row = break_cell(
        package_copy, "data/statements.csv", lambda r: r["speaker_description"] == "Analysts", "speaker_description", ""
    )
    assert_invalid(check(package_copy, RowRules), RULE, "data/statements.csv", row, "speaker_person_id")


def test_event_claimed_by_a_person_and_a_body_at_once(package_copy):
    row = break_cell(
        package_copy, "data/events.csv", lambda r: r["claimant_person_id"], "claimant_org_id", "org-atajurt"
    )
    assert_invalid(check(package_copy, RowRules), RULE, "data/events.csv", row, "claimant_person_id")


def test_person_linked_to_itself(package_copy):
    row, person = first_row(package_copy, "data/persons.csv", lambda r: r["possibly_same_as"])
    break_cell(package_copy, "data/persons.csv", row, "possibly_same_as", person["person_id"])
    assert_invalid(check(package_copy, RowRules), "linked-to-itself", "data/persons.csv", row, "possibly_same_as")


def test_optional_field_that_breaks_its_x_pattern(package_copy):
    row = break_cell(package_copy, "data/statements.csv", lambda r: r["state"], "state", "Kazakhstan")
    assert_invalid(check(package_copy, RowRules), "pattern-not-matched", "data/statements.csv", row, "state")


def test_empty_optional_field_is_not_held_to_its_x_pattern(package_copy):
    break_cell(package_copy, "data/persons.csv", lambda r: r["citizenship"], "citizenship", "")
    assert check(package_copy, RowRules)["valid"] is True
