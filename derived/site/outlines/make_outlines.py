"""Make countries-50m.json, the country outlines of the site's map, from world-atlas 2.0.2's countries-50m.json
(Natural Earth's 1:50m admin-0 countries as TopoJSON), keeping only what derived/site/svg_map.py reads: the
transform, the arcs, and each country's geometry type and arcs. Names, IDs and the `land` object are dropped, and
the arcs are requantized five times coarser (steps of 0.018° of longitude, 0.0087° of latitude), finer than half a
pixel on the site's map. The output is the same bytes on every run.

    npm ci && python derived/site/outlines/make_outlines.py [INPUT] [OUTPUT]

INPUT defaults to node_modules/world-atlas/countries-50m.json, OUTPUT to countries-50m.json beside this script.
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
INPUT = HERE.parents[2] / "node_modules" / "world-atlas" / "countries-50m.json"
OUTPUT = HERE / "countries-50m.json"
# world-atlas 2.0.2's countries-50m.json; another input would make other outlines than those in the repository.
INPUT_SHA256 = "04342cdc1e3016bcd7db1630de95684d67b79fe3c8c460321e87aef469502394"
FACTOR = 5


def requantize(arc: list[list[int]], old: tuple[int, int], new: tuple[int, int]) -> list[list[int]]:
    """A delta-encoded arc on a grid of `old` steps per axis, moved to the nearest points of a grid of `new` steps
    (the same extent, so that its corners stay where they are), with repeated points dropped. Both ends are kept,
    even where they fall on one point, since rings are joined at the arcs' ends."""
    x = y = 0
    points = []
    for dx, dy in arc:
        x, y = x + dx, y + dy
        point = (round(x * (new[0] - 1) / (old[0] - 1)), round(y * (new[1] - 1) / (old[1] - 1)))
        if not points or point != points[-1]:
            points.append(point)
    if len(points) == 1:
        points.append(points[0])
    deltas, last = [], (0, 0)
    for point in points:
        deltas.append([point[0] - last[0], point[1] - last[1]])
        last = point
    return deltas


def make(topology: dict) -> dict:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    # world-atlas quantizes each axis into 10^5 steps across the bounding box: scale = extent / (steps - 1)
    west, south, east, north = topology["bbox"]
    old = (round((east - west) / sx) + 1, round((north - south) / sy) + 1)
    new = ((old[0] - 1) // FACTOR + 1, (old[1] - 1) // FACTOR + 1)
    scale = [(east - west) / (new[0] - 1), (north - south) / (new[1] - 1)]
    geometries = [
        {"type": g["type"], "arcs": g["arcs"]}
        for g in topology["objects"]["countries"]["geometries"]
        if g.get("type") in ("Polygon", "MultiPolygon")
    ]
    return {
        "type": "Topology",
        "transform": {"scale": scale, "translate": [tx, ty]},
        "objects": {"countries": {"type": "GeometryCollection", "geometries": geometries}},
        "arcs": [requantize(arc, old, new) for arc in topology["arcs"]],
    }


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else INPUT
    dest = Path(argv[1]) if len(argv) > 1 else OUTPUT
    if not source.is_file():
        print(f"cannot run: {source} is missing: run `npm ci` in the top folder", file=sys.stderr)
        return 2
    data = source.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != INPUT_SHA256:
        print(f"cannot run: {source} is not world-atlas 2.0.2's (SHA-256 {digest})", file=sys.stderr)
        return 2
    made = json.dumps(make(json.loads(data)), separators=(",", ":")) + "\n"
    dest.write_text(made, encoding="utf-8")
    print(f"wrote {dest} ({len(made):,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
