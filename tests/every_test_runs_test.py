"""tests/every_test_runs.py: with REQUIRE_EVERY_TEST=1 a run with a skipped test fails and names it, also under
pytest-xdist; without it a skip is a skip; the root conftest.py registers the plugin and .ci/run sets the variable."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import conftest
from tests.faults import REPO

TESTS = """
import pytest

def test_runs():
    pass

def test_needs_a_tool():
    pytest.skip("needs a tool (Debian: apt-get install a-tool)")

@pytest.mark.xfail(reason="fails as expected")
def test_expected_to_fail():
    assert False
"""


def pytest_run(folder: Path, *args: str, require: bool) -> subprocess.CompletedProcess:
    (folder / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")  # not the project's settings
    (folder / "sample_test.py").write_text(TESTS, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k not in ("REQUIRE_EVERY_TEST", "PYTEST_ADDOPTS")}
    env["PYTHONPATH"] = str(REPO)
    if require:
        env["REQUIRE_EVERY_TEST"] = "1"
    command = [sys.executable, "-m", "pytest", "-p", "tests.every_test_runs", "-p", "no:cacheprovider", *args]
    command.append("sample_test.py")
    return subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("args", [[], pytest.param(["-n", "1"], marks=pytest.mark.slow)], ids=["one-process", "xdist"])
def test_a_skipped_test_fails_the_run_where_every_test_is_required(tmp_path, args):
    done = pytest_run(tmp_path, *args, require=True)
    assert done.returncode == 1, done.stdout + done.stderr
    assert "1 passed, 1 skipped, 1 xfailed" in done.stdout, done.stdout
    named = [line for line in done.stdout.splitlines() if "sample_test.py::" in line and "needs a tool" in line]
    assert named == ["sample_test.py::test_needs_a_tool: needs a tool (Debian: apt-get install a-tool)"], done.stdout
    assert "test_expected_to_fail" not in done.stdout.split("REQUIRE_EVERY_TEST=1 requires")[1]


def test_a_skipped_test_is_only_a_skip_elsewhere(tmp_path):
    done = pytest_run(tmp_path, require=False)
    assert done.returncode == 0 and "1 passed, 1 skipped, 1 xfailed" in done.stdout, done.stdout + done.stderr
    assert "REQUIRE_EVERY_TEST" not in done.stdout


def test_the_root_conftest_registers_the_plugin_and_ci_requires_every_test():
    assert "tests.every_test_runs" in conftest.pytest_plugins
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "export REQUIRE_EVERY_TEST=1" in ci
    assert ci.index("export REQUIRE_EVERY_TEST=1") < ci.index('bash -c "$command"')
