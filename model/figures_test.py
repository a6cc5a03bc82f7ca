"""How a qualifier's interval (reads_as) bounds a figure, which bounds it fills, and when two ranges overlap."""

from __future__ import annotations

import math

import pytest

from tests.faults import REPO, rows

from .figures import Qualifiers, overlap, parse_reading

QUALIFIERS = Qualifiers(row for _, row in rows(REPO, "data/vocabularies/qualifiers.csv"))


def figure(qualifier, low="", best="", high=""):
    return {"qualifier": qualifier, "value_low": low, "value_best": best, "value_high": high}


@pytest.mark.parametrize(
    "row, expected",
    [
        (figure("exact", best="2000"), (2000, False, 2000, False)),
        (figure("more-than", low="2000"), (2000, True, math.inf, True)),
        (figure("at-least", low="1000000"), (1000000, False, math.inf, True)),
        (figure("nearly", high="100"), (90, False, 100, True)),
        (figure("about", best="100"), (90, False, 110, False)),
        (figure("up-to", high="12"), (0, False, 12, False)),
        (figure("order-of-magnitude", low="20000", high="99999"), (20000, False, 99999, False)),
        (figure("range", low="10", high="15"), (10, False, 15, False)),
    ],
)
def test_range_follows_the_qualifier(row, expected):
    assert QUALIFIERS.range(row) == pytest.approx(expected)


def test_every_shipped_qualifier_reads_and_fills_what_its_definition_says():
    assert not QUALIFIERS.unreadable
    fills = {term: reading.fills for term, reading in QUALIFIERS.readings.items()}
    assert fills["exact"] == fills["about"] == {"value_best"}
    assert fills["at-least"] == fills["more-than"] == {"value_low"}
    assert fills["nearly"] == fills["up-to"] == {"value_high"}
    assert fills["range"] == fills["order-of-magnitude"] == {"value_low", "value_high"}


@pytest.mark.parametrize(
    "text",
    ["", "[value_best]", "value_low, value_high", "[value_mid, ∞)", "[∞, value_high]", "[0.9 value_best, value_best]"],
)
def test_what_is_not_an_interval_is_unreadable(text):
    assert parse_reading(text) is None


def test_range_of_a_figure_without_its_bound_is_unusable():
    assert QUALIFIERS.range(figure("exact")) is None
    assert QUALIFIERS.range(figure("range", low="10")) is None
    assert QUALIFIERS.range(figure("no-such-qualifier", best="10")) is None


@pytest.mark.parametrize(
    "a, b, expected",
    [
        (figure("more-than", low="2000"), figure("exact", best="2000"), False),  # "more than 2,000" excludes 2,000
        (figure("at-least", low="2000"), figure("exact", best="2000"), True),
        (figure("at-least", low="1000000"), figure("at-least", low="1000000"), True),
        (figure("nearly", high="100"), figure("exact", best="100"), False),
        (figure("about", best="100"), figure("exact", best="105"), True),
        (figure("range", low="10", high="15"), figure("exact", best="16"), False),
        (figure("order-of-magnitude", low="20000", high="99999"), figure("about", best="10000"), False),
    ],
)
def test_overlap(a, b, expected):
    ra, rb = QUALIFIERS.range(a), QUALIFIERS.range(b)
    assert overlap(ra, rb) is expected and overlap(rb, ra) is expected
