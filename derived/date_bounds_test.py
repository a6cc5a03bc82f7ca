"""Filling empty date bounds from the EDTF date: only empty cells are filled, every other byte stays."""

from __future__ import annotations

from model.loader import Package
from tests.faults import first_row, set_cells

from .date_bounds import fill

EVENTS = "data/events.csv"


def test_empty_bounds_are_filled_and_nothing_else_changes(package_copy):
    row, event = first_row(package_copy, EVENTS, lambda r: r["date_start"] == "2017-07" and r["date_end"] == "2018-10")
    set_cells(package_copy, EVENTS, row, date_earliest="", date_latest="")
    before = (package_copy / EVENTS).read_bytes()
    filled = fill(Package(package_copy))
    assert list(filled) == [EVENTS]
    after = filled[EVENTS]
    assert after.count(b"\n") == before.count(b"\n")
    changed = [(a, b) for a, b in zip(before.split(b"\n"), after.split(b"\n")) if a != b]
    assert len(changed) == 1 and b"2017-07-01" in changed[0][1] and b"2018-10-31" in changed[0][1]


def test_a_wrong_bound_is_left_for_the_check_to_report(package_copy):
    row, _ = first_row(package_copy, EVENTS, lambda r: r["date_earliest"])
    set_cells(package_copy, EVENTS, row, date_earliest="1999-01-01")
    assert fill(Package(package_copy)) == {}
