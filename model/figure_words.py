"""How a figure's words (value_text) are read: a cue that sets the qualifier ("about", "more than", "up to"), then a
number written in digits (with separators, decimals, a percent sign, a scale word: "1.25 million") or in words
("three", "ten to fifteen", "a million", "second", "a couple"), or a phrase with no number that a rule reads
("tens of thousands", "several"). The cues and the phrases are rows of model/figure_words.csv, which the numbers
check reads and docs/data-dictionary.md shows; the grammar of numbers is below."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

RULES = Path(__file__).with_name("figure_words.csv")

UNITS = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "a couple": 2,
    "a dozen": 12,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
DIGITS = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(\s*%)?")


@dataclass(frozen=True)
class Rule:
    words: str
    kind: str  # "cue" or "phrase"
    qualifier: str
    low: float | None
    high: float | None
    reading: str


@dataclass(frozen=True)
class Reading:
    """What the words say: the qualifier their cue sets (exact where there is none) and the numbers they write, one
    (two for a range); for a phrase a rule reads, its bounds."""

    qualifier: str
    numbers: tuple[float, ...]
    rule: Rule | None = None


# How the rules below are applied, said once for everyone who shows them (the data dictionary, the site).
HOW_READ = (
    "The checker, `validate.py`, reads each figure's words as the source prints them: a cue first, which sets the "
    "qualifier (none: `exact`); then a "
    "number in digits (`10,000`, `1.25 million`, `80%`) or in words (`three`, `a million`, `ten to fifteen`, "
    "`second`, `a couple`), which must stand in the bounds the qualifier fills, the first number in the first of "
    "them; or a phrase with no number, which sets the qualifier and both bounds. Words no rule reads need a note "
    "saying how the bounds were read."
)


def rules(path: Path = RULES) -> list[Rule]:
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            Rule(
                row["words"],
                row["kind"],
                row["qualifier"],
                float(row["value_low"]) if row["value_low"] else None,
                float(row["value_high"]) if row["value_high"] else None,
                row["reading"],
            )
            for row in csv.DictReader(handle)
        ]


def _words_number(words: list[str]) -> tuple[float | None, int]:
    """A number written in words at the start of `words`, and how many words it takes."""
    total, current, used, seen = 0.0, 0.0, 0, False
    while used < len(words):
        word, pair = words[used], " ".join(words[used : used + 2])
        if pair in UNITS:
            current += UNITS[pair]
            used += 2
        elif word in UNITS:
            current += UNITS[word]
            used += 1
        elif word in TENS:
            current += TENS[word]
            used += 1
        elif word == "a" and used + 1 < len(words) and words[used + 1] in SCALES:
            current += 1
            used += 1
        elif word in SCALES and (seen or current):
            scale = SCALES[word]
            if scale == 100:
                current *= 100
            else:
                total += current * scale
                current = 0
            used += 1
        elif word == "and" and seen and used + 1 < len(words) and words[used + 1] in {*UNITS, *TENS}:
            used += 1
        elif not seen and word in ORDINALS:
            return float(ORDINALS[word]), 1
        else:
            break
        seen = True
    return (total + current, used) if seen else (None, 0)


def _number(text: str) -> tuple[float | None, str]:
    """The number at the start of `text` and the rest of the text."""
    found = DIGITS.match(text)
    if found:
        value = float(found.group(1).replace(",", "") + (found.group(2) or ""))
        rest = text[found.end() :].strip()
        if not found.group(3):
            scale = rest.split(" ", 1)[0] if rest else ""
            if scale in SCALES:
                value *= SCALES[scale]
                rest = rest[len(scale) :].strip()
        return value, rest
    words = text.split(" ")
    value, used = _words_number(words)
    return value, " ".join(words[used:])


def read(value_text: str, found_rules: list[Rule]) -> Reading | None:
    """The words' reading, or None where no cue, number or phrase rule reads them."""
    text = re.sub(r"\s+", " ", value_text.lower().replace("-", " ").replace("–", " to ")).strip()
    qualifier = "exact"
    for rule in sorted((r for r in found_rules if r.kind == "cue"), key=lambda r: -len(r.words)):
        if text.startswith(rule.words + " "):
            qualifier, text = rule.qualifier, text[len(rule.words) + 1 :]
            break
    for rule in sorted((r for r in found_rules if r.kind == "phrase"), key=lambda r: -len(r.words)):
        if text == rule.words or text.startswith(rule.words + " "):
            return Reading(rule.qualifier, tuple(b for b in (rule.low, rule.high) if b is not None), rule)
    first, rest = _number(text)
    if first is None:
        return None
    second_text = re.match(r"^(?:to|and) (.*)$", rest)
    if second_text:
        second, _ = _number(second_text.group(1))
        if second is not None:
            return Reading("range", (first, second))
    return Reading(qualifier, (first,))
