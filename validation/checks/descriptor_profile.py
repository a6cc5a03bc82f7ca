"""Check 2: the descriptor conforms to the official Data Package v2 JSON Schema (a copy ships in
validation/profiles/, so the check runs offline), and holds what this package promises of it: a SemVer version,
and for every resource a hash and byte count, every field a description, every table a primary key."""
from __future__ import annotations

import json
import re
from pathlib import Path


from ..problems import Problem

NAME = "descriptor_profile"
PROFILE = Path(__file__).resolve().parent.parent / "profiles" / "datapackage.json"
V2 = "https://datapackage.org/profiles/2.0/datapackage.json"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
FILE = "datapackage.json"


def run(package):
    descriptor = package.descriptor
    if descriptor is None:
        return
    profile = json.loads(PROFILE.read_text(encoding="utf-8"))
    import jsonschema  # imported when needed, so that the checker's workers start sooner
    for err in sorted(jsonschema.Draft7Validator(profile).iter_errors(descriptor), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in err.path) or None
        yield Problem(NAME, FILE, None, where, f"does not conform to the Data Package v2 profile: {err.message}",
                      "repair datapackage.json; see https://datapackage.org/standard/data-package/")
    if descriptor.get("$schema") != V2:
        yield Problem(NAME, FILE, None, "$schema", f"$schema must be {V2}", f'set "$schema": "{V2}"')
    for key in ("name", "title", "description", "version", "licenses", "contributors", "keywords", "created", "sources"):
        if key not in descriptor:
            yield Problem(NAME, FILE, None, key, f"the descriptor has no {key}", f"add {key} to datapackage.json")
    if isinstance(descriptor.get("version"), str) and not SEMVER.match(descriptor["version"]):
        yield Problem(NAME, FILE, None, "version", f"version {descriptor['version']!r} is not SemVer",
                      "write the version as MAJOR.MINOR.PATCH")
    for index, res in enumerate(descriptor.get("resources", [])):
        if not isinstance(res, dict):
            continue
        where = f"resources/{index}"
        for key in ("hash", "bytes"):
            if key not in res:
                yield Problem(NAME, FILE, None, f"{where}/{key}", f"resource {res.get('name')!r} has no {key}",
                              "run python build.py, which stamps hash and bytes")
        schema = res.get("schema") if isinstance(res.get("schema"), dict) else {}
        if not schema.get("primaryKey"):
            yield Problem(NAME, FILE, None, f"{where}/schema/primaryKey", f"resource {res.get('name')!r} has no primary key",
                          "declare the field(s) that identify a row as primaryKey")
        for findex, fld in enumerate(schema.get("fields", []) if isinstance(schema.get("fields"), list) else []):
            if isinstance(fld, dict) and not (isinstance(fld.get("description"), str) and fld["description"].strip()):
                yield Problem(NAME, FILE, None, f"{where}/schema/fields/{findex}/description",
                              f"field {fld.get('name')!r} of {res.get('name')!r} has no description",
                              "describe what the field holds")
            if isinstance(fld, dict) and "type" not in fld:
                yield Problem(NAME, FILE, None, f"{where}/schema/fields/{findex}/type",
                              f"field {fld.get('name')!r} of {res.get('name')!r} has no type", "give the field a type")
