#!/usr/bin/env python3
"""Make every derived file of the package (the list, and how each is made, is derived/artifacts.py): REPORT.md,
data/sources.csv and the descriptor's sources list from sources/*.yaml, each resource's hash and bytes in
datapackage.json, docs/data-dictionary.md and docs/problem-codes.md. With --dist, then also what users open, in
dist/ (the list is derived/dist.py): SQLite with Datasette metadata, a workbook, Parquet, ready-to-read tables,
and the static evidence site (its map's country outlines are in derived/site/outlines/), needing nothing but
requirements.txt and no network.

    python build.py [PACKAGE_DIR] [--dist]

PACKAGE_DIR defaults to this folder. Run it after changing any file in data/, sources/ or datapackage.json, then
run python validate.py. Everything is made first and written only if all of it could be made; a file is written
only where it changes. In the curated tables only empty date_earliest and date_latest cells are written, filled from
the row's EDTF date (derived/date_bounds.py); nothing else in them is touched. dist/ is made only from a package that
validate.py finds valid, in a new folder that replaces the old one whole; a builder still refuses, in one line
naming the table, row and column, what no export may hold (derived/refused.py). Exit 0 done, 1 refused (broken
YAML or descriptor, or for --dist an invalid package or a builder's refusal), 2 cannot run.
"""

from __future__ import annotations

import sys
from pathlib import Path

from derived import date_bounds
from derived.artifacts import make_all
from model.loader import Package
from model.problems import CannotRun
from validation.checks import code_book
from validation.output import render_text

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    with_dist = "--dist" in args
    args = [a for a in args if a != "--dist"]
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("cannot run: usage: python build.py [PACKAGE_DIR] [--dist]", file=sys.stderr)
        return 2
    root = Path(args[0]).resolve() if args else HERE
    try:
        package = Package(root)
    except CannotRun as err:
        print(f"cannot run: {err}", file=sys.stderr)
        return 2
    if package.descriptor is None:
        print(render_text(package.problems))
        print("nothing was written: restore datapackage.json from git or repair it first")
        return 1
    problems = package.source_metadata[1]
    if problems:
        print(render_text(problems))
        print("nothing was written: repair the YAML first")
        return 1
    filled = date_bounds.fill(package)
    for rel, data in filled.items():
        (root / rel).write_bytes(data)
    if filled:
        print("filled empty date_earliest and date_latest in: " + ", ".join(filled))
        package = Package(root)  # the hashes are those of the tables as now filled
    made = make_all(package, code_book())
    written = []
    for rel, data in made.items():
        path = root / rel
        if not path.is_file() or path.read_bytes() != data:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
            written.append(rel)
    print("updated: " + ", ".join(written) if written else "everything was up to date")
    return write_dist(root) if with_dist else 0


def write_dist(root: Path) -> int:
    """Validate the package as it now is, and only if it is valid make dist/."""
    from derived import dist
    from derived.refused import Refused
    from validation import engine
    from validation.checks import CHECKS
    from validation.output import exit_code

    package = Package(root)
    problems = engine.run(package, CHECKS)
    if exit_code(problems) != 0:
        print(render_text(problems))
        print("dist/ was not made: the package is not valid (see above; python validate.py says the same)")
        return 1
    try:
        made = dist.write(package, root / dist.FOLDER)
    except Refused as refused:  # input no export may hold, which the checks let through: said in one line
        print(f"dist/ was not made: {refused}", file=sys.stderr)
        return 1
    print(f"made in {dist.FOLDER}/: " + ", ".join(made))
    return 0


if __name__ == "__main__":
    sys.exit(main())
