"""Hostile input: validate.py never opens a network connection, and reads a huge cell or a huge file in bounded
memory. (Unsafe resource paths are refused unopened: test_check_package.py; YAML is read only with safe_load and a
!!python/object tag runs nothing: test_check_source_files.py.)"""
from __future__ import annotations

import json
import subprocess
import sys

from conftest import (VALIDATE, read_csv, restamp, run_validate, run_validate_peak_memory, set_cell, snapshot,
                      assert_unchanged, write_csv)

MB = 2**20

# Loaded first by the Python that runs validate.py: any attempt to open a socket or resolve a name fails loudly.
_NO_NETWORK = '''
import socket
def _refuse(*args, **kwargs):
    raise OSError("network access attempted during validation")
class _NoSocket(socket.socket):
    def __init__(self, *args, **kwargs):
        _refuse()
socket.socket = _NoSocket
socket.create_connection = _refuse
socket.getaddrinfo = _refuse
socket.gethostbyname = _refuse
'''


def test_validation_succeeds_with_sockets_blocked(package_copy, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(_NO_NETWORK, encoding="utf-8")
    before = snapshot(package_copy)
    proc = subprocess.run([sys.executable, str(VALIDATE), str(package_copy), "--json"], capture_output=True, text=True,
                          env={"PYTHONPATH": str(blocker), "PATH": "/usr/bin:/bin"}, cwd=tmp_path, timeout=180)
    assert_unchanged(package_copy, before)
    assert "network access attempted" not in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stdout + proc.stderr
    # the blocker is really in place in that interpreter
    probe = subprocess.run([sys.executable, "-c", "import socket; socket.socket()"], capture_output=True, text=True,
                           env={"PYTHONPATH": str(blocker), "PATH": "/usr/bin:/bin"}, cwd=tmp_path)
    assert "network access attempted" in probe.stderr
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert json.loads(proc.stdout)["valid"] is True


def test_huge_cell_is_refused_in_bounded_memory(package_copy):
    size = 64 * MB
    set_cell(package_copy, "data/persons.csv", 2, "notes", "a" * size)
    restamp(package_copy, "data/persons.csv")
    code, peak, out = run_validate_peak_memory(package_copy)
    report = json.loads(out)
    assert code == 1
    assert any(p["check"] == "package" and p["file"] == "data/persons.csv" and p["row"] == 2 and "larger than" in p["message"]
               for p in report["problems"]), report["problems"]
    # Neither the checker nor Frictionless reads the cell whole.
    assert peak < 300 * MB, f"peak {peak / MB:.0f} MB for a {size / MB:.0f} MB cell"


def test_cell_over_the_limit_in_a_short_line_is_refused(package_copy):
    set_cell(package_copy, "data/persons.csv", 2, "notes", "b" * (2 * MB))
    restamp(package_copy, "data/persons.csv")
    code, report = run_validate(package_copy)[:2]
    assert code == 1
    assert any(p["check"] == "package" and p["file"] == "data/persons.csv" and p["row"] == 2 and "larger than" in p["message"]
               for p in report["problems"]), report["problems"]


def test_huge_file_is_read_in_bounded_memory(package_copy):
    relpath = "data/testimony_allegations.csv"
    records = read_csv(package_copy, relpath)
    rows = records[1:]
    copies = 20000  # some two million rows, nearly all duplicate keys: problems to report, not a crash
    write_csv(package_copy, relpath, [records[0]] + rows * copies)
    restamp(package_copy, relpath)
    file_size = (package_copy / relpath).stat().st_size
    code, peak, out = run_validate_peak_memory(package_copy)
    assert code == 1 and json.loads(out)["valid"] is False
    # Frictionless stops at 1,000 errors a table; the problems list and the tables are never held whole.
    assert peak < 400 * MB, f"peak {peak / MB:.0f} MB for a {file_size / MB:.0f} MB file"
