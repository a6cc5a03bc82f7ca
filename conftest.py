"""Fixtures shared by every test (the helpers are in tests/faults.py)."""

from __future__ import annotations

import fcntl
import gc
import os
import shutil
from pathlib import Path

import pytest
from hypothesis import settings

from tests.faults import copy_package

pytest_plugins = ["tests.every_test_runs"]  # with REQUIRE_EVERY_TEST=1 (CI), a skipped test fails the run

# No example database in the working tree, no per-example deadline (an example may run the whole checker).
settings.register_profile("package", database=None, deadline=None)
settings.load_profile("package")

# The tests of each of these modules run in one test process, so that what their module's fixtures make (a browser,
# a server, a run of validate.py, a database, the site's pages parsed) is made once; every other test goes to
# whichever process is free.
ONE_PROCESS = (
    "derived/site/site_test.py",
    "derived/workbook_test.py",
    "tests/datasette_test.py",
    "tests/site_browser_test.py",
    "tests/unsafe_input_test.py",
    "tests/validate_test.py",
)


@pytest.hookimpl(tryfirst=True, optionalhook=True)
def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """pytest-xdist's load balancing (`-n`), but for the modules of ONE_PROCESS, each sent to one process whole. (Its
    own `--dist loadgroup` does not group under pytest 9.2: pytest-xdist issue 1386.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class Scheduling(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in ONE_PROCESS else nodeid

    return Scheduling(config, log)


def pytest_collection_finish(session: pytest.Session) -> None:
    """What the test process has made before its tests run (every module imported) is put out of the garbage
    collector's reach: a process forked from it (the schema check's Frictionless workers, the export's workbook)
    then does not go through, and so copy, all of that memory each time it collects (an eighth of its time)."""
    gc.collect()
    gc.freeze()


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
    """dist/ as `python build.py --dist` makes it, in a copy of the shipped package (its parent), made once per run
    and shared by every test process of it (pytest-xdist's workers share the parent of their temporary folders);
    tests must not change either."""
    from derived import dist
    from model.loader import Package

    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent
    package, made = shared / "built" / "pkg", shared / "built.made"
    with (shared / "built.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one process builds; the others wait for it, then read what it made
        if not made.exists():
            shutil.rmtree(package.parent, ignore_errors=True)  # what a process that failed may have left
            copy_package(package)
            dist.write(Package(package), package / dist.FOLDER)
            made.touch()
    return package / dist.FOLDER
