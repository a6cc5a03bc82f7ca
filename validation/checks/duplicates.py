"""Check 9 (warnings only): likely duplicates, entities of one kind whose names are much alike but that are not
linked (for persons, by possibly_same_as)."""
from __future__ import annotations

import unicodedata
from difflib import SequenceMatcher

from ..problems import Problem

NAME = "duplicates"
THRESHOLD = 0.8
TABLES = {"persons": ("person_id", "possibly_same_as"), "organizations": ("org_id", None), "places": ("place_id", None)}


def _key(name: str) -> str:
    folded = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in folded if c.isalnum() or c == " ")


def run(package):
    for name, (key, link) in TABLES.items():
        table = package.table(name)
        if table is None:
            continue
        entries = [(n, row.get(key, ""), _key(row.get("name", "")), row.get(link, "") if link else "") for n, row in table.records()]
        for i, (row_number, ident, folded, linked) in enumerate(entries):
            for _, other, other_folded, other_linked in entries[i + 1:]:
                if linked == other or other_linked == ident:
                    continue
                matcher = SequenceMatcher(None, folded, other_folded)
                if matcher.real_quick_ratio() >= THRESHOLD and matcher.quick_ratio() >= THRESHOLD and matcher.ratio() >= THRESHOLD:
                    yield Problem(NAME, table.path, row_number, "name",
                                  f"{ident} and {other} have much the same name",
                                  "if they are one, merge them (keep the older ID); if they may be, link them"
                                  + (" with possibly_same_as" if link else " in notes") + "; if not, ignore this warning",
                                  "warning")
