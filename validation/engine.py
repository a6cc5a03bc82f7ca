"""Runs the checks over a package in one pass over its tables.

Frictionless validation (the schema check) starts first, in worker processes. Then every table is read once, each
record handed to the row checks that want it (a check's RowCheck class: wants(table), row(table, number, record),
finish()). Then the whole-package checks run (a check's run(package)), and the Frictionless results are collected.
Problems come out grouped by check, in the order of CHECKS. Memory stays bounded: no table is held in memory.
"""
from __future__ import annotations

from .problems import Problem


def _crash(name: str, err: Exception) -> Problem:
    return Problem(name, "validate.py", None, None, f"the check stopped on unexpected input ({type(err).__name__}: {err})",
                   "fix the problems reported above and run again; if this persists, report it as a bug")


def run(package, checks) -> list[Problem]:
    found = {check.NAME: [] for check in checks}
    started = {}
    row_checks = []
    for check in checks:
        try:
            if hasattr(check, "start"):
                started[check.NAME] = check.start(package)
            if hasattr(check, "RowCheck"):
                row_checks.append((check.NAME, check.RowCheck(package)))
        except Exception as err:  # a crash in one check must not hide the others' findings nor print a traceback
            found[check.NAME].append(_crash(check.NAME, err))
    for table in package.tables.values():
        active = [(name, rc) for name, rc in row_checks if rc.wants(table)]
        if not active:
            continue
        for number, record in table.records():
            for name, rc in active:
                try:
                    problems = rc.row(table, number, record)
                except Exception as err:
                    found[name].append(_crash(name, err))
                    row_checks = [(n, r) for n, r in row_checks if n != name]
                    active = [(n, r) for n, r in active if n != name]
                    break
                if problems:
                    found[name].extend(problems)
    for name, rc in row_checks:
        try:
            found[name].extend(rc.finish())
        except Exception as err:
            found[name].append(_crash(name, err))
    for check in checks:
        for step in ((lambda: check.run(package)) if hasattr(check, "run") else None,
                     (lambda: started[check.NAME].results()) if check.NAME in started else None):
            if step is None:
                continue
            try:
                found[check.NAME].extend(step())
            except Exception as err:
                found[check.NAME].append(_crash(check.NAME, err))
    return list(package.problems) + package.parse_problems() + [p for check in checks for p in found[check.NAME]]
