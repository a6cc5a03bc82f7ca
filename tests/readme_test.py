"""The README stays true: its Quick start is the two commands CI runs, its loading examples run, and its table of
sources matches the sources' curation status."""

from __future__ import annotations

import csv
import re
import subprocess
import sys

import pytest

from tests.faults import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def section(title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## )", README, re.M | re.S)
    assert match, f"README has no section {title!r}"
    return match.group(1)


def code_blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```", text, re.M | re.S)


def test_quick_start_is_two_commands_that_validate_and_test():
    commands = code_blocks(section("Quick start"), "sh")[0].strip().splitlines()
    assert len(commands) == 2
    setup, tests = commands
    assert "pip install -r requirements.txt" in setup and setup.endswith("validate.py")
    assert "pip install -r requirements-dev.txt" in tests and tests.endswith("-m pytest")


def test_ci_runs_the_second_quick_start_command():
    assert "bash .ci/quickstart-command 2" in (REPO / ".ci" / "run").read_text(encoding="utf-8")
    extracted = subprocess.run(
        ["bash", str(REPO / ".ci" / "quickstart-command"), "2"], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert extracted == code_blocks(section("Quick start"), "sh")[0].strip().splitlines()[1]


@pytest.mark.parametrize("code", code_blocks(section("Loading the data"), "python"))
def test_loading_example_runs(code):
    done = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the example printed nothing"


def test_loading_examples_cover_pandas_duckdb_frictionless_and_r():
    loading = section("Loading the data")
    python = "\n".join(code_blocks(loading, "python"))
    for library in ("import pandas", "import duckdb", "from frictionless import"):
        assert library in python
    assert "library(frictionless)" in "\n".join(code_blocks(loading, "r"))


def test_readme_table_of_sources_matches_curation_status():
    listing = section("What is in it")
    with (REPO / "data" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    assert sources
    for source in sources:
        line = next((line for line in listing.splitlines() if f"`{source['source_id']}`" in line), None)
        assert line, f"README does not list {source['source_id']}"
        assert source["curation_status"] in line


def test_the_readme_shows_every_check():
    from validation.checks import CHECKS

    table = section("Checking the package")
    assert [c.name for c in CHECKS if f"| `{c.name}` |" not in table] == []
