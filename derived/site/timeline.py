"""The site's timeline of dated events, drawn at build time as SVG. A day is a dot; an interval (EDTF start/end, or a
date known only to a month or a year) a bar from its earliest to its latest day; an uncertain or approximate date
(EDTF "?", "~", "%", "X") is drawn hollow and dashed; an open end ("..", or no latest day) runs to the edge with an
arrow. Events are packed into as few lanes as fit without overlapping."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from markupsafe import Markup, escape

WIDTH = 900
LANE = 16
TOP = 28
MIN_BAR = 6  # pixels: the least room an event takes in its lane


@dataclass
class Event:
    event_id: str
    label: str  # what happened, for the tooltip
    edtf: str  # the date as EDTF, start/end
    earliest: date
    latest: date | None  # None: open end

    @property
    def uncertain(self) -> bool:
        return any(mark in self.edtf for mark in "?~%X")


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def event(event_id: str, label: str, start: str, end: str, earliest: str, latest: str) -> Event | None:
    """An event for the timeline, or None where it has no earliest day."""
    first = _day(earliest)
    if first is None:
        return None
    last = None if end == ".." or start.endswith("..") else _day(latest)
    edtf = start + (f"/{end}" if end else "")
    return Event(event_id, label, edtf, first, last if last is not None and last >= first else None)


def draw(events: list[Event], link: str) -> Markup:
    """The timeline as an SVG element; `link` is a format string taking an event ID."""
    if not events:
        return Markup("")
    first_year = min(e.earliest.year for e in events)
    last_year = max((e.latest or e.earliest).year for e in events) + 1
    begin, finish = date(first_year, 1, 1).toordinal(), date(last_year, 1, 1).toordinal()

    def x(day: date) -> float:
        return 10 + (day.toordinal() - begin) / (finish - begin) * (WIDTH - 20)

    lanes: list[float] = []  # the right edge of what each lane holds so far
    placed = []
    for e in sorted(events, key=lambda e: (e.earliest, e.event_id)):
        left = x(e.earliest)
        right = WIDTH - 10 if e.latest is None else max(x(e.latest), left + MIN_BAR)
        lane = next((i for i, edge in enumerate(lanes) if edge + 2 <= left), None)
        if lane is None:
            lanes.append(right)
            lane = len(lanes) - 1
        else:
            lanes[lane] = right
        placed.append((e, lane, left, right))
    height = TOP + LANE * len(lanes) + 10
    parts = [
        f'<svg class="timeline" viewBox="0 0 {WIDTH} {height}" role="group" aria-labelledby="timeline-title" '
        'aria-describedby="timeline-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="timeline-title">Timeline of the dated events</title>',
        f'<desc id="timeline-desc">{len(events)} events from {first_year} to {last_year - 1}: a dot is one day, a bar '
        "the span of days the date allows, a hollow dashed mark an uncertain date, an arrow an open end. The table "
        "of events says the same in words.</desc>",
        '<defs><marker id="open-end" viewBox="0 0 6 6" refX="5" refY="3" markerWidth="6" markerHeight="6" '
        'orient="auto"><path d="M0,0L6,3L0,6Z" class="arrow"/></marker></defs>',
    ]
    for year in range(first_year, last_year + 1):
        left = x(date(year, 1, 1))
        parts.append(f'<line class="tick" x1="{left:.1f}" y1="{TOP - 8}" x2="{left:.1f}" y2="{height}"/>')
        if year < last_year:
            parts.append(f'<text class="year" x="{left + 3:.1f}" y="{TOP - 12}">{year}</text>')
    for e, lane, left, right in placed:
        y = TOP + lane * LANE + LANE / 2
        kind = "event uncertain" if e.uncertain else "event"
        title = f"{e.label}, {e.edtf or 'date unknown'}" + (" (open end)" if e.latest is None else "")
        if e.latest is None:
            shape = (
                f'<line class="{kind} open" x1="{left:.1f}" y1="{y}" x2="{right:.1f}" y2="{y}" '
                'marker-end="url(#open-end)"/>'
            )
        elif e.latest == e.earliest:
            shape = f'<circle class="{kind}" cx="{left:.1f}" cy="{y}" r="4"/>'
        else:
            shape = f'<rect class="{kind}" x="{left:.1f}" y="{y - 4}" width="{right - left:.1f}" height="8" rx="3"/>'
        parts.append(f'<a href="{escape(link.format(e.event_id))}"><title>{escape(title)}</title>{shape}</a>')
    parts.append("</svg>")
    return Markup("".join(parts))
