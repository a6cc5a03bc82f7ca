"""Check "text_hygiene": every CSV file is UTF-8 without BOM with LF line endings, and every text cell is NFC, trimmed,
free of control characters, and does not start with =, +, -, @ (a spreadsheet would run it as a formula)."""
from __future__ import annotations

import unicodedata

import pytest

from conftest import assert_invalid, break_cell, read_csv, restamp, run_validate

CHECK = "text_hygiene"
PERSONS = "data/persons.csv"


def any_row(row) -> bool:  # break_cell then takes the first row
    return True


def test_byte_order_mark(package_copy):
    path = package_copy / PERSONS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    restamp(package_copy, PERSONS)
    assert_invalid(run_validate(package_copy), CHECK, PERSONS, 1, None, message_contains="BOM")


def test_crlf_line_endings(package_copy):
    path = package_copy / PERSONS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    restamp(package_copy, PERSONS)
    assert_invalid(run_validate(package_copy), CHECK, PERSONS, 1, None, message_contains="CR")


def test_invalid_utf8_byte(package_copy):
    row = break_cell(package_copy, PERSONS, any_row, "notes", "Marker")
    path = package_copy / PERSONS
    data = path.read_bytes()
    assert data.count(b"Marker") == 1
    path.write_bytes(data.replace(b"Marker", b"Mar\xffker"))
    restamp(package_copy, PERSONS)
    assert_invalid(run_validate(package_copy), CHECK, PERSONS, row, None, message_contains="UTF-8")


@pytest.mark.parametrize("first", ["=", "+", "-", "@"])
def test_cell_starting_like_a_formula(package_copy, first):
    row = break_cell(package_copy, PERSONS, any_row, "notes", f"{first}1+1")
    assert_invalid(run_validate(package_copy), CHECK, PERSONS, row, "notes", message_contains="formula")


@pytest.mark.parametrize("value, words", [
    ("Trailing space ", "whitespace"),
    (" Leading space", "whitespace"),
    ("\tTab first", "U+0009"),
    ("A bell\x07 rings", "U+0007"),
    (unicodedata.normalize("NFD", "Café in Almaty"), "NFC"),
], ids=["trailing-whitespace", "leading-whitespace", "tab-first", "control-char", "nfd"])
def test_bad_text_cell(package_copy, value, words):
    row = break_cell(package_copy, PERSONS, any_row, "notes", value)
    assert_invalid(run_validate(package_copy), CHECK, PERSONS, row, "notes", message_contains=words)


def test_cell_starting_with_a_carriage_return(package_copy):
    """A CR inside a cell only survives quoted: the file is written with every cell quoted."""
    import csv
    import io
    records = read_csv(package_copy, PERSONS)
    records[1][records[0].index("notes")] = "\rCarriage return first"
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(records)
    (package_copy / PERSONS).write_bytes(out.getvalue().encode("utf-8"))
    restamp(package_copy, PERSONS)
    assert_invalid(run_validate(package_copy), CHECK, PERSONS, 2, "notes", message_contains="U+000D")
