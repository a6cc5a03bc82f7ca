"""Check "source_files": every source has its archived text and YAML metadata; the YAML is read safely (no tag is
run) and is well-typed and valid; the text's SHA-256 equals the recorded one; nothing else lies in sources/."""

from __future__ import annotations

import re
import shutil

from tests.faults import REPO, assert_invalid, break_cell, check, replace_once

from .source_files import SourceFiles

SOURCE = "asianews-awulqanqizi"  # two of the archived seeds
OTHER = "asianews-alimuly-musakhanuly"


def yaml_path(pkg, source_id=SOURCE):
    return pkg / "sources" / f"{source_id}.yaml"


def test_recorded_sha256_wrong(package_copy):
    old = re.search(r"^sha256: (\w+)$", yaml_path(package_copy).read_text(encoding="utf-8"), re.M).group(1)
    new = ("0" if old[0] != "0" else "1") + old[1:]
    replace_once(yaml_path(package_copy), f"sha256: {old}", f"sha256: {new}")
    break_cell(package_copy, "data/sources.csv", {"source_id": SOURCE}, "sha256", new)  # as build.py would
    assert_invalid(check(package_copy, SourceFiles), "text-hash-mismatch", f"sources/{SOURCE}.yaml", None, "sha256")


def test_archived_text_altered_by_one_byte(package_copy):
    text = package_copy / "sources" / f"{OTHER}.txt"
    data = bytearray(text.read_bytes())
    data[len(data) // 2] ^= 0x01
    text.write_bytes(bytes(data))
    assert_invalid(check(package_copy, SourceFiles), "text-hash-mismatch", f"sources/{OTHER}.yaml", None, "sha256")


def test_archived_text_missing(package_copy):
    (package_copy / "sources" / f"{OTHER}.txt").unlink()
    assert_invalid(check(package_copy, SourceFiles), "text-missing", f"sources/{OTHER}.txt", None, None)


def test_text_without_metadata(package_copy):
    (package_copy / "sources" / "orphan.txt").write_text("A text nobody described.\n", encoding="utf-8")
    assert_invalid(check(package_copy, SourceFiles), "text-without-metadata", "sources/orphan.txt", None, None)


def test_stray_file_in_sources(package_copy):
    (package_copy / "sources" / "notes.md").write_text("to do\n", encoding="utf-8")
    assert_invalid(check(package_copy, SourceFiles), "stray-file", "sources/notes.md", None, None)


def test_yaml_python_tag_is_never_run(package_copy):
    replace_once(
        yaml_path(package_copy),
        "\nlanguage: en\n",
        '\nlanguage: !!python/object/apply:os.system ["echo pwned > PWNED"]\n',
    )
    assert_invalid(check(package_copy, SourceFiles), "yaml-unreadable", f"sources/{SOURCE}.yaml", None, None)
    for folder in (package_copy.parent, package_copy, package_copy / "sources", REPO):
        assert not (folder / "PWNED").exists()


def test_broken_yaml_syntax(package_copy):
    replace_once(yaml_path(package_copy), "\nlanguage: en\n", "\nlanguage: [en\n")
    assert_invalid(check(package_copy, SourceFiles), "yaml-unreadable", f"sources/{SOURCE}.yaml", None, None)


def test_unquoted_yaml_date_is_not_text(package_copy):
    quoted = re.search(r'^published: "(\d{4}-\d{2}-\d{2})"$', yaml_path(package_copy).read_text(encoding="utf-8"), re.M)
    replace_once(yaml_path(package_copy), "\n" + quoted.group(0), f"\npublished: {quoted.group(1)}")
    assert_invalid(check(package_copy, SourceFiles), "yaml-value-not-text", f"sources/{SOURCE}.yaml", None, "published")


def test_unquoted_yaml_no_is_not_text(package_copy):
    """YAML 1.1 reads an unquoted `no` as false: the language code of Norwegian must not silently become a boolean."""
    replace_once(yaml_path(package_copy), "\nlanguage: en\n", "\nlanguage: no\n")
    assert_invalid(check(package_copy, SourceFiles), "yaml-value-not-text", f"sources/{SOURCE}.yaml", None, "language")


def test_yaml_missing_a_key(package_copy):
    replace_once(yaml_path(package_copy), "\nlanguage: en\n", "\n")
    assert_invalid(check(package_copy, SourceFiles), "yaml-invalid", f"sources/{SOURCE}.yaml", None, None)


def test_yaml_named_for_another_source(package_copy):
    replace_once(yaml_path(package_copy), f"\nsource_id: {SOURCE}\n", "\nsource_id: another-source\n")
    assert_invalid(check(package_copy, SourceFiles), "yaml-id-mismatch", f"sources/{SOURCE}.yaml", None, "source_id")


def test_yaml_publication_date_not_edtf(package_copy):
    quoted = re.search(r'^published: "[^"]+"$', yaml_path(package_copy).read_text(encoding="utf-8"), re.M)
    replace_once(yaml_path(package_copy), "\n" + quoted.group(0), '\npublished: "January 2020"')
    assert_invalid(check(package_copy, SourceFiles), "published-not-edtf", f"sources/{SOURCE}.yaml", None, "published")


def test_no_sources_folder(package_copy):
    shutil.rmtree(package_copy / "sources")
    assert_invalid(check(package_copy, SourceFiles), "sources-folder-missing", "sources", None, None)


def test_yaml_that_is_a_link(package_copy):
    path = yaml_path(package_copy)
    outside = package_copy.parent / "elsewhere.yaml"
    outside.write_bytes(path.read_bytes())
    path.unlink()
    path.symlink_to(outside)
    assert_invalid(check(package_copy, SourceFiles), "yaml-is-link", f"sources/{SOURCE}.yaml", None, None)


def test_yaml_not_utf8(package_copy):
    path = yaml_path(package_copy)
    path.write_bytes(path.read_bytes().replace("’".encode(), "’".encode("cp1252")))
    assert_invalid(check(package_copy, SourceFiles), "yaml-not-utf8", f"sources/{SOURCE}.yaml", None, None)


def test_yaml_that_is_a_list(package_copy):
    yaml_path(package_copy).write_text("- source_id\n- title\n", encoding="utf-8")
    assert_invalid(check(package_copy, SourceFiles), "yaml-not-mapping", f"sources/{SOURCE}.yaml", None, None)


def test_furniture_passage_not_in_the_text(package_copy):
    with yaml_path(package_copy).open("a", encoding="utf-8") as f:
        f.write('furniture:\n  - "Send to a friend"\n  - "Send to an enemy"\n')
    report = check(package_copy, SourceFiles)
    problem = assert_invalid(report, "furniture-not-found", f"sources/{SOURCE}.yaml", None, "furniture")
    assert "Send to an enemy" in problem["message"] and "passage 2" in problem["message"]


def test_published_that_is_no_reading_of_the_pages_date_words(package_copy):
    replace_once(yaml_path(package_copy), '\npublished: "2020-01-03"', '\npublished: "2020-02-03"')
    assert_invalid(
        check(package_copy, SourceFiles), "published-not-as-words", f"sources/{SOURCE}.yaml", None, "published"
    )


def test_a_web_address_neither_stated_nor_located(package_copy):
    path = yaml_path(package_copy)
    replace_once(path, '\nurl: "https://www.asianews.it/', '\nurl: "https://www.asianews.it/other-')
    assert_invalid(check(package_copy, SourceFiles), "url-unexplained", f"sources/{SOURCE}.yaml", None, "url")


def test_a_translation_is_no_located_copy_of_the_text_itself(package_copy):
    path = yaml_path(package_copy)
    italian = "https://asianews.it/notizie-it/Cinese-kazaka-fuggita-dai-campi-del-Xinjiang:-Non-voglio-tornare-alle-torture-48944.html"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r'^url: ".*"$', f'url: "{italian}"', text, count=1, flags=re.M), encoding="utf-8")
    assert_invalid(check(package_copy, SourceFiles), "url-unexplained", f"sources/{SOURCE}.yaml", None, "url")


def test_a_located_copys_date_that_is_no_reading_of_what_it_shows(package_copy):
    replace_once(yaml_path(package_copy), '    published: "2020-01-03"', '    published: "2020-01-13"')
    report = check(package_copy, SourceFiles)
    problem = assert_invalid(
        report, "copy-date-not-as-shown", f"sources/{SOURCE}.yaml", None, "located_copies/1/published"
    )
    assert "01/03/2020" in problem["message"]


def test_a_located_copy_dated_without_a_date_shown(package_copy):
    path = yaml_path(package_copy)
    text = path.read_text(encoding="utf-8")
    path.write_text(
        text.replace('published_shown: ""\n    published: ""', 'published_shown: ""\n    published: "2020"', 1)
    )
    assert_invalid(
        check(package_copy, SourceFiles),
        "copy-date-not-as-shown",
        f"sources/{SOURCE}.yaml",
        None,
        "located_copies/2/published",
    )


def test_a_copy_of_the_same_text_dated_outside_the_sources_date(package_copy):
    path = yaml_path(package_copy)
    replace_once(
        path,
        'published_shown: "01/03/2020, 17.18"\n    published: "2020-01-03"',
        'published_shown: "01/03/2021, 17.18"\n    published: "2021-01-03"',
    )
    assert_invalid(
        check(package_copy, SourceFiles),
        "copy-date-disagrees",
        f"sources/{SOURCE}.yaml",
        None,
        "located_copies/1/published",
    )
