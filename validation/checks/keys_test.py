"""Check "keys": no two rows share a primary key (one field or several) or a value of a field declared unique; a
repeated hash that is not a repeated key (a collision) is not reported."""

from __future__ import annotations

from tests.faults import append_raw_record, assert_invalid, check, read_csv, restamp

from . import keys
from .keys import Keys


def test_repeated_single_field_key(package_copy):
    relpath = "data/persons.csv"
    row = append_raw_record(package_copy, relpath, read_csv(package_copy, relpath)[-1])
    restamp(package_copy, relpath)
    assert_invalid(check(package_copy, Keys), "key-repeated", relpath, row, "person_id")


def test_repeated_composite_key(package_copy):
    relpath = "data/event_participants.csv"
    row = append_raw_record(package_copy, relpath, read_csv(package_copy, relpath)[1])
    restamp(package_copy, relpath)
    problem = assert_invalid(check(package_copy, Keys), "key-repeated", relpath, row, "event_id,person_id,org_id,role")
    assert "repeats row 2" in problem["message"]


def test_hash_collisions_are_not_reported(package_copy, monkeypatch):
    """With every key hashing alike, the second reading reports the one real repeat and nothing else."""
    relpath = "data/persons.csv"
    row = append_raw_record(package_copy, relpath, read_csv(package_copy, relpath)[-1])
    monkeypatch.setattr(keys, "hash", lambda values: 0, raising=False)
    problems = check(package_copy, Keys)["problems"]
    assert [(p["code"], p["file"], p["row"], p["field"]) for p in problems] == [
        ("key-repeated", relpath, row, "person_id")
    ]
