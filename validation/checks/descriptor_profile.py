"""Check 2: the descriptor conforms to the official Data Package v2 JSON Schema (a copy ships in
validation/profiles/, so the check runs offline), and holds what this package promises of it: a SemVer version,
and for every resource a hash and byte count and its role in the package (x-model, model/roles.schema.json), every
field a description and a type, every table a primary key. Every resource also carries what Data Package v1 readers
(R's frictionless, the JavaScript datapackage library) need: "profile": "tabular-data-resource" and an explicit CSV
dialect. A pattern on an optional field is declared as "x-pattern" (checked by row_rules), because Frictionless's SQL
export turns "constraints.pattern" into a REGEXP that fails on every empty cell."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache
from pathlib import Path

from model.problems import Code, Problem
from model.tables import ID_MAX_LENGTH, ROLE_PROPERTY, required_fields

from ..check import Check

PROFILE = Path(__file__).resolve().parent.parent / "profiles" / "datapackage.json"
ROLES_SCHEMA = Path(__file__).resolve().parents[2] / "model" / "roles.schema.json"
V2 = "https://datapackage.org/profiles/2.0/datapackage.json"
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$")
FILE = "datapackage.json"
REQUIRED = ("name", "title", "description", "version", "licenses", "contributors", "keywords", "created", "sources")


def _fields(resource: dict) -> list[dict]:
    schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
    fields = schema.get("fields") if isinstance(schema.get("fields"), list) else []
    return [f for f in fields if isinstance(f, dict)]


@cache
def _validator(path: Path):  # noqa: ANN202  (a jsonschema validator, imported late)
    import jsonschema  # imported when needed, so that the checker's workers start sooner

    return jsonschema.Draft7Validator(json.loads(path.read_text(encoding="utf-8")))


class DescriptorProfile(Check):
    name = "descriptor_profile"
    codes = {
        "profile-violation": Code(
            "the descriptor does not conform to the Data Package v2 JSON Schema",
            "repair datapackage.json; see https://datapackage.org/standard/data-package/",
        ),
        "schema-not-v2": Code(f"$schema is not {V2}", f'set "$schema": "{V2}"'),
        "property-missing": Code(
            "the descriptor lacks a property the package promises (name, title, version, ...)",
            "add it to datapackage.json",
        ),
        "version-not-semver": Code("the version is not MAJOR.MINOR.PATCH", "write the version as MAJOR.MINOR.PATCH"),
        "resource-unstamped": Code(
            "a resource has no hash or byte count", "run python build.py, which stamps hash and bytes"
        ),
        "primary-key-missing": Code(
            "a table declares no primary key", "declare the field(s) that identify a row as primaryKey"
        ),
        "resource-not-v1-readable": Code(
            'a resource lacks "profile": "tabular-data-resource" or an explicit CSV dialect, so Data Package v1 '
            "readers (R's frictionless, the JavaScript datapackage library) refuse it or guess its delimiter",
            'give it "profile": "tabular-data-resource" and the "dialect" the other resources have',
        ),
        "pattern-on-optional-field": Code(
            "an optional field declares constraints.pattern, which breaks Frictionless's SQL export on empty cells",
            'move the pattern to the field\'s "x-pattern" (validate.py checks it there)',
        ),
        "pattern-invalid": Code("a field's x-pattern is not a regular expression", "repair the regular expression"),
        "field-undescribed": Code("a field has no description", "describe what the field holds"),
        "field-untyped": Code("a field has no type", "give the field a type"),
        "role-field-missing": Code(
            "a table lacks a field its role requires (an evidence table's quote, a names table's name...), which "
            "the checks and every export read",
            "declare the field in the resource's schema and give the CSV file its column (see x-required-fields in "
            "model/roles.schema.json)",
        ),
        "id-length-unbounded": Code(
            f"a table's ID field (text) declares no maxLength, or one over {ID_MAX_LENGTH}: an ID names files of the "
            "site (rows/<ID>.html), which a file system limits",
            f'give the field "constraints": {{"maxLength": {ID_MAX_LENGTH}}} (or less), as the other ID fields have',
        ),
        "role-invalid": Code(
            f"a resource's {ROLE_PROPERTY} (its role in the package) is missing, does not match "
            "model/roles.schema.json, or names a table the descriptor, or a field the table, does not have",
            f"give the resource an {ROLE_PROPERTY} as the other resources of its kind have "
            "(see model/roles.schema.json)",
        ),
    }

    def end(self) -> Iterator[Problem]:
        descriptor = self.package.descriptor
        if descriptor is None:
            return
        for err in sorted(_validator(PROFILE).iter_errors(descriptor), key=lambda e: list(e.path)):
            where = "/".join(str(p) for p in err.path) or None
            yield self.problem(
                "profile-violation",
                file=FILE,
                field=where,
                message=f"does not conform to the Data Package v2 profile: {err.message}",
            )
        if descriptor.get("$schema") != V2:
            yield self.problem("schema-not-v2", file=FILE, field="$schema", message=f"$schema must be {V2}")
        for key in REQUIRED:
            if key not in descriptor:
                yield self.problem(
                    "property-missing",
                    file=FILE,
                    field=key,
                    message=f"the descriptor has no {key}",
                    hint=f"add {key} to datapackage.json",
                )
        if isinstance(descriptor.get("version"), str) and not SEMVER.match(descriptor["version"]):
            yield self.problem(
                "version-not-semver",
                file=FILE,
                field="version",
                message=f"version {descriptor['version']!r} is not SemVer",
            )
        names = {r.get("name") for r in descriptor.get("resources", []) if isinstance(r, dict)}
        for index, resource in enumerate(descriptor.get("resources", [])):
            if isinstance(resource, dict):
                yield from self._resource(f"resources/{index}", resource, names)

    def _resource(self, where: str, resource: dict, names: set) -> Iterator[Problem]:
        for key in ("hash", "bytes"):
            if key not in resource:
                yield self.problem(
                    "resource-unstamped",
                    file=FILE,
                    field=f"{where}/{key}",
                    message=f"resource {resource.get('name')!r} has no {key}",
                )
        dialect = resource.get("dialect")
        if resource.get("profile") != "tabular-data-resource" or not (
            isinstance(dialect, dict) and dialect.get("delimiter") and "header" in dialect
        ):
            yield self.problem(
                "resource-not-v1-readable",
                file=FILE,
                field=where,
                message=f'resource {resource.get("name")!r} needs "profile": "tabular-data-resource" '
                "and a dialect with delimiter and header",
            )
        yield from self._role(where, resource, names)
        schema = resource.get("schema") if isinstance(resource.get("schema"), dict) else {}
        key = schema.get("primaryKey")
        key = [key] if isinstance(key, str) else key
        if isinstance(key, list) and len(key) == 1:
            for field_index, field_def in enumerate(_fields(resource)):
                if field_def.get("name") != key[0] or field_def.get("type", "string") != "string":
                    continue  # a number names no file
                limit = (field_def.get("constraints") or {}).get("maxLength")
                if not (isinstance(limit, int) and 0 < limit <= ID_MAX_LENGTH):
                    yield self.problem(
                        "id-length-unbounded",
                        file=FILE,
                        field=f"{where}/schema/fields/{field_index}/constraints/maxLength",
                        message=f"the ID field {key[0]!r} of {resource.get('name')!r} "
                        + ("declares no maxLength" if limit is None else f"allows {limit!r} characters")
                        + f"; at most {ID_MAX_LENGTH} are allowed",
                    )
        if not schema.get("primaryKey"):
            yield self.problem(
                "primary-key-missing",
                file=FILE,
                field=f"{where}/schema/primaryKey",
                message=f"resource {resource.get('name')!r} has no primary key",
            )
        for field_index, field_def in enumerate(
            schema.get("fields", []) if isinstance(schema.get("fields"), list) else []
        ):
            if isinstance(field_def, dict) and not (
                isinstance(field_def.get("description"), str) and field_def["description"].strip()
            ):
                yield self.problem(
                    "field-undescribed",
                    file=FILE,
                    field=f"{where}/schema/fields/{field_index}/description",
                    message=f"field {field_def.get('name')!r} of {resource.get('name')!r} has no description",
                )
            if isinstance(field_def, dict):
                yield from self._pattern(f"{where}/schema/fields/{field_index}", resource, field_def)
            if isinstance(field_def, dict) and "type" not in field_def:
                yield self.problem(
                    "field-untyped",
                    file=FILE,
                    field=f"{where}/schema/fields/{field_index}/type",
                    message=f"field {field_def.get('name')!r} of {resource.get('name')!r} has no type",
                )

    def _pattern(self, where: str, resource: dict, field_def: dict) -> Iterator[Problem]:
        constraints = field_def.get("constraints") if isinstance(field_def.get("constraints"), dict) else {}
        if "pattern" in constraints and constraints.get("required") is not True:
            yield self.problem(
                "pattern-on-optional-field",
                file=FILE,
                field=f"{where}/constraints/pattern",
                message=f"field {field_def.get('name')!r} of {resource.get('name')!r} is optional and has a pattern",
            )
        if "x-pattern" in field_def:
            try:
                re.compile(field_def["x-pattern"])
            except (re.error, TypeError) as err:
                yield self.problem(
                    "pattern-invalid",
                    file=FILE,
                    field=f"{where}/x-pattern",
                    message=f"field {field_def.get('name')!r} of {resource.get('name')!r}: {err}",
                )

    def _role(self, where: str, resource: dict, names: set) -> Iterator[Problem]:
        field = f"{where}/{ROLE_PROPERTY}"
        role = resource.get(ROLE_PROPERTY)
        if role is None:
            yield self.problem(
                "role-invalid",
                file=FILE,
                field=field,
                message=f"resource {resource.get('name')!r} has no {ROLE_PROPERTY}",
            )
            return
        errors = sorted(_validator(ROLES_SCHEMA).iter_errors(role), key=lambda e: list(e.path))
        for err in errors:
            yield self.problem(
                "role-invalid",
                file=FILE,
                field="/".join([field, *map(str, err.path)]),
                message=f"resource {resource.get('name')!r}: {err.message}",
            )
        if errors:
            return
        declared = {f.get("name") for f in _fields(resource)}
        for name in required_fields()[role["role"]]:
            if name not in declared:
                yield self.problem(
                    "role-field-missing",
                    file=FILE,
                    field=f"{where}/schema/fields",
                    message=f"resource {resource.get('name')!r}, a table of role {role['role']!r}, has no field "
                    f"{name!r}",
                )
        for key in ("of", "names"):
            if key in role and role[key] not in names:
                yield self.problem(
                    "role-invalid",
                    file=FILE,
                    field=f"{field}/{key}",
                    message=f"resource {resource.get('name')!r}: {key} names {role[key]!r}, which is not a resource",
                )
        # the fields a grouped table's rows are counted by and may differ in (the grouped_rows check reads them)
        named = [("count_by", role["count_by"])] if "count_by" in role else []
        named += [(f"may_vary/{i}", name) for i, name in enumerate(role.get("may_vary", []))]
        for key, name in named:
            if name not in declared:
                yield self.problem(
                    "role-invalid",
                    file=FILE,
                    field=f"{field}/{key}",
                    message=f"resource {resource.get('name')!r}: {key.split('/')[0]} names {name!r}, which is not "
                    "a field of the table",
                )
