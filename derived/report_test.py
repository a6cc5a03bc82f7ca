"""REPORT.md, the cross-source report, built from a package whose figures were changed to agree or disagree. Rows are
picked by what they hold."""

from __future__ import annotations

from collections import defaultdict

import pytest

from model.loader import Package
from tests.faults import REPO, break_cell, rows

from . import report


def render(pkg) -> str:
    package = Package(pkg)
    return b"".join(report.render(package, package.source_metadata[0])).decode("utf-8")


def _corroborated_pair(pkg):
    """Two "at least" figures from different sources with the same measure, unit and population_key, or skip."""
    groups = defaultdict(list)
    for number, row in rows(pkg, "data/statistics.csv"):
        groups[(row["measure"], row["unit"], row["population_key"])].append((number, row))
    for members in groups.values():
        for i, (n1, r1) in enumerate(members):
            for n2, r2 in members[i + 1 :]:
                if r1["source_id"] != r2["source_id"] and r1["qualifier"] == r2["qualifier"] == "at-least":
                    return (n1, r1), (n2, r2)
    pytest.skip("no two figures of different sources share a group")


def test_shipped_report_is_current_and_flags_corroboration():
    text = (REPO / report.REPORT).read_text(encoding="utf-8")
    assert text == render(REPO), "REPORT.md is stale: run python build.py"
    assert "**corroboration**" in text


def test_conflict_flagged_when_one_figure_changes(package_copy):
    (_, r1), (n2, r2) = _corroborated_pair(package_copy)
    before = render(package_copy)
    # "at least" turned into "up to" the same number minus one: the two ranges can no longer meet.
    break_cell(package_copy, "data/statistics.csv", n2, "qualifier", "up-to")
    break_cell(package_copy, "data/statistics.csv", n2, "value_high", str(int(float(r2["value_low"])) - 1))
    break_cell(package_copy, "data/statistics.csv", n2, "value_low", "")
    after = render(package_copy)
    flag = next(line for line in after.splitlines() if line.startswith("**conflict**") and r2["statistic_id"] in line)
    assert r1["statistic_id"] in flag and "do not overlap" in flag
    assert before != after


def test_entities_in_several_sources_are_listed(module_copy):
    section = render(module_copy).split("## Named in more than one source", 1)[1]
    names = defaultdict(set)
    for _, row in rows(module_copy, "data/place_names.csv"):
        names[row["place_id"]].add(row["source_id"])
    assert any(len(s) > 1 for s in names.values())
    for place_id, sources in names.items():
        assert (f"| {place_id} |" in section) is (len(sources) > 1)


def test_rows_per_source_counts_each_table(module_copy):
    table = render(module_copy).split("## Rows per source", 1)[1].split("##", 1)[0]
    header = next(line for line in table.splitlines() if line.startswith("| source |")).split(" | ")
    column = header.index("figures")
    counts = defaultdict(int)
    for _, row in rows(module_copy, "data/statistics.csv"):
        counts[row["source_id"]] += 1
    for source_id, count in counts.items():
        line = next(line for line in table.splitlines() if line.startswith(f"| `{source_id}` |"))
        assert line.split(" | ")[column] == str(count)


def test_rows_per_source_counts_statements_as_utterances(module_copy):
    table = render(module_copy).split("## Rows per source", 1)[1].split("##", 1)[0]
    header = next(line for line in table.splitlines() if line.startswith("| source |")).split(" | ")
    column = header.index("statements")
    utterances = defaultdict(set)
    statement_rows = defaultdict(int)
    for _, row in rows(module_copy, "data/statements.csv"):
        utterances[row["source_id"]].add(row["utterance_id"])
        statement_rows[row["source_id"]] += 1
    assert any(len(utterances[s]) < statement_rows[s] for s in utterances)  # the shipped data tells them apart
    for source_id, found in utterances.items():
        line = next(line for line in table.splitlines() if line.startswith(f"| `{source_id}` |"))
        assert line.split(" | ")[column] == str(len(found))


def test_rows_per_source_counts_testimonies_as_accounts(module_copy):
    text = render(module_copy)
    table = text.split("## Rows per source", 1)[1].split("##", 1)[0]
    assert "testimonies as accounts (`account_id`)" in table  # the report says what it counts
    header = next(line for line in table.splitlines() if line.startswith("| source |")).split(" | ")
    column = header.index("testimonies")
    accounts = defaultdict(set)
    testimony_rows = defaultdict(int)
    for _, row in rows(module_copy, "data/testimonies.csv"):
        accounts[row["source_id"]].add(row["account_id"])
        testimony_rows[row["source_id"]] += 1
    assert any(len(accounts[s]) < testimony_rows[s] for s in accounts)  # the shipped data tells them apart
    for source_id, found in accounts.items():
        line = next(line for line in table.splitlines() if line.startswith(f"| `{source_id}` |"))
        assert line.split(" | ")[column] == str(len(found))
