#!/usr/bin/env python3
"""Benchmark the export (what `python build.py --dist` writes to dist/) against validate.py, on the same
synthetically scaled copies of the package as benchmarks/benchmark.py.

    python benchmarks/export.py [--scales 10 100 1000] [--repeat N] [--keep DIR]

For each scale: the wall time and peak memory of validate.py, of the export alone (derived.dist.write, which
build.py --dist runs after validating; without the site, which benchmarks/site.py times), their ratio, and the
export's microseconds per evidence row, which stays flat where time is linear in rows. Not a test: nothing is
asserted.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.benchmark import repeated, scale_package  # noqa: E402  (after the repository is on the path)

EXPORT = (
    "import sys; from pathlib import Path; sys.path.insert(0, {repo!r}); "
    "from derived import dist; from model.loader import Package; "
    "dist.write(Package(Path('.')), Path('dist'), leave_out=frozenset({{'site/'}}))"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[10, 100, 1000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement under 20 s; the median is shown")
    parser.add_argument("--keep", type=Path, help="keep the scaled copies in this folder")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="export-benchmark-"))
    print(f"{'scale':>6} {'evidence rows':>13} | {'validate.py':>13} | {'export':>13} | {'ratio':>5} | {'µs/row':>6}")
    try:
        for factor in args.scales:
            dest = work / f"x{factor}"
            if dest.exists():
                shutil.rmtree(dest)
            rows = scale_package(dest, factor)
            validate = repeated([sys.executable, str(REPO / "validate.py"), str(dest)], dest, args.repeat)
            export = repeated([sys.executable, "-c", EXPORT.format(repo=str(REPO))], dest, args.repeat)
            if export[2] != 0:
                print(f"the export failed at scale {factor}", file=sys.stderr)
                return 1
            print(
                f"{factor:>6} {rows:>13,} | {validate[0]:>6.1f} s {validate[1] / 2**20:>4.0f} MB | "
                f"{export[0]:>6.1f} s {export[1] / 2**20:>4.0f} MB | {export[0] / validate[0]:>5.2f} | "
                f"{export[0] / rows * 1e6:>6.0f}",
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
