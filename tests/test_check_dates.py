"""Check "dates": dates are EDTF level 1 and name real days; date_earliest/date_latest equal what the EDTF value allows;
a start is not after its end; no date lies in the future, and an evidence row's date does not begin after its source
was published."""
from __future__ import annotations

import datetime

import pytest

from conftest import assert_invalid, get_row, restamp, rows, run_validate, set_cell, first_row

CHECK = "dates"
TESTIMONIES = "data/testimonies.csv"
EVENTS = "data/events.csv"


def dated_testimony(pkg) -> int:
    return first_row(pkg, TESTIMONIES, lambda r: r["date"] and r["date_earliest"])[0]


def set_cells(pkg, relpath, number, **values) -> None:
    for field, value in values.items():
        if get_row(pkg, relpath, number)[field] != value:
            set_cell(pkg, relpath, number, field, value)
    restamp(pkg, relpath)


@pytest.mark.parametrize("value, words", [
    ("2018-13", "not an EDTF date"),
    ("2019-02-29", "not a calendar day"),
    ("2017-?10-15", "level 2"),
], ids=["month-13", "feb-29-2019", "level-2"])
def test_date_that_is_not_an_edtf_level_1_day(package_copy, value, words):
    row = dated_testimony(package_copy)
    set_cells(package_copy, TESTIMONIES, row, date=value)
    assert_invalid(run_validate(package_copy), CHECK, TESTIMONIES, row, "date", message_contains=words)


def test_date_earliest_not_matching(package_copy):
    row = dated_testimony(package_copy)
    set_cells(package_copy, TESTIMONIES, row, date_earliest="1999-01-01")
    assert_invalid(run_validate(package_copy), CHECK, TESTIMONIES, row, "date_earliest")


def interval_event(pkg) -> tuple[int, dict]:
    return first_row(pkg, EVENTS, lambda r: r["date_start"] and r["date_end"])


def test_date_end_before_date_start(package_copy):
    row, _ = interval_event(package_copy)
    set_cells(package_copy, EVENTS, row, date_end="1990-01")
    assert_invalid(run_validate(package_copy), CHECK, EVENTS, row, "date_end", message_contains="before")


def single_day_event(pkg) -> tuple[int, dict]:
    return first_row(pkg, EVENTS, lambda r: len(r["date_start"]) == 10 and not r["date_end"] and r["source_id"])


def test_future_date(package_copy):
    row, _ = single_day_event(package_copy)
    future = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    set_cells(package_copy, EVENTS, row, date_start=future, date_earliest=future, date_latest=future)
    assert_invalid(run_validate(package_copy), CHECK, EVENTS, row, "date_start", message_contains="future")


def test_event_dated_after_its_source_was_published(package_copy):
    row, event = single_day_event(package_copy)
    published = {r["source_id"]: r["published_latest"] for _, r in rows(package_copy, "data/sources.csv")}
    after = (datetime.date.fromisoformat(published[event["source_id"]]) + datetime.timedelta(days=1)).isoformat()
    set_cells(package_copy, EVENTS, row, date_start=after, date_earliest=after, date_latest=after)
    assert_invalid(run_validate(package_copy), CHECK, EVENTS, row, "date_start", message_contains="published")


def test_date_end_in_the_future(package_copy):
    row, _ = interval_event(package_copy)
    set_cells(package_copy, EVENTS, row, date_end="2099-10", date_latest="2099-10-31")
    assert_invalid(run_validate(package_copy), CHECK, EVENTS, row, "date_end", message_contains="future")
