"""The code keeps the project's habits: `ruff check .` and `ruff format --check .` pass (ruff.toml: a line length
of 120, import order, type hints on every public function and method outside the tests)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.faults import REPO

RUFF = Path(sys.executable).parent / "ruff"


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]], ids=["check", "format"])
def test_ruff(command):
    done = subprocess.run([str(RUFF), *command], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stdout + done.stderr
