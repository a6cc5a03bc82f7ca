"""Check 6: a figure fills exactly the bounds its qualifier names, and its bounds are in order (low <= best <=
high). Which bounds a qualifier fills is read from its interval in the qualifiers vocabulary (reads_as; see
model/figures.py)."""

from __future__ import annotations

from model.figures import BOUNDS, Qualifiers
from model.loader import Table
from model.problems import Code, Problem

from ..check import Check


def _number(text: str | None) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


class Numbers(Check):
    name = "numbers"
    codes = {
        "bounds-not-as-qualifier": Code(
            "a figure fills other bounds than its qualifier names",
            "fill exactly the bounds the qualifier names (see the qualifiers vocabulary in README.md)",
        ),
        "bounds-out-of-order": Code(
            "a figure's bounds are not in order", "put the bounds in order: value_low <= value_best <= value_high"
        ),
    }

    def begin(self) -> None:
        self.qualifiers = Qualifiers(record for _, record in self.package.rows("qualifiers"))

    def wants(self, table: Table) -> bool:
        return {"qualifier", *BOUNDS} <= set(table.header)

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        reading = self.qualifiers.readings.get(record.get("qualifier", ""))
        if reading is None:
            return []  # an unknown qualifier is a foreign-key problem, an unreadable interval a constraint problem
        found = []
        for bound in BOUNDS:
            filled = bool(record.get(bound, "").strip())
            fills = bound in reading.fills
            if filled != fills:
                found.append(
                    self.problem(
                        "bounds-not-as-qualifier",
                        file=table.path,
                        row=number,
                        field=bound,
                        message=f"qualifier {record['qualifier']!r} {'fills' if fills else 'leaves empty'} {bound}, "
                        f"but it is {'empty' if not filled else 'filled'}",
                    )
                )
        values = [(b, _number(record.get(b))) for b in BOUNDS if _number(record.get(b)) is not None]
        for (a, x), (b, y) in zip(values, values[1:]):
            if x > y:
                found.append(
                    self.problem(
                        "bounds-out-of-order",
                        file=table.path,
                        row=number,
                        field=b,
                        message=f"{a} {x:g} is greater than {b} {y:g}",
                    )
                )
        return found
