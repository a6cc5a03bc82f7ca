"""Check "schema": every table matches its Table Schema via Frictionless: types, constraints, foreign keys
(vocabularies included), and a header equal to the schema's field names, in order. Its codes are Frictionless's
error types."""

from __future__ import annotations

from tests.faults import (
    append_raw_record,
    assert_invalid,
    break_cell,
    check,
    load_descriptor,
    read_csv,
    resource_index,
    restamp,
    save_descriptor,
    write_csv,
)

from .schema import Schema

TESTIMONIES = "data/testimonies.csv"
PERSONS = "data/persons.csv"
ALLEGATIONS = "data/testimony_allegations.csv"


def test_unknown_person_in_witness_person_id(package_copy):
    row = break_cell(package_copy, TESTIMONIES, lambda r: r["witness_person_id"], "witness_person_id", "per-nobody")
    problem = assert_invalid(check(package_copy, Schema), "foreign-key", TESTIMONIES, row, "witness_person_id")
    assert "per-nobody" in problem["message"]


def test_unknown_vocabulary_term(package_copy):
    row = break_cell(package_copy, "data/statements.csv", lambda r: True, "stance", "shrugs")
    assert_invalid(check(package_copy, Schema), "foreign-key", "data/statements.csv", row, "stance")


def test_number_field_holding_text(package_copy):
    row = break_cell(package_copy, "data/places.csv", lambda r: True, "latitude", "north")
    assert_invalid(check(package_copy, Schema), "type-error", "data/places.csv", row, "latitude")


def test_latitude_out_of_range(package_copy):
    row = break_cell(package_copy, "data/places.csv", lambda r: True, "latitude", "95.5")
    assert_invalid(check(package_copy, Schema), "constraint-error", "data/places.csv", row, "latitude")


def test_row_with_a_cell_missing(package_copy):
    row = append_raw_record(package_copy, ALLEGATIONS, [read_csv(package_copy, ALLEGATIONS)[1][0]])
    restamp(package_copy, ALLEGATIONS)
    assert_invalid(check(package_copy, Schema), "missing-cell", ALLEGATIONS, row, "allegation")


def test_row_with_an_extra_cell_is_a_whole_row_problem(package_copy):
    row = append_raw_record(
        package_copy, ALLEGATIONS, [*read_csv(package_copy, ALLEGATIONS)[1][:1], "torture", "and more"]
    )
    restamp(package_copy, ALLEGATIONS)
    assert_invalid(check(package_copy, Schema), "extra-cell", ALLEGATIONS, row, None)


def test_header_missing_a_column(package_copy):
    records = read_csv(package_copy, PERSONS)
    last = records[0][-1]
    write_csv(package_copy, PERSONS, [r[:-1] for r in records])
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, Schema), "missing-label", PERSONS, 1, last)


def test_header_with_columns_reordered(package_copy):
    records = read_csv(package_copy, PERSONS)
    assert records[0][:2] == ["person_id", "name"]
    write_csv(package_copy, PERSONS, [[r[1], r[0], *r[2:]] for r in records])
    restamp(package_copy, PERSONS)
    report = check(package_copy, Schema)
    assert_invalid(report, "incorrect-label", PERSONS, 1, "person_id")
    assert_invalid(report, "incorrect-label", PERSONS, 1, "name")


def test_header_with_an_extra_column(package_copy):
    records = read_csv(package_copy, PERSONS)
    write_csv(package_copy, PERSONS, [records[0] + ["shoe_size"]] + [r + [""] for r in records[1:]])
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, Schema), "extra-label", PERSONS, 1, "shoe_size")


def test_blank_row(package_copy):
    width = len(read_csv(package_copy, PERSONS)[0])
    row = append_raw_record(package_copy, PERSONS, [""] * width)
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, Schema), "blank-row", PERSONS, row, None)


def test_header_with_a_column_named_twice(package_copy):
    records = read_csv(package_copy, PERSONS)
    last = records[0][-1]
    records[0][-1] = records[0][-2]
    write_csv(package_copy, PERSONS, records)
    restamp(package_copy, PERSONS)
    # a header problem names the schema's field at that place
    assert_invalid(check(package_copy, Schema), "duplicate-label", PERSONS, 1, last)


def test_header_with_an_empty_cell(package_copy):
    records = read_csv(package_copy, PERSONS)
    name = records[0][-1]
    records[0][-1] = ""
    write_csv(package_copy, PERSONS, records)
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, Schema), "blank-label", PERSONS, 1, name)


def edit_first_field(pkg, change) -> None:
    descriptor = load_descriptor(pkg)
    change(descriptor["resources"][resource_index(descriptor, name="persons")]["schema"]["fields"][0])
    save_descriptor(pkg, descriptor)


def test_field_of_a_type_frictionless_does_not_know(package_copy):
    edit_first_field(package_copy, lambda field: field.update(type="shoe-size"))
    assert_invalid(check(package_copy, Schema), "descriptor-error", "datapackage.json", None, None)


def test_pattern_that_is_no_regular_expression(package_copy):
    edit_first_field(package_copy, lambda field: field["constraints"].update(pattern="(unclosed"))
    assert_invalid(check(package_copy, Schema), "descriptor-unusable", "datapackage.json", None, None)


def test_a_misspelt_vocabulary_term_is_shown_the_nearest_terms_and_the_file(package_copy):
    row = break_cell(package_copy, "data/testimonies.csv", lambda r: True, "quote_type", "drect")
    problem = assert_invalid(check(package_copy, Schema), "foreign-key", "data/testimonies.csv", row, "quote_type")
    assert "data/vocabularies/quote_types.csv" in problem["hint"] and "nearest: direct" in problem["hint"]
    assert problem["detail"]["nearest"][0] == "direct"
