"""Check 10: derived files are up to date: data/sources.csv and the descriptor's sources list (from
sources/*.yaml), every resource's hash and bytes, the data dictionary in README.md, and REPORT.md."""
from __future__ import annotations

from .. import derived, report
from ..problems import Problem

NAME = "derived_files"
HINT = f"run `{derived.BUILD_COMMAND}`, which regenerates it"


def run(package):
    descriptor = package.descriptor
    if descriptor is None:
        return
    root = package.root
    metadata, problems = derived.read_source_metadata(root)
    if not problems:  # with broken YAML the expected content is unknown; source_files reports why
        sources = package.table("sources")
        if sources is not None:
            expected = derived.sources_table(root, metadata, sources.field_names)
            if sources.file.read_bytes() != expected:
                yield Problem(NAME, sources.path, None, None, "data/sources.csv differs from what sources/*.yaml give", HINT)
        if descriptor.get("sources") != derived.descriptor_sources(metadata):
            yield Problem(NAME, "datapackage.json", None, "sources", "the descriptor's sources list differs from sources/*.yaml", HINT)
    for index, res in enumerate(descriptor["resources"]):
        table = package.table(res.get("name")) if isinstance(res, dict) else None
        if table is None:
            continue
        actual = {"hash": table.facts.sha256, "bytes": table.facts.bytes}
        for key in ("hash", "bytes"):
            if key in res and res[key] != actual[key]:
                yield Problem(NAME, "datapackage.json", None, f"resources/{index}/{key}",
                              f"{key} of {table.path} is {res[key]!r}; the file's is {actual[key]!r}",
                              HINT + " (after checking that the change to the file was meant)")
    readme = root / derived.README
    if readme.is_file():
        text = readme.read_text(encoding="utf-8", errors="replace")
        dictionary = derived.data_dictionary(descriptor, derived.vocabulary_rows(root, descriptor))
        updated = derived.readme_with_dictionary(text, dictionary)
        if updated is None:
            yield Problem(NAME, derived.README, None, None, "README.md has no data dictionary markers",
                          f"restore the lines {derived.DICTIONARY_BEGIN!r} and {derived.DICTIONARY_END!r}, then {HINT}")
        elif updated != text:
            yield Problem(NAME, derived.README, None, None, "the data dictionary in README.md is stale", HINT)
    else:
        yield Problem(NAME, derived.README, None, None, "README.md is missing", "restore README.md from git")


class RowCheck:
    """REPORT.md is rendered from what the report's collector gathers in the one pass over the tables."""

    def __init__(self, package):
        self.package = package
        self.collector = report.Collector()

    def wants(self, table) -> bool:
        return self.package.descriptor is not None and self.collector.wants(table)

    def row(self, table, row_number, row):
        self.collector.row(table, row_number, row)

    def finish(self):
        if self.package.descriptor is None:
            return
        path = self.package.root / report.REPORT
        if not path.is_file():
            yield Problem(NAME, report.REPORT, None, None, "REPORT.md is missing", HINT)
        elif not report.matches(path, self.package, self.collector):
            yield Problem(NAME, report.REPORT, None, None, "REPORT.md is out of date with the tables", HINT)
