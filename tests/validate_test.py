"""validate.py as a user runs it: exit 0, 1 or 2, never a traceback; the --json report's documented shape; no file
written or opened for writing, no network, no process started; sockets blocked change nothing; a Python without
the packages hands over to the project's environment. What each check finds is tested beside the check."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.commands import VALIDATE, validate
from tests.faults import (
    PROBLEM_KEYS,
    REPO,
    REPORT_KEYS,
    break_cell,
    describe,
    load_descriptor,
    resource_index,
    save_descriptor,
)
from validation.output import REPORT_VERSION


@pytest.fixture(scope="module")
def shipped() -> dict:
    done, events = validate(None, "--json", audited=True)
    assert done.returncode == 0 and done.stderr == "", done.stderr
    return {"report": json.loads(done.stdout), "events": events}


def _base_python() -> Path | None:
    """The Python the Quick start's .venv was made from, which has not the packages, if the tests run in that
    .venv."""
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    venv_python = REPO / ".venv" / "bin" / "python"
    in_venv = Path(sys.prefix).resolve() == (REPO / ".venv").resolve()
    return base_python if in_venv and base_python.is_file() and venv_python.is_file() else None


@pytest.fixture(scope="module")
def plain() -> subprocess.CompletedProcess:
    """`python validate.py` on the shipped package, as a curator types it outside the Quick start's .venv: with the
    Python the .venv was made from where the tests run in it (validate.py must hand over to the .venv), else with
    this Python."""
    python = _base_python() or Path(sys.executable)
    done = subprocess.run([str(python), str(VALIDATE)], capture_output=True, text=True, timeout=300, cwd=REPO)
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done


def test_the_shipped_package_is_valid(shipped):
    report = shipped["report"]
    assert report["valid"] is True and report["exit_code"] == 0 and report["counts"]["errors"] == 0, describe(report)


def test_validate_writes_nothing_and_calls_out_to_nothing(shipped):
    assert shipped["events"] == []


def test_plain_output_ends_with_the_verdict(plain):
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip().splitlines()[-1] == "VALID: 0 error(s), 0 warning(s)"


def test_a_broken_package_exits_1_naming_code_file_row_and_field(package_copy):
    row = break_cell(package_copy, "data/statements.csv", lambda r: True, "stance", "shrugs")
    done, _ = validate(package_copy, "--json")
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert any(p["code"] == "foreign-key" and p["row"] == row and p["field"] == "stance" for p in report["problems"])
    assert set(report) == REPORT_KEYS and report["report_version"] == REPORT_VERSION == "1.2"
    assert report["counts"]["errors"] + report["counts"]["warnings"] == len(report["problems"]) >= 1
    for problem in report["problems"]:
        assert set(problem) == PROBLEM_KEYS and problem["severity"] in ("error", "warning")
        assert problem["row"] is None or (isinstance(problem["row"], int) and problem["row"] >= 1)
        assert problem["message"].strip() and problem["hint"].strip() and problem["code"].strip()


@pytest.mark.parametrize(
    "where, args, words",
    [
        ("no descriptor", [], "datapackage.json"),
        ("a file", [], "not a folder"),
        ("the package", ["--nope"], "bad arguments"),
    ],
    ids=["no-descriptor", "not-a-folder", "unknown-option"],
)
def test_cannot_run_exits_2_with_one_line(package_copy, where, args, words):
    if where == "no descriptor":
        (package_copy / "datapackage.json").unlink()
    target = package_copy / "datapackage.json" if where == "a file" else package_copy
    done, _ = validate(target, *args)
    assert done.returncode == 2 and done.stdout == ""
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cannot run: ") and words in lines[0] and "usage:" not in lines[0]


def test_a_schema_address_is_not_fetched(package_copy):
    descriptor = load_descriptor(package_copy)
    descriptor["resources"][resource_index(descriptor, name="persons")]["schema"] = "http://127.0.0.1:9/schema.json"
    save_descriptor(package_copy, descriptor)
    done, events = validate(package_copy, "--json", audited=True)
    assert done.returncode == 1 and events == []


# Loaded first by the Python that runs validate.py: any attempt to open a socket or resolve a name fails loudly.
_NO_NETWORK = """
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
"""


def test_validation_is_the_same_with_sockets_blocked(package_copy, tmp_path):
    blocker = tmp_path / "blocker"
    blocker.mkdir()
    (blocker / "sitecustomize.py").write_text(_NO_NETWORK, encoding="utf-8")
    env = {"PYTHONPATH": str(blocker), "PATH": "/usr/bin:/bin"}
    probe = subprocess.run(
        [sys.executable, "-c", "import socket; socket.socket()"], capture_output=True, text=True, env=env
    )
    assert "network access attempted" in probe.stderr  # the blocker is in place
    done, _ = validate(package_copy, "--json", env=env)
    assert "network access attempted" not in done.stdout + done.stderr
    assert done.returncode == 0 and json.loads(done.stdout)["valid"] is True, done.stdout + done.stderr


def test_validate_hands_over_to_the_project_environment(plain):
    """A curator (or a hook) typing `python validate.py` outside the venv still gets the check, not a missing import."""
    if _base_python() is None:
        pytest.skip("the tests run outside the Quick start's .venv")
    assert plain.returncode == 0, plain.stderr
    assert plain.stdout.strip().splitlines()[-1].startswith("VALID")


def test_frictionless_itself_validates_the_package():
    frictionless = Path(sys.executable).parent / "frictionless"
    done = subprocess.run(
        [str(frictionless), "validate", "datapackage.json"], cwd=REPO, capture_output=True, text=True, timeout=300
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
