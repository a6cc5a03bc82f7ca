"""The toolkit of the fault tests: copy the package, break the copy in exactly one way, and check it.

A fault test copies the shipped package to a temporary folder (the fixture `package_copy`), breaks it in one way,
restamps the hash and byte count of any CSV it touched (`restamp`, so that the fault is found by the check under
test and not as a stale hash), runs the engine in-process on the copy with the check under test (`check`), and
asserts the problem by its code, file, row and field (`assert_invalid`). `check` also asserts that the checker left
every file of the copy as it was.
"""

from __future__ import annotations

import csv
import functools
import hashlib
import io
import json
import shutil
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from model.loader import PACKAGE_ITEMS, Package
from validation import engine
from validation.check import Check
from validation.checks import CHECKS, Schema
from validation.output import render_json

REPO = Path(__file__).resolve().parent.parent
REPORT_KEYS = {"report_version", "valid", "exit_code", "counts", "problems"}
PROBLEM_KEYS = {"check", "code", "file", "row", "field", "message", "hint", "severity", "detail"}
ANY: Any = ...  # matches any row or field in find_problems / assert_invalid


# ---------------------------------------------------------------- the package copy


def copy_package(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for item in PACKAGE_ITEMS:
        source = REPO / item
        if source.is_dir():
            shutil.copytree(source, dest / item)
        elif source.is_file():
            shutil.copy2(source, dest / item)
    return dest


# ---------------------------------------------------------------- checking in-process


def check(pkg: Path, *checks: type[Check], opened: list[str] | None = None) -> dict:
    """The report (as `validate.py --json` prints it) of the engine run in-process on a package with the given
    checks, all of them if none is given. The package's files must be left as they were. Given a list `opened`, the
    paths of the files the loader and the checks opened are added to it."""
    if Schema in (checks or CHECKS):
        warm_frictionless()
    before = snapshot(pkg)
    with opened_files() as paths:
        problems = engine.run(Package(pkg), checks or CHECKS)
    if opened is not None:
        opened.extend(paths)
    assert_unchanged(pkg, before)
    return json.loads(render_json(problems))


@functools.cache
def warm_frictionless() -> None:
    """Validate a tiny package with Frictionless once in this process. The schema check forks its workers from the
    process that runs it, with Frictionless imported (validate.py does the same); what Frictionless sets up on its
    first use (its plugins, the modules it imports lazily, compiled patterns) is then inherited by every worker of
    every fault test, instead of being set up again in each, which takes a quarter of a run's time. What is checked
    is unchanged: each worker still validates the package under test from its descriptor. Loading its CSV parser
    raises the csv module's cell limit for the whole process; the package's own limit is put back, as in a worker."""
    from frictionless import Package as FrictionlessPackage

    limit = csv.field_size_limit()
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "terms.csv").write_text("term\nx\n", encoding="utf-8")
        (Path(folder) / "rows.csv").write_text("id,term,number,day\nr1,x,1.5,2020-01-31\n", encoding="utf-8")
        fields = [
            {"name": "id", "type": "string", "constraints": {"required": True, "pattern": "r[0-9]+"}},
            {"name": "term", "type": "string"},
            {"name": "number", "type": "number", "constraints": {"minimum": 0}},
            {"name": "day", "type": "date"},
        ]
        terms = {"name": "terms", "path": "terms.csv", "schema": {"fields": [{"name": "term", "type": "string"}]}}
        reference = {"fields": ["term"], "reference": {"resource": "terms", "fields": ["term"]}}
        tested = {"name": "rows", "path": "rows.csv", "schema": {"fields": fields, "foreignKeys": [reference]}}
        package = FrictionlessPackage({"name": "warm-up", "resources": [terms, tested]}, basepath=folder)
        package.to_descriptor(validate=True)
        for name in ("terms", "rows"):
            assert package.get_resource(name).validate().valid
    csv.field_size_limit(limit)


def describe(report_: dict) -> str:
    return (
        "\n".join(
            f"  {p['severity']} {p['code']} [{p['check']}] {p['file']} row={p['row']!r} field={p['field']!r}: "
            f"{p['message']}"
            for p in report_["problems"]
        )
        or "  (no problems)"
    )


def find_problems(
    report_: dict, code: str, file: str | None = None, row: Any = ANY, field: Any = ANY, severity: str | None = None
) -> list[dict]:
    return [
        p
        for p in report_["problems"]
        if p["code"] == code
        and (file is None or p["file"] == file)
        and (row is ANY or p["row"] == row)
        and (field is ANY or p["field"] == field)
        and (severity is None or p["severity"] == severity)
    ]


def assert_reports(report_: dict, code: str, file: str, row: Any, field: Any, severity: str = "error") -> dict:
    """The report holds a problem with this code, severity, file, row and field, with words and a hint. Pass ANY for
    row or field only where a test checks detection, not location."""
    found = find_problems(report_, code, file, row, field, severity)
    assert found, f"expected {severity} {code} {file} row={row!r} field={field!r}; the report has:\n" + describe(
        report_
    )
    for problem in found:
        assert set(problem) == PROBLEM_KEYS
        assert problem["message"].strip() and problem["hint"].strip(), problem
    return found[0]


def assert_invalid(report_: dict, code: str, file: str, row: Any, field: Any) -> dict:
    """The package is invalid, and this error is among its problems."""
    assert report_["valid"] is False and report_["exit_code"] == 1, describe(report_)
    return assert_reports(report_, code, file, row, field)


def assert_warning(report_: dict, code: str, file: str, row: Any, field: Any) -> dict:
    """The package is valid (a warning never fails it), and this warning is among its problems."""
    assert report_["valid"] is True and report_["exit_code"] == 0, describe(report_)
    return assert_reports(report_, code, file, row, field, severity="warning")


# ---------------------------------------------------------------- CSV helpers (the package's dialect)


def read_csv(pkg: Path, relpath: str) -> list[list[str]]:
    """All records of a CSV file, the header first."""
    return list(csv.reader(io.StringIO((pkg / relpath).read_bytes().decode("utf-8"), newline="")))


def write_csv(pkg: Path, relpath: str, records: list[list[str]], quoting: int = csv.QUOTE_MINIMAL) -> None:
    """Write records as the package does: UTF-8, LF, minimal quoting."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n", quoting=quoting).writerows(records)
    (pkg / relpath).write_bytes(out.getvalue().encode("utf-8"))


def rows(pkg: Path, relpath: str) -> list[tuple[int, dict[str, str]]]:
    """(record number, row) of every row; the header is record 1."""
    records = read_csv(pkg, relpath)
    return [(n, dict(zip(records[0], values))) for n, values in enumerate(records[1:], start=2)]


def row_number(pkg: Path, relpath: str, **match: str) -> int:
    """Record number of the first row whose cells equal all of `match`."""
    for number, row in rows(pkg, relpath):
        if all(row.get(k) == v for k, v in match.items()):
            return number
    raise LookupError(f"no row of {relpath} with {match}")


def first_row(pkg: Path, relpath: str, predicate: Callable[[dict[str, str]], Any]) -> tuple[int, dict[str, str]]:
    """(record number, row) of the first row for which predicate(row) is true. Rows are picked by what they hold,
    never by ID, so that the tests survive curation; a test with no row to fit is skipped."""
    for number, row in rows(pkg, relpath):
        if predicate(row):
            return number, row
    pytest.skip(f"no row of {relpath} fits this test")


def get_row(pkg: Path, relpath: str, number: int) -> dict[str, str]:
    records = read_csv(pkg, relpath)
    return dict(zip(records[0], records[number - 1]))


def set_cell(pkg: Path, relpath: str, number: int, field: str, value: str) -> str:
    """Set one cell (record `number`, header = 1); return the old value."""
    records = read_csv(pkg, relpath)
    column = records[0].index(field)
    old = records[number - 1][column]
    assert old != value, f"{relpath} row {number} field {field} already holds {value!r}: the mutation changes nothing"
    records[number - 1][column] = value
    write_csv(pkg, relpath, records)
    return old


def set_cells(pkg: Path, relpath: str, number: int, **values: str) -> None:
    """Set several cells of one row (those that differ) and restamp the file."""
    for field, value in values.items():
        if get_row(pkg, relpath, number)[field] != value:
            set_cell(pkg, relpath, number, field, value)
    restamp(pkg, relpath)


def break_cell(pkg: Path, relpath: str, where: Any, field: str, value: Any) -> int:
    """Set `field` of one row to `value` (or to value(old) if callable), restamp the file, return the row number.
    `where` is a record number, a dict of cells to match or a predicate on the row."""
    if isinstance(where, int):
        number = where
    elif isinstance(where, dict):
        number = row_number(pkg, relpath, **where)
    else:
        number = first_row(pkg, relpath, where)[0]
    if callable(value):
        value = value(get_row(pkg, relpath, number)[field])
    set_cell(pkg, relpath, number, field, value)
    restamp(pkg, relpath)
    return number


def append_row(pkg: Path, relpath: str, values: dict[str, str]) -> int:
    """Append a record (missing fields empty); return its number."""
    records = read_csv(pkg, relpath)
    assert set(values) <= set(records[0]), f"{relpath} has no column {set(values) - set(records[0])}"
    records.append([values.get(name, "") for name in records[0]])
    write_csv(pkg, relpath, records)
    return len(records)


def append_raw_record(pkg: Path, relpath: str, cells: list[str]) -> int:
    """Append a record with exactly these cells (it may be ragged); return its number."""
    records = read_csv(pkg, relpath)
    records.append(cells)
    write_csv(pkg, relpath, records)
    return len(records)


def delete_row(pkg: Path, relpath: str, number: int) -> dict[str, str]:
    """Delete record `number` (not the header); return it."""
    assert number >= 2
    records = read_csv(pkg, relpath)
    removed = dict(zip(records[0], records[number - 1]))
    del records[number - 1]
    write_csv(pkg, relpath, records)
    return removed


# ---------------------------------------------------------------- the descriptor and the derived files


def load_descriptor(pkg: Path) -> dict:
    return json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))


def save_descriptor(pkg: Path, descriptor: dict) -> None:
    (pkg / "datapackage.json").write_bytes(
        (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    )


def resource_index(descriptor: dict, relpath: str | None = None, name: str | None = None) -> int:
    for index, resource in enumerate(descriptor["resources"]):
        if (relpath is not None and resource.get("path") == relpath) or (
            name is not None and resource.get("name") == name
        ):
            return index
    raise LookupError(relpath or name)


def restamp(pkg: Path, relpath: str) -> None:
    """Recompute the hash and byte count of `relpath` into its resource in datapackage.json, so that the fault under
    test is not also a stale hash. (Other derived files, such as REPORT.md, are left as they were: a fault test runs
    the check under test, and the derived_files check is tested on what a curator forgets.)"""
    data = (pkg / relpath).read_bytes()
    descriptor = load_descriptor(pkg)
    resource = descriptor["resources"][resource_index(descriptor, relpath=relpath)]
    resource["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    resource["bytes"] = len(data)
    save_descriptor(pkg, descriptor)


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a text file, failing if it is not there exactly once."""
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_bytes(text.replace(old, new).encode("utf-8"))


# ---------------------------------------------------------------- files untouched, files opened


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file under root, by relative path (links not followed)."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[rel + "/"] = "dir"
    return found


def assert_unchanged(root: Path, before: dict[str, str]) -> None:
    after = snapshot(root)
    added, removed = sorted(set(after) - set(before)), sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    assert not (added or removed or changed), f"added {added}, removed {removed}, changed {changed}"


_RECORDING: list[list[str]] = []


def _audit(event: str, args: tuple) -> None:
    if _RECORDING and event == "open" and isinstance(args[0], (str, bytes, Path)):
        _RECORDING[-1].append(str(Path(args[0].decode() if isinstance(args[0], bytes) else args[0]).resolve()))


sys.addaudithook(_audit)  # records only inside opened_files(); an audit hook cannot be removed


@contextmanager
def opened_files() -> Iterator[list[str]]:
    """The resolved paths of every file this process opens inside the block."""
    _RECORDING.append([])
    try:
        yield _RECORDING[-1]
    finally:
        _RECORDING.pop()
