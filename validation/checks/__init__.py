"""The checks, in the order their problems are reported. Each module has a docstring saying what it proves and
one or more of: run(package), yielding Problems about the whole package; a RowCheck class, handed each record in
the one pass over the tables (see validation/engine.py); start(package), for work begun in worker processes.
DATA-MODEL's numbering: 1 schema, 2 descriptor_profile, 3 source_files, 4 quotes, 5 dates, 6 numbers,
7 text_hygiene, 8 orphans, 9 duplicates, 10 derived_files; keys takes primary keys and unique fields from 1;
row_rules and coordinates add the rules that tie one column to another."""
from . import (coordinates, dates, derived_files, descriptor_profile, duplicates, keys, numbers, orphans, quotes,
               row_rules, schema, source_files, text_hygiene)

CHECKS = [schema, keys, descriptor_profile, source_files, quotes, dates, numbers, text_hygiene, row_rules, coordinates,
          orphans, duplicates, derived_files]
