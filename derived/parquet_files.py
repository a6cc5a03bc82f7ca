"""Parquet files of dist/, one per table, with the declared types (string, int64, double, date32, bool), for
DuckDB, Spark, BigQuery and whoever outgrows one machine; the ready-to-read tables too, typed as SQLite holds them.
Read from the database of dist/ in batches, so a large table is never held whole."""

from __future__ import annotations

import sqlite3
from contextlib import ExitStack
from pathlib import Path

import pyarrow as pa
import pyarrow.csv as pa_csv
import pyarrow.parquet as pq

from .database import quoted
from .refused import no_formula

ARROW_TYPES = {"integer": pa.int64(), "number": pa.float64(), "date": pa.date32(), "boolean": pa.bool_()}
BATCH = 50_000
BOM = "\ufeff".encode()  # so that spreadsheets read the CSV files as UTF-8


def _column(values: list, kind: pa.DataType) -> pa.Array:
    if kind == pa.date32():
        return pa.array(values, pa.string()).cast(pa.date32())
    if kind == pa.bool_():
        return pa.array([None if v is None else bool(v) for v in values], kind)
    return pa.array(values, kind)


def _declared(connection: sqlite3.Connection, name: str) -> list[pa.DataType]:
    """Types of a view's columns as SQLite declares them: a column taken from a table keeps that table's type; one
    computed (a name, a label, a citation) is text."""
    kinds = {"INTEGER": pa.int64(), "REAL": pa.float64()}
    return [kinds.get(row[2].upper(), pa.string()) for row in connection.execute(f"PRAGMA table_info({quoted(name)})")]


def write(database: Path, path: Path, name: str, fields: list[dict] | None, also_csv: Path | None = None) -> None:
    """One table (fields from its schema) or ready-to-read view (fields None) to a Parquet file, and the same rows to
    `also_csv` if given (UTF-8 with a byte-order mark; text quoted, NULL an empty cell): a view is computed again on
    every read, so it is read once for both. The CSV file is for spreadsheets: a text cell that one would run as a
    formula is refused (derived/refused.py), never written."""
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        cursor = connection.execute(f"SELECT * FROM {quoted(name)}")
        columns = [d[0] for d in cursor.description]
        if fields is None:
            kinds = _declared(connection, name)
            descriptions = {}
        else:
            kinds = [ARROW_TYPES.get(f.get("type"), pa.string()) for f in fields]
            descriptions = {f["name"]: f.get("description", "") for f in fields}
        schema = pa.schema(
            [
                pa.field(c, k, metadata={"description": descriptions[c]} if descriptions.get(c) else None)
                for c, k in zip(columns, kinds)
            ]
        )
        with ExitStack() as files:
            writer = files.enter_context(pq.ParquetWriter(path, schema, compression="zstd"))
            copy = None
            if also_csv is not None:
                handle = files.enter_context(also_csv.open("wb"))
                handle.write(BOM)
                copy = files.enter_context(pa_csv.CSVWriter(handle, schema))
            done = 0
            while batch := cursor.fetchmany(BATCH):
                if copy is not None:
                    for number, row in enumerate(batch, start=done + 2):  # the header is row 1
                        for column, value in zip(columns, row):
                            no_formula(value, f"{also_csv.name}, row {number}, column {column}")
                done += len(batch)
                arrays = [_column([row[i] for row in batch], kind) for i, kind in enumerate(kinds)]
                table = pa.Table.from_arrays(arrays, schema=schema)
                writer.write_table(table)
                if copy is not None:
                    copy.write_table(table)
    finally:
        connection.close()
