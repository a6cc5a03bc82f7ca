"""The .xlsx workbook of dist/, for spreadsheet users: a README sheet, the ready-to-read tables, every table of the
package, and the data dictionary. Text is stored as text (never a formula, a date or a number, whatever it looks
like), numbers as numbers, ISO dates as text (they sort as they read); header rows are frozen, columns sized, quotes
wrapped. Written row by row (XlsxWriter's constant-memory mode), so a large package is never held whole."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

import xlsxwriter

from .database import quoted

SAMPLE = 200  # rows read to size the columns
WIDE = ("quote", "quote_a", "quote_b", "citation", "notes", "summary", "description", "definition", "says")


def _width(header: str, values: Iterable[object]) -> float:
    if header in WIDE:
        return 70
    longest = max([len(header), *(len(str(v)) for v in values if v is not None)])
    return min(max(longest + 2, 8), 45)


def _sheet(book: xlsxwriter.Workbook, name: str, header: list[str], rows: Iterator[tuple], formats: dict) -> None:
    sheet = book.add_worksheet(name)
    first = list(islice(rows, SAMPLE))
    for column, title in enumerate(header):
        sample = (row[column] for row in first)
        wrap = formats["wrap"] if title in WIDE else None
        sheet.set_column(column, column, _width(title, sample), wrap)
    sheet.freeze_panes(1, 0)
    for column, title in enumerate(header):
        sheet.write_string(0, column, title, formats["header"])
    number = 0
    for number, row in enumerate(chain(first, rows), start=1):
        for column, value in enumerate(row):
            if value is None:
                continue
            if isinstance(value, (int, float)) and not isinstance(value, bool):
                sheet.write_number(number, column, value)
            else:
                sheet.write_string(number, column, str(value))
    sheet.autofilter(0, 0, number, len(header) - 1)


def _query(connection: sqlite3.Connection, sql: str) -> tuple[list[str], Iterator[tuple]]:
    cursor = connection.execute(sql)
    return [d[0] for d in cursor.description], iter(cursor)


def write(
    database: Path,
    path: Path,
    about: list[tuple[str, str]],
    ready: list[str],
    tables: list[str],
    dictionary: list[tuple],
) -> None:
    """Write the workbook: `about` as the README sheet's (heading, text) rows, then the ready-to-read tables and the
    package's tables as read from the database, then the data dictionary's rows (table, field, type, required,
    constraints, description)."""
    book = xlsxwriter.Workbook(
        str(path),
        {
            "constant_memory": True,
            "strings_to_numbers": False,
            "strings_to_formulas": False,
            "strings_to_urls": False,
        },
    )
    formats = {"header": book.add_format({"bold": True}), "wrap": book.add_format({"text_wrap": True})}
    try:
        readme = book.add_worksheet("README")
        readme.set_column(0, 0, 24, formats["header"])
        readme.set_column(1, 1, 110, formats["wrap"])
        for number, (heading, text) in enumerate(about):
            readme.write_string(number, 0, heading, formats["header"])
            readme.write_string(number, 1, text, formats["wrap"])
        connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
        try:
            for name in [*ready, *tables]:
                header, rows = _query(connection, f"SELECT * FROM {quoted(name)}")
                _sheet(book, name, header, rows, formats)
        finally:
            connection.close()
        header = ["table", "field", "type", "required", "constraints", "description"]
        _sheet(book, "data_dictionary", header, iter(dictionary), formats)
    finally:
        book.close()
