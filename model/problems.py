"""A problem found in a package, and the codes that name problems.

Every problem carries a stable code (`quote-not-found`), declared once with what it means and what to do about it;
docs/problem-codes.md lists them all and is generated from these declarations by `python build.py`.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR, WARNING = "error", "warning"


@dataclass(frozen=True)
class Code:
    """What a problem code means, what to do about it (the default hint), and how grave it is."""

    meaning: str
    hint: str
    severity: str = ERROR


@dataclass(frozen=True, kw_only=True)
class Problem:
    check: str  # the check that found it (a module in validation/checks), or "package" for the loader
    code: str  # stable name of the kind of problem (docs/problem-codes.md)
    file: str  # path relative to the package root
    row: int | None = None  # CSV record number, the header being row 1; None for a whole file
    field: str | None = None  # column, YAML key or descriptor property; None for a whole row or file
    message: str  # what is wrong, here
    hint: str  # what to do about it
    severity: str = ERROR  # "error" fails the run; "warning" never does
    # more for tools (the --json report) than the message holds: for quote-not-found, the whole quote, the nearest
    # passage of the source and where they differ
    detail: dict | None = None

    def where(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)


class Codes:
    """The codes one check (or the loader) reports, and a maker of its problems that accepts no other code."""

    def __init__(self, check: str, codes: dict[str, Code]) -> None:
        self.check = check
        self.codes = codes

    def problem(
        self,
        code: str,
        *,
        file: str,
        row: int | None = None,
        field: str | None = None,
        message: str,
        hint: str | None = None,
        detail: dict | None = None,
    ) -> Problem:
        declared = self.codes[code]  # an undeclared code is a bug in the check, reported as its crash
        return Problem(
            check=self.check,
            code=code,
            file=file,
            row=row,
            field=field,
            message=message,
            hint=hint or declared.hint,
            severity=declared.severity,
            detail=detail,
        )


@dataclass(frozen=True)
class CodeBook:
    """Every code validate.py may report: (reporter, its codes) for the loader and each check, in the order their
    problems are reported, and the codes any check may report. The checker makes it (validation/checks); the list of
    problem codes in docs/ is written from it, by a builder that is handed it rather than importing the checks."""

    reporters: tuple[tuple[str, dict[str, Code]], ...]
    common: dict[str, Code]


class CannotRun(Exception):
    """The checker cannot run at all (exit 2): no descriptor, unreadable folder, bad arguments."""
