"""Check "utterances": the rows of one utterance name its first row and agree on who spoke, where and when; a
statement's state is filled as its speaker's office says."""

from __future__ import annotations

from tests.faults import assert_invalid, check, first_row, set_cells

from .utterances import Utterances

STATEMENTS = "data/statements.csv"


def test_a_row_of_an_utterance_that_names_another_row_of_it(package_copy):
    # stm-0013 belongs to stm-0012's utterance; stm-0014 is made to name stm-0013 instead of the first row
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["statement_id"] == "stm-0014")
    set_cells(package_copy, STATEMENTS, row, utterance_id="stm-0013")
    problem = assert_invalid(check(package_copy, Utterances), "group-head-not-own", STATEMENTS, row, "utterance_id")
    assert "stm-0012" in problem["message"]


def test_rows_of_one_utterance_dated_differently(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["statement_id"] == "stm-0017")
    set_cells(package_copy, STATEMENTS, row, date="2018-12-20", date_earliest="2018-12-20", date_latest="2018-12-20")
    problem = assert_invalid(check(package_copy, Utterances), "group-rows-disagree", STATEMENTS, row, "utterance_id")
    assert "date" in problem["message"]


def test_two_utterances_joined_though_the_speakers_differ(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["statement_id"] == "stm-0026")
    set_cells(package_copy, STATEMENTS, row, utterance_id="stm-0025")
    problem = assert_invalid(check(package_copy, Utterances), "group-rows-disagree", STATEMENTS, row, "utterance_id")
    assert "speaker_person_id" in problem["message"]


def test_an_analyst_given_a_state(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "analyst")
    set_cells(package_copy, STATEMENTS, row, state="KG")
    assert_invalid(check(package_copy, Utterances), "state-not-as-office", STATEMENTS, row, "state")


def test_a_head_of_state_speaking_for_no_state(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "head-of-state")
    set_cells(package_copy, STATEMENTS, row, state="")
    assert_invalid(check(package_copy, Utterances), "state-not-as-office", STATEMENTS, row, "state")


def test_an_official_may_speak_for_a_state_or_none_but_an_analyst_for_none(package_copy):
    official, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "official")
    analyst, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_office"] == "analyst")
    set_cells(package_copy, STATEMENTS, official, state="KZ")
    set_cells(package_copy, STATEMENTS, analyst, state="KZ")
    report = check(package_copy, Utterances)
    assert [p["row"] for p in report["problems"] if p["code"] == "state-not-as-office"] == [analyst]
