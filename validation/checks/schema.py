"""Check 1: every resource matches its Table Schema (types, constraints, primary and foreign keys), via Frictionless.

Hash and byte counts are left to derived_files, which names the command that restamps them.
"""
from __future__ import annotations

import copy

from frictionless import Package

from ..problems import Problem

NAME = "schema"
_LEFT_TO_OTHERS = {"hash-count", "byte-count"}
_HEADER_ERRORS = {"missing-label", "extra-label", "incorrect-label", "duplicate-label", "blank-label"}
# What Frictionless is given of a resource: everything it needs, nothing that could point it at the network.
_RESOURCE_KEYS = ("name", "type", "path", "scheme", "format", "mediatype", "encoding", "schema", "dialect")
_HINTS = {
    "type-error": "write a value of the field's type (see the data dictionary in README.md)",
    "constraint-error": "make the value meet the field's constraint (see the data dictionary in README.md)",
    "primary-key": "give the row an identifier no other row has",
    "unique-error": "give the row an identifier no other row has",
    "foreign-key": "use an identifier that exists in the referenced table, or add the missing row there",
    "missing-cell": "give the row as many cells as the header has columns",
    "extra-cell": "give the row as many cells as the header has columns",
    "missing-label": "make the header row equal the schema's field names, in order",
    "extra-label": "make the header row equal the schema's field names, in order",
    "incorrect-label": "make the header row equal the schema's field names, in order",
    "duplicate-label": "make the header row equal the schema's field names, in order",
    "blank-row": "delete the empty row",
    "blank-label": "make the header row equal the schema's field names, in order",
}


def run(package):
    if package.descriptor is None:
        return
    # Only resources the loader judged safe and readable reach Frictionless, with inline schemas and no profile
    # URLs, so it opens nothing else; hash and bytes are left to derived_files.
    descriptor = {"name": "package", "resources": [
        {k: copy.deepcopy(r[k]) for k in _RESOURCE_KEYS if k in r}
        for r in package.descriptor["resources"] if isinstance(r, dict) and r.get("name") in package.tables]}
    try:
        report = Package(descriptor, basepath=str(package.root)).validate()
    except Exception as err:  # Frictionless raises FrictionlessException (and others) on a descriptor it cannot use
        yield Problem(NAME, "datapackage.json", None, None, f"Frictionless cannot read the descriptor: {err}",
                      "compare datapackage.json with the data dictionary in README.md and repair it")
        return
    for error in report.errors:
        yield Problem(NAME, "datapackage.json", None, None, error.message, "repair datapackage.json")
    for task in report.tasks:
        path = package.tables[task.name].path if task.name in package.tables else str(task.place)
        for error in task.errors:
            if error.type in _LEFT_TO_OTHERS:
                continue
            row = getattr(error, "row_number", None)
            if row is None and error.type in _HEADER_ERRORS:
                row = 1
            yield Problem(NAME, path, row, _field(error), error.message, _HINTS.get(error.type, "see the data dictionary in README.md"))


def _field(error) -> str | None:
    """The column an error concerns; foreign-key errors name theirs in field_names."""
    name = getattr(error, "field_name", None) or getattr(error, "label", None)
    if not name:
        names = getattr(error, "field_names", None) or []
        name = ",".join(names)
    return name or None
