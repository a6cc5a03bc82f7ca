"""EDTF values (ISO 8601-2, level 1) and the earliest/latest ISO days they allow, via the edtf package."""
from __future__ import annotations

import datetime

import edtf

# Level 2 features: the package keeps to level 1, which every EDTF reader understands.
_LEVEL2 = {"PartialUncertainOrApproximate", "PartialUnspecified", "OneOfASet", "MultipleDates",
           "Level2Interval", "Level2Season", "ExponentialYear", "Consecutives", "EarlierConsecutives",
           "LaterConsecutives", "MaskedPrecision"}


class DateError(ValueError):
    pass


def _day(bound) -> datetime.date | None:
    """An edtf bound (struct_time or ±inf) as a date; None for an open end."""
    if isinstance(bound, float):
        return None
    try:
        return datetime.date(bound.tm_year, bound.tm_mon, bound.tm_mday)
    except (ValueError, OverflowError):
        raise DateError(f"{bound.tm_year:04d}-{bound.tm_mon:02d}-{bound.tm_mday:02d} is not a calendar day") from None


def parse(value: str):
    try:
        parsed = edtf.parse_edtf(value)
    except Exception:  # the edtf package raises its own exceptions, and occasionally others, on bad input
        raise DateError(f"{value!r} is not an EDTF date") from None
    if type(parsed).__name__ in _LEVEL2:
        raise DateError(f"{value!r} uses EDTF level 2; keep to level 1")
    return parsed


def bounds(start: str, end: str = "") -> tuple[datetime.date | None, datetime.date | None]:
    """Earliest day `start` allows and latest day `end` (or `start`) allows; None for an open end."""
    first = parse(start)
    last = parse(end) if end else first
    earliest = _day(first.lower_strict())
    latest = _day(last.upper_strict())
    # A closed interval's own end must be checked too: 2019-06/2018-01 has bounds in the wrong order.
    for value in (first, last):
        low, high = _day(value.lower_strict()), _day(value.upper_strict())
        if low and high and low > high:
            raise DateError(f"{str(value)!r} ends before it starts")
    return earliest, latest


def iso(day: datetime.date | None) -> str:
    return day.isoformat() if day else ""
