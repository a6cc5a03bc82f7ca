"""Hostile input, slow: validate.py reads a huge cell or a huge file in bounded memory. (Unsafe resource paths are
refused unopened: model/loader_test.py; YAML is read only with safe_load and a tag runs nothing:
validation/checks/source_files_test.py; no network: tests/validate_test.py.)"""

from __future__ import annotations

import json
import sys
import tempfile

import pytest

from benchmarks.memory import measure
from tests.commands import VALIDATE
from tests.faults import read_csv, restamp, set_cell, write_csv

MB = 2**20


def peak_memory(pkg) -> tuple[int, int, dict]:
    """(exit code, peak memory of validate.py's process tree in bytes, its --json report)."""
    with tempfile.TemporaryFile() as out:
        _, peak, code = measure(
            [sys.executable, str(VALIDATE), str(pkg), "--json"], pkg.parent, stdout=out, interval=0.01
        )
        out.seek(0)
        return code, peak, json.loads(out.read().decode("utf-8"))


@pytest.mark.slow
def test_huge_cell_is_refused_in_bounded_memory(package_copy):
    size = 64 * MB
    set_cell(package_copy, "data/persons.csv", 2, "notes", "a" * size)
    restamp(package_copy, "data/persons.csv")
    code, peak, report = peak_memory(package_copy)
    assert code == 1
    assert any(
        p["code"] == "cell-too-large" and p["file"] == "data/persons.csv" and p["row"] == 2 for p in report["problems"]
    ), report["problems"]
    # Neither the checker nor Frictionless reads the cell whole.
    assert peak < 300 * MB, f"peak {peak / MB:.0f} MB for a {size / MB:.0f} MB cell"


@pytest.mark.slow
def test_huge_file_is_read_in_bounded_memory(package_copy):
    relpath = "data/testimony_allegations.csv"
    records = read_csv(package_copy, relpath)
    copies = 20000  # some two million rows, nearly all repeated keys: problems to report, not a crash
    write_csv(package_copy, relpath, [records[0]] + records[1:] * copies)
    restamp(package_copy, relpath)
    file_size = (package_copy / relpath).stat().st_size
    code, peak, report = peak_memory(package_copy)
    assert code == 1 and report["valid"] is False
    assert any(p["code"] == "more-problems" for p in report["problems"])
    # Frictionless stops at 1,000 errors a table; the problems list and the tables are never held whole.
    assert peak < 400 * MB, f"peak {peak / MB:.0f} MB for a {file_size / MB:.0f} MB file"


@pytest.mark.slow
def test_memory_is_measured_across_the_process_tree(tmp_path):
    """The sampler sees a child's memory, or the bounds above would prove nothing."""
    grandchild = "x = bytearray(200 * 2**20); import time; time.sleep(1)"
    child = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {grandchild!r}])"
    _, peak, code = measure([sys.executable, "-c", child], tmp_path)
    assert code == 0 and peak > 150 * MB
