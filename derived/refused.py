"""What a builder raises where it will not write what it was given: input that would make a file unsafe to open (a
link that runs a script, a cell a spreadsheet would run as a formula) or that the file cannot hold whole (a cell
longer than a spreadsheet's), or a table the exports cannot be made from. The checker refuses all of it first; a
builder does not rely on that, and says where the input is, in one line, instead of writing it."""

from __future__ import annotations

from model.text import FORMULA_START


class Refused(ValueError):
    pass


def no_formula(value: object, where: str) -> object:
    """The value, unless it is text that a spreadsheet would run as a formula: then Refused, naming where it is."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        raise Refused(
            f"{where} starts with {value[0]!r}, which a spreadsheet would run as a formula; it was not written "
            "(python validate.py names the cell it comes from)"
        )
    return value
