"""The loader's own problems (check "package"): a resource path that is unsafe to open is refused before anything is
read, a missing data file or a descriptor that is not JSON is reported, a file that stops parsing is reported where
it stops; the checks still run on what could be read."""

from __future__ import annotations

import os

import pytest

from tests.faults import ANY, assert_invalid, check, load_descriptor, resource_index, restamp, save_descriptor, set_cell
from validation.checks import CHECKS, Schema, TextHygiene

# Every check but Frictionless's (which is given only what the loader could read): they run on what could be read.
OTHERS = [c for c in CHECKS if c is not Schema]

MB = 2**20
UNSAFE = {
    "dotdot": ("../x.csv", "'..'"),
    "absolute": ("/etc/passwd", "absolute"),
    "url": ("http://example.com/x.csv", "URL"),
    "hidden": (".hidden/x.csv", "hidden"),
}


def set_resource(pkg, name: str, key: str, value: object) -> int:
    descriptor = load_descriptor(pkg)
    index = resource_index(descriptor, name=name)
    descriptor["resources"][index][key] = value
    save_descriptor(pkg, descriptor)
    return index


@pytest.mark.parametrize("path, reason", UNSAFE.values(), ids=UNSAFE.keys())
def test_unsafe_resource_path_is_refused_unopened(package_copy, path, reason):
    # A readable file waits at each unsafe target that lies on disk, so that opening it would succeed.
    copy = (package_copy / "data" / "vocabularies" / "stances.csv").read_bytes()
    (package_copy.parent / "x.csv").write_bytes(copy)
    (package_copy / ".hidden").mkdir()
    (package_copy / ".hidden" / "x.csv").write_bytes(copy)
    index = set_resource(package_copy, "stances", "path", path)
    opened: list[str] = []
    report = check(package_copy, *OTHERS, opened=opened)
    problem = assert_invalid(report, "resource-path-unsafe", "datapackage.json", None, f"resources/{index}/path")
    assert "'stances'" in problem["message"] and reason in problem["message"]
    targets = {str((package_copy / path).resolve()), str((package_copy.parent / "x.csv").resolve())}
    assert not targets & set(opened), "the unsafe path was opened"


def test_resource_path_through_a_link_leading_outside(package_copy):
    outside = package_copy.parent / "outside.csv"
    target = package_copy / "data" / "statements.csv"
    outside.write_bytes(target.read_bytes())
    target.unlink()
    os.symlink(outside, target)
    opened: list[str] = []
    report = check(package_copy, *OTHERS, opened=opened)
    problem = assert_invalid(report, "resource-path-unsafe", "datapackage.json", None, ANY)
    assert "'statements'" in problem["message"] and "outside the package" in problem["message"]
    assert str(outside.resolve()) not in opened


def test_missing_data_file(package_copy):
    (package_copy / "data" / "statements.csv").unlink()
    assert_invalid(check(package_copy, TextHygiene), "data-file-missing", "data/statements.csv", None, None)


def test_truncated_descriptor(package_copy):
    """Not JSON at all: reported in datapackage.json, invalid (not 'cannot run')."""
    path = package_copy / "datapackage.json"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    assert_invalid(check(package_copy, TextHygiene), "descriptor-not-json", "datapackage.json", None, None)


def test_descriptor_without_resources(package_copy):
    descriptor = load_descriptor(package_copy)
    del descriptor["resources"]
    save_descriptor(package_copy, descriptor)
    assert_invalid(
        check(package_copy, TextHygiene), "descriptor-without-resources", "datapackage.json", None, "resources"
    )


def test_resource_without_a_name(package_copy):
    index = set_resource(package_copy, "stances", "name", 7)
    assert_invalid(
        check(package_copy, TextHygiene), "resource-without-name", "datapackage.json", None, f"resources/{index}"
    )


def test_schema_given_as_an_address_is_neither_fetched_nor_crashes_a_check(package_copy):
    index = set_resource(package_copy, "persons", "schema", "http://127.0.0.1:9/schema.json")  # port 9: discard
    report = check(package_copy, *OTHERS)
    assert_invalid(report, "resource-not-inline", "datapackage.json", None, f"resources/{index}/schema")
    assert [p for p in report["problems"] if p["code"] == "check-crashed"] == []


def test_cell_over_the_limit_stops_the_file_where_it_is(package_copy):
    set_cell(package_copy, "data/persons.csv", 2, "notes", "b" * (2 * MB))
    restamp(package_copy, "data/persons.csv")
    assert_invalid(check(package_copy, TextHygiene), "cell-too-large", "data/persons.csv", 2, None)


def test_header_that_cannot_be_parsed(package_copy):
    path = package_copy / "data" / "persons.csv"
    path.write_bytes(b"x" * (2 * MB) + b"," + path.read_bytes())  # a header cell over the limit
    restamp(package_copy, "data/persons.csv")
    assert_invalid(check(package_copy, TextHygiene), "csv-unparsable", "data/persons.csv", 1, None)
