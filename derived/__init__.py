"""Building: every file derived from the package, listed once in artifacts.py with how each is made. build.py
writes them; the derived_files check compares them with what is on disk."""
