"""What a check is: the contract every module in validation/checks/ fulfils, and what the engine calls.

A check is made once per run with the package. The engine then reads every table once and hands each record to the
checks whose wants(table) is true (row); after that pass it asks every check for the problems it found (end). A check
that needs work done in the background while the others read (Frictionless validation) starts it in begin() and
sets waits, so that the engine ends it last. Every problem a check reports has a code it declares in `codes`.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from model.loader import Package, Table
from model.problems import WARNING, Code, Codes, Problem

# Codes any check may report: the engine's own, about the check rather than the data.
ENGINE_CODES = {
    "check-crashed": Code(
        "the check stopped on input it did not expect; the other checks went on",
        "fix the problems reported above and run again; if this persists, report it as a bug",
    ),
    "more-problems": Code(
        "more errors of one check in one file than are listed (1,000)",
        "repair the problems listed, which are likely of the same kind, and run again",
    ),
    "more-warnings": Code(
        "more warnings of one check in one file than are listed (1,000)",
        "look at the warnings listed, which are likely of the same kind",
        WARNING,
    ),
}


class Check:
    """Base class of the checks. Subclasses set name, codes and a docstring saying what the check proves, and
    override what they need: wants and row for the one pass over the tables, end for what they judge after it."""

    name: ClassVar[str]
    codes: ClassVar[dict[str, Code]]
    waits: ClassVar[bool] = False  # its end() waits for work begun in begin(): ended after the other checks

    def __init__(self, package: Package) -> None:
        self.package = package
        # self.problem(code, file=..., row=..., field=..., message=..., hint=...): a problem of this check, with one
        # of its codes (or the engine's); see Codes.problem.
        self.problem = Codes(self.name, {**self.codes, **ENGINE_CODES}).problem

    def begin(self) -> None:
        """Start work that runs while the tables are read."""

    def wants(self, table: Table) -> bool:
        """Whether row() is to be handed the records of this table."""
        return False

    def row(self, table: Table, number: int, record: dict[str, str]) -> Iterable[Problem]:
        """Problems of one record (number: the CSV record number, the header being 1)."""
        return ()

    def end(self) -> Iterable[Problem]:
        """Problems found once every table has been read."""
        return ()
