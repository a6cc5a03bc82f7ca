"""Check "orphans": every entity is referenced from evidence (or a link table, or a source's metadata) and has a
spelling in its names table; every source whose curation is complete is cited by evidence."""

from __future__ import annotations

from model.loader import Package
from tests.faults import (
    append_row,
    assert_invalid,
    assert_reports,
    check,
    delete_row,
    find_problems,
    get_row,
    replace_once,
    restamp,
    row_number,
    rows,
    set_cell,
)

from .orphans import Orphans


def add_entity_with_a_spelling(pkg, table, names_table, key, ident) -> int:
    """Append an entity referenced by nothing, with a names row reusing a spelling its source does print."""
    spelling = rows(pkg, f"data/{names_table}.csv")[0][1]
    row = append_row(pkg, f"data/{table}.csv", {key: ident, "name": "Zz Unreferenced"})
    append_row(
        pkg, f"data/{names_table}.csv", {key: ident, "name": spelling["name"], "source_id": spelling["source_id"]}
    )
    restamp(pkg, f"data/{table}.csv")
    restamp(pkg, f"data/{names_table}.csv")
    return row


def test_person_referenced_by_nothing(package_copy):
    row = add_entity_with_a_spelling(package_copy, "persons", "person_names", "person_id", "per-zz-unreferenced")
    problem = assert_invalid(check(package_copy, Orphans), "entity-unreferenced", "data/persons.csv", row, "person_id")
    assert "per-zz-unreferenced" in problem["message"]


def test_person_without_a_spelling(package_copy):
    names = "data/person_names.csv"
    person = rows(package_copy, names)[-1][1]["person_id"]
    while any(r["person_id"] == person for _, r in rows(package_copy, names)):
        delete_row(package_copy, names, row_number(package_copy, names, person_id=person))
    restamp(package_copy, names)
    row = row_number(package_copy, "data/persons.csv", person_id=person)
    assert_invalid(check(package_copy, Orphans), "entity-without-spelling", "data/persons.csv", row, "person_id")


def _uncite_one_source(pkg) -> str:
    """Delete every evidence row of the source with the fewest; return its ID. Rows pointing at the deleted ones
    (allegations, participants) are left dangling: those are other checks' problems."""
    evidence = [t.path for t in Package(pkg).model.evidence]
    counts: dict[str, int] = {}
    for relpath in evidence:
        for _, r in rows(pkg, relpath):
            counts[r["source_id"]] = counts.get(r["source_id"], 0) + 1
    source = min(counts, key=counts.get)
    for relpath in evidence:
        while any(r["source_id"] == source for _, r in rows(pkg, relpath)):
            delete_row(pkg, relpath, row_number(pkg, relpath, source_id=source))
        restamp(pkg, relpath)
    return source


def test_complete_source_cited_by_no_evidence(package_copy):
    source = _uncite_one_source(package_copy)
    row = row_number(package_copy, "data/sources.csv", source_id=source)
    assert get_row(package_copy, "data/sources.csv", row)["curation_status"] == "complete"
    assert_invalid(check(package_copy, Orphans), "complete-source-uncited", "data/sources.csv", row, "source_id")


def test_pending_source_cited_by_no_evidence_is_a_warning(package_copy):
    source = _uncite_one_source(package_copy)
    replace_once(
        package_copy / "sources" / f"{source}.yaml", "\ncuration_status: complete\n", "\ncuration_status: pending\n"
    )
    # data/sources.csv is derived from the YAML: keep it in step, as build.py would
    row = row_number(package_copy, "data/sources.csv", source_id=source)
    set_cell(package_copy, "data/sources.csv", row, "curation_status", "pending")
    restamp(package_copy, "data/sources.csv")
    report = check(package_copy, Orphans)
    assert_reports(report, "source-not-curated", "data/sources.csv", row, "source_id", severity="warning")
    assert not find_problems(report, "complete-source-uncited")
