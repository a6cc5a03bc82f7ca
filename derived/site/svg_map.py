"""The site's map, drawn at build time as SVG: country outlines from Natural Earth (its 1:50m countries, kept in
outlines/ beside this module; no tile server, no network) and every place at its coordinates, drawn as large and as
vague as its precision allows, so that a country's centroid does not look like a pinpoint."""

from __future__ import annotations

import json
import math
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup, escape

# TopoJSON made from world-atlas's countries-50m.json by outlines/make_outlines.py (outlines/README.md says how)
COUNTRIES = Path(__file__).resolve().parent / "outlines" / "countries-50m.json"
WIDTH = 900
PADDING = 3.0  # degrees around the places shown
REACH = 40.0  # degrees of longitude from the places' median beyond which a place is listed, not drawn

# How each location_precisions code is drawn: radius in pixels and whether the outline is dashed (vague).
MARKERS = {
    "1": (3, False),
    "2": (4, False),
    "3": (9, True),
    "4": (16, True),
    "5": (22, True),
    "6": (30, True),
    "7": (22, True),
}


@dataclass
class Place:
    place_id: str
    name: str
    latitude: float
    longitude: float
    precision: str  # a location_precisions term


def _rings(topology: dict) -> Iterator[list[tuple[float, float]]]:
    """Every ring of every country, in longitude and latitude (TopoJSON arcs are delta-encoded and quantized)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    for geometry in topology["objects"]["countries"]["geometries"]:
        polygons = geometry.get("arcs", [])
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        for polygon in polygons:
            for ring in polygon:
                points: list[tuple[float, float]] = []
                for index in ring:
                    arc = arcs[index] if index >= 0 else arcs[~index][::-1]
                    points.extend(arc if not points else arc[1:])
                yield points


def _extent(places: list[Place]) -> tuple[float, float, float, float]:
    lons, lats = [p.longitude for p in places], [p.latitude for p in places]
    west, east = min(lons) - PADDING, max(lons) + PADDING
    south, north = min(lats) - PADDING, max(lats) + PADDING
    return west, east, max(south, -85), min(north, 85)


def draw(places: list[Place], labels: dict[str, str], link: str) -> tuple[Markup, list[Place]]:
    """The map as an SVG element, and the places too far from the others to be drawn on it. `labels` are the
    location_precisions labels; `link` a format string taking a place ID."""
    if not places:
        return Markup(""), []
    middle = sorted(p.longitude for p in places)[len(places) // 2]
    shown = [p for p in places if abs(p.longitude - middle) <= REACH]
    outside = [p for p in places if abs(p.longitude - middle) > REACH]
    west, east, south, north = _extent(shown)
    squeeze = math.cos(math.radians((south + north) / 2))
    height = round(WIDTH * (north - south) / ((east - west) * squeeze))

    def at(lon: float, lat: float) -> tuple[float, float]:
        return (lon - west) / (east - west) * WIDTH, (north - lat) / (north - south) * height

    paths = []
    for ring in _rings(json.loads(COUNTRIES.read_text(encoding="utf-8"))):
        if max(p[0] for p in ring) - min(p[0] for p in ring) > 180:
            # a ring across the antimeridian (Russia's, Fiji's): its western half moved east of 180°, so it stays one
            ring = [(lon + 360 if lon < 0 else lon, lat) for lon, lat in ring]
        lons, lats = [p[0] for p in ring], [p[1] for p in ring]
        if max(lons) < west or min(lons) > east or max(lats) < south or min(lats) > north:
            continue
        points = [at(lon, lat) for lon, lat in ring]
        paths.append("M" + "L".join(f"{x:.1f},{y:.1f}" for x, y in points) + "Z")
    parts = [
        f'<svg class="map" viewBox="0 0 {WIDTH} {height}" role="group" aria-labelledby="map-title" '
        'aria-describedby="map-desc" xmlns="http://www.w3.org/2000/svg">',
        '<title id="map-title">Map of the places the sources name</title>',
        f'<desc id="map-desc">{len(shown)} places drawn at their coordinates; a larger dashed circle is a vaguer '
        "location (a county, a region, a country's centroid). The list of places below the map says the same in "
        "words.</desc>",
        f'<rect class="sea" width="{WIDTH}" height="{height}"/>',
        f'<path class="land" d="{"".join(paths)}"/>',
    ]
    at_point = defaultdict(list)
    for place in sorted(shown, key=lambda p: -MARKERS.get(p.precision, (6, True))[0]):
        radius, vague = MARKERS.get(place.precision, (6, True))
        x, y = at(place.longitude, place.latitude)
        at_point[(round(x), round(y))].append(place)
        title = f"{place.name}: {labels.get(place.precision, 'precision not given')}"
        parts.append(
            f'<a href="{escape(link.format(place.place_id))}"><title>{escape(title)}</title>'
            f'<circle class="place{" vague" if vague else ""}" cx="{x:.1f}" cy="{y:.1f}" r="{radius}"/></a>'
        )
    for (x, y), here in at_point.items():
        exact = [p for p in here if not MARKERS.get(p.precision, (6, True))[1]]
        if exact:
            more = f" +{len(exact) - 1}" if len(exact) > 1 else ""
            parts.append(f'<text class="label" x="{x + 6}" y="{y - 6}">{escape(exact[0].name)}{more}</text>')
    parts.append("</svg>")
    return Markup("".join(parts)), outside


def legend(labels: dict[str, str]) -> list[tuple[str, Markup]]:
    """(precision label, a small SVG of its marker) for the map's legend."""
    found = []
    for term, (radius, vague) in MARKERS.items():
        if term in labels:
            size = 2 * radius + 4
            found.append(
                (
                    labels[term],
                    Markup(
                        f'<svg class="key" width="{size}" height="{size}" aria-hidden="true" '
                        f'xmlns="http://www.w3.org/2000/svg"><circle class="place{" vague" if vague else ""}" '
                        f'cx="{size / 2}" cy="{size / 2}" r="{radius}"/></svg>'
                    ),
                )
            )
    return found
