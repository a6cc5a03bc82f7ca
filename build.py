#!/usr/bin/env python3
"""Regenerate every derived file: data/sources.csv and the descriptor's sources list from sources/*.yaml, the
data dictionary in README.md, each resource's hash and bytes in datapackage.json, and REPORT.md (the
cross-source report) from the tables.

    python build.py [PACKAGE_DIR]

PACKAGE_DIR defaults to this folder. Run it after changing any file in data/, sources/ or datapackage.json, then run python validate.py.
Curated tables are never touched. Exit 0 done, 1 refused (broken YAML or descriptor), 2 cannot run.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from validation import derived, report
from validation.package import Package, unsafe_reason
from validation.problems import CannotRun
from validation.problems import render_text

HERE = Path(__file__).resolve().parent


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if len(args) > 1 or (args and args[0].startswith("-")):
        print("cannot run: usage: python build.py [PACKAGE_DIR]", file=sys.stderr)
        return 2
    root = Path(args[0]).resolve() if args else HERE
    descriptor_path = root / "datapackage.json"
    try:
        descriptor = json.loads(descriptor_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as err:
        print(f"cannot run: datapackage.json cannot be read ({err}); restore it from git", file=sys.stderr)
        return 2
    metadata, problems = derived.read_source_metadata(root)
    if problems:
        print(render_text(problems))
        print("nothing was written: repair the YAML first")
        return 1
    resources = {r["name"]: r for r in descriptor["resources"]}
    fields = [f["name"] for f in resources["sources"]["schema"]["fields"]]
    written = []

    def write(path: Path, data: bytes):
        if not path.is_file() or path.read_bytes() != data:
            path.write_bytes(data)
            written.append(str(path.relative_to(root)))

    write(root / derived.SOURCES_CSV, derived.sources_table(root, metadata, fields))
    descriptor["sources"] = derived.descriptor_sources(metadata)
    readme = root / derived.README
    updated = derived.readme_with_dictionary(readme.read_text(encoding="utf-8"),
                                             derived.data_dictionary(descriptor, derived.vocabulary_rows(root, descriptor)))
    if updated is None:
        print(f"README.md has no data dictionary markers; add {derived.DICTIONARY_BEGIN!r} and {derived.DICTIONARY_END!r}")
        return 1
    write(readme, updated.encode("utf-8"))
    for res in descriptor["resources"]:
        if unsafe_reason(root, res.get("path")):
            print(f"resource {res.get('name')!r}: {unsafe_reason(root, res.get('path'))}; not stamped")
            continue
        path = root / res["path"]
        if path.is_file():
            res.update(derived.stamp(path.read_bytes()))
    write(descriptor_path, (json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))
    try:
        package = Package(root)
    except CannotRun as err:
        print(f"REPORT.md not written: {err}")
        return 1
    write(root / report.REPORT, report.render(package).encode("utf-8"))
    print("updated: " + ", ".join(written) if written else "everything was up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
