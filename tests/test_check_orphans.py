"""Check "orphans": every person, organisation and place is referenced from evidence (or a link table, or a source's
metadata) and has a spelling in its names table; every source whose curation is complete is cited by evidence."""
from __future__ import annotations

import pytest
import yaml

from conftest import (append_row, assert_invalid, assert_reports, delete_row, find_problems, get_row, replace_once, restamp,
                      row_number, rows, run_validate, set_cell)

CHECK = "orphans"


def add_entity_with_a_spelling(pkg, table, names_table, key, ident, extra) -> int:
    """Append an entity referenced by nothing, with a names row reusing a spelling its source does print."""
    spelling = rows(pkg, f"data/{names_table}.csv")[0][1]
    row = append_row(pkg, f"data/{table}.csv", {key: ident, "name": "Zz Unreferenced", **extra})
    append_row(pkg, f"data/{names_table}.csv", {key: ident, "name": spelling["name"], "source_id": spelling["source_id"]})
    restamp(pkg, f"data/{table}.csv")
    restamp(pkg, f"data/{names_table}.csv")
    return row


def test_person_referenced_by_nothing(package_copy):
    row = add_entity_with_a_spelling(package_copy, "persons", "person_names", "person_id", "per-zz-unreferenced", {})
    assert_invalid(run_validate(package_copy), CHECK, "data/persons.csv", row, "person_id",
                   message_contains="per-zz-unreferenced is not referenced")


def test_person_without_a_spelling(package_copy):
    names = "data/person_names.csv"
    person = rows(package_copy, names)[-1][1]["person_id"]
    while any(r["person_id"] == person for _, r in rows(package_copy, names)):
        delete_row(package_copy, names, row_number(package_copy, names, person_id=person))
    restamp(package_copy, names)
    row = row_number(package_copy, "data/persons.csv", person_id=person)
    assert_invalid(run_validate(package_copy), CHECK, "data/persons.csv", row, "person_id",
                   message_contains="no spelling")


EVIDENCE = ("testimonies", "statistics", "statements", "events", "mentions")


def _uncite_one_source(pkg) -> str:
    """Delete every evidence row of the source with the fewest; return its ID. Rows pointing at the deleted ones
    (allegations, participants) are left dangling: those are other checks' problems."""
    counts = {}
    for table in EVIDENCE:
        for _, r in rows(pkg, f"data/{table}.csv"):
            counts[r["source_id"]] = counts.get(r["source_id"], 0) + 1
    source = min(counts, key=counts.get)
    for table in EVIDENCE:
        relpath = f"data/{table}.csv"
        while any(r["source_id"] == source for _, r in rows(pkg, relpath)):
            delete_row(pkg, relpath, row_number(pkg, relpath, source_id=source))
        restamp(pkg, relpath)
    return source


def test_complete_source_cited_by_no_evidence(package_copy):
    source = _uncite_one_source(package_copy)
    row = row_number(package_copy, "data/sources.csv", source_id=source)
    assert get_row(package_copy, "data/sources.csv", row)["curation_status"] == "complete"
    assert_invalid(run_validate(package_copy), CHECK, "data/sources.csv", row, "source_id",
                   message_contains="marked complete")


def test_pending_source_cited_by_no_evidence_is_a_warning(package_copy):
    source = _uncite_one_source(package_copy)
    meta = package_copy / "sources" / f"{source}.yaml"
    replace_once(meta, "\ncuration_status: complete\n", "\ncuration_status: pending\n")
    # data/sources.csv is derived from the YAML: keep it in step, as build.py would
    row = row_number(package_copy, "data/sources.csv", source_id=source)
    set_cell(package_copy, "data/sources.csv", row, "curation_status", "pending")
    restamp(package_copy, "data/sources.csv")
    code, report = run_validate(package_copy)[:2]
    assert_reports(report, CHECK, "data/sources.csv", row, "source_id", severity="warning",
                   message_contains="not curated yet")
    assert not find_problems(report, CHECK, "data/sources.csv", row, "source_id", severity="error")
