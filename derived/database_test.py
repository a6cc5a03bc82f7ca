"""The SQLite database of dist/: every row with its declared type, NULL for empty cells, keys that hold, search, and
ready-to-read views that cover what they promise."""

from __future__ import annotations

import json
import sqlite3

import pytest

from model.loader import Package
from tests.faults import REPO, break_cell, rows

from . import database

DESCRIPTOR = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def connection(dist_folder):
    with sqlite3.connect(dist_folder / "detentions.db") as opened:
        yield opened


def test_every_row_of_every_table_with_its_declared_type(connection):
    # SQLite has no boolean: a boolean cell ("true"/"false") is held as 1/0, as SQLite's own TRUE and FALSE are
    booleans = {"true": 1, "false": 0}
    python_types = {"string": str, "date": str, "integer": int, "number": float, "boolean": booleans.__getitem__}
    for resource in DESCRIPTOR["resources"]:
        expected = [record for _, record in rows(REPO, resource["path"])]
        stored = connection.execute(f'SELECT * FROM "{resource["name"]}" ORDER BY rowid').fetchall()
        assert len(stored) == len(expected), resource["name"]
        for record, row in zip(expected, stored):
            for f, value in zip(resource["schema"]["fields"], row):
                text, kind = record[f["name"]], python_types[f["type"]]
                where = (resource["name"], f["name"], text)
                if text == "":
                    assert value is None, where
                elif f["type"] == "boolean":
                    assert type(value) is int and value == kind(text), where
                else:
                    assert type(value) is kind and value == kind(text), where


def test_primary_and_foreign_keys_are_declared_and_hold(connection):
    assert connection.execute("PRAGMA foreign_key_check").fetchall() == []
    for resource in DESCRIPTOR["resources"]:
        declared = connection.execute(f'PRAGMA foreign_key_list("{resource["name"]}")').fetchall()
        assert len(declared) == sum(len(fk["fields"]) for fk in resource["schema"].get("foreignKeys", []))
        key = [row[1] for row in connection.execute(f'PRAGMA table_info("{resource["name"]}")') if row[5]]
        assert key == resource["schema"]["primaryKey"]


def test_every_foreign_key_is_indexed(connection):
    for resource in DESCRIPTOR["resources"]:
        indexed = {
            tuple(row[2] for row in connection.execute(f'PRAGMA index_info("{index[1]}")'))
            for index in connection.execute(f'PRAGMA index_list("{resource["name"]}")')
        }
        for fk in resource["schema"].get("foreignKeys", []):
            assert tuple(fk["fields"]) in indexed, (resource["name"], fk["fields"])


def test_full_text_search_finds_quotes_and_every_spelling(connection):
    testimony = rows(REPO, "data/testimonies.csv")[0][1]
    word = max(testimony["quote"].split(), key=len).strip(".,;:“”\"'’‘()")
    found = connection.execute(
        "SELECT testimony_id FROM testimonies WHERE rowid IN "
        "(SELECT rowid FROM testimonies_fts WHERE testimonies_fts MATCH ?)",
        (f'"{word}"',),
    ).fetchall()
    assert (testimony["testimony_id"],) in found
    spelling = rows(REPO, "data/person_names.csv")[-1][1]
    assert connection.execute(
        "SELECT person_id FROM person_names WHERE rowid IN "
        "(SELECT rowid FROM person_names_fts WHERE person_names_fts MATCH ?)",
        (f'"{spelling["name"].split()[0]}"',),
    ).fetchall()


def test_every_ready_to_read_table_has_rows_and_citations(connection):
    for ready in database.ready_tables(Package(REPO)):
        header = [d[0] for d in connection.execute(f'SELECT * FROM "{ready.name}" LIMIT 1').description]
        assert connection.execute(f'SELECT count(*) FROM "{ready.name}"').fetchone()[0] > 0, ready.name
        assert set(ready.columns) <= set(header), ready.name
        if "citation" in header:
            assert connection.execute(f'SELECT count(*) FROM "{ready.name}" WHERE citation IS NULL').fetchone() == (0,)


def test_the_dossier_holds_every_entity_named_by_an_evidence_row(connection):
    package = Package(REPO)
    expected = set()
    for table, field, _ in package.model.references_to("entity"):
        if table.role == "evidence":
            expected |= {record[field] for _, record in package.rows(table.name) if record[field]}
    assert {row[0] for row in connection.execute("SELECT entity_id FROM dossier")} >= expected


def test_every_question_runs(connection):
    for question in database.questions():
        found = connection.execute(question["sql"], {"name": "a"}).fetchall()
        assert found, question["name"]


def test_a_foreign_key_that_leads_nowhere_is_refused(package_copy, tmp_path):
    break_cell(package_copy, "data/testimonies.csv", 2, "place_id", "pl-nowhere")
    with pytest.raises(ValueError, match="foreign keys that lead nowhere"):
        database.write(Package(package_copy), tmp_path / "broken.db")


def test_statements_read_has_one_row_per_utterance_with_every_stance(connection):
    package = Package(REPO)
    records = [record for _, record in package.rows("statements")]
    utterances = {r["utterance_id"] for r in records}
    assert len(utterances) < len(records)  # some utterance is recorded as several rows
    assert connection.execute("SELECT count(*) FROM statements_read").fetchone()[0] == len(utterances)
    for utterance in utterances:
        stances = sorted({r["stance"] for r in records if r["utterance_id"] == utterance})
        (terms,) = connection.execute(
            "SELECT stance_terms FROM statements_read WHERE utterance_id = ?", (utterance,)
        ).fetchone()
        assert terms.split(";") == stances, utterance


def test_events_read_names_who_reports_each_event(connection):
    package = Package(REPO)
    for _, event in package.rows("events"):
        (claimant,) = connection.execute(
            "SELECT claimant FROM events_read WHERE event_id = ?", (event["event_id"],)
        ).fetchone()
        if event["claimant_description"]:
            assert claimant == event["claimant_description"]
        elif not event["claimant_person_id"] and not event["claimant_org_id"]:
            assert claimant.endswith("(the publisher)"), event["event_id"]
