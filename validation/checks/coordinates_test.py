"""Check "coordinates": a place's coordinates lie inside its country's bounding box (validation/country_bounds.csv),
and a place lies in the same country as its parent, near it, located no more vaguely, with a precision its kind
allows."""

from __future__ import annotations

import pytest

from tests.faults import assert_invalid, assert_reports, break_cell, check, first_row, rows, set_cells

from .coordinates import Coordinates, country_boxes

PLACES = "data/places.csv"


def leaf_with_parent(pkg) -> tuple[int, dict]:
    """A place that has a parent and no place inside it, in a country with a bounding box."""
    parents = {r["parent_place_id"] for _, r in rows(pkg, PLACES)}
    known = country_boxes()
    return first_row(
        pkg, PLACES, lambda r: r["parent_place_id"] and r["place_id"] not in parents and r["country"] in known
    )


def test_latitude_outside_the_country(package_copy):
    row, place = leaf_with_parent(package_copy)
    break_cell(package_copy, PLACES, row, "latitude", f"{country_boxes()[place['country']][0] - 5:.4f}")
    assert_invalid(check(package_copy, Coordinates), "outside-country", PLACES, row, "latitude")


def test_longitude_outside_the_country(package_copy):
    row, place = leaf_with_parent(package_copy)
    break_cell(package_copy, PLACES, row, "longitude", f"{country_boxes()[place['country']][3] + 5:.4f}")
    assert_invalid(check(package_copy, Coordinates), "outside-country", PLACES, row, "longitude")


def test_place_in_another_country_than_its_parent(package_copy):
    row, place = leaf_with_parent(package_copy)
    lat, lon = float(place["latitude"]), float(place["longitude"])
    # another country whose box also holds the point, so that only the parent's country disagrees
    others = [
        c for c, (a, b, c2, d) in country_boxes().items() if c != place["country"] and a <= lat <= b and c2 <= lon <= d
    ]
    if not others:
        pytest.skip("no other country's box holds this place")
    break_cell(package_copy, PLACES, row, "country", others[0])
    assert_invalid(check(package_copy, Coordinates), "country-differs-from-parent", PLACES, row, "country")


def test_country_without_a_bounding_box_is_a_warning(package_copy):
    row, _ = leaf_with_parent(package_copy)
    break_cell(package_copy, PLACES, row, "country", "AQ")  # its parent's country differs too: an error of its own
    assert_reports(
        check(package_copy, Coordinates), "country-without-bounds", PLACES, row, "country", severity="warning"
    )


def test_a_city_located_as_a_country(package_copy):
    row, _ = first_row(package_copy, PLACES, lambda r: r["place_id"] == "pl-bishkek")
    set_cells(package_copy, PLACES, row, location_precision="6")
    assert_invalid(check(package_copy, Coordinates), "precision-not-as-kind", PLACES, row, "location_precision")


def test_a_camp_located_more_vaguely_than_its_city(package_copy):
    row, _ = first_row(package_copy, PLACES, lambda r: r["place_id"] == "pl-dongmehle-camp")
    set_cells(package_copy, PLACES, row, location_precision="4")
    assert_invalid(check(package_copy, Coordinates), "precision-vaguer-than-parent", PLACES, row, "location_precision")


def test_a_place_far_from_its_parent(package_copy):
    row, _ = first_row(package_copy, PLACES, lambda r: r["place_id"] == "pl-dongmehle-camp")
    # Kashgar, about 900 km from Ghulja, the camp's parent; still inside China
    set_cells(package_copy, PLACES, row, latitude="39.4677", longitude="75.9938")
    assert_invalid(check(package_copy, Coordinates), "far-from-parent", PLACES, row, "latitude")
