"""Archiving a new source: the text copied byte for byte, a skeleton YAML, and refusals that write nothing."""

from __future__ import annotations

import pytest

from .archive import Refused, archive, dates_in


def test_a_numeric_date_that_reads_two_ways_has_both_readings():
    assert dates_in("12/10/2019, 09.17") == ["12/10/2019: 2019-10-12 (day first) or 2019-12-10 (month first)"]
    assert dates_in("25/10/2019") == ["25/10/2019: 2019-10-25 (day first)"]


def test_a_bad_source_id_or_a_text_not_utf8_is_refused_and_nothing_is_written(tmp_path):
    captured = tmp_path / "capture.txt"
    captured.write_bytes(b"Titre\n")
    with pytest.raises(Refused, match="not a source ID"):
        archive(tmp_path, captured, "Not An ID")
    captured.write_bytes(b"\xff\xfe broken")
    with pytest.raises(Refused, match="not UTF-8"):
        archive(tmp_path, captured, "some-source")
    assert not (tmp_path / "sources").exists()
