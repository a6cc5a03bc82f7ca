"""Check 4: every quote is found in its archived source (whitespace runs compare equal; parts around … in order)
and begins and ends on a word's edge; every value_text is found in its quote; every date_text in its quote or
source; every spelling in the names tables in the source it is credited to."""

from __future__ import annotations

from model.loader import Table
from model.problems import Code, Problem
from model.text import find_quote, nearest, squash, word_cut

from ..check import Check


class Quotes(Check):
    name = "quotes"
    codes = {
        "quote-not-found": Code(
            "a quote is not in its archived source",
            "copy the passage exactly from the archived text; mark an omission with … (U+2026)",
        ),
        "quote-cuts-a-word": Code(
            "a quote begins or ends inside a word of its source",
            "widen the quote to whole words (or cut it at a word's edge)",
        ),
        "value-text-not-in-quote": Code(
            "a figure's value_text is not in its quote",
            "write the number exactly as the quote words it, or widen the quote",
        ),
        "date-text-not-found": Code(
            "a date_text is in neither its row's quote nor its source", "copy the source's own words for the date"
        ),
        "spelling-not-in-source": Code(
            "a spelling in a names table is not in the source it is credited to",
            "record the spelling exactly as the source prints it, credited to a source that prints it",
        ),
    }

    def begin(self) -> None:
        self.texts = self.package.source_texts
        self.evidence = {t.name for t in self.package.model.evidence}
        self.names = {t.name for t in self.package.model.names_tables}

    def wants(self, table: Table) -> bool:
        return table.name in self.evidence or table.name in self.names

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        source_id = record.get("source_id", "")
        if source_id not in self.texts:
            return []  # an unknown source is a foreign-key problem, a missing text a source_files problem
        source = self.texts[source_id]
        if table.name in self.names:
            spelling = squash(record.get("name", ""))
            if spelling and spelling not in source:
                return [
                    self.problem(
                        "spelling-not-in-source",
                        file=table.path,
                        row=number,
                        field="name",
                        message=f"{spelling!r} is not in sources/{source_id}.txt",
                    )
                ]
            return []
        quote = squash(record.get("quote", ""))
        if not quote:
            return []
        missing = find_quote(quote, source)
        if missing is not None:
            passage, difference = nearest(missing, source)
            ident = self.package.model.get(table.name).id_field
            return [
                self.problem(
                    "quote-not-found",
                    file=table.path,
                    row=number,
                    field="quote",
                    message=f"the quote of {record.get(ident, '') if ident else 'this row'} is not in "
                    f"sources/{source_id}.txt; nearest passage: {passage!r}; {difference}",
                    detail={
                        "quote": record.get("quote", ""),
                        "missing": missing,
                        "nearest": passage,
                        "difference": difference,
                    },
                )
            ]
        found = []
        cut = word_cut(quote, source)
        if cut is not None:
            found.append(
                self.problem(
                    "quote-cuts-a-word",
                    file=table.path,
                    row=number,
                    field="quote",
                    message=f"{cut[:60]!r} begins or ends inside a word of sources/{source_id}.txt",
                )
            )
        value_text = squash(record.get("value_text", ""))
        if value_text and value_text not in quote:
            found.append(
                self.problem(
                    "value-text-not-in-quote",
                    file=table.path,
                    row=number,
                    field="value_text",
                    message=f"{value_text!r} is not in the row's quote",
                )
            )
        date_text = squash(record.get("date_text", ""))
        if date_text and date_text not in quote and date_text not in source:
            found.append(
                self.problem(
                    "date-text-not-found",
                    file=table.path,
                    row=number,
                    field="date_text",
                    message=f"{date_text!r} is in neither the quote nor sources/{source_id}.txt",
                )
            )
        return found
