"""Check 7: every CSV file is UTF-8 without BOM with LF line endings, and every text cell is NFC, has no
leading or trailing whitespace, no control characters, and does not start with =, +, -, @, tab or CR (which a
spreadsheet would run as a formula)."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from model.loader import Table
from model.problems import Code, Problem

from ..check import Check

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) and invisible characters that reorder
# text (bidi overrides) or break lines outside CSV quoting rules.
_BAD_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]")


def cell_problem(value: str) -> tuple[str, str] | None:
    """The code of what is wrong with a text value, and the words for it, or None."""
    if not value:
        return None
    bad = _BAD_CHARACTER.search(value)
    if bad:
        return "cell-control-character", f"contains the control or invisible character U+{ord(bad.group()):04X}"
    if value != value.strip():
        return "cell-untrimmed", "has leading or trailing whitespace"
    if value.startswith(FORMULA_START):
        return "cell-formula-start", f"starts with {value[0]!r}, which a spreadsheet would run as a formula"
    if not unicodedata.is_normalized("NFC", value):
        return "cell-not-nfc", "is not in Unicode NFC form"
    return None


class TextHygiene(Check):
    name = "text_hygiene"
    codes = {
        "file-bom": Code("the file starts with a byte-order mark (BOM)", "save the file as UTF-8 without BOM"),
        "file-crlf": Code("the file has CR or CRLF line endings", "save the file with LF (Unix) line endings"),
        "file-not-utf8": Code("the file is not valid UTF-8", "save the file as UTF-8"),
        "cell-control-character": Code(
            "a cell holds a control or invisible character",
            "delete it; a line break inside a quote is written as a space",
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
