"""Check "text_hygiene": every CSV file is UTF-8 without BOM with LF line endings, and every text cell is NFC,
trimmed, free of control characters, and does not start with =, +, -, @ (a spreadsheet would run it as a formula)."""

from __future__ import annotations

import csv
import unicodedata

import pytest

from tests.faults import assert_invalid, break_cell, check, read_csv, restamp, write_csv

from .text_hygiene import TextHygiene

PERSONS = "data/persons.csv"


def any_row(row: dict) -> bool:  # break_cell then takes the first row
    return True


def test_byte_order_mark(package_copy):
    path = package_copy / PERSONS
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, TextHygiene), "file-bom", PERSONS, 1, None)


def test_crlf_line_endings(package_copy):
    path = package_copy / PERSONS
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, TextHygiene), "file-crlf", PERSONS, 1, None)


def test_invalid_utf8_byte(package_copy):
    row = break_cell(package_copy, PERSONS, any_row, "notes", "Marker")
    path = package_copy / PERSONS
    data = path.read_bytes()
    assert data.count(b"Marker") == 1
    path.write_bytes(data.replace(b"Marker", b"Mar\xffker"))
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, TextHygiene), "file-not-utf8", PERSONS, row, None)


@pytest.mark.parametrize("first", ["=", "+", "-", "@"])
def test_cell_starting_like_a_formula(package_copy, first):
    row = break_cell(package_copy, PERSONS, any_row, "notes", f"{first}1+1")
    assert_invalid(check(package_copy, TextHygiene), "cell-formula-start", PERSONS, row, "notes")


@pytest.mark.parametrize(
    "value, code",
    [
        ("Trailing space ", "cell-untrimmed"),
        (" Leading space", "cell-untrimmed"),
        ("\tTab first", "cell-control-character"),
        ("A bell\x07 rings", "cell-control-character"),
        (unicodedata.normalize("NFD", "Café in Almaty"), "cell-not-nfc"),
    ],
    ids=["trailing-whitespace", "leading-whitespace", "tab-first", "control-char", "nfd"],
)
def test_bad_text_cell(package_copy, value, code):
    row = break_cell(package_copy, PERSONS, any_row, "notes", value)
    assert_invalid(check(package_copy, TextHygiene), code, PERSONS, row, "notes")


def test_cell_starting_with_a_carriage_return(package_copy):
    """A CR inside a cell only survives quoted: the file is written with every cell quoted."""
    records = read_csv(package_copy, PERSONS)
    records[1][records[0].index("notes")] = "\rCarriage return first"
    write_csv(package_copy, PERSONS, records, quoting=csv.QUOTE_ALL)
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, TextHygiene), "cell-control-character", PERSONS, 2, "notes")


def test_header_cell_with_trailing_space(package_copy):
    records = read_csv(package_copy, PERSONS)
    records[0][-1] += " "
    write_csv(package_copy, PERSONS, records)
    restamp(package_copy, PERSONS)
    assert_invalid(check(package_copy, TextHygiene), "cell-untrimmed", PERSONS, 1, records[0][-1])


@pytest.mark.parametrize(
    "value, named",
    [
        ("held \u061c2017-2019", "U+061C ARABIC LETTER MARK"),
        ("Zero\u200bwidth", "U+200B ZERO WIDTH SPACE"),
        ("Word\u2060joiner", "U+2060 WORD JOINER"),
        ("Soft\u00adhyphen", "U+00AD SOFT HYPHEN"),
        ("\u3164", "U+3164 HANGUL FILLER"),
        ("Tag\U000e0041", "U+E0041 TAG LATIN CAPITAL LETTER A"),
        ("Joined\u200dby", "U+200D ZERO WIDTH JOINER"),
        ("Selector\ufe0f", "U+FE0F VARIATION SELECTOR-16"),
    ],
    ids=["arabic-letter-mark", "zero-width-space", "word-joiner", "soft-hyphen", "hangul-filler", "tag", "zwj", "vs16"],
)
def test_a_character_that_renders_as_nothing_is_named(package_copy, value, named):
    row = break_cell(package_copy, PERSONS, any_row, "name", value)
    problem = assert_invalid(check(package_copy, TextHygiene), "cell-invisible-character", PERSONS, row, "name")
    assert named in problem["message"]


def test_a_cell_longer_than_a_spreadsheet_cell(package_copy):
    row = break_cell(package_copy, PERSONS, any_row, "notes", "a " * 16_384)  # 32,768 characters, less the space
    assert_invalid(check(package_copy, TextHygiene), "cell-too-long", PERSONS, row, "notes")
