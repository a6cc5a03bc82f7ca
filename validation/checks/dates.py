"""Check 5: dates parse as EDTF level 1 and name real days; the ISO earliest/latest columns equal what the EDTF
value allows; a start is not after its end; no date lies in the future, and an evidence row's date does not begin
after its source was published. Which fields hold dates is the model's (the "dates" of each table's x-model)."""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from model import dates
from model.loader import Table
from model.problems import Code, Problem
from model.tables import DateGroup

from ..check import Check

EDTF_HINT = "write an EDTF level 1 date: 2017-10-15, 2018-05, 2017-10?, 2018-12~, 2017-07/2018-10, 2022/.."


class Dates(Check):
    name = "dates"
    codes = {
        "date-not-edtf": Code("a date is not EDTF level 1, or names a day that does not exist", EDTF_HINT),
        "date-end-without-start": Code(
            "an end date is given without a start", "give the start; for an unknown start write the interval as ../END"
        ),
        "date-bound-without-date": Code(
            "date_earliest or date_latest is filled but the date is empty", "empty it, or give the date"
        ),
        "date-end-before-start": Code("an end date lies before its start", "swap or correct the start and the end"),
        "date-bound-mismatch": Code(
            "date_earliest or date_latest differs from what the EDTF value allows",
            "set it to the value the message gives (empty for an open end)",
        ),
        "date-in-future": Code("a date lies in the future", "correct the date; a source reports what has happened"),
        "date-after-publication": Code(
            "a row's date begins after its source was published",
            "resolve relative dates against the publication date; a past event cannot postdate its report",
        ),
    }

    def begin(self) -> None:
        self.today = datetime.date.today()
        self.published: dict[str, datetime.date | None] = {}
        sources = self.package.model.sources
        for _, record in self.package.rows(sources.name if sources else ""):
            try:
                self.published[record.get("source_id", "")] = dates.bounds(record.get("published", ""))[1]
            except dates.DateError:
                pass
        self.groups: dict[str, list[DateGroup]] = {}

    def wants(self, table: Table) -> bool:
        model = self.package.model.get(table.name)
        self.groups[table.name] = [g for g in (model.dates if model else ()) if g.start in table.header]
        return bool(self.groups[table.name])

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        found = []
        for group in self.groups[table.name]:
            found.extend(self._group(table, number, record, group))
        return found

    def _group(self, table: Table, number: int, record: dict[str, str], group: DateGroup) -> Iterator[Problem]:
        def problem(code: str, field: str, message: str, hint: str | None = None) -> Problem:
            return self.problem(code, file=table.path, row=number, field=field, message=message, hint=hint)

        start_field, end_field, earliest_field, latest_field = group.start, group.end, group.earliest, group.latest
        start, end = record.get(start_field, ""), record.get(end_field, "") if end_field else ""
        for field, value in ((start_field, start), (end_field, end)):
            if field and value:
                try:
                    dates.bounds(value)
                except dates.DateError as err:
                    yield problem("date-not-edtf", field, str(err))
                    return
        if end and not start:
            yield problem(
                "date-end-without-start",
                start_field,
                f"{end_field} is filled but {start_field} is empty",
                f"give {start_field}; for an unknown start write the interval in {start_field} as ../{end}",
            )
            return
        if not start:
            for field in (earliest_field, latest_field):
                if record.get(field):
                    yield problem(
                        "date-bound-without-date",
                        field,
                        f"{field} is filled but {start_field} is empty",
                        f"empty {field}, or give {start_field}",
                    )
            return
        earliest, latest = dates.bounds(start, end)
        if end:
            start_low = dates.bounds(start)[0]
            end_high = dates.bounds(end)[1]
            if start_low and end_high and start_low > end_high:
                yield problem(
                    "date-end-before-start",
                    end_field,
                    f"{end_field} {end} is before {start_field} {start}",
                    f"swap or correct {start_field} and {end_field}",
                )
                return
        for field, expected in ((earliest_field, earliest), (latest_field, latest)):
            if field in record and record[field] != dates.iso(expected):
                yield problem(
                    "date-bound-mismatch",
                    field,
                    f"{record[field]!r} does not match the EDTF value; it should be {dates.iso(expected)!r}",
                    f"set {field} to {dates.iso(expected)!r} (empty for an open end)"
                    + ("; python build.py fills an empty one" if not record[field] else ""),
                )
        for field, value in ((start_field, start), (end_field, end)):
            first_day = dates.bounds(value)[0] if value else None
            if first_day and first_day > self.today:
                yield problem("date-in-future", field, f"{value} lies in the future")
        source_id = record.get("source_id")
        published = self.published.get(source_id) if source_id else None
        if earliest and published and earliest > published:
            yield problem(
                "date-after-publication",
                start_field,
                f"{start} begins after the source was published ({dates.iso(published)} at the latest)",
            )
