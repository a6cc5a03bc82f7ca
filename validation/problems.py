"""A problem found in the package, and the report that collects them."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass

# Version of the --json report's shape; bump the major number when a key changes meaning or goes away.
REPORT_VERSION = "1.0"


@dataclass(frozen=True)
class Problem:
    check: str          # name of the check that found it (a module in validation/checks)
    file: str           # path relative to the package root
    row: int | None     # CSV record number, the header being row 1; None for a whole file
    field: str | None   # column, YAML key or descriptor property; None for a whole row or file
    message: str        # what is wrong
    hint: str           # what to do about it
    severity: str = "error"  # "error" fails the run; "warning" never does

    def where(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.field:
            parts.append(f"field {self.field}")
        return ", ".join(parts)


class CannotRun(Exception):
    """The checker cannot run at all (exit 2): no descriptor, unreadable folder, bad arguments."""


def exit_code(problems: list[Problem]) -> int:
    return 1 if any(p.severity == "error" for p in problems) else 0


def render_text(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    lines = []
    for p in errors + warnings:
        lines.append(f"{p.severity.upper()} [{p.check}] {p.where()}: {p.message}")
        lines.append(f"    what to do: {p.hint}")
    verdict = "INVALID" if errors else "VALID"
    lines.append(f"{verdict}: {len(errors)} error(s), {len(warnings)} warning(s)")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    errors = sum(p.severity == "error" for p in problems)
    return json.dumps({
        "report_version": REPORT_VERSION,
        "valid": errors == 0,
        "exit_code": exit_code(problems),
        "counts": {"errors": errors, "warnings": len(problems) - errors},
        "problems": [asdict(p) for p in problems],
    }, ensure_ascii=False, indent=2)
