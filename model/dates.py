"""EDTF values (ISO 8601-2, level 1) and the earliest/latest ISO days they allow, via the edtf package."""

from __future__ import annotations

import calendar
import datetime
import re
from functools import lru_cache

# Level 2 features: the package keeps to level 1, which every EDTF reader understands.
_LEVEL2 = {
    "PartialUncertainOrApproximate",
    "PartialUnspecified",
    "OneOfASet",
    "MultipleDates",
    "Level2Interval",
    "Level2Season",
    "ExponentialYear",
    "Consecutives",
    "EarlierConsecutives",
    "LaterConsecutives",
    "MaskedPrecision",
}


class DateError(ValueError):
    pass


def _day(bound: object) -> datetime.date | None:
    """An edtf bound (struct_time or ±inf) as a date; None for an open end."""
    if isinstance(bound, float):
        return None
    try:
        return datetime.date(bound.tm_year, bound.tm_mon, bound.tm_mday)
    except (ValueError, OverflowError):
        raise DateError(f"{bound.tm_year:04d}-{bound.tm_mon:02d}-{bound.tm_mday:02d} is not a calendar day") from None


def parse(value: str) -> object:
    """The edtf package's reading of a value (its object has lower_strict() and upper_strict()); raises DateError."""
    try:
        import edtf  # imported only here: it takes a quarter of a second, and most values never need it

        parsed = edtf.parse_edtf(value)
    except Exception:  # the edtf package raises its own exceptions, and occasionally others, on bad input
        raise DateError(f"{value!r} is not an EDTF date") from None
    if type(parsed).__name__ in _LEVEL2:
        raise DateError(f"{value!r} uses EDTF level 2; keep to level 1")
    return parsed


# The forms almost every row uses (a year, month or day, maybe qualified, alone or in an interval with an open or
# closed end) are read here directly, because the edtf package's grammar takes milliseconds per value; anything
# else goes to the edtf package. The tests compare both readings on every form.
_SIMPLE_DATE = r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?[?~%]?"
_SIMPLE = re.compile(rf"^(?:{_SIMPLE_DATE}|(\.\.|{_SIMPLE_DATE})/(\.\.|{_SIMPLE_DATE}))$")


def _simple_span(year: str, month: str | None, day: str | None) -> tuple[datetime.date, datetime.date]:
    y = int(year)
    if month is None:
        return datetime.date(y, 1, 1), datetime.date(y, 12, 31)
    m = int(month)
    if not 1 <= m <= 12:
        raise _NotSimple
    if day is None:
        return datetime.date(y, m, 1), datetime.date(y, m, calendar.monthrange(y, m)[1])
    try:
        one = datetime.date(y, m, int(day))
    except ValueError:
        raise DateError(f"{year}-{month}-{day} is not a calendar day") from None
    return one, one


class _NotSimple(Exception):
    """The value looked simple but is not: the edtf package decides."""


@lru_cache(maxsize=65536)
def _span(value: str) -> tuple[datetime.date | None, datetime.date | None]:
    """Earliest and latest day one EDTF value allows (None for an open end); raises DateError."""
    match = _SIMPLE.match(value)
    years = [int(y) for y in match.group(1, 5, 9) if y] if match else []
    if match and years and min(years) > 0:
        try:
            if match.group(1):
                return _simple_span(*match.group(1, 2, 3))
            low = None if match.group(4) == ".." else _simple_span(*match.group(5, 6, 7))
            high = None if match.group(8) == ".." else _simple_span(*match.group(9, 10, 11))
        except _NotSimple:
            pass
        else:
            if low and high and low[0] > high[1]:
                raise DateError(f"{value!r} ends before it starts")
            return (low[0] if low else None), (high[1] if high else None)
    parsed = parse(value)
    low, high = _day(parsed.lower_strict()), _day(parsed.upper_strict())
    if low and high and low > high:
        raise DateError(f"{value!r} ends before it starts")
    return low, high


def bounds(start: str, end: str = "") -> tuple[datetime.date | None, datetime.date | None]:
    """Earliest day `start` allows and latest day `end` (or `start`) allows; None for an open end."""
    earliest = _span(start)[0]
    latest = _span(end)[1] if end else _span(start)[1]
    return earliest, latest


def iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""
