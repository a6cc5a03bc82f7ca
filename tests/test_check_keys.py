"""Check "keys": no two rows share a primary key (one field or several) or a value of a field declared unique; a
repeated hash that is not a repeated key (a collision) is not reported."""
from __future__ import annotations

from pathlib import Path

from conftest import append_raw_record, assert_invalid, read_csv, restamp, run_validate
from validation import engine
from validation.checks import keys
from validation.package import Package

CHECK = "keys"


def test_repeated_single_field_key(package_copy):
    relpath = "data/persons.csv"
    row = append_raw_record(package_copy, relpath, read_csv(package_copy, relpath)[-1])
    restamp(package_copy, relpath)
    assert_invalid(run_validate(package_copy), CHECK, relpath, row, "person_id", message_contains="repeats row")


def test_repeated_composite_key(package_copy):
    relpath = "data/event_participants.csv"
    records = read_csv(package_copy, relpath)
    row = append_raw_record(package_copy, relpath, records[1])
    restamp(package_copy, relpath)
    assert_invalid(run_validate(package_copy), CHECK, relpath, row, ",".join(["event_id", "person_id", "org_id", "role"]),
                   message_contains="repeats row 2")


def test_hash_collisions_are_not_reported(package_copy, monkeypatch):
    """With every key hashing alike, the second reading reports the one real repeat and nothing else."""
    relpath = "data/persons.csv"
    row = append_raw_record(package_copy, relpath, read_csv(package_copy, relpath)[-1])
    monkeypatch.setattr(keys, "hash", lambda values: 0, raising=False)
    problems = engine.run(Package(Path(package_copy)), [keys])
    assert [(p.file, p.row, p.field) for p in problems] == [(relpath, row, "person_id")]
