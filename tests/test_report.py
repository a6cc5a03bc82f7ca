"""REPORT.md, the cross-source report: the ranges a figure's words allow, when two ranges conflict, and the report
built from a package whose figures were changed to agree or disagree. Rows are picked by what they hold."""
from __future__ import annotations

import math
from collections import defaultdict

import pytest

from conftest import REPO, break_cell, rows
from validation import report
from validation.package import Package


def figure(qualifier, low="", best="", high=""):
    return {"qualifier": qualifier, "value_low": low, "value_best": best, "value_high": high}


@pytest.mark.parametrize("row, expected", [
    (figure("exact", best="2000"), (2000, False, 2000, False)),
    (figure("more-than", low="2000"), (2000, True, math.inf, True)),
    (figure("at-least", low="1000000"), (1000000, False, math.inf, True)),
    (figure("nearly", high="100"), (90, False, 100, True)),
    (figure("about", best="100"), (90, False, 110, False)),
    (figure("up-to", high="12"), (0, False, 12, False)),
    (figure("order-of-magnitude", low="20000", high="99999"), (20000, False, 99999, False)),
    (figure("range", low="10", high="15"), (10, False, 15, False)),
])
def test_range_follows_the_qualifier(row, expected):
    low, low_open, high, high_open = report.figure_range(row)
    assert (low, low_open, high, high_open) == pytest.approx(expected)


def test_range_of_a_figure_without_its_bound_is_unusable():
    assert report.figure_range(figure("exact")) is None
    assert report.figure_range(figure("range", low="10")) is None


@pytest.mark.parametrize("a, b, expected", [
    (figure("more-than", low="2000"), figure("exact", best="2000"), False),  # "more than 2,000" excludes 2,000
    (figure("at-least", low="2000"), figure("exact", best="2000"), True),
    (figure("at-least", low="1000000"), figure("at-least", low="1000000"), True),
    (figure("nearly", high="100"), figure("exact", best="100"), False),
    (figure("about", best="100"), figure("exact", best="105"), True),
    (figure("range", low="10", high="15"), figure("exact", best="16"), False),
    (figure("order-of-magnitude", low="20000", high="99999"), figure("about", best="10000"), False),
])
def test_overlap(a, b, expected):
    ra, rb = report.figure_range(a), report.figure_range(b)
    assert report.overlap(ra, rb) is expected
    assert report.overlap(rb, ra) is expected


def _corroborated_group(pkg):
    """Row numbers of two figures from different sources with the same measure, unit and population_key and the
    same qualifier, or skip."""
    groups = defaultdict(list)
    for number, row in rows(pkg, "data/statistics.csv"):
        groups[(row["measure"], row["unit"], row["population_key"])].append((number, row))
    for members in groups.values():
        for i, (n1, r1) in enumerate(members):
            for n2, r2 in members[i + 1:]:
                if r1["source_id"] != r2["source_id"] and r1["qualifier"] == r2["qualifier"] == "at-least":
                    return (n1, r1), (n2, r2)
    pytest.skip("no two figures of different sources share a group")


def test_shipped_report_flags_corroboration():
    text = (REPO / report.REPORT).read_text(encoding="utf-8")
    assert text == report.render(Package(REPO)), "REPORT.md is stale: run python build.py"
    assert "**corroboration**" in text


def test_conflict_flagged_when_one_figure_changes(package_copy):
    (n1, r1), (n2, r2) = _corroborated_group(package_copy)
    before = report.render(Package(package_copy))
    # "at least" turned into "up to" the same number minus one: the two ranges can no longer meet.
    break_cell(package_copy, "data/statistics.csv", n2, "qualifier", "up-to")
    break_cell(package_copy, "data/statistics.csv", n2, "value_high", str(int(float(r2["value_low"])) - 1))
    break_cell(package_copy, "data/statistics.csv", n2, "value_low", "")
    after = report.render(Package(package_copy))
    flag = next(line for line in after.splitlines() if line.startswith("**conflict**") and r2["statistic_id"] in line)
    assert r1["statistic_id"] in flag and "do not overlap" in flag
    assert before != after


def test_entities_in_several_sources_are_listed(package_copy):
    text = report.render(Package(package_copy))
    section = text.split("## Named in more than one source", 1)[1]
    names = defaultdict(set)
    for _, row in rows(package_copy, "data/place_names.csv"):
        names[row["place_id"]].add(row["source_id"])
    shared = [p for p, s in names.items() if len(s) > 1]
    assert shared
    for place_id in shared:
        assert f"| {place_id} |" in section
    single = [p for p, s in names.items() if len(s) == 1]
    for place_id in single:
        assert f"| {place_id} |" not in section


def test_rows_per_source_counts_each_table(package_copy):
    text = report.render(Package(package_copy))
    counts = defaultdict(int)
    for _, row in rows(package_copy, "data/testimonies.csv"):
        counts[row["source_id"]] += 1
    table = text.split("## Rows per source", 1)[1].split("##", 1)[0]
    for source_id, count in counts.items():
        line = next(line for line in table.splitlines() if line.startswith(f"| `{source_id}` |"))
        assert line.split(" | ")[3] == str(count)
