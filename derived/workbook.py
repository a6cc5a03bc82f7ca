"""The .xlsx workbook of dist/, for spreadsheet users: a README sheet, the ready-to-read tables, every table of the
package, and the data dictionary. Text is stored as text (never a formula, a date or a number, whatever it looks
like), numbers as numbers, ISO dates as text (they sort as they read); header rows are frozen and filtered, columns
sized, long text wrapped.

Written by rustpy-xlsxwriter, whose XML and compression run in Rust: XlsxWriter, in Python, wrote about 110,000 cells
a second, and a workbook of the 1000x benchmark package holds over eleven million. Rows stream from the database
into the file (its constant-memory mode), so a large package is never held whole. A cell's type follows its value:
a Python str is written as text, an int or float as a number, None as an empty cell."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from itertools import chain, islice
from pathlib import Path

import pyarrow as pa
from rustpy_xlsxwriter import Format, write_worksheets

from model.text import TEXT_MAX_CHARACTERS

from .database import quoted
from .refused import Refused

SAMPLE = 200  # rows read to size the columns
WIDE = ("quote", "quote_a", "quote_b", "citation", "notes", "summary", "description", "definition", "says")
ROWS_PER_SHEET = 1_048_575  # what a worksheet holds below its header row


class TooManyRows(Refused):
    pass


def _width(header: str, values: Iterable[object]) -> float:
    if header in WIDE:
        return 70
    longest = max([len(header), *(len(str(v)) for v in values if v is not None)])
    return min(max(longest + 2, 8), 45)


def _records(name: str, header: list[str], rows: Iterator[tuple], limit: int) -> Iterator[dict]:
    for number, row in enumerate(rows, start=1):
        if number > limit:
            raise TooManyRows(
                f"{name} has more than {limit:,} rows, more than a worksheet holds: the workbook cannot show it whole "
                "(the database, the CSV and the Parquet files do)"
            )
        if any(isinstance(value, str) and len(value) > TEXT_MAX_CHARACTERS for value in row):
            column = next(h for h, v in zip(header, row) if isinstance(v, str) and len(v) > TEXT_MAX_CHARACTERS)
            raise Refused(
                f"{name}, row {number + 1}, column {column} holds more than the {TEXT_MAX_CHARACTERS:,} characters a "
                "spreadsheet cell holds; the workbook was not written rather than cut it (python validate.py refuses "
                "such a cell: cell-too-long)"
            )
        yield dict(zip(header, row))


class _Sheets:
    """The sheets in order, with each sheet's column widths and wrapped columns."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.entries: list[tuple[str, object]] = []
        self.widths: dict[str, dict[str, float]] = {}
        self.formats: dict[str, dict[str, Format]] = {}

    def add(self, name: str, header: list[str], rows: Iterator[tuple]) -> None:
        first = list(islice(rows, SAMPLE))
        self.widths[name] = {title: _width(title, (row[i] for row in first)) for i, title in enumerate(header)}
        self.formats[name] = {title: Format().set_text_wrap() for title in header if title in WIDE}
        if first:
            self.entries.append((name, _records(name, header, chain(first, rows), self.limit)))
        else:  # an empty table still shows its header
            self.entries.append((name, pa.table({title: pa.array([], pa.string()) for title in header})))


def write(
    database: Path,
    path: Path,
    about: list[tuple[str, str]],
    ready: list[str],
    tables: list[str],
    dictionary: list[tuple],
    rows_per_sheet: int = ROWS_PER_SHEET,
) -> None:
    """Write the workbook: `about` as the README sheet's (heading, text) rows, then the ready-to-read tables and the
    package's tables as read from the database, then the data dictionary's rows (table, field, type, required,
    constraints, description). Raises TooManyRows, naming the table, where one is longer than a sheet."""
    sheets = _Sheets(rows_per_sheet)
    # The README sheet's first (heading, text) pair is its header row, bold like every other sheet's.
    (heading, text), *rest = about
    sheets.add("README", [heading, text], iter(rest))
    sheets.widths["README"] = {heading: 24, text: 110}
    sheets.formats["README"] = {text: Format().set_text_wrap()}
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        for name in [*ready, *tables]:
            cursor = connection.execute(f"SELECT * FROM {quoted(name)}")
            sheets.add(name, [d[0] for d in cursor.description], iter(cursor))
        header = ["table", "field", "type", "required", "constraints", "description"]
        sheets.add("data_dictionary", header, iter(dictionary))
        data = [name for name, _ in sheets.entries if name != "README"]
        write_worksheets(
            sheets.entries,
            str(path),
            bold_headers=True,
            freeze_panes={name: {"row": 1, "col": 0} for name in data},
            autofilter={name: True for name in data},
            column_widths=sheets.widths,
            column_formats=sheets.formats,
        )
    finally:
        connection.close()
