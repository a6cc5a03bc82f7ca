"""Helpers for curators, run by curate.py: archiving a new source, and the next free ID of each table. They write
only new files, never over an existing one, and never touch the curated tables."""
