"""model/dates.py reads the common EDTF forms itself, for speed, and leaves the rest to the edtf package: both
readings must agree on every value, valid or not."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model import dates

FORMS = [
    "2018",
    "2018-05",
    "2018-05-22",
    "2018-05?",
    "2018-05-22~",
    "2018%",
    "2020-02-29",
    "2019-02-29",
    "2018-13",
    "2018-00",
    "2018-05-00",
    "2018-02-30",
    "0000",
    "2018-5",
    "18",
    "2017-07/2018-10",
    "../2018-05?",
    "2022/..",
    "2022-04/..",
    "2019-06/2018-01",
    "2018-05-22/2018-05-21",
    "2017-10/2022",
    "2018?/2019~",
    "../..",
    "2018-05-22T10:00:00",
    "2018-21",
    "-2018",
    "2018/2019-13",
]


def edtf_reading(value):
    """What the edtf package alone makes of a value: (earliest, latest), or 'error'."""
    try:
        parsed = dates.parse(value)
        low, high = dates._day(parsed.lower_strict()), dates._day(parsed.upper_strict())
    except dates.DateError:
        return "error"
    return "error" if low and high and low > high else (low, high)


def our_reading(value):
    try:
        return dates._span(value)
    except dates.DateError:
        return "error"


@pytest.mark.parametrize("value", FORMS)
def test_fast_reading_agrees_with_the_edtf_package(value):
    assert our_reading(value) == edtf_reading(value)


simple = st.builds(
    lambda y, m, d, q: (
        f"{y:04d}"
        + (f"-{m:02d}" if m is not None else "")
        + (f"-{d:02d}" if m is not None and d is not None else "")
        + q
    ),
    st.integers(0, 2100),
    st.one_of(st.none(), st.integers(0, 13)),
    st.one_of(st.none(), st.integers(0, 32)),
    st.sampled_from(["", "?", "~", "%"]),
)


@given(
    st.one_of(
        simple, st.builds(lambda a, b: f"{a}/{b}", st.one_of(simple, st.just("..")), st.one_of(simple, st.just("..")))
    )
)
def test_fast_reading_agrees_on_generated_values(value):
    assert our_reading(value) == edtf_reading(value)
