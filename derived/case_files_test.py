"""A person's case sheet is the same in the view (case_sheets), on their page, in their Word document and in their
CSV file: every element, every fact's quote and every citation, numbered alike."""

from __future__ import annotations

import csv
import html
import io
import re
import sqlite3
from collections import defaultdict

from docx import Document

from . import case_files


def _sheets(dist_folder) -> dict[str, list[dict]]:
    with sqlite3.connect(dist_folder / "detentions.db") as db:
        db.row_factory = sqlite3.Row
        found = defaultdict(list)
        for row in db.execute("SELECT * FROM case_sheets"):
            found[row["person_id"]].append(dict(row))
    return found


def _flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _read(dist_folder, person: str) -> tuple[str, str, list[dict]]:
    """The person's page and Word document as flat text, and their CSV file's case sheet rows."""
    page = _flat(html.unescape((dist_folder / "site" / "persons" / f"{person}.html").read_text(encoding="utf-8")))
    document = Document(str(dist_folder / case_files.FOLDER / f"{person}.docx"))
    text = _flat(" ".join(p.text for p in document.paragraphs))
    raw = (dist_folder / case_files.FOLDER / f"{person}.csv").read_bytes().decode("utf-8-sig")
    return page, text, [e for e in csv.DictReader(io.StringIO(raw)) if e["Section"] == "Case sheet"]


def disagreements(rows: list[dict], page: str, text: str, entries: list[dict]) -> list[str]:
    """Where the page, the Word text or the CSV rows differ from the view's rows of one person."""
    found = []
    numbered = {citation: number for number, citation in re.findall(r'<li id="note-(\d+)">(.*?)</li>', page)}
    if len(entries) != len(rows):
        found.append(f"the CSV file has {len(entries)} case sheet rows, the view {len(rows)}")
    for row, entry in zip(rows, entries):
        label = row["element_label"]
        if entry["Element"] != label or label not in page or label not in text:
            found.append(f"element {label!r} is not everywhere")
        if row["citation"] is None:
            if entry["What the sources say"] != "Not in the sources.":
                found.append(f"{label}: the CSV file does not say it is not in the sources")
            continue
        quote, citation = _flat(row["quote"]), _flat(row["citation"])
        if f"“{quote}”" not in text or quote not in page or entry["Quote"] != row["quote"]:
            found.append(f"{label}: the quote {quote[:40]!r} is not everywhere")
        number = numbered.get(citation)
        if number is None or entry["Note"] != number or f"[{number}] {citation}" not in text:
            found.append(f"{label}: the citation {citation[-40:]!r} is not numbered alike everywhere")
        if entry["Citation"] != row["citation"]:
            found.append(f"{label}: the CSV file's citation differs")
    return found


def test_the_view_the_page_the_docx_and_the_csv_agree(dist_folder):
    sheets = _sheets(dist_folder)
    assert len(sheets) >= 10
    for person, rows in sheets.items():
        assert not disagreements(rows, *_read(dist_folder, person)), person


def test_a_quote_or_citation_missing_from_the_page_is_seen(dist_folder):
    sheets = _sheets(dist_folder)
    person, rows = next((p, r) for p, r in sheets.items() if any(row["quote"] for row in r))
    page, text, entries = _read(dist_folder, person)
    row = next(row for row in rows if row["quote"])
    assert not disagreements(rows, page, text, entries)
    assert disagreements(rows, page.replace(_flat(row["quote"]), ""), text, entries)
    assert disagreements(rows, page, text.replace(_flat(row["citation"]), ""), entries)
