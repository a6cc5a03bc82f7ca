"""What a row's date words (date_text) name, as spans of days a date must meet: an explicit year, month or day
("February 1, 2017", "in October 2017", "December 19"), and relative words resolved against the source's
publication ("last year", "this year", "last June", "December 10 last year", "on Tuesday"). Words that name
nothing (During her detention, Recently) give no span, and nothing is asked of them."""

from __future__ import annotations

import calendar
import datetime
import re
from dataclasses import dataclass

MONTHS = {name.lower(): number for number, name in enumerate(calendar.month_name) if name}
WEEKDAYS = {name.lower(): number for number, name in enumerate(calendar.day_name)}
_MONTH = "(" + "|".join(MONTHS) + ")"
_YEAR = r"((?:19|20)\d\d)"
Day = datetime.date


@dataclass(frozen=True)
class Named:
    """Spans of days the words name; the row's date must meet at least one span of each list. `relative` says that
    the spans were resolved against the publication date."""

    spans: list[list[tuple[Day, Day]]]
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


def named(words: str, published: tuple[Day | None, Day | None]) -> Named | None:
    """The spans `words` name, or None where they name no year, month, day or weekday."""
    text = words.lower()
    first, last = published
    spans: list[list[tuple[Day, Day]]] = []
    relative = False
    years = [int(y) for y in re.findall(_YEAR, text)]
    for year in years:
        spans.append([(Day(year, 1, 1), Day(year, 12, 31))])
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
            spans.append([(Day(y, 1, 1), Day(y, 12, 31)) for y in candidates])
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
            year_choices = years or list(range(1900, (last or datetime.date.today()).year + 1))
        if month in days:
            spans.append([s for y in year_choices for s in _day_span(y, month, days[month])])
        else:
            spans.append([_month_span(y, month) for y in year_choices])
    weekday = next((number for name, number in WEEKDAYS.items() if re.search(rf"\b{name}\b", text)), None)
    if not spans and weekday is None:
        return None
    return Named(spans, relative or weekday is not None, weekday)


def meets(named_: Named, earliest: Day | None, latest: Day | None) -> bool:
    """Whether a date from `earliest` to `latest` (None: open) meets every span list the words name."""
    low, high = earliest or Day.min, latest or Day.max
    for choices in named_.spans:
        if not any(a <= high and low <= b for a, b in choices):
            return False
    if named_.weekday is not None and earliest is not None and earliest == latest:
        return earliest.weekday() == named_.weekday
    return True
