"""What the site shows, read once from the database of dist/ (the same rows as every other export) and the archived
source texts: the rows, entities, spellings, sources, the ready-to-read views, and each entity's facts in words
(derived/facts.py). The pages (pages.py) only arrange it."""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from model.loader import Package
from model.tables import ENTITY, EVIDENCE, SOURCES
from model.text import quote_spans, source_text, web_address

from .. import facts
from . import citations
from .passages import Passage, context, sweep

ABOUT_SECTIONS = ("How to cite", "Scope, method and limitations", "Ethics, corrections and removal", "Licences")
# The languages a source may be written in, by their BCP 47 tag, as a reader knows them.
LANGUAGES = {
    "en": "English",
    "ru": "Russian",
    "kk": "Kazakh",
    "ky": "Kyrgyz",
    "zh": "Chinese",
    "ug": "Uyghur",
    "it": "Italian",
    "es": "Spanish",
    "fr": "French",
    "de": "German",
    "tr": "Turkish",
}


@dataclass
class Row:
    """One evidence row: its table, ID, source, quote and where the quote stands in the source text."""

    table: str
    ident: str
    values: dict
    spans: list[tuple[int, int]]

    @property
    def source_id(self) -> str:
        return self.values["source_id"]

    @property
    def quote(self) -> str:
        return self.values["quote"]


def _connect(database: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    return connection


class Site:
    """Everything the pages show, read once."""

    def __init__(self, package: Package, database: Path, about: list[tuple[str, str]]) -> None:
        self.package = package
        self.about = about
        self.model = package.model
        descriptor = package.descriptor
        self.title = descriptor.get("title", "")
        self.version = descriptor.get("version", "")
        self.description = descriptor.get("description", "")
        self.licence = (descriptor.get("licenses") or [{}])[0]
        self.fields = {r["name"]: r["schema"]["fields"] for r in descriptor["resources"]}
        self.table_titles = {r["name"]: r.get("title") or r["name"] for r in descriptor["resources"]}
        self.titles = {(t, f["name"]): f.get("title") or f["name"] for t, fs in self.fields.items() for f in fs}
        # a column or table the README names in code, as its title: the about page speaks to readers, not to code
        named = {name: title for (_, name), title in self.titles.items() if "_" in name}
        named |= {name: title for name, title in self.table_titles.items() if "_" in name}
        self.readme = _readme_sections(package.root / "README.md", named)
        db = _connect(database)
        try:
            self._read(db)
        finally:
            db.close()

    def _all(self, db: sqlite3.Connection, sql: str, *args: object) -> list[dict]:
        return [dict(row) for row in db.execute(sql, args)]

    def _read(self, db: sqlite3.Connection) -> None:
        model = self.model
        self.labels: dict[str, dict[str, str]] = {
            v.name: {str(r["term"]): r["label"] for r in self._all(db, f'SELECT term, label FROM "{v.name}"')}
            for v in model.vocabularies
        }
        self.sources = self._all(
            db,
            "SELECT s.*, c.cited FROM sources s JOIN source_citations c USING (source_id) "
            "ORDER BY s.published, s.source_id",
        )
        self.texts = {s["source_id"]: source_text((self.package.root / s["path"]).read_bytes()) for s in self.sources}
        metadata, _ = self.package.source_metadata
        self.furniture = {m["source_id"]: m.get("furniture", []) for m in metadata}
        self.copies = {m["source_id"]: m.get("located_copies", []) for m in metadata}
        self.notes = {m["source_id"]: m.get("notes", []) for m in metadata}
        self.entity_tables = model.entities
        self.entities: dict[str, dict] = {}  # ID: row, with "table" added
        for table in self.entity_tables:
            for row in self._all(db, f'SELECT * FROM "{table.name}" ORDER BY name'):
                row["table"] = table.name
                self.entities[row[table.id_field]] = row
        self.spellings: dict[str, list[dict]] = defaultdict(list)
        for table in model.names_tables:
            key = model.get(table.of).id_field
            for row in self._all(db, f'SELECT * FROM "{table.name}" ORDER BY name, source_id'):
                self.spellings[row[key]].append(row)
        self.rows: dict[str, Row] = {}
        for table in model.evidence:
            for values in self._all(db, f'SELECT * FROM "{table.name}" ORDER BY "{table.id_field}"'):
                ident = values[table.id_field]
                spans = quote_spans(values["quote"], self.texts.get(values["source_id"], "")) or []
                self.rows[ident] = Row(table.name, ident, values, spans)
        self.rows_of: dict[str, list[Row]] = defaultdict(list)
        for row in self.rows.values():
            self.rows_of[row.source_id].append(row)
        # (table, count_by value): the rows recording one account or utterance, in order of ID
        self.groups: dict[tuple[str, str], list[Row]] = defaultdict(list)
        for table in model.evidence:
            if table.count_by:
                for row in self.rows.values():
                    if row.table == table.name and row.values.get(table.count_by):
                        self.groups[(table.name, row.values[table.count_by])].append(row)
        self._passages: dict[str, tuple[list[Passage], int, int]] = {}
        self.facts = facts.Facts(self.package, db)
        self.countries = {
            r["country"]: r["name"] for r in self._all(db, "SELECT country, name FROM places WHERE kind = 'country'")
        }
        self.source_of = {s["source_id"]: s for s in self.sources}
        self.kinds = {ident: e["entity_kind"] for ident, e in self.facts.entities.items()}
        # each person with a case sheet, and its case ("detained", "at risk of return")
        self.cases = {ident: rows[0]["case"] for ident, rows in self.facts.sheets.items()}
        self.downloads: list[tuple[str, str]] = []  # every file of dist/, as (path in dist/, what it is)
        self.case_files: dict[str, list[tuple[str, str]]] = {}  # by entity: (path in dist/, format) of its files
        self.links: dict[str, list[tuple[str, dict]]] = defaultdict(list)  # row ID: (link table, link row)
        for table in model.links:
            parent = model.get(table.of)
            if parent is None or parent.role != EVIDENCE:
                continue
            for row in self._all(db, f'SELECT * FROM "{table.name}"'):
                self.links[row[parent.id_field]].append((table.name, row))
        self.dossier: dict[str, list[dict]] = defaultdict(list)
        for row in self._all(db, "SELECT * FROM dossier"):
            self.dossier[row["entity_id"]].append(row)
        for ident, said in self.dossier.items():  # the rows of one account or utterance together, its first first
            self.dossier[ident] = _together(
                said,
                lambda r: (r.get("through"), r.get("said_of_id"), self.group(r)),
                lambda r: r["row_id"] != self.group(r),
            )
        self.named_in: dict[str, set[str]] = defaultdict(set)  # row ID: the entities it names
        for ident, said in self.dossier.items():
            for row in said:
                if not row["through"]:
                    self.named_in[row["row_id"]].add(ident)
        self.statements = self._all(db, "SELECT * FROM statements_read ORDER BY state_name, office, date_earliest")
        self.testimonies = {r["account_id"]: r for r in self._all(db, "SELECT * FROM testimonies_read")}
        self.events = self._all(db, "SELECT * FROM events_read ORDER BY date_earliest, event_id")
        self.figures = {r["statistic_id"]: r for r in self._all(db, "SELECT * FROM figures_read")}
        # each allegation with the rows that make it, by account, an account's first row first
        self.allegations = self._all(
            db,
            "SELECT a.allegation, t.label, a.testimony_id, r.account_id FROM testimony_allegations a "
            "JOIN allegation_types t ON t.term = a.allegation JOIN testimonies r ON r.testimony_id = a.testimony_id "
            "ORDER BY t.label, r.account_id, r.testimony_id <> r.account_id, r.testimony_id",
        )
        self.cited = {s["source_id"]: s["cited"] for s in self.sources}
        # A table counted by a field (a statement's utterance_id, a testimony's account_id) counts that field's
        # distinct values, not rows.
        self.counts = {
            t.label or t.name: db.execute(f'SELECT count(DISTINCT "{t.counted_field}") FROM "{t.name}"').fetchone()[0]
            for t in [*model.evidence, *model.entities]
        }
        self.counts["sources"] = len(self.sources)

    # --- what a page needs -------------------------------------------------------------------------------------

    def group(self, said: dict) -> str:
        """The group of the evidence row a dossier row names (a testimony's account, a statement's utterance): its
        count_by value, else its own ID."""
        row = self.rows.get(said["row_id"])
        count_by = self.model.get(row.table).count_by if row else None
        if row is None or not count_by:
            return said["row_id"]
        return row.values.get(count_by) or row.ident

    def possibly_same(self, ident: str) -> list[dict]:
        """The entries the package links to `ident` as possibly the same but keeps apart, as the dossier gives them
        (its rows of `ident` reached through that link): ident, entity, kind, notes."""
        found: dict[str, dict] = {}
        for row in self.dossier.get(ident, []):
            other = row["said_of_id"]
            if row["through"] and other in self.entities:
                entity = self.entities[other]
                found.setdefault(
                    other, {"ident": other, "entity": entity, "kind": row["entity_kind"], "notes": entity.get("notes")}
                )
        return list(found.values())

    def related(self, ident: str) -> list[tuple[dict, int]]:
        """The other people, bodies and places named in the entity's own rows, with how many of its facts name
        them, most first: relatives, witnesses, officials who spoke of them, bodies that acted."""
        counted: dict[str, set[str]] = defaultdict(set)
        for row in self.dossier.get(ident, []):
            if row["through"]:
                continue
            for other in self.named_in.get(row["row_id"], ()):
                if other != ident and other in self.entities:
                    counted[other].add(self.group(row))
        ordered = sorted(counted.items(), key=lambda item: (-len(item[1]), self.entities[item[0]]["name"]))
        return [(self.entities[other], len(groups)) for other, groups in ordered]

    def rows_of_group(self, row: Row) -> list[Row]:
        """The other rows recording what this row records (the rows of its account or utterance), in order of ID."""
        count_by = self.model.get(row.table).count_by
        group = row.values.get(count_by) if count_by else None
        return [r for r in self.groups.get((row.table, group), []) if r.ident != row.ident] if group else []

    def reference(self, table: str, name: str) -> tuple[str, str] | None:
        """(role, target table) of a one-field foreign key."""
        for reference in self.model.get(table).references:
            if reference.fields == (name,):
                target = self.model.get(reference.table)
                return (target.role, target.name) if target else None
        return None

    def value(self, table: str, name: str, value: object, root: str) -> Markup:
        """A field's value as shown: in words (Facts.words), an entity, row or source as a link."""
        if value is None or value == "":
            return Markup('<span class="none">—</span>')
        found = self.reference(table, name)
        if found:
            role, target = found
            if role == ENTITY and value in self.entities:
                return Markup(
                    f'<a href="{root}{target}/{escape(value)}.html">{escape(self.entities[value]["name"])}</a>'
                )
            if role == EVIDENCE and value in self.rows:
                return Markup(f'<a href="{root}rows/{escape(value)}.html">{escape(value)}</a>')
            if role == SOURCES and value in self.source_of:
                title = self.source_of[value]["title"]
                return Markup(f'<a href="{root}sources/{escape(value)}.html">{escape(title)}</a>')
        return escape(self.facts.words(table, name, value))

    def language(self, tag: str) -> str:
        return LANGUAGES.get(str(tag).split("-")[0], str(tag))

    def citation(self, row: Row) -> str:
        return f"{self.cited[row.source_id]}, {row.table} {row.ident}."

    def csl(self, row: Row) -> str:
        return citations.csl(row.ident, row.table, self.title, self.version, self.source_of[row.source_id])

    def bibtex(self, row: Row) -> str:
        return citations.bibtex(row.ident, row.table, self.title, self.version, self.source_of[row.source_id])

    def context(self, row: Row) -> Markup:
        return context(self.texts.get(row.source_id, ""), row)

    def passages(self, source_id: str) -> tuple[list[Passage], int, int]:
        """The source text cut at every quote and piece of furniture, and its uncited words (passages.sweep)."""
        if source_id not in self._passages:
            rows = self.rows_of.get(source_id, [])
            self._passages[source_id] = sweep(self.texts[source_id], rows, self.furniture.get(source_id, []))
        return self._passages[source_id]


def link_or_text(address: object) -> Markup:
    """A web address as a link, where it is one a reader may be sent to (http or https); anything else, as text
    that cannot be clicked. The checker refuses such an address; a builder does not rely on it."""
    if web_address(address):
        return Markup(f'<a href="{escape(address)}">{escape(address)}</a>')
    return escape(address or "")


def _readme_sections(readme: Path, titles: dict[str, str]) -> Markup:
    """The README's sections on citing, method and limits, ethics and licences, for the about page; links that lead
    out of the site into the repository become plain text; a column or table named in code, its title (`titles`),
    and a path in code, a file name."""
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    chosen, keep = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            keep = line[3:].strip() in ABOUT_SECTIONS
        if keep:
            chosen.append(line)
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render("\n".join(chosen))
    html = re.sub(r'<a href="(?!https?://)[^"]*">(.*?)</a>', r"\1", html, flags=re.S | re.I)

    def code(found: re.Match) -> str:
        text = found.group(1)
        name = text.rsplit(".", 1)[-1]
        if name in titles:
            return f"“{escape(titles[name])}”"
        return f'<code class="file">{text}</code>' if "/" in text else found.group(0)

    return Markup(re.sub(r"<code>(.*?)</code>", code, html, flags=re.S))


def _together(items: list[dict], group: Callable[[dict], object], later: Callable[[dict], bool]) -> list[dict]:
    """The items in their order, but each group where its first item was, those not `later` first (the rows of one
    account together, its first row first)."""
    groups: dict[object, list[dict]] = {}
    for item in items:
        groups.setdefault(group(item), []).append(item)
    return [item for members in groups.values() for item in sorted(members, key=later)]
