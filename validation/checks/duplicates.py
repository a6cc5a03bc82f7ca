"""Check 9 (warnings only): likely duplicates, entities of one kind whose names are much alike but that are not
linked: by the entity's same-as field where it has one (persons: possibly_same_as), and for any entity by naming
the other's ID in its notes (which is how a curator records that two similar names are two different things)."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from difflib import SequenceMatcher

from model.problems import WARNING, Code, Problem

from ..check import Check

THRESHOLD = 0.8


def folded(name: str) -> str:
    """A name as compared: case, accents and punctuation set aside."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in decomposed if c.isalnum() or c == " ")


class Duplicates(Check):
    name = "duplicates"
    codes = {
        "likely-duplicate": Code(
            "two entities of one kind have much the same name and are neither linked nor marked distinct",
            "merge them if they are one; link them if they may be; if they are not, say so in "
            "the notes of one of them, naming the other's ID",
            WARNING,
        ),
    }

    def end(self) -> Iterator[Problem]:
        for entity in self.package.model.entities:
            table = self.package.table(entity.name)
            key, link = entity.id_field, entity.same_as
            if table is None or not key:
                continue
            entries = [
                (
                    n,
                    row.get(key, ""),
                    folded(row.get("name", "")),
                    row.get(link, "") if link else "",
                    row.get("notes", ""),
                )
                for n, row in table.records()
            ]
            # SequenceMatcher's ratio is at most 2*min/(a+b) for lengths a and b, so names whose lengths differ by
            # more than that allows cannot reach the threshold: sorted by length, each name meets only those near it.
            entries.sort(key=lambda e: (len(e[2]), e[0]))
            found = []
            for i, (number, ident, name, linked, notes) in enumerate(entries):
                for other_number, other, other_name, other_linked, other_notes in entries[i + 1 :]:
                    if 2 * len(name) < THRESHOLD * (len(name) + len(other_name)):
                        break
                    if (
                        linked == other
                        or other_linked == ident
                        or (other and other in notes)
                        or (ident and ident in other_notes)
                    ):
                        continue
                    # the ratio depends on the order of its arguments: compare in row order, as the rows stand
                    (first_row, first, a), (_, second, b) = sorted(
                        [(number, ident, name), (other_number, other, other_name)]
                    )
                    matcher = SequenceMatcher(None, a, b)
                    if (
                        matcher.real_quick_ratio() >= THRESHOLD
                        and matcher.quick_ratio() >= THRESHOLD
                        and matcher.ratio() >= THRESHOLD
                    ):
                        found.append((first_row, first, second))
            for number, ident, other in sorted(found):
                yield self.problem(
                    "likely-duplicate",
                    file=table.path,
                    row=number,
                    field="name",
                    message=f"{ident} and {other} have much the same name",
                    hint="if they are one, merge them (keep the older ID); if they may be, link them"
                    + (" with possibly_same_as" if link else " in notes")
                    + f"; if they are not, say so in the notes of one of them, naming the other's ID ({other})",
                )
