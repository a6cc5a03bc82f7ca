"""Places: coordinates lie inside (the bounding box of) the place's country, from validation/country_bounds.csv,
and a place lies in the same country as its parent."""
from __future__ import annotations

import csv
from pathlib import Path

from ..problems import Problem

NAME = "coordinates"
BOUNDS_FILE = Path(__file__).resolve().parent.parent / "country_bounds.csv"


def _bounds():
    with BOUNDS_FILE.open(encoding="utf-8", newline="") as fh:
        return {r["country"]: tuple(float(r[k]) for k in ("min_lat", "max_lat", "min_lon", "max_lon")) for r in csv.DictReader(fh)}


def run(package):
    places = package.table("places")
    if places is None:
        return
    boxes = _bounds()
    country_of = {row.get("place_id"): row.get("country") for _, row in places.records()}
    for row_number, row in places.records():
        try:
            lat, lon = float(row.get("latitude", "")), float(row.get("longitude", ""))
        except ValueError:
            continue  # a missing or non-numeric coordinate is a schema problem
        box = boxes.get(row.get("country"))
        if box is None:
            yield Problem(NAME, places.path, row_number, "country",
                          f"no bounding box for country {row.get('country')!r}, so its coordinates cannot be checked",
                          "add the country's bounding box to validation/country_bounds.csv", "warning")
        elif not (box[0] <= lat <= box[1] and box[2] <= lon <= box[3]):
            yield Problem(NAME, places.path, row_number, "latitude" if not box[0] <= lat <= box[1] else "longitude",
                          f"{lat}, {lon} lies outside {row.get('country')} ({box[0]}..{box[1]} N, {box[2]}..{box[3]} E)",
                          "check the coordinates (latitude first, WGS84 decimal degrees) and the country code")
        parent = row.get("parent_place_id")
        if parent and parent in country_of and country_of[parent] != row.get("country"):
            yield Problem(NAME, places.path, row_number, "country",
                          f"{row.get('country')} differs from the country of its parent {parent} ({country_of[parent]})",
                          "correct the country or the parent place")
