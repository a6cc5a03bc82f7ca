"""build.py as a user runs it: it remakes every stale derived file of a package and nothing else, and where anything
cannot be made it writes nothing at all."""

from __future__ import annotations

import json
import re

from derived.artifacts import ARTIFACTS
from tests.commands import BUILD, run
from tests.faults import assert_unchanged, check, replace_once, set_cell, snapshot
from validation.checks import DerivedFiles


def test_build_remakes_what_a_curator_left_stale(package_copy):
    set_cell(package_copy, "data/persons.csv", 2, "notes", "Edited by hand.")
    meta = package_copy / "sources" / "asianews-awulqanqizi.yaml"
    title = re.search(r"^title: (.+)$", meta.read_text(encoding="utf-8"), re.M).group(0)
    replace_once(meta, title, 'title: "A title changed by hand"')
    (package_copy / "REPORT.md").unlink()
    assert check(package_copy, DerivedFiles)["valid"] is False
    done, _ = run(BUILD, str(package_copy))
    assert done.returncode == 0 and done.stdout.startswith("updated: "), done.stdout + done.stderr
    assert set(done.stdout.strip().removeprefix("updated: ").split(", ")) == {
        "REPORT.md",
        "data/sources.csv",
        "datapackage.json",
    }
    assert check(package_copy, DerivedFiles)["valid"] is True
    before = snapshot(package_copy)
    done, _ = run(BUILD, str(package_copy))
    assert done.stdout.strip() == "everything was up to date"
    assert_unchanged(package_copy, before)


def test_build_refuses_broken_yaml(package_copy):
    replace_once(package_copy / "sources" / "asianews-awulqanqizi.yaml", "\nlanguage: en\n", "\nlanguage: [en\n")
    before = snapshot(package_copy)
    done, _ = run(BUILD, str(package_copy))
    assert done.returncode == 1 and "yaml-unreadable" in done.stdout and "nothing was written" in done.stdout
    assert_unchanged(package_copy, before)


def test_every_artifact_is_a_file_of_the_package():
    descriptor = json.loads((BUILD.parent / "datapackage.json").read_text(encoding="utf-8"))
    assert descriptor and all((BUILD.parent / artifact.path).is_file() for artifact in ARTIFACTS)


def test_build_dist_makes_every_export_offline_and_leaves_the_package_as_it_was(package_copy):
    from derived.dist import EXPORTS

    before = snapshot(package_copy)
    done, events = run(BUILD, str(package_copy), "--dist", audited=True)
    assert done.returncode == 0 and "made in dist/" in done.stdout, done.stdout + done.stderr
    assert [e for e in events if e["event"].startswith("socket") or e["event"] == "urllib.Request"] == []
    written = {e["args"].strip("'") for e in events if e["event"] == "open for writing"}
    inside = {path for path in written if path.startswith(str(package_copy))}
    assert inside and all(path.startswith(str(package_copy / "dist")) for path in inside), inside
    assert all((package_copy / "dist" / export.path).exists() for export in EXPORTS)
    import shutil

    shutil.rmtree(package_copy / "dist")
    assert_unchanged(package_copy, before)


def test_build_dist_refuses_an_invalid_package(package_copy):
    set_cell(package_copy, "data/testimonies.csv", 2, "quote", "Words no source prints.")
    done, _ = run(BUILD, str(package_copy), "--dist")
    assert done.returncode == 1 and "quote-not-found" in done.stdout and "dist/ was not made" in done.stdout
    assert not (package_copy / "dist").exists()


def test_build_dist_cannot_run_without_the_map_outlines(package_copy, monkeypatch, capsys):
    import build
    from derived.site import svg_map

    monkeypatch.setattr(svg_map, "COUNTRIES", package_copy / "no-such-outlines.json")
    assert build.write_dist(package_copy) == 2
    assert "npm ci" in capsys.readouterr().err
    assert not (package_copy / "dist").exists()
