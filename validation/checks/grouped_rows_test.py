"""Check "grouped_rows": the rows of one utterance or one account name its first row and agree in every field their
table's may_vary (in datapackage.json) does not list: one utterance has one speaker, one account one witness and one
subject, though its rows may differ in place and date."""

from __future__ import annotations

from tests.faults import assert_invalid, check, find_problems, first_row, load_descriptor, save_descriptor, set_cells

from .grouped_rows import GroupedRows

STATEMENTS = "data/statements.csv"
TESTIMONIES = "data/testimonies.csv"


def test_a_row_of_an_utterance_that_names_another_row_of_it(package_copy):
    # stm-0013 belongs to stm-0012's utterance; stm-0014 is made to name stm-0013 instead of the first row
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["statement_id"] == "stm-0014")
    set_cells(package_copy, STATEMENTS, row, utterance_id="stm-0013")
    problem = assert_invalid(check(package_copy, GroupedRows), "group-head-not-own", STATEMENTS, row, "utterance_id")
    assert "stm-0012" in problem["message"] and "utterance" in problem["message"]


def test_rows_of_one_utterance_dated_differently(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["statement_id"] == "stm-0017")
    set_cells(package_copy, STATEMENTS, row, date="2018-12-20", date_earliest="2018-12-20", date_latest="2018-12-20")
    problem = assert_invalid(check(package_copy, GroupedRows), "group-rows-disagree", STATEMENTS, row, "utterance_id")
    assert "date" in problem["message"] and "one utterance" in problem["message"]


def test_two_utterances_joined_though_the_speakers_differ(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["statement_id"] == "stm-0026")
    set_cells(package_copy, STATEMENTS, row, utterance_id="stm-0025")
    problem = assert_invalid(check(package_copy, GroupedRows), "group-rows-disagree", STATEMENTS, row, "utterance_id")
    assert "speaker_person_id" in problem["message"]


def test_a_row_of_an_account_that_names_another_row_of_it(package_copy):
    # tes-0010 belongs to tes-0008's account; tes-0009 is made to name tes-0010 instead of the first row
    row, _ = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0009")
    set_cells(package_copy, TESTIMONIES, row, account_id="tes-0010")
    problem = assert_invalid(check(package_copy, GroupedRows), "group-head-not-own", TESTIMONIES, row, "account_id")
    assert "tes-0008" in problem["message"] and "account" in problem["message"]


def test_rows_of_one_account_given_by_different_witnesses(package_copy):
    row, _ = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0026")
    set_cells(package_copy, TESTIMONIES, row, witness_person_id="per-ovalbek-turdakun")
    problem = assert_invalid(check(package_copy, GroupedRows), "group-rows-disagree", TESTIMONIES, row, "account_id")
    assert "one account" in problem["message"] and "witness_person_id" in problem["message"]
    assert "account_id" in problem["hint"] and "utterance" not in problem["hint"]


def test_rows_of_one_account_about_different_subjects(package_copy):
    row, _ = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0010")
    set_cells(package_copy, TESTIMONIES, row, subject_person_id="per-qalia-qabelqaze")
    problem = assert_invalid(check(package_copy, GroupedRows), "group-rows-disagree", TESTIMONIES, row, "account_id")
    assert "subject_person_id" in problem["message"]


def test_a_row_joined_to_an_account_of_another_witness(package_copy):
    # tes-0009 (Qalia Qabelqaze of her mother) is made a row of tes-0011's account (a wife of her husband)
    row, _ = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0009")
    set_cells(package_copy, TESTIMONIES, row, account_id="tes-0011")
    problem = assert_invalid(check(package_copy, GroupedRows), "group-rows-disagree", TESTIMONIES, row, "account_id")
    assert "witness_person_id" in problem["message"] and "subject_description" in problem["message"]


def test_the_rows_of_one_account_may_differ_in_place_and_date(package_copy):
    row, _ = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0026")
    set_cells(
        package_copy,
        TESTIMONIES,
        row,
        place_id="pl-torugart",
        date="2017-10",
        date_text="",
        date_earliest="2017-10-01",
        date_latest="2017-10-31",
        quote_type="reported",
        notes="a note of its own",
    )
    assert not find_problems(check(package_copy, GroupedRows), "group-rows-disagree", TESTIMONIES, row)


def test_what_may_vary_is_declared_in_the_descriptor(package_copy):
    # tes-0026 is given a place that tes-0025, the first row of its account, does not give: allowed while
    # testimonies' may_vary lists place_id, an error once it does not
    row, _ = first_row(package_copy, TESTIMONIES, lambda r: r["testimony_id"] == "tes-0026")
    set_cells(package_copy, TESTIMONIES, row, place_id="pl-torugart")
    assert not find_problems(check(package_copy, GroupedRows), "group-rows-disagree", TESTIMONIES, row)
    descriptor = load_descriptor(package_copy)
    testimonies = next(r for r in descriptor["resources"] if r["name"] == "testimonies")
    testimonies["x-model"]["may_vary"].remove("place_id")
    save_descriptor(package_copy, descriptor)
    problem = assert_invalid(check(package_copy, GroupedRows), "group-rows-disagree", TESTIMONIES, row, "account_id")
    assert problem["message"].endswith("differ in place_id")
