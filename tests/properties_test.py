"""Property-based tests: arbitrary text in any cell of any table, or in any value of a source's YAML, never makes the
checker crash: it reports, with codes, and no check stops on the input. In the inner loop, a few examples each
against every check but Frictionless's (which takes most of a run's second); under the slow marker, many examples
against those checks and a few against every check, Frictionless's included."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.faults import PROBLEM_KEYS, REPO, check, read_csv, restamp, write_csv
from validation.checks import CHECKS, Schema

TABLES = sorted(p.relative_to(REPO).as_posix() for p in (REPO / "data").rglob("*.csv"))
YAMLS = sorted(p.name for p in (REPO / "sources").glob("*.yaml"))
# Any Unicode text, surrogates excluded (a file cannot hold them), control characters and all.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)
QUICK = [c for c in CHECKS if c is not Schema]
STRENGTHS = [
    pytest.param(5, QUICK, id="quick"),
    pytest.param(30, QUICK, id="full", marks=pytest.mark.slow),
    pytest.param(5, CHECKS, id="with-frictionless", marks=pytest.mark.slow),
]


@pytest.fixture(scope="module")
def template(tmp_path_factory) -> Path:
    from tests.faults import copy_package

    return copy_package(tmp_path_factory.mktemp("template") / "pkg")


def assert_handled(pkg: Path, checks: list) -> None:
    report = check(pkg, *checks)
    assert report["exit_code"] in (0, 1) and report["valid"] is (report["exit_code"] == 0)
    for problem in report["problems"]:
        assert set(problem) == PROBLEM_KEYS
        assert problem["code"] != "check-crashed", problem


def on_a_copy(template: Path, change: Callable[[Path], None], checks: list) -> None:
    pkg = Path(tempfile.mkdtemp(prefix="property-")) / "pkg"
    try:
        shutil.copytree(template, pkg)
        change(pkg)
        assert_handled(pkg, checks)
    finally:
        shutil.rmtree(pkg.parent, ignore_errors=True)


@pytest.mark.parametrize("examples, checks", STRENGTHS)
def test_arbitrary_text_in_any_cell(template, examples, checks):
    @settings(max_examples=examples, suppress_health_check=[HealthCheck.too_slow])
    # found by this test: a carriage return splits a vocabulary row, and the data dictionary met a missing cell
    @example(table="data/vocabularies/allegation_types.csv", row=0, column=0, value="0\r", restamped=False)
    @given(
        table=st.sampled_from(TABLES),
        row=st.integers(0, 10**6),
        column=st.integers(0, 10**6),
        value=TEXT,
        restamped=st.booleans(),
    )
    def property_holds(table, row, column, value, restamped):
        def change(pkg: Path) -> None:
            records = read_csv(pkg, table)
            r = 1 + row % (len(records) - 1) if len(records) > 1 else 0
            records[r][column % len(records[r])] = value
            write_csv(pkg, table, records)
            if restamped:
                restamp(pkg, table)

        on_a_copy(template, change, checks)

    property_holds()


@pytest.mark.parametrize("examples, checks", STRENGTHS)
def test_arbitrary_value_in_a_source_yaml(template, examples, checks):
    @settings(max_examples=examples, suppress_health_check=[HealthCheck.too_slow])
    @given(
        name=st.sampled_from(YAMLS),
        key=st.integers(0, 100),
        value=st.one_of(
            TEXT,
            st.integers(),
            st.none(),
            st.booleans(),
            st.lists(TEXT, max_size=3),
            st.dictionaries(TEXT, TEXT, max_size=2),
        ),
    )
    def property_holds(name, key, value):
        def change(pkg: Path) -> None:
            path = pkg / "sources" / name
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            data[sorted(data)[key % len(data)]] = value
            path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")

        on_a_copy(template, change, checks)

    property_holds()


@pytest.mark.parametrize("examples, checks", STRENGTHS)
def test_arbitrary_text_as_a_whole_source_yaml(template, examples, checks):
    @settings(max_examples=examples, suppress_health_check=[HealthCheck.too_slow])
    @given(name=st.sampled_from(YAMLS), text=TEXT)
    def property_holds(name, text):
        on_a_copy(template, lambda pkg: (pkg / "sources" / name).write_text(text, encoding="utf-8"), checks)

    property_holds()
