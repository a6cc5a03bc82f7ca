"""Check 3: every source has its archived text and its YAML metadata; the YAML is safe, well-typed and valid; the
text's SHA-256 equals the one recorded; nothing else lies in sources/."""
from __future__ import annotations

import hashlib

from ..derived import read_source_metadata
from ..problems import Problem

NAME = "source_files"


def run(package):
    root = package.root
    folder = root / "sources"
    if not folder.is_dir():
        yield Problem(NAME, "sources", None, None, "there is no sources/ folder", "restore sources/ from git")
        return
    metadata, problems = read_source_metadata(root)
    yield from problems
    yaml_stems = {p.stem for p in folder.glob("*.yaml")}
    for meta in metadata:
        rel = f"sources/{meta['source_id']}.txt"
        text = root / rel
        if text.is_symlink() or not text.is_file():
            yield Problem(NAME, rel, None, None, f"the archived text of source {meta['source_id']!r} is missing",
                          "restore the captured file byte for byte, or remove the source and every row citing it")
            continue
        digest = hashlib.sha256(text.read_bytes()).hexdigest()
        if digest != meta["sha256"]:
            yield Problem(NAME, f"sources/{meta['source_id']}.yaml", None, "sha256",
                          f"the archived text's SHA-256 is {digest}, not the recorded {meta['sha256']}",
                          "an archived text is never edited: restore it from git; if a new capture replaces it, archive it as a new source")
    for path in sorted(folder.iterdir()):
        rel = f"sources/{path.name}"
        if path.suffix == ".yaml":
            continue
        if path.suffix == ".txt" and path.stem in yaml_stems:
            continue
        if path.suffix == ".txt":
            yield Problem(NAME, rel, None, None, "an archived text without metadata",
                          f"add sources/{path.stem}.yaml (copy an existing one) or remove the text")
        else:
            yield Problem(NAME, rel, None, None, "a file that is neither an archived text (.txt) nor its metadata (.yaml)",
                          "remove it, or archive it as sources/<source_id>.txt with its .yaml")
