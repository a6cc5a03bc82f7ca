"""The package as other tools read it: the JavaScript datapackage library (pinned in package.json; `npm ci` installs
it) reads every table with its declared types and resolves every foreign key; R, with readr and jsonlite, reads every
table with the types its schema declares. Each test runs where its tool is installed (.ci/run installs them all) and
says what to install where it is not."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.faults import REPO, break_cell

pytestmark = pytest.mark.slow  # starts Node.js and R
RESOURCES = len(json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["resources"])


def node_reader(descriptor) -> subprocess.CompletedProcess:
    if shutil.which("node") is None or not (REPO / "node_modules" / "datapackage").is_dir():
        pytest.skip("needs Node.js (Debian: apt-get install nodejs npm) and `npm ci` (datapackage)")
    script = REPO / "tests" / "read_with_datapackage_js.js"
    return subprocess.run(["node", str(script), str(descriptor)], capture_output=True, text=True, timeout=120)


def test_javascript_datapackage_reads_every_table_and_foreign_key():
    done = node_reader(REPO / "datapackage.json")
    tables = [json.loads(line) for line in done.stdout.splitlines()]
    assert done.returncode == 0 and len(tables) == RESOURCES, done.stdout + done.stderr
    assert all(table["ok"] for table in tables)


def test_javascript_reader_catches_a_foreign_key_that_leads_nowhere(package_copy):
    break_cell(package_copy, "data/places.csv", 2, "kind", "no-such-kind")
    done = node_reader(package_copy / "datapackage.json")
    failed = [json.loads(line) for line in done.stdout.splitlines() if not json.loads(line)["ok"]]
    assert done.returncode == 1 and [t["name"] for t in failed] == ["places"], done.stdout


R_NEEDS = "needs R with readr and jsonlite (Debian: apt-get install r-base-core r-cran-readr r-cran-jsonlite)"


def r_reader(descriptor) -> subprocess.CompletedProcess:
    if shutil.which("Rscript") is None:
        pytest.skip(R_NEEDS)
    probe = subprocess.run(["Rscript", "-e", "library(readr); library(jsonlite)"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip(R_NEEDS)
    script = REPO / "tests" / "read_with_r.R"
    return subprocess.run(["Rscript", str(script), str(descriptor)], capture_output=True, text=True, timeout=300)


def test_r_reads_every_table_with_its_types():
    done = r_reader(REPO / "datapackage.json")
    assert done.returncode == 0 and done.stdout.count("ok=TRUE") == RESOURCES, done.stdout + done.stderr


def test_r_reader_catches_a_date_that_is_not_one(package_copy):
    break_cell(package_copy, "data/events.csv", 2, "date_earliest", "2019-13-45")
    done = r_reader(package_copy / "datapackage.json")
    failed = [line for line in done.stdout.splitlines() if "ok=TRUE" not in line]
    assert done.returncode == 1 and len(failed) == 1, done.stdout + done.stderr
    assert failed[0].startswith("events: rows=") and "date_earliest row 2: 2019-13-45 is not date" in failed[0]
