"""Checking: the engine, the check contract, the checks (one module each in checks/) and the checker's report.
Everything here reads; nothing writes a file."""
