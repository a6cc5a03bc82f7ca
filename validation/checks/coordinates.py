"""Places: coordinates lie inside (the bounding box of) the place's country, from validation/country_bounds.csv;
a place lies in the same country as its parent, no farther from it than the parent's precision allows (reach_km in
the location_precisions vocabulary), and is located no more vaguely than its parent; its precision is one its kind
allows (precisions in the place_kinds vocabulary)."""

from __future__ import annotations

import csv
import math
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
        "precision-not-as-kind": Code(
            "a place's location_precision is not one its kind allows",
            "correct the precision or the kind (the place_kinds vocabulary lists the precisions of each kind)",
        ),
        "precision-vaguer-than-parent": Code(
            "a place is located more vaguely than the place it lies within",
            "a place is known at least as well as its parent: correct its precision, or its parent",
        ),
        "far-from-parent": Code(
            "a place lies farther from its parent than the parent's precision allows",
            "check the coordinates of both and the parent (reach_km in the location_precisions vocabulary)",
        ),
    }

    def end(self) -> Iterator[Problem]:
        places = self.package.table("places")
        if places is None:
            return
        boxes = country_boxes()
        country_of = {row.get("place_id"): row.get("country") for _, row in places.records()}
        located = {row.get("place_id"): row for _, row in places.records()}
        allowed = {r.get("term"): set(r.get("precisions", "").split("|")) for _, r in self.package.rows("place_kinds")}
        reach = {r.get("term"): r.get("reach_km", "") for _, r in self.package.rows("location_precisions")}
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
            yield from self._against_kind_and_parent(places.path, number, row, located, allowed, reach)
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

    def _against_kind_and_parent(
        self, path: str, number: int, row: dict, located: dict, allowed: dict, reach: dict
    ) -> Iterator[Problem]:
        precision, kind = row.get("location_precision", ""), row.get("kind", "")
        if kind in allowed and precision and precision not in allowed[kind]:
            yield self.problem(
                "precision-not-as-kind",
                file=path,
                row=number,
                field="location_precision",
                message=f"a {kind} is located with precision {' or '.join(sorted(allowed[kind]))}, not {precision}",
            )
        parent = located.get(row.get("parent_place_id"))
        if parent is None:
            return
        theirs = parent.get("location_precision", "")
        if precision.isdigit() and theirs.isdigit() and int(precision) > int(theirs) and int(precision) < 7:
            yield self.problem(
                "precision-vaguer-than-parent",
                file=path,
                row=number,
                field="location_precision",
                message=f"precision {precision} is vaguer than its parent {parent.get('place_id')}'s {theirs}",
            )
        try:
            distance = _kilometres(
                float(row["latitude"]), float(row["longitude"]), float(parent["latitude"]), float(parent["longitude"])
            )
            limit = float(reach.get(theirs, ""))
        except (KeyError, ValueError):
            return  # a coordinate or a reach missing: nothing to measure
        if distance > limit:
            yield self.problem(
                "far-from-parent",
                file=path,
                row=number,
                field="latitude",
                message=f"{distance:.0f} km from its parent {parent.get('place_id')}, whose precision allows "
                f"{limit:g} km",
            )


def _kilometres(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance on a sphere of the Earth's mean radius."""
    a = (
        math.sin(math.radians(lat2 - lat1) / 2) ** 2
        + math.cos(math.radians(lat1)) * math.cos(math.radians(lat2)) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(a))
