"""The pages of the site. PAGES below is the one list of them: each kind of page is one entry (what makes its pages
and its template), and the entries that carry a label make the navigation every page shows, in their order. Each
row's page lives at rows/<ID>.html and each entity's at <table>/<ID>.html, addresses that stay as long as the IDs
do. What the pages show is read once, by content.Site."""

from __future__ import annotations

import datetime
import json
import shutil
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markdown_it import MarkdownIt
from markupsafe import Markup

from model import figure_words
from model.loader import Package

from .. import facts, report
from . import svg_map, timeline
from .content import Site, link_or_text

HERE = Path(__file__).resolve().parent
# Every page's Content-Security-Policy: scripts, styles and images from the site's own files only, no inline script
# or style, no plug-in, no form sent elsewhere, no frame. A text that got through as markup could still run nothing.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; "
    "form-action 'self'; object-src 'none'"
)
CASE_FILES = "case-files"  # dist/case-files/<ID>.docx and .csv: each person's case file, made by derived/case_files.py

Shown = tuple[str, dict]  # a page's path in the site, and what it shows


@dataclass(frozen=True)
class PageKind:
    """One kind of page and its template: a single page (what it shows, by `shown`) or many (`many` yields each)."""

    template: str
    shown: Callable[[Site], dict] | None = None
    many: Callable[[Site], Iterator[Shown]] | None = None
    nav: str = ""  # its label in the navigation, for a single page listed there
    path: str = ""  # a single page's path, where it is not its template's name

    @property
    def address(self) -> str:
        return self.path or self.template

    def pages(self, site: Site) -> Iterator[Shown]:
        if self.many:
            yield from self.many(site)
        else:
            yield self.address, self.shown(site) if self.shown else {}


def _timeline(site: Site, link: str) -> Markup:
    events = [
        timeline.event(
            e["event_id"],
            f"{e['event_type']}, {facts.date_words(e['date_earliest'], e['date_latest']) or 'undated'}",
            e["date_start"] or "",
            e["date_end"] or "",
            e["date_earliest"] or "",
            e["date_latest"] or "",
        )
        for e in site.events
    ]
    return timeline.draw([e for e in events if e], link)


def _home(site: Site) -> dict:
    places = [
        svg_map.Place(p["place_id"], p["name"], p["latitude"], p["longitude"], str(p["location_precision"] or ""))
        for p in site.entities.values()
        if p["table"] == "places" and p["latitude"] is not None and p["longitude"] is not None
    ]
    precisions = site.labels.get("location_precisions", {})
    drawn, outside = svg_map.draw(places, precisions, "places/{}.html")
    return {
        "counts": site.counts,
        "map": drawn,
        "outside": outside,
        "legend": svg_map.legend(precisions),
        "places": sorted(places, key=lambda p: p.name),
        "precisions": precisions,
        "timeline": _timeline(site, "rows/{}.html"),
        "cases": site.cases,
    }


def _sources_list(site: Site) -> dict:
    coverage = {}
    for source in site.sources:
        _, uncited, total = site.passages(source["source_id"])
        coverage[source["source_id"]] = (uncited, total)
    return {"coverage": coverage}


def _allegations(site: Site) -> dict:
    # one item per account making the allegation, quoting the first of its rows that makes it
    by_allegation: dict[str, dict[str, dict]] = defaultdict(dict)
    for a in site.allegations:
        if a["account_id"] not in by_allegation[a["label"]]:
            quote = site.rows[a["testimony_id"]].quote
            by_allegation[a["label"]][a["account_id"]] = {**site.testimonies[a["account_id"]], "quote": quote}
    return {"by_allegation": {label: list(accounts.values()) for label, accounts in by_allegation.items()}}


def _figures(site: Site) -> dict:
    groups = report.figure_groups(site.package, report.collect(site.package))
    grouped = {m[0] for g in groups for m in g.members}
    alone = defaultdict(list)
    for ident, figure in sorted(site.figures.items(), key=lambda f: (f[1]["measure"], f[0])):
        if ident not in grouped:
            alone[figure["measure"]].append(figure)
    return {
        "groups": groups,
        "alone": alone,
        "show_range": report.show_range,
        "measures": site.labels.get("measures", {}),
        "units": site.labels.get("units", {}),
        "qualifiers": site.labels.get("qualifiers", {}),
        "word_rules": figure_words.rules(),
        "how_read": Markup(MarkdownIt("commonmark", {"html": False}).renderInline(figure_words.HOW_READ)),
    }


def _grouped(rows: list[dict], *keys: str) -> dict:
    found: dict = {}
    for row in rows:
        level = found
        for key in keys[:-1]:
            level = level.setdefault(row[key] or "", {})
        level.setdefault(row[keys[-1]] or "", []).append(row)
    return found


def _sources(site: Site) -> Iterator[Shown]:
    for source in site.sources:
        passages, uncited, total = site.passages(source["source_id"])
        yield (
            f"sources/{source['source_id']}.html",
            {
                "source": source,
                "passages": passages,
                "uncited": uncited,
                "total": total,
                "rows": site.rows_of.get(source["source_id"], []),
                "copies": site.copies.get(source["source_id"], []),
            },
        )


def _entities(site: Site) -> Iterator[Shown]:
    for ident, entity in site.entities.items():
        case_file = site.facts.case_file(entity, site.kinds[ident], ident)
        yield (
            f"{entity['table']}/{ident}.html",
            {
                "entity": entity,
                "ident": ident,
                "case_file": case_file,
                "shown_fields": [f for f in facts.shown_fields(site.package, entity["table"]) if entity.get(f["name"])],
                "spellings": site.spellings.get(ident, []),
                "related": site.related(ident),
                "within": [
                    e
                    for e in site.entities.values()
                    if site.model.get(e["table"]).parent and e.get(site.model.get(e["table"]).parent) == ident
                ],
                "files": site.case_files.get(ident),
            },
        )


def _rows(site: Site) -> Iterator[Shown]:
    for row in site.rows.values():
        table = site.model.get(row.table)
        group = row.values.get(table.count_by) if table.count_by else None
        fact = site.facts.fact(row.table, group or row.ident, [])
        shown = {"row": row, "fact": fact, "links": site.links.get(row.ident, []), "group": site.rows_of_group(row)}
        yield f"rows/{row.ident}.html", shown


# The one list of the site's pages, in the order of its navigation.
PAGES: list[PageKind] = [
    PageKind("home.html", _home, path="index.html"),
    PageKind("figures.html", _figures, nav="Figures"),
    PageKind(
        "statements.html",
        lambda site: {"by_state": _grouped(site.statements, "state_name", "office")},
        nav="Statements",
    ),
    PageKind("allegations.html", _allegations, nav="Testimonies"),
    PageKind("events.html", lambda site: {"timeline": _timeline(site, "rows/{}.html")}, nav="Events"),
    PageKind("entities.html", nav="People, bodies, places"),
    PageKind("sources.html", _sources_list, nav="Sources"),
    PageKind("search.html", nav="Search"),
    PageKind("downloads.html", nav="Downloads"),
    PageKind("about.html", nav="About"),
    PageKind("source.html", many=_sources),
    PageKind("entity.html", many=_entities),
    PageKind("row.html", many=_rows),
]
NAVIGATION = [(kind.nav, kind.address) for kind in PAGES if kind.nav]  # (label, path), in order
STATIC = ["style.css", "search.js", "print.js"]


def _environment() -> Environment:
    environment = Environment(
        loader=FileSystemLoader(HERE / "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.filters["link_or_text"] = link_or_text
    # a text of the package's own (the about page's items) with its `code` and *emphasis*, never raw HTML
    environment.filters["inline_markdown"] = lambda text: Markup(
        MarkdownIt("commonmark", {"html": False}).renderInline(str(text))
    )
    environment.globals["content_security_policy"] = CONTENT_SECURITY_POLICY
    environment.globals["date_words"] = facts.date_words
    environment.globals["when"] = facts.when
    return environment


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
            for same in site.possibly_same(ident)
        ]
        entries.append([*entry, also] if also else entry)
    return "const SEARCH_INDEX = " + json.dumps(entries, ensure_ascii=False, separators=(",", ":")) + ";\n"


def write(
    package: Package,
    database: Path,
    out: Path,
    about: list[tuple[str, str]],
    downloads: list[tuple[str, str]] = (),
    case_files: dict[str, list[tuple[str, str]]] | None = None,
) -> int:
    """Write the site into `out` (which must not exist); return the number of pages. `about` is what the about page
    says first, as (heading, text); `downloads`, every file of dist/ as (path in dist/, what it is); `case_files`, by
    entity ID, the (path in dist/, format) of its case file's downloads."""
    site = Site(package, database, about)
    site.downloads = list(downloads)
    site.case_files = case_files or {}
    environment = _environment()
    environment.globals["navigation"] = NAVIGATION
    environment.globals["made_on"] = datetime.date.today().isoformat()
    out.mkdir(parents=True)
    written = 0
    for kind in PAGES:
        template = environment.get_template(kind.template)
        for path, shown in kind.pages(site):
            depth = path.count("/")
            target = out / path
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(template.render(site=site, root="../" * depth, page=path, **shown), encoding="utf-8")
            written += 1
    for name in STATIC:
        shutil.copyfile(HERE / name, out / name)
    (out / "search-index.js").write_text(_search_index(site), encoding="utf-8")
    return written
