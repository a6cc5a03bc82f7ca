"""Check "descriptor_profile": datapackage.json conforms to the Data Package v2 profile and holds what the package
promises: a SemVer version, a hash and byte count and a role per resource, a description and type per field, a
primary key per table."""

from __future__ import annotations

import pytest

from tests.faults import assert_invalid, check, load_descriptor, resource_index, save_descriptor

from .descriptor_profile import V2, DescriptorProfile

FILE = "datapackage.json"


def edit(pkg, change) -> None:
    descriptor = load_descriptor(pkg)
    change(descriptor)
    save_descriptor(pkg, descriptor)


def edit_resource(pkg, name: str, change) -> int:
    descriptor = load_descriptor(pkg)
    index = resource_index(descriptor, name=name)
    change(descriptor["resources"][index])
    save_descriptor(pkg, descriptor)
    return index


def test_resources_not_a_list_breaks_the_profile(package_copy):
    edit(package_copy, lambda d: d.update(keywords="not a list"))
    assert_invalid(check(package_copy, DescriptorProfile), "profile-violation", FILE, None, "keywords")


def test_schema_not_v2(package_copy):
    edit(package_copy, lambda d: d.update({"$schema": V2.replace("2.0", "1.0")}))
    assert_invalid(check(package_copy, DescriptorProfile), "schema-not-v2", FILE, None, "$schema")


def test_missing_version(package_copy):
    edit(package_copy, lambda d: d.pop("version"))
    assert_invalid(check(package_copy, DescriptorProfile), "property-missing", FILE, None, "version")


def test_version_that_is_not_semver(package_copy):
    edit(package_copy, lambda d: d.update(version="1.0"))
    assert_invalid(check(package_copy, DescriptorProfile), "version-not-semver", FILE, None, "version")


def test_field_without_description(package_copy):
    def drop(resource):
        fields = resource["schema"]["fields"]
        del fields[[f["name"] for f in fields].index("quote")]["description"]

    index = edit_resource(package_copy, "testimonies", drop)
    position = [f["name"] for f in load_descriptor(package_copy)["resources"][index]["schema"]["fields"]].index("quote")
    assert_invalid(
        check(package_copy, DescriptorProfile),
        "field-undescribed",
        FILE,
        None,
        f"resources/{index}/schema/fields/{position}/description",
    )


def test_field_without_type(package_copy):
    index = edit_resource(package_copy, "persons", lambda r: r["schema"]["fields"][0].pop("type"))
    assert_invalid(
        check(package_copy, DescriptorProfile), "field-untyped", FILE, None, f"resources/{index}/schema/fields/0/type"
    )


def test_resource_without_hash(package_copy):
    index = edit_resource(package_copy, "events", lambda r: r.pop("hash"))
    assert_invalid(check(package_copy, DescriptorProfile), "resource-unstamped", FILE, None, f"resources/{index}/hash")


def test_table_without_primary_key(package_copy):
    index = edit_resource(package_copy, "organizations", lambda r: r["schema"].pop("primaryKey"))
    assert_invalid(
        check(package_copy, DescriptorProfile),
        "primary-key-missing",
        FILE,
        None,
        f"resources/{index}/schema/primaryKey",
    )


def test_resource_without_a_role(package_copy):
    index = edit_resource(package_copy, "mentions", lambda r: r.pop("x-model"))
    assert_invalid(check(package_copy, DescriptorProfile), "role-invalid", FILE, None, f"resources/{index}/x-model")


def test_role_of_an_unknown_kind(package_copy):
    index = edit_resource(package_copy, "mentions", lambda r: r["x-model"].update(role="gossip"))
    assert_invalid(
        check(package_copy, DescriptorProfile), "role-invalid", FILE, None, f"resources/{index}/x-model/role"
    )


def test_entity_role_naming_a_names_table_that_does_not_exist(package_copy):
    index = edit_resource(package_copy, "places", lambda r: r["x-model"].update(names="place_spellings"))
    assert_invalid(
        check(package_copy, DescriptorProfile), "role-invalid", FILE, None, f"resources/{index}/x-model/names"
    )


def test_a_grouped_table_declaring_a_field_it_does_not_have_as_may_vary(package_copy):
    index = edit_resource(package_copy, "testimonies", lambda r: r["x-model"]["may_vary"].append("venue"))
    where = f"resources/{index}/x-model/may_vary/8"
    problem = assert_invalid(check(package_copy, DescriptorProfile), "role-invalid", FILE, None, where)
    assert "'venue'" in problem["message"]


def test_a_table_counted_by_a_field_must_say_what_it_counts(package_copy):
    index = edit_resource(package_copy, "statements", lambda r: r["x-model"].pop("count_noun"))
    assert_invalid(check(package_copy, DescriptorProfile), "role-invalid", FILE, None, f"resources/{index}/x-model")


def test_resource_without_v1_profile(package_copy):
    index = edit_resource(package_copy, "persons", lambda r: r.pop("profile"))
    assert_invalid(check(package_copy, DescriptorProfile), "resource-not-v1-readable", FILE, None, f"resources/{index}")


def test_resource_without_dialect(package_copy):
    index = edit_resource(package_copy, "person_names", lambda r: r.pop("dialect"))
    assert_invalid(check(package_copy, DescriptorProfile), "resource-not-v1-readable", FILE, None, f"resources/{index}")


def field_position(pkg, index: int, name: str) -> int:
    return [f["name"] for f in load_descriptor(pkg)["resources"][index]["schema"]["fields"]].index(name)


def test_pattern_on_an_optional_field(package_copy):
    def move_back(resource):
        state = next(f for f in resource["schema"]["fields"] if f["name"] == "state")
        state["constraints"] = {"pattern": state.pop("x-pattern")}

    index = edit_resource(package_copy, "statements", move_back)
    position = field_position(package_copy, index, "state")
    assert_invalid(
        check(package_copy, DescriptorProfile),
        "pattern-on-optional-field",
        FILE,
        None,
        f"resources/{index}/schema/fields/{position}/constraints/pattern",
    )


def test_x_pattern_that_is_not_a_regular_expression(package_copy):
    def spoil(resource):
        next(f for f in resource["schema"]["fields"] if f["name"] == "country")["x-pattern"] = "^[A-Z{2}$("

    index = edit_resource(package_copy, "organizations", spoil)
    position = field_position(package_copy, index, "country")
    assert_invalid(
        check(package_copy, DescriptorProfile),
        "pattern-invalid",
        FILE,
        None,
        f"resources/{index}/schema/fields/{position}/x-pattern",
    )


def role_fields() -> list[tuple[str, str, str]]:
    """(role, a resource of that role, a field the role requires) for every required field of every role."""
    from model.tables import required_fields
    from tests.faults import REPO

    descriptor = load_descriptor(REPO)
    found = []
    for role, fields in required_fields().items():
        resource = next((r["name"] for r in descriptor["resources"] if r["x-model"]["role"] == role), None)
        found += [(role, resource, field) for field in fields if resource]
    return found


@pytest.mark.parametrize("role, resource, field", role_fields(), ids=lambda v: v)
def test_a_table_without_a_field_its_role_requires(package_copy, role, resource, field):
    def drop(r):
        r["schema"]["fields"] = [f for f in r["schema"]["fields"] if f["name"] != field]

    index = edit_resource(package_copy, resource, drop)
    problem = assert_invalid(
        check(package_copy, DescriptorProfile), "role-field-missing", FILE, None, f"resources/{index}/schema/fields"
    )
    assert repr(field) in problem["message"]


def test_every_role_requires_fields_and_each_is_tried():
    assert {role for role, _, _ in role_fields()} == {"evidence", "entity", "names", "vocabulary", "sources"}


@pytest.mark.parametrize("limit", [None, 65, 300])
def test_an_id_field_without_a_length_a_file_name_can_hold(package_copy, limit):
    def change(r):
        constraints = r["schema"]["fields"][0]["constraints"]
        constraints.pop("maxLength")
        if limit:
            constraints["maxLength"] = limit

    index = edit_resource(package_copy, "mentions", change)
    assert_invalid(
        check(package_copy, DescriptorProfile),
        "id-length-unbounded",
        FILE,
        None,
        f"resources/{index}/schema/fields/0/constraints/maxLength",
    )
