"""Check "derived_files": every file in derived/artifacts.py's list is what build.py would make of the package: the
report, data/sources.csv and the descriptor's sources list (from sources/*.yaml), each resource's hash and bytes,
docs/data-dictionary.md, and docs/problem-codes.md."""

from __future__ import annotations

import re

from tests.faults import (
    assert_invalid,
    check,
    first_row,
    load_descriptor,
    replace_once,
    resource_index,
    restamp,
    rows,
    save_descriptor,
    set_cell,
)

from .derived_files import DerivedFiles

SOURCE = "asianews-awulqanqizi"


def test_yaml_edited_without_a_build(package_copy):
    meta = package_copy / "sources" / f"{SOURCE}.yaml"
    title = re.search(r"^title: (.+)$", meta.read_text(encoding="utf-8"), re.M).group(0)
    replace_once(meta, title, 'title: "A title changed by hand"')
    report = check(package_copy, DerivedFiles)
    assert_invalid(report, "derived-file-stale", "data/sources.csv", None, None)
    assert_invalid(report, "descriptor-sources-stale", "datapackage.json", None, "sources")


def test_csv_edited_without_restamping(package_copy):
    relpath = "data/persons.csv"
    set_cell(package_copy, relpath, 2, "notes", "Edited by hand.")
    index = resource_index(load_descriptor(package_copy), relpath=relpath)
    report = check(package_copy, DerivedFiles)
    assert_invalid(report, "resource-stamp-stale", "datapackage.json", None, f"resources/{index}/hash")
    assert_invalid(report, "resource-stamp-stale", "datapackage.json", None, f"resources/{index}/bytes")


def test_data_dictionary_stale_after_a_description_edit(package_copy):
    descriptor = load_descriptor(package_copy)
    descriptor["resources"][resource_index(descriptor, name="persons")]["schema"]["fields"][1]["description"] += (
        " Edited."
    )
    save_descriptor(package_copy, descriptor)
    assert_invalid(check(package_copy, DerivedFiles), "derived-file-stale", "docs/data-dictionary.md", None, None)


def test_data_dictionary_missing(package_copy):
    (package_copy / "docs" / "data-dictionary.md").unlink()
    assert_invalid(check(package_copy, DerivedFiles), "derived-file-missing", "docs/data-dictionary.md", None, None)


def test_report_stale_after_a_figure_edit(package_copy):
    keys = [r["population_key"] for _, r in rows(package_copy, "data/statistics.csv")]
    number, _ = first_row(package_copy, "data/statistics.csv", lambda r: keys.count(r["population_key"]) > 1)
    # a figure taken out of a group of figures compared side by side: the report's comparison changes
    set_cell(package_copy, "data/statistics.csv", number, "population_key", "a-key-no-other-figure-has")
    restamp(package_copy, "data/statistics.csv")  # as a curator who forgot build.py would
    assert_invalid(check(package_copy, DerivedFiles), "derived-file-stale", "REPORT.md", None, None)


def test_report_missing(package_copy):
    (package_copy / "REPORT.md").unlink()
    assert_invalid(check(package_copy, DerivedFiles), "derived-file-missing", "REPORT.md", None, None)


def test_problem_codes_document_edited_by_hand(package_copy):
    path = package_copy / "docs" / "problem-codes.md"
    path.write_text(path.read_text(encoding="utf-8") + "| `made-up` | | | | |\n", encoding="utf-8")
    assert_invalid(check(package_copy, DerivedFiles), "derived-file-stale", "docs/problem-codes.md", None, None)


def test_located_copy_edited_without_a_build(package_copy):
    meta = package_copy / "sources" / f"{SOURCE}.yaml"
    replace_once(
        meta,
        '    publisher: "AsiaNews"\n    published_shown: "01/03',
        '    publisher: "Asia News"\n    published_shown: "01/03',
    )
    report = check(package_copy, DerivedFiles)
    assert_invalid(report, "derived-file-stale", "data/source_copies.csv", None, None)
