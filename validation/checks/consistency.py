"""Check: rows agree with each other. A statement's state is the country of the body that speaks; a victim's own
account has its witness as its subject; no two evidence rows of a table are the same but for their ID (the rows of
the link tables hanging on them counted, so that two testimonies differing only in an allegation are two)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from model.loader import Table
from model.problems import Code, Problem

from ..check import Check

MASK = (1 << 64) - 1


class Consistency(Check):
    name = "consistency"
    codes = {
        "state-not-as-speaker": Code(
            "a statement's state differs from the country of the body that speaks",
            "set state to the speaking body's country (organizations.country), or correct the speaker",
        ),
        "victim-account-not-own": Code(
            "a testimony whose witness is its victim names another person, or none, as its subject",
            "make the witness the subject, or choose the source_connection that fits (relative, witness...)",
        ),
        "evidence-row-repeated": Code(
            "two evidence rows are the same but for their ID",
            "delete the repeat (its ID is then never reused), or record what tells the two apart",
        ),
    }

    def begin(self) -> None:
        model = self.package.model
        self.countries = {r.get("org_id", ""): r.get("country", "") for _, r in self.package.rows("organizations")}
        self.evidence = {t.name: t for t in model.evidence if t.id_field}
        self.links = {t.name: model.get(t.of) for t in model.links if t.of in self.evidence}
        # evidence table: {hash of a row's values but its ID: (first row number, its ID)}, and the rows whose
        # values repeat an earlier row's: (row number, ID, first's ID)
        self.seen: dict[str, dict[int, tuple[int, str]]] = defaultdict(dict)
        self.repeats: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        self.linked: dict[str, int] = defaultdict(int)  # evidence ID: sum of its link rows' hashes
        self.key_at: dict[str, int] = {}

    def wants(self, table: Table) -> bool:
        if table.name in self.evidence:
            key = self.evidence[table.name].id_field
            self.key_at[table.name] = table.header.index(key) if key in table.header else -1
        return table.name in self.evidence or table.name in self.links

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        if table.name in self.links:
            field = self.links[table.name].id_field
            owner = record.get(field, "")
            values = tuple(v for k, v in record.items() if k != field)
            self.linked[owner] = (self.linked[owner] + hash(values)) & MASK
            return []
        key = self.evidence[table.name].id_field
        ident = record.get(key, "")
        cells = list(record.values())
        if 0 <= self.key_at[table.name] < len(cells):
            cells[self.key_at[table.name]] = ""  # a row's values but its ID
        values = hash(tuple(cells))
        first = self.seen[table.name].setdefault(values, (number, ident))
        if first[0] != number:
            self.repeats[table.name].append((number, ident, first[1]))
        found = []
        where = {"file": table.path, "row": number}
        state, body = record.get("state", ""), record.get("speaker_org_id", "")
        if state and body and self.countries.get(body) and self.countries[body] != state:
            found.append(
                self.problem(
                    "state-not-as-speaker",
                    field="state",
                    message=f"state is {state}, but {body} is a body of {self.countries[body]}",
                    **where,
                )
            )
        if record.get("source_connection") == "victim":
            witness = record.get("witness_person_id") or record.get("witness_description", "")
            subject = record.get("subject_person_id") or record.get("subject_description", "")
            if witness != subject:
                found.append(
                    self.problem(
                        "victim-account-not-own",
                        field="subject_person_id",
                        message=f"the witness ({witness or 'none'}) tells of their own case, but the subject is "
                        f"{subject or 'none'}",
                        **where,
                    )
                )
        return found

    def end(self) -> Iterator[Problem]:
        for name, repeats in self.repeats.items():
            table = self.evidence[name]
            for number, ident, first in repeats:
                if self.linked.get(ident, 0) == self.linked.get(first, 0):
                    yield self.problem(
                        "evidence-row-repeated",
                        file=table.path,
                        row=number,
                        field=table.id_field,
                        message=f"{ident} is the same as {first} but for its ID",
                    )
