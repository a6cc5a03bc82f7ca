"""Each person's case file, for download beside their page: a Word document (python-docx; lawyers edit in Word) and a
CSV file, holding what the page holds (derived/facts.py: the case sheet first, who they are, what the sources say by
date, the facts of an entry that may be the same person) with every citation as a numbered endnote naming the
source, its archived copy and SHA-256, the package and its version, and the rows.

dist/case-files/<person_id>.docx and dist/case-files/<person_id>.csv."""

from __future__ import annotations

import csv
import datetime
import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from docx import Document
from docx.shared import Pt

from model.loader import Package

from .facts import NOT_IN_THE_SOURCES, CaseFile, Fact, Facts, shown_fields

FOLDER = "case-files"
PERSONS = "persons"
CSV_HEADER = ["Section", "Element", "Note", "What the sources say", "When", "Quote", "Rows", "Citation"]


def people(package: Package) -> list[str]:
    """The IDs of the persons a case file is made for: every person."""
    table = package.model.get(PERSONS)
    return [row[table.id_field] for _, row in package.rows(PERSONS)] if table else []


def files(package: Package) -> list[tuple[str, str]]:
    """(path in dist/, what it is) of every case file."""
    names = {row["person_id"]: row["name"] for _, row in package.rows(PERSONS)}
    found = []
    for ident in people(package):
        found.append((f"{FOLDER}/{ident}.docx", f"The case file of {names[ident]}, as a Word document"))
        found.append((f"{FOLDER}/{ident}.csv", f"The case file of {names[ident]}, as CSV"))
    return found


def links(package: Package) -> dict[str, list[tuple[str, str]]]:
    """By person: (path in dist/, words for the link) of their case file's downloads, for their page."""
    return {
        ident: [
            (f"{FOLDER}/{ident}.docx", "The case file as a Word document (.docx)"),
            (f"{FOLDER}/{ident}.csv", "The case file as CSV, for a spreadsheet"),
        ]
        for ident in people(package)
    }


def entries(case_file: CaseFile) -> Iterator[list[str]]:
    """The case file as rows of CSV_HEADER: the case sheet element by element, then what the sources say, then each
    possibly-same entry's facts."""
    for element in case_file.elements:
        if not element.facts:
            yield ["Case sheet", element.label, "", NOT_IN_THE_SOURCES, "", "", "", ""]
        for f in element.facts:
            yield [
                "Case sheet",
                element.label,
                str(f["note"]),
                f["fact"],
                f["when"],
                f["quote"],
                f["row"],
                f["citation"],
            ]

    def fact_row(section: str, fact: Fact) -> list[str]:
        return [section, "", str(fact.note), fact.sentence, fact.when, fact.quote, ", ".join(fact.rows), fact.citation]

    for fact in case_file.dated + case_file.undated:
        yield fact_row("What the sources say", fact)
    for other, facts in case_file.possibly_same:
        for fact in facts:
            yield fact_row(f"Said of {other['name']}, possibly the same person", fact)


def csv_bytes(case_file: CaseFile) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    writer.writerows(entries(case_file))
    return ("\ufeff" + out.getvalue()).encode("utf-8")  # with a byte-order mark, as spreadsheets want


def _fact_paragraphs(document: Document, entity_name: str, facts: list[Fact]) -> None:
    for fact in facts:
        paragraph = document.add_paragraph(style="List Number")
        paragraph.add_run(fact.sentence)
        paragraph.add_run(f" [{fact.note}]").bold = True
        if fact.roles:
            document.add_paragraph(f"{entity_name} in it: {'; '.join(fact.roles)}.")
        if fact.summary:
            document.add_paragraph(f"In the package's words: {fact.summary}")
        document.add_paragraph(f"“{fact.quote}”", style="Quote")


def docx_bytes(case_file: CaseFile, package: Package, facts: Facts, spellings: list[dict]) -> bytes:
    descriptor = package.descriptor
    entity = case_file.entity
    document = Document()
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = f"Case file: {entity['name']}"
    document.core_properties.comments = f"{descriptor.get('title', '')}, version {descriptor.get('version', '')}"
    document.add_heading(entity["name"], level=0)
    document.add_paragraph(
        f"Case file from {descriptor.get('title', '')}, version {descriptor.get('version', '')}, made on "
        f"{datetime.date.today().isoformat()}. Every fact is a claim by a named source, with its words; the notes at "
        "the end name each source, its archived copy and SHA-256. Reference to cite: "
        f"{entity.get('person_id', '')}."
    )
    if case_file.elements:
        document.add_heading("Case sheet", level=1)
        document.add_paragraph(
            f"The sources report {entity['name']} {case_file.case}. Each element the UN Working Group on Enforced or "
            "Involuntary Disappearances asks of a case, with what the sources say, or that they do not say it."
        )
        for element in case_file.elements:
            document.add_heading(element.label, level=2)
            if not element.facts:
                document.add_paragraph(NOT_IN_THE_SOURCES)
            for f in element.facts:
                paragraph = document.add_paragraph(style="List Bullet")
                paragraph.add_run(f["fact"] + (f" ({f['when']})" if f["when"] else ""))
                if f.get("precision_note"):
                    paragraph.add_run(f" {f['precision_note']}").italic = True
                paragraph.add_run(f" “{f['quote']}”")
                paragraph.add_run(f" [{f['note']}]").bold = True
    document.add_heading("Who they are", level=1)
    for field in shown_fields(package, PERSONS):
        value = facts.words(PERSONS, field["name"], entity.get(field["name"]))
        if value:
            document.add_paragraph(f"{field.get('title') or field['name']}: {value}")
    document.add_heading("Spellings, and the sources that print them", level=2)
    for spelling in spellings:
        source = facts.sources.get(spelling["source_id"], {})
        document.add_paragraph(
            f"“{spelling['name']}”, in {source.get('publisher') or 'a source whose publisher is not named'}, "
            f"“{source.get('title', '')}”" + (f" ({spelling['note']})" if spelling.get("note") else ""),
            style="List Bullet",
        )
    document.add_heading("What the sources say", level=1)
    if not case_file.dated and not case_file.undated:
        document.add_paragraph(f"No row cites {entity['name']}.")
    _fact_paragraphs(document, entity["name"], case_file.dated)
    if case_file.undated:
        document.add_heading("Undated", level=2)
        _fact_paragraphs(document, entity["name"], case_file.undated)
    for other, others in case_file.possibly_same:
        document.add_heading(f"Possibly the same person: {other['name']}", level=1)
        document.add_paragraph(
            f"{entity['name']} and {other['name']} may be one person, but it is not certain: the package keeps them "
            f"apart, as two. What follows is said of {other['name']}, not of {entity['name']}."
        )
        _fact_paragraphs(document, other["name"], others)
    if case_file.endnotes:
        document.add_heading("Sources cited", level=1)
        for number, citation in enumerate(case_file.endnotes, 1):
            document.add_paragraph(f"[{number}] {citation}")
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def write(package: Package, database: Path, out: Path) -> None:
    """Write every person's case file, as .docx and CSV, into out/ (made here)."""
    out.mkdir()
    db = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        facts = Facts(package, db)
        spellings: dict[str, list[dict]] = {}
        for _, row in package.rows("person_names"):
            spellings.setdefault(row["person_id"], []).append(row)
        for _, entity in package.rows(PERSONS):
            ident = entity["person_id"]
            case_file = facts.case_file(entity, "person", ident)
            (out / f"{ident}.csv").write_bytes(csv_bytes(case_file))
            (out / f"{ident}.docx").write_bytes(docx_bytes(case_file, package, facts, spellings.get(ident, [])))
    finally:
        db.close()
