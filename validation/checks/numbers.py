"""Check 6: a figure fills exactly the bounds its qualifier names, and its bounds are in order (low <= best <=
high). Which bounds a qualifier fills is read from its interval in the qualifiers vocabulary (reads_as; see
model/figures.py). And the figure agrees with its words: the qualifier is the one the words' cue sets ("about",
"more than"), and the bounds it fills hold the number the words write, by the rules of model/figure_words.py and
model/figure_words.csv; where no rule reads the words, the row's notes say how its bounds were read."""

from __future__ import annotations

from model import figure_words
from model.figures import BOUNDS, Qualifiers, Reading
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
        "qualifier-not-as-words": Code(
            "a figure's qualifier is not the one its words' cue sets",
            "set the qualifier the words call for (the cues are listed in docs/data-dictionary.md, \"How a figure's "
            'words are read")',
        ),
        "number-not-as-words": Code(
            "a bound of a figure differs from the number its words write",
            'put in the bound the number value_text writes ("about 300" is value_best 300)',
        ),
        "words-unread": Code(
            "no rule reads a figure's words, and its notes do not say how its bounds were read",
            "say in notes how the words give the bounds, or add a rule to model/figure_words.csv",
        ),
    }

    def begin(self) -> None:
        self.qualifiers = Qualifiers(record for _, record in self.package.rows("qualifiers"))
        self.rules = figure_words.rules()
        self.read: dict[str, figure_words.Reading | None] = {}  # figures repeat their words ("at least a million")

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
        return found + self._words(table, number, record, reading)

    def _words(self, table: Table, number: int, record: dict[str, str], reading: Reading) -> list[Problem]:
        """The qualifier and the filled bounds against what the words say."""
        words = record.get("value_text", "")
        if words not in self.read:
            self.read[words] = figure_words.read(words, self.rules)
        said = self.read[words]
        where = {"file": table.path, "row": number}
        if said is None:
            if record.get("notes", "").strip():
                return []
            return [self.problem("words-unread", field="value_text", message=f"no rule reads {words!r}", **where)]
        if said.qualifier != record["qualifier"]:
            return [
                self.problem(
                    "qualifier-not-as-words",
                    field="qualifier",
                    message=f"{words!r} reads as {said.qualifier!r}, not {record['qualifier']!r}",
                    hint=f"set qualifier to {said.qualifier!r}, with the bounds it fills",
                    **where,
                )
            ]
        filled = [b for b in BOUNDS if b in reading.fills]
        if len(filled) != len(said.numbers):
            return []
        return [
            self.problem(
                "number-not-as-words",
                field=bound,
                message=f"{words!r} writes {value:g}, but {bound} is {record.get(bound) or 'empty'}",
                hint=f"set {bound} to {value:g}",
                **where,
            )
            for bound, value in zip(filled, said.numbers)
            if _number(record.get(bound)) is None or abs(_number(record.get(bound)) - value) > 1e-9 * max(1, value)
        ]
