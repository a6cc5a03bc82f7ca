"""Check 10: every derived file is what `python build.py` would make of the package now (the list of them, and how
each is made, is derived/artifacts.py): the cross-source report, data/sources.csv and the descriptor's sources list
(from sources/*.yaml), every resource's hash and bytes, docs/data-dictionary.md, the list of problem codes; and the
views of the database that build.py --dist makes can be made from the tables the descriptor declares."""

from __future__ import annotations

from collections.abc import Iterator

from derived.artifacts import ARTIFACTS, BUILD_COMMAND, Inputs, same_content
from derived.database import unmakeable_view
from derived.report import Collector
from model.loader import Table
from model.problems import Code, Problem

from ..check import Check

HINT = f"run `{BUILD_COMMAND}`, which regenerates it"


class DerivedFiles(Check):
    """The report's figures and counts are gathered in the one pass over the tables; the rest is made at the end."""

    name = "derived_files"
    codes = {
        "derived-file-stale": Code("a generated file differs from what `python build.py` makes of the package", HINT),
        "derived-file-missing": Code("a generated file is missing", HINT),
        "descriptor-sources-stale": Code("the descriptor's sources list differs from sources/*.yaml", HINT),
        "view-unmakeable": Code(
            "a ready-to-read table (a view of the database that build.py --dist makes) reads a table or column the "
            "descriptor does not declare, so the exports could not be made",
            "restore the field or table the message names, or change the view in derived/ready_tables.yaml with it",
        ),
        "resource-stamp-stale": Code(
            "a resource's hash or bytes in the descriptor differ from its file's",
            HINT + " (after checking that the change to the file was meant)",
        ),
    }

    def begin(self) -> None:
        self.collector = Collector(self.package)

    def wants(self, table: Table) -> bool:
        return self.package.descriptor is not None and self.collector.wants(table)

    def row(self, table: Table, number: int, record: dict[str, str]) -> None:
        self.collector.row(table, number, record)

    def end(self) -> Iterator[Problem]:
        if self.package.descriptor is None:
            return
        why = unmakeable_view(self.package)
        if why:
            yield self.problem("view-unmakeable", file="datapackage.json", message=why)
        from . import code_book  # the list of checks, which holds this one

        inputs = Inputs(self.package, code_book(), self.collector)
        for artifact in ARTIFACTS:
            if artifact.from_metadata and not inputs.metadata_readable:
                continue  # with broken YAML what it should hold is unknown; source_files says why
            if artifact.differences is not None:
                for code, field, message in artifact.differences(inputs):
                    yield self.problem(code, file=artifact.path, field=field, message=message)
                continue
            path = self.package.root / artifact.path
            if not path.is_file():
                yield self.problem("derived-file-missing", file=artifact.path, message=f"{artifact.path} is missing")
            elif not same_content(path, artifact.make(inputs)):
                yield self.problem("derived-file-stale", file=artifact.path, message=artifact.stale)
