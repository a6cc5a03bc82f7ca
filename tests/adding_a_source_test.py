"""The README's "Adding a source", walked end to end as a curator would, with a synthetic source the test writes:
archive it with curate.py, fill in its YAML, add a person, a testimony (its date typed once, as EDTF) and a figure
under the next free IDs, build (which fills the date's bounds), and validate. Then the commands refuse what they
must: a file already archived; and the next free ID moves on."""

from __future__ import annotations

import hashlib
import re
import subprocess
import sys

import yaml

from tests.commands import BUILD, VALIDATE
from tests.faults import REPO, append_row

CURATE = REPO / "curate.py"
SOURCE_ID = "synthetic-herald-testova"
CAPTURED = """Teacher says she was held in a camp in Ghulja

12/10/2019, 09.17

Almaty (Synthetic Herald) - Aidana Testova, a teacher from Ghulja, says she was held in a camp from March 2018 to
May 2019. "They kept about 300 people in our block," she said.
"""


def _run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *map(str, args)], capture_output=True, text=True, timeout=300)


def test_a_source_added_as_the_readme_says_is_valid(package_copy, tmp_path):
    captured = tmp_path / "capture.txt"
    captured.write_bytes(CAPTURED.encode("utf-8"))

    archived = _run(CURATE, "archive", captured, SOURCE_ID, "--package", package_copy)
    assert archived.returncode == 0, archived.stderr
    text = package_copy / "sources" / f"{SOURCE_ID}.txt"
    metadata_path = package_copy / "sources" / f"{SOURCE_ID}.yaml"
    assert text.read_bytes() == captured.read_bytes()
    skeleton = metadata_path.read_text(encoding="utf-8")
    assert "12/10/2019: 2019-10-12 (day first) or 2019-12-10 (month first)" in skeleton
    metadata = yaml.safe_load(skeleton)
    assert metadata["sha256"] == hashlib.sha256(captured.read_bytes()).hexdigest()
    assert metadata["title"] == "Teacher says she was held in a camp in Ghulja"
    assert metadata["curation_status"] == "pending"

    metadata.update(
        publisher="Synthetic Herald",
        published="2019-12-10",
        published_text="12/10/2019, 09.17",
        kind="news-article",
        rights="Synthetic text written by the tests.",
        curation_status="complete",
        notes=["The header prints the date month first."],
    )
    metadata_path.write_text(yaml.safe_dump(metadata, allow_unicode=True, sort_keys=False), encoding="utf-8")

    ids = dict(line.split(": ") for line in _run(CURATE, "next-id", "--package", package_copy).stdout.splitlines())
    person, testimony, figure = "per-aidana-testova", ids["testimonies"], ids["statistics"]
    append_row(
        package_copy,
        "data/persons.csv",
        {"person_id": person, "name": "Aidana Testova", "gender": "female", "roles": "teacher; former detainee"},
    )
    append_row(
        package_copy, "data/person_names.csv", {"person_id": person, "name": "Aidana Testova", "source_id": SOURCE_ID}
    )
    append_row(
        package_copy,
        "data/place_names.csv",
        {"place_id": "pl-yining", "name": "Ghulja", "source_id": SOURCE_ID},
    )
    append_row(
        package_copy,
        "data/testimonies.csv",
        {
            "testimony_id": testimony,
            "account_id": testimony,  # an account recorded as one row carries its own ID
            "source_id": SOURCE_ID,
            "quote": "Aidana Testova, a teacher from Ghulja, says she was held in a camp from March 2018 to May 2019.",
            "quote_type": "reported",
            "witness_person_id": person,
            "subject_person_id": person,
            "source_connection": "victim",
            "place_id": "pl-yining",
            "date": "2018-03/2019-05",
            "date_text": "from March 2018 to May 2019",
        },
    )
    append_row(
        package_copy, "data/testimony_allegations.csv", {"testimony_id": testimony, "allegation": "arbitrary-detention"}
    )
    append_row(
        package_copy,
        "data/statistics.csv",
        {
            "statistic_id": figure,
            "source_id": SOURCE_ID,
            "quote": '"They kept about 300 people in our block," she said.',
            "value_text": "about 300 people",
            "qualifier": "about",
            "value_best": "300",
            "unit": "person",
            "measure": "detained",
            "population": "detainees in Aidana Testova's block",
            "population_key": "detainees-in-testova-block",
            "claimant_person_id": person,
        },
    )

    built = _run(BUILD, package_copy)
    assert built.returncode == 0, built.stdout + built.stderr
    assert "filled empty date_earliest and date_latest in: data/testimonies.csv" in built.stdout
    checked = _run(VALIDATE, package_copy)
    assert checked.returncode == 0 and "VALID" in checked.stdout, checked.stdout

    again = _run(CURATE, "archive", captured, SOURCE_ID, "--package", package_copy)
    assert again.returncode == 1 and "never overwritten" in again.stderr
    following = _run(CURATE, "next-id", "testimonies", "--package", package_copy).stdout
    assert re.fullmatch(r"tes-\d{4}\n", following) and following.strip() != testimony
