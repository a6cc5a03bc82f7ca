#!/usr/bin/env python3
"""Benchmark validate.py against plain `frictionless validate` on synthetically scaled copies of the package.

    python benchmarks/benchmark.py [--scales 10 100 1000] [--rows N] [--keep DIR]

For each scale the evidence tables and every table pointing at their rows (the link tables; the model in
datapackage.json says which these are) are repeated that many times under new IDs, quotes
unchanged so that they are still found in their sources, and each copy's figures count their own population
(population_key) and says which copy it is (notes); entities, vocabularies and sources stay as shipped. The
copy is stamped and its REPORT.md regenerated with build.py, so that it is valid. `--rows N` adds a scale giving
about N evidence rows. Each run prints wall time and peak memory (proportional set size, PSS, summed over the
whole process tree, sampled every 20 ms) of validate.py and of `frictionless validate`, and their ratio. A run
under 20 s is repeated (--repeat, default 5) and its median time shown. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import csv
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.memory import measure  # noqa: E402  (after the repository is on the path)
from model.loader import PACKAGE_ITEMS, Package  # noqa: E402
from model.tables import EVIDENCE, Model  # noqa: E402

ID = re.compile(r"^([a-z]+)-([0-9]+)$")
# Columns that put rows of different sources in one group to compare (REPORT.md, figures_in_conflict). Each copy
# gets its own keys, as a real package's new sources mostly count other people: repeating the shipped keys would
# make every group `factor` times larger and its comparisons grow with the square of the scale.
GROUP_COLUMNS = {"population_key"}
# And each copy of an evidence row says which copy it is in its notes: a row the same as another but for its ID is
# an error (consistency's evidence-row-repeated), as it would be in a real package.
COPY_NOTED = "notes"


def scaled_tables(model: Model) -> dict[str, set[str]]:
    """The tables to repeat and, in each, the columns holding evidence IDs that must follow into each copy: the
    evidence tables' own IDs, and every column pointing at one (the link tables, a testimony's setting event)."""
    columns: dict[str, set[str]] = {t.name: {t.id_field} for t in model.evidence if t.id_field}
    for table, field, _ in model.references_to(EVIDENCE):
        columns.setdefault(table.name, set()).add(field)
    return columns


def scaled_id(ident: str, copy: int, width: int) -> str:
    """The ID of `ident` in copy number `copy` (copy 0 keeps the shipped ID)."""
    if copy == 0 or not ident:
        return ident
    prefix, number = ID.match(ident).groups()
    return f"{prefix}-{copy * 10**width + int(number):0{width + 1}d}"


def scale_package(dest: Path, factor: int) -> int:
    """Write a copy of the package scaled `factor` times into dest; return its number of evidence rows."""
    dest.mkdir(parents=True)
    for item in PACKAGE_ITEMS:
        source = REPO / item
        (shutil.copytree if source.is_dir() else shutil.copy2)(source, dest / item)
    width = 4
    evidence_rows = 0
    model = Package(dest).model
    evidence = {t.name for t in model.evidence}
    for table, id_columns in scaled_tables(model).items():
        path = dest / model.get(table).path
        with path.open(encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            rows = list(reader)
        columns = [i for i, name in enumerate(header) if name in id_columns]
        groups = [i for i, name in enumerate(header) if name in GROUP_COLUMNS]
        noted = header.index(COPY_NOTED) if table in evidence and COPY_NOTED in header else None
        with path.open("w", encoding="utf-8", newline="") as f:
            writer = csv.writer(f, lineterminator="\n")
            writer.writerow(header)
            for copy in range(factor):
                for row in rows:
                    out = list(row)
                    for i in columns:
                        out[i] = scaled_id(row[i], copy, width)
                    for i in groups:
                        out[i] = f"{row[i]}-{copy}" if copy and row[i] else row[i]
                    if copy and noted is not None:
                        out[noted] = f"{row[noted]} (copy {copy})".strip()
                    writer.writerow(out)
        if table in evidence:
            evidence_rows += len(rows) * factor
    built = subprocess.run([sys.executable, str(REPO / "build.py"), str(dest)], capture_output=True, text=True)
    if built.returncode != 0:
        raise SystemExit(f"build.py failed on the scaled copy: {built.stdout}{built.stderr}")
    return evidence_rows


def repeated(command: list[str], cwd: Path, times: int) -> tuple[float, int, int]:
    """The median wall time and the largest peak memory of `times` runs (one run if the first takes over 20 s)."""
    runs = [measure(command, cwd)]
    while len(runs) < times and runs[0][0] < 20:
        runs.append(measure(command, cwd))
    wall = sorted(r[0] for r in runs)[len(runs) // 2]
    return wall, max(r[1] for r in runs), max(r[2] for r in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--rows", type=int, help="also run a scale giving about this many evidence rows")
    parser.add_argument("--keep", type=Path, help="keep the scaled copies in this folder")
    parser.add_argument(
        "--repeat", type=int, default=5, help="runs per measurement under 20 s; the median time is shown"
    )
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep, measure copies already there instead of making them again"
    )
    args = parser.parse_args()
    frictionless = Path(sys.executable).parent / "frictionless"
    if not frictionless.is_file():
        print("cannot run: the frictionless command is not installed next to this Python", file=sys.stderr)
        return 2
    scales = list(args.scales)
    evidence_paths = [t.path for t in Package(REPO).model.evidence]

    def evidence_rows(root: Path) -> int:
        return sum(sum(1 for _ in open(root / path, encoding="utf-8")) - 1 for path in evidence_paths)

    if args.rows:
        shipped = evidence_rows(REPO)
        scales.append(max(1, round(args.rows / shipped)))
    work = args.keep or Path(tempfile.mkdtemp(prefix="benchmark-"))
    print(f"{'scale':>6} {'evidence rows':>13} | {'validate.py':>20} | {'frictionless':>20} | {'ratio':>11}")
    print(
        f"{'':>6} {'':>13} | {'s':>8} {'MB':>7} {'exit':>3} | {'s':>8} {'MB':>7} {'exit':>3} | {'time':>5} {'mem':>5}"
    )
    try:
        for factor in scales:
            dest = work / f"x{factor}"
            if args.reuse and dest.exists():
                rows = evidence_rows(dest)
            else:
                if dest.exists():
                    shutil.rmtree(dest)
                rows = scale_package(dest, factor)
            ours = repeated([sys.executable, str(REPO / "validate.py"), str(dest)], dest, args.repeat)
            theirs = repeated([str(frictionless), "validate", "datapackage.json"], dest, args.repeat)
            print(
                f"{factor:>6} {rows:>13,} | {ours[0]:>8.1f} {ours[1] / 2**20:>7.0f} {ours[2]:>4} | "
                f"{theirs[0]:>8.1f} {theirs[1] / 2**20:>7.0f} {theirs[2]:>4} | "
                f"{ours[0] / theirs[0]:>5.2f} {ours[1] / max(theirs[1], 1):>5.2f}",
                flush=True,
            )
            if not args.keep:
                shutil.rmtree(dest)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
