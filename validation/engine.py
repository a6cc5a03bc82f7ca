"""Runs the checks over a package in one pass over its tables (see validation/check.py for what a check is).

Every check is made and begun (Frictionless starts in worker processes); then every table is read once and each
record handed to the checks that want it; then every check is ended, those that wait on background work last.
Problems come out grouped by check, in the order the checks are given. No table is held in memory. A check that
fails on a record or at its end is reported as crashed and given nothing more; the others go on, and still see
every record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from model.loader import Package
from model.problems import ERROR, Codes, Problem

from .check import ENGINE_CODES, Check

# Problems listed per check and file; past it they are counted, not kept, so that a file broken on every row
# cannot exhaust memory, and one summary says how many more there are.
LIMIT = 1000


class _Found:
    """Problems per check, at most LIMIT per check and file; past it, how many errors and warnings were not kept."""

    def __init__(self, names: Sequence[str]) -> None:
        self.problems: dict[str, list[Problem]] = {name: [] for name in names}
        self.counts: dict[tuple[str, str], int] = {}
        self.dropped: dict[tuple[str, str, str], int] = {}  # (check, file, severity) -> problems not kept

    def add(self, name: str, problems: Iterable[Problem] | None) -> None:
        for problem in problems or ():
            key = (name, problem.file)
            self.counts[key] = self.counts.get(key, 0) + 1
            if self.counts[key] <= LIMIT:
                self.problems[name].append(problem)
            else:
                dropped = (name, problem.file, problem.severity)
                self.dropped[dropped] = self.dropped.get(dropped, 0) + 1

    def crashed(self, name: str, err: Exception) -> None:
        message = f"the check stopped on unexpected input ({type(err).__name__}: {err})"
        self.add(name, [Codes(name, ENGINE_CODES).problem("check-crashed", file="validate.py", message=message)])

    def of(self, name: str) -> list[Problem]:
        """The problems of one check, then how many more errors and warnings each file has that are not listed."""
        summaries = [
            Codes(name, ENGINE_CODES).problem(
                "more-problems" if severity == ERROR else "more-warnings",
                file=file,
                message=f"{count} more {'problems' if severity == ERROR else 'warnings'} of this check in this file "
                "are not listed",
            )
            for (check, file, severity), count in self.dropped.items()
            if check == name
        ]
        return self.problems[name] + summaries


def run(package: Package, check_classes: Sequence[type[Check]]) -> list[Problem]:
    """Every problem the loader and the given checks find in the package."""
    found = _Found([c.name for c in check_classes])
    checks: list[Check] = []
    for check_class in check_classes:
        try:  # a crash in one check must not hide the others' findings, nor print a traceback
            check = check_class(package)
            check.begin()
        except Exception as err:
            found.crashed(check_class.name, err)
            continue
        checks.append(check)
    crashed: set[str] = set()

    def attempt(check: Check, step: Callable[..., Any], *args: Any, problems: bool = False) -> Any:
        """One step of one check, and (with problems) the problems it yields, added one by one: a step may yield
        millions, of which at most LIMIT are kept. A crash is recorded, and the check given nothing more."""
        try:
            result = step(*args)
            if problems:
                found.add(check.name, result)
            return result
        except Exception as err:
            found.crashed(check.name, err)
            crashed.add(check.name)
            return None

    for table in package.tables.values():
        active = [check for check in checks if check.name not in crashed and attempt(check, check.wants, table)]
        for number, record in table.records() if active else ():
            for check in active:
                if check.name not in crashed:
                    attempt(check, check.row, table, number, record, problems=True)
    for check in sorted(checks, key=lambda c: c.waits):  # those that wait on background work last (a stable sort)
        if check.name not in crashed:
            attempt(check, check.end, problems=True)
    return (
        list(package.problems)
        + package.parse_problems()
        + [problem for check_class in check_classes for problem in found.of(check_class.name)]
    )
