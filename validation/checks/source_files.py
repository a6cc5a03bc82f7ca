"""Check 3: every source has its archived text and its YAML metadata; the YAML is safe, well-typed and valid (the
loader reads it, and its problems are reported here); the text's SHA-256 equals the one recorded; every passage
marked as page furniture is in the text; nothing else lies in sources/."""

from __future__ import annotations

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
            "a source's web address is neither stated by the page nor explained in its notes",
            "record the address only as the page states it, or say in notes how it was found",
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
        url = meta.get("url", "")
        if url and url not in content and not any(url in note for note in meta.get("notes", [])):
            yield self.problem(
                "url-unexplained",
                file=rel,
                field="url",
                message=f"{url} is not in the archived text, and no note says how it was found",
            )
