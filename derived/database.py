"""The SQLite database of dist/: every table of the package with its declared types, primary and foreign keys, NULL
for empty cells, an index on every foreign key, full-text search (FTS5) on quotes and names, and the ready-to-read
views of derived/ready_tables.yaml. Everything else in dist/ is read from this database, so that the workbook, the
Parquet files and the CSV files hold exactly what it holds."""

from __future__ import annotations

import math
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from model.figures import Qualifiers
from model.loader import Package
from model.tables import ENTITY, EVIDENCE, LINK, NAMES, VOCABULARY

from .refused import Refused

READY_TABLES = Path(__file__).resolve().parent / "ready_tables.yaml"
SQL_TYPES = {"integer": "INTEGER", "number": "REAL", "boolean": "INTEGER"}  # everything else is TEXT
# The fields of an evidence table searched in full text, where it has them: the quote and the curators' summaries.
SEARCHED = ("quote", "summary", "says")
BATCH = 5000  # rows inserted at a time, so that a large table is never held whole


@dataclass(frozen=True)
class ReadyTable:
    name: str
    title: str
    description: str
    facets: tuple[str, ...]
    columns: dict[str, str]
    sql: str


@cache
def _ready_tables_file() -> dict:
    return yaml.safe_load(READY_TABLES.read_text(encoding="utf-8"))


def ready_tables(package: Package) -> list[ReadyTable]:
    """The ready-to-read tables, in the order they are shown, with the dossier's SELECT made from the model."""
    found = []
    for item in _ready_tables_file()["tables"]:
        sql = dossier_sql(package) if item["sql"] == "generated" else item["sql"]
        found.append(
            ReadyTable(
                item["name"],
                item["title"],
                " ".join(item["description"].split()),
                tuple(item.get("facets", ())),
                dict(item.get("columns", {})),
                sql.strip(),
            )
        )
    return found


def indexes() -> list[tuple[str, list[str]]]:
    """(table, columns) of the indexes the ready-to-read tables want beyond those on keys and foreign keys."""
    return [(item["table"], item["columns"]) for item in _ready_tables_file().get("indexes", [])]


def lists() -> list[tuple[str, dict[str, str], list[list]]]:
    """(name, {column: SQL type}, rows) of the small tables the ready-to-read tables read that the package does not
    hold (the elements of a case sheet). A table, not a VALUES list in a view's SELECT, so that its columns keep their
    declared types in the views: SQLite declares no type for a computed column, and the Parquet files type a view's
    columns as SQLite declares them."""
    return [(item["name"], dict(item["columns"]), item["rows"]) for item in _ready_tables_file().get("lists", [])]


def _create_lists(connection: sqlite3.Connection) -> None:
    """The tables of lists(), each keyed on its first column, with their rows."""
    for name, columns, records in lists():
        declared = ", ".join(f"{quoted(column)} {kind}" for column, kind in columns.items())
        connection.execute(f"CREATE TABLE {quoted(name)} ({declared}, PRIMARY KEY ({quoted(next(iter(columns)))}))")
        _insert(connection, name, list(columns), (tuple(record) for record in records))


def helpers() -> list[tuple[str, str]]:
    """(name, SELECT) of the views the ready-to-read tables are built on."""
    return [(item["name"], item["sql"].strip()) for item in _ready_tables_file()["helpers"]]


def questions() -> list[dict]:
    """The users' questions: name, title and SQL (parameters written :name)."""
    return [
        {"name": q["name"], "title": q["title"], "sql": q["sql"].strip()} for q in _ready_tables_file()["questions"]
    ]


def quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def typed(value: str, kind: str) -> object:
    """A CSV cell as SQLite should hold it: NULL when empty, a number for numeric fields (validate.py has checked
    that it is one; a cell that is not is kept as text rather than lost)."""
    if value == "":
        return None
    try:
        if kind == "integer":
            return int(value)
        if kind == "number":
            return float(value)
        if kind == "boolean":
            return {"true": 1, "false": 0}.get(value.lower(), value)
    except ValueError:
        return value
    return value


def create_table(resource: dict) -> str:
    schema = resource["schema"]
    lines = [f"{quoted(f['name'])} {SQL_TYPES.get(f.get('type'), 'TEXT')}" for f in schema["fields"]]
    for f in schema["fields"]:
        if f.get("constraints", {}).get("required"):
            lines[schema["fields"].index(f)] += " NOT NULL"
    lines.append(f"PRIMARY KEY ({', '.join(map(quoted, schema['primaryKey']))})")
    for fk in schema.get("foreignKeys", []):
        ref = fk["reference"]
        lines.append(
            f"FOREIGN KEY ({', '.join(map(quoted, fk['fields']))}) "
            f"REFERENCES {quoted(ref['resource'])} ({', '.join(map(quoted, ref['fields']))})"
        )
    return f"CREATE TABLE {quoted(resource['name'])} (\n  " + ",\n  ".join(lines) + "\n)"


def _rows(package: Package, resource: dict) -> Iterator[tuple]:
    fields = [(f["name"], f.get("type", "string")) for f in resource["schema"]["fields"]]
    for _, record in package.rows(resource["name"]):
        yield tuple(typed(record.get(name, ""), kind) for name, kind in fields)


def _insert(connection: sqlite3.Connection, table: str, columns: list[str], rows: Iterator[tuple]) -> None:
    sql = f"INSERT INTO {quoted(table)} ({', '.join(map(quoted, columns))}) VALUES ({', '.join('?' * len(columns))})"
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            connection.executemany(sql, batch)
            batch.clear()
    connection.executemany(sql, batch)


def _figure_ranges(package: Package) -> Iterator[tuple]:
    """Each figure's range, as the qualifiers vocabulary reads its words (the same reading as REPORT.md): an
    infinite end is NULL. Ends are rounded to six decimals, so that 0.9 × 180000 is 162000, not 162000.00000000003."""
    qualifiers = Qualifiers(row for _, row in package.rows("qualifiers"))
    for _, row in package.rows("statistics"):
        found = qualifiers.range(row)
        if found is None:
            yield row.get("statistic_id"), None, None, None, None
            continue
        low, low_open, high, high_open = found
        high = None if math.isinf(high) else round(high, 6)
        yield row.get("statistic_id"), round(low, 6), int(low_open), high, int(high_open)


def possibly_same_sql(package: Package) -> str:
    """(entity_id, other_id, entity_kind, entity_name, other_name) for every pair of entries an entity table links
    as possibly the same (its same_as field, read from the model), each pair both ways, whichever of the two rows
    declares the link. The names and kind ride along so that the dossier joins this small table alone: joining the
    entity_names view for each of the two would multiply every part of the dossier by its three tables."""
    parts = []
    for table in package.model.entities:
        if table.same_as and table.id_field:
            key, same, name = quoted(table.id_field), quoted(table.same_as), quoted(table.name)
            pair = f"FROM {name} a JOIN {name} b ON b.{key} = a.{same} AND a.{same} <> a.{key}"
            parts += [
                f"SELECT a.{key}, b.{key}, n.entity_kind, a.name, b.name {pair} "
                f"JOIN entity_names n ON n.entity_id = a.{key}",
                f"SELECT b.{key}, a.{key}, n.entity_kind, b.name, a.name {pair} "
                f"JOIN entity_names n ON n.entity_id = b.{key}",
            ]
    return "\nUNION ".join(parts) or "SELECT NULL, NULL, NULL, NULL, NULL WHERE 0"


def dossier_sql(package: Package) -> str:
    """One SELECT per field of an evidence table (or of a link table hanging on one) that names an entity: the
    entity's own rows; and, for an entity linked to another as possibly the same (an entity table's same_as), the
    other's rows too, each saying whose it is (said_of) and that it is reached through that link (through), never
    as the entity's own."""
    model = package.model
    parts = []
    for table, field, target in model.references_to(ENTITY):
        if table.role == EVIDENCE:
            evidence, alias = table, "e"
            source = f"FROM {quoted(table.name)} e"
        elif table.role == LINK and model.get(table.of) and model.get(table.of).role == EVIDENCE:
            evidence, alias = model.get(table.of), "e"
            key = evidence.id_field
            source = f"FROM {quoted(table.name)} l JOIN {quoted(evidence.name)} e ON e.{quoted(key)} = l.{quoted(key)}"
        else:
            continue
        holder = "e" if table.role == EVIDENCE else "l"
        # a link row's field is named with its table ("statement_subjects.person_id": the statement is about them)
        named_as = f"'{field}'" if holder == "e" else f"'{table.name}.{field}'"
        # a link row's role in a vocabulary (a participant's role) says how the entity is named
        for reference in table.references:
            vocabulary = model.get(reference.table)
            if table.role == LINK and vocabulary and vocabulary.role == VOCABULARY and len(reference.fields) == 1:
                named_as = f"'{field} as ' || {holder}.{quoted(reference.fields[0])}"
        dates = evidence.dates[0] if evidence.dates else None
        earliest = f"{alias}.{quoted(dates.earliest)}" if dates else "NULL"
        latest = f"{alias}.{quoted(dates.latest)}" if dates else "NULL"
        named = f"{holder}.{quoted(field)}"
        row = (
            f"'{evidence.name}' AS said_in, {named_as} AS named_as, e.{quoted(evidence.id_field)} AS row_id, "
            f"{earliest} AS date_earliest, {latest} AS date_latest, e.quote, e.source_id, "
            f"c.cited || ', {evidence.name} ' || e.{quoted(evidence.id_field)} || '.' AS citation\n{source}\n"
        )
        cited = "JOIN source_citations c ON c.source_id = e.source_id"
        # the entity's own row
        parts.append(
            f"SELECT n.entity_kind, n.name, {named} AS entity_id, n.name AS said_of, {named} AS said_of_id, "
            f"NULL AS through, {row}JOIN entity_names n ON n.entity_id = {named}\n{cited}"
        )
        # the row of another entry that may be the same, in the dossier of this one, saying so
        if target.same_as:
            parts.append(
                f"SELECT s.entity_kind, s.entity_name, s.entity_id, s.other_name, s.other_id, "
                f"'possibly the same ' || s.entity_kind || ' as ' || s.entity_name, {row}"
                f"JOIN possibly_same s ON s.other_id = {named}\n{cited}"
            )
    # NULL sorts first: an entity's own rows, then those of each entry that may be the same
    return (
        f"WITH possibly_same (entity_id, other_id, entity_kind, entity_name, other_name) AS (\n"
        f"{possibly_same_sql(package)}\n)\n"
        + "\nUNION ALL\n".join(parts)
        + "\nORDER BY entity_kind, name, entity_id, through, said_of, date_earliest, said_in, row_id, named_as"
    )


def _search_tables(package: Package, descriptor: dict) -> list[tuple[str, str, list[str]]]:
    """(table, its FTS5 table, the columns searched): quotes and summaries of evidence tables, names of entities
    and of their names tables."""
    found = []
    for resource in descriptor["resources"]:
        table = package.model.get(resource["name"])
        names = [f["name"] for f in resource["schema"]["fields"]]
        if table.role == EVIDENCE:
            columns = [c for c in SEARCHED if c in names]
        elif table.role in (ENTITY, NAMES):
            columns = ["name"] if "name" in names else []
        else:
            continue
        if columns:
            found.append((table.name, f"{table.name}_fts", columns))
    return found


PACKAGE_TABLE = (
    "CREATE TABLE package (name TEXT, title TEXT, version TEXT, licence TEXT, licence_url TEXT, created TEXT)"
)
FIGURE_RANGES_TABLE = (
    "CREATE TABLE figure_ranges (statistic_id TEXT PRIMARY KEY REFERENCES statistics (statistic_id), "
    "range_low REAL, range_low_open INTEGER, range_high REAL, range_high_open INTEGER)"
)


def _create_views(connection: sqlite3.Connection, package: Package) -> None:
    """The helper views and the ready-to-read tables, each read once all are made: SQLite resolves a view's columns
    only when it is read, and a column the tables lack must stop the build, not a reader's query. All are made
    before any is read, so that a view may read one listed after it (case_sheets, shown beside the tables it sums
    up, reads events_read and statements_read). Raises Refused."""
    views = [*helpers(), *((ready.name, ready.sql) for ready in ready_tables(package))]
    for step in ("CREATE VIEW {name} AS {sql}", "SELECT * FROM {name} LIMIT 0"):
        for name, sql in views:
            try:
                connection.execute(step.format(name=quoted(name), sql=sql))
            except sqlite3.Error as err:
                raise Refused(f"the view {name} cannot be made from the package's tables: {err}") from None


def unmakeable_view(package: Package) -> str | None:
    """Why the views of the database cannot be made from the tables the descriptor declares, or None: the same
    views made over the same tables, empty, in memory (for the checker, which must not wait for a build)."""
    connection = sqlite3.connect(":memory:")
    try:
        connection.execute(PACKAGE_TABLE)
        connection.execute(FIGURE_RANGES_TABLE)
        _create_lists(connection)
        for resource in package.descriptor["resources"]:
            connection.execute(create_table(resource))
        _create_views(connection, package)
    except Refused as refused:
        return str(refused)
    except (sqlite3.Error, KeyError, TypeError, AttributeError):
        return None  # a table the descriptor declares amiss: the schema and descriptor checks say what is wrong
    finally:
        connection.close()
    return None


def write(package: Package, path: Path) -> None:
    """Write the database to path (replacing it)."""
    descriptor = package.descriptor
    path.unlink(missing_ok=True)
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA journal_mode = OFF")
        connection.execute("PRAGMA synchronous = OFF")
        with connection:
            connection.execute(PACKAGE_TABLE)
            licence = (descriptor.get("licenses") or [{}])[0]
            connection.execute(
                "INSERT INTO package VALUES (?, ?, ?, ?, ?, ?)",
                (
                    descriptor.get("name"),
                    descriptor.get("title"),
                    descriptor.get("version"),
                    licence.get("name"),
                    licence.get("path"),
                    descriptor.get("created"),
                ),
            )
            for resource in descriptor["resources"]:
                connection.execute(create_table(resource))
                columns = [f["name"] for f in resource["schema"]["fields"]]
                _insert(connection, resource["name"], columns, _rows(package, resource))
                for fk in resource["schema"].get("foreignKeys", []):
                    index = f"{resource['name']}__{'_'.join(fk['fields'])}"
                    connection.execute(
                        f"CREATE INDEX {quoted(index)} ON {quoted(resource['name'])} "
                        f"({', '.join(map(quoted, fk['fields']))})"
                    )
            connection.execute(FIGURE_RANGES_TABLE)
            _insert(
                connection,
                "figure_ranges",
                ["statistic_id", "range_low", "range_low_open", "range_high", "range_high_open"],
                _figure_ranges(package),
            )
            _create_lists(connection)
            for table, fts, columns in _search_tables(package, descriptor):
                listed = ", ".join(map(quoted, columns))
                connection.execute(f"CREATE VIRTUAL TABLE {quoted(fts)} USING fts5({listed}, tokenize='unicode61')")
                connection.execute(
                    f"INSERT INTO {quoted(fts)} (rowid, {listed}) SELECT rowid, {listed} FROM {quoted(table)}"
                )
            for table, columns in indexes():
                name, listed = f"{table}__{'_'.join(columns)}", ", ".join(map(quoted, columns))
                connection.execute(f"CREATE INDEX {quoted(name)} ON {quoted(table)} ({listed})")
            _create_views(connection, package)
        problems = connection.execute("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise Refused(f"foreign keys that lead nowhere (run python validate.py): {problems[:5]}")
        connection.execute("ANALYZE")
    finally:
        connection.close()
