"""Text helpers shared by the checks: whitespace-insensitive search and the quote convention."""

import difflib
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


def word_cut(quote: str, source: str) -> str | None:
    """The first part of `quote` (split at …) whose first occurrence in order in `source` begins or ends inside a
    word (a letter or digit on both sides of its edge), or None. Both squashed; every part must be in the source."""
    position = 0
    for part in quote.split(ELLIPSIS):
        part = part.strip()
        if not part:
            continue
        found = source.find(part, position)
        end = found + len(part)
        if (found > 0 and source[found - 1].isalnum() and part[0].isalnum()) or (
            end < len(source) and source[end].isalnum() and part[-1].isalnum()
        ):
            return part
        position = end
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


# Quotation marks and apostrophes a quote may have typed straight where the source prints them curly, or the reverse.
_MARKS = str.maketrans({"‘": "'", "’": "'", "‚": "'", "′": "'", "“": '"', "”": '"', "„": '"', "″": '"'})


def nearest(part: str, source: str) -> tuple[str, str]:
    """The passage of `source` nearest to `part` (a part of a quote not found there), and where the two differ,
    in words. Both arguments must already be squashed."""
    if not part:
        return "", ""
    straight = source.translate(_MARKS)
    at = straight.find(part.translate(_MARKS))
    if at >= 0:
        passage = source[at : at + len(part)]
        pairs = [(q, s) for q, s in zip(part, passage) if q != s]
        q, s = pairs[0] if pairs else ("", "")
        kind = "curly" if s in "‘’“”‚„" else "straight"
        return passage, f"quotation marks: the source prints {kind} {s!r} where the quote has {q!r}"
    match = difflib.SequenceMatcher(None, source, part, autojunk=False).find_longest_match(0, len(source), 0, len(part))
    start = max(0, match.a - match.b)
    passage = source[start : start + len(part)]
    for index, (q, s) in enumerate(zip(part, passage)):
        if q != s:
            return passage, (
                f"from character {index + 1}: the quote has {part[index : index + 20]!r}, "
                f"the source {passage[index : index + 20]!r}"
            )
    return passage, "the source's passage ends before the quote does"
