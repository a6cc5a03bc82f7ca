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


# Problems listed per check and file; past it they are counted, not kept, so that a file broken on every row
# cannot exhaust memory, and one summary says how many more there are.
LIMIT = 1000


class _Found(dict):
    """Problems per check, at most LIMIT per check and file."""

    def __init__(self, names):
        super().__init__({name: [] for name in names})
        self.counts = {}
        self.dropped = {}

    def add(self, name, problems):
        for problem in problems:
            key = (name, problem.file)
            self.counts[key] = self.counts.get(key, 0) + 1
            if self.counts[key] <= LIMIT:
                self[name].append(problem)
            else:
                self.dropped[key] = self.dropped.get(key, 0) + 1

    def summaries(self, name):
        return [Problem(name, file, None, None, f"{count} more problems of this check in this file are not listed",
                        "repair the problems listed, which are likely of the same kind, and run again")
                for (check, file), count in self.dropped.items() if check == name]


def run(package, checks) -> list[Problem]:
    found = _Found(check.NAME for check in checks)
    started = {}
    row_checks = []
    for check in checks:
        try:
            if hasattr(check, "start"):
                started[check.NAME] = check.start(package)
            if hasattr(check, "RowCheck"):
                row_checks.append((check.NAME, check.RowCheck(package)))
        except Exception as err:  # a crash in one check must not hide the others' findings nor print a traceback
            found.add(check.NAME, [_crash(check.NAME, err)])
    for table in package.tables.values():
        active = [(name, rc) for name, rc in row_checks if rc.wants(table)]
        if not active:
            continue
        for number, record in table.records():
            for name, rc in active:
                try:
                    problems = rc.row(table, number, record)
                except Exception as err:
                    found.add(name, [_crash(name, err)])
                    row_checks = [(n, r) for n, r in row_checks if n != name]
                    active = [(n, r) for n, r in active if n != name]
                    break
                if problems:
                    found.add(name, problems)
    for name, rc in row_checks:
        try:
            found.add(name, rc.finish())
        except Exception as err:
            found.add(name, [_crash(name, err)])
    for check in checks:
        for step in ((lambda: check.run(package)) if hasattr(check, "run") else None,
                     (lambda: started[check.NAME].results()) if check.NAME in started else None):
            if step is None:
                continue
            try:
                found.add(check.NAME, step())
            except Exception as err:
                found.add(check.NAME, [_crash(check.NAME, err)])
    return (list(package.problems) + package.parse_problems()
            + [p for check in checks for p in found[check.NAME] + found.summaries(check.NAME)])
