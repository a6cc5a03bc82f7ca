"""The model of the tables, read from the descriptor's x-model properties: every table has its role, and a table
given the role of evidence is checked as evidence without a change to the code."""

from __future__ import annotations

from tests.faults import (
    assert_invalid,
    check,
    copy_package,
    load_descriptor,
    read_csv,
    resource_index,
    save_descriptor,
    write_csv,
)
from validation.checks import Quotes

from .loader import Package
from .tables import ENTITY, EVIDENCE, Model


def test_every_shipped_table_has_a_role(module_copy):
    model = Package(module_copy).model
    assert all(t.role for t in model.tables.values()), [t.name for t in model.tables.values() if not t.role]
    for entity in model.entities:
        assert entity.id_field and model.get(entity.names).of == entity.name
    for table in model.names_tables + model.links:
        assert model.get(table.of) is not None
    assert model.sources is not None
    assert all(t.label for t in model.evidence)


def test_a_malformed_role_is_no_role():
    model = Model(
        {
            "resources": [
                {"name": "a", "x-model": {"role": "gossip"}},
                {"name": "b", "x-model": "evidence"},
                {"name": "c"},
                "not a resource",
                {"name": ["not", "a", "name"]},
            ]
        }
    )
    assert [(t.name, t.role) for t in model.tables.values()] == [("a", None), ("b", None), ("c", None)]
    assert Model(None).tables == {} and Model({"resources": "none"}).tables == {}


def test_a_new_evidence_table_is_checked_as_evidence(tmp_path):
    """One change to the descriptor (a resource with the role of evidence) and its quotes are checked."""
    pkg = copy_package(tmp_path / "pkg")
    descriptor = load_descriptor(pkg)
    mentions = descriptor["resources"][resource_index(descriptor, name="mentions")]
    new = {**mentions, "name": "rumours", "path": "data/rumours.csv", "x-model": {"role": EVIDENCE, "label": "rumours"}}
    new["schema"] = {**mentions["schema"], "foreignKeys": []}
    descriptor["resources"].append(new)
    save_descriptor(pkg, descriptor)
    records = read_csv(pkg, "data/mentions.csv")[:2]
    records[1][records[0].index("quote")] = "Words no source prints"
    write_csv(pkg, "data/rumours.csv", records)
    assert Package(pkg).model.get("rumours").role == EVIDENCE
    assert_invalid(check(pkg, Quotes), "quote-not-found", "data/rumours.csv", 2, "quote")


def test_references_to_entities_come_from_the_foreign_keys(module_copy):
    pointers = {
        (table.name, field, target.name) for table, field, target in Package(module_copy).model.references_to(ENTITY)
    }
    assert ("testimonies", "witness_person_id", "persons") in pointers
    assert ("sources", "publisher_org_id", "organizations") in pointers


def test_a_new_entity_table_is_checked_as_an_entity(tmp_path):
    """One change to the descriptor (an entity table and its names table, with their roles) and its entries must
    be cited by evidence and spelled in their names table."""
    from validation.checks import Orphans

    pkg = copy_package(tmp_path / "pkg")
    descriptor = load_descriptor(pkg)
    place_names = descriptor["resources"][resource_index(descriptor, name="place_names")]
    ships = {
        "name": "ships",
        "path": "data/ships.csv",
        "x-model": {"role": ENTITY, "label": "Ships", "names": "ship_names"},
        "schema": {
            "fields": [{"name": "ship_id", "type": "string"}, {"name": "name", "type": "string"}],
            "primaryKey": ["ship_id"],
        },
    }
    ship_names = {
        **place_names,
        "name": "ship_names",
        "path": "data/ship_names.csv",
        "x-model": {"role": "names", "of": "ships"},
    }
    descriptor["resources"] += [ships, ship_names]
    save_descriptor(pkg, descriptor)
    write_csv(pkg, "data/ships.csv", [["ship_id", "name"], ["shp-ark", "Ark"]])
    write_csv(pkg, "data/ship_names.csv", [["ship_id", "name", "source_id", "note"]])
    report = check(pkg, Orphans)
    assert_invalid(report, "entity-unreferenced", "data/ships.csv", 2, "ship_id")
    assert_invalid(report, "entity-without-spelling", "data/ships.csv", 2, "ship_id")
