"""How a figure's words bound it, read from the qualifiers vocabulary's `reads_as` column: an interval of the bounds
a qualifier fills ("[0.9 × value_best, 1.1 × value_best]", "(value_low, ∞)"). Which bounds a qualifier fills is what
its interval names, so that the vocabulary is the one place a qualifier is defined; the numbers check and the
cross-source report both read it here.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass

BOUNDS = ("value_low", "value_best", "value_high")
# An end of the interval: a bound, perhaps multiplied ("0.9 × value_best"), or a constant: 0 below, ∞ above.
_END = r"(?:(?P<{0}factor>\d+(?:\.\d+)?) × )?(?P<{0}bound>value_low|value_best|value_high)|(?P<{0}constant>{1})"
READS_AS = re.compile(
    r"^(?P<open>[\[(])(?:" + _END.format("low_", "0") + r"), (?:" + _END.format("high_", "∞") + r")(?P<close>[\])])$"
)

# (low, low is open, high, high is open): the values a figure's words allow
Range = tuple[float, bool, float, bool]


@dataclass(frozen=True)
class End:
    bound: str | None  # the field the end is read from, or None for a constant
    factor: float  # what the field is multiplied by, or the constant itself
    open: bool  # the end itself is excluded

    def value(self, row: dict[str, str]) -> float | None:
        if self.bound is None:
            return self.factor
        number = _number(row.get(self.bound, ""))
        return None if number is None else number * self.factor


@dataclass(frozen=True)
class Reading:
    """One qualifier's interval."""

    low: End
    high: End

    @property
    def fills(self) -> frozenset[str]:
        """The bounds the qualifier fills: those its interval is read from."""
        return frozenset(end.bound for end in (self.low, self.high) if end.bound)

    def range(self, row: dict[str, str]) -> Range | None:
        low, high = self.low.value(row), self.high.value(row)
        if low is None or high is None:
            return None
        return low, self.low.open, high, self.high.open


def _number(text: str) -> float | None:
    try:
        return float(text)
    except (TypeError, ValueError):
        return None


def parse_reading(text: str) -> Reading | None:
    """The interval written in a reads_as cell, or None if it is not of that form."""
    match = READS_AS.match(text or "")
    if not match:
        return None

    def end(side: str, is_open: bool) -> End:
        constant = match.group(f"{side}_constant")
        if constant is not None:
            return End(None, math.inf if constant == "∞" else 0.0, is_open or constant == "∞")
        return End(match.group(f"{side}_bound"), float(match.group(f"{side}_factor") or 1), is_open)

    return Reading(end("low", match.group("open") == "("), end("high", match.group("close") == ")"))


class Qualifiers:
    """The readings of every qualifier of the vocabulary (rows with term and reads_as)."""

    def __init__(self, rows: Iterable[dict[str, str]]) -> None:
        self.readings: dict[str, Reading] = {}
        self.unreadable: dict[str, str] = {}  # term -> its reads_as, where that is not an interval
        for row in rows:
            reading = parse_reading(row.get("reads_as", ""))
            if reading is None:
                self.unreadable[row.get("term", "")] = row.get("reads_as", "")
            else:
                self.readings[row.get("term", "")] = reading

    def range(self, row: dict[str, str]) -> Range | None:
        """(low, low is open, high, high is open) that a figure's words allow, or None if unusable."""
        reading = self.readings.get(row.get("qualifier", ""))
        return reading.range(row) if reading else None


def overlap(a: Range, b: Range) -> bool:
    """Whether two ranges share at least one value."""
    low = max(a[0], b[0])
    low_open = any(is_open for value, is_open in ((a[0], a[1]), (b[0], b[1])) if value == low)
    high = min(a[2], b[2])
    high_open = any(is_open for value, is_open in ((a[2], a[3]), (b[2], b[3])) if value == high)
    return low < high or (low == high and not low_open and not high_open)
