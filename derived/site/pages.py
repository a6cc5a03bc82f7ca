"""The pages of the site, read from the database of dist/ (the same rows as every other export) and the archived
source texts. PAGES at the bottom is the one list of them; each row's page lives at rows/<ID>.html and each
entity's at <table>/<ID>.html, addresses that stay as long as the IDs do."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup, escape

from model import figure_words
from model.loader import Package
from model.tables import ENTITY, EVIDENCE, SOURCES, VOCABULARY
from model.text import quote_spans, source_text, web_address

from .. import report
from . import svg_map, timeline

HERE = Path(__file__).resolve().parent
CONTEXT = 320  # characters of the source shown each side of a quote on its row's page
ABOUT_SECTIONS = ("How to cite", "Scope, method and limitations", "Ethics, corrections and removal", "Licences")
FURNITURE = "\0furniture"  # stands for page furniture among the row IDs covering a stretch of text
UNCITED_LEAST = 3  # words: a shorter stretch of text that no row quotes is not listed
# Every page's Content-Security-Policy: scripts, styles and images from the site's own files only, no inline script
# or style, no plug-in, no form sent elsewhere, no frame. A text that got through as markup could still run nothing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'self'; object-src 'none'"
)


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


@dataclass
class Passage:
    """A stretch of a source text: who quotes it (row IDs), whether it is page furniture, which rows start here."""

    text: str
    rows: list[str] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)
    furniture: bool = False
    uncited_id: str = ""


def _connect(database: Path) -> sqlite3.Connection:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    connection.row_factory = sqlite3.Row
    return connection


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


class Site:
    """Everything the pages show, read once."""

    def __init__(self, package: Package, database: Path, about: list[tuple[str, str]]) -> None:
        self.package = package
        self.about = about
        self.readme = _readme_sections(package.root / "README.md")
        self.model = package.model
        descriptor = package.descriptor
        self.title = descriptor.get("title", "")
        self.version = descriptor.get("version", "")
        self.description = descriptor.get("description", "")
        self.licence = (descriptor.get("licenses") or [{}])[0]
        self.fields = {r["name"]: r["schema"]["fields"] for r in descriptor["resources"]}
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
        """A field's value as shown: a vocabulary term with its label, an entity, row or source as a link."""
        if value is None or value == "":
            return Markup('<span class="none">—</span>')
        if isinstance(value, float) and value.is_integer():
            value = int(value)  # 2000.0 as the CSV writes it, 2000
        found = self.reference(table, name)
        if found:
            role, target = found
            if role == VOCABULARY:
                label = self.labels.get(target, {}).get(str(value), value)
                return Markup(f"{escape(label)} <code>{escape(value)}</code>")
            if role == ENTITY and value in self.entities:
                return Markup(
                    f'<a href="{root}{target}/{escape(value)}.html">{escape(self.entities[value]["name"])}</a>'
                )
            if role == EVIDENCE and value in self.rows:
                return Markup(f'<a href="{root}rows/{escape(value)}.html">{escape(value)}</a>')
            if role == SOURCES:
                return Markup(f'<a href="{root}sources/{escape(value)}.html">{escape(value)}</a>')
        return escape(value)

    def citation(self, row: Row) -> str:
        return f"{self.cited[row.source_id]}, {row.table} {row.ident}."

    def csl(self, row: Row) -> str:
        source = next(s for s in self.sources if s["source_id"] == row.source_id)
        return json.dumps(
            {
                "id": row.ident,
                "type": "dataset",
                "title": f"{self.title}: {row.table} {row.ident}",
                "version": self.version,
                "note": f"Quoting {source['publisher'] or 'an unnamed publisher'}, “{source['title']}”, "
                f"{source['published']}; archived as {source['path']}, SHA-256 {source['sha256']}.",
            },
            ensure_ascii=False,
            indent=2,
        )

    def bibtex(self, row: Row) -> str:
        source = next(s for s in self.sources if s["source_id"] == row.source_id)
        title, version = bibtex_text(f"{self.title}: {row.table} {row.ident}"), bibtex_text(self.version)
        note = bibtex_text(
            f"Quoting {source['publisher'] or 'an unnamed publisher'}, “{source['title']}”, {source['published']}; "
            f"archived as {source['path']}, SHA-256 {source['sha256']}"
        )
        key = re.sub(r"[^A-Za-z0-9_.:-]", "-", row.ident)
        return f"@misc{{{key},\n  title = {{{title}}},\n  version = {{{version}}},\n  note = {{{note}}}\n}}"

    def context(self, row: Row) -> Markup:
        """The quote in its context in the source, the quoted parts marked."""
        text = self.texts.get(row.source_id, "")
        if not row.spans:
            return escape(row.quote)
        start, end = max(0, row.spans[0][0] - CONTEXT), min(len(text), row.spans[-1][1] + CONTEXT)
        parts, position = ["…" if start else ""], start
        for a, b in row.spans:
            parts += [escape(text[position:a]), Markup("<mark>"), escape(text[a:b]), Markup("</mark>")]
            position = b
        parts += [escape(text[position:end]), "…" if end < len(text) else ""]
        return Markup("").join(parts)

    def passages(self, source_id: str) -> tuple[list[Passage], int, int]:
        """The source text cut where a quote or a piece of page furniture begins or ends; and how many words of the
        text (furniture aside) no row quotes, of how many. One sweep over the cuts, so time grows with the rows."""
        if source_id in self._passages:
            return self._passages[source_id]
        text = self.texts[source_id]
        opening, closing, starts = defaultdict(list), defaultdict(list), defaultdict(list)
        for row in self.rows_of.get(source_id, []):
            if row.spans:
                starts[row.spans[0][0]].append(row.ident)
            for a, b in row.spans:
                opening[a].append(row.ident)
                closing[b].append(row.ident)
        for passage in self.furniture.get(source_id, []):
            for a, b in quote_spans(passage, text) or []:
                opening[a].append(FURNITURE)
                closing[b].append(FURNITURE)
        cuts = sorted({0, len(text), *opening, *closing})
        active: dict[str, int] = defaultdict(int)
        found, uncited, total, number = [], 0, 0, 0
        for a, b in zip(cuts, cuts[1:]):
            for ident in closing.get(a, []):
                active[ident] -= 1
                if not active[ident]:
                    del active[ident]
            for ident in opening.get(a, []):
                active[ident] += 1
            passage = Passage(text[a:b], [i for i in active if i != FURNITURE], starts.get(a, []), FURNITURE in active)
            if not passage.furniture:
                words = _words(passage.text)
                total += words
                if not passage.rows and words >= UNCITED_LEAST:
                    uncited += words
                    number += 1
                    passage.uncited_id = f"uncited-{number}"
            found.append(passage)
        self._passages[source_id] = found, uncited, total
        return self._passages[source_id]


# What a BibTeX field's value must escape, so that no text can close the field, open another or run a command
# (LaTeX's ten special characters; BibTeX reads the value as LaTeX).
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIBTEX_SPECIALS = re.compile("|".join(map(re.escape, _BIBTEX_SPECIAL)))


def bibtex_text(value: str) -> str:
    """A value as the text of a BibTeX field: LaTeX's special characters escaped, whitespace runs (a line break
    among them) as one space."""
    return _BIBTEX_SPECIALS.sub(lambda m: _BIBTEX_SPECIAL[m.group()], " ".join(str(value).split()))


def link_or_text(address: object) -> Markup:
    """A web address as a link, where it is one a reader may be sent to (http or https); anything else, as text
    that cannot be clicked. The checker refuses such an address; a builder does not rely on it."""
    if web_address(address):
        return Markup(f'<a href="{escape(address)}">{escape(address)}</a>')
    return escape(address or "")


def _readme_sections(readme: Path) -> Markup:
    """The README's sections on citing, method and limits, ethics and licences, for the about page; links that lead
    out of the site into the repository become plain text."""
    text = readme.read_text(encoding="utf-8") if readme.is_file() else ""
    chosen, keep = [], False
    for line in text.splitlines():
        if line.startswith("## "):
            keep = line[3:].strip() in ABOUT_SECTIONS
        if keep:
            chosen.append(line)
    html = MarkdownIt("commonmark", {"html": False}).enable("table").render("\n".join(chosen))
    return Markup(re.sub(r'<a href="(?!https?://)[^"]*">(.*?)</a>', r"\1", html, flags=re.S | re.I))


# --- the pages -----------------------------------------------------------------------------------------------------


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["link_or_text"] = link_or_text
    environment.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    return environment


Page = tuple[str, str, dict]  # path in the site, template, what it shows


def _home(site: Site) -> Iterator[Page]:
    places = [
        svg_map.Place(p["place_id"], p["name"], p["latitude"], p["longitude"], str(p["location_precision"] or ""))
        for p in site.entities.values()
        if p["table"] == "places" and p["latitude"] is not None and p["longitude"] is not None
    ]
    precisions = site.labels.get("location_precisions", {})
    drawn, outside = svg_map.draw(places, precisions, "places/{}.html")
    yield (
        "index.html",
        "home.html",
        {
            "counts": site.counts,
            "map": drawn,
            "outside": outside,
            "legend": svg_map.legend(precisions),
            "places": sorted(places, key=lambda p: p.name),
            "precisions": precisions,
            "timeline": _timeline(site, "rows/{}.html"),
        },
    )


def _timeline(site: Site, link: str) -> Markup:
    events = [
        timeline.event(
            e["event_id"],
            f"{e['event_type']} ({e['event_id']})",
            e["date_start"] or "",
            e["date_end"] or "",
            e["date_earliest"] or "",
            e["date_latest"] or "",
        )
        for e in site.events
    ]
    return timeline.draw([e for e in events if e], link)


def _lists(site: Site) -> Iterator[Page]:
    coverage = {}
    for source in site.sources:
        _, uncited, total = site.passages(source["source_id"])
        coverage[source["source_id"]] = (uncited, total)
    yield "sources.html", "sources.html", {"coverage": coverage}
    yield "entities.html", "entities.html", {}
    yield "events.html", "events.html", {"timeline": _timeline(site, "rows/{}.html")}
    yield "about.html", "about.html", {}
    yield "search.html", "search.html", {}
    yield "statements.html", "statements.html", {"by_state": _grouped(site.statements, "state_name", "office")}
    # one item per account making the allegation, quoting the first of its rows that makes it
    by_allegation: dict[str, dict[str, dict]] = defaultdict(dict)
    for a in site.allegations:
        if a["account_id"] not in by_allegation[a["label"]]:
            quote = site.rows[a["testimony_id"]].quote
            by_allegation[a["label"]][a["account_id"]] = {**site.testimonies[a["account_id"]], "quote": quote}
    shown = {label: list(accounts.values()) for label, accounts in by_allegation.items()}
    yield "allegations.html", "allegations.html", {"by_allegation": shown}
    groups = report.figure_groups(site.package, report.collect(site.package))
    grouped = {m[0] for g in groups for m in g.members}
    alone = defaultdict(list)
    for ident, figure in sorted(site.figures.items(), key=lambda f: (f[1]["measure"], f[0])):
        if ident not in grouped:
            alone[figure["measure"]].append(figure)
    yield (
        "figures.html",
        "figures.html",
        {
            "groups": groups,
            "alone": alone,
            "show_range": report.show_range,
            "measures": site.labels.get("measures", {}),
            "units": site.labels.get("units", {}),
            "word_rules": figure_words.rules(),
            "how_read": Markup(MarkdownIt("commonmark", {"html": False}).renderInline(figure_words.HOW_READ)),
        },
    )


def _together(items: list[dict], group: Callable[[dict], object], later: Callable[[dict], bool]) -> list[dict]:
    """The items in their order, but each group where its first item was, those not `later` first (the rows of one
    account together, its first row first)."""
    groups: dict[object, list[dict]] = {}
    for item in items:
        groups.setdefault(group(item), []).append(item)
    return [item for members in groups.values() for item in sorted(members, key=later)]


def _grouped(rows: list[dict], *keys: str) -> dict:
    found: dict = {}
    for row in rows:
        level = found
        for key in keys[:-1]:
            level = level.setdefault(row[key] or "", {})
        level.setdefault(row[keys[-1]] or "", []).append(row)
    return found


def _sources(site: Site) -> Iterator[Page]:
    for source in site.sources:
        passages, uncited, total = site.passages(source["source_id"])
        yield (
            f"sources/{source['source_id']}.html",
            "source.html",
            {
                "source": source,
                "passages": passages,
                "uncited": uncited,
                "total": total,
                "rows": site.rows_of.get(source["source_id"], []),
                "copies": site.copies.get(source["source_id"], []),
            },
        )


def possibly_same(site: Site, ident: str) -> list[dict]:
    """The entries the package links to `ident` as possibly the same but keeps apart, each with what is said of it,
    as the dossier gives them (its rows of `ident` reached through that link): ident, entity, kind, notes, rows."""
    found: dict[str, dict] = {}
    for row in site.dossier.get(ident, []):
        other = row["said_of_id"]
        if row["through"] and other in site.entities:
            entity = site.entities[other]
            kind, notes = row["entity_kind"], entity.get("notes")
            same = found.setdefault(other, {"ident": other, "entity": entity, "kind": kind, "notes": notes, "rows": []})
            same["rows"].append(row)
    return list(found.values())


def _entities(site: Site) -> Iterator[Page]:
    for ident, entity in site.entities.items():
        yield (
            f"{entity['table']}/{ident}.html",
            "entity.html",
            {
                "entity": entity,
                "ident": ident,
                "spellings": site.spellings.get(ident, []),
                # the entity's own rows; those of an entry that may be the same are shown apart, labelled
                "said": [r for r in site.dossier.get(ident, []) if not r["through"]],
                "possibly_same": possibly_same(site, ident),
                "within": [
                    e
                    for e in site.entities.values()
                    if site.model.get(e["table"]).parent and e.get(site.model.get(e["table"]).parent) == ident
                ],
            },
        )


def _rows(site: Site) -> Iterator[Page]:
    for row in site.rows.values():
        shown = {"row": row, "links": site.links.get(row.ident, []), "group": site.rows_of_group(row)}
        yield f"rows/{row.ident}.html", "row.html", shown


# The one list of what the site holds: each function yields its pages.
PAGES: list[Callable[[Site], Iterator[Page]]] = [_home, _lists, _sources, _entities, _rows]
STATIC = ["style.css", "search.js"]


def _search_index(site: Site) -> str:
    """search-index.js: every row's quote and every entity's spellings, loaded by search.html as a script (a file
    it fetched would not load from disk). An entity linked to others as possibly the same carries them, as
    [name, address, how it is linked], shown under it when it is found, never as found themselves."""
    entries: list[list] = [
        [f"{r.table} {r.ident}", f"rows/{r.ident}.html", f"{r.ident} {r.source_id} {r.quote}"]
        for r in site.rows.values()
    ]
    for ident, entity in site.entities.items():
        names = " ".join(s["name"] for s in site.spellings.get(ident, []))
        entry = [entity["name"], f"{entity['table']}/{ident}.html", f"{entity['name']} {names} {ident}"]
        also = [
            [
                same["entity"]["name"],
                f"{same['entity']['table']}/{same['ident']}.html",
                f"possibly the same {same['kind']} as {entity['name']}; the package keeps them apart",
            ]
            for same in possibly_same(site, ident)
        ]
        entries.append([*entry, also] if also else entry)
    return "const SEARCH_INDEX = " + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def write(package: Package, database: Path, out: Path, about: list[tuple[str, str]]) -> int:
    """Write the site into `out` (which must not exist); return the number of pages. `about` is what the about page
    says first, as (heading, text)."""
    site = Site(package, database, about)
    environment = _environment()
    out.mkdir(parents=True)
    written = 0
    for pages in PAGES:
        for path, template, shown in pages(site):
            depth = path.count("/")
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            html = environment.get_template(template).render(site=site, root="../" * depth, page=path, **shown)
            target.write_text(html, encoding="utf-8")
            written += 1
    for name in STATIC:
        shutil.copyfile(HERE / name, out / name)
    (out / "search-index.js").write_text(_search_index(site), encoding="utf-8")
    return written
