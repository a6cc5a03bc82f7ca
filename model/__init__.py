"""The package as the code sees it: the tables and their roles (tables.py, read from datapackage.json), the loader
(loader.py), EDTF dates, quote matching, how qualifiers bound figures, and the problems found in a package."""
