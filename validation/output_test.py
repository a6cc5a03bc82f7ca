"""The checker's report: each problem on a line of its own naming severity, code, check, file, row and field, then
what to do; a verdict last; the same problems in the --json report with its version."""

from __future__ import annotations

import json

from model.problems import Problem

from .output import REPORT_VERSION, exit_code, render_json, render_text

ERROR = Problem(
    check="quotes",
    code="quote-not-found",
    file="data/testimonies.csv",
    row=5,
    field="quote",
    message="not found",
    hint="copy the passage",
)
WARNING = Problem(
    check="duplicates",
    code="likely-duplicate",
    file="data/persons.csv",
    row=2,
    field="name",
    message="alike",
    hint="link them",
    severity="warning",
)


def test_text_names_code_check_and_place_and_ends_with_the_verdict():
    lines = render_text([WARNING, ERROR]).splitlines()
    assert lines == [
        "ERROR quote-not-found [quotes] data/testimonies.csv, row 5, field quote: not found",
        "    what to do: copy the passage",
        "WARNING likely-duplicate [duplicates] data/persons.csv, row 2, field name: alike",
        "    what to do: link them",
        "INVALID: 1 error(s), 1 warning(s)",
    ]
    assert render_text([WARNING]).splitlines()[-1] == "VALID: 0 error(s), 1 warning(s)"


def test_json_carries_every_field_and_the_version():
    report = json.loads(render_json([ERROR, WARNING]))
    assert report["report_version"] == REPORT_VERSION and report["valid"] is False and report["exit_code"] == 1
    assert report["counts"] == {"errors": 1, "warnings": 1}
    assert report["problems"][0] == {
        "check": "quotes",
        "code": "quote-not-found",
        "file": "data/testimonies.csv",
        "row": 5,
        "field": "quote",
        "message": "not found",
        "hint": "copy the passage",
        "severity": "error",
        "detail": None,
    }
    assert exit_code([WARNING]) == 0
