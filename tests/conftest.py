"""Shared fixtures and helpers for the validate.py test suite.

Every test that breaks something works on a copy of the package in a temporary folder (``package_copy``), breaks it
in exactly one way, restamps the hash and byte count of any CSV it touched (``restamp``), so that the fault is found
by the check under test and not by the hash check, and runs the repo's validate.py on the copy (``run_validate``).
"""
from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # the tests use the package's own code (validation.report) to regenerate REPORT.md
VALIDATE = REPO / "validate.py"
SHARED = REPO.parent / "shared"
# What validate.py reads of a package; .git, .venv, tests and the code stay behind.
PACKAGE_ITEMS = ("datapackage.json", "data", "sources", "README.md", "REPORT.md")
REPORT_KEYS = {"report_version", "valid", "exit_code", "counts", "problems"}
PROBLEM_KEYS = {"check", "file", "row", "field", "message", "hint", "severity"}


# ---------------------------------------------------------------- the package copy


def copy_package(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for item in PACKAGE_ITEMS:
        src = REPO / item
        if src.is_dir():
            shutil.copytree(src, dest / item)
        elif src.is_file():
            shutil.copy2(src, dest / item)
    return dest


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """A fresh copy of the shipped package in tmp_path/"pkg"."""
    return copy_package(tmp_path / "pkg")


# ---------------------------------------------------------------- running the checker


def _command(pkg_dir, args, json_output):
    command = []
    if pkg_dir is not None:
        command.append(str(pkg_dir))
    command.extend(args)
    if json_output:
        command.append("--json")
    return command


def _default_cwd(pkg_dir) -> Path:
    if pkg_dir is not None and Path(pkg_dir).parent.is_dir() and Path(pkg_dir).parent != REPO:
        return Path(pkg_dir).parent
    return REPO


def _finish(proc, json_output):
    assert "Traceback" not in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stdout, proc.stdout
    report = None
    if json_output and proc.returncode in (0, 1):
        report = json.loads(proc.stdout)
    return proc.returncode, report, proc.stdout, proc.stderr


def run_validate(pkg_dir: Path | str | None = None, *args: str, json_output: bool = True, cwd: Path | None = None,
                 check_unchanged: bool = True):
    """Run validate.py; return (exit code, parsed JSON report or None, stdout, stderr).

    With pkg_dir None the checker runs on its own folder (the shipped package). The run happens in the folder holding
    the package copy, and (unless check_unchanged is False) every file there must be left byte-identical: validate.py
    writes nothing. No run may print a traceback.
    """
    if cwd is None:
        cwd = _default_cwd(pkg_dir)
    watch = check_unchanged and cwd != REPO
    before = snapshot(cwd) if watch else None
    proc = subprocess.run([sys.executable, str(VALIDATE), *_command(pkg_dir, args, json_output)],
                          capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=cwd, timeout=180)
    if watch:
        assert_unchanged(cwd, before)
    return _finish(proc, json_output)


# Runs validate.py as `python validate.py ...` would, with an audit hook that logs every file opened, every network
# and process call; the log goes to a file outside the watched folder, written after the run.
_AUDIT_DRIVER = r"""
import json, os, runpy, sys
log_path, script = sys.argv[1], sys.argv[2]
sys.dont_write_bytecode = True
events = []
WATCHED = ("socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "urllib.Request", "subprocess.Popen",
           "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.remove", "os.rename", "os.mkdir", "shutil.rmtree")
def hook(event, args):
    if event == "open":
        path, mode, flags = (list(args) + [None, None, None])[:3]
        if isinstance(path, (str, bytes, os.PathLike)):
            path = os.fsdecode(path)
        else:
            path = repr(path)
        events.append({"event": "open", "path": path, "mode": mode if isinstance(mode, str) else None,
                       "flags": flags if isinstance(flags, int) else None})
    elif event in WATCHED:
        events.append({"event": event, "args": repr(args)[:300]})
sys.addaudithook(hook)
sys.path.insert(0, os.path.dirname(script))
sys.argv = [script] + sys.argv[3:]
try:
    runpy.run_path(script, run_name="__main__")
finally:
    with open(log_path, "w", encoding="utf-8") as fh:
        json.dump(events[:], fh)
"""


def run_validate_audited(pkg_dir: Path | str | None = None, *args: str, json_output: bool = True):
    """Like run_validate, and also return the audit events: (code, report, stdout, stderr, events)."""
    cwd = _default_cwd(pkg_dir)
    watch = cwd != REPO
    before = snapshot(cwd) if watch else None
    with tempfile.TemporaryDirectory() as logdir:
        log = Path(logdir) / "audit.json"
        proc = subprocess.run([sys.executable, "-c", _AUDIT_DRIVER, str(log), str(VALIDATE),
                               *_command(pkg_dir, args, json_output)],
                              capture_output=True, text=True, encoding="utf-8", errors="replace", cwd=cwd, timeout=180)
        events = json.loads(log.read_text(encoding="utf-8"))
    if watch:
        assert_unchanged(cwd, before)
    events = [e for e in events if not (e["event"] == "open" and e["path"] == str(log))]
    return (*_finish(proc, json_output), events)


_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def opened_for_writing(events: list[dict]) -> list[str]:
    return [e["path"] for e in events if e["event"] == "open"
            and ((e["mode"] and any(c in e["mode"] for c in "wax+")) or (e["flags"] is not None and e["flags"] & _WRITE_FLAGS))]


def opened(events: list[dict]) -> list[Path]:
    """Every path opened, resolved."""
    found = []
    for e in events:
        if e["event"] == "open" and not e["path"].startswith("<"):
            try:
                found.append(Path(e["path"]).resolve())
            except (OSError, RuntimeError):
                found.append(Path(e["path"]))
    return found


def network_or_process_calls(events: list[dict]) -> list[dict]:
    return [e for e in events if e["event"] != "open"]


# ---------------------------------------------------------------- reading the report


def errors(report: dict) -> list[dict]:
    return [p for p in report["problems"] if p["severity"] == "error"]


def describe(report: dict) -> str:
    return "\n".join(f"  {p['severity']} [{p['check']}] {p['file']} row={p['row']!r} field={p['field']!r}: {p['message']}"
                     for p in report["problems"]) or "  (no problems)"


ANY = ...  # matches any row or field in find_problems / assert_reports


def find_problems(report: dict, check: str, file: str | None = None, row=ANY, field=ANY, severity: str | None = None,
                  message_contains: str | None = None) -> list[dict]:
    found = []
    for p in report["problems"]:
        if p["check"] != check or (file is not None and p["file"] != file):
            continue
        if row is not ANY and p["row"] != row:
            continue
        if field is not ANY and p["field"] != field:
            continue
        if severity is not None and p["severity"] != severity:
            continue
        if message_contains is not None and message_contains not in p["message"]:
            continue
        found.append(p)
    return found


def assert_reports(report: dict, check: str, file: str, row, field, severity: str = "error",
                   message_contains: str | None = None) -> dict:
    """Assert the report holds a problem of this severity with exactly this check, file, row and field, with a
    non-empty message and hint. Pass ANY for row or field only where a test checks detection, not location."""
    assert report is not None, "no JSON report"
    found = find_problems(report, check, file, row, field, severity, message_contains)
    assert found, (f"expected {severity} [{check}] {file} row={row!r} field={field!r}"
                   + (f" message containing {message_contains!r}" if message_contains else "")
                   + "; the report has:\n" + describe(report))
    for p in found:
        assert isinstance(p["hint"], str) and p["hint"].strip(), p
        assert isinstance(p["message"], str) and p["message"].strip(), p
    return found[0]


def assert_invalid(result, check: str, file: str, row, field, message_contains: str | None = None) -> dict:
    """Exit 1, a report saying invalid, and the given error among its problems."""
    code, report, stdout, stderr = result[:4]
    assert code == 1, f"exit {code}; stderr: {stderr}\n" + (describe(report) if report else stdout)
    assert report["valid"] is False and report["exit_code"] == 1 and report["counts"]["errors"] >= 1
    return assert_reports(report, check, file, row, field, message_contains=message_contains)


def assert_valid_with_warning(result, check: str, file: str, row, field, message_contains: str | None = None) -> dict:
    """Exit 0, no error, and the given warning among the problems: warnings never fail the run."""
    code, report, stdout, stderr = result[:4]
    assert code == 0, f"exit {code}; stderr: {stderr}\n" + (describe(report) if report else stdout)
    assert report["valid"] is True and report["exit_code"] == 0 and report["counts"]["errors"] == 0
    return assert_reports(report, check, file, row, field, severity="warning", message_contains=message_contains)


# ---------------------------------------------------------------- CSV helpers (the package's dialect)


def read_csv(pkg: Path, relpath: str) -> list[list[str]]:
    """All records of a CSV file, the header first."""
    text = (pkg / relpath).read_bytes().decode("utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def write_csv(pkg: Path, relpath: str, records: list[list[str]]) -> None:
    """Write records as the package does: UTF-8, LF, minimal quoting."""
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(records)
    (pkg / relpath).write_bytes(out.getvalue().encode("utf-8"))


def header(pkg: Path, relpath: str) -> list[str]:
    return read_csv(pkg, relpath)[0]


def row_number(pkg: Path, relpath: str, **match: str) -> int:
    """Record number (header = 1) of the first row whose cells equal all of `match`."""
    records = read_csv(pkg, relpath)
    head = records[0]
    for number, values in enumerate(records[1:], start=2):
        row = dict(zip(head, values))
        if all(row.get(k) == v for k, v in match.items()):
            return number
    raise LookupError(f"no row of {relpath} with {match}")


def first_row(pkg: Path, relpath: str, predicate) -> tuple[int, dict[str, str]]:
    """(row number, row) of the first row for which predicate(row) is true; the test is skipped if there is none,
    since the data is curated over time and a test must not depend on one row's ID."""
    for number, row in rows(pkg, relpath):
        if predicate(row):
            return number, row
    pytest.skip(f"no row of {relpath} fits this test")


def get_row(pkg: Path, relpath: str, number: int) -> dict[str, str]:
    records = read_csv(pkg, relpath)
    return dict(zip(records[0], records[number - 1]))


def rows(pkg: Path, relpath: str) -> list[tuple[int, dict[str, str]]]:
    records = read_csv(pkg, relpath)
    return [(n, dict(zip(records[0], values))) for n, values in enumerate(records[1:], start=2)]


def set_cell(pkg: Path, relpath: str, number: int, field: str, value: str) -> str:
    """Set one cell (row `number`, header = 1); return the old value."""
    records = read_csv(pkg, relpath)
    column = records[0].index(field)
    old = records[number - 1][column]
    assert old != value, f"{relpath} row {number} field {field} already holds {value!r}: the mutation changes nothing"
    records[number - 1][column] = value
    write_csv(pkg, relpath, records)
    return old


def break_cell(pkg: Path, relpath: str, where, field: str, value) -> int:
    """Set `field` of one row to `value` (or to value(old) if callable), restamp the file, return the row number.

    `where` is a row number, a dict of cells to match (e.g. {"person_id": "per-guljan"}) or a predicate on the row.
    """
    if isinstance(where, int):
        number = where
    elif isinstance(where, dict):
        number = row_number(pkg, relpath, **where)
    else:
        number = first_row(pkg, relpath, where)[0]
    if callable(value):
        value = value(get_row(pkg, relpath, number)[field])
    set_cell(pkg, relpath, number, field, value)
    restamp(pkg, relpath)
    return number


def append_row(pkg: Path, relpath: str, values: dict[str, str]) -> int:
    """Append a record (missing fields empty); return its row number."""
    records = read_csv(pkg, relpath)
    unknown = set(values) - set(records[0])
    assert not unknown, f"{relpath} has no column {unknown}"
    records.append([values.get(name, "") for name in records[0]])
    write_csv(pkg, relpath, records)
    return len(records)


def append_raw_record(pkg: Path, relpath: str, cells: list[str]) -> int:
    """Append a record with exactly these cells (it may be ragged); return its row number."""
    records = read_csv(pkg, relpath)
    records.append(cells)
    write_csv(pkg, relpath, records)
    return len(records)


def delete_row(pkg: Path, relpath: str, number: int) -> dict[str, str]:
    """Delete record `number` (header = 1; the header cannot be deleted); return it."""
    assert number >= 2
    records = read_csv(pkg, relpath)
    removed = dict(zip(records[0], records[number - 1]))
    del records[number - 1]
    write_csv(pkg, relpath, records)
    return removed


# ---------------------------------------------------------------- the descriptor


def load_descriptor(pkg: Path) -> dict:
    return json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))


def save_descriptor(pkg: Path, descriptor: dict) -> None:
    (pkg / "datapackage.json").write_bytes((json.dumps(descriptor, indent=2, ensure_ascii=False) + "\n").encode("utf-8"))


def resource_index(descriptor: dict, relpath: str | None = None, name: str | None = None) -> int:
    for index, res in enumerate(descriptor["resources"]):
        if (relpath is not None and res.get("path") == relpath) or (name is not None and res.get("name") == name):
            return index
    raise LookupError(relpath or name)


def restamp(pkg: Path, relpath: str, report: bool = True) -> None:
    """Recompute the sha256 and byte count of `relpath` into its resource in datapackage.json, and (unless report is
    False) regenerate REPORT.md, which is derived from the tables, so that only the fault under test is left."""
    data = (pkg / relpath).read_bytes()
    descriptor = load_descriptor(pkg)
    res = descriptor["resources"][resource_index(descriptor, relpath=relpath)]
    res["hash"] = "sha256:" + hashlib.sha256(data).hexdigest()
    res["bytes"] = len(data)
    save_descriptor(pkg, descriptor)
    if report:
        refresh_report(pkg)


def refresh_report(pkg: Path) -> None:
    """Regenerate pkg/REPORT.md from the tables of the copy, as build.py does for the package."""
    from validation import report
    from validation.package import Package
    from validation.problems import CannotRun
    try:
        text = report.render(Package(pkg))
    except CannotRun:
        return
    (pkg / report.REPORT).write_bytes(text.encode("utf-8"))


# ---------------------------------------------------------------- snapshots


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file under root, by relative path (symlinks not followed)."""
    found = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if path.is_symlink():
            found[rel] = "link:" + str(path.readlink())
        elif path.is_file():
            found[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
        elif path.is_dir():
            found[rel + "/"] = "dir"
    return found


def assert_unchanged(root: Path, before: dict[str, str]) -> None:
    after = snapshot(root)
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    assert not (added or removed or changed), f"added {added}, removed {removed}, changed {changed}"


def replace_once(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in a text file (UTF-8), failing if it is not there exactly once."""
    text = path.read_bytes().decode("utf-8")
    assert text.count(old) == 1, f"{old!r} occurs {text.count(old)} times in {path}"
    path.write_bytes(text.replace(old, new).encode("utf-8"))


def sha256_file(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# ---------------------------------------------------------------- hypothesis

from hypothesis import settings  # noqa: E402

# No example database in the working tree, no per-example deadline (each example may run the whole checker).
settings.register_profile("package", database=None, deadline=None)
settings.load_profile("package")


# ---------------------------------------------------------------- memory

from benchmarks.benchmark import tree_memory  # noqa: E402  (the benchmark's sampler: PSS summed over a process tree)


def run_validate_peak_memory(pkg_dir: Path) -> tuple[int, int, str]:
    """Run validate.py --json on a package; return (exit code, peak resident memory of its process tree in bytes,
    stdout), sampling every 10 ms."""
    import time
    with tempfile.TemporaryFile() as out:
        proc = subprocess.Popen([sys.executable, str(VALIDATE), str(pkg_dir), "--json"], stdout=out,
                                stderr=subprocess.DEVNULL, cwd=pkg_dir.parent)
        peak = 0
        while proc.poll() is None:
            peak = max(peak, tree_memory(proc.pid))
            time.sleep(0.01)
        out.seek(0)
        return proc.returncode, peak, out.read().decode("utf-8", errors="replace")
