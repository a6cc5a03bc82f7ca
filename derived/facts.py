"""What the sources say of a person, organisation or place, one entry per fact, in words: read from the database of
dist/ (the dossier view and the ready-to-read views), and shown alike by the entity's page on the site, its case
file in Word and its CSV file. A fact is one evidence row, or the rows of one account or utterance together; its
sentence is made from the row's fields and vocabulary labels only, never from anything else.

A person's case sheet (the case_sheets view, one row per element and fact) is read here too, so that the page, the
.docx and the CSV file show the same elements with the same quotes and citations; every citation of a case file is
one numbered endnote."""

from __future__ import annotations

import datetime
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field

from model.loader import Package

CASE_SHEET = "case_sheets"
NOT_IN_THE_SOURCES = "Not in the sources."


def _day(iso: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat(iso) if iso else None
    except ValueError:
        return None


def _day_words(day: datetime.date) -> str:
    return f"{day.day} {day:%B %Y}"


def _month_start(day: datetime.date) -> bool:
    return day.day == 1


def _month_end(day: datetime.date) -> bool:
    return (day + datetime.timedelta(days=1)).day == 1


def date_words(earliest: str | None, latest: str | None) -> str:
    """The days a date allows, in words: "15 October 2017", "October 2017", "2017", "between July 2017 and October
    2018", "from 1 January 2020, no end given"; empty where the date is not known."""
    low, high = _day(earliest), _day(latest)
    if low is None:
        return f"by {_day_words(high)}" if high else ""
    if high is None:
        return f"from {_span_end(low, start=True)}, no end given"
    if low == high:
        return _day_words(low)
    if _month_start(low) and _month_end(high):
        if (low.month, low.day, high.month, high.day) == (1, 1, 12, 31):
            return str(low.year) if low.year == high.year else f"between {low.year} and {high.year}"
        if (low.year, low.month) == (high.year, high.month):
            return f"{low:%B %Y}"
        return f"between {low:%B %Y} and {high:%B %Y}"
    return f"between {_day_words(low)} and {_day_words(high)}"


def _span_end(day: datetime.date, start: bool) -> str:
    if start and day.month == 1 and day.day == 1:
        return str(day.year)
    if start and day.day == 1:
        return f"{day:%B %Y}"
    return _day_words(day)


def when(earliest: str | None, latest: str | None, text: str | None) -> str:
    """A date in words, and the source's own words for it where they say more than the words do."""
    words = date_words(earliest, latest)
    if text and text.strip().lower() != words.lower():
        return f"{words} (the source: “{text}”)" if words else f"“{text}”"
    return words


@dataclass
class Fact:
    """One fact said of an entity: its evidence table, the rows that record it, how the entity figures in it, a
    sentence made from its fields, the quote, and the citation."""

    table: str
    rows: list[str]
    roles: list[str]
    sentence: str
    quote: str
    source_id: str
    citation: str
    date_earliest: str | None = None
    date_latest: str | None = None
    when: str = ""
    allegations: str = ""
    summary: str = ""
    said_of: str = ""  # for a fact of a possibly-same entry: whose it is
    note: int = 0  # its endnote's number in a case file

    @property
    def dated(self) -> bool:
        return bool(self.date_earliest or self.date_latest)


@dataclass
class Element:
    """One element of a case sheet, with the facts that fill it (none: not in the sources)."""

    key: str
    label: str
    facts: list[dict] = field(default_factory=list)


@dataclass
class CaseFile:
    """What a person's page, .docx and CSV file hold: the case sheet, the facts by date, those of entries that may be
    the same person, and the endnotes every citation is numbered by."""

    entity: dict
    kind: str
    case: str  # the case sheet's case ("detained", "at risk of return"), empty for none
    elements: list[Element]
    dated: list[Fact]
    undated: list[Fact]
    possibly_same: list[tuple[dict, list[Fact]]]
    endnotes: list[str]


def _all(db: sqlite3.Connection, sql: str, *args: object) -> list[dict]:
    cursor = db.execute(sql, args)
    header = [d[0] for d in cursor.description]
    return [dict(zip(header, row)) for row in cursor]


def _parts(*parts: object) -> str:
    return "; ".join(str(p) for p in parts if p)


class Facts:
    """Every fact of every entity, read once from the database."""

    def __init__(self, package: Package, db: sqlite3.Connection) -> None:
        model = package.model
        self.model = model
        fields = {r["name"]: r["schema"]["fields"] for r in package.descriptor["resources"]}
        self.titles = {(t, f["name"]): f.get("title") or f["name"] for t, fs in fields.items() for f in fs}
        self.fields = fields
        self.labels = {
            v.name: {str(r["term"]): r["label"] for r in _all(db, f'SELECT term, label FROM "{v.name}"')}
            for v in model.vocabularies
        }
        self.roles = self.labels.get("participant_roles", {})
        self.countries = {
            r["country"]: r["name"] for r in _all(db, "SELECT country, name FROM places WHERE kind = 'country'")
        }
        self.country_fields = country_fields(package)
        self.sources = {s["source_id"]: s for s in _all(db, "SELECT * FROM sources")}
        self.cited = {r["source_id"]: r["cited"] for r in _all(db, "SELECT * FROM source_citations")}
        self.entities = {r["entity_id"]: r for r in _all(db, "SELECT entity_id, name, entity_kind FROM entity_names")}
        self.group_of: dict[tuple[str, str], str] = {}  # (table, row ID): its account's or utterance's ID
        self.members: dict[tuple[str, str], list[str]] = defaultdict(list)  # (table, group): its row IDs
        self.dates: dict[tuple[str, str], tuple] = {}
        for table in model.evidence:
            key, by = table.id_field, table.count_by or table.id_field
            dates = table.dates[0] if table.dates else None
            columns = [key, by, "source_id", "quote"]
            if dates:
                columns += [dates.earliest, dates.latest]
            select = ", ".join(f'"{c}"' for c in columns)
            for row in db.execute(f'SELECT {select} FROM "{table.name}" ORDER BY "{key}"'):
                group = row[1] or row[0]
                self.group_of[(table.name, row[0])] = group
                self.members[(table.name, group)].append(row[0])
                self.dates[(table.name, row[0])] = (row[2], row[3], *(row[4:6] if dates else (None, None)))
        self.read = {
            "testimonies": {r["account_id"]: r for r in _all(db, "SELECT * FROM testimonies_read")},
            "events": {r["event_id"]: r for r in _all(db, "SELECT * FROM events_read")},
            "statements": {r["utterance_id"]: r for r in _all(db, "SELECT * FROM statements_read")},
            "statistics": {r["statistic_id"]: r for r in _all(db, "SELECT * FROM figures_read")},
            "mentions": {r["mention_id"]: r for r in _all(db, "SELECT * FROM mentions")},
        }
        self.said: dict[str, list[dict]] = defaultdict(list)
        for row in _all(db, "SELECT * FROM dossier"):
            self.said[row["entity_id"]].append(row)
        self.sheets: dict[str, list[dict]] = defaultdict(list)
        if db.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (CASE_SHEET,)).fetchone():
            for row in _all(db, f"SELECT * FROM {CASE_SHEET}"):
                self.sheets[row["person_id"]].append(row)

    # --- in words ----------------------------------------------------------------------------------------------

    def words(self, table: str, name: str, value: object) -> str:
        """A field's value in words: a vocabulary term by its label, a country code by the country's name, an
        entity by its name, a term of the field's own list or a boolean in words; anything else as it is."""
        if value is None or value == "":
            return ""
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 2000.0 as the CSV writes it, 2000
        for reference in self.model.get(table).references if self.model.get(table) else ():
            if reference.fields == (name,):
                if reference.table in self.labels:
                    return self.labels[reference.table].get(str(value), str(value))
                if str(value) in self.entities:
                    return self.entities[str(value)]["name"]
        if (table, name) in self.country_fields:
            return "; ".join(self.countries.get(code, code) for code in str(value).split(";"))
        declared = next((f for f in self.fields.get(table, []) if f["name"] == name), {})
        if declared.get("constraints", {}).get("enum"):  # a term of the field's own list ("same-text"), in words
            return str(value).replace("-", " ").capitalize()
        if declared.get("type") == "boolean":
            return "yes" if value in (True, 1, "true") else "no"
        return str(value)

    def role(self, said_in: str, named_as: str) -> str:
        """How an entity figures in a row, in words: a participant's role, else the title of the field naming it."""
        if " as " in named_as:
            return self.roles.get(named_as.split(" as ", 1)[1], named_as)
        if "." in named_as:
            table, name = named_as.split(".", 1)
            return self.titles.get((table, name), name)
        return self.titles.get((said_in, named_as), named_as)

    def source_words(self, source_id: str) -> str:
        source = self.sources.get(source_id, {})
        published = date_words(source.get("published_earliest"), source.get("published_latest"))
        return ", ".join(p for p in (source.get("publisher") or "publisher not named", published) if p)

    def citation(self, table: str, rows: list[str], source_id: str) -> str:
        return f"{self.cited.get(source_id, source_id)}, {table} {', '.join(rows)}."

    def fact(self, table: str, group: str, roles: list[str], said_of: str = "") -> Fact:
        """The fact that the rows of `group` record, in words."""
        rows = self.members.get((table, group), [group])
        source_id, quote, earliest, latest = self.dates[(table, rows[0])]
        read = self.read.get(table, {}).get(group, {})
        source = self.source_words(source_id)
        allegations, summary, text = "", "", read.get("date_text")
        if table == "testimonies":
            allegations = read.get("allegations") or ""
            earliest, latest = read.get("date_earliest"), read.get("date_latest")
            said = when(earliest, latest, text)
            about = read.get("subject")
            witness = read.get("witness")
            by = f"according to {witness} ({(read.get('witness_is') or 'connection not stated').lower()})"
            sentence = _parts(allegations or "An account", said, read.get("place"), about and f"of {about}", by, source)
        elif table == "events":
            said = when(earliest, latest, text)
            summary = read.get("summary") or ""
            sentence = _parts(
                read.get("event_type"),
                said,
                read.get("place"),
                read.get("participants"),
                f"according to {read.get('claimant')}",
                source,
            )
        elif table == "statements":
            said = when(earliest, latest, text)
            speaker = ", ".join(p for p in (read.get("speaker"), read.get("title")) if p) or "A speaker not named"
            sentence = _parts(
                f"{speaker} ({read.get('state_name')})" if read.get("state_name") else speaker,
                read.get("stances") and read["stances"].capitalize(),
                said,
                read.get("about") and f"about {read['about']}",
                source,
            )
        elif table == "statistics":
            said = when(earliest, latest, text)
            words = f"“{read.get('value_text')}” ({(read.get('qualifier') or '').lower()})"
            sentence = _parts(
                f"{read.get('measure')}: {words}",
                read.get("population"),
                read.get("place"),
                said,
                f"claimed by {read.get('claimant')}",
                source,
            )
        else:
            said = ""
            sentence = _parts(read.get("says") or "Named in the source", source)
        return Fact(
            table=table,
            rows=rows,
            roles=roles,
            sentence=sentence + ".",
            quote=quote,
            source_id=source_id,
            citation=self.citation(table, rows, source_id),
            date_earliest=earliest,
            date_latest=latest,
            when=said,
            allegations=allegations,
            summary=summary,
            said_of=said_of,
        )

    # --- of one entity -----------------------------------------------------------------------------------------

    def of(self, entity_id: str) -> tuple[list[Fact], dict[str, list[Fact]]]:
        """The entity's own facts, and those of each entry that may be the same (by its ID), each fact once with
        every way the entity figures in it, by date, the undated last."""
        groups: dict[tuple, list[str]] = {}
        for said in self.said.get(entity_id, []):
            table = said["said_in"]
            group = self.group_of.get((table, said["row_id"]), said["row_id"])
            roles = groups.setdefault((said["through"] or "", said["said_of_id"], table, group), [])
            role = self.role(table, said["named_as"])
            if role not in roles:
                roles.append(role)
        own: list[Fact] = []
        same: dict[str, list[Fact]] = defaultdict(list)
        for (through, said_of, table, group), roles in groups.items():
            if through:
                name = self.entities.get(said_of, {}).get("name", said_of)
                same[said_of].append(self.fact(table, group, roles, said_of=name))
            else:
                own.append(self.fact(table, group, roles))
        order = lambda f: (not f.dated, f.date_earliest or "", f.date_latest or "", f.rows[0])  # noqa: E731
        return sorted(own, key=order), {k: sorted(v, key=order) for k, v in same.items()}

    def case_file(self, entity: dict, kind: str, ident: str) -> CaseFile:
        """Everything a person's (organisation's, place's) page, .docx and CSV file show, with numbered endnotes."""
        own, same = self.of(ident)
        endnotes: list[str] = []
        numbers: dict[str, int] = {}

        def note(citation: str | None) -> int:
            if not citation:
                return 0
            if citation not in numbers:
                endnotes.append(citation)
                numbers[citation] = len(endnotes)
            return numbers[citation]

        elements: dict[str, Element] = {}
        sheet = self.sheets.get(ident, [])
        for row in sheet:
            element = elements.setdefault(row["element"], Element(row["element"], row["element_label"]))
            if row["citation"]:
                # the fact already gives the source's words for its date: the days they allow, in words
                days = date_words(row.get("date_earliest"), row.get("date_latest"))
                element.facts.append({**row, "note": note(row["citation"]), "when": days})
        for fact in own:
            fact.note = note(fact.citation)
        others = []
        for other, facts in same.items():
            for fact in facts:
                fact.note = note(fact.citation)
            others.append((self.entities.get(other, {"entity_id": other, "name": other}), facts))
        return CaseFile(
            entity=entity,
            kind=kind,
            case=sheet[0]["case"] if sheet else "",
            elements=list(elements.values()),
            dated=[f for f in own if f.dated],
            undated=[f for f in own if not f.dated],
            possibly_same=others,
            endnotes=endnotes,
        )


def country_fields(package: Package) -> set[tuple[str, str]]:
    """(table, field) of the fields that hold ISO 3166-1 country codes, by their declared pattern."""
    found = set()
    for resource in package.descriptor["resources"]:
        for f in resource["schema"]["fields"]:
            pattern = f.get("constraints", {}).get("pattern") or f.get("x-pattern") or ""
            if pattern.startswith("^[A-Z]{2}"):
                found.add((resource["name"], f["name"]))
    return found


def shown_fields(package: Package, table: str) -> list[dict]:
    """The fields of an entity table a reader is shown about the entry, in order: not its ID, name or links the page
    shows otherwise (possibly the same, within)."""
    model = package.model.get(table)
    hidden = {model.id_field, "name", model.same_as, model.name_normalised}
    resource = next(r for r in package.descriptor["resources"] if r["name"] == table)
    return [f for f in resource["schema"]["fields"] if f["name"] not in hidden]
