"""Check "numbers": a figure fills exactly the bounds its qualifier's interval names (reads_as in the qualifiers
vocabulary), and its bounds are in order: value_low <= value_best <= value_high."""

from __future__ import annotations

from tests.faults import assert_invalid, check, first_row, restamp, set_cells

from .numbers import Numbers

STATISTICS = "data/statistics.csv"


def test_bound_the_qualifier_leaves_empty_is_filled(package_copy):
    row, figure = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "about" and r["value_best"])
    set_cells(package_copy, STATISTICS, row, value_low=str(float(figure["value_best"]) / 2))
    assert_invalid(check(package_copy, Numbers), "bounds-not-as-qualifier", STATISTICS, row, "value_low")


def test_bound_the_qualifier_fills_is_empty(package_copy):
    row, _ = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "at-least")
    set_cells(package_copy, STATISTICS, row, value_low="")
    assert_invalid(check(package_copy, Numbers), "bounds-not-as-qualifier", STATISTICS, row, "value_low")


def test_low_greater_than_best(package_copy):
    row, figure = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "about" and r["value_best"])
    set_cells(package_copy, STATISTICS, row, value_low=str(float(figure["value_best"]) * 2 + 1))
    assert_invalid(check(package_copy, Numbers), "bounds-out-of-order", STATISTICS, row, "value_best")


def test_range_with_low_greater_than_high(package_copy):
    row, figure = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "at-least" and r["value_low"])
    set_cells(package_copy, STATISTICS, row, qualifier="range", value_high=str(float(figure["value_low"]) - 1))
    assert_invalid(check(package_copy, Numbers), "bounds-out-of-order", STATISTICS, row, "value_high")


def test_a_new_qualifier_is_one_row_of_the_vocabulary(package_copy):
    """A qualifier added to the vocabulary, with its interval, is checked by what that interval names."""
    from tests.faults import append_row

    vocabulary = "data/vocabularies/qualifiers.csv"
    append_row(
        package_copy,
        vocabulary,
        {
            "term": "no-more-than",
            "label": "No more than",
            "definition": 'A ceiling ("no more than 40").',
            "reads_as": "[0, value_high]",
        },
    )
    restamp(package_copy, vocabulary)
    row, _ = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "about" and r["value_best"])
    set_cells(package_copy, STATISTICS, row, qualifier="no-more-than")
    report = check(package_copy, Numbers)
    assert_invalid(report, "bounds-not-as-qualifier", STATISTICS, row, "value_best")
    assert_invalid(report, "bounds-not-as-qualifier", STATISTICS, row, "value_high")


def test_about_300_recorded_as_30(package_copy):
    row, _ = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "about")
    set_cells(package_copy, STATISTICS, row, value_text="about 300", value_best="30")
    assert_invalid(check(package_copy, Numbers), "number-not-as-words", STATISTICS, row, "value_best")


def test_about_300_recorded_as_exact(package_copy):
    row, _ = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "about")
    set_cells(package_copy, STATISTICS, row, value_text="about 300", value_best="300", qualifier="exact")
    assert_invalid(check(package_copy, Numbers), "qualifier-not-as-words", STATISTICS, row, "qualifier")


def test_a_range_in_words_read_as_both_bounds(package_copy):
    row, _ = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "range")
    set_cells(package_copy, STATISTICS, row, value_text="ten to twenty", value_low="10", value_high="15")
    assert_invalid(check(package_copy, Numbers), "number-not-as-words", STATISTICS, row, "value_high")


def test_words_no_rule_reads_need_a_note(package_copy):
    row, _ = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] == "exact" and not r["notes"])
    set_cells(package_copy, STATISTICS, row, value_text="a handful")
    assert_invalid(check(package_copy, Numbers), "words-unread", STATISTICS, row, "value_text")
