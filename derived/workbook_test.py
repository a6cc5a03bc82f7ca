"""The workbook of dist/: its sheets in order, every cell of every table as in the CSV files (text as text, numbers as
numbers), and nothing turned into a formula, a date or a number."""

from __future__ import annotations

import json
import sqlite3

import pytest
from openpyxl import load_workbook

from model.loader import Package
from tests.faults import REPO, rows

from . import database, workbook

DESCRIPTOR = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def book(dist_folder):
    return load_workbook(dist_folder / "detentions.xlsx")


def test_sheets_readme_then_ready_to_read_then_every_table_then_the_dictionary(book):
    ready = [r.name for r in database.ready_tables(Package(REPO))]
    assert book.sheetnames == ["README", *ready, *(r["name"] for r in DESCRIPTOR["resources"]), "data_dictionary"]
    readme = {row[0]: row[1] for row in book["README"].iter_rows(values_only=True)}
    assert DESCRIPTOR["version"] in readme["Version"]
    assert {"Title", "Licence", "How to cite", "Corrections and removal"} <= set(readme)


def test_every_cell_of_every_table_as_in_its_csv(book):
    for resource in DESCRIPTOR["resources"]:
        sheet = book[resource["name"]]
        assert sheet.freeze_panes == "A2"
        kinds = {f["name"]: f["type"] for f in resource["schema"]["fields"]}
        cells = list(sheet.iter_rows())
        header = [c.value for c in cells[0]]
        assert header == [f["name"] for f in resource["schema"]["fields"]]
        expected = rows(REPO, resource["path"])
        assert len(cells) - 1 == len(expected), resource["name"]
        for line, (_, record) in zip(cells[1:], expected):
            for cell, name in zip(line, header):
                text, where = record[name], (resource["name"], cell.coordinate, record[name])
                if text == "":
                    assert cell.value is None, where
                elif kinds[name] in ("integer", "number"):
                    assert cell.data_type == "n" and cell.value == float(text), where
                elif kinds[name] == "boolean":  # as the database holds it: 1 or 0
                    assert cell.data_type == "n" and cell.value == {"true": 1, "false": 0}[text], where
                else:
                    assert cell.data_type == "s" and cell.value == text, where


def test_ready_to_read_sheets_hold_the_views(book, dist_folder):
    with sqlite3.connect(dist_folder / "detentions.db") as connection:
        for ready in database.ready_tables(Package(REPO)):
            stored = connection.execute(f'SELECT * FROM "{ready.name}"').fetchall()
            sheet = list(book[ready.name].iter_rows(values_only=True))
            assert len(sheet) - 1 == len(stored), ready.name
            assert sheet[1:] == [tuple(v for v in row) for row in stored], ready.name


def test_text_that_looks_like_a_formula_a_date_or_a_number_stays_text(tmp_path):
    database_path = tmp_path / "tricky.db"
    tricky = ["=1+1", "December 19", "25,000", "0042", "2018-05", "+7 701", "@SUM(A1)", "TRUE", "1e5"]
    with sqlite3.connect(database_path) as connection:
        connection.execute("CREATE TABLE tricky (value TEXT, number REAL)")
        connection.executemany("INSERT INTO tricky VALUES (?, ?)", [(text, 1.5) for text in tricky])
    workbook.write(database_path, tmp_path / "tricky.xlsx", [("Title", "t")], [], ["tricky"], [])
    sheet = load_workbook(tmp_path / "tricky.xlsx")["tricky"]
    values = list(sheet.iter_rows(min_row=2))
    assert [(c.value, c.data_type) for c, _ in values] == [(text, "s") for text in tricky]
    assert {(n.value, n.data_type) for _, n in values} == {(1.5, "n")}


def test_a_table_longer_than_a_sheet_is_refused_by_name(tmp_path):
    database_path = tmp_path / "long.db"
    with sqlite3.connect(database_path) as connection:
        connection.execute("CREATE TABLE long (value TEXT)")
        connection.executemany("INSERT INTO long VALUES (?)", [(str(n),) for n in range(5)])
    with pytest.raises(workbook.TooManyRows, match="long has more than 4 rows"):
        workbook.write(database_path, tmp_path / "long.xlsx", [("Title", "t")], [], ["long"], [], rows_per_sheet=4)


def test_an_empty_table_keeps_its_header(tmp_path):
    database_path = tmp_path / "empty.db"
    with sqlite3.connect(database_path) as connection:
        connection.execute("CREATE TABLE empty (a TEXT, b REAL)")
    workbook.write(database_path, tmp_path / "empty.xlsx", [("Title", "t")], [], ["empty"], [])
    assert list(load_workbook(tmp_path / "empty.xlsx")["empty"].iter_rows(values_only=True)) == [("a", "b")]
