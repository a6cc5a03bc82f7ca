"""Check 7: every CSV file is UTF-8 without BOM with LF line endings, and every text cell is NFC, has no
leading or trailing whitespace, no control characters, and does not start with =, +, -, @, tab or CR (which a
spreadsheet would run as a formula)."""
from __future__ import annotations

import unicodedata

from ..problems import Problem

NAME = "text_hygiene"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Invisible characters that reorder text (bidi overrides) or break lines outside CSV quoting rules.
INVISIBLE = set("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\ufeff")


def cell_problem(value: str) -> tuple[str, str] | None:
    """What is wrong with a text value, and what to do, or None."""
    if not value:
        return None
    if any(unicodedata.category(c) == "Cc" or c in INVISIBLE for c in value):
        bad = next(c for c in value if unicodedata.category(c) == "Cc" or c in INVISIBLE)
        return (f"contains the control or invisible character U+{ord(bad):04X}",
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
        raw = table.raw
        if raw.startswith(b"\xef\xbb\xbf"):
            yield Problem(NAME, table.path, 1, None, "the file starts with a byte-order mark (BOM)",
                          "save the file as UTF-8 without BOM")
        if b"\r" in raw:
            line = raw[: raw.index(b"\r")].count(b"\n") + 1
            yield Problem(NAME, table.path, line, None, "the file has CR or CRLF line endings",
                          "save the file with LF (Unix) line endings")
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as err:
            line = raw[: err.start].count(b"\n") + 1
            yield Problem(NAME, table.path, line, None, f"the file is not valid UTF-8 (byte {err.start})",
                          "save the file as UTF-8")
            continue
        text_fields = [name for name in table.header if table.field_type(name) == "string"]
        for column, label in enumerate(table.header):
            found = cell_problem(label)
            if found:
                yield Problem(NAME, table.path, 1, label, f"the header cell {found[0]}", found[1])
        for row_number, row in table.records():
            for name in text_fields:
                found = cell_problem(row.get(name, ""))
                if found:
                    yield Problem(NAME, table.path, row_number, name, f"the cell {found[0]}", found[1])
