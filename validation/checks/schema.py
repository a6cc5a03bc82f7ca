"""Check 1: every resource matches its Table Schema (types, constraints, primary and foreign keys), via Frictionless.

Frictionless validates the resources in two worker processes, largest first, while the other checks read the
package: start() sets them going, results() waits for them. Hash and byte counts are left to derived_files, which
names the command that restamps them.
"""
from __future__ import annotations

import copy
import multiprocessing
from concurrent.futures import ProcessPoolExecutor

from ..problems import Problem

NAME = "schema"
WORKERS = 2
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
DESCRIPTOR_HINT = "compare datapackage.json with the data dictionary in README.md and repair it"


def _field(error) -> str | None:
    """The column an error concerns; foreign-key errors name theirs in field_names."""
    name = getattr(error, "field_name", None) or getattr(error, "label", None)
    if not name:
        names = getattr(error, "field_names", None) or []
        name = ",".join(names)
    return name or None


def _validate(descriptor: dict, basepath: str, name: str) -> dict:
    """In a worker: validate one resource with the whole package as context (for foreign keys). Returns plain data:
    the descriptor's own errors and the resource's, as (type, message, row, field)."""
    try:
        import csv

        import frictionless.formats.csv.parser  # noqa: F401  (it raises csv's cell limit when imported)
        from frictionless import Package

        from ..package import CELL_LIMIT
        csv.field_size_limit(CELL_LIMIT)
        report = Package(descriptor, basepath=basepath).validate(name=name)
    except Exception as err:  # Frictionless raises FrictionlessException (and others) on a descriptor it cannot use
        return {"failed": f"Frictionless cannot read the descriptor: {err}", "package": [], "tasks": []}
    tasks = [(task.name, [(e.type, e.message, getattr(e, "row_number", None), _field(e)) for e in task.errors])
             for task in report.tasks]
    return {"failed": None, "package": [e.message for e in report.errors], "tasks": tasks}


class Run:
    """Frictionless validation under way in worker processes."""

    def __init__(self, package):
        self.package = package
        self.futures = []
        self.executor = None
        if package.descriptor is None or not package.tables:
            return
        # Only resources the loader judged safe and readable reach Frictionless, with inline schemas and no profile
        # URLs, so it opens nothing else.
        # A table with a line over the package's limit is left out, and so are foreign keys into it: Frictionless
        # would read that line whole (the package check reports it).
        readable = {name for name, table in package.tables.items() if table.facts.long_line is None}
        resources = [{k: copy.deepcopy(r[k]) for k in _RESOURCE_KEYS if k in r}
                     for r in package.descriptor["resources"] if isinstance(r, dict) and r.get("name") in readable]
        for resource in resources:
            schema = resource.get("schema")
            if isinstance(schema, dict) and isinstance(schema.get("foreignKeys"), list):
                schema["foreignKeys"] = [fk for fk in schema["foreignKeys"] if not isinstance(fk, dict)
                                         or not isinstance(fk.get("reference"), dict)
                                         or fk["reference"].get("resource", resource["name"]) in readable]
        descriptor = {"name": "package", "resources": resources}
        names = sorted(readable, key=lambda n: -package.tables[n].facts.bytes)
        if not names:
            return
        self.executor = ProcessPoolExecutor(max_workers=min(WORKERS, len(names)),
                                            mp_context=multiprocessing.get_context("fork"))
        self.futures = [self.executor.submit(_validate, descriptor, str(package.root), name) for name in names]

    def results(self):
        package_errors_seen = False
        try:
            for future in self.futures:
                outcome = future.result()
                if outcome["failed"]:
                    yield Problem(NAME, "datapackage.json", None, None, outcome["failed"], DESCRIPTOR_HINT)
                    return
                if not package_errors_seen:
                    package_errors_seen = True
                    for message in outcome["package"]:
                        yield Problem(NAME, "datapackage.json", None, None, message, "repair datapackage.json")
                for task_name, errors in outcome["tasks"]:
                    table = self.package.tables.get(task_name)
                    path = table.path if table else task_name
                    for error_type, message, row, field in errors:
                        if error_type in _LEFT_TO_OTHERS:
                            continue
                        if row is None and error_type in _HEADER_ERRORS:
                            row = 1
                        yield Problem(NAME, path, row, field, message, _HINTS.get(error_type, "see the data dictionary in README.md"))
        finally:
            if self.executor is not None:
                self.executor.shutdown(cancel_futures=True)


def start(package) -> Run:
    return Run(package)
