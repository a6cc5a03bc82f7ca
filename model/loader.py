"""Loads a data package from a folder once, for the checks and the builders alike: the descriptor and the model of
its tables, its CSV tables (streamed, never held whole), the source texts and the sources' YAML metadata.

Nothing here judges the data, except what makes a file unreadable or unsafe to open; those become problems of
the check "package" (YAML metadata: of the check "source_files") and the file is left out, so that the checks run on
what could be read.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TextIO

import yaml

from . import dates
from .problems import CannotRun, Code, Codes, Problem
from .tables import Model
from .text import source_text, squash, text_problem

DESCRIPTOR = "datapackage.json"
SOURCES_DIR = "sources"
# What a package is made of: everything validate.py reads (the code, the tests and .git are not part of it).
PACKAGE_ITEMS = (DESCRIPTOR, "data", SOURCES_DIR, "docs", "README.md", "REPORT.md")
SOURCE_METADATA_SCHEMA = Path(__file__).resolve().parent / "source_metadata.schema.json"
# The most a cell may hold. A quote is a passage, not a document; a larger cell is reported where it is, and never
# read whole, so that a hostile file cannot exhaust memory. Frictionless's workers are held to the same limit.
CELL_LIMIT = 2**20
csv.field_size_limit(CELL_LIMIT)
# The longest line of a CSV file read as text (a line is read whole before it is parsed): room for a few cells at
# the limit, each up to four bytes a character.
LINE_LIMIT = 16 * CELL_LIMIT
PARSE_HINT = (
    "repair the quoting: a field with a comma, quote or line break is enclosed in double quotes, and a quote "
    "inside it is doubled"
)
INLINE_HINT = "write the {key} inside datapackage.json, as the other resources do"

# What the loader reports as the check "package": files it cannot read, or will not open.
LOADER = Codes(
    "package",
    {
        "descriptor-not-json": Code(
            "datapackage.json is not valid JSON", "restore datapackage.json from git or repair the JSON syntax"
        ),
        "descriptor-without-resources": Code(
            "the descriptor has no list of resources", "restore datapackage.json from git"
        ),
        "resource-without-name": Code("a resource has no name", "give every resource a name"),
        "resource-path-unsafe": Code(
            "a resource's path is absolute, a URL, contains '..', is hidden or leads out of the "
            "package through a link; the file is not opened",
            "give a relative path inside the package, such as data/<name>.csv",
        ),
        "resource-not-inline": Code(
            "a resource's schema or dialect is not written inside datapackage.json; nothing is "
            "fetched or opened for it",
            INLINE_HINT.format(key="schema or dialect"),
        ),
        "data-file-missing": Code(
            "the data file of a resource is missing or unreadable",
            "restore the file from git, or remove the resource from datapackage.json",
        ),
        "csv-unparsable": Code(
            "a CSV file stops parsing (quoting that runs on); the rest of it is not read", PARSE_HINT
        ),
        "cell-too-large": Code(
            f"a cell is larger than {CELL_LIMIT // 2**20} MiB or a line than {LINE_LIMIT // 2**20} MiB, the "
            "most allowed; the rest of the file is not read",
            "cut the cell down (a quote is a passage, not a document), or repair quoting that runs on",
        ),
    },
)
# What reading a source's YAML metadata reports, as the check "source_files".
SOURCE_METADATA = Codes(
    "source_files",
    {
        "yaml-is-link": Code("a source's YAML is a symbolic link", "replace the link by the file itself"),
        "yaml-not-utf8": Code("a source's YAML is not UTF-8", "save it as UTF-8"),
        "yaml-unreadable": Code(
            "a source's YAML cannot be parsed, or uses a tag (such as !!python/object), which is never run",
            "repair the YAML; only plain mappings, lists and strings are allowed (no tags such as !!python/object)",
        ),
        "yaml-not-mapping": Code(
            "a source's YAML is not a mapping of keys to values", "copy an existing sources/*.yaml and fill it in"
        ),
        "yaml-value-not-text": Code(
            "a YAML value was read as a number, boolean or date (YAML 1.1 turns no into false and "
            "2019-12-10 into a date), not text",
            "put the value in double quotes",
        ),
        "yaml-invalid": Code(
            "a source's YAML does not match model/source_metadata.schema.json",
            "see model/source_metadata.schema.json for what each key holds",
        ),
        "yaml-id-mismatch": Code("source_id differs from the YAML's file name", "name the file <source_id>.yaml"),
        "published-not-edtf": Code(
            "published is not an EDTF date",
            'write the publication date in EDTF, e.g. "2019-12-10", "2019" or "2022/.."',
        ),
        # A YAML value obeys the rule a CSV cell does (model/text.py's text_problem): it becomes a cell of
        # data/sources.csv and text on every page that shows the source.
        "yaml-control-character": Code(
            "a YAML value holds a control character (a carriage return, tab...) or a line separator",
            "delete it; write a long value on one line, or as a folded block (>) whose lines YAML joins with spaces",
        ),
        "yaml-invisible-character": Code(
            "a YAML value holds a character that renders as nothing (a format character such as a bidi mark or a "
            "zero-width space, a Hangul filler, a variation selector)",
            "delete the character named; retype the text around it if it was pasted",
        ),
        "yaml-too-long": Code(
            "a YAML value holds more than 32,767 characters, more than a spreadsheet cell holds",
            "shorten it; the archived text, not its metadata, holds the source",
        ),
        "yaml-untrimmed": Code("a YAML value has leading or trailing whitespace", "trim the value"),
        "yaml-formula-start": Code(
            "a YAML value starts with =, +, -, @, tab or CR, which a spreadsheet would run as a formula",
            "reword so the value starts otherwise",
        ),
        "yaml-not-nfc": Code("a YAML value is not in Unicode NFC form", "save the file as NFC (composed characters)"),
    },
)


CHUNK = 1 << 20  # bytes read at a time: a file of any size is read in bounded memory


@dataclass
class FileFacts:
    """What one pass over a file's bytes tells: its hash and size, and the first byte-level faults."""

    sha256: str
    bytes: int
    bom: bool
    first_cr_line: int | None  # line of the first CR byte
    bad_utf8: tuple[int, int] | None  # (byte offset, line) of the first byte that is not UTF-8
    long_line: int | None  # the first line longer than LINE_LIMIT bytes


@dataclass
class Table:
    """One CSV resource. Its records are read from the file each time they are asked for, never kept."""

    name: str
    path: str  # relative to the package root, as in the descriptor
    fields: list[dict]  # schema fields (possibly empty when the schema is broken)
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
    oversized: bool = False  # it stopped at a cell or line over the limits

    def _reader(self, handle: TextIO) -> Iterator[list[str]]:
        return csv.reader(handle)

    def records(self) -> Iterator[tuple[int, dict[str, str]]]:
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
    def __init__(self, root: Path) -> None:
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
            self._problem("descriptor-not-json", file=DESCRIPTOR, message=f"the descriptor is not valid JSON ({err})")
            descriptor = None
        if descriptor is not None and not (
            isinstance(descriptor, dict) and isinstance(descriptor.get("resources"), list)
        ):
            self._problem(
                "descriptor-without-resources",
                file=DESCRIPTOR,
                field="resources",
                message="the descriptor has no list of resources",
            )
            descriptor = None
        self.descriptor = descriptor
        self.model = Model(descriptor)
        self.tables: dict[str, Table] = {}
        for index, resource in enumerate(descriptor["resources"] if descriptor else []):
            self._load_resource(index, resource)

    def _problem(self, code: str, **where_and_what) -> None:
        self.problems.append(LOADER.problem(code, **where_and_what))

    def _load_resource(self, index: int, resource: object) -> None:
        where = f"resources/{index}"
        if not isinstance(resource, dict) or not isinstance(resource.get("name"), str):
            self._problem("resource-without-name", file=DESCRIPTOR, field=where, message="a resource has no name")
            return
        rel = resource.get("path")
        reason = unsafe_reason(self.root, rel)
        if reason:
            self._problem(
                "resource-path-unsafe",
                file=DESCRIPTOR,
                field=f"{where}/path",
                message=f"resource {resource['name']!r}: {reason}; it was not opened",
            )
            return
        for key in ("schema", "dialect"):
            if key in resource and not isinstance(resource[key], dict):
                self._problem(
                    "resource-not-inline",
                    file=DESCRIPTOR,
                    field=f"{where}/{key}",
                    message=f"resource {resource['name']!r}: {key} is not written inline; it was not opened",
                    hint=INLINE_HINT.format(key=key),
                )
                return
        schema = resource.get("schema") or {}
        fields = schema.get("fields") if isinstance(schema.get("fields"), list) else []
        table = Table(resource["name"], rel, fields, self.root / rel)
        try:
            if table.facts.long_line is None:  # a header line over the limit is reported by parse_problems
                with table.file.open(encoding="utf-8", errors="replace", newline="") as handle:
                    table.header = next(table._reader(handle), [])
        except OSError:
            self._problem(
                "data-file-missing",
                file=rel,
                message=f"the data file of resource {resource['name']!r} is missing or unreadable",
            )
            return
        except csv.Error as err:
            self._problem("csv-unparsable", file=rel, row=1, message=f"the CSV header cannot be parsed ({err})")
            return
        if table.header:
            table.header[0] = table.header[0].lstrip("\ufeff")
        self.tables[table.name] = table

    def parse_problems(self) -> list[Problem]:
        """Problems of files that stopped parsing while they were read."""
        found = []
        for t in self.tables.values():
            if t.oversized:
                found.append(
                    LOADER.problem(
                        "cell-too-large",
                        file=t.path,
                        row=t.parse_error[0],
                        message=f"a cell is larger than {CELL_LIMIT // 2**20} MiB "
                        f"(or a line than {LINE_LIMIT // 2**20} MiB), "
                        "the most allowed; the rest of the file was not read",
                    )
                )
            elif t.parse_error:
                found.append(
                    LOADER.problem(
                        "csv-unparsable",
                        file=t.path,
                        row=t.parse_error[0],
                        message=f"the CSV cannot be parsed ({t.parse_error[1]})",
                    )
                )
        return found

    # ---- views used by the checks and the builders

    def table(self, name: str) -> Table | None:
        return self.tables.get(name)

    def rows(self, name: str) -> Iterator[tuple[int, dict[str, str]]]:
        table = self.tables.get(name)
        return table.records() if table else iter(())

    @cached_property
    def source_texts(self) -> dict[str, str]:
        """Squashed archived text of every source listed in the sources table whose file can be read."""
        texts = {}
        sources = self.model.sources
        for _, row in self.rows(sources.name if sources else ""):
            source_id = row.get("source_id", "")
            path = self.root / SOURCES_DIR / f"{source_id}.txt"
            if source_id and unsafe_reason(self.root, f"{SOURCES_DIR}/{source_id}.txt") is None and path.is_file():
                texts[source_id] = squash(source_text(path.read_bytes()))
        return texts

    @cached_property
    def source_metadata(self) -> tuple[list[dict], list[Problem]]:
        """Every sources/*.yaml that is safe, valid YAML and matches its schema, and the problems of those that are
        not."""
        return read_source_metadata(self.root)


def read_source_metadata(root: Path) -> tuple[list[dict], list[Problem]]:
    """Every sources/*.yaml that is safe, valid YAML and matches its schema, and the problems of those that are not."""
    good, problems = [], []
    for path in sorted((root / SOURCES_DIR).glob("*.yaml")):
        rel = f"{SOURCES_DIR}/{path.name}"

        def problem(code: str, field: str | None, message: str, file: str = rel) -> None:
            problems.append(SOURCE_METADATA.problem(code, file=file, field=field, message=message))

        if path.is_symlink():
            problem("yaml-is-link", None, "the file is a symbolic link")
            continue
        try:
            data = yaml.safe_load(path.read_bytes().decode("utf-8"))
        except UnicodeDecodeError:
            problem("yaml-not-utf8", None, "the file is not UTF-8")
            continue
        except yaml.YAMLError as err:
            mark = getattr(err, "problem_mark", None)
            at = f" at line {mark.line + 1}" if mark else ""
            problem("yaml-unreadable", None, f"the YAML cannot be read{at}: {getattr(err, 'problem', None) or err}")
            continue
        if not isinstance(data, dict):
            problem("yaml-not-mapping", None, "the file is not a YAML mapping of keys to values")
            continue
        import jsonschema  # imported when needed, so that the checker's workers start sooner

        errors = sorted(
            jsonschema.Draft7Validator(_source_metadata_schema()).iter_errors(data), key=lambda e: list(e.path)
        )
        for err in errors:
            key = ".".join(str(p) for p in err.path) or None
            if err.validator == "type" and err.instance is not None and not isinstance(err.instance, (str, list, dict)):
                problem(
                    "yaml-value-not-text",
                    key,
                    f"{err.instance!r} was read by YAML as {type(err.instance).__name__}, not text",
                )
            else:
                problem("yaml-invalid", key, err.message)
        if errors:
            continue
        unclean = list(_unclean_values(data))
        for key, (kind, words) in unclean:
            problem(f"yaml-{kind}", key, f"the value {words}")
        if unclean:
            continue
        if data["source_id"] != path.stem:
            problem(
                "yaml-id-mismatch",
                "source_id",
                f"source_id {data['source_id']!r} differs from the file name {path.stem!r}",
            )
            continue
        try:
            dates.bounds(data["published"])
        except dates.DateError as err:
            problem("published-not-edtf", "published", str(err))
            continue
        good.append(data)
    return good, problems


def _unclean_values(value: object, key: str = "") -> Iterator[tuple[str, tuple[str, str]]]:
    """(key, (kind, words)) for every text value, at any depth, that breaks the rule of model/text.py."""
    if isinstance(value, str):
        found = text_problem(value)
        if found:
            yield key or None, found
    elif isinstance(value, dict):
        for name, item in value.items():
            yield from _unclean_values(item, f"{key}.{name}" if key else str(name))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _unclean_values(item, f"{key}.{index}")


@lru_cache(maxsize=1)
def _source_metadata_schema() -> dict:
    return json.loads(SOURCE_METADATA_SCHEMA.read_text(encoding="utf-8"))
