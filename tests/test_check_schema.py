"""Check "schema": every table matches its Table Schema via Frictionless: types, constraints, primary and foreign
keys (vocabularies included), and a header equal to the schema's field names, in order."""
from __future__ import annotations

import pytest

from conftest import (append_raw_record, assert_invalid, break_cell, copy_package, read_csv, restamp, run_validate,
                      write_csv)

CHECK = "schema"
TESTIMONIES = "data/testimonies.csv"
PERSONS = "data/persons.csv"
ALLEGATIONS = "data/testimony_allegations.csv"


def fresh(tmp_path_factory, name):
    return copy_package(tmp_path_factory.mktemp(name) / "pkg")


# ---- foreign keys: one run each, shared by a test of detection and a test of the field named


@pytest.fixture(scope="module")
def dangling_witness(tmp_path_factory):
    pkg = fresh(tmp_path_factory, "fk")
    row = break_cell(pkg, TESTIMONIES, lambda r: r["witness_person_id"], "witness_person_id", "per-nobody")
    return run_validate(pkg), row


def test_unknown_person_in_witness_person_id(dangling_witness):
    result, row = dangling_witness
    assert_invalid(result, CHECK, TESTIMONIES, row, "witness_person_id", message_contains="per-nobody")


def test_unknown_vocabulary_term_is_reported(package_copy):
    row = break_cell(package_copy, "data/statements.csv", lambda r: True, "stance", "shrugs")
    assert_invalid(run_validate(package_copy), CHECK, "data/statements.csv", row, "stance", message_contains="shrugs")


# ---- keys and cells


def test_number_field_holding_text(package_copy):
    row = break_cell(package_copy, "data/places.csv", lambda r: True, "latitude", "north")
    assert_invalid(run_validate(package_copy), CHECK, "data/places.csv", row, "latitude")


# ---- ragged rows


def test_row_with_a_cell_missing(package_copy):
    testimony = read_csv(package_copy, ALLEGATIONS)[1][0]
    row = append_raw_record(package_copy, ALLEGATIONS, [testimony])
    restamp(package_copy, ALLEGATIONS)
    assert_invalid(run_validate(package_copy), CHECK, ALLEGATIONS, row, "allegation")


@pytest.fixture(scope="module")
def extra_cell(tmp_path_factory):
    pkg = fresh(tmp_path_factory, "extra")
    row = append_raw_record(pkg, ALLEGATIONS, [*read_csv(pkg, ALLEGATIONS)[1][:1], "torture", "and more"])
    restamp(pkg, ALLEGATIONS)
    return run_validate(pkg), row


def test_row_with_an_extra_cell_is_a_whole_row_problem(extra_cell):
    result, row = extra_cell
    assert_invalid(result, CHECK, ALLEGATIONS, row, None, message_contains="extra")


# ---- the header


@pytest.fixture(scope="module")
def missing_column(tmp_path_factory):
    pkg = fresh(tmp_path_factory, "missing-column")
    records = read_csv(pkg, PERSONS)
    last = records[0][-1]
    write_csv(pkg, PERSONS, [r[:-1] for r in records])
    restamp(pkg, PERSONS)
    return run_validate(pkg), last


def test_header_missing_a_column(missing_column):
    result, last = missing_column
    assert_invalid(result, CHECK, PERSONS, 1, last, message_contains="missing label")


@pytest.fixture(scope="module")
def swapped_columns(tmp_path_factory):
    pkg = fresh(tmp_path_factory, "swapped")
    records = read_csv(pkg, PERSONS)
    assert records[0][:2] == ["person_id", "name"]
    write_csv(pkg, PERSONS, [[r[1], r[0], *r[2:]] for r in records])
    restamp(pkg, PERSONS)
    return run_validate(pkg)


def test_header_with_columns_reordered(swapped_columns):
    assert_invalid(swapped_columns, CHECK, PERSONS, 1, "person_id", message_contains='Label "name"')
    assert_invalid(swapped_columns, CHECK, PERSONS, 1, "name", message_contains='Label "person_id"')


def test_latitude_out_of_range(package_copy):
    row = break_cell(package_copy, "data/places.csv", lambda r: True, "latitude", "95.5")
    assert_invalid(run_validate(package_copy), CHECK, "data/places.csv", row, "latitude")


def test_header_with_an_extra_column(package_copy):
    records = read_csv(package_copy, PERSONS)
    write_csv(package_copy, PERSONS, [records[0] + ["shoe_size"]] + [r + [""] for r in records[1:]])
    restamp(package_copy, PERSONS)
    assert_invalid(run_validate(package_copy), CHECK, PERSONS, 1, "shoe_size")
