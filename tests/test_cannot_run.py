"""Exit 2: the checker cannot run at all (no descriptor, not a folder, bad arguments). It says why in one line on
stderr starting "cannot run:", prints nothing on stdout, and never a traceback or a usage dump."""
from __future__ import annotations

import pytest

from conftest import run_validate


def assert_cannot_run(result, *words: str) -> str:
    code, report, stdout, stderr = result
    assert code == 2, f"exit {code}\nstdout: {stdout}\nstderr: {stderr}"
    assert report is None and stdout == ""
    lines = stderr.strip().splitlines()
    assert len(lines) == 1, stderr
    assert lines[0].startswith("cannot run: ")
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def test_folder_without_descriptor(package_copy):
    (package_copy / "datapackage.json").unlink()
    assert_cannot_run(run_validate(package_copy, json_output=False), "datapackage.json")


def test_path_that_is_a_file_not_a_folder(package_copy):
    assert_cannot_run(run_validate(package_copy / "datapackage.json"), "not a folder")


def test_path_that_does_not_exist(tmp_path):
    assert_cannot_run(run_validate(tmp_path / "no-such-package"), "not a folder")


@pytest.mark.parametrize("args", [["--nope"], ["one", "two"]], ids=["unknown-option", "two-folders"])
def test_bad_arguments(package_copy, args):
    line = assert_cannot_run(run_validate(None, *args, cwd=package_copy.parent), "bad arguments")
    assert "usage:" not in line
