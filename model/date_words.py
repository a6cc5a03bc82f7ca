"""What date words name, as spans of days a date must meet: an explicit year, month or day ("February 1,
2017", "in October 2017", "December 19", "12/10/2019" read either way), and relative words resolved against the
source's publication ("last year", "this year", "last June", "December 10 last year", "on Tuesday"). Words that
name nothing (During her detention, Recently) give no span, and nothing is asked of them."""

from __future__ import annotations

import calendar
import datetime
import functools
import re
from dataclasses import dataclass

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_MONTH = "(" + "|".join(MONTHS) + ")"
_YEAR = r"((?:19|20)\d\d)"
Day = datetime.date


@dataclass(frozen=True)
class Named:
    """What the words name, as lists of (year, month, day), any of which may be None (a month without its year: any
    year); the row's date must meet at least one of each list. `relative` says that they were resolved against the
    publication date."""

    spans: list[list[tuple[int | None, int | None, int | None]]]
    relative: bool
    weekday: int | None = None  # a weekday the words name: a one-day date must fall on it


def _month_span(year: int, month: int) -> tuple[Day, Day]:
    return Day(year, month, 1), Day(year, month, calendar.monthrange(year, month)[1])


def _day_span(year: int, month: int, day: int) -> list[tuple[Day, Day]]:
    try:
        return [(Day(year, month, day), Day(year, month, day))]
    except ValueError:
        return []


def _years(low: Day, high: Day) -> range:
    return range(low.year, high.year + 1)


@functools.lru_cache(maxsize=4096)  # rows of one source repeat their date words ("December 19", "Last June")
def named(words: str, published: tuple[Day | None, Day | None]) -> Named | None:
    """The spans `words` name, or None where they name no year, month, day or weekday."""
    text = words.lower()
    first, last = published
    spans: list[list[tuple[int | None, int | None, int | None]]] = []
    relative = False
    numeric = re.findall(r"\b(\d{1,2})[/.](\d{1,2})[/.]((?:19|20)\d\d)\b", text)
    for a, b, year in numeric:  # 12/10/2019 reads two ways: both are kept, and either will do
        spans.append([(int(year), int(m), int(d)) for m, d in {(a, b), (b, a)} if 1 <= int(m) <= 12])
        text = text.replace(f"{a}/{b}/{year}", " ").replace(f"{a}.{b}.{year}", " ")
    years = [int(y) for y in re.findall(_YEAR, text)]
    for year in years:
        spans.append([(year, None, None)])
    months = [MONTHS[m] for m in re.findall(r"\b" + _MONTH + r"\b", text)]
    days = {  # month: day, from "December 19" or "19 December"
        MONTHS[m]: int(d) for m, d in re.findall(r"\b" + _MONTH + r" (\d{1,2})\b(?!,? ?\d{3})", text)
    } | {MONTHS[m]: int(d) for d, m in re.findall(r"\b(\d{1,2}) " + _MONTH + r"\b", text)}
    if "last year" in text or "this year" in text:
        if first is None or last is None:
            return None  # the publication is open-ended: the words cannot be resolved
        relative = True
        shift = 1 if "last year" in text else 0
        candidates = [y - shift for y in _years(first, last)]
        if not months:
            spans.append([(y, None, None) for y in candidates])
        years = years or candidates
    for month in months:
        if re.search(r"\blast " + calendar.month_name[month].lower() + r"\b", text):
            if first is None or last is None:
                return None
            relative = True
            # the latest such month before the publication, for any day the publication may be
            candidates = sorted({p.year if month < p.month else p.year - 1 for p in (first, last)})
            year_choices = list(range(candidates[0], candidates[-1] + 1))
        else:
            # a month without a year takes its year from the context, which the words do not give: any year up to
            # the publication will do, and only the month (and day) is held to
            year_choices = years or [None]
        spans.append([(y, month, days.get(month)) for y in year_choices])
    weekday = next((number for name, number in WEEKDAYS.items() if re.search(rf"\b{name}\b", text)), None)
    if not spans and weekday is None:
        return None
    return Named(spans, relative or weekday is not None, weekday)


def _span(year: int, month: int | None, day: int | None) -> tuple[Day, Day] | None:
    """The days a (year, month, day) names; None for a day that does not exist (February 30)."""
    if month is None:
        return Day(year, 1, 1), Day(year, 12, 31)
    if day is None:
        return _month_span(year, month)
    found = _day_span(year, month, day)
    return found[0] if found else None


def meets(named_: Named, earliest: Day | None, latest: Day | None) -> bool:
    """Whether a date from `earliest` to `latest` (None: open) meets every list of what the words name."""
    low, high = earliest or Day.min, latest or Day.max
    for choices in named_.spans:
        met = False
        for year, month, day in choices:
            # a month without its year: try the years the date spans (a few), not every year there is
            years = [year] if year is not None else range(low.year, min(high.year, low.year + 200) + 1)
            for candidate in years:
                span = _span(candidate, month, day)
                if span and span[0] <= high and low <= span[1]:
                    met = True
                    break
            if met:
                break
        if not met:
            return False
    if named_.weekday is not None and earliest is not None and earliest == latest:
        return earliest.weekday() == named_.weekday
    return True
