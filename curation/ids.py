"""The next free ID of each table whose rows are numbered (tes-0001, sta-0001): one more than the highest in use.
IDs are never reused, so a gap left by a removed row stays a gap."""

from __future__ import annotations

import re

from model.loader import Package

NUMBERED = re.compile(r"^([a-z]+)-(\d+)$")


def next_ids(package: Package) -> dict[str, str]:
    """{table: its next free ID} for every table whose IDs are a prefix and a number."""
    found = {}
    for table in package.model.tables.values():
        key = table.id_field
        if not key:
            continue
        highest, prefix, width = -1, None, 4
        for _, record in package.rows(table.name):
            match = NUMBERED.match(record.get(key, ""))
            if not match:
                break
            prefix, width = match.group(1), len(match.group(2))
            highest = max(highest, int(match.group(2)))
        else:
            if prefix:
                found[table.name] = f"{prefix}-{highest + 1:0{width}d}"
    return found
