"""The engine and the check contract: every check is declared alike and run in one pass; a check that crashes is
reported and the others still see every record; a flood of problems is capped and counted."""

from __future__ import annotations

import importlib
import pkgutil
import re
from collections import Counter
from pathlib import Path

from model.loader import LOADER, SOURCE_METADATA, Package
from model.problems import Code
from tests.faults import rows

from . import checks as checks_package
from .check import ENGINE_CODES, Check
from .checks import CHECKS
from .engine import LIMIT, run


class Tally(Check):
    """Counts the records it is handed, per table."""

    name = "tally"
    codes = {}

    def begin(self) -> None:
        self.seen: Counter[str] = Counter()
        Tally.last = self

    def wants(self, table) -> bool:
        return True

    def row(self, table, number, record) -> None:
        self.seen[table.name] += 1


class CrashesOnThirdRecord(Check):
    name = "crashes_on_third_record"
    codes = {}

    def begin(self) -> None:
        self.count = 0

    def wants(self, table) -> bool:
        return True

    def row(self, table, number, record) -> None:
        self.count += 1
        if self.count == 3:
            raise ValueError("unexpected input")


class CrashesAtItsEnd(Check):
    name = "crashes_at_its_end"
    codes = {}

    def end(self):
        raise KeyError("boom")


class Floods(Check):
    name = "floods"
    codes = {"too-many": Code("one of many", "none")}

    def end(self):
        for number in range(LIMIT + 5):
            yield self.problem("too-many", file="data/persons.csv", row=number, message="again")


def test_a_check_that_crashes_on_a_record_does_not_keep_it_from_the_others(module_copy):
    problems = run(Package(module_copy), [CrashesOnThirdRecord, Tally, CrashesAtItsEnd])
    expected = {t.name: len(rows(module_copy, t.path)) for t in Package(module_copy).model.tables.values()}
    assert Tally.last.seen == Counter({name: count for name, count in expected.items() if count})
    crashed = [(p.check, p.code) for p in problems]
    assert crashed == [("crashes_on_third_record", "check-crashed"), ("crashes_at_its_end", "check-crashed")]


class FloodsWithWarnings(Check):
    name = "floods_with_warnings"
    codes = {"alike": Code("one of many", "none", "warning")}

    def end(self):
        for number in range(LIMIT + 3):
            yield self.problem("alike", file="data/places.csv", row=number, message="again")


def test_problems_past_the_limit_are_counted_not_listed(module_copy):
    problems = run(Package(module_copy), [Floods, FloodsWithWarnings])
    assert len(problems) == 2 * LIMIT + 2
    errors, warnings = problems[LIMIT], problems[-1]
    assert (errors.code, errors.severity, errors.file) == ("more-problems", "error", "data/persons.csv")
    assert "5 more problems" in errors.message
    # a flood of warnings stays a warning: it never fails the run
    assert (warnings.code, warnings.severity, warnings.file) == ("more-warnings", "warning", "data/places.csv")
    assert "3 more warnings" in warnings.message


def test_every_check_module_holds_one_declared_check():
    """Each module in validation/checks is a Check with a name equal to the module's, a docstring, codes with words
    and hints; CHECKS runs every one of them, and no code means two things."""
    names = sorted(m.name for m in pkgutil.iter_modules(checks_package.__path__) if not m.name.endswith("_test"))
    declared = {}
    for name in names:
        module = importlib.import_module(f"validation.checks.{name}")
        found = [
            c
            for c in vars(module).values()
            if isinstance(c, type) and issubclass(c, Check) and c is not Check and c.__module__ == module.__name__
        ]
        assert len(found) == 1, f"{name} declares {found}"
        check = found[0]
        assert check.name == name and (module.__doc__ or check.__doc__ or "").strip()
        assert check.codes, f"{name} declares no codes"
        for code, meaning in check.codes.items():
            assert meaning.meaning.strip() and meaning.hint.strip() and meaning.severity in ("error", "warning")
            assert declared.setdefault(code, meaning) == meaning, f"{code} means two things"
    assert sorted(c.name for c in CHECKS) == names
    assert not set(LOADER.codes) & set(declared) and not set(ENGINE_CODES) & set(declared)


def test_every_code_a_problem_is_made_with_is_declared():
    """A problem made with a code its check does not declare would crash that check where it is met: every code
    written in the code is among the declared ones."""
    root = Path(__file__).resolve().parent.parent
    used = set()
    for path in [*root.glob("model/*.py"), *root.glob("validation/**/*.py"), *root.glob("derived/*.py")]:
        if not path.name.endswith("_test.py"):
            text = path.read_text(encoding="utf-8")
            used |= set(re.findall(r'(?:problem|CannotMake)\(\s*"([a-z0-9]+(?:-[a-z0-9]+)+)"', text))
            used |= set(re.findall(r'yield \(?\s*"([a-z0-9]+(?:-[a-z0-9]+)+)",', text))
    declared = set(LOADER.codes) | set(SOURCE_METADATA.codes) | set(ENGINE_CODES)
    declared |= {code for check in CHECKS for code in check.codes}
    assert used and used - declared == set()
