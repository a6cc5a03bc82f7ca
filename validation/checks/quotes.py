"""Check 4: every quote is found in its archived source (whitespace runs compare equal; parts around … in order);
every value_text is found in its quote; every date_text in its quote or source; every spelling in the names
tables in the source it is credited to."""
from __future__ import annotations

from ..problems import Problem
from ..text import find_quote, squash

NAME = "quotes"
NAME_TABLES = ("person_names", "organization_names", "place_names")


class RowCheck:
    def __init__(self, package):
        self.texts = package.source_texts
        self.evidence = {table.name for table in package.evidence_tables}

    def wants(self, table) -> bool:
        return table.name in self.evidence or table.name in NAME_TABLES

    def row(self, table, row_number, row):
        source_id = row.get("source_id", "")
        if source_id not in self.texts:
            return None  # an unknown source is a foreign-key problem, a missing text a source_files problem
        source = self.texts[source_id]
        if table.name in NAME_TABLES:
            spelling = squash(row.get("name", ""))
            if spelling and spelling not in source:
                return [Problem(NAME, table.path, row_number, "name", f"{spelling!r} is not in sources/{source_id}.txt",
                                "record the spelling exactly as the source prints it, credited to a source that prints it")]
            return None
        quote = squash(row.get("quote", ""))
        if not quote:
            return None
        missing = find_quote(quote, source)
        if missing is not None:
            shown = missing if len(missing) <= 80 else missing[:77] + "..."
            return [Problem(NAME, table.path, row_number, "quote", f"not found in sources/{source_id}.txt: {shown!r}",
                            "copy the passage exactly from the archived text; mark an omission with … (U+2026)")]
        found = []
        value_text = squash(row.get("value_text", ""))
        if value_text and value_text not in quote:
            found.append(Problem(NAME, table.path, row_number, "value_text", f"{value_text!r} is not in the row's quote",
                                 "write the number exactly as the quote words it, or widen the quote"))
        date_text = squash(row.get("date_text", ""))
        if date_text and date_text not in quote and date_text not in source:
            found.append(Problem(NAME, table.path, row_number, "date_text",
                                 f"{date_text!r} is in neither the quote nor sources/{source_id}.txt",
                                 "copy the source's own words for the date"))
        return found

    def finish(self):
        return ()
