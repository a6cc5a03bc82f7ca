"""Check "coordinates": a place's coordinates lie inside its country's bounding box (validation/country_bounds.csv),
and a place lies in the same country as its parent."""
from __future__ import annotations

import csv

import pytest

from conftest import REPO, assert_invalid, break_cell, copy_package, first_row, rows, run_validate

CHECK = "coordinates"
PLACES = "data/places.csv"


def boxes() -> dict[str, tuple[float, float, float, float]]:
    with (REPO / "validation" / "country_bounds.csv").open(encoding="utf-8", newline="") as fh:
        return {r["country"]: tuple(float(r[k]) for k in ("min_lat", "max_lat", "min_lon", "max_lon"))
                for r in csv.DictReader(fh)}


def leaf_with_parent(pkg) -> tuple[int, dict]:
    """A place that has a parent and no place inside it, in a country with a bounding box."""
    parents = {r["parent_place_id"] for _, r in rows(pkg, PLACES)}
    known = boxes()
    return first_row(pkg, PLACES,
                     lambda r: r["parent_place_id"] and r["place_id"] not in parents and r["country"] in known)


def test_latitude_outside_the_country(package_copy):
    row, place = leaf_with_parent(package_copy)
    south = boxes()[place["country"]][0] - 5
    break_cell(package_copy, PLACES, row, "latitude", f"{south:.4f}")
    assert_invalid(run_validate(package_copy), CHECK, PLACES, row, "latitude", message_contains="outside")


@pytest.fixture(scope="module")
def longitude_outside(tmp_path_factory):
    pkg = copy_package(tmp_path_factory.mktemp("longitude") / "pkg")
    row, place = leaf_with_parent(pkg)
    east = boxes()[place["country"]][3] + 5
    break_cell(pkg, PLACES, row, "longitude", f"{east:.4f}")
    return run_validate(pkg), row


def test_longitude_outside_the_country(longitude_outside):
    result, row = longitude_outside
    assert_invalid(result, CHECK, PLACES, row, "longitude", message_contains="outside")


def test_place_in_another_country_than_its_parent(package_copy):
    row, place = leaf_with_parent(package_copy)
    lat, lon = float(place["latitude"]), float(place["longitude"])
    # another country whose box also holds the point, so that only the parent's country disagrees
    others = [c for c, (a, b, c2, d) in boxes().items()
              if c != place["country"] and a <= lat <= b and c2 <= lon <= d]
    if not others:
        pytest.skip("no other country's box holds this place")
    break_cell(package_copy, PLACES, row, "country", others[0])
    assert_invalid(run_validate(package_copy), CHECK, PLACES, row, "country", message_contains="parent")
