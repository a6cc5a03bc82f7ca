"""Check "orphans": every person, organisation and place is referenced from evidence (or a link table, or a source's
metadata) and has a spelling in its names table; every source whose curation is complete is cited by evidence."""
from __future__ import annotations

import pytest
import yaml

from conftest import append_row, assert_invalid, delete_row, replace_once, restamp, row_number, rows, run_validate, set_cell

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


def test_complete_source_cited_by_no_evidence(package_copy):
    cited = {r["source_id"] for table in ("testimonies", "statistics", "statements", "events")
             for _, r in rows(package_copy, f"data/{table}.csv")}
    uncited = [r["source_id"] for _, r in rows(package_copy, "data/sources.csv")
               if r["source_id"] not in cited and r["curation_status"] == "pending"]
    if not uncited:
        pytest.skip("every source is cited")
    source = uncited[0]
    meta = package_copy / "sources" / f"{source}.yaml"
    assert yaml.safe_load(meta.read_text(encoding="utf-8"))["curation_status"] == "pending"
    replace_once(meta, "\ncuration_status: pending\n", "\ncuration_status: complete\n")
    # data/sources.csv is derived from the YAML: keep it in step, as build.py would
    row = row_number(package_copy, "data/sources.csv", source_id=source)
    set_cell(package_copy, "data/sources.csv", row, "curation_status", "complete")
    restamp(package_copy, "data/sources.csv")
    assert_invalid(run_validate(package_copy), CHECK, "data/sources.csv", row, "source_id",
                   message_contains="marked complete")
