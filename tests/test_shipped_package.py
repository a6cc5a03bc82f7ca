"""The package as shipped in the repo: validate.py passes it, writes nothing, opens nothing for writing and contacts
no network; Frictionless' own CLI agrees; the descriptor matches the vendored Data Package v2 profile, which equals
the shared copy; every archived source text is byte-identical to its seed."""
from __future__ import annotations

import importlib
import json
import pkgutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from conftest import (PACKAGE_ITEMS, PROBLEM_KEYS, REPO, REPORT_KEYS, SHARED, describe, errors, network_or_process_calls,
                      opened_for_writing, run_validate, run_validate_audited, sha256_file, snapshot)

VENDORED_PROFILE = REPO / "validation" / "profiles" / "datapackage.json"
SHARED_PROFILE = SHARED / "profiles" / "datapackage-2.0" / "datapackage.json"
SEEDS = SHARED / "seeds"


def package_snapshot() -> dict[str, str]:
    """The shipped package's files and the checker's code (not .git, .venv, tests or __pycache__)."""
    found = {}
    for item in (*PACKAGE_ITEMS, "validate.py", "build.py", "validation"):
        path = REPO / item
        if path.is_file():
            found[item] = sha256_file(path)
        elif path.is_dir():
            for rel, digest in snapshot(path).items():
                if "__pycache__" not in rel:
                    found[f"{item}/{rel}"] = digest
    return found


@pytest.fixture(scope="module")
def shipped():
    """One --json run on the repo's own package, with the package's files snapshotted around it."""
    before = package_snapshot()
    result = run_validate(None)
    after = package_snapshot()
    return result, before, after


def test_shipped_package_is_valid(shipped):
    (code, report, _, stderr), _, _ = shipped
    assert code == 0, describe(report) if report else stderr
    assert report["valid"] is True and report["exit_code"] == 0
    assert report["counts"]["errors"] == 0 and errors(report) == [], describe(report)


def test_json_report_has_the_documented_shape(shipped):
    (_, report, stdout, stderr), _, _ = shipped
    assert stderr == ""
    assert set(report) == REPORT_KEYS
    assert report["report_version"] == "1.0"
    assert set(report["counts"]) == {"errors", "warnings"}
    assert report["counts"]["errors"] + report["counts"]["warnings"] == len(report["problems"])
    for problem in report["problems"]:
        assert set(problem) == PROBLEM_KEYS
        assert problem["severity"] in ("error", "warning")
        assert isinstance(problem["file"], str) and problem["file"] and not problem["file"].startswith("/")
        assert problem["row"] is None or (isinstance(problem["row"], int) and problem["row"] >= 1)
        assert problem["field"] is None or (isinstance(problem["field"], str) and problem["field"])
        assert problem["message"].strip() and problem["hint"].strip()


def test_shipped_sources_warnings_are_about_pending_sources(shipped):
    """A source warned of as uncurated is one whose YAML says curation_status: pending (a complete one is an error)."""
    (_, report, _, _), _, _ = shipped
    pending = {path.stem for path in (REPO / "sources").glob("*.yaml")
               if yaml.safe_load(path.read_text(encoding="utf-8")).get("curation_status") == "pending"}
    warned = {p["message"].split()[0] for p in report["problems"]
              if p["check"] == "orphans" and p["file"] == "data/sources.csv" and p["field"] == "source_id"}
    assert warned <= pending


def test_validate_writes_nothing_in_the_repo(shipped):
    _, before, after = shipped
    assert_unchanged_dicts(before, after)


def assert_unchanged_dicts(before, after):
    added, removed = sorted(set(after) - set(before)), sorted(set(before) - set(after))
    changed = sorted(k for k in set(before) & set(after) if before[k] != after[k])
    assert not (added or removed or changed), f"added {added}, removed {removed}, changed {changed}"


def test_plain_output_ends_with_a_valid_summary_line():
    code, report, stdout, stderr = run_validate(None, json_output=False)
    assert code == 0 and report is None
    last = stdout.strip().splitlines()[-1]
    assert last.startswith("VALID: 0 error(s), ")
    assert last.endswith(" warning(s)")


def test_validate_opens_no_file_for_writing_and_no_connection():
    """With an audit hook: not a single file opened for writing, no socket, no subprocess (the shipped package)."""
    code, report, _, stderr, events = run_validate_audited(None)
    assert code == 0, describe(report) if report else stderr
    assert any(e["event"] == "open" for e in events), "the audit hook saw nothing"
    assert opened_for_writing(events) == []
    assert network_or_process_calls(events) == []


def test_frictionless_cli_validates_the_descriptor():
    frictionless = Path(sys.executable).parent / "frictionless"
    if not frictionless.exists():
        pytest.skip("no frictionless CLI in this environment")
    done = subprocess.run([str(frictionless), "validate", "datapackage.json"], cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


def test_descriptor_conforms_to_the_vendored_profile():
    profile = json.loads(VENDORED_PROFILE.read_text(encoding="utf-8"))
    descriptor = json.loads((REPO / "datapackage.json").read_text(encoding="utf-8"))
    problems = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in jsonschema.Draft7Validator(profile).iter_errors(descriptor)]
    assert problems == []


def test_vendored_profile_equals_the_shared_one():
    if not SHARED_PROFILE.is_file():
        pytest.skip("../shared/profiles/datapackage-2.0 is not beside the repo")
    assert VENDORED_PROFILE.read_bytes() == SHARED_PROFILE.read_bytes()


def test_archived_texts_are_byte_identical_to_their_seeds():
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not beside the repo")
    seeds = {path.name: sha256_file(path) for path in SEEDS.glob("*.txt")}
    texts = {path.stem: sha256_file(path) for path in (REPO / "sources").glob("*.txt")}
    compared = 0
    for meta_path in sorted((REPO / "sources").glob("*.yaml")):
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8"))
        seed = meta.get("captured_as")
        if seed in seeds:
            assert texts.get(meta_path.stem) == seeds[seed], f"sources/{meta_path.stem}.txt differs from seed {seed}"
            compared += 1
    # Every seed is archived byte for byte somewhere under sources/.
    assert set(seeds.values()) <= set(texts.values()), sorted(n for n, h in seeds.items() if h not in texts.values())
    assert compared == len(seeds)


def test_every_check_module_is_run_and_named():
    """Each module in validation/checks has a NAME equal to its module name and a docstring, and CHECKS runs it."""
    sys.path.insert(0, str(REPO))
    try:
        checks = importlib.import_module("validation.checks")
        names = sorted(m.name for m in pkgutil.iter_modules(checks.__path__))
        modules = [importlib.import_module(f"validation.checks.{name}") for name in names]
    finally:
        sys.path.remove(str(REPO))
    assert names, "no check modules"
    for name, module in zip(names, modules):
        assert module.NAME == name
        assert (module.__doc__ or "").strip(), f"{name} has no docstring"
        # a check runs over the whole package (run), over each record in the engine's one pass (RowCheck), or
        # in worker processes started before the pass (start)
        assert any(callable(getattr(module, hook, None)) for hook in ("run", "RowCheck", "start")), name
    assert sorted(m.NAME for m in checks.CHECKS) == names


def test_validate_runs_under_the_project_environment_when_called_with_another_python():
    """A curator (or a hook) typing `python validate.py` outside the venv still gets the check, not a missing import."""
    base_python = Path(sys.base_prefix) / "bin" / "python3"
    if not base_python.is_file() or not (REPO / ".venv" / "bin" / "python").is_file():
        pytest.skip("needs the Quick start's .venv and a base interpreter")
    done = subprocess.run([str(base_python), str(REPO / "validate.py")], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1].startswith("VALID")
