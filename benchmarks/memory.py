"""Peak memory of a command's whole process tree (Linux /proc), as the benchmark and the hostile-input tests measure
it: the proportional set size (PSS) summed over the tree, so that pages a forked worker shares with its parent count
once."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path


def _memory(pid: int) -> int:
    """PSS of one process in bytes: its private memory plus its share of pages it shares with others. Falls back to
    the resident set size where the kernel gives no PSS."""
    for path, key in ((f"/proc/{pid}/smaps_rollup", "Pss:"), (f"/proc/{pid}/status", "VmRSS:")):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return int(line.split()[1]) * 1024
        except OSError:
            continue
    return 0


def tree_memory(pid: int) -> int:
    """Memory of a process and all its descendants, as _memory counts it."""
    total, stack, seen = 0, [pid], set()
    while stack:
        current = stack.pop()
        if current in seen:
            continue
        seen.add(current)
        total += _memory(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as f:
                    stack.extend(int(child) for child in f.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(
    command: list[str], cwd: Path, stdout: int | object = subprocess.DEVNULL, interval: float = 0.02
) -> tuple[float, int, int]:
    """(wall seconds, peak memory of the process tree in bytes, exit code) of a command, sampled every `interval`."""
    start = time.perf_counter()
    proc = subprocess.Popen(command, cwd=cwd, stdout=stdout, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_memory(proc.pid))
        time.sleep(interval)
    return time.perf_counter() - start, peak, proc.returncode
