"""build.py as a user runs it: it remakes every stale derived file of a package and nothing else, and where anything
cannot be made it writes nothing at all."""

from __future__ import annotations

import json
import re

import pytest

from derived.artifacts import ARTIFACTS
from tests.commands import BUILD, run
from tests.faults import REPO, assert_unchanged, check, replace_once, set_cell, snapshot
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


def test_the_map_outlines_ship_in_the_repository():
    from derived.site import svg_map

    # build.py --dist needs nothing but requirements.txt: the outlines are a file of the repository, not of npm's
    assert svg_map.COUNTRIES.is_file() and svg_map.COUNTRIES.is_relative_to(REPO)
    assert "node_modules" not in svg_map.COUNTRIES.relative_to(REPO).parts
    drawn, _ = svg_map.draw([svg_map.Place("pl-a", "Almaty", 43.24, 76.89, "1")], {}, "places/{}.html")
    land = re.search(r'<path class="land" d="([^"]*)"', str(drawn)).group(1)
    assert land.count("M") >= 3, "the map of Almaty shows no Kazakhstan, Kyrgyzstan and China"


def test_the_map_outlines_are_what_their_script_makes_from_world_atlas(tmp_path):
    import importlib.util

    from derived.site import svg_map

    script = svg_map.COUNTRIES.parent / "make_outlines.py"
    spec = importlib.util.spec_from_file_location("make_outlines", script)
    make_outlines = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_outlines)
    if not make_outlines.INPUT.is_file():
        pytest.skip("needs `npm ci` (world-atlas, the input of make_outlines.py; Debian: apt-get install nodejs npm)")
    assert make_outlines.main([str(make_outlines.INPUT), str(tmp_path / "made.json")]) == 0
    assert (tmp_path / "made.json").read_bytes() == svg_map.COUNTRIES.read_bytes()
