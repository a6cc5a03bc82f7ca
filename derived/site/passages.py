"""A source text as the site shows it: cut where a quote or a piece of page furniture begins or ends, so that every
passage a row quotes is highlighted under that row's ID; and a row's quote in its context."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Protocol

from markupsafe import Markup, escape

from model.text import quote_spans

CONTEXT = 320  # characters of the source shown each side of a quote on its row's page
FURNITURE = "\0furniture"  # stands for page furniture among the row IDs covering a stretch of text
UNCITED_LEAST = 3  # words: a shorter stretch of text that no row quotes is not listed


class Quoted(Protocol):
    ident: str
    quote: str
    spans: list[tuple[int, int]]


@dataclass
class Passage:
    """A stretch of a source text: who quotes it (row IDs), whether it is page furniture, which rows start here."""

    text: str
    rows: list[str] = field(default_factory=list)
    starts: list[str] = field(default_factory=list)
    furniture: bool = False
    uncited_id: str = ""


def _words(text: str) -> int:
    return len(re.findall(r"\w+", text))


def sweep(text: str, rows: list[Quoted], furniture: list[str]) -> tuple[list[Passage], int, int]:
    """The text cut where a quote or a piece of page furniture begins or ends; and how many words of the text
    (furniture aside) no row quotes, of how many. One sweep over the cuts, so time grows with the rows."""
    opening, closing, starts = defaultdict(list), defaultdict(list), defaultdict(list)
    for row in rows:
        if row.spans:
            starts[row.spans[0][0]].append(row.ident)
        for a, b in row.spans:
            opening[a].append(row.ident)
            closing[b].append(row.ident)
    for passage in furniture:
        for a, b in quote_spans(passage, text) or []:
            opening[a].append(FURNITURE)
            closing[b].append(FURNITURE)
    cuts = sorted({0, len(text), *opening, *closing})
    active: dict[str, int] = defaultdict(int)
    found, uncited, total, number = [], 0, 0, 0
    for a, b in zip(cuts, cuts[1:]):
        for ident in closing.get(a, []):
            active[ident] -= 1
            if not active[ident]:
                del active[ident]
        for ident in opening.get(a, []):
            active[ident] += 1
        passage = Passage(text[a:b], [i for i in active if i != FURNITURE], starts.get(a, []), FURNITURE in active)
        if not passage.furniture:
            words = _words(passage.text)
            total += words
            if not passage.rows and words >= UNCITED_LEAST:
                uncited += words
                number += 1
                passage.uncited_id = f"uncited-{number}"
        found.append(passage)
    return found, uncited, total


def context(text: str, row: Quoted) -> Markup:
    """The quote in its context in the source, the quoted parts marked."""
    if not row.spans:
        return escape(row.quote)
    start, end = max(0, row.spans[0][0] - CONTEXT), min(len(text), row.spans[-1][1] + CONTEXT)
    parts, position = ["…" if start else ""], start
    for a, b in row.spans:
        parts += [escape(text[position:a]), Markup("<mark>"), escape(text[a:b]), Markup("</mark>")]
        position = b
    parts += [escape(text[position:end]), "…" if end < len(text) else ""]
    return Markup("").join(parts)
