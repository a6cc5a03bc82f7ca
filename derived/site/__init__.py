"""The static evidence site of dist/site: plain HTML and CSS that reads without JavaScript, opens from disk or any
static host, and shows every fact on its highlighted passage. Made by `python build.py --dist` from the database of
dist/ and the archived source texts; `pages.py` is the one list of its pages."""

from .pages import write

__all__ = ["write"]
