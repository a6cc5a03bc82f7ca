"""Filling date_earliest and date_latest from the EDTF date, so that a curator types the date once. `python build.py`
fills a bound cell only where it is empty and the row's EDTF date can be read; every other byte of the file stays as
it was (each record is split off as written, and only a record with a cell filled is written anew). A bound that is
filled but wrong is not touched: the dates check reports it."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from model import dates
from model.loader import Package
from model.tables import SOURCES


def _records(text: str) -> Iterator[str]:
    """The file's records as written, each with its line end: a line end inside quotes belongs to the record."""
    start, quoted = 0, False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            yield text[start : index + 1]
            start = index + 1
    if start < len(text):
        yield text[start:]


def _filled(record: str, header: list[str], groups: list) -> str | None:
    """The record with its empty bounds filled, or None where nothing is filled."""
    cells = next(csv.reader([record.rstrip("\n")]), [])
    if len(cells) != len(header):
        return None  # a ragged row is the schema check's
    row = dict(zip(header, cells))
    changed = False
    for group in groups:
        start, end = row.get(group.start, ""), row.get(group.end, "") if group.end else ""
        if not start:
            continue
        try:
            earliest, latest = dates.bounds(start, end)
        except dates.DateError:
            continue
        for field, day in ((group.earliest, earliest), (group.latest, latest)):
            if field in row and not row[field] and day is not None:
                row[field] = dates.iso(day)
                changed = True
    if not changed:
        return None
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerow([row[name] for name in header])
    return out.getvalue() if record.endswith("\n") else out.getvalue().rstrip("\n")


def fill(package: Package) -> dict[str, bytes]:
    """{path: new content} of every table where an empty bound can be filled."""
    found = {}
    for model in package.model.tables.values():
        table = package.table(model.name)
        groups = [g for g in model.dates if g.earliest and g.latest]
        if table is None or not groups or model.role == SOURCES:  # the sources table is made from the YAML
            continue
        path = package.root / table.path
        text = path.read_bytes().decode("utf-8")
        records = list(_records(text))
        if not records:
            continue
        header = next(csv.reader([records[0].rstrip("\n")]))
        groups = [g for g in groups if g.start in header]
        changed = False
        for index in range(1, len(records)):
            filled = _filled(records[index], header, groups)
            if filled is not None:
                records[index], changed = filled, True
        if changed:
            found[table.path] = "".join(records).encode("utf-8")
    return found
