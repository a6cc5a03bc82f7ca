"""Check "speaker_state": a statement's state is filled as its speaker's office says."""

from __future__ import annotations

from tests.faults import assert_invalid, check, first_row, set_cells

from .speaker_state import SpeakerState

STATEMENTS = "data/statements.csv"


def test_an_analyst_given_a_state(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "analyst")
    set_cells(package_copy, STATEMENTS, row, state="KG")
    assert_invalid(check(package_copy, SpeakerState), "state-not-as-office", STATEMENTS, row, "state")


def test_a_head_of_state_speaking_for_no_state(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "head-of-state")
    set_cells(package_copy, STATEMENTS, row, state="")
    assert_invalid(check(package_copy, SpeakerState), "state-not-as-office", STATEMENTS, row, "state")


def test_an_official_may_speak_for_a_state_or_none_but_an_analyst_for_none(package_copy):
    official, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "official")
    analyst, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "analyst")
    set_cells(package_copy, STATEMENTS, official, state="KZ")
    set_cells(package_copy, STATEMENTS, analyst, state="KZ")
    report = check(package_copy, SpeakerState)
    assert [p["row"] for p in report["problems"] if p["code"] == "state-not-as-office"] == [analyst]
