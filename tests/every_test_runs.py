"""With REQUIRE_EVERY_TEST=1, as .ci/run sets it, a run in which any test is skipped fails (exit status 1), naming
each skipped test and why: CI installs every tool the tests use, so a test skipped there proved nothing. Elsewhere a
test that needs a missing tool is skipped, saying what to install. Registered by the root conftest.py."""

from __future__ import annotations

import os

import pytest


class EveryTestRuns:
    def __init__(self) -> None:
        self.skipped: list[str] = []

    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        # an expected failure (xfail) is reported as skipped, but it ran
        if report.skipped and not hasattr(report, "wasxfail"):
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            self.skipped.append(f"{report.nodeid}: {reason.removeprefix('Skipped: ')}")

    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        if self.skipped and session.exitstatus == pytest.ExitCode.OK:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if self.skipped:
            terminalreporter.section("skipped, but REQUIRE_EVERY_TEST=1 requires every test to run", red=True)
            for line in self.skipped:
                terminalreporter.line(line)


def pytest_configure(config: pytest.Config) -> None:
    # Under pytest-xdist the workers' reports reach the controller, which counts them and sets the exit status; a
    # worker (it has `workerinput`) counts nothing, so that no skip is counted twice.
    if os.environ.get("REQUIRE_EVERY_TEST") == "1" and not hasattr(config, "workerinput"):
        config.pluginmanager.register(EveryTestRuns(), "every-test-runs-counter")
