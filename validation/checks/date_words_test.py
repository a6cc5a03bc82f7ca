"""Check "date_words": a row's date agrees with its date words, named outright or resolved against the source's
publication date."""

from __future__ import annotations

from tests.faults import assert_invalid, check, first_row, set_cells

from .date_words import DateWords

EVENTS, STATEMENTS = "data/events.csv", "data/statements.csv"


def test_last_march_dated_to_june(package_copy):
    row, _ = first_row(package_copy, STATEMENTS, lambda r: r["date_text"] == "Last June")
    set_cells(package_copy, STATEMENTS, row, date_text="Last March")
    assert_invalid(check(package_copy, DateWords), "date-not-as-relative-words", STATEMENTS, row, "date")


def test_last_year_read_as_this_year(package_copy):
    row, event = first_row(package_copy, EVENTS, lambda r: r["date_text"] == "October 15 last year")
    set_cells(package_copy, EVENTS, row, date_start="2018-10-15", date_earliest="2018-10-15", date_latest="2018-10-15")
    assert_invalid(check(package_copy, DateWords), "date-not-as-relative-words", EVENTS, row, "date_start")


def test_a_named_month_and_year_not_met(package_copy):
    row, _ = first_row(package_copy, EVENTS, lambda r: r["date_text"] == "in December 2018")
    set_cells(package_copy, EVENTS, row, date_start="2018-11", date_earliest="2018-11-01", date_latest="2018-11-30")
    assert_invalid(check(package_copy, DateWords), "date-not-as-words", EVENTS, row, "date_start")


def test_a_weekday_the_day_does_not_fall_on(package_copy):
    row, _ = first_row(package_copy, EVENTS, lambda r: r["date_text"] == "On Tuesday")
    set_cells(package_copy, EVENTS, row, date_start="2018-05-23?", date_earliest="2018-05-23", date_latest="2018-05-23")
    assert_invalid(check(package_copy, DateWords), "date-not-as-relative-words", EVENTS, row, "date_start")


def test_a_named_year_without_a_date(package_copy):
    row, _ = first_row(package_copy, EVENTS, lambda r: r["date_text"] == "in October 2017")
    set_cells(package_copy, EVENTS, row, date_start="", date_earliest="", date_latest="")
    assert_invalid(check(package_copy, DateWords), "date-not-as-words", EVENTS, row, "date_start")
