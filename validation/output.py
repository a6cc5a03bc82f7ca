"""The checker's report: plain text for people, JSON for machines (its shape is versioned by REPORT_VERSION)."""

from __future__ import annotations

import json
from dataclasses import asdict

from model.problems import ERROR, WARNING, Problem

# Version of the --json report's shape: the minor number grows when a key is added, the major number when a key
# changes meaning or goes away. 1.1 added each problem's code.
REPORT_VERSION = "1.2"  # 1.2: a problem may carry "detail"


def exit_code(problems: list[Problem]) -> int:
    return 1 if any(p.severity == ERROR for p in problems) else 0


def render_text(problems: list[Problem]) -> str:
    errors = [p for p in problems if p.severity == ERROR]
    warnings = [p for p in problems if p.severity == WARNING]
    lines = []
    for p in errors + warnings:
        lines.append(f"{p.severity.upper()} {p.code} [{p.check}] {p.where()}: {p.message}")
        lines.append(f"    what to do: {p.hint}")
    verdict = "INVALID" if errors else "VALID"
    lines.append(f"{verdict}: {len(errors)} error(s), {len(warnings)} warning(s)")
    return "\n".join(lines)


def render_json(problems: list[Problem]) -> str:
    errors = sum(p.severity == ERROR for p in problems)
    return json.dumps(
        {
            "report_version": REPORT_VERSION,
            "valid": errors == 0,
            "exit_code": exit_code(problems),
            "counts": {"errors": errors, "warnings": len(problems) - errors},
            "problems": [asdict(p) for p in problems],
        },
        ensure_ascii=False,
        indent=2,
    )
