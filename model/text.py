"""Text helpers shared by the checks and the builders: whitespace-insensitive search and the quote convention, what a
text value may hold, how a source's text is read, and which addresses a reader may be sent to."""

import difflib
import re
import unicodedata

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


# ---- what a text value may hold: one rule for CSV cells, YAML values and every builder that writes text

# Cells a spreadsheet would run as a formula start with one of these.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Control characters (Unicode category Cc) and the line and paragraph separators, which break lines outside CSV's
# quoting rules.
_CONTROL = "\x00-\x1f\x7f-\x9f\u2028\u2029"
# Characters that render as nothing: every format character (category Cf: bidi marks and overrides, zero-width
# space and joiners, soft hyphen, word joiner, tag characters...), which can reorder the text around them ("held
# \u061c2017-2019" displays as "held 2019-2017") or hide in a name; and the other default-ignorable code points
# (Unicode's DerivedCoreProperties: Hangul fillers, the combining grapheme joiner, variation selectors, Mongolian
# free variation selectors, Khmer inherent vowels), plus the Braille blank, which draws an empty cell. No joiner is
# kept: no source of this package needs one, and a name made of invisible characters must not pass.
# Written out rather than gathered from unicodedata at import (which takes a sixth of a second in every process);
# model/text_test.py checks that every Cf character this Python knows is among them.
_INVISIBLE = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a"  # the format characters (Cf)
    "\u034f\u115f\u1160\u17b4\u17b5\u180b-\u180f\u2800\u3164\ufe00-\ufe0f\uffa0\ufff0-\ufff8\U000e0000-\U000e0fff"
)
_CONTROL_CHARACTER = re.compile(f"[{_CONTROL}]")
_INVISIBLE_CHARACTER = re.compile(f"[{_INVISIBLE}]")


_CONTROL_NAMES = {"\0": "NULL", "\t": "TAB", "\n": "LINE FEED", "\r": "CARRIAGE RETURN", "\x1b": "ESCAPE"}
# The most characters a text value may hold: what a spreadsheet cell holds (Excel's and LibreOffice's limit), so
# that every export keeps every value whole.
TEXT_MAX_CHARACTERS = 32_767


def character_name(character: str) -> str:
    """U+061C ARABIC LETTER MARK; U+000D CARRIAGE RETURN."""
    name = unicodedata.name(character, "") or _CONTROL_NAMES.get(character, "CONTROL CHARACTER")
    return f"U+{ord(character):04X} {name}"


def text_problem(value: str) -> tuple[str, str] | None:
    """What is wrong with a text value that is to be shown, written to CSV or opened in a spreadsheet, as (kind,
    words), or None. The kinds: too-long, control-character, invisible-character, untrimmed, formula-start,
    not-nfc."""
    if not value:
        return None
    if len(value) > TEXT_MAX_CHARACTERS:
        return "too-long", (
            f"holds {len(value):,} characters, more than the {TEXT_MAX_CHARACTERS:,} a spreadsheet cell holds"
        )
    bad = _CONTROL_CHARACTER.search(value)
    if bad:
        return "control-character", f"contains the control character {character_name(bad.group())}"
    bad = _INVISIBLE_CHARACTER.search(value)
    if bad:
        return "invisible-character", (
            f"contains {character_name(bad.group())}, a character that renders as nothing and can hide or reorder "
            "the text around it"
        )
    if value != value.strip():
        return "untrimmed", "has leading or trailing whitespace"
    if value.startswith(FORMULA_START):
        return "formula-start", f"starts with {value[0]!r}, which a spreadsheet would run as a formula"
    if not unicodedata.is_normalized("NFC", value):
        return "not-nfc", "is not in Unicode NFC form"
    return None


def source_text(data: bytes) -> str:
    """An archived source's text as every reader of it sees it: decoded (a byte that is not UTF-8 as U+FFFD) and in
    Unicode NFC, as quotes are, so that a text saved decomposed (NFD) is quoted and highlighted like any other. The
    archived bytes, and their SHA-256, stay as captured."""
    return unicodedata.normalize("NFC", data.decode("utf-8", errors="replace"))


# ---- web addresses

WEB_SCHEMES = ("http", "https")


def web_address(value: object) -> bool:
    """Whether a value is an address a reader may be sent to: http(s), with a host, and nothing that renders as
    nothing or breaks a line. Every link a builder writes passes this; a javascript:, data: or file: address never
    does."""
    if not isinstance(value, str) or not value or value != value.strip() or text_problem(value):
        return False
    from urllib.parse import urlsplit

    try:
        parts = urlsplit(value)
    except ValueError:
        return False
    return parts.scheme.lower() in WEB_SCHEMES and bool(parts.hostname) and not any(c.isspace() for c in value)
