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
