"""Datasette metadata for the database of dist/, made from the descriptor: the package's title, description, licence
and source; every table's and column's title and description; the column that names a row (so that an ID shows a
name); facets; full-text search; the ready-to-read tables; the users' questions as canned queries."""

from __future__ import annotations

import json

from model.loader import Package
from model.tables import ENTITY, SOURCES, VOCABULARY
from model.text import web_address

from . import database

# The column that names a row of a table of this role, where the table has it.
LABEL_COLUMNS = {ENTITY: "name", VOCABULARY: "label", SOURCES: "title"}


def _facets(package: Package, resource: dict) -> list[str]:
    """Columns worth counting by: those drawn from a vocabulary or naming a source, and country codes (fields with
    an x-pattern)."""
    model = package.model
    facets = []
    for reference in model.get(resource["name"]).references:
        target = model.get(reference.table)
        if target and target.role in (VOCABULARY, SOURCES) and len(reference.fields) == 1:
            facets.append(reference.fields[0])
    facets += [f["name"] for f in resource["schema"]["fields"] if "x-pattern" in f]
    return list(dict.fromkeys(facets))


def metadata(package: Package, database_name: str) -> dict:
    descriptor = package.descriptor
    licence = (descriptor.get("licenses") or [{}])[0]
    tables = {}
    for resource in descriptor["resources"]:
        model = package.model.get(resource["name"])
        names = [f["name"] for f in resource["schema"]["fields"]]
        table = {
            "title": resource.get("title", resource["name"]),
            "description": resource.get("description", ""),
            "columns": {f["name"]: f.get("description", "") for f in resource["schema"]["fields"]},
            "facets": _facets(package, resource),
        }
        label = LABEL_COLUMNS.get(model.role)
        if label in names:
            table["label_column"] = label
        if any(fts[0] == resource["name"] for fts in database._search_tables(package, descriptor)):
            table["fts_table"] = f"{resource['name']}_fts"
        tables[resource["name"]] = table
    for ready in database.ready_tables(package):
        tables[ready.name] = {
            "title": ready.title,
            "description": ready.description,
            "columns": ready.columns,
            "facets": list(ready.facets),
        }
    tables["package"] = {"title": "This package", "description": "Its name, title, version and licence."}
    tables["figure_ranges"] = {
        "title": "What each figure's words allow",
        "description": "The range of values a figure's words allow, as the qualifiers vocabulary reads them "
        "(reads_as); an empty range_high is no upper bound. Made by the export, as REPORT.md reads them.",
    }
    for name, _ in database.helpers():
        tables[name] = {"hidden": True}
    return {
        "title": descriptor.get("title"),
        "description": descriptor.get("description"),
        "license": licence.get("name"),
        # Datasette links the licence's name to license_url on every page: only a web address is given.
        **({"license_url": licence["path"]} if web_address(licence.get("path")) else {}),
        "source": f"{descriptor.get('name')}, version {descriptor.get('version')}",
        "databases": {
            database_name: {
                "tables": tables,
                "queries": {q["name"]: {"title": q["title"], "sql": q["sql"]} for q in database.questions()},
            }
        },
    }


def render(package: Package, database_name: str) -> bytes:
    return (json.dumps(metadata(package, database_name), indent=2, ensure_ascii=False) + "\n").encode("utf-8")
