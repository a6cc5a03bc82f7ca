"""The one list of files derived from the package, and how each is made. `python build.py` makes them all and writes
those that changed; the derived_files check makes them again and says which differ from what is on disk.

An artifact is made from Inputs: the package as loaded, the sources' metadata, what the report gathers from the
evidence tables, and the artifacts made before it in the list (the descriptor's hashes are those of the sources
table just made). Each yields its content as bytes, in pieces where it may be large, so that it can be compared
with a file without being held whole.
"""

from __future__ import annotations

import copy
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from model.loader import DESCRIPTOR, Package
from model.problems import CodeBook

from . import data_dictionary, problem_codes, report
from .sources_table import descriptor_sources, source_copies_table, sources_table

BUILD_COMMAND = "python build.py"
SOURCE_COPIES = "source_copies"  # the table of where each source is found published, made from the YAML


class Inputs:
    """What the artifacts are made from, each part computed when first asked for."""

    def __init__(self, package: Package, code_book: CodeBook, collected: report.Collector | None = None) -> None:
        self.package = package
        self.code_book = code_book  # every problem code, for docs/problem-codes.md
        self.made: dict[str, bytes] = {}  # artifacts made so far in this build, by path
        self._collected = collected

    @cached_property
    def metadata(self) -> list[dict]:
        return self.package.source_metadata[0]

    @property
    def metadata_readable(self) -> bool:
        return not self.package.source_metadata[1]

    @cached_property
    def collected(self) -> report.Collector:
        return self._collected or report.collect(self.package)

    def content(self, path: str) -> bytes | None:
        """A file as this build leaves it: as just made, or as it is on disk."""
        if path in self.made:
            return self.made[path]
        file = self.package.root / path
        return file.read_bytes() if file.is_file() else None


@dataclass(frozen=True)
class Artifact:
    path: str  # relative to the package root
    stale: str  # what the derived_files check says when the file differs
    make: Callable[[Inputs], Iterable[bytes]]
    from_metadata: bool = False  # made from the sources' YAML: not made while one is broken
    # Where the file on disk differs from what would be made, as (code, field, message), for a file whose
    # differences can be named; such a file is compared by them alone, not byte for byte.
    differences: Callable[[Inputs], Iterable[tuple[str, str | None, str]]] | None = None


def stamp(data: bytes) -> dict:
    return {"hash": "sha256:" + hashlib.sha256(data).hexdigest(), "bytes": len(data)}


def _report(inputs: Inputs) -> Iterator[bytes]:
    return report.render(inputs.package, inputs.metadata, inputs.collected)


def _sources_table(inputs: Inputs) -> Iterator[bytes]:
    sources = inputs.package.model.sources
    table = inputs.package.table(sources.name) if sources else None
    if table is not None:
        yield sources_table(inputs.package.root, inputs.metadata, table.field_names)


def _source_copies_table(inputs: Inputs) -> Iterator[bytes]:
    table = inputs.package.table(SOURCE_COPIES)
    if table is not None:
        yield source_copies_table(inputs.metadata, table.field_names)


def _descriptor(inputs: Inputs) -> Iterator[bytes]:
    """The descriptor with its sources list from the YAML and every readable resource stamped with its file's hash
    and size (a resource the loader refused is left as it is)."""
    descriptor = copy.deepcopy(inputs.package.descriptor)
    descriptor["sources"] = descriptor_sources(inputs.metadata)
    for resource in descriptor["resources"]:
        table = inputs.package.table(resource.get("name")) if isinstance(resource, dict) else None
        data = inputs.content(table.path) if table is not None else None
        if data is not None:
            resource.update(stamp(data))
    yield (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8")


def _descriptor_differences(inputs: Inputs) -> Iterator[tuple[str, str | None, str]]:
    descriptor = inputs.package.descriptor
    if inputs.metadata_readable and descriptor.get("sources") != descriptor_sources(inputs.metadata):
        yield "descriptor-sources-stale", "sources", "the descriptor's sources list differs from sources/*.yaml"
    for index, resource in enumerate(descriptor["resources"]):
        table = inputs.package.table(resource.get("name")) if isinstance(resource, dict) else None
        if table is None:
            continue
        actual = {"hash": table.facts.sha256, "bytes": table.facts.bytes}
        for key in ("hash", "bytes"):
            if key in resource and resource[key] != actual[key]:
                yield (
                    "resource-stamp-stale",
                    f"resources/{index}/{key}",
                    f"{key} of {table.path} is {resource[key]!r}; the file's is {actual[key]!r}",
                )


def _data_dictionary(inputs: Inputs) -> Iterator[bytes]:
    from .database import ready_tables

    package = inputs.package
    yield data_dictionary.render(
        package.descriptor, data_dictionary.vocabulary_rows(package), ready_tables(package)
    ).encode("utf-8")


# In the order they are made: the descriptor's hashes are those of the files made before it.
ARTIFACTS = [
    Artifact(report.REPORT, "REPORT.md is out of date with the tables", _report, from_metadata=True),
    Artifact(
        "data/sources.csv", "data/sources.csv differs from what sources/*.yaml give", _sources_table, from_metadata=True
    ),
    Artifact(
        "data/source_copies.csv",
        "data/source_copies.csv differs from the located_copies in sources/*.yaml",
        _source_copies_table,
        from_metadata=True,
    ),
    Artifact(
        DESCRIPTOR,
        "the descriptor's sources list or a resource's hash and bytes are out of date",
        _descriptor,
        differences=_descriptor_differences,
    ),
    Artifact(data_dictionary.PATH, f"{data_dictionary.PATH} is out of date with the descriptor", _data_dictionary),
    Artifact(problem_codes.PATH, f"{problem_codes.PATH} is out of date with the checks' codes", problem_codes.render),
]


def make_all(package: Package, code_book: CodeBook) -> dict[str, bytes]:
    """Every artifact's content, by path."""
    inputs = Inputs(package, code_book)
    for artifact in ARTIFACTS:
        inputs.made[artifact.path] = b"".join(artifact.make(inputs))
    return inputs.made


def same_content(path: object, pieces: Iterable[bytes]) -> bool:
    """Whether the file holds exactly these bytes, read along with them."""
    with open(path, "rb") as handle:
        for piece in pieces:
            if handle.read(len(piece)) != piece:
                return False
        return handle.read(1) == b""
