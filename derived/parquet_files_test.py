"""The Parquet files of dist/: one per table with its declared types and every row, and one per ready-to-read table."""

from __future__ import annotations

import datetime
import json

import pyarrow as pa
import pyarrow.parquet as pq

from model.loader import Package
from tests.faults import REPO, rows

from . import database

DESCRIPTOR = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
TYPES = {
    "string": pa.string(),
    "integer": pa.int64(),
    "number": pa.float64(),
    "date": pa.date32(),
    "boolean": pa.bool_(),
}
READ = {"string": str, "integer": int, "number": float, "date": datetime.date.fromisoformat, "boolean": "true".__eq__}


def test_every_table_with_its_declared_types_and_rows(dist_folder):
    for resource in DESCRIPTOR["resources"]:
        table = pq.read_table(dist_folder / "parquet" / f"{resource['name']}.parquet")
        fields = resource["schema"]["fields"]
        assert [(f.name, f.type) for f in table.schema] == [(f["name"], TYPES[f["type"]]) for f in fields]
        expected = [
            {f["name"]: READ[f["type"]](r[f["name"]]) if r[f["name"]] else None for f in fields}
            for _, r in rows(REPO, resource["path"])
        ]
        assert table.to_pylist() == expected, resource["name"]


def test_every_ready_to_read_table(dist_folder):
    for ready in database.ready_tables(Package(REPO)):
        table = pq.read_table(dist_folder / "parquet" / f"{ready.name}.parquet")
        assert table.num_rows > 0 and set(ready.columns) <= set(table.column_names), ready.name
