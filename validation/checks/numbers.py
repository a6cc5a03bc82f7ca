"""Check 6: a statistic's bounds are in order (low <= best <= high) and exactly the bounds its qualifier fills
are filled; which those are is read from the qualifiers vocabulary (fills_low, fills_best, fills_high)."""
from __future__ import annotations

from ..problems import Problem

NAME = "numbers"
BOUNDS = ("value_low", "value_best", "value_high")


def _number(text):
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


class RowCheck:
    def __init__(self, package):
        self.fills = {}
        for _, row in package.rows("qualifiers"):
            self.fills[row.get("term")] = {b: row.get(f"fills_{b.split('_')[1]}", "").strip().lower() == "true" for b in BOUNDS}

    def wants(self, table) -> bool:
        return {"qualifier", *BOUNDS} <= set(table.header)

    def row(self, table, row_number, row):
        rule = self.fills.get(row.get("qualifier"))
        if rule is None:
            return None  # an unknown qualifier is a foreign-key problem
        found = []
        for bound in BOUNDS:
            filled = bool(row.get(bound, "").strip())
            if filled != rule[bound]:
                found.append(Problem(NAME, table.path, row_number, bound,
                                     f"qualifier {row['qualifier']!r} {'fills' if rule[bound] else 'leaves empty'} {bound}, but it is {'empty' if not filled else 'filled'}",
                                     "fill exactly the bounds the qualifier names (see the qualifiers vocabulary in README.md)"))
        values = [(b, _number(row.get(b))) for b in BOUNDS if _number(row.get(b)) is not None]
        for (a, x), (b, y) in zip(values, values[1:]):
            if x > y:
                found.append(Problem(NAME, table.path, row_number, b, f"{a} {x:g} is greater than {b} {y:g}",
                                     "put the bounds in order: value_low <= value_best <= value_high"))
        return found

    def finish(self):
        return ()
