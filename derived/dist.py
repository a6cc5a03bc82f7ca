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
  sources/<id>.txt, <id>.yaml   every archived source text and its metadata, where a citation names it; SHA256SUMS
  case-files/<person>.docx, .csv  each person's case file, as on their page, in Word and as CSV
  README.md                     what each file is, how to cite, how to ask for a correction
"""

from __future__ import annotations

import hashlib
import multiprocessing
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from model.loader import SOURCES_DIR, Package, unsafe_reason

from . import case_files, database, datasette_metadata, parquet_files, site, workbook
from .refused import Refused

FOLDER = "dist"
DATABASE = "detentions.db"
DATABASE_NAME = "detentions"
CHECKSUMS = "SHA256SUMS"  # in dist/sources/: the SHA-256 of every archived text, as sha256sum writes it
_SOURCE_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # the pattern of sources.source_id


@dataclass(frozen=True)
class Export:
    path: str  # relative to dist/
    what: str  # what it is, for dist/README.md
    make: Callable[[Package, Path], None]  # writes it, given the package and the dist/ folder being made
    # made in a process of its own, started as soon as the database is made, while the others are made (the
    # workbook, the slowest, on the second core)
    beside: bool = False
    # the files it makes, as (path relative to dist/, what it is in plain words), for a folder each file of it; None:
    # the one file (path, what)
    files: Callable[[Package], list[tuple[str, str]]] | None = None

    def made(self, package: Package) -> list[tuple[str, str]]:
        """(path relative to dist/, what it is) of every file this export makes."""
        return self.files(package) if self.files else [(self.path, self.what)]


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
            "Checking a source",
            f"Every archived source is in the folder {SOURCES_DIR}/ of the download (the dist/ folder, beside its "
            f"README.md), at the path the citation names ({SOURCES_DIR}/<source>.txt), with its metadata "
            f"({SOURCES_DIR}/<source>.yaml). The citation also gives the file's SHA-256, a fingerprint that changes "
            "if a single byte of the file does. To check a file, open a terminal in the folder of the download and "
            "run one command: on Windows (PowerShell) "
            f"`Get-FileHash {SOURCES_DIR}\\<source>.txt -Algorithm SHA256`; on macOS "
            f"`shasum -a 256 {SOURCES_DIR}/<source>.txt`; on Linux `sha256sum {SOURCES_DIR}/<source>.txt`. The "
            "result must equal the SHA-256 the citation gives (Windows prints it in capital letters; it is the same "
            "value); if it differs, the file is not the one cited. To check every source at once, run "
            f"`sha256sum -c {CHECKSUMS}` (macOS: `shasum -a 256 -c {CHECKSUMS}`) inside {SOURCES_DIR}/: it prints "
            "OK for each file that matches.",
        ),
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
            "text (YYYY-MM-DD) so that they sort as they read; a figure's words stay text beside its "
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


def _ready_files(package: Package) -> list[tuple[str, str]]:
    ready_tables = database.ready_tables(package)
    return [
        (f"ready-to-read/{ready.name}.csv", f"{ready.title}: a ready-to-read table, as CSV") for ready in ready_tables
    ] + [
        (f"parquet/{ready.name}.parquet", f"{ready.title}: a ready-to-read table, as Parquet") for ready in ready_tables
    ]


def _parquet_files(package: Package) -> list[tuple[str, str]]:
    return [
        (
            f"parquet/{resource['name']}.parquet",
            f"{resource.get('title') or resource['name']}: a table of the package as published, as Parquet, with "
            "its declared types",
        )
        for resource in package.descriptor["resources"]
    ]


def _source_rows(package: Package) -> list[tuple[str, dict[str, str]]]:
    """(where, row) of every row of the sources table, `where` naming its file and record for a refusal."""
    table = package.model.sources
    if table is None:
        raise Refused("the package has no sources table: the archived sources cannot be copied to dist/sources/")
    rel = next(r.get("path", r["name"]) for r in package.descriptor["resources"] if r["name"] == table.name)
    return [(f"{rel}, row {number}", row) for number, row in package.rows(table.name)]


def _read_source_file(package: Package, rel: str, where: str, code: str) -> bytes:
    """The bytes of a file of the package that a row of the sources table names; Refused if it is unsafe to open or
    missing (`code`: the problem python validate.py reports for it)."""
    reason = unsafe_reason(package.root, rel)
    if reason:
        raise Refused(f"{rel} ({where}) was not copied to dist/: {reason}")
    path = package.root / rel
    if not path.is_file():
        raise Refused(f"{rel} ({where}) is missing: it was not copied to dist/ (python validate.py: {code})")
    return path.read_bytes()


def _sources(package: Package, out: Path) -> None:
    """Each source's archived text and YAML metadata, byte for byte, at the path a citation names relative to dist/,
    each text first checked against the SHA-256 the sources table records; and SHA256SUMS, as sha256sum writes it."""
    folder = out / SOURCES_DIR
    folder.mkdir()
    sums = []
    for where, row in _source_rows(package):
        source_id, rel, recorded = row.get("source_id", ""), row.get("path", ""), row.get("sha256", "")
        if not _SOURCE_ID.fullmatch(source_id) or rel != f"{SOURCES_DIR}/{source_id}.txt":
            raise Refused(
                f"{where}: the source {source_id!r} is archived as {rel!r}, not as {SOURCES_DIR}/<source_id>.txt with "
                "a source_id of lower-case letters, digits and hyphens; dist/sources/ was not made"
            )
        text = _read_source_file(package, rel, where, "text-missing")
        digest = hashlib.sha256(text).hexdigest()
        if digest != recorded:
            raise Refused(
                f"{rel} has the SHA-256 {digest}, not the {recorded!r} that {where} records: it is not the file the "
                "citations name, and was not copied to dist/ (python validate.py: text-hash-mismatch)"
            )
        meta_rel = f"{SOURCES_DIR}/{source_id}.yaml"
        meta = _read_source_file(package, meta_rel, where, "text-without-metadata")
        (folder / f"{source_id}.txt").write_bytes(text)
        (folder / f"{source_id}.yaml").write_bytes(meta)
        sums.append(f"{digest}  {source_id}.txt\n")
    (folder / CHECKSUMS).write_bytes("".join(sums).encode("ascii"))


def _source_files(package: Package) -> list[tuple[str, str]]:
    found = []
    for _, row in _source_rows(package):
        source_id = row.get("source_id", "")
        named = f"“{row.get('title', '')}”, {row.get('publisher') or 'publisher not named'}"
        found.append(
            (
                f"{SOURCES_DIR}/{source_id}.txt",
                f"the archived text of the source {source_id} ({named}), byte for byte; its SHA-256 is "
                f"{row.get('sha256', '')}",
            )
        )
        found.append(
            (
                f"{SOURCES_DIR}/{source_id}.yaml",
                f"the metadata of the source {source_id}: title, publisher, date, address, how it was captured, "
                "rights and notes (YAML)",
            )
        )
    found.append(
        (
            f"{SOURCES_DIR}/{CHECKSUMS}",
            f"the SHA-256 of every archived source text: `sha256sum -c {CHECKSUMS}` (macOS: `shasum -a 256 -c "
            f"{CHECKSUMS}`) in {SOURCES_DIR}/ checks them all",
        )
    )
    return found


def _site(package: Package, out: Path) -> None:
    site.write(package, out / DATABASE, out / "site", about(package), files(package), case_files.links(package))


def _case_files(package: Package, out: Path) -> None:
    case_files.write(package, out / DATABASE, out / case_files.FOLDER)


def _readme(package: Package, out: Path) -> None:
    lines = [f"# {package.descriptor.get('title', '')}: files for download", ""]
    for heading, text in about(package):
        lines += [f"**{heading}.** {text}", ""]
    lines += ["| file | what it is |", "| --- | --- |"]
    lines += [f"| `{export.path}` | {export.what} |" for export in EXPORTS]
    lines += ["", "Ready-to-read tables:", ""]
    lines += [f"- `{ready.name}`: {ready.description}" for ready in database.ready_tables(package)]
    (out / "README.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


_SITE = (
    "the evidence site: open `site/index.html` in a browser, or publish the folder on any static host; every fact "
    "opens on its highlighted passage in the archived source"
)

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
        files=_ready_files,
    ),
    Export(
        "parquet/",
        "every table and ready-to-read table as Parquet, with its declared types",
        _parquet,
        files=_parquet_files,
    ),
    Export(
        "site/",
        _SITE,
        _site,
        files=lambda package: [("site/index.html", _SITE)],
    ),
    Export(
        f"{SOURCES_DIR}/",
        f"every archived source text (`{SOURCES_DIR}/<source>.txt`, the path a citation names) and its metadata "
        f"(`{SOURCES_DIR}/<source>.yaml`), byte for byte, and `{SOURCES_DIR}/{CHECKSUMS}`: "
        f"`sha256sum -c {CHECKSUMS}` in `{SOURCES_DIR}/` checks every text against its SHA-256",
        _sources,
        files=_source_files,
    ),
    Export(
        f"{case_files.FOLDER}/",
        "each person's case file, as a Word document and as CSV: the case sheet, who they are, what the sources say "
        "in date order, each with its quote and a numbered note naming its source",
        _case_files,
        beside=True,
        files=case_files.files,
    ),
    Export(
        "README.md",
        "this file",
        _readme,
        files=lambda package: [
            ("README.md", "what each file is, how to cite, how to check a source, how to ask for a correction")
        ],
    ),
]


def files(package: Package) -> list[tuple[str, str]]:
    """(path relative to dist/, what it is in plain words) of every file of dist/ but those inside site/, which is
    one entry, site/index.html; in the order of EXPORTS."""
    return [made for export in EXPORTS for made in export.made(package)]


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
        for _, process, _ in locals().get("besides", []):
            process.terminate()
            process.join()
        shutil.rmtree(building, ignore_errors=True)
        raise
    shutil.rmtree(out, ignore_errors=True)
    building.rename(out)
    return [export.path for export in EXPORTS if export.path not in leave_out]
