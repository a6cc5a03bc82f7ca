"""Check "numbers": a statistic fills exactly the bounds its qualifier names (fills_low, fills_best, fills_high in
the qualifiers vocabulary), and its bounds are in order: value_low <= value_best <= value_high."""
from __future__ import annotations

from conftest import assert_invalid, first_row, restamp, rows, run_validate, set_cell

CHECK = "numbers"
STATISTICS = "data/statistics.csv"


def qualifiers(pkg) -> dict[str, dict[str, bool]]:
    return {r["term"]: {b: r[f"fills_{b}"] == "true" for b in ("low", "best", "high")}
            for _, r in rows(pkg, "data/vocabularies/qualifiers.csv")}


def best_only_row(pkg) -> tuple[int, dict]:
    """A statistic whose qualifier fills value_best only (an 'about' one if there is one)."""
    fills = qualifiers(pkg)
    best_only = {t for t, f in fills.items() if f == {"low": False, "best": True, "high": False}}
    for wanted in (lambda r: r["qualifier"] == "about", lambda r: r["qualifier"] in best_only):
        found = [(n, r) for n, r in rows(pkg, STATISTICS) if wanted(r) and r["value_best"]]
        if found:
            return found[0]
    return first_row(pkg, STATISTICS, lambda r: False)


def edit(pkg, number, **values):
    for field, value in values.items():
        set_cell(pkg, STATISTICS, number, field, value)
    restamp(pkg, STATISTICS)


def test_bound_the_qualifier_leaves_empty_is_filled(package_copy):
    row, stat = best_only_row(package_copy)
    edit(package_copy, row, value_low=str(float(stat["value_best"]) / 2))
    assert_invalid(run_validate(package_copy), CHECK, STATISTICS, row, "value_low", message_contains="leaves empty")


def test_low_greater_than_best(package_copy):
    row, stat = best_only_row(package_copy)
    edit(package_copy, row, value_low=str(float(stat["value_best"]) * 2 + 1))
    assert_invalid(run_validate(package_copy), CHECK, STATISTICS, row, "value_best", message_contains="greater")


def test_range_with_low_greater_than_high(package_copy):
    fills = qualifiers(package_copy)
    low_only = {t for t, f in fills.items() if f == {"low": True, "best": False, "high": False}}
    row, stat = first_row(package_copy, STATISTICS, lambda r: r["qualifier"] in low_only and r["value_low"])
    assert fills["range"] == {"low": True, "best": False, "high": True}
    edit(package_copy, row, qualifier="range", value_high=str(float(stat["value_low"]) - 1))
    assert_invalid(run_validate(package_copy), CHECK, STATISTICS, row, "value_high", message_contains="greater")
