#!/usr/bin/env python3
"""Benchmark the static evidence site (dist/site, derived/site/) on the shipped package and on synthetically scaled
copies (those of benchmarks/benchmark.py).

    python benchmarks/site.py [--scales 1 10 100] [--repeat N]

For each scale: the database of dist/ is made first (not timed; benchmarks/export.py times it), then the site alone
is built from it: wall time, peak memory, pages written, and microseconds per evidence row, which stays flat where
time is linear in rows. Not a test: nothing is asserted.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))

from benchmarks.benchmark import repeated, scale_package  # noqa: E402  (after the repository is on the path)

DATABASE = (
    "import sys; from pathlib import Path; sys.path.insert(0, {repo!r}); "
    "from derived import database; from model.loader import Package; "
    "database.write(Package(Path('.')), Path('site.db'))"
)
SITE = (
    "import shutil, sys; from pathlib import Path; sys.path.insert(0, {repo!r}); "
    "from derived import dist, site; from model.loader import Package; "
    "shutil.rmtree('site', ignore_errors=True); package = Package(Path('.')); "
    "print(site.write(package, Path('site.db'), Path('site'), dist.about(package)))"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", type=int, nargs="*", default=[1, 10, 100])
    parser.add_argument("--repeat", type=int, default=3, help="runs per measurement under 20 s; the median is shown")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="site-benchmark-"))
    print(f"{'scale':>6} {'evidence rows':>13} | {'pages':>7} | {'site':>15} | {'µs/row':>7}")
    try:
        for factor in args.scales:
            dest = work / f"x{factor}"
            rows = scale_package(dest, factor)
            subprocess.run([sys.executable, "-c", DATABASE.format(repo=str(REPO))], cwd=dest, check=True)
            command = [sys.executable, "-c", SITE.format(repo=str(REPO))]
            wall, memory, code = repeated(command, dest, args.repeat)
            if code != 0:
                print(f"the site failed at scale {factor}", file=sys.stderr)
                return 1
            pages = sum(1 for _ in (dest / "site").rglob("*.html"))
            print(
                f"{factor:>6} {rows:>13,} | {pages:>7,} | {wall:>6.1f} s {memory / 2**20:>4.0f} MB | "
                f"{wall / rows * 1e6:>7.0f}",
                flush=True,
            )
            shutil.rmtree(dest)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
