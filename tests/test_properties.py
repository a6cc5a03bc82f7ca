"""Property-based tests: arbitrary text in any cell of any table, or in any value of a source's YAML, never makes
validate.py crash. It exits 0 or 1 with a report of the documented shape, and no check stops on the input."""
from __future__ import annotations

import atexit
import contextlib
import io
import json
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings, strategies as st

from conftest import PROBLEM_KEYS, REPORT_KEYS, REPO, copy_package, read_csv, restamp, write_csv

import validate

TEMPLATE = Path(tempfile.mkdtemp(prefix="property-template-")) / "pkg"
copy_package(TEMPLATE)
atexit.register(shutil.rmtree, TEMPLATE.parent, True)
TABLES = sorted(p.relative_to(TEMPLATE).as_posix() for p in (TEMPLATE / "data").rglob("*.csv"))
YAMLS = sorted(p.name for p in (TEMPLATE / "sources").glob("*.yaml"))
# Any Unicode text, surrogates excluded (a file cannot hold them), control characters and all.
TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=200)


def validate_in_process(pkg: Path) -> tuple[int, dict]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = validate.main([str(pkg), "--json"])
    return code, json.loads(out.getvalue())


def assert_handled(code: int, report: dict) -> None:
    assert code in (0, 1)
    assert set(report) == REPORT_KEYS and report["exit_code"] == code and report["valid"] is (code == 0)
    for problem in report["problems"]:
        assert set(problem) == PROBLEM_KEYS
        assert "stopped on unexpected input" not in problem["message"], problem


def fresh_copy() -> Path:
    pkg = Path(tempfile.mkdtemp(prefix="property-")) / "pkg"
    shutil.copytree(TEMPLATE, pkg)
    return pkg


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
# found by this test: a carriage return splits a vocabulary row, and the data dictionary met a missing cell
@example(table="data/vocabularies/allegation_types.csv", row=0, column=0, value="0\r", restamped=False)
@given(table=st.sampled_from(TABLES), row=st.integers(0, 10**6), column=st.integers(0, 10**6), value=TEXT,
       restamped=st.booleans())
def test_arbitrary_text_in_any_cell(table, row, column, value, restamped):
    pkg = fresh_copy()
    try:
        records = read_csv(pkg, table)
        if len(records) > 1:
            r = 1 + row % (len(records) - 1)
            records[r][column % len(records[r])] = value
        else:
            records[0][column % len(records[0])] = value
        write_csv(pkg, table, records)
        if restamped:
            restamp(pkg, table)
        assert_handled(*validate_in_process(pkg))
    finally:
        shutil.rmtree(pkg.parent, ignore_errors=True)


@settings(max_examples=30, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(YAMLS), key=st.integers(0, 100), value=st.one_of(TEXT, st.integers(), st.none(),
       st.booleans(), st.lists(TEXT, max_size=3), st.dictionaries(TEXT, TEXT, max_size=2)))
def test_arbitrary_value_in_a_source_yaml(name, key, value):
    pkg = fresh_copy()
    try:
        path = pkg / "sources" / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        keys = sorted(data)
        data[keys[key % len(keys)]] = value
        path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        assert_handled(*validate_in_process(pkg))
    finally:
        shutil.rmtree(pkg.parent, ignore_errors=True)


@settings(max_examples=20, suppress_health_check=[HealthCheck.too_slow])
@given(name=st.sampled_from(YAMLS), text=TEXT)
def test_arbitrary_text_as_a_whole_source_yaml(name, text):
    pkg = fresh_copy()
    try:
        (pkg / "sources" / name).write_text(text, encoding="utf-8")
        assert_handled(*validate_in_process(pkg))
    finally:
        shutil.rmtree(pkg.parent, ignore_errors=True)
