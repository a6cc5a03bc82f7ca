"""Running validate.py and build.py as a user does, in a process of their own."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from .faults import REPO, assert_unchanged, snapshot

VALIDATE = REPO / "validate.py"
BUILD = REPO / "build.py"

# Runs a script as `python script ...` would, with an audit hook logging every file opened for writing and every
# network and process call; the log goes to a file outside the watched folder, written after the run.
_AUDIT_DRIVER = r"""
import json, os, runpy, sys
log_path, script = sys.argv[1], sys.argv[2]
sys.dont_write_bytecode = True
events = []
WATCHED = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request", "subprocess.Popen",
           "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.remove", "os.rename", "os.mkdir", "shutil.rmtree")
WRITE = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
def hook(event, args):
    if event == "open":
        path, mode, flags = (list(args) + [None, None, None])[:3]
        writes = (isinstance(mode, str) and any(c in mode for c in "wax+")) or (
            isinstance(flags, int) and flags & WRITE)
        if writes and path != log_path:
            events.append({"event": "open for writing", "args": repr(path)})
    elif event in WATCHED:
        events.append({"event": event, "args": repr(args)[:300]})
sys.addaudithook(hook)
sys.path.insert(0, os.path.dirname(script))
sys.argv = [script] + sys.argv[3:]
try:
    runpy.run_path(script, run_name="__main__")
finally:
    with open(log_path, "w", encoding="utf-8") as fh:
        json.dump(events, fh)
"""


def run(
    script: Path, *args: str, cwd: Path | None = None, env: dict | None = None, audited: bool = False
) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Run a script with this Python; return the finished process and (if audited) the events logged. No run may
    print a traceback."""
    with tempfile.TemporaryDirectory() as logdir:
        log = Path(logdir) / "audit.json"
        command = [sys.executable, *(["-c", _AUDIT_DRIVER, str(log)] if audited else []), str(script), *args]
        done = subprocess.run(
            command,
            capture_output=True,
            text=True,
            encoding="utf-8",
            errors="replace",
            cwd=cwd or REPO,
            env=env,
            timeout=300,
        )
        events = json.loads(log.read_text(encoding="utf-8")) if audited else []
    assert "Traceback" not in done.stdout + done.stderr, done.stdout + done.stderr
    return done, events


def validate(
    pkg: Path | None = None, *args: str, audited: bool = False, env: dict | None = None
) -> tuple[subprocess.CompletedProcess, list[dict]]:
    """Run validate.py on a package (the shipped one by default) from the folder above it; a package elsewhere must
    be left byte for byte as it was."""
    cwd = pkg.parent if pkg is not None else REPO
    before = snapshot(cwd) if pkg is not None else None
    done, events = run(VALIDATE, *([str(pkg)] if pkg is not None else []), *args, cwd=cwd, env=env, audited=audited)
    if before is not None:
        assert_unchanged(cwd, before)
    return done, events
