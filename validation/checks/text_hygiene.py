"""Check 7: every CSV file is UTF-8 without BOM with LF line endings, and every text cell is NFC, has no leading or
trailing whitespace, no control character, no character that renders as nothing (format characters such as bidi
marks and zero-width spaces, Hangul fillers, variation selectors), holds no more than a spreadsheet cell holds
(32,767 characters), and does not start with =, +, -, @, tab or CR (which a spreadsheet would run as a formula). The
rule is model/text.py's text_problem, which the sources' YAML values and the builders obey too."""

from __future__ import annotations

from collections.abc import Iterator

from model.loader import Table
from model.problems import Code, Problem
from model.text import text_problem

from ..check import Check


def cell_problem(value: str) -> tuple[str, str] | None:
    """The code of what is wrong with a text cell, and the words for it, or None."""
    found = text_problem(value)
    return ("cell-" + found[0], found[1]) if found else None


class TextHygiene(Check):
    name = "text_hygiene"
    codes = {
        "file-bom": Code("the file starts with a byte-order mark (BOM)", "save the file as UTF-8 without BOM"),
        "file-crlf": Code("the file has CR or CRLF line endings", "save the file with LF (Unix) line endings"),
        "file-not-utf8": Code("the file is not valid UTF-8", "save the file as UTF-8"),
        "cell-control-character": Code(
            "a cell holds a control character (a line break, tab, carriage return...) or a line separator",
            "delete it; a line break inside a quote is written as a space",
        ),
        "cell-invisible-character": Code(
            "a cell holds a character that renders as nothing (a format character such as a bidi mark or a "
            "zero-width space, a Hangul filler, a variation selector), which can hide text or reorder what is shown",
            "delete the character named; retype the text around it if it was pasted",
        ),
        "cell-too-long": Code(
            "a cell holds more than 32,767 characters, more than a spreadsheet cell holds, so the workbook could not "
            "keep it whole",
            "cut the cell down: a quote is a passage, not a document (quote the parts that carry the claim, joined "
            "by …)",
        ),
        "cell-untrimmed": Code("a cell has leading or trailing whitespace", "trim the cell"),
        "cell-formula-start": Code(
            "a cell starts with =, +, -, @, tab or CR, which a spreadsheet would run as a formula",
            "reword so the cell starts otherwise (for a quote, start at the next word)",
        ),
        "cell-not-nfc": Code("a cell is not in Unicode NFC form", "save the text as NFC (composed characters)"),
    }

    def begin(self) -> None:
        self.text_fields: dict[str, list[str]] = {}

    def wants(self, table: Table) -> bool:
        self.text_fields[table.name] = [n for n in table.header if table.field_type(n) == "string"]
        return bool(self.text_fields[table.name])

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem] | None:
        """Every text cell (cells of a file that is not UTF-8 are read with replacement characters)."""
        found = None
        for name in self.text_fields[table.name]:
            value = record.get(name)
            if value and (problem := cell_problem(value)):
                found = found or []
                found.append(
                    self.problem(problem[0], file=table.path, row=number, field=name, message=f"the cell {problem[1]}")
                )
        return found

    def end(self) -> Iterator[Problem]:
        for table in self.package.tables.values():
            facts = table.facts
            if facts.bom:
                yield self.problem(
                    "file-bom", file=table.path, row=1, message="the file starts with a byte-order mark (BOM)"
                )
            if facts.first_cr_line is not None:
                yield self.problem(
                    "file-crlf",
                    file=table.path,
                    row=facts.first_cr_line,
                    message="the file has CR or CRLF line endings",
                )
            if facts.bad_utf8 is not None:
                offset, line = facts.bad_utf8
                yield self.problem(
                    "file-not-utf8", file=table.path, row=line, message=f"the file is not valid UTF-8 (byte {offset})"
                )
            for label in table.header:
                found = cell_problem(label)
                if found:
                    yield self.problem(
                        found[0], file=table.path, row=1, field=label, message=f"the header cell {found[1]}"
                    )
