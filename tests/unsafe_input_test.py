"""Input that a careless or hostile curator could give, and what becomes of it: validate.py names it with a code
(file, row, field), and each builder, fed it directly without validation, refuses it in one line or renders it
safely. (The checks' own fault tests lie beside them: text_hygiene_test.py for invisible characters and long cells,
web_addresses_test.py for addresses, descriptor_profile_test.py for a role's fields and ID lengths.)"""

from __future__ import annotations

import hashlib
import html
import json
import re
import subprocess
import sys
import unicodedata

import pytest

from derived import database, datasette_metadata, dist, parquet_files, site, workbook
from derived.refused import Refused
from derived.site.citations import bibtex_text
from derived.site.pages import CONTENT_SECURITY_POLICY
from model.loader import Package
from tests.faults import (
    REPO,
    assert_invalid,
    break_cell,
    check,
    copy_package,
    first_row,
    load_descriptor,
    replace_once,
    save_descriptor,
    snapshot,
)
from validation.checks.derived_files import DerivedFiles
from validation.checks.quotes import Quotes
from validation.checks.schema import Schema
from validation.checks.source_files import SourceFiles

SOURCE = "asianews-awulqanqizi"
SCRIPT = "javascript:alert(document.domain)"
TITLE = r"Camps} , note = {injected} \input{/etc/passwd} {"


# ---------------------------------------------------------------- validate.py names the input


def test_an_id_longer_than_any_file_name_allows(package_copy):
    row, _ = first_row(package_copy, "data/mentions.csv", lambda r: True)
    break_cell(package_copy, "data/mentions.csv", row, "mention_id", "men-" + "0" * 296)  # matches the ID pattern
    assert_invalid(check(package_copy, Schema), "constraint-error", "data/mentions.csv", row, "mention_id")


def test_a_source_text_saved_decomposed_is_quoted_as_any_other(package_copy):
    """A text saved in NFD: its quotes, written in NFC as every cell is, are found (both sides are read as NFC)."""
    number, row = first_row(
        package_copy, "data/testimonies.csv", lambda r: r["source_id"] == SOURCE and "…" not in r["quote"]
    )
    text = package_copy / "sources" / f"{SOURCE}.txt"
    old = text.read_bytes()
    new = old.decode("utf-8").replace(row["quote"], unicodedata.normalize("NFD", "Ömir ") + row["quote"], 1)
    text.write_bytes(new.encode("utf-8"))
    assert not unicodedata.is_normalized("NFC", new)
    replace_once(
        package_copy / "sources" / f"{SOURCE}.yaml",
        hashlib.sha256(old).hexdigest(),
        hashlib.sha256(new.encode()).hexdigest(),
    )
    break_cell(package_copy, "data/testimonies.csv", number, "quote", "Ömir " + row["quote"])
    report = check(package_copy, Quotes)
    assert not [p for p in report["problems"] if p["file"] == "data/testimonies.csv" and p["row"] == number], report


def test_a_carriage_return_in_a_yaml_value_is_named_and_nothing_is_built(package_copy):
    meta = package_copy / "sources" / f"{SOURCE}.yaml"
    meta.write_bytes(meta.read_bytes().replace(b'rights: "', b'rights: "Line one\\rline two. ', 1))
    assert_invalid(check(package_copy, SourceFiles), "yaml-control-character", f"sources/{SOURCE}.yaml", None, "rights")
    before = snapshot(package_copy)
    built = subprocess.run([sys.executable, str(REPO / "build.py"), str(package_copy)], capture_output=True, text=True)
    assert built.returncode == 1 and "yaml-control-character" in built.stdout and "Traceback" not in built.stderr
    assert snapshot(package_copy) == before  # data/sources.csv above all


def test_an_invisible_character_in_a_yaml_value_is_named(package_copy):
    meta = package_copy / "sources" / f"{SOURCE}.yaml"
    meta.write_bytes(meta.read_bytes().replace(b'rights: "', 'rights: "held \u061c2017-2019 '.encode(), 1))
    problem = assert_invalid(
        check(package_copy, SourceFiles), "yaml-invisible-character", f"sources/{SOURCE}.yaml", None, "rights"
    )
    assert "U+061C ARABIC LETTER MARK" in problem["message"]


def test_a_view_over_a_column_the_tables_lack(package_copy):
    descriptor = load_descriptor(package_copy)
    testimonies = next(r for r in descriptor["resources"] if r["name"] == "testimonies")
    testimonies["schema"]["fields"] = [f for f in testimonies["schema"]["fields"] if f["name"] != "witness_description"]
    save_descriptor(package_copy, descriptor)
    problem = assert_invalid(check(package_copy, DerivedFiles), "view-unmakeable", "datapackage.json", None, None)
    assert "witness_description" in problem["message"]


@pytest.mark.parametrize(
    "source_id, why",
    [("a" * 300, "at most 64"), ("Not An ID", "not a source ID"), ("x" * 65, "at most 64")],
    ids=["300-characters", "not-an-id", "65-characters"],
)
def test_curate_refuses_a_bad_source_id_in_one_line(tmp_path, source_id, why):
    captured = tmp_path / "page.txt"
    captured.write_text("A title\n\nSome text.\n", encoding="utf-8")
    package = copy_package(tmp_path / "pkg")
    done = subprocess.run(
        [sys.executable, str(REPO / "curate.py"), "archive", str(captured), source_id, "--package", str(package)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and why in done.stderr, done.stderr
    assert not list((package / "sources").glob("a*a.txt"))


# ---------------------------------------------------------------- builders fed what nobody validated


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A package nobody validated, with a script as an address and a licence, a title that breaks BibTeX, a cell
    longer than a spreadsheet's and one that starts like a formula; and its database."""
    pkg = copy_package(tmp_path_factory.mktemp("hostile") / "pkg")
    break_cell(pkg, "data/sources.csv", {"source_id": SOURCE}, "url", SCRIPT)
    break_cell(pkg, "data/sources.csv", {"source_id": SOURCE}, "title", TITLE)
    descriptor = load_descriptor(pkg)
    descriptor["licenses"][0]["path"] = SCRIPT
    save_descriptor(pkg, descriptor)
    break_cell(pkg, "data/persons.csv", 2, "notes", "a" * 40_000)
    break_cell(pkg, "data/persons.csv", 3, "notes", '=HYPERLINK("http://example.invalid","x")')
    package = Package(pkg)
    out = pkg / "out"
    out.mkdir()
    database.write(package, out / dist.DATABASE)
    return package, out


def test_the_site_never_links_a_script_and_escapes_bibtex(hostile):
    package, out = hostile
    site.write(package, out / dist.DATABASE, out / "site", dist.about(package))
    pages = {p: p.read_text(encoding="utf-8") for p in (out / "site").rglob("*.html")}
    assert not [p for p, text in pages.items() if re.search(r"""href\s*=\s*["']?\s*javascript:""", text, re.I)]
    source_page = pages[out / "site" / "sources" / f"{SOURCE}.html"]
    assert "javascript:alert(document.domain)" in source_page  # shown as text, not dropped
    row_page = next(text for p, text in pages.items() if p.parent.name == "rows" and f"sources/{SOURCE}.txt" in text)
    bibtex = re.search(r"<summary>BibTeX</summary><pre>(.*?)</pre>", row_page, re.S).group(1)
    bibtex = html.unescape(bibtex)
    assert "\\input{" not in bibtex and "\\textbackslash{}input\\{/etc/passwd\\}" in bibtex
    depth = 0
    for character, before in zip(bibtex, " " + bibtex):  # braces balance, an escaped one aside
        if before != "\\":
            depth += {"{": 1, "}": -1}.get(character, 0)
            assert depth >= 0, bibtex
    assert depth == 0 and bibtex.count(" = {") == 3, bibtex  # title, version, note: no field injected
    assert all(CONTENT_SECURITY_POLICY in html.unescape(page) for page in pages.values())


def test_bibtex_escapes_every_special_character():
    assert bibtex_text("a\\b{c}$d&e%f#g_h^i~j\nk") == (
        r"a\textbackslash{}b\{c\}\$d\&e\%f\#g\_h\textasciicircum{}i\textasciitilde{}j k"
    )


def test_datasette_metadata_links_no_script(hostile):
    package, _ = hostile
    assert "license_url" not in datasette_metadata.metadata(package, dist.DATABASE_NAME)
    assert SCRIPT not in datasette_metadata.render(package, dist.DATABASE_NAME).decode("utf-8")


def test_a_csv_cell_that_starts_like_a_formula_is_refused(hostile):
    package, out = hostile
    fields = next(r for r in package.descriptor["resources"] if r["name"] == "persons")["schema"]["fields"]
    with pytest.raises(Refused, match=r"persons\.csv, row 3, column notes starts with '='"):
        parquet_files.write(
            out / dist.DATABASE, out / "persons.parquet", "persons", fields, also_csv=out / "persons.csv"
        )


def test_a_cell_longer_than_a_spreadsheet_cell_is_refused_by_the_workbook(hostile):
    package, out = hostile
    with pytest.raises(Refused, match=r"persons, row 2, column notes holds more than the 32,767 characters"):
        workbook.write(out / dist.DATABASE, out / "book.xlsx", dist.about(package), [], ["persons"], [])


def test_dist_write_says_what_it_refused_in_one_line_and_leaves_nothing(hostile):
    package, out = hostile
    with pytest.raises(Refused):
        dist.write(package, out / "dist")
    assert not (out / "dist").exists() and not (out / "dist.building").exists()


# ---------------------------------------------------------------- every page of the site


def test_every_page_carries_a_content_security_policy_and_no_inline_script(dist_folder):
    for page in (dist_folder / "site").rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        policy = re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">', text)
        assert policy and html.unescape(policy.group(1)) == CONTENT_SECURITY_POLICY, page
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", text), page
        assert not re.search(r"\son[a-z]+\s*=", text, re.I), page  # no event handler attribute
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY and "unsafe-inline" not in CONTENT_SECURITY_POLICY
    assert json.loads((dist_folder / "datasette.json").read_text(encoding="utf-8"))["license_url"].startswith(
        "https://"
    )


def test_build_dist_says_a_builders_refusal_in_one_line(package_copy, monkeypatch, capsys):
    import build

    def refuse(*_args, **_kwargs):
        raise Refused("persons.csv, row 3, column notes starts with '='")

    monkeypatch.setattr(dist, "write", refuse)
    assert build.write_dist(package_copy) == 1
    err = capsys.readouterr().err
    assert err == "dist/ was not made: persons.csv, row 3, column notes starts with '='\n"
