#!/usr/bin/env python3
"""Check the data package: Frictionless validation plus everything Frictionless cannot check.

    python validate.py [PACKAGE_DIR] [--json]

Exit 0: valid (warnings may be printed); 1: invalid, each problem named by file, row and field with what to do;
2: cannot run (no descriptor, unreadable folder, bad arguments), with a one-line reason.
The checks live in validation/checks/, one module each; every problem has a code (docs/problem-codes.md).
validate.py reads files and never writes one.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REQUIRED = ("frictionless", "yaml", "jsonschema", "edtf")  # the packages of requirements.txt the checks import


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # one line, exit 2, no usage dump
        raise SystemExit(_cannot_run(f"bad arguments: {message}"))


def _cannot_run(reason: str) -> int:
    print(f"cannot run: {reason}", file=sys.stderr)
    return 2


def main(argv: list[str] | None = None) -> int:
    parser = _Parser(description="Validate the data package.")
    parser.add_argument(
        "package_dir", nargs="?", default=str(HERE), help="folder holding datapackage.json (default: this one)"
    )
    parser.add_argument(
        "--json", action="store_true", help="print a machine-readable report (see README: The --json report)"
    )
    args = parser.parse_args(argv)
    try:
        # Some of these are imported only when first needed (they are slow to load): look for them all now.
        missing = next((name for name in REQUIRED if importlib.util.find_spec(name) is None), None)
        if missing:
            raise ImportError(name=missing)
        from model.loader import Package
        from model.problems import CannotRun
        from validation import engine
        from validation.checks import CHECKS
        from validation.output import exit_code, render_json, render_text
    except ImportError as err:
        # Run under the project's own environment (made by the Quick start) when called with another Python.
        venv_python = HERE / ".venv" / "bin" / "python"
        if venv_python.is_file() and Path(sys.prefix).resolve() != (HERE / ".venv").resolve():
            os.execv(str(venv_python), [str(venv_python), str(Path(__file__).resolve()), *sys.argv[1:]])
        return _cannot_run(f"a required package is not installed ({err.name}); run: pip install -r requirements.txt")
    try:
        package = Package(Path(args.package_dir))
    except CannotRun as err:
        return _cannot_run(str(err))
    except OSError as err:
        return _cannot_run(f"cannot read {args.package_dir}: {err.strerror or err}")
    problems = engine.run(package, CHECKS)
    print(render_json(problems) if args.json else render_text(problems))
    return exit_code(problems)


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(_cannot_run("interrupted"))
    except RecursionError:
        sys.exit(_cannot_run("input nested too deeply to check"))
    except MemoryError:
        sys.exit(_cannot_run("out of memory"))
