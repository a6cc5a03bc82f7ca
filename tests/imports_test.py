"""The direction of imports between the parts (CONTRIBUTING.md, "One direction of imports"): model/ imports none of
the others; derived/ (building) imports model/ only, never validation/ (checking); validation/ imports model/ and may
read derived/'s recipes of what a derived file holds, so that each is made one way. curation/ imports model/ only.
The commands at the top (validate.py, build.py, curate.py) join them; tests import anything."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.faults import REPO

PARTS = ("model", "derived", "validation", "curation")
# What each part may import of the others.
ALLOWED = {
    "model": set(),
    "derived": {"model"},
    "validation": {"model", "derived"},
    "curation": {"model"},
}


def imported_parts(path: Path, root: Path = REPO) -> set[str]:
    """The other parts a module imports, anywhere in its code (an import inside a function counts)."""
    package = list(path.relative_to(root).parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = package[: len(package) - node.level + 1] if node.level else []  # from . / from .. resolved
            names = [".".join([*base, node.module or ""])]
        else:
            continue
        found |= {name.split(".")[0] for name in names} & set(PARTS)
    return found - {package[0]}


def modules() -> list[Path]:
    return sorted(p for part in PARTS for p in (REPO / part).rglob("*.py") if not p.name.endswith("_test.py"))


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(REPO)))
def test_a_module_imports_only_the_parts_its_part_may(path):
    part = path.relative_to(REPO).parts[0]
    assert imported_parts(path) <= ALLOWED[part], f"{part}/ may import only {sorted(ALLOWED[part]) or 'none'}"


def test_an_import_against_the_direction_is_caught(tmp_path):
    (tmp_path / "derived" / "site").mkdir(parents=True)
    module = tmp_path / "derived" / "site" / "probe.py"
    module.write_text(
        "from .. import report\nfrom . import svg_map\n\ndef f():\n    from validation.checks import CHECKS\n",
        encoding="utf-8",
    )
    assert imported_parts(module, tmp_path) == {"validation"}
