"""What users open, written to dist/ by `python build.py --dist` (git-ignored; a release attaches it), from the
package alone and offline: the one list of it is EXPORTS below. The SQLite database is made first; everything else is
read from it, so that all of them hold the same rows.

dist/
  detentions.db                 SQLite: every table, keys, full-text search, the ready-to-read views
  datasette.json                Datasette metadata: datasette -i dist/detentions.db --metadata dist/datasette.json
  detentions.xlsx               the workbook: README sheet, ready-to-read tables, every table, data dictionary
  ready-to-read/<table>.csv     the ready-to-read tables as CSV (UTF-8 with a byte-order mark, for spreadsheets)
  parquet/<table>.parquet       every table and ready-to-read table, typed
  site/                         the static evidence site (derived/site/)
  README.md                     what each file is, how to cite, how to ask for a correction
"""

from __future__ import annotations

import multiprocessing
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from model.loader import Package

from . import database, datasette_metadata, parquet_files, site, workbook
from .refused import Refused

FOLDER = "dist"
DATABASE = "detentions.db"
DATABASE_NAME = "detentions"


@dataclass(frozen=True)
class Export:
    path: str  # relative to dist/
    what: str  # what it is, for dist/README.md
    make: Callable[[Package, Path], None]  # writes it, given the package and the dist/ folder being made
    # made in a process of its own, started as soon as the database is made, while the others are made (the
    # workbook, the slowest, on the second core)
    beside: bool = False


def about(package: Package) -> list[tuple[str, str]]:
    """(heading, text): what the package is, its version and licence, how to cite it, how to ask for a correction;
    the workbook's README sheet and dist/README.md."""
    descriptor = package.descriptor
    licence = (descriptor.get("licenses") or [{}])[0]
    version = descriptor.get("version", "")
    return [
        ("Title", descriptor.get("title", "")),
        ("Version", f"{version} (created {descriptor.get('created', '')[:10]})"),
        ("What it is", descriptor.get("description", "")),
        (
            "What it is not",
            "A verdict. Every row records what a named source says, with its words; a figure is a claim by someone, "
            "not a count made here. Sources disagree, and both sides are kept.",
        ),
        ("Licence", f"{licence.get('title', licence.get('name', ''))}: {licence.get('path', '')}"),
        (
            "How to cite",
            f"{descriptor.get('title', '')}, version {version}, {licence.get('name', '')}. Cite every fact by the "
            "table and ID of its row and by its original source: each ready-to-read row has a citation column to "
            "paste, which names the source, its archived copy and SHA-256, and the row.",
        ),
        (
            "Corrections and removal",
            'Open an issue titled "Correction:" naming the table, the row ID and the field, with the source passage '
            "that shows the error. To ask for a person's rows to be removed or anonymised, open an issue that says "
            "only that you need a private channel. See the Ethics section of the package's README.md.",
        ),
        (
            "Sheets",
            "The ready-to-read tables come first (names instead of IDs, labels instead of terms, the quote and a "
            "citation); then every table of the package as published; then the data dictionary. Dates are ISO "
            "text (YYYY-MM-DD) so that they sort as they read; a figure's words stay text (value_text) beside its "
            "numeric bounds.",
        ),
    ]


def dictionary_rows(package: Package) -> list[tuple]:
    rows = []
    for ready in database.ready_tables(package):
        for column, text in ready.columns.items():
            rows.append((ready.name, column, "", "", "", text))
    for resource in package.descriptor["resources"]:
        for f in resource["schema"]["fields"]:
            constraints = dict(f.get("constraints", {}))
            required = "yes" if constraints.pop("required", False) else ""
            if "x-pattern" in f:
                constraints["pattern"] = f["x-pattern"]
            text = "; ".join(k if v is True else f"{k} {v}" for k, v in constraints.items())
            rows.append(
                (resource["name"], f["name"], f.get("type", "string"), required, text, f.get("description", ""))
            )
    return rows


def _database(package: Package, out: Path) -> None:
    database.write(package, out / DATABASE)


def _metadata(package: Package, out: Path) -> None:
    (out / "datasette.json").write_bytes(datasette_metadata.render(package, DATABASE_NAME))


def _ready_tables(package: Package, out: Path) -> None:
    (out / "ready-to-read").mkdir()
    (out / "parquet").mkdir(exist_ok=True)
    for ready in database.ready_tables(package):
        parquet_files.write(
            out / DATABASE,
            out / "parquet" / f"{ready.name}.parquet",
            ready.name,
            None,
            also_csv=out / "ready-to-read" / f"{ready.name}.csv",
        )


def _parquet(package: Package, out: Path) -> None:
    (out / "parquet").mkdir(exist_ok=True)
    for resource in package.descriptor["resources"]:
        name = resource["name"]
        parquet_files.write(out / DATABASE, out / "parquet" / f"{name}.parquet", name, resource["schema"]["fields"])


def _workbook(package: Package, out: Path) -> None:
    workbook.write(
        out / DATABASE,
        out / "detentions.xlsx",
        about(package),
        [ready.name for ready in database.ready_tables(package)],
        [resource["name"] for resource in package.descriptor["resources"]],
        dictionary_rows(package),
    )


def _site(package: Package, out: Path) -> None:
    site.write(package, out / DATABASE, out / "site", about(package))


def _readme(package: Package, out: Path) -> None:
    lines = [f"# {package.descriptor.get('title', '')}: files for download", ""]
    for heading, text in about(package):
        lines += [f"**{heading}.** {text}", ""]
    lines += ["| file | what it is |", "| --- | --- |"]
    lines += [f"| `{export.path}` | {export.what} |" for export in EXPORTS]
    lines += ["", "Ready-to-read tables:", ""]
    lines += [f"- `{ready.name}`: {ready.description}" for ready in database.ready_tables(package)]
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


# In the order they are made: the database first, since the others are read from it.
EXPORTS = [
    Export(
        DATABASE,
        "SQLite database: every table with its declared types, keys and foreign keys, NULL for empty cells, "
        "full-text search on quotes and names, and the ready-to-read tables as views",
        _database,
    ),
    Export(
        "datasette.json",
        f"Datasette metadata: `datasette -i {DATABASE} --metadata datasette.json` opens a browser on it (read-only), "
        "with names instead of IDs, facets, search and the users' questions as queries",
        _metadata,
    ),
    Export(
        "detentions.xlsx",
        "the workbook for spreadsheets: a README sheet, the ready-to-read tables, every table, the data dictionary",
        _workbook,
        beside=True,
    ),
    Export(
        "ready-to-read/",
        "the ready-to-read tables as CSV (UTF-8 with a byte-order mark); their Parquet files are made with them",
        _ready_tables,
    ),
    Export("parquet/", "every table and ready-to-read table as Parquet, with its declared types", _parquet),
    Export(
        "site/",
        "the evidence site: open `site/index.html` in a browser, or publish the folder on any static host; every "
        "fact opens on its highlighted passage in the archived source",
        _site,
    ),
    Export("README.md", "this file", _readme),
]


def _make_beside(export: Export, package: Package, folder: Path, refusals: multiprocessing.SimpleQueue) -> None:
    """An export made in a process of its own: a refusal is handed back to be raised where it is awaited."""
    try:
        export.make(package, folder)
    except Refused as refused:
        refusals.put(str(refused))


def _start(
    export: Export, package: Package, folder: Path
) -> tuple[Export, multiprocessing.Process, multiprocessing.SimpleQueue]:
    context = multiprocessing.get_context("fork")
    refusals = context.SimpleQueue()
    process = context.Process(target=_make_beside, args=(export, package, folder, refusals))
    process.start()
    return export, process, refusals


def write(package: Package, out: Path, leave_out: frozenset[str] = frozenset()) -> list[str]:
    """Make every export (but those whose paths are in `leave_out`) in a fresh folder beside `out`, then put it in
    place of `out`: dist/ is either the old one or a whole new one. Returns the paths made. Raises Refused, saying
    where, for input no export may hold (derived/refused.py); nothing is then left of the new folder."""
    building = out.with_name(out.name + ".building")
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    try:
        EXPORTS[0].make(package, building)  # the database, which the others read
        exports = [export for export in EXPORTS[1:] if export.path not in leave_out]
        besides = [_start(export, package, building) for export in exports if export.beside]
        for export in exports:
            if not export.beside:
                export.make(package, building)
        for export, process, refusals in besides:
            process.join()
            if not refusals.empty():
                raise Refused(refusals.get())
            if process.exitcode != 0:
                raise RuntimeError(f"{export.path} could not be made (exit {process.exitcode}; see above)")
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise
    shutil.rmtree(out, ignore_errors=True)
    building.rename(out)
    return [export.path for export in EXPORTS if export.path not in leave_out]
