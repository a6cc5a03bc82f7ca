"""Where a quote stands in its source: the passage the site highlights."""

from __future__ import annotations

from model.text import quote_spans


def test_a_quote_is_found_across_line_breaks_and_spaces():
    source = "Intro.\nShe was taken\n  to the camp in 2017. Then"
    (start, end), *rest = quote_spans("She was taken to the camp in 2017.", source)
    assert not rest and source[start:end] == "She was taken\n  to the camp in 2017."


def test_each_part_of_a_quote_cut_by_an_ellipsis_is_found_in_order():
    source = "one two three four five"
    assert quote_spans("two … five", source) == [(4, 7), (19, 23)]
    assert quote_spans("five … two", source) is None


def test_a_quote_not_in_the_source_has_no_span():
    assert quote_spans("six", "one two three") is None


def test_every_format_character_is_refused_as_invisible():
    import sys
    import unicodedata

    from .text import text_problem

    missed = [
        f"U+{c:04X}"
        for c in range(sys.maxunicode + 1)
        if unicodedata.category(chr(c)) == "Cf" and (text_problem(f"a{chr(c)}b") or ("",))[0] != "invisible-character"
    ]
    assert missed == []
