"""Loads a data package from a folder once, for all the checks: the descriptor, its CSV tables and the source texts.

Nothing here judges the data, except what makes a file unreadable or unsafe to open; those become problems of
the check "package" and the file is left out, so that the other checks run on what could be read.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from .problems import CannotRun, Problem
from .text import squash

DESCRIPTOR = "datapackage.json"
SOURCES_DIR = "sources"
# Fields holding EDTF values, and the ISO bound columns that go with them: (edtf start, edtf end, earliest, latest).
DATE_GROUPS = [
    ("date", None, "date_earliest", "date_latest"),
    ("date_start", "date_end", "date_earliest", "date_latest"),
    ("published", None, "published_earliest", "published_latest"),
]
csv.field_size_limit(2**31 - 1)  # a huge cell is a problem to report, not a crash


@dataclass
class Table:
    name: str
    path: str                      # relative to the package root, as in the descriptor
    fields: list[dict]             # schema fields (possibly empty when the schema is broken)
    raw: bytes = b""
    header: list[str] = field(default_factory=list)
    rows: list[dict] = field(default_factory=list)   # one dict per record, keyed by header names
    row_numbers: list[int] = field(default_factory=list)

    @property
    def field_names(self) -> list[str]:
        return [f.get("name") for f in self.fields if isinstance(f, dict)]

    def field_type(self, name: str) -> str:
        for f in self.fields:
            if isinstance(f, dict) and f.get("name") == name:
                return f.get("type", "string")
        return "string"

    def records(self):
        """(row number, record) pairs; the header is row 1."""
        return zip(self.row_numbers, self.rows)


def unsafe_reason(root: Path, rel: object) -> str | None:
    """Why a resource path may not be opened, or None. Checked before anything is read."""
    if not isinstance(rel, str) or not rel:
        return "the path is not a non-empty string"
    if "://" in rel or rel.startswith(("http:", "https:", "ftp:", "file:")):
        return "the path is a URL; the package must hold its files"
    if rel.startswith(("/", "\\")) or (len(rel) > 1 and rel[1] == ":"):
        return "the path is absolute"
    parts = rel.replace("\\", "/").split("/")
    if ".." in parts:
        return "the path contains '..'"
    if any(p.startswith(".") for p in parts):
        return "the path points into a hidden file or folder"
    try:
        resolved = (root / rel).resolve()
        resolved.relative_to(root.resolve())
    except (ValueError, OSError):
        return "the path leads outside the package (through a link)"
    return None


class Package:
    def __init__(self, root: Path):
        self.root = Path(root)
        if not self.root.is_dir():
            raise CannotRun(f"{self.root} is not a folder")
        path = self.root / DESCRIPTOR
        if not path.is_file():
            raise CannotRun(f"no {DESCRIPTOR} in {self.root}")
        try:
            raw = path.read_bytes()
        except OSError as err:
            raise CannotRun(f"cannot read {path}: {err.strerror}") from None
        self.problems: list[Problem] = []
        self.descriptor: dict | None = None
        try:
            descriptor = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as err:
            self._problem(DESCRIPTOR, None, None, f"the descriptor is not valid JSON ({err})",
                          "restore datapackage.json from git or repair the JSON syntax")
            descriptor = None
        if descriptor is not None and not (isinstance(descriptor, dict) and isinstance(descriptor.get("resources"), list)):
            self._problem(DESCRIPTOR, None, "resources", "the descriptor has no list of resources",
                          "restore datapackage.json from git")
            descriptor = None
        self.descriptor = descriptor
        self.tables: dict[str, Table] = {}
        for index, resource in enumerate(descriptor["resources"] if descriptor else []):
            self._load_resource(index, resource)

    def _problem(self, file, row, field_, message, hint):
        self.problems.append(Problem("package", file, row, field_, message, hint))

    def _load_resource(self, index: int, resource: object) -> None:
        where = f"resources/{index}"
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            self._problem(DESCRIPTOR, None, where, "a resource has no name", "give every resource a name")
            return
        rel = resource.get("path")
        reason = unsafe_reason(self.root, rel)
        if reason:
            self._problem(DESCRIPTOR, None, f"{where}/path", f"resource {resource['name']!r}: {reason}; it was not opened",
                          "give a relative path inside the package, such as data/<name>.csv")
            return
        for key in ("schema", "dialect"):
            if key in resource and not isinstance(resource[key], dict):
                self._problem(DESCRIPTOR, None, f"{where}/{key}", f"resource {resource['name']!r}: {key} is not written inline; it was not opened",
                              f"write the {key} inside datapackage.json, as the other resources do")
                return
        schema = resource.get("schema") or {}
        fields = schema.get("fields") if isinstance(schema.get("fields"), list) else []
        table = Table(resource["name"], rel, fields)
        file = self.root / rel
        try:
            table.raw = file.read_bytes()
        except OSError:
            self._problem(rel, None, None, f"the data file of resource {resource['name']!r} is missing or unreadable",
                          "restore the file from git, or remove the resource from datapackage.json")
            return
        text = table.raw.decode("utf-8", errors="replace").lstrip("\ufeff")
        reader = csv.reader(io.StringIO(text, newline=""))
        try:
            records = list(reader)
        except csv.Error as err:
            self._problem(rel, reader.line_num, None, f"the CSV cannot be parsed ({err})",
                          "repair the quoting: a field with a comma, quote or line break is enclosed in double quotes, and a quote inside it is doubled")
            return
        if records:
            table.header = records[0]
            for number, values in enumerate(records[1:], start=2):
                table.rows.append(dict(zip(table.header, values)))
                table.row_numbers.append(number)
        self.tables[table.name] = table

    # ---- views used by several checks

    def table(self, name: str) -> Table | None:
        return self.tables.get(name)

    def rows(self, name: str):
        table = self.tables.get(name)
        return table.records() if table else iter(())

    @cached_property
    def evidence_tables(self) -> list[Table]:
        """Tables whose rows carry source_id and quote: testimonies, statistics, statements, events."""
        return [t for t in self.tables.values() if {"source_id", "quote"} <= set(t.header)]

    @cached_property
    def source_texts(self) -> dict[str, str]:
        """Squashed archived text of every source listed in the sources table whose file can be read."""
        texts = {}
        for _, row in self.rows("sources"):
            source_id = row.get("source_id", "")
            path = self.root / SOURCES_DIR / f"{source_id}.txt"
            if source_id and unsafe_reason(self.root, f"{SOURCES_DIR}/{source_id}.txt") is None and path.is_file():
                texts[source_id] = squash(path.read_bytes().decode("utf-8", errors="replace"))
        return texts

    def foreign_keys(self, table: Table) -> list[dict]:
        for resource in (self.descriptor or {}).get("resources", []):
            if isinstance(resource, dict) and resource.get("name") == table.name:
                schema = resource.get("schema") or {}
                return [fk for fk in schema.get("foreignKeys", []) if isinstance(fk, dict)]
        return []
