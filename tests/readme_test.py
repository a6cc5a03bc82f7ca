"""The README stays true: its Quick start is the two commands CI runs; every example of its cookbook and loading
recipes runs on the package and its dist/ and prints something (SQL in SQLite and in DuckDB, pandas, and R where R is
installed, with readr and jsonlite where an example loads them); its table of sources matches the sources' curation
status."""

from __future__ import annotations

import csv
import re
import shutil
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


EXAMPLES = section("Cookbook: the questions the package answers") + section("Loading the tables with their types")


@pytest.fixture(scope="module")
def built(dist_folder):
    """A copy of the package with its dist/, where the examples run as a reader runs them."""
    return dist_folder.parent


@pytest.mark.parametrize("code", code_blocks(EXAMPLES, "python"))
def test_python_example_runs(code, built):
    done = subprocess.run([sys.executable, "-c", code], cwd=built, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the example printed nothing"


@pytest.mark.parametrize("sql", code_blocks(EXAMPLES, "sql"))
def test_sql_example_runs_in_sqlite_and_duckdb_alike(sql, built):
    import sqlite3

    import duckdb

    with sqlite3.connect(built / "dist" / "detentions.db") as connection:
        in_sqlite = connection.execute(sql).fetchall()
    duck = duckdb.connect()
    for file in sorted((built / "dist" / "parquet").glob("*.parquet")):
        duck.execute(f"CREATE VIEW {file.stem} AS SELECT * FROM '{file}'")
    in_duckdb = duck.execute(sql).fetchall()

    # the same rows (the engines order ties and NULLs differently, and DuckDB may give 3.0 where SQLite gives 3)
    def same(rows):
        return sorted(
            tuple("" if v is None else str(float(v)) if isinstance(v, int | float) else v for v in r) for r in rows
        )

    assert in_sqlite and same(in_duckdb) == same(in_sqlite)


@pytest.mark.slow  # starts R
@pytest.mark.parametrize("code", code_blocks(EXAMPLES, "r"))
def test_r_example_runs(code, built):
    libraries = re.findall(r"^library\((\w+)\)", code, re.M)
    needs = "needs R" + (f" with {' and '.join(libraries)}" if libraries else "")
    debian = " ".join(["r-base-core"] + [f"r-cran-{name}" for name in libraries])
    if shutil.which("Rscript") is None:
        pytest.skip(f"{needs} (Debian: apt-get install {debian})")
    if libraries:
        probe = subprocess.run(["Rscript", "-e", "; ".join(f"library({n})" for n in libraries)], capture_output=True)
        if probe.returncode != 0:
            pytest.skip(f"{needs} (Debian: apt-get install {debian})")
    done = subprocess.run(["Rscript", "-e", code], cwd=built, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip(), "the example printed nothing"


def test_the_cookbook_answers_every_question_in_sql_pandas_and_r():
    cookbook = section("Cookbook: the questions the package answers")
    questions = re.split(r"^### ", cookbook, flags=re.M)[1:]
    assert len(questions) == 6
    for question in questions:
        title = question.splitlines()[0]
        assert code_blocks(question, "sql") and code_blocks(question, "python") and code_blocks(question, "r"), title
    loading = section("Loading the tables with their types")
    assert "import pandas" in loading and "from frictionless import" in loading
    r_loading = "\n".join(code_blocks(loading, "r"))
    assert "library(readr)" in r_loading and "library(jsonlite)" in r_loading and "col_date(" in r_loading


def test_readme_table_of_sources_matches_curation_status():
    listing = section("What is in it")
    with (REPO / "data" / "sources.csv").open(encoding="utf-8", newline="") as fh:
        sources = list(csv.DictReader(fh))
    assert sources
    for source in sources:
        line = next((line for line in listing.splitlines() if f"`{source['source_id']}`" in line), None)
        assert line, f"README does not list {source['source_id']}"
        assert source["curation_status"] in line


def test_the_contributors_guide_shows_every_check():
    from validation.checks import CHECKS

    guide = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = re.search(r"^## Checking the package\n(.*?)(?=^## )", guide, re.M | re.S).group(1)
    assert [c.name for c in CHECKS if f"| `{c.name}` |" not in table] == []
