"""dist/ as a whole: every export listed is made, the ready-to-read CSV files hold the views, and a failed build
leaves the old dist/ as it was."""

from __future__ import annotations

import csv
import sqlite3

import pytest

from model.loader import Package
from tests.faults import REPO

from . import database, dist


def test_every_export_is_made(dist_folder):
    for export in dist.EXPORTS:
        assert (dist_folder / export.path).exists(), export.path
    assert {p.name for p in dist_folder.iterdir()} == {e.path.rstrip("/") for e in dist.EXPORTS}


def test_ready_to_read_csv_files_hold_the_views(dist_folder):
    with sqlite3.connect(dist_folder / dist.DATABASE) as connection:
        for ready in database.ready_tables(Package(REPO)):
            with (dist_folder / "ready-to-read" / f"{ready.name}.csv").open(encoding="utf-8-sig", newline="") as f:
                header, *records = list(csv.reader(f))
            cursor = connection.execute(f'SELECT * FROM "{ready.name}"')
            assert header == [d[0] for d in cursor.description], ready.name
            stored = cursor.fetchall()
            assert len(records) == len(stored), ready.name
            for record, row in zip(records, stored):
                assert [_as_stored(cell, value) for cell, value in zip(record, row)] == list(row), (ready.name, record)


def _as_stored(cell: str, value: object) -> object:
    """A CSV cell read as the type the database holds there: empty is NULL, a number a number, text text as it is."""
    if cell == "" and value is None:
        return None
    return float(cell) if isinstance(value, (int, float)) else cell


def test_a_failed_build_leaves_the_old_dist(tmp_path, monkeypatch):
    out = tmp_path / "dist"
    out.mkdir()
    (out / "kept.txt").write_text("old", encoding="utf-8")

    def fail(package, folder):
        raise RuntimeError("broken on purpose")

    monkeypatch.setattr(dist, "EXPORTS", [dist.EXPORTS[0], dist.Export("x", "x", fail)])
    with pytest.raises(RuntimeError):
        dist.write(Package(REPO), out)
    assert [p.name for p in tmp_path.iterdir()] == ["dist"]
    assert (out / "kept.txt").read_text(encoding="utf-8") == "old"


def test_an_export_made_beside_the_others_that_fails_fails_the_build(tmp_path, monkeypatch):
    def fail(package, folder):
        raise SystemExit(3)

    monkeypatch.setattr(dist, "EXPORTS", [dist.EXPORTS[0], dist.Export("x", "x", fail, beside=True)])
    with pytest.raises(RuntimeError, match="x could not be made"):
        dist.write(Package(REPO), tmp_path / "dist")
    assert list(tmp_path.iterdir()) == []
