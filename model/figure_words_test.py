"""How a figure's words are read: cues, numbers in digits and in words, ranges, and phrases a rule reads."""

from __future__ import annotations

import pytest

from model.figure_words import read, rules

RULES = rules()


@pytest.mark.parametrize(
    ("words", "qualifier", "numbers"),
    [
        ("10,000", "exact", (10000,)),
        ("1.25 million", "exact", (1_250_000,)),
        ("Nearly 1.25 million", "nearly", (1_250_000,)),
        ("80%", "exact", (80,)),
        ("three", "exact", (3,)),
        ("Ten", "exact", (10,)),
        ("a million", "exact", (1_000_000,)),
        ("at least a million", "at-least", (1_000_000,)),
        ("twenty-five thousand", "exact", (25_000,)),
        ("more than 2,000", "more-than", (2000,)),
        ("about 300", "about", (300,)),
        ("up to 12 hours", "up-to", (12,)),
        ("ten to fifteen", "range", (10, 15)),
        ("between 5 and 8", "range", (5, 8)),
        ("second largest", "exact", (2,)),
        ("within a couple of months", "up-to", (2,)),
        ("tens of thousands", "order-of-magnitude", (20_000, 99_999)),
        ("several years", "order-of-magnitude", (3, 9)),
    ],
)
def test_words_are_read(words, qualifier, numbers):
    reading = read(words, RULES)
    assert (reading.qualifier, reading.numbers) == (qualifier, tuple(float(n) for n in numbers))


@pytest.mark.parametrize("words", ["a handful", "many", "some of them"])
def test_words_without_a_number_or_a_rule_are_not_read(words):
    assert read(words, RULES) is None
