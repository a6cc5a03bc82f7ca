"""data/sources.csv, data/source_copies.csv and the descriptor's "sources" list, from the sources' YAML metadata
(read by the loader)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from model import dates
from model.loader import SOURCES_DIR

NOTE_SEPARATOR = " | "


def sources_table(root: Path, metadata: list[dict], field_names: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(field_names)
    for meta in metadata:
        text = root / SOURCES_DIR / f"{meta['source_id']}.txt"
        size = text.stat().st_size if text.is_file() and not text.is_symlink() else 0
        earliest, latest = dates.bounds(meta["published"])
        values = {
            **meta,
            "notes": NOTE_SEPARATOR.join(meta["notes"]),
            "bytes": str(size),
            "path": f"{SOURCES_DIR}/{meta['source_id']}.txt",
            "published_earliest": dates.iso(earliest),
            "published_latest": dates.iso(latest),
        }
        writer.writerow([values.get(name, "") for name in field_names])
    return out.getvalue().encode("utf-8")


def source_copies_table(metadata: list[dict], field_names: list[str]) -> bytes:
    """One row per located copy of a source, in the order of the sources and of their YAML."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(field_names)
    for meta in metadata:
        for copy in meta.get("located_copies", []):
            values = {**copy, "source_id": meta["source_id"]}
            writer.writerow([values.get(name, "") for name in field_names])
    return out.getvalue().encode("utf-8")


def descriptor_sources(metadata: list[dict]) -> list[dict]:
    return [
        {"title": m["title"], "path": f"{SOURCES_DIR}/{m['source_id']}.txt", **({"url": m["url"]} if m["url"] else {})}
        for m in metadata
    ]
