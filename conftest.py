"""Fixtures shared by every test (the helpers are in tests/faults.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from tests.faults import copy_package

pytest_plugins = ["tests.every_test_runs"]  # with REQUIRE_EVERY_TEST=1 (CI), a skipped test fails the run

# No example database in the working tree, no per-example deadline (an example may run the whole checker).
settings.register_profile("package", database=None, deadline=None)
settings.load_profile("package")


@pytest.fixture
def package_copy(tmp_path: Path) -> Path:
    """A fresh copy of the shipped package in tmp_path/"pkg"."""
    return copy_package(tmp_path / "pkg")


@pytest.fixture(scope="module")
def module_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the shipped package shared by the tests of one module, which must not change it."""
    return copy_package(tmp_path_factory.mktemp("shared") / "pkg")


@pytest.fixture(scope="session")
def dist_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/ as `python build.py --dist` makes it, in a copy of the shipped package (its parent), made once per test
    process; tests must not change either."""
    from derived import dist
    from model.loader import Package

    package = copy_package(tmp_path_factory.mktemp("built") / "pkg")
    dist.write(Package(package), package / dist.FOLDER)
    return package / dist.FOLDER
