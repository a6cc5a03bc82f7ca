#!/usr/bin/env python3
"""Helpers for curators.

    python curate.py archive CAPTURED_FILE SOURCE_ID   archive a new source text byte for byte, with its YAML
    python curate.py next-id [TABLE]                   print the next free ID of each table (or of one)

Either takes --package DIR for a package elsewhere than this folder.

`archive` copies the file to sources/<SOURCE_ID>.txt unchanged and writes sources/<SOURCE_ID>.yaml: its SHA-256, its
title from the first line, curation pending, and as comments every date-like string of the text (a numeric date
that reads two ways with both readings). It never overwrites a file. Then fill in the YAML and run build.py.
Exit 0 done, 1 refused (the text is not UTF-8, or a file of that ID exists), 2 cannot run (bad arguments, such as
a source ID that is not lowercase words joined by hyphens, or longer than 64 characters), each with one line saying
why.
"""

from __future__ import annotations

import sys
from pathlib import Path

from curation.archive import Refused, archive, source_id_problem
from curation.ids import next_ids
from model.loader import Package
from model.problems import CannotRun

HERE = Path(__file__).resolve().parent
USAGE = "usage: python curate.py archive CAPTURED_FILE SOURCE_ID | next-id [TABLE], either with [--package DIR]"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    root = HERE
    if "--package" in args:
        at = args.index("--package")
        if at + 1 >= len(args):
            print(f"cannot run: {USAGE}", file=sys.stderr)
            return 2
        root = Path(args[at + 1]).resolve()
        del args[at : at + 2]
    if args[:1] == ["archive"] and len(args) == 3:
        captured = Path(args[1])
        if not captured.is_file():
            print(f"cannot run: {captured} is not a file", file=sys.stderr)
            return 2
        if problem := source_id_problem(args[2]):
            print(f"cannot run: {problem}", file=sys.stderr)
            return 2
        try:
            text, metadata = archive(root, captured, args[2])
        except Refused as refused:
            print(f"refused: {refused}", file=sys.stderr)
            return 1
        except OSError as err:  # a folder that cannot be written, a disk that is full: said in one line
            print(f"cannot run: {err.strerror or err} ({err.filename or root})", file=sys.stderr)
            return 2
        print(f"archived: {text.relative_to(root)}; fill in {metadata.relative_to(root)}, then run python build.py")
        return 0
    if args[:1] == ["next-id"] and len(args) <= 2:
        try:
            found = next_ids(Package(root))
        except CannotRun as err:
            print(f"cannot run: {err}", file=sys.stderr)
            return 2
        if len(args) == 2:
            if args[1] not in found:
                print(f"cannot run: {args[1]!r} has no numbered IDs; tables: {', '.join(found)}", file=sys.stderr)
                return 2
            print(found[args[1]])
        else:
            for table, ident in found.items():
                print(f"{table}: {ident}")
        return 0
    print(f"cannot run: {USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
