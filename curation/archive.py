"""Archive a new source text byte for byte under a source ID, with a YAML skeleton to fill in: its SHA-256, its
title from the first line of text, every date-like string of the text (a numeric date that reads two ways with
both readings), and curation pending."""

from __future__ import annotations

import datetime
import hashlib
import re
from pathlib import Path

import yaml

from model.loader import SOURCES_DIR
from model.tables import ID_MAX_LENGTH

SOURCE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
DATE_LIKE = re.compile(
    r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4})\b"  # 01/03/2020, 10.12.2019
    r"|\b(\d{4})-(\d{2})-(\d{2})\b"  # 2019-12-10
    rf"|\b(?:(?:\d{{1,2}} )?(?:{_MONTHS})(?: \d{{1,2}},?)? \d{{4}})\b"  # 3 January 2020, December 10, 2018
)


class Refused(Exception):
    pass


def _readings(day_or_month: str, month_or_day: str, year: str) -> list[str]:
    found = []
    for month, day, order in ((day_or_month, month_or_day, "month first"), (month_or_day, day_or_month, "day first")):
        try:
            found.append(f"{datetime.date(int(year), int(month), int(day)).isoformat()} ({order})")
        except ValueError:
            pass
    return sorted(set(found)) if len(found) == 2 and found[0][:10] != found[1][:10] else found[:1]


def dates_in(text: str) -> list[str]:
    """Every date-like string of the text, in order, each with its reading or readings."""
    found = []
    for match in DATE_LIKE.finditer(text):
        if match.group(1):
            found.append(f"{match.group(0)}: " + " or ".join(_readings(*match.group(1, 2, 3))))
        elif match.group(4):
            found.append(f"{match.group(0)}: ISO")
        else:
            found.append(match.group(0))
    return list(dict.fromkeys(found))


def source_id_problem(source_id: str) -> str | None:
    """Why a string cannot be a source ID, in one line, or None."""
    if len(source_id) > ID_MAX_LENGTH:
        return f"the source ID has {len(source_id)} characters; an ID has at most {ID_MAX_LENGTH}"
    if not SOURCE_ID.match(source_id):
        return f"{source_id!r} is not a source ID: lowercase words joined by hyphens (asianews-awulqanqizi)"
    return None


def archive(root: Path, captured: Path, source_id: str) -> tuple[Path, Path]:
    """Copy `captured` to sources/<source_id>.txt and write sources/<source_id>.yaml; refuse to overwrite either."""
    problem = source_id_problem(source_id)
    if problem:
        raise Refused(problem)
    data = captured.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        raise Refused(f"{captured} is not UTF-8 text ({err}); save the page's text as UTF-8") from None
    folder = root / SOURCES_DIR
    target, metadata = folder / f"{source_id}.txt", folder / f"{source_id}.yaml"
    for path in (target, metadata):
        if path.exists():
            raise Refused(f"{path.relative_to(root)} exists; a source is never overwritten (choose another ID)")
    title = next((line.strip() for line in text.splitlines() if line.strip()), "")
    skeleton = {
        "source_id": source_id,
        "title": title,
        "publisher": "",
        "publisher_org_id": "",
        "author": "",
        "published": "",
        "published_text": "",
        "url": "",
        "language": "en",
        "kind": "",
        "dateline": "",
        "dateline_place_id": "",
        "curation_status": "pending",
        "sha256": hashlib.sha256(data).hexdigest(),
        "captured_as": captured.name,
        "captured_from": "unknown",
        "rights": "",
        "located_copies": [],
        "notes": [],
        "furniture": [],
    }
    lines = [
        f"# Metadata of {SOURCES_DIR}/{source_id}.txt ({len(data)} bytes), written by `python curate.py archive`.",
        "# Fill in every empty value from the page itself; published is EDTF, in double quotes.",
        "# Date-like strings in the text (a numeric date that reads two ways has both readings):",
        *(f"#   {found}" for found in dates_in(text)),
    ]
    folder.mkdir(exist_ok=True)
    with target.open("xb") as handle:  # "x": never over a file that appeared meanwhile
        handle.write(data)
    body = yaml.safe_dump(skeleton, allow_unicode=True, sort_keys=False, default_style=None, width=1000)
    body = re.sub(r": ''$", ': ""', body, flags=re.M)  # empty values written as the other YAML files write them
    with metadata.open("x", encoding="utf-8") as handle:
        handle.write("\n".join(lines) + "\n" + body)
    return target, metadata
