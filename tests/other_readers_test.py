"""The package as other tools read it: the JavaScript datapackage library (pinned in package.json; `npm ci` installs
it) reads every table with its declared types and resolves every foreign key; R's frictionless package reads every
table with its declared types. Each test runs where its tool is installed (.ci/run installs Node's packages) and
says what to install where it is not."""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.faults import REPO, break_cell

RESOURCES = len(json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["resources"])


def node_reader(descriptor) -> subprocess.CompletedProcess:
    if shutil.which("node") is None or not (REPO / "node_modules" / "datapackage").is_dir():
        pytest.skip("the JavaScript datapackage library is not installed: run `npm ci` in the top folder")
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


def r_reader(descriptor) -> subprocess.CompletedProcess:
    if shutil.which("Rscript") is None:
        pytest.skip("R is not installed")
    probe = subprocess.run(["Rscript", "-e", "library(frictionless)"], capture_output=True, text=True)
    if probe.returncode != 0:
        pytest.skip("R's frictionless package is not installed")
    script = REPO / "tests" / "read_with_frictionless_r.R"
    return subprocess.run(["Rscript", str(script), str(descriptor)], capture_output=True, text=True, timeout=300)


def test_r_frictionless_reads_every_table_with_its_types():
    done = r_reader(REPO / "datapackage.json")
    assert done.returncode == 0 and done.stdout.count("ok=TRUE") == RESOURCES, done.stdout + done.stderr


def test_r_reader_catches_a_date_that_is_not_one(package_copy):
    break_cell(package_copy, "data/events.csv", 2, "date_earliest", "2019-13-45")
    done = r_reader(package_copy / "datapackage.json")
    assert done.returncode == 1 and "events: rows=" in done.stdout and "ok=FALSE" in done.stdout, done.stdout
