"""Check "quotes": every quote is in its archived source (whitespace runs compare equal; the parts around … appear in
order); every value_text is in its quote; every date_text in its quote or source; every spelling in the names tables
is in the source it is credited to."""

from __future__ import annotations

import re

import pytest

from tests.faults import assert_invalid, break_cell, check, describe, find_problems

from .quotes import Quotes

ELLIPSIS = "…"
WORD = re.compile(r"\b[A-Za-z]{5,}\b")
INVENTED = "Xylophones were handed out to every detainee"


def one_word_changed(quote: str) -> str:
    """The quote with its first word of five letters or more replaced by an invented one."""
    match = WORD.search(quote)
    assert match, quote
    return quote[: match.start()] + "Xylophone" + quote[match.end() :]


def has_word(row: dict) -> bool:
    return bool(WORD.search(row["quote"])) and ELLIPSIS not in row["quote"]


@pytest.mark.parametrize("relpath", ["data/testimonies.csv", "data/events.csv", "data/mentions.csv"])
def test_quote_altered_by_one_word(package_copy, relpath):
    row = break_cell(package_copy, relpath, has_word, "quote", one_word_changed)
    problem = assert_invalid(check(package_copy, Quotes), "quote-not-found", relpath, row, "quote")
    assert "Xylophone" in problem["message"]


def test_invented_quote(package_copy):
    row = break_cell(package_copy, "data/statements.csv", lambda r: r["quote"], "quote", INVENTED)
    assert_invalid(check(package_copy, Quotes), "quote-not-found", "data/statements.csv", row, "quote")


def test_quote_parts_around_ellipsis_out_of_order(package_copy):
    def two_parts(row):
        return len([p for p in row["quote"].split(ELLIPSIS) if p.strip()]) == 2

    def swap(quote: str) -> str:
        first, second = (p.strip() for p in quote.split(ELLIPSIS))
        return f"{second} {ELLIPSIS} {first}"

    row = break_cell(package_copy, "data/testimonies.csv", two_parts, "quote", swap)
    assert_invalid(check(package_copy, Quotes), "quote-not-found", "data/testimonies.csv", row, "quote")


def test_quote_with_a_run_of_spaces_still_matches(package_copy):
    """Not a fault: a run of spaces compares equal to one space. Another row's quote is broken as a control, to show
    that the check ran."""
    relpath = "data/testimonies.csv"
    spaced = break_cell(package_copy, relpath, has_word, "quote", lambda q: q.replace(" ", "   ", 1))
    control = break_cell(
        package_copy, relpath, lambda r: has_word(r) and "   " not in r["quote"], "quote", one_word_changed
    )
    report = check(package_copy, Quotes)
    assert_invalid(report, "quote-not-found", relpath, control, "quote")
    assert find_problems(report, "quote-not-found", relpath, row=spaced) == [], describe(report)


def test_quote_of_only_an_ellipsis(package_copy):
    row = break_cell(package_copy, "data/testimonies.csv", has_word, "quote", ELLIPSIS)
    assert_invalid(check(package_copy, Quotes), "quote-not-found", "data/testimonies.csv", row, "quote")


def test_value_text_not_in_quote(package_copy):
    row = break_cell(package_copy, "data/statistics.csv", lambda r: r["value_text"], "value_text", "ninety-nine zorbs")
    assert_invalid(check(package_copy, Quotes), "value-text-not-in-quote", "data/statistics.csv", row, "value_text")


def test_date_text_in_neither_quote_nor_source(package_copy):
    row = break_cell(package_copy, "data/testimonies.csv", lambda r: r["date_text"], "date_text", "on Zorbday the 99th")
    assert_invalid(check(package_copy, Quotes), "date-text-not-found", "data/testimonies.csv", row, "date_text")


def test_person_spelling_not_in_its_source(package_copy):
    relpath = "data/person_names.csv"
    row = break_cell(package_copy, relpath, lambda r: r["name"], "name", "Zzyzx Qworp")
    assert_invalid(check(package_copy, Quotes), "spelling-not-in-source", relpath, row, "name")


def test_straight_quotation_marks_for_curly_ones_are_named_as_such(package_copy):
    def curly(row):
        return "’" in row["quote"] and ELLIPSIS not in row["quote"]

    row = break_cell(package_copy, "data/testimonies.csv", curly, "quote", lambda q: q.replace("’", "'"))
    problem = assert_invalid(check(package_copy, Quotes), "quote-not-found", "data/testimonies.csv", row, "quote")
    assert "quotation marks" in problem["message"] and "curly" in problem["message"]
    assert "’" in problem["detail"]["nearest"] and "'" in problem["detail"]["quote"]


def test_a_changed_word_is_shown_with_the_nearest_passage(package_copy):
    relpath = "data/testimonies.csv"
    row = break_cell(package_copy, relpath, has_word, "quote", one_word_changed)
    problem = assert_invalid(check(package_copy, Quotes), "quote-not-found", relpath, row, "quote")
    assert problem["message"].startswith("the quote of tes-") and "nearest passage" in problem["message"]
    assert "Xylophone" in problem["detail"]["quote"] and "Xylophone" not in problem["detail"]["nearest"]


def test_a_quote_that_begins_inside_a_word(package_copy):
    def long_first_word(row):
        return ELLIPSIS not in row["quote"] and re.match(r"^[A-Za-z]{6,}\b", row["quote"])

    row = break_cell(package_copy, "data/testimonies.csv", long_first_word, "quote", lambda q: q[2:])
    assert_invalid(check(package_copy, Quotes), "quote-cuts-a-word", "data/testimonies.csv", row, "quote")
