"""`datasette -i dist/detentions.db --metadata dist/datasette.json`, the README's command, is a usable browser:
served on 127.0.0.1, read-only, it shows a table with names instead of IDs, a row, a facet, a full-text search and a
question. Every request goes to this machine only, a bounded number of times, and the server is stopped at the
end."""

from __future__ import annotations

import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest

from derived.dist import DATABASE_NAME
from tests.faults import REPO, rows

pytestmark = pytest.mark.slow  # starts a Datasette server
HOST = "127.0.0.1"
README = (REPO / "README.md").read_text(encoding="utf-8")
# The README's Datasette command, with its arguments as a reader types them (dist/ being where the files are).
COMMAND = re.search(r"`(datasette [^`]*dist/detentions\.db[^`]*)`", README).group(1)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="module")
def served(dist_folder):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", *COMMAND.replace("dist/", "").split()[1:]]
        + ["--host", HOST, "--port", str(port)],
        cwd=dist_folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    base = f"http://{HOST}:{port}"
    try:
        for _ in range(100):  # at most 20 seconds
            try:
                urllib.request.urlopen(f"{base}/-/versions.json", timeout=2).read()
                break
            except (urllib.error.URLError, ConnectionError):
                if server.poll() is not None:
                    pytest.fail(server.stdout.read().decode(errors="replace"))
                time.sleep(0.2)
        else:
            pytest.fail("Datasette did not start within 20 seconds")
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_readme_command_serves_the_database_immutable(served):
    assert " -i " in f" {COMMAND} "
    databases = get_json(f"{served}/-/databases.json")
    assert [d["is_mutable"] for d in databases] == [False]


def get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as response:
        assert response.status == 200
        return response.read().decode("utf-8")


def get_json(url: str) -> dict:
    return json.loads(get(url))


def test_a_table_shows_names_instead_of_ids(served):
    testimony = rows(REPO, "data/testimonies.csv")[0][1]
    person = next(r for _, r in rows(REPO, "data/persons.csv") if r["person_id"] == testimony["witness_person_id"])
    page = get(f"{served}/{DATABASE_NAME}/testimonies")
    assert "Testimonies" in page and person["name"] in page and testimony["testimony_id"] in page


def test_a_row(served):
    person = rows(REPO, "data/persons.csv")[0][1]
    page = get(f"{served}/{DATABASE_NAME}/persons/{person['person_id']}")
    assert person["name"] in page


def test_a_facet_counts_by_vocabulary_label(served):
    found = get_json(f"{served}/{DATABASE_NAME}/testimony_allegations.json?_facet=allegation&_shape=objects")
    facet = {item["value"]: item for item in found["facet_results"]["allegation"]["results"]}
    expected = [r["allegation"] for _, r in rows(REPO, "data/testimony_allegations.csv")]
    assert {value: item["count"] for value, item in facet.items()} == {a: expected.count(a) for a in set(expected)}
    assert facet["torture"]["label"] == "Torture"


def test_full_text_search(served):
    found = get_json(f"{served}/{DATABASE_NAME}/testimonies.json?_search=torture&_shape=objects")
    assert found["rows"] and all("tortur" in row["quote"].lower() for row in found["rows"])


def test_a_question_with_a_parameter(served):
    person = next(r for _, r in rows(REPO, "data/persons.csv") if "Gulzire" in r["name"])
    found = get_json(f"{served}/{DATABASE_NAME}/everything_about.json?name=Gulzire&_shape=objects")
    assert found["rows"] and {row["name"] for row in found["rows"]} == {person["name"]}
