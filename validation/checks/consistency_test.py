"""Check "consistency": a statement's state agrees with its speaking body's country; a victim's own account has its
witness as its subject; no evidence row repeats another but for its ID (link rows counted)."""

from __future__ import annotations

from tests.faults import append_row, assert_invalid, check, first_row, read_csv, set_cells

from .consistency import Consistency

STATEMENTS, TESTIMONIES, ALLEGATIONS = "data/statements.csv", "data/testimonies.csv", "data/testimony_allegations.csv"


def test_a_statement_of_a_kazakh_ministry_given_kyrgyzstan_as_its_state(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["speaker_org_id"] == "org-kazakhstan-mfa")
    set_cells(package_copy, STATEMENTS, row, state="KG")
    assert_invalid(check(package_copy, Consistency), "state-not-as-speaker", STATEMENTS, row, "state")


def test_a_victims_own_account_about_someone_else(package_copy):
    row, _ = first_row(package_copy, TESTIMONIES, lambda r: r["source_connection"] == "victim")
    set_cells(package_copy, TESTIMONIES, row, subject_person_id="per-sooronbai-zheenbekov")
    assert_invalid(check(package_copy, Consistency), "victim-account-not-own", TESTIMONIES, row, "subject_person_id")


def _repeat(package_copy, testimony: dict) -> int:
    copy = dict(testimony, testimony_id="tes-0999")
    number = append_row(package_copy, TESTIMONIES, copy)
    for record in read_csv(package_copy, ALLEGATIONS)[1:]:
        if record[0] == testimony["testimony_id"]:
            append_row(package_copy, ALLEGATIONS, {"testimony_id": "tes-0999", "allegation": record[1]})
    return number


def test_a_testimony_repeated_under_a_new_id(package_copy):
    _, testimony = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0019")
    number = _repeat(package_copy, testimony)
    assert_invalid(check(package_copy, Consistency), "evidence-row-repeated", TESTIMONIES, number, "testimony_id")


def test_a_testimony_that_differs_only_in_an_allegation_is_not_a_repeat(package_copy):
    _, testimony = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0019")
    _repeat(package_copy, testimony)
    append_row(package_copy, ALLEGATIONS, {"testimony_id": "tes-0999", "allegation": "torture"})
    report = check(package_copy, Consistency)
    assert not [p for p in report["problems"] if p["code"] == "evidence-row-repeated"], report["problems"]
