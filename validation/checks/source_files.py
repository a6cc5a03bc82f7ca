"""Check 3: every source has its archived text and its YAML metadata; the YAML is safe, well-typed and valid (the
loader reads it, and its problems are reported here); the text's SHA-256 equals the one recorded; every passage
marked as page furniture is in the text; the web address to cite is stated by the text or is a located copy of it,
and each located copy's date is a reading of what that page shows and agrees with the source's; nothing else lies in
sources/."""

from __future__ import annotations

import datetime
import hashlib
from collections.abc import Iterator

from model import dates
from model.date_words import meets, named
from model.loader import SOURCE_METADATA, SOURCES_DIR
from model.problems import Code, Problem
from model.text import find_quote, squash

from ..check import Check


class SourceFiles(Check):
    name = "source_files"
    codes = {
        "sources-folder-missing": Code("there is no sources/ folder", "restore sources/ from git"),
        "text-missing": Code(
            "a source's archived text is missing",
            "restore the captured file byte for byte, or remove the source and every row citing it",
        ),
        "text-hash-mismatch": Code(
            "an archived text's SHA-256 differs from the one its YAML records",
            "an archived text is never edited: restore it from git; if a new capture replaces "
            "it, archive it as a new source",
        ),
        "text-without-metadata": Code(
            "an archived text has no YAML metadata",
            "add sources/<source_id>.yaml (copy an existing one) or remove the text",
        ),
        "furniture-not-found": Code(
            "a passage marked as page furniture is not in the archived text",
            "copy the passage from the text exactly (whitespace may differ), or remove it from furniture",
        ),
        "published-not-as-words": Code(
            "a source's published date is not a reading of the page's own date words (published_text)",
            "set published to what published_text says (a numeric date may be read either way: say which in notes)",
        ),
        "url-unexplained": Code(
            "a source's web address is neither stated by the archived text nor that of a located copy of the same text",
            "record the address only as the text states it, or add it to located_copies (relation same-text) with "
            "the publisher and date that page shows and how it was matched",
        ),
        "copy-date-not-as-shown": Code(
            "a located copy's published date is not EDTF, or not a reading of the date that page shows",
            "set published to the EDTF reading of published_shown (empty where the page shows no date)",
        ),
        "copy-date-disagrees": Code(
            "a located copy of the same text shows a date that the source's published date does not allow",
            "narrow or correct published (with a note), or say in matched why the copy is dated otherwise",
        ),
        "stray-file": Code(
            "a file in sources/ that is neither an archived text (.txt) nor its metadata (.yaml)",
            "remove it, or archive it as sources/<source_id>.txt with its .yaml",
        ),
        **SOURCE_METADATA.codes,
    }

    def end(self) -> Iterator[Problem]:
        root = self.package.root
        folder = root / SOURCES_DIR
        if not folder.is_dir():
            yield self.problem("sources-folder-missing", file=SOURCES_DIR, message="there is no sources/ folder")
            return
        metadata, problems = self.package.source_metadata
        yield from problems
        yaml_stems = {p.stem for p in folder.glob("*.yaml")}
        for meta in metadata:
            rel = f"{SOURCES_DIR}/{meta['source_id']}.txt"
            text = root / rel
            if text.is_symlink() or not text.is_file():
                yield self.problem(
                    "text-missing", file=rel, message=f"the archived text of source {meta['source_id']!r} is missing"
                )
                continue
            data = text.read_bytes()
            content = squash(data.decode("utf-8", errors="replace"))
            for number, passage in enumerate(meta.get("furniture", []), start=1):
                if find_quote(squash(passage), content) is not None:
                    yield self.problem(
                        "furniture-not-found",
                        file=f"{SOURCES_DIR}/{meta['source_id']}.yaml",
                        field="furniture",
                        message=f"furniture passage {number} is not in the archived text: {passage[:80]!r}",
                    )
            yield from self._published_and_url(meta, content)
            digest = hashlib.sha256(data).hexdigest()
            if digest != meta["sha256"]:
                yield self.problem(
                    "text-hash-mismatch",
                    file=f"{SOURCES_DIR}/{meta['source_id']}.yaml",
                    field="sha256",
                    message=f"the archived text's SHA-256 is {digest}, not the recorded {meta['sha256']}",
                )
        for path in sorted(folder.iterdir()):
            rel = f"{SOURCES_DIR}/{path.name}"
            if path.suffix == ".yaml" or (path.suffix == ".txt" and path.stem in yaml_stems):
                continue
            if path.suffix == ".txt":
                yield self.problem(
                    "text-without-metadata",
                    file=rel,
                    message="an archived text without metadata",
                    hint=f"add sources/{path.stem}.yaml (copy an existing one) or remove the text",
                )
            else:
                yield self.problem(
                    "stray-file",
                    file=rel,
                    message="a file that is neither an archived text (.txt) nor its metadata (.yaml)",
                )

    def _published_and_url(self, meta: dict, content: str) -> Iterator[Problem]:
        rel = f"{SOURCES_DIR}/{meta['source_id']}.yaml"
        words = meta.get("published_text", "")
        try:
            earliest, latest = dates.bounds(meta.get("published", ""))
        except dates.DateError:
            earliest = latest = None  # an unreadable date is the dates check's, on data/sources.csv
        said = named(words, (None, None)) if words else None
        if said is not None and (earliest or latest) and not meets(said, earliest, latest):
            yield self.problem(
                "published-not-as-words",
                file=rel,
                field="published",
                message=f"published {meta.get('published')!r} is not a reading of {words!r}",
            )
        copies = meta.get("located_copies", [])
        url = meta.get("url", "")
        same_text = {c["url"] for c in copies if c["relation"] == "same-text"}
        if url and url not in content and url not in same_text:
            yield self.problem(
                "url-unexplained",
                file=rel,
                field="url",
                message=f"{url} is not in the archived text, nor a located copy of the same text",
            )
        for number, copy in enumerate(copies, start=1):
            yield from self._located_copy(rel, number, copy, earliest, latest)

    def _located_copy(
        self, rel: str, number: int, copy: dict, earliest: datetime.date | None, latest: datetime.date | None
    ) -> Iterator[Problem]:
        field = f"located_copies/{number}/published"
        try:
            shown_earliest, shown_latest = dates.bounds(copy["published"]) if copy["published"] else (None, None)
        except dates.DateError:
            yield self.problem(
                "copy-date-not-as-shown", file=rel, field=field, message=f"{copy['published']!r} is not EDTF"
            )
            return
        shown = copy["published_shown"]
        said = named(shown, (None, None)) if shown else None
        if (copy["published"] and not shown) or (
            said is not None and (shown_earliest is None or not meets(said, shown_earliest, shown_latest))
        ):
            yield self.problem(
                "copy-date-not-as-shown",
                file=rel,
                field=field,
                message=f"published {copy['published']!r} is not a reading of {shown!r}",
            )
        if copy["relation"] == "same-text" and shown_earliest and (earliest or latest):
            if (latest and shown_earliest > latest) or (earliest and shown_latest and shown_latest < earliest):
                yield self.problem(
                    "copy-date-disagrees",
                    file=rel,
                    field=field,
                    message=f"the copy at {copy['url']} shows {copy['published_shown']!r}, outside the source's "
                    "published date",
                )
