"""The evidence site of dist/site: every internal link and anchor resolves; every evidence row's quote is
highlighted on its source page under an anchor named by its ID; from the home page, the passage behind any figure,
testimony or statement is at most three clicks away; the HTML is valid (the Nu Html Checker, where Java is
installed); uncited passages are counted without page furniture."""

from __future__ import annotations

import html
import json
import re
import shutil
import subprocess
from collections import deque
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from model.loader import Package
from model.text import ELLIPSIS, squash
from tests.faults import REPO

from . import pages, svg_map, timeline

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One run over every page is too short for Java's optimising compiler to pay: the quick compiler alone and the serial
# garbage collector halve the checker's CPU time (its stack must then be larger than the default, or it overflows).
JAVA_FOR_ONE_RUN = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xss4m"]


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        for name in ("href", "src"):
            if found.get(name):
                self.links.append(found[name])


@pytest.fixture(scope="module")
def site(dist_folder: Path) -> dict[Path, _Links]:
    parsed = {}
    for path in (dist_folder / "site").rglob("*.html"):
        parser = _Links()
        parser.feed(path.read_text(encoding="utf-8"))
        parsed[path] = parser
    return parsed


def _internal(link: str) -> bool:
    return not re.match(r"^[a-z]+:", link)


def test_every_internal_link_and_anchor_resolves(site, dist_folder):
    broken = []
    for path, parser in site.items():
        for link in filter(_internal, parser.links):
            parts = urlsplit(link)
            target = (path.parent / unquote(parts.path)).resolve() if parts.path else path
            if not target.is_file():
                broken.append((path.name, link))
            elif parts.fragment and parts.fragment not in site.get(target, _Links()).ids:
                broken.append((path.name, link))
    assert not broken, broken[:10]
    assert len(site) > 100


def _marked_after(page: str, ident: str) -> str:
    """The text of the highlighted run that follows the anchor named `ident`, without the other rows' anchors."""
    start = page.index(f'id="{ident}"')
    run = page[page.index("</a>", start) + 4 :]
    run = re.sub(r'<a class="row-ref"[^>]*>[^<]*</a>', "", run)
    texts, mark = [], re.compile(r"<mark[^>]*>(.*?)</mark>", flags=re.S)
    while found := mark.match(run):
        texts.append(html.unescape(found.group(1)))
        run = run[found.end() :]
    return squash("".join(texts))


def test_every_row_quote_is_highlighted_on_its_source_page_under_its_id(dist_folder):
    site = pages.Site(Package(dist_folder.parent), dist_folder / "detentions.db", [])
    assert len(site.rows) > 200
    for row in site.rows.values():
        page = (dist_folder / "site" / "sources" / f"{row.source_id}.html").read_text(encoding="utf-8")
        assert f'id="{row.ident}"' in page, row.ident
        first = squash(row.quote.split(ELLIPSIS)[0])
        assert _marked_after(page, row.ident).startswith(html.unescape(first)), row.ident


def test_the_passage_behind_any_figure_testimony_or_statement_is_three_clicks_from_home(site, dist_folder):
    home = (dist_folder / "site" / "index.html").resolve()
    depth = {home: 0}
    reached: dict[str, int] = {}  # "sources/x.html#ROW": clicks
    queue = deque([home])
    while queue:
        page = queue.popleft()
        for link in filter(_internal, site[page].links):
            parts = urlsplit(link)
            target = (page.parent / parts.path).resolve() if parts.path else page
            clicks = depth[page] + 1
            if parts.fragment and target.parent.name == "sources":
                reached.setdefault(parts.fragment, clicks)
            if target.suffix == ".html" and target not in depth and clicks < 3:
                depth[target] = clicks
                queue.append(target)
    rows = pages.Site(Package(dist_folder.parent), dist_folder / "detentions.db", []).rows.values()
    wanted = [r.ident for r in rows if r.table in ("statistics", "testimonies", "statements")]
    far = [ident for ident in wanted if reached.get(ident, 99) > 3]
    assert wanted and not far, far[:10]


def test_uncited_words_leave_out_page_furniture(dist_folder):
    site = pages.Site(Package(dist_folder.parent), dist_folder / "detentions.db", [])
    source = next(s for s in site.sources if site.furniture.get(s["source_id"]))
    passages, uncited, total = site.passages(source["source_id"])
    furniture = [p for p in passages if p.furniture]
    assert furniture and not any(p.uncited_id for p in furniture)
    site.furniture[source["source_id"]] = []
    site._passages.clear()
    _, uncited_without, total_without = site.passages(source["source_id"])
    assert total_without > total and uncited_without > uncited


MOGUDONG, MOGDUN = "per-kuliziya-mogudong", "per-kulziwa-mogdun"  # linked as possibly the same, kept apart


def _row_links(page: str) -> set[str]:
    return set(re.findall(r'href="\.\./rows/([^"]+)\.html"', page))


def test_a_person_page_shows_a_possibly_same_persons_facts_apart_labelled_and_linked(dist_folder):
    persons = dist_folder / "site" / "persons"
    for ident, other, name, theirs, own in [
        (MOGUDONG, MOGDUN, "Kulziwa Mogdun", "evt-0006", "sta-0002"),  # his release on her page
        (MOGDUN, MOGUDONG, "Kuliziya Mogudong", "sta-0002", "evt-0006"),  # her compensation claim on his page
    ]:
        page = (persons / f"{ident}.html").read_text(encoding="utf-8")
        before, section = page.split('<section class="possibly-same"', 1)
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", section, flags=re.S).group(1)
        assert re.sub(r"<[^>]+>", "", heading) == f"Possibly the same person: {name}"
        assert f'href="../persons/{other}.html"' in heading
        assert "not certain" in section and f"What follows is said of {html.escape(name)}" in section
        assert theirs in _row_links(section) and theirs not in _row_links(before)
        assert own in _row_links(before) and own not in _row_links(section)


def test_the_search_index_brings_up_a_possibly_same_person_labelled_so(dist_folder):
    script = (dist_folder / "site" / "search-index.js").read_text(encoding="utf-8")
    entries = json.loads(script.removeprefix("const SEARCH_INDEX = ").rstrip().removesuffix(";"))
    (mogudong,) = [e for e in entries if e[1] == f"persons/{MOGUDONG}.html"]
    assert "Mogdun" not in mogudong[2]  # not found by the other's name
    assert mogudong[3] == [
        [
            "Kulziwa Mogdun",
            f"persons/{MOGDUN}.html",
            "possibly the same person as Kuliziya Mogudong; the package keeps them apart",
        ]
    ]
    assert all(len(e) == 3 for e in entries if e[1].startswith("rows/"))


@pytest.mark.slow  # starts Java
@pytest.mark.skipif(
    shutil.which("java") is None or not VNU.is_file(),
    reason="needs Java (Debian: apt-get install default-jre-headless) and `npm ci` (vnu-jar)",
)
def test_every_page_is_valid_html(dist_folder):
    checked = subprocess.run(
        ["java", *JAVA_FOR_ONE_RUN, "-jar", str(VNU), "--errors-only", "--skip-non-html", str(dist_folder / "site")],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert checked.returncode == 0, checked.stderr[:3000]


def test_a_place_is_drawn_as_vague_as_its_precision():
    places = [svg_map.Place("pl-a", "A", 43.0, 76.9, "2"), svg_map.Place("pl-b", "B", 48.0, 66.9, "6")]
    drawn, outside = svg_map.draw(places, {"2": "Near a location", "6": "Country"}, "places/{}.html")
    assert not outside
    city, country = re.findall(r'<circle class="([^"]*)"[^>]* r="(\d+)"', str(drawn))[::-1]
    assert "vague" in country[0] and "vague" not in city[0] and int(country[1]) > int(city[1])


def test_the_timeline_shows_uncertain_dates_and_open_ends():
    events = [
        timeline.event("evt-1", "arrest", "2018-05-22?", "", "2018-05-22", "2018-05-22"),
        timeline.event("evt-2", "detention", "2022-04", "..", "2022-04-01", ""),
        timeline.event("evt-3", "release", "", "", "", ""),
    ]
    assert events[2] is None
    drawn = str(timeline.draw([e for e in events if e], "rows/{}.html"))
    assert 'class="event uncertain"' in drawn and 'marker-end="url(#open-end)"' in drawn


def test_the_figures_page_shows_every_rule_for_reading_a_figures_words(dist_folder):
    from model import figure_words

    page = html.unescape((dist_folder / "site" / "figures.html").read_text(encoding="utf-8"))
    rules = figure_words.rules()
    assert rules and all(f"<td>{rule.words}</td>" in page for rule in rules)
    assert "tens of thousands" in page and "20,000" in page and "99,999" in page


def test_a_source_page_lists_where_the_text_is_published(dist_folder):
    package = Package(dist_folder.parent)
    for meta in package.source_metadata[0]:
        page = (dist_folder / "site" / "sources" / f"{meta['source_id']}.html").read_text(encoding="utf-8")
        for copy in meta["located_copies"]:
            assert f'href="{html.escape(copy["url"])}"' in page, copy["url"]


# What a reader's eye skips when the visible text is checked for column names and raw terms: the sources' own words
# (quotes, the archived text, its context), what is meant to be pasted or cited (citations in CSL-JSON and BibTeX,
# references to cite, file names), scripts and styles.
SKIPPED = {"q", "blockquote", "pre", "script", "style", "mark", "title"}
SKIPPED_CLASSES = {"source-text", "context", "ref", "file", "hash"}
_VOID = {"br", "img", "input", "meta", "link", "hr", "wbr", "source", "area", "col", "base", "embed", "track"}


class _VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.stack: list[bool] = []  # for each open element, whether its text is skipped
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        self.stack.append(bool(self.stack and self.stack[-1]) or tag in SKIPPED or bool(classes & SKIPPED_CLASSES))

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        if not (self.stack and self.stack[-1]):
            self.parts.append(data)


def visible_text(page: str) -> str:
    parser = _VisibleText()
    parser.feed(page)
    return " ".join(parser.parts)


def raw_words(package: Package) -> set[str]:
    """What a reader must never see: every column name and table name of more than one word (a single-word name is
    also an English word), and every vocabulary term of more than one word, as the data writes them."""
    from derived import database

    found = set()
    for resource in package.descriptor["resources"]:
        found |= {f["name"] for f in resource["schema"]["fields"] if "_" in f["name"]}
        found |= {resource["name"]} if "_" in resource["name"] else set()
        if package.model.get(resource["name"]).role == "vocabulary":
            found |= {row["term"] for _, row in package.rows(resource["name"]) if "-" in row["term"]}
    for ready in database.ready_tables(package):
        found |= {column for column in ready.columns if "_" in column} | {ready.name}
    return found


def test_no_page_shows_a_column_name_or_a_raw_term(dist_folder):
    words = raw_words(Package(dist_folder.parent))
    pattern = re.compile(
        r"(?<![\w-])(" + "|".join(map(re.escape, sorted(words, key=len, reverse=True))) + r")(?![\w-])"
    )
    shown = {}
    for path in sorted((dist_folder / "site").rglob("*.html")):
        found = set(pattern.findall(visible_text(path.read_text(encoding="utf-8"))))
        if found:
            shown[str(path.relative_to(dist_folder / "site"))] = sorted(found)
    assert not shown, list(shown.items())[:10]


def test_the_visible_text_check_sees_a_column_name_and_a_raw_term():
    words = {"witness_person_id", "arbitrary-detention"}
    page = '<p>As witness_person_id: <q>arbitrary-detention</q> <span class="ref">arbitrary-detention</span></p>'
    text = visible_text(page)
    assert "witness_person_id" in text and "arbitrary-detention" not in text and words
