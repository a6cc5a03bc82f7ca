"""Text helpers shared by the checks: whitespace-insensitive search and the quote convention."""

import re

_WHITESPACE = re.compile(r"\s+")  # \s covers Unicode spaces, NBSP included
ELLIPSIS = "…"


def squash(text: str) -> str:
    """Collapse every whitespace run to one space, so that runs compare equal and nothing else changes."""
    return _WHITESPACE.sub(" ", text).strip()


def find_quote(quote: str, source: str) -> str | None:
    """Return None if every part of `quote` (split at …) occurs in `source`, in order; else the first part missing.

    Both arguments must already be squashed.
    """
    if not quote.replace(ELLIPSIS, "").strip():
        return quote
    position = 0
    for part in quote.split(ELLIPSIS):
        part = part.strip()
        if not part:
            continue
        found = source.find(part, position)
        if found < 0:
            return part
        position = found + len(part)
    return None


def quote_spans(quote: str, source: str) -> list[tuple[int, int]] | None:
    """Where each part of `quote` (split at …) stands in the unsquashed `source`, in order, as (start, end) character
    offsets; None if a part is missing. Whitespace runs match any whitespace run, as in find_quote."""
    spans = []
    position = 0
    for part in squash(quote).split(ELLIPSIS):
        words = part.split()
        if not words:
            continue
        found = re.compile(r"\s+".join(map(re.escape, words))).search(source, position)
        if found is None:
            return None
        spans.append(found.span())
        position = found.end()
    return spans or None
