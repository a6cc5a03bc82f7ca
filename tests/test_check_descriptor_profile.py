"""Check "descriptor_profile": datapackage.json conforms to the Data Package v2 profile and holds what the package
promises: a SemVer version, a hash and byte count per resource, a description per field, a primary key per table."""
from __future__ import annotations

from conftest import assert_invalid, load_descriptor, resource_index, run_validate, save_descriptor

CHECK = "descriptor_profile"
FILE = "datapackage.json"


def edit(pkg, change) -> dict:
    descriptor = load_descriptor(pkg)
    change(descriptor)
    save_descriptor(pkg, descriptor)
    return descriptor


def test_missing_version(package_copy):
    edit(package_copy, lambda d: d.pop("version"))
    assert_invalid(run_validate(package_copy), CHECK, FILE, None, "version", message_contains="no version")


def test_version_that_is_not_semver(package_copy):
    edit(package_copy, lambda d: d.update(version="1.0"))
    assert_invalid(run_validate(package_copy), CHECK, FILE, None, "version", message_contains="SemVer")


def test_field_without_description(package_copy):
    descriptor = load_descriptor(package_copy)
    index = resource_index(descriptor, name="testimonies")
    fields = descriptor["resources"][index]["schema"]["fields"]
    position = next(i for i, f in enumerate(fields) if f["name"] == "quote")
    del fields[position]["description"]
    save_descriptor(package_copy, descriptor)
    assert_invalid(run_validate(package_copy), CHECK, FILE, None, f"resources/{index}/schema/fields/{position}/description")


def test_resource_without_hash(package_copy):
    descriptor = load_descriptor(package_copy)
    index = resource_index(descriptor, name="events")
    del descriptor["resources"][index]["hash"]
    save_descriptor(package_copy, descriptor)
    assert_invalid(run_validate(package_copy), CHECK, FILE, None, f"resources/{index}/hash")


def test_table_without_primary_key(package_copy):
    descriptor = load_descriptor(package_copy)
    index = resource_index(descriptor, name="organizations")
    del descriptor["resources"][index]["schema"]["primaryKey"]
    save_descriptor(package_copy, descriptor)
    assert_invalid(run_validate(package_copy), CHECK, FILE, None, f"resources/{index}/schema/primaryKey")
