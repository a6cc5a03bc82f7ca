"""Check 1: every resource matches its Table Schema (types, constraints, foreign keys, header), via Frictionless,
whose error types are this check's problem codes. Primary keys and unique fields are left to the keys check.

Frictionless validates the resources in two worker processes, in two batches of about equal size, while the
other checks read the package: begin() sets them going, end() waits for them. Each large resource is validated in
a process forked for it alone, so that the memory Frictionless takes for it is given back at once. Hash and byte
counts are left to derived_files, which names the command that restamps them.
"""

from __future__ import annotations

import copy
import difflib
import multiprocessing
import os
import pickle
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor

from model.problems import Code, Problem
from model.tables import VOCABULARY, TableModel

from ..check import Check

WORKERS = 2
LARGE = 2**20  # bytes from which a resource is validated in a process of its own
_LEFT_TO_OTHERS = {"hash-count", "byte-count"}
_HEADER_ERRORS = {"missing-label", "extra-label", "incorrect-label", "duplicate-label", "blank-label"}
# What Frictionless is given of a resource: everything it needs, nothing that could point it at the network.
_RESOURCE_KEYS = ("name", "type", "path", "scheme", "format", "mediatype", "encoding", "schema", "dialect")
_HEADER_HINT = "make the header row equal the schema's field names, in order"
_ROW_LENGTH_HINT = "give the row as many cells as the header has columns"
# Frictionless's error types, which are this check's codes, with what each means here and what to do. An error of
# another type keeps Frictionless's name as its code and the hint OTHER_HINT.
CODES = {
    "type-error": Code(
        "a value is not of its field's type (a number, a date, ...)",
        "write a value of the field's type (see docs/data-dictionary.md)",
    ),
    "constraint-error": Code(
        "a value breaks its field's constraint: required, a pattern, a range, an enum",
        "make the value meet the field's constraint (see docs/data-dictionary.md)",
    ),
    "foreign-key": Code(
        "a reference to a row that does not exist: an unknown ID or vocabulary term",
        "use an identifier that exists in the referenced table, or add the missing row there",
    ),
    "missing-cell": Code("a row has fewer cells than the header", _ROW_LENGTH_HINT),
    "extra-cell": Code("a row has more cells than the header", _ROW_LENGTH_HINT),
    "blank-row": Code("a row is empty", "delete the empty row"),
    "missing-label": Code("the header lacks a column of the schema", _HEADER_HINT),
    "extra-label": Code("the header has a column the schema does not declare", _HEADER_HINT),
    "incorrect-label": Code("a header cell differs from the schema's field name at its place", _HEADER_HINT),
    "duplicate-label": Code("two header cells are the same", _HEADER_HINT),
    "blank-label": Code("a header cell is empty", _HEADER_HINT),
    "descriptor-unusable": Code(
        "Frictionless cannot read the descriptor at all, so no table was validated against its schema",
        "compare datapackage.json with docs/data-dictionary.md and repair it",
    ),
    "descriptor-error": Code(
        "Frictionless finds the descriptor invalid (a schema, field or dialect it cannot use)",
        "repair datapackage.json",
    ),
}
OTHER_HINT = "see docs/data-dictionary.md"


def _field(error: object) -> str | None:
    """The column an error concerns; foreign-key errors name theirs in field_names."""
    name = getattr(error, "field_name", None) or getattr(error, "label", None)
    if not name:
        names = getattr(error, "field_names", None) or []
        name = ",".join(names)
    return name or None


def _validate(package: object, names: list[str]) -> dict:
    """Validate some resources of a Frictionless package (the whole package is the context for foreign keys).
    Returns plain data: each resource's errors as (type, message, row, field)."""
    try:
        reports = [package.get_resource(name).validate() for name in names]
    except Exception as err:  # Frictionless raises FrictionlessException (and others) on a descriptor it cannot use
        return {"failed": f"Frictionless cannot read the descriptor: {err}", "package": [], "tasks": []}
    tasks = [
        (task.name, [(e.type, e.message, getattr(e, "row_number", None), _field(e)) for e in task.errors])
        for report in reports
        for task in report.tasks
    ]
    return {"failed": None, "package": [], "tasks": tasks}


def _tasks(sizes: dict[str, int]) -> list[list[str]]:
    """Each large resource alone, to run in a process of its own, which returns all its memory when it ends; the
    small ones together."""
    large = [[name] for name in sorted(sizes, key=lambda n: -sizes[n]) if sizes[name] >= LARGE]
    small = {name: size for name, size in sizes.items() if size < LARGE}
    # the small ones in as many groups as there are workers, so that a small package uses them all
    return large + [group for batch in _batches([[n] for n in small], small, WORKERS) for group in [sum(batch, [])]]


def _batches(tasks: list[list[str]], sizes: dict[str, int], count: int) -> list[list[list[str]]]:
    """Tasks in `count` batches of about equal bytes, largest first."""
    batches = [[] for _ in range(count)]
    loads = [0] * count
    for task in sorted(tasks, key=lambda names: -sum(sizes[n] for n in names)):
        lightest = loads.index(min(loads))
        batches[lightest].append(task)
        loads[lightest] += sum(sizes[n] for n in task)
    return [batch for batch in batches if batch]


def _run_batch(descriptor: dict, basepath: str, batch: list[tuple[list[str], bool]]) -> list[dict]:
    """In a worker: read the descriptor once, then run the batch's tasks one after the other, each large one in a
    process forked for it (which inherits the package as read)."""
    import csv

    from frictionless import FrictionlessException, Package

    from model.loader import CELL_LIMIT

    csv.field_size_limit(CELL_LIMIT)  # Frictionless raises the limit when it loads its CSV parser
    try:
        package = Package(descriptor, basepath=basepath)
        package.to_descriptor(validate=True)
    except FrictionlessException as exception:
        return [{"failed": None, "package": [e.message for e in exception.to_errors()], "tasks": []}]
    except Exception as err:  # noqa: BLE001  (a descriptor Frictionless cannot use at all)
        return [{"failed": f"Frictionless cannot read the descriptor: {err}", "package": [], "tasks": []}]
    return [_in_fresh_process(package, names) if fresh else _validate(package, names) for names, fresh in batch]


def _in_fresh_process(package: object, names: list[str]) -> dict:
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: validate, send the result, leave without running any cleanup of the parent's
        os.close(read_end)
        try:
            data = pickle.dumps(_validate(package, names))
        except BaseException as err:  # noqa: BLE001  (whatever happens, the parent gets an answer)
            data = pickle.dumps(
                {"failed": f"Frictionless stopped ({type(err).__name__}: {err})", "package": [], "tasks": []}
            )
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as incoming:
        data = incoming.read()
    os.waitpid(pid, 0)
    if not data:
        return {"failed": "Frictionless stopped without a result (out of memory?)", "package": [], "tasks": []}
    return pickle.loads(data)


class Schema(Check):
    """Every table matches its Table Schema (types, constraints, foreign keys, header), via Frictionless, which runs
    in worker processes while the other checks read the tables."""

    name = "schema"
    codes = CODES
    waits = True

    def begin(self) -> None:
        package = self.package
        self.futures = []
        self.executor = None
        if package.descriptor is None or not package.tables:
            return
        # Only resources the loader judged safe and readable reach Frictionless, with inline schemas and no profile
        # URLs, so it opens nothing else.
        # A table with a line over the package's limit is left out, and so are foreign keys into it: Frictionless
        # would read that line whole (the package check reports it).
        readable = {name for name, table in package.tables.items() if table.facts.long_line is None}
        resources = [
            {k: copy.deepcopy(r[k]) for k in _RESOURCE_KEYS if k in r}
            for r in package.descriptor["resources"]
            if isinstance(r, dict) and r.get("name") in readable
        ]
        for resource in resources:
            schema = resource.get("schema")
            if isinstance(schema, dict):
                # Primary keys and unique fields are the keys check's: Frictionless would keep every key in memory.
                schema.pop("primaryKey", None)
                for f in schema.get("fields") or []:
                    if isinstance(f, dict) and isinstance(f.get("constraints"), dict):
                        f["constraints"].pop("unique", None)
            if isinstance(schema, dict) and isinstance(schema.get("foreignKeys"), list):
                schema["foreignKeys"] = [
                    fk
                    for fk in schema["foreignKeys"]
                    if not isinstance(fk, dict)
                    or not isinstance(fk.get("reference"), dict)
                    or fk["reference"].get("resource", resource["name"]) in readable
                ]
        descriptor = {"name": "package", "resources": resources}
        if not readable:
            return
        # Frictionless is imported before the workers are forked, so that each starts with it loaded.
        import frictionless  # noqa: F401

        sizes = {name: package.tables[name].facts.bytes for name in readable}
        batches = _batches(_tasks(sizes), sizes, WORKERS)
        self.executor = ProcessPoolExecutor(max_workers=len(batches), mp_context=multiprocessing.get_context("fork"))
        self.futures = [
            self.executor.submit(
                _run_batch,
                descriptor,
                str(package.root),
                [(names, sum(sizes[n] for n in names) >= LARGE) for names in batch],
            )
            for batch in batches
        ]

    def _vocabulary(self, table: str, field: str | None) -> TableModel | None:
        """The vocabulary a field takes its terms from, if it does."""
        model = self.package.model
        for reference in model.get(table).references if model.get(table) else ():
            target = model.get(reference.table)
            if reference.fields == (field,) and target is not None and target.role == VOCABULARY:
                return target
        return None

    def _unknown_terms(self, found: list[tuple]) -> Iterator[Problem]:
        """Foreign-key problems of vocabulary fields, with the terms nearest to the unknown one and the file."""
        wanted = defaultdict(dict)  # table: {row: field}
        for table, _, row, field, _ in found:
            wanted[table][row] = field
        values = {}
        for table, rows in wanted.items():
            for number, record in self.package.rows(table):
                if number in rows:
                    values[(table, number)] = record.get(rows[number], "")
        for table, path, row, field, message in found:
            vocabulary = self._vocabulary(table, field)
            terms = [record.get("term", "") for _, record in self.package.rows(vocabulary.name)]
            value = values.get((table, row), "")
            near = difflib.get_close_matches(value, terms, n=3, cutoff=0.5)
            hint = f"use a term of {vocabulary.path}" + (f"; nearest: {', '.join(near)}" if near else "")
            yield self.problem(
                "foreign-key",
                file=path,
                row=row,
                field=field,
                message=message,
                hint=hint,
                detail={"value": value, "vocabulary": vocabulary.path, "nearest": near},
            )

    def end(self) -> Iterator[Problem]:
        package_errors_seen = False
        unknown_terms: list[tuple] = []
        try:
            for outcome in (outcome for future in self.futures for outcome in future.result()):
                if outcome["failed"]:
                    yield self.problem("descriptor-unusable", file="datapackage.json", message=outcome["failed"])
                    return
                if outcome["package"] and not package_errors_seen:  # each worker reads the descriptor: report once
                    package_errors_seen = True
                    for message in outcome["package"]:
                        yield self.problem("descriptor-error", file="datapackage.json", message=message)
                for task_name, errors in outcome["tasks"]:
                    table = self.package.tables.get(task_name)
                    path = table.path if table else task_name
                    for error_type, message, row, field in errors:
                        if error_type in _LEFT_TO_OTHERS:
                            continue
                        if row is None and error_type in _HEADER_ERRORS:
                            row = 1
                        if error_type == "foreign-key" and self._vocabulary(task_name, field):
                            unknown_terms.append((task_name, path, row, field, message))
                        elif error_type in CODES:
                            yield self.problem(error_type, file=path, row=row, field=field, message=message)
                        else:
                            yield Problem(
                                check=self.name,
                                code=error_type,
                                file=path,
                                row=row,
                                field=field,
                                message=message,
                                hint=OTHER_HINT,
                            )
            yield from self._unknown_terms(unknown_terms)
        finally:
            if self.executor is not None:
                self.executor.shutdown(cancel_futures=True)
