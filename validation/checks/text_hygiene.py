"""Check 7: every CSV file is UTF-8 without BOM with LF line endings, and every text cell is NFC, has no
leading or trailing whitespace, no control characters, and does not start with =, +, -, @, tab or CR (which a
spreadsheet would run as a formula)."""
from __future__ import annotations

import re
import unicodedata

from ..problems import Problem

NAME = "text_hygiene"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters (Unicode category Cc: U+0000-U+001F, U+007F-U+009F) and invisible characters that reorder
# text (bidi overrides) or break lines outside CSV quoting rules.
_BAD_CHARACTER = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200e\u200f\ufeff]")


def cell_problem(value: str) -> tuple[str, str] | None:
    """What is wrong with a text value, and what to do, or None."""
    if not value:
        return None
    bad = _BAD_CHARACTER.search(value)
    if bad:
        return (f"contains the control or invisible character U+{ord(bad.group()):04X}",
                "delete it; a line break inside a quote is written as a space")
    if value != value.strip():
        return "has leading or trailing whitespace", "trim the cell"
    if value.startswith(FORMULA_START):
        return (f"starts with {value[0]!r}, which a spreadsheet would run as a formula",
                "reword so the cell starts otherwise (for a quote, start at the next word)")
    if not unicodedata.is_normalized("NFC", value):
        return "is not in Unicode NFC form", "save the text as NFC (composed characters)"
    return None


def run(package):
    for table in package.tables.values():
        facts = table.facts
        if facts.bom:
            yield Problem(NAME, table.path, 1, None, "the file starts with a byte-order mark (BOM)",
                          "save the file as UTF-8 without BOM")
        if facts.first_cr_line is not None:
            yield Problem(NAME, table.path, facts.first_cr_line, None, "the file has CR or CRLF line endings",
                          "save the file with LF (Unix) line endings")
        if facts.bad_utf8 is not None:
            offset, line = facts.bad_utf8
            yield Problem(NAME, table.path, line, None, f"the file is not valid UTF-8 (byte {offset})",
                          "save the file as UTF-8")
        for label in table.header:
            found = cell_problem(label)
            if found:
                yield Problem(NAME, table.path, 1, label, f"the header cell {found[0]}", found[1])


class RowCheck:
    """Every text cell of every table (cells of a file that is not UTF-8 are read with replacement characters)."""

    def __init__(self, package):
        self.text_fields = {}

    def wants(self, table) -> bool:
        self.text_fields[table.name] = [n for n in table.header if table.field_type(n) == "string"]
        return bool(self.text_fields[table.name])

    def row(self, table, row_number, row):
        found = None
        for name in self.text_fields[table.name]:
            value = row.get(name)
            if value and (problem := cell_problem(value)):
                found = found or []
                found.append(Problem(NAME, table.path, row_number, name, f"the cell {problem[0]}", problem[1]))
        return found

    def finish(self):
        return ()
