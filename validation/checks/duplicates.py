"""Check 9 (warnings only): likely duplicates, entities of one kind whose names are much alike but that are not
linked: for persons by possibly_same_as, and for any entity by naming the other's ID in its notes (which is how a
curator records that two similar names are two different things)."""
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
        entries = [(n, row.get(key, ""), _key(row.get("name", "")), row.get(link, "") if link else "", row.get("notes", ""))
                   for n, row in table.records()]
        # SequenceMatcher's ratio is at most 2*min/(a+b) for lengths a and b, so names whose lengths differ by more
        # than that allows cannot reach the threshold: sorted by length, each name meets only those near its own.
        entries.sort(key=lambda e: (len(e[2]), e[0]))
        found = []
        for i, (row_number, ident, folded, linked, notes) in enumerate(entries):
            for other_row, other, other_folded, other_linked, other_notes in entries[i + 1:]:
                if 2 * len(folded) < THRESHOLD * (len(folded) + len(other_folded)):
                    break
                if linked == other or other_linked == ident or (other and other in notes) or (ident and ident in other_notes):
                    continue
                # the ratio depends on the order of its arguments: compare in row order, as the rows stand
                (first_row, first, a), (_, second, b) = sorted([(row_number, ident, folded), (other_row, other, other_folded)])
                matcher = SequenceMatcher(None, a, b)
                if matcher.real_quick_ratio() >= THRESHOLD and matcher.quick_ratio() >= THRESHOLD and matcher.ratio() >= THRESHOLD:
                    found.append((first_row, first, second))
        for row_number, ident, other in sorted(found):
            yield Problem(NAME, table.path, row_number, "name",
                          f"{ident} and {other} have much the same name",
                          "if they are one, merge them (keep the older ID); if they may be, link them"
                          + (" with possibly_same_as" if link else " in notes")
                          + f"; if they are not, say so in the notes of one of them, naming the other's ID ({other})",
                          "warning")
