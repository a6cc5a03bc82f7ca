"""Check "web_addresses": every address a reader may follow is http(s) with a host."""

from __future__ import annotations

import pytest

from tests.faults import assert_invalid, break_cell, check, load_descriptor, save_descriptor

from .web_addresses import WebAddresses

FILE = "datapackage.json"


@pytest.mark.parametrize(
    "where, address",
    [
        (("licenses", 0, "path"), "javascript:alert(document.domain)"),
        (("licenses", 0, "path"), "data:text/html,<script>alert(1)</script>"),
        (("sources", 0, "url"), "file:///etc/passwd"),
        (("homepage",), "JavaScript:alert(1)"),
        (("$schema",), "https://"),
    ],
    ids=["licence-script", "licence-data", "source-file", "homepage-script", "schema-no-host"],
)
def test_a_descriptor_address_that_is_not_web(package_copy, where, address):
    descriptor = load_descriptor(package_copy)
    target = descriptor
    for key in where[:-1]:
        target = target[key]
    target[where[-1]] = address
    save_descriptor(package_copy, descriptor)
    assert_invalid(check(package_copy, WebAddresses), "address-not-web", FILE, None, "/".join(map(str, where)))


def test_a_relative_path_is_no_address(package_copy):
    descriptor = load_descriptor(package_copy)
    descriptor["licenses"][0]["path"] = "LICENSE"
    save_descriptor(package_copy, descriptor)
    assert check(package_copy, WebAddresses)["problems"] == []


def test_a_cell_of_a_uri_field_that_is_not_web(package_copy):
    row = break_cell(package_copy, "data/sources.csv", 2, "url", "javascript:alert(1)")
    assert_invalid(check(package_copy, WebAddresses), "address-not-web", "data/sources.csv", row, "url")
