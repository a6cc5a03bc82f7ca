"""Check "derived_files": what build.py generates is up to date: data/sources.csv and the descriptor's sources list
(from sources/*.yaml), each resource's hash and bytes, the data dictionary in README.md, and REPORT.md."""
from __future__ import annotations

import re

import pytest

from conftest import (assert_invalid, copy_package, first_row, load_descriptor, replace_once, resource_index, restamp,
                      rows, run_validate, save_descriptor, set_cell)

CHECK = "derived_files"
SOURCE = "asianews-awulqanqizi"


@pytest.fixture(scope="module")
def retitled_source(tmp_path_factory):
    """A YAML title edited without running build.py."""
    pkg = copy_package(tmp_path_factory.mktemp("retitled") / "pkg")
    meta = pkg / "sources" / f"{SOURCE}.yaml"
    title = re.search(r"^title: (.+)$", meta.read_text(encoding="utf-8"), re.M).group(0)
    replace_once(meta, title, 'title: "A title changed by hand"')
    return run_validate(pkg)


def test_sources_csv_stale_after_a_yaml_edit(retitled_source):
    assert_invalid(retitled_source, CHECK, "data/sources.csv", None, None)


def test_descriptor_sources_stale_after_a_yaml_edit(retitled_source):
    assert_invalid(retitled_source, CHECK, "datapackage.json", None, "sources")


@pytest.fixture(scope="module")
def unstamped_edit(tmp_path_factory):
    """A CSV edited without restamping its hash and bytes."""
    pkg = copy_package(tmp_path_factory.mktemp("unstamped") / "pkg")
    relpath = "data/persons.csv"
    set_cell(pkg, relpath, 2, "notes", "Edited by hand.")
    return run_validate(pkg), resource_index(load_descriptor(pkg), relpath=relpath)


def test_stale_hash_after_a_csv_edit(unstamped_edit):
    result, index = unstamped_edit
    assert_invalid(result, CHECK, "datapackage.json", None, f"resources/{index}/hash")


def test_stale_bytes_after_a_csv_edit(unstamped_edit):
    result, index = unstamped_edit
    assert_invalid(result, CHECK, "datapackage.json", None, f"resources/{index}/bytes")


def test_readme_dictionary_stale_after_a_description_edit(package_copy):
    descriptor = load_descriptor(package_copy)
    fields = descriptor["resources"][resource_index(descriptor, name="persons")]["schema"]["fields"]
    fields[1]["description"] += " Edited by hand."
    save_descriptor(package_copy, descriptor)
    assert_invalid(run_validate(package_copy), CHECK, "README.md", None, None, message_contains="stale")


def test_report_stale_after_a_figure_edit(package_copy):
    keys = [r["population_key"] for _, r in rows(package_copy, "data/statistics.csv")]
    number, _ = first_row(package_copy, "data/statistics.csv", lambda r: keys.count(r["population_key"]) > 1)
    # a figure taken out of a group of figures compared side by side: the report's comparison changes
    set_cell(package_copy, "data/statistics.csv", number, "population_key", "a-key-no-other-figure-has")
    restamp(package_copy, "data/statistics.csv", report=False)  # as a curator who forgot build.py would
    assert_invalid(run_validate(package_copy), CHECK, "REPORT.md", None, None, message_contains="out of date")


def test_report_missing(package_copy):
    (package_copy / "REPORT.md").unlink()
    assert_invalid(run_validate(package_copy), CHECK, "REPORT.md", None, None, message_contains="missing")
