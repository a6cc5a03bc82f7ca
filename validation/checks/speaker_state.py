"""Check: a statement's state is filled as its speaker's office says (speaker_offices.state: required, optional or
empty), so that an analyst speaks for no state and a minister for one."""

from __future__ import annotations

from model.loader import Table
from model.problems import Code, Problem

from ..check import Check

OFFICES = "speaker_offices"


class SpeakerState(Check):
    name = "speaker_state"
    codes = {
        "state-not-as-office": Code(
            "a statement's state is filled, or empty, against what its speaker's office says (speaker_offices.state)",
            "fill state for an office that speaks for a state; empty it for an analyst, an activist or an "
            "intergovernmental body; or correct speaker_office",
        ),
    }

    def begin(self) -> None:
        self.office_state = {r.get("term", ""): r.get("state", "") for _, r in self.package.rows(OFFICES)}

    def wants(self, table: Table) -> bool:
        return "speaker_office" in table.header and "state" in table.header  # the statements

    def row(self, table: Table, number: int, record: dict[str, str]) -> list[Problem]:
        office = record.get("speaker_office")
        wanted = self.office_state.get(office or "")
        state = record.get("state", "")
        if wanted and ((wanted == "required" and not state) or (wanted == "empty" and state)):
            return [
                self.problem(
                    "state-not-as-office",
                    file=table.path,
                    row=number,
                    field="state",
                    message=f"speaker_office {office!r} has state {wanted}, but state is "
                    f"{repr(state) if state else 'empty'}",
                )
            ]
        return []
