"""The loader's own problems (check "package"): a resource path that is unsafe to open is refused before anything is
read, a missing data file is reported, and a descriptor that is not JSON is reported, each as an error in
datapackage.json (or the missing file) without a crash; the other checks still run on what could be read."""
from __future__ import annotations

import os

import pytest

from conftest import (ANY, assert_invalid, load_descriptor, network_or_process_calls, opened,
                      resource_index, run_validate, run_validate_audited, save_descriptor)

UNSAFE = {
    "dotdot": ("../x.csv", "'..'"),
    "absolute": ("/etc/passwd", "absolute"),
    "url": ("http://example.com/x.csv", "URL"),
    "hidden": (".hidden/x.csv", "hidden"),
}


def set_resource_path(pkg, name: str, path: str) -> int:
    descriptor = load_descriptor(pkg)
    index = resource_index(descriptor, name=name)
    descriptor["resources"][index]["path"] = path
    save_descriptor(pkg, descriptor)
    return index


@pytest.mark.parametrize("path, reason", UNSAFE.values(), ids=UNSAFE.keys())
def test_unsafe_resource_path_is_refused_unopened(package_copy, path, reason):
    # A readable file waits at each unsafe target that lies on disk, so that opening it would succeed.
    copy = (package_copy / "data" / "vocabularies" / "stances.csv").read_bytes()
    if path == "../x.csv":
        (package_copy.parent / "x.csv").write_bytes(copy)
    if path == ".hidden/x.csv":
        (package_copy / ".hidden").mkdir()
        (package_copy / ".hidden" / "x.csv").write_bytes(copy)
    index = set_resource_path(package_copy, "stances", path)
    *result, events = run_validate_audited(package_copy)
    problem = assert_invalid(result, "package", "datapackage.json", None, f"resources/{index}/path", message_contains=reason)
    assert "'stances'" in problem["message"]
    targets = {(package_copy / path).resolve(), (package_copy.parent / "x.csv").resolve()}
    assert not targets & set(opened(events)), "validate.py opened the unsafe path"
    assert network_or_process_calls(events) == []


def test_resource_path_through_a_link_leading_outside(package_copy):
    outside = package_copy.parent / "outside.csv"
    target = package_copy / "data" / "statements.csv"
    outside.write_bytes(target.read_bytes())
    target.unlink()
    os.symlink(outside, target)
    *result, events = run_validate_audited(package_copy)
    problem = assert_invalid(result, "package", "datapackage.json", None, ANY, message_contains="outside the package")
    assert "'statements'" in problem["message"]
    assert outside.resolve() not in opened(events)


def test_missing_data_file(package_copy):
    (package_copy / "data" / "statements.csv").unlink()
    problem = assert_invalid(run_validate(package_copy), "package", "data/statements.csv", None, None)
    assert "missing" in problem["message"]


def test_truncated_descriptor(package_copy):
    """Not JSON at all: reported in datapackage.json, exit 1 (not 2), no traceback."""
    path = package_copy / "datapackage.json"
    raw = path.read_bytes()
    path.write_bytes(raw[: len(raw) // 2])
    assert_invalid(run_validate(package_copy), "package", "datapackage.json", None, None,
                   message_contains="not valid JSON")


def test_descriptor_without_resources(package_copy):
    descriptor = load_descriptor(package_copy)
    del descriptor["resources"]
    save_descriptor(package_copy, descriptor)
    assert_invalid(run_validate(package_copy), "package", "datapackage.json", None, "resources")


def test_vocabulary_path_escaping_the_package_is_never_opened(package_copy):
    outside = package_copy.parent / "outside.csv"
    outside.write_bytes((package_copy / "data" / "vocabularies" / "stances.csv").read_bytes())
    set_resource_path(package_copy, "stances", "data/vocabularies/../../../outside.csv")
    *result, events = run_validate_audited(package_copy)
    assert_invalid(result, "package", "datapackage.json", None, ANY, message_contains="'..'")
    assert outside.resolve() not in opened(events)


def test_remote_schema_reference_is_not_fetched(package_copy):
    descriptor = load_descriptor(package_copy)
    index = resource_index(descriptor, name="persons")
    descriptor["resources"][index]["schema"] = "http://127.0.0.1:9/schema.json"  # port 9 (discard): refused at once
    save_descriptor(package_copy, descriptor)
    *result, events = run_validate_audited(package_copy)
    assert result[0] == 1
    assert network_or_process_calls(events) == []


def test_no_check_crashes_on_a_schema_given_as_a_path(package_copy):
    descriptor = load_descriptor(package_copy)
    index = resource_index(descriptor, name="persons")
    descriptor["resources"][index]["schema"] = "persons.schema.json"
    save_descriptor(package_copy, descriptor)
    code, report, _, _ = run_validate(package_copy)
    assert code == 1
    crashes = [p for p in report["problems"] if p["file"] == "validate.py"]
    assert crashes == []
