"""The checks, in the order they run. Each module has a docstring saying what it proves and a run(package) that
yields Problems. DATA-MODEL's numbering: 1 schema, 2 descriptor_profile, 3 source_files, 4 quotes, 5 dates,
6 numbers, 7 text_hygiene, 8 orphans, 9 duplicates, 10 derived_files; row_rules and coordinates add the rules
that tie one column to another."""
from . import (coordinates, dates, derived_files, descriptor_profile, duplicates, numbers, orphans, quotes,
               row_rules, schema, source_files, text_hygiene)

CHECKS = [schema, descriptor_profile, source_files, quotes, dates, numbers, text_hygiene, row_rules, coordinates,
          orphans, duplicates, derived_files]
