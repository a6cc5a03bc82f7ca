"""dist/ as a whole: every export listed is made, dist.files() lists every file made, the ready-to-read CSV files hold
the views, every source a citation names is in dist/ with the SHA-256 it gives, and a failed build leaves the old
dist/ as it was."""

from __future__ import annotations

import csv
import hashlib
import re
import shutil
import sqlite3
import subprocess

import pytest

from model.loader import Package
from tests.faults import REPO, copy_package, rows

from . import database, dist
from .refused import Refused


def test_every_export_is_made(dist_folder):
    for export in dist.EXPORTS:
        assert (dist_folder / export.path).exists(), export.path
    assert {p.name for p in dist_folder.iterdir()} == {e.path.rstrip("/") for e in dist.EXPORTS}


def test_dist_files_lists_every_file_made_outside_the_site(dist_folder):
    listed = dist.files(Package(dist_folder.parent))
    paths = [path for path, _ in listed]
    assert len(paths) == len(set(paths)) and all(what.strip() for _, what in listed), listed
    made = {p.relative_to(dist_folder).as_posix() for p in dist_folder.rglob("*") if p.is_file()}
    assert set(paths) - {"site/index.html"} == {path for path in made if not path.startswith("site/")}
    assert "site/index.html" in made and "site/index.html" in paths


def test_every_source_a_citation_names_is_in_dist_with_its_sha256(dist_folder):
    package = dist_folder.parent
    sources = [row for _, row in rows(package, "data/sources.csv")]
    assert sources
    for row in sources:
        for name in (row["path"], f"sources/{row['source_id']}.yaml"):
            assert (dist_folder / name).read_bytes() == (package / name).read_bytes(), name
    with sqlite3.connect(dist_folder / dist.DATABASE) as connection:
        citations = [cited for (cited,) in connection.execute("SELECT citation FROM testimonies_read")]
    named = {m.groups() for cited in citations for m in re.finditer(r"Archived as (\S+) \(SHA-256 (\w+)\)", cited)}
    assert named and {path for path, _ in named} <= {row["path"] for row in sources}
    for path, digest in named:
        assert hashlib.sha256((dist_folder / path).read_bytes()).hexdigest() == digest, path


def test_sha256sums_checks_every_archived_text(dist_folder):
    folder = dist_folder / "sources"
    lines = (folder / dist.CHECKSUMS).read_bytes().decode("ascii").splitlines(keepends=True)
    assert sorted(lines) == sorted(
        f"{hashlib.sha256(p.read_bytes()).hexdigest()}  {p.name}\n" for p in folder.glob("*.txt")
    )
    if shutil.which("sha256sum"):  # coreutils, as a Linux user checks them
        done = subprocess.run(["sha256sum", "-c", dist.CHECKSUMS], cwd=folder, capture_output=True, text=True)
        assert done.returncode == 0 and done.stdout.count(": OK\n") == len(lines), done.stdout + done.stderr


def test_the_readme_lists_the_sources_and_says_how_to_check_one(dist_folder):
    readme = (dist_folder / "README.md").read_text(encoding="utf-8")
    assert "| `sources/` |" in readme and "**Checking a source.**" in readme
    text = dict(dist.about(Package(REPO)))["Checking a source"]
    for command in (
        "Get-FileHash sources\\<source>.txt -Algorithm SHA256",
        "shasum -a 256 sources/<source>.txt",
        "sha256sum sources/<source>.txt",
        "sha256sum -c SHA256SUMS",
    ):
        assert command in text, command


@pytest.mark.parametrize("fault", ["edited", "missing"])
def test_the_sources_export_refuses_a_text_that_is_not_the_one_recorded(tmp_path, fault):
    package = copy_package(tmp_path / "pkg")
    _, row = next(iter(rows(package, "data/sources.csv")))
    text = package / row["path"]
    if fault == "edited":
        text.write_bytes(text.read_bytes() + b" ")
    else:
        text.unlink()
    export = next(export for export in dist.EXPORTS if export.path == "sources/")
    (tmp_path / "dist").mkdir()
    with pytest.raises(Refused, match=re.escape(row["path"])):
        export.make(Package(package), tmp_path / "dist")
    assert not (tmp_path / "dist" / row["path"]).exists()


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
