"""How a row is cited: the line to paste, CSL-JSON for reference managers and BibTeX, each naming the source (its
publisher, title, date, archived file and SHA-256), the package and its version, and the row."""

from __future__ import annotations

import json
import re

# What a BibTeX field's value must escape, so that no text can close the field, open another or run a command
# (LaTeX's ten special characters; BibTeX reads the value as LaTeX).
_BIBTEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "$": r"\$",
    "&": r"\&",
    "%": r"\%",
    "#": r"\#",
    "_": r"\_",
    "^": r"\textasciicircum{}",
    "~": r"\textasciitilde{}",
}
_BIBTEX_SPECIALS = re.compile("|".join(map(re.escape, _BIBTEX_SPECIAL)))


def bibtex_text(value: str) -> str:
    """A value as the text of a BibTeX field: LaTeX's special characters escaped, whitespace runs (a line break
    among them) as one space."""
    return _BIBTEX_SPECIALS.sub(lambda m: _BIBTEX_SPECIAL[m.group()], " ".join(str(value).split()))


def csl(ident: str, table: str, title: str, version: str, source: dict) -> str:
    return json.dumps(
        {
            "id": ident,
            "type": "dataset",
            "title": f"{title}: {table} {ident}",
            "version": version,
            "note": f"Quoting {source['publisher'] or 'an unnamed publisher'}, “{source['title']}”, "
            f"{source['published']}; archived as {source['path']}, SHA-256 {source['sha256']}.",
        },
        ensure_ascii=False,
        indent=2,
    )


def bibtex(ident: str, table: str, title: str, version: str, source: dict) -> str:
    title, version = bibtex_text(f"{title}: {table} {ident}"), bibtex_text(version)
    note = bibtex_text(
        f"Quoting {source['publisher'] or 'an unnamed publisher'}, “{source['title']}”, {source['published']}; "
        f"archived as {source['path']}, SHA-256 {source['sha256']}"
    )
    key = re.sub(r"[^A-Za-z0-9_.:-]", "-", ident)
    return f"@misc{{{key},\n  title = {{{title}}},\n  version = {{{version}}},\n  note = {{{note}}}\n}}"
