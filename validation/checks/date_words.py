"""Check: a row's date agrees with its date words (date_text). A year, month or day the words name must fall
within the date; relative words ("last year", "this year", "last June", "December 10 last year", a weekday) must
agree with the date they give when resolved against the source's publication date (model/date_words.py). Words
that name nothing ("During her detention") ask nothing; the dates check keeps a date from postdating its source."""

from __future__ import annotations

import datetime

from model import dates
from model.date_words import meets, named
from model.loader import Table
from model.problems import Code, Problem
from model.tables import DateGroup

from ..check import Check


def _shown(published: tuple[datetime.date | None, datetime.date | None]) -> str:
    first, last = (dates.iso(day) or ".." for day in published)
    return first if first == last else f"{first}/{last}"


class DateWords(Check):
    name = "date_words"
    codes = {
        "date-not-as-words": Code(
            "a row's date does not fall on the year, month or day its date words name",
            "correct the date to what date_text names (or date_text to the words of the source)",
        ),
        "date-not-as-relative-words": Code(
            "a row's date disagrees with its relative date words resolved against the source's publication date",
            "resolve the words against the publication date (“last March” in a text of June 2019 is 2019-03), "
            "and mark a resolution that could be wrong with ?",
        ),
    }

    def begin(self) -> None:
        self.published: dict[str, tuple[datetime.date | None, datetime.date | None]] = {}
        sources = self.package.model.sources
        for _, record in self.package.rows(sources.name if sources else ""):
            try:
                self.published[record.get("source_id", "")] = dates.bounds(record.get("published", ""))
            except dates.DateError:
                pass
        self.groups: dict[str, list[DateGroup]] = {}

    def wants(self, table: Table) -> bool:
        model = self.package.model.get(table.name)
        groups = [g for g in (model.dates if model else ()) if g.start in table.header]
        self.groups[table.name] = groups
        return bool(groups) and "date_text" in table.header and "source_id" in table.header

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        words = record.get("date_text", "").strip()
        published = self.published.get(record.get("source_id", ""))
        if not words or published is None:
            return []
        said = named(words, published)
        if said is None:
            return []
        group = self.groups[table.name][0]
        start, end = record.get(group.start, ""), record.get(group.end, "") if group.end else ""
        try:
            earliest, latest = dates.bounds(start, end) if start else (None, None)
        except dates.DateError:
            return []  # an unreadable date is the dates check's
        if start and meets(said, earliest, latest):
            return []
        code = "date-not-as-relative-words" if said.relative else "date-not-as-words"
        shown = f"{start}/{end}" if end else start or "empty"
        return [
            self.problem(
                code,
                file=table.path,
                row=number,
                field=group.start,
                message=f"the date ({shown}) does not agree with {words!r}"
                + (f", read in a source published {_shown(published)}" if said.relative else ""),
            )
        ]
