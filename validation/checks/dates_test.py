"""Check "dates": dates are EDTF level 1 and name real days; date_earliest/date_latest equal what the EDTF value allows;
a start is not after its end; no date lies in the future, and an evidence row's date does not begin after its source
was published."""

from __future__ import annotations

import datetime

import pytest

from tests.faults import assert_invalid, check, first_row, rows, set_cells

from .dates import Dates

TESTIMONIES = "data/testimonies.csv"
EVENTS = "data/events.csv"


def dated_testimony(pkg) -> int:
    return first_row(pkg, TESTIMONIES, lambda r: r["date"] and r["date_earliest"])[0]


def interval_event(pkg) -> tuple[int, dict]:
    return first_row(pkg, EVENTS, lambda r: r["date_start"] and r["date_end"])


def single_day_event(pkg) -> tuple[int, dict]:
    return first_row(pkg, EVENTS, lambda r: len(r["date_start"]) == 10 and not r["date_end"] and r["source_id"])


@pytest.mark.parametrize("value", ["2018-13", "2019-02-29", "2017-?10-15"], ids=["month-13", "feb-29-2019", "level-2"])
def test_date_that_is_not_an_edtf_level_1_day(package_copy, value):
    row = dated_testimony(package_copy)
    set_cells(package_copy, TESTIMONIES, row, date=value)
    assert_invalid(check(package_copy, Dates), "date-not-edtf", TESTIMONIES, row, "date")


def test_date_earliest_not_matching(package_copy):
    row = dated_testimony(package_copy)
    set_cells(package_copy, TESTIMONIES, row, date_earliest="1999-01-01")
    assert_invalid(check(package_copy, Dates), "date-bound-mismatch", TESTIMONIES, row, "date_earliest")


def test_date_bound_without_a_date(package_copy):
    row = dated_testimony(package_copy)
    set_cells(package_copy, TESTIMONIES, row, date="", date_text="")
    assert_invalid(check(package_copy, Dates), "date-bound-without-date", TESTIMONIES, row, "date_earliest")


def test_date_end_without_a_start(package_copy):
    row, _ = interval_event(package_copy)
    set_cells(package_copy, EVENTS, row, date_start="")
    assert_invalid(check(package_copy, Dates), "date-end-without-start", EVENTS, row, "date_start")


def test_date_end_before_date_start(package_copy):
    row, _ = interval_event(package_copy)
    set_cells(package_copy, EVENTS, row, date_end="1990-01")
    assert_invalid(check(package_copy, Dates), "date-end-before-start", EVENTS, row, "date_end")


def test_future_date(package_copy):
    row, _ = single_day_event(package_copy)
    future = (datetime.date.today() + datetime.timedelta(days=400)).isoformat()
    set_cells(package_copy, EVENTS, row, date_start=future, date_earliest=future, date_latest=future)
    assert_invalid(check(package_copy, Dates), "date-in-future", EVENTS, row, "date_start")


def test_date_end_in_the_future(package_copy):
    row, _ = interval_event(package_copy)
    set_cells(package_copy, EVENTS, row, date_end="2099-10", date_latest="2099-10-31")
    assert_invalid(check(package_copy, Dates), "date-in-future", EVENTS, row, "date_end")


def test_event_dated_after_its_source_was_published(package_copy):
    row, event = single_day_event(package_copy)
    published = {r["source_id"]: r["published_latest"] for _, r in rows(package_copy, "data/sources.csv")}
    after = (datetime.date.fromisoformat(published[event["source_id"]]) + datetime.timedelta(days=1)).isoformat()
    set_cells(package_copy, EVENTS, row, date_start=after, date_earliest=after, date_latest=after)
    assert_invalid(check(package_copy, Dates), "date-after-publication", EVENTS, row, "date_start")
