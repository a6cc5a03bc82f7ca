"""The shipped descriptor conforms to the Data Package v2 profile vendored in validation/profiles/ (CI compares that
copy with the official one beside the repository), and every resource declares its role in the package."""

from __future__ import annotations

import json

import jsonschema

from tests.faults import REPO

VENDORED_PROFILE = REPO / "validation" / "profiles" / "datapackage.json"
ROLES_SCHEMA = REPO / "model" / "roles.schema.json"


def test_descriptor_conforms_to_the_vendored_profile():
    profile = json.loads(VENDORED_PROFILE.read_text(encoding="utf-8"))
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    assert [
        f"{'/'.join(map(str, e.path))}: {e.message}"
        for e in jsonschema.Draft7Validator(profile).iter_errors(descriptor)
    ] == []


def test_every_resource_declares_its_role():
    roles = jsonschema.Draft7Validator(json.loads(ROLES_SCHEMA.read_text(encoding="utf-8")))
    for resource in json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))["resources"]:
        assert list(roles.iter_errors(resource.get("x-model"))) == [], resource["name"]


def test_frictionless_sql_export_writes_every_table(tmp_path):
    """Frictionless's own SQLite export (Package.publish, frictionless[sql]) stores every row of every table: no
    pattern constraint on an optional field turns into a REGEXP that fails on an empty cell."""
    import csv
    import sqlite3

    from frictionless import Package

    database = tmp_path / "frictionless.db"
    Package(str(REPO / "datapackage.json")).publish(f"sqlite:///{database}")
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    with sqlite3.connect(database) as connection:
        for resource in descriptor["resources"]:
            with (REPO / resource["path"]).open(encoding="utf-8", newline="") as file:
                records = sum(1 for _ in csv.reader(file)) - 1
            stored = connection.execute(f'SELECT count(*) FROM "{resource["name"]}"').fetchone()[0]
            assert stored == records, resource["name"]


def test_every_field_has_a_plain_title():
    """Every field of every resource carries a title in plain words, for the site and the other outputs to label a
    value with: not empty, no underscore, and not merely its column name."""
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    faults = []
    for resource in descriptor["resources"]:
        for field in resource["schema"]["fields"]:
            where = f"{resource['name']}.{field['name']}"
            title = field.get("title")
            if not isinstance(title, str) or not title.strip():
                faults.append(f"{where}: no title")
            elif "_" in title:
                faults.append(f"{where}: title {title!r} has an underscore")
            elif "_" in field["name"] and title.strip().lower() == field["name"].lower():
                faults.append(f"{where}: title {title!r} is the field's name")
    assert faults == []
