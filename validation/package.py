"""Loads a data package from a folder once, for all the checks: the descriptor, its CSV tables and the source texts.

Nothing here judges the data, except what makes a file unreadable or unsafe to open; those become problems of
the check "package" and the file is left out, so that the other checks run on what could be read.
"""
from __future__ import annotations

import codecs
import csv
import hashlib
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
# The most a cell may hold. A quote is a passage, not a document; a larger cell is reported where it is, and never
# read whole, so that a hostile file cannot exhaust memory. Frictionless's workers are held to the same limit.
CELL_LIMIT = 2**20
csv.field_size_limit(CELL_LIMIT)
# The longest line of a CSV file read as text (a line is read whole before it is parsed): room for a few cells at
# the limit, each up to four bytes a character.
LINE_LIMIT = 16 * CELL_LIMIT
PARSE_HINT = ("repair the quoting: a field with a comma, quote or line break is enclosed in double quotes, and a quote "
              "inside it is doubled")


CHUNK = 1 << 20  # bytes read at a time: a file of any size is read in bounded memory


@dataclass
class FileFacts:
    """What one pass over a file's bytes tells: its hash and size, and the first byte-level faults."""
    sha256: str
    bytes: int
    bom: bool
    first_cr_line: int | None       # line of the first CR byte
    bad_utf8: tuple[int, int] | None  # (byte offset, line) of the first byte that is not UTF-8
    long_line: int | None            # the first line longer than LINE_LIMIT bytes


@dataclass
class Table:
    """One CSV resource. Its records are read from the file each time they are asked for, never kept."""
    name: str
    path: str                      # relative to the package root, as in the descriptor
    fields: list[dict]             # schema fields (possibly empty when the schema is broken)
    file: Path | None = None
    header: list[str] = field(default_factory=list)

    @property
    def field_names(self) -> list[str]:
        return [f.get("name") for f in self.fields if isinstance(f, dict)]

    def field_type(self, name: str) -> str:
        for f in self.fields:
            if isinstance(f, dict) and f.get("name") == name:
                return f.get("type", "string")
        return "string"

    parse_error: tuple[int, str] | None = None  # (line, reason) where the file stopped parsing
    oversized: bool = False                      # it stopped at a cell or line over the limits

    def _reader(self, handle):
        return csv.reader(handle)

    def records(self):
        """(row number, record) pairs, streamed from the file; the header is row 1. A record is a dict keyed by the
        header; a ragged row leaves missing columns out and drops extra cells (the schema check reports both).
        Where the file stops parsing, the records end and parse_error says where and why."""
        if self.facts.long_line is not None:
            self.parse_error, self.oversized = (self.facts.long_line, "line too long"), True
            return
        with self.file.open(encoding="utf-8", errors="replace", newline="") as handle:
            reader = self._reader(handle)
            try:
                header = next(reader, None)
                if header is None:
                    return
                if header:
                    header[0] = header[0].lstrip("\ufeff")
                for number, values in enumerate(reader, start=2):
                    yield number, dict(zip(header, values))
            except csv.Error as err:
                self.parse_error = (reader.line_num, str(err))
                self.oversized = "field larger than field limit" in str(err)

    @cached_property
    def facts(self) -> FileFacts:
        digest, size, lines = hashlib.sha256(), 0, 1
        bom, first_cr, bad, long_line, current = False, None, None, None, 0
        decoder = codecs.getincrementaldecoder("utf-8")("strict")
        with self.file.open("rb") as handle:
            while chunk := handle.read(CHUNK):
                if size == 0:
                    bom = chunk.startswith(b"\xef\xbb\xbf")
                digest.update(chunk)
                if first_cr is None and b"\r" in chunk:
                    first_cr = lines + chunk[: chunk.index(b"\r")].count(b"\n")
                if bad is None:
                    try:
                        decoder.decode(chunk)
                    except UnicodeDecodeError as err:
                        pending = len(decoder.getstate()[0])  # bytes of a split character carried over
                        offset = size - pending + err.start
                        bad = (offset, lines + chunk[: max(err.start - pending, 0)].count(b"\n"))
                if long_line is None:  # a line is long only across chunks: a chunk is shorter than the limit
                    newline = chunk.find(b"\n")
                    current += len(chunk) if newline < 0 else newline
                    if current > LINE_LIMIT:
                        long_line = lines
                    if newline >= 0:
                        current = len(chunk) - chunk.rfind(b"\n") - 1
                lines += chunk.count(b"\n")
                size += len(chunk)
        if bad is None:
            try:
                decoder.decode(b"", final=True)
            except UnicodeDecodeError:
                bad = (size, lines)
        return FileFacts("sha256:" + digest.hexdigest(), size, bom, first_cr, bad, long_line)


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
        table = Table(resource["name"], rel, fields, self.root / rel)
        try:
            if table.facts.long_line is None:  # a header line over the limit is reported by parse_problems
                with table.file.open(encoding="utf-8", errors="replace", newline="") as handle:
                    table.header = next(table._reader(handle), [])
        except OSError:
            self._problem(rel, None, None, f"the data file of resource {resource['name']!r} is missing or unreadable",
                          "restore the file from git, or remove the resource from datapackage.json")
            return
        except csv.Error as err:
            self._problem(rel, 1, None, f"the CSV header cannot be parsed ({err})", PARSE_HINT)
            return
        if table.header:
            table.header[0] = table.header[0].lstrip("\ufeff")
        self.tables[table.name] = table

    def parse_problems(self) -> list[Problem]:
        """Problems of files that stopped parsing while they were read."""
        found = []
        for t in self.tables.values():
            if t.oversized:
                found.append(Problem("package", t.path, t.parse_error[0], None,
                                     f"a cell is larger than {CELL_LIMIT // 2**20} MiB (or a line than {LINE_LIMIT // 2**20} MiB), the most allowed; the rest of the file was not read",
                                     "cut the cell down (a quote is a passage, not a document), or repair quoting that runs on"))
            elif t.parse_error:
                found.append(Problem("package", t.path, t.parse_error[0], None, f"the CSV cannot be parsed ({t.parse_error[1]})",
                                     PARSE_HINT))
        return found

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
