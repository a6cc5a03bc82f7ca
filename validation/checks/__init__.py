"""The checks, in the order their problems are reported: one module each, each a Check (validation/check.py) with
a docstring saying what it proves and the codes of the problems it reports. DATA-MODEL's numbering: 1 schema,
2 descriptor_profile, 3 source_files, 4 quotes, 5 dates, 6 numbers, 7 text_hygiene, 8 orphans, 9 duplicates,
10 derived_files; keys takes primary keys and unique fields from 1; web_addresses holds every link to http(s);
row_rules and coordinates add the rules that tie one column to another."""

from model.loader import LOADER
from model.problems import CodeBook

from ..check import ENGINE_CODES, Check
from .cited_names import CitedNames
from .consistency import Consistency
from .coordinates import Coordinates
from .date_words import DateWords
from .dates import Dates
from .derived_files import DerivedFiles
from .descriptor_profile import DescriptorProfile
from .duplicates import Duplicates
from .grouped_rows import GroupedRows
from .keys import Keys
from .numbers import Numbers
from .orphans import Orphans
from .quotes import Quotes
from .row_rules import RowRules
from .schema import Schema
from .source_files import SourceFiles
from .speaker_state import SpeakerState
from .text_hygiene import TextHygiene
from .web_addresses import WebAddresses

CHECKS: list[type[Check]] = [
    Schema,
    Keys,
    DescriptorProfile,
    WebAddresses,
    SourceFiles,
    Quotes,
    Dates,
    DateWords,
    Numbers,
    TextHygiene,
    RowRules,
    Coordinates,
    CitedNames,
    Consistency,
    GroupedRows,
    SpeakerState,
    Orphans,
    Duplicates,
    DerivedFiles,
]


def code_book() -> CodeBook:
    """Every code validate.py may report: the loader's, each check's in order, and the engine's."""
    return CodeBook(((LOADER.check, LOADER.codes), *((c.name, c.codes) for c in CHECKS)), ENGINE_CODES)
