"""Check "source_files": every source has its archived text and YAML metadata; the YAML is read safely (no tags run)
and is well-typed and valid; the text's SHA-256 equals the recorded one; nothing else lies in sources/.

Problems in a YAML file itself are reported under the check name "sources" (validation/derived.py,
read_source_metadata), which source_files yields; see test_every_check_name_is_a_check_module."""
from __future__ import annotations

import re

import pytest

from conftest import (REPO, assert_invalid, break_cell, copy_package, network_or_process_calls, replace_once,
                      run_validate, run_validate_audited)

CHECK = "source_files"
YAML_CHECK = "source_files"  # the name read_source_metadata gives YAML problems
SOURCE = "asianews-awulqanqizi"          # two of the archived seeds
OTHER = "asianews-alimuly-musakhanuly"
CHECK_NAMES = {"package", "schema", "descriptor_profile", "source_files", "quotes", "dates", "numbers", "text_hygiene",
               "row_rules", "coordinates", "orphans", "duplicates", "derived_files"}


def yaml_path(pkg, source_id=SOURCE):
    return pkg / "sources" / f"{source_id}.yaml"


def recorded_sha(pkg, source_id=SOURCE) -> str:
    for line in yaml_path(pkg, source_id).read_text(encoding="utf-8").splitlines():
        if line.startswith("sha256: "):
            return line.split(": ", 1)[1].strip()
    raise LookupError("no sha256 line")


def test_recorded_sha256_wrong(package_copy):
    old = recorded_sha(package_copy)
    new = ("0" if old[0] != "0" else "1") + old[1:]
    replace_once(yaml_path(package_copy), f"sha256: {old}", f"sha256: {new}")
    # data/sources.csv is derived from the YAML: keep it in step, so that only the text's hash is wrong
    break_cell(package_copy, "data/sources.csv", {"source_id": SOURCE}, "sha256", new)
    assert_invalid(run_validate(package_copy), CHECK, f"sources/{SOURCE}.yaml", None, "sha256")


def test_archived_text_altered_by_one_byte(package_copy):
    text = package_copy / "sources" / f"{OTHER}.txt"
    data = bytearray(text.read_bytes())
    data[len(data) // 2] ^= 0x01
    text.write_bytes(bytes(data))
    assert_invalid(run_validate(package_copy), CHECK, f"sources/{OTHER}.yaml", None, "sha256")


def test_archived_text_missing(package_copy):
    (package_copy / "sources" / f"{OTHER}.txt").unlink()
    assert_invalid(run_validate(package_copy), CHECK, f"sources/{OTHER}.txt", None, None, message_contains="missing")


def test_stray_file_in_sources(package_copy):
    (package_copy / "sources" / "notes.md").write_text("to do\n", encoding="utf-8")
    assert_invalid(run_validate(package_copy), CHECK, "sources/notes.md", None, None)


def test_yaml_python_tag_is_never_run(package_copy):
    replace_once(yaml_path(package_copy), "\nlanguage: en\n",
                 '\nlanguage: !!python/object/apply:os.system ["echo pwned > PWNED"]\n')
    *result, events = run_validate_audited(package_copy)
    assert_invalid(result, YAML_CHECK, f"sources/{SOURCE}.yaml", None, None)
    for folder in (package_copy.parent, package_copy, package_copy / "sources", REPO):
        assert not (folder / "PWNED").exists()
    assert network_or_process_calls(events) == []


def test_unquoted_yaml_date_is_a_type_error(package_copy):
    path = yaml_path(package_copy)
    text = path.read_text(encoding="utf-8")
    quoted = re.search(r'^published: "(\d{4}-\d{2}-\d{2})"$', text, re.M)
    assert quoted, "the YAML has no quoted full date to unquote"
    replace_once(path, quoted.group(0), f"published: {quoted.group(1)}")
    problem = assert_invalid(run_validate(package_copy), YAML_CHECK, f"sources/{SOURCE}.yaml", None, "published")
    assert "date" in problem["message"] and "quote" in problem["hint"]


@pytest.fixture(scope="module")
def broken_yaml(tmp_path_factory):
    pkg = copy_package(tmp_path_factory.mktemp("broken-yaml") / "pkg")
    replace_once(yaml_path(pkg), "\nlanguage: en\n", "\nlanguage: [en\n")
    return run_validate(pkg)


def test_broken_yaml_syntax(broken_yaml):
    problem = assert_invalid(broken_yaml, YAML_CHECK, f"sources/{SOURCE}.yaml", None, None)
    assert "YAML" in problem["message"]


def test_every_check_name_is_a_check_module(broken_yaml):
    _, report, _, _ = broken_yaml
    assert {p["check"] for p in report["problems"]} <= CHECK_NAMES


def test_unquoted_yaml_no_is_a_type_error(package_copy):
    """YAML 1.1 reads an unquoted `no` as false: the language code of Norwegian must not silently become a boolean."""
    path = yaml_path(package_copy)
    replace_once(path, "\nlanguage: en\n", "\nlanguage: no\n")
    assert_invalid(run_validate(package_copy), YAML_CHECK, f"sources/{SOURCE}.yaml", None, "language")
