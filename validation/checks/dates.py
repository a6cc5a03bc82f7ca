"""Check 5: dates parse as EDTF level 1 and name real days; the ISO earliest/latest columns equal what the EDTF
value allows; a start is not after its end; no date lies in the future, and an evidence row's date does not begin
after its source was published."""
from __future__ import annotations

import datetime

from .. import dates
from ..package import DATE_GROUPS
from ..problems import Problem

NAME = "dates"
EDTF_HINT = "write an EDTF level 1 date: 2017-10-15, 2018-05, 2017-10?, 2018-12~, 2017-07/2018-10, 2022/.."


def _published_latest(package) -> dict[str, datetime.date | None]:
    found = {}
    for _, row in package.rows("sources"):
        try:
            found[row.get("source_id", "")] = dates.bounds(row.get("published", ""))[1]
        except dates.DateError:
            pass
    return found


class RowCheck:
    def __init__(self, package):
        self.today = datetime.date.today()
        self.published = _published_latest(package)
        self.groups = {}

    def wants(self, table) -> bool:
        self.groups[table.name] = [g for g in DATE_GROUPS if g[0] in table.header]
        return bool(self.groups[table.name])

    def row(self, table, row_number, row):
        found = []
        for start_field, end_field, earliest_field, latest_field in self.groups[table.name]:
            found.extend(_check_group(table, row_number, row, start_field, end_field, earliest_field, latest_field,
                                      self.today, self.published))
        return found

    def finish(self):
        return ()


def _check_group(table, row_number, row, start_field, end_field, earliest_field, latest_field, today, published):
    def problem(field, message, hint):
        return Problem(NAME, table.path, row_number, field, message, hint)

    start, end = row.get(start_field, ""), row.get(end_field, "") if end_field else ""
    for field, value in ((start_field, start), (end_field, end)):
        if field and value:
            try:
                dates.bounds(value)
            except dates.DateError as err:
                yield problem(field, str(err), EDTF_HINT)
                return
    if end and not start:
        yield problem(start_field, f"{end_field} is filled but {start_field} is empty",
                      f"give {start_field}; for an unknown start write the interval in {start_field} as ../{end}")
        return
    if not start:
        for field in (earliest_field, latest_field):
            if row.get(field):
                yield problem(field, f"{field} is filled but {start_field} is empty", f"empty {field}, or give {start_field}")
        return
    earliest, latest = dates.bounds(start, end)
    if end:
        start_low = dates.bounds(start)[0]
        end_high = dates.bounds(end)[1]
        if start_low and end_high and start_low > end_high:
            yield problem(end_field, f"{end_field} {end} is before {start_field} {start}",
                          f"swap or correct {start_field} and {end_field}")
            return
    for field, expected in ((earliest_field, earliest), (latest_field, latest)):
        if field in row and row[field] != dates.iso(expected):
            yield problem(field, f"{row[field]!r} does not match the EDTF value; it should be {dates.iso(expected)!r}",
                          f"set {field} to {dates.iso(expected)!r} (empty for an open end)")
    for field, value in ((start_field, start), (end_field, end)):
        first_day = dates.bounds(value)[0] if value else None
        if first_day and first_day > today:
            yield problem(field, f"{value} lies in the future", "correct the date; a source reports what has happened")
    source_id = row.get("source_id")
    if source_id in published and earliest and published[source_id] and earliest > published[source_id]:
        yield problem(start_field, f"{start} begins after the source was published ({dates.iso(published[source_id])} at the latest)",
                      "resolve relative dates against the publication date; a past event cannot postdate its report")
