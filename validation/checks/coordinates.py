"""Places: coordinates lie inside (the bounding box of) the place's country, from validation/country_bounds.csv,
and a place lies in the same country as its parent."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path

from model.problems import WARNING, Code, Problem

from ..check import Check

BOUNDS_FILE = Path(__file__).resolve().parent.parent / "country_bounds.csv"


def country_boxes() -> dict[str, tuple[float, float, float, float]]:
    """(min_lat, max_lat, min_lon, max_lon) of each country code."""
    with BOUNDS_FILE.open(encoding="utf-8", newline="") as fh:
        return {
            r["country"]: tuple(float(r[k]) for k in ("min_lat", "max_lat", "min_lon", "max_lon"))
            for r in csv.DictReader(fh)
        }


class Coordinates(Check):
    name = "coordinates"
    codes = {
        "country-without-bounds": Code(
            "a place's country has no bounding box, so its coordinates cannot be checked",
            "add the country's bounding box to validation/country_bounds.csv",
            WARNING,
        ),
        "outside-country": Code(
            "a place's coordinates lie outside its country",
            "check the coordinates (latitude first, WGS84 decimal degrees) and the country code",
        ),
        "country-differs-from-parent": Code(
            "a place lies in another country than its parent", "correct the country or the parent place"
        ),
    }

    def end(self) -> Iterator[Problem]:
        places = self.package.table("places")
        if places is None:
            return
        boxes = country_boxes()
        country_of = {row.get("place_id"): row.get("country") for _, row in places.records()}
        for number, row in places.records():
            try:
                lat, lon = float(row.get("latitude", "")), float(row.get("longitude", ""))
            except ValueError:
                continue  # a missing or non-numeric coordinate is a schema problem
            box = boxes.get(row.get("country"))
            if box is None:
                yield self.problem(
                    "country-without-bounds",
                    file=places.path,
                    row=number,
                    field="country",
                    message=f"no bounding box for country {row.get('country')!r}, so its coordinates cannot be checked",
                )
            elif not (box[0] <= lat <= box[1] and box[2] <= lon <= box[3]):
                yield self.problem(
                    "outside-country",
                    file=places.path,
                    row=number,
                    field="latitude" if not box[0] <= lat <= box[1] else "longitude",
                    message=f"{lat}, {lon} lies outside {row.get('country')} "
                    f"({box[0]}..{box[1]} N, {box[2]}..{box[3]} E)",
                )
            parent = row.get("parent_place_id")
            if parent and parent in country_of and country_of[parent] != row.get("country"):
                yield self.problem(
                    "country-differs-from-parent",
                    file=places.path,
                    row=number,
                    field="country",
                    message=f"{row.get('country')} differs from the country of its parent {parent} "
                    f"({country_of[parent]})",
                )
