"""The list of derived files: made from the package alone, the same each time, and the list of problem codes names
every code a check declares."""

from __future__ import annotations

from model.loader import LOADER, Package
from tests.faults import REPO
from validation.checks import CHECKS, code_book

from .artifacts import ARTIFACTS, make_all
from .problem_codes import PATH


def test_the_shipped_derived_files_are_what_the_build_makes():
    made = make_all(Package(REPO), code_book())
    assert list(made) == [artifact.path for artifact in ARTIFACTS]
    stale = [path for path, data in made.items() if (REPO / path).read_bytes() != data]
    assert stale == [], f"run python build.py: {stale}"


def test_the_problem_codes_document_lists_every_code():
    text = (REPO / PATH).read_text(encoding="utf-8")
    codes = [*LOADER.codes] + [code for check in CHECKS for code in check.codes]
    assert [code for code in codes if f"| `{code}` |" not in text] == []
