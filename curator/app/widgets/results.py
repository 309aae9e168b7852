"""The results pane: the verdict, one row per test, and the highlighted test's traceback.

Enter on a test follows its traceback's last `tests.py, line N` to the Tests editor.
"""

from __future__ import annotations

import re

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static

from curator.app.views import STACKED_BELOW, outcome_cells, report_header, traceback_view
from curator.validation import ValidationReport

TESTS_LINE = re.compile(r'tests\.py", line (\d+)')


def tests_line(traceback: str) -> int | None:
    """The innermost line of the tests module a traceback passes through."""
    found = TESTS_LINE.findall(traceback)
    return int(found[-1]) if found else None


class ResultsPane(Vertical):
    class FollowTraceback(Message):
        """Show line `line` of the tests."""

        def __init__(self, line: int) -> None:
            self.line = line
            super().__init__()

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.report: ValidationReport | None = None
        self.names: list[str] = []

    def compose(self) -> ComposeResult:
        with Horizontal(id="results-body"):
            yield DataTable(id="test-results", cursor_type="row")
            with VerticalScroll(id="traceback-scroll"):
                yield Static("", id="traceback")
        # Docked above the tests, after them in the focus chain (Tab reaches the tests first).
        # It scrolls: at 80x24 eight lines hold the verdict and a few findings, not a task's
        # warnings and runtime findings too (BigCodeBench/590's network finding was cut off).
        with VerticalScroll(id="verdict-scroll"):
            yield Static("not validated yet (F5)", id="verdict")

    def on_resize(self) -> None:
        """Below 100 columns the traceback goes under the tests: beside them, at 80, test
        names were cut at 30 characters and tracebacks wrapped mid-word."""
        self.set_class(self.app.size.width < STACKED_BELOW, "stacked")

    def on_mount(self) -> None:
        # The outcome first: in 80 columns the table has about 48, and a BigCodeBench test's
        # name alone can take them all.
        self.query_one(DataTable).add_columns("outcome", "time", "test")

    def show_unreadable(self, problem: str) -> None:
        """No results to show: the stored report cannot be read (a hand edit, a merge)."""
        self.show(None, None)
        self.query_one("#verdict", Static).update(
            Text(f"the stored results cannot be read: {problem}; F5 validates again", "yellow")
        )

    def show(
        self, report: ValidationReport | None, stale: str | None, preeval: str | None = None
    ) -> None:
        """The report, marked stale with the reason when it no longer speaks for the task; the
        last pre-evaluation's solve rates under it (the CLI alone showed them)."""
        self.report = report
        table = self.query_one(DataTable)
        table.clear()
        self.names = []
        solved = Text(f"\npre-evaluation: {preeval}", style="dim") if preeval else Text()
        if report is None:
            self.query_one("#verdict", Static).update(Text("not validated yet (F5)") + solved)
            self.query_one("#traceback", Static).update("")
            return
        header = Text()
        if stale:
            header.append(f"STALE: {stale}; F5 validates again\n", style="bold yellow")
        header.append_text(report_header(report))
        header.append_text(solved)
        self.query_one("#verdict", Static).update(header)
        self.names = sorted(
            report.tests, key=lambda name: (report.tests[name].outcome == "pass", name)
        )
        for name in self.names:
            table.add_row(*outcome_cells(report.tests[name]), name)
        first = self.names[0] if self.names else None
        self.query_one("#traceback", Static).update(traceback_view(report, first))

    @on(DataTable.RowHighlighted, "#test-results")
    def test_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.report is not None and 0 <= event.cursor_row < len(self.names):
            test = self.names[event.cursor_row]
            self.query_one("#traceback", Static).update(traceback_view(self.report, test))

    @on(DataTable.RowSelected, "#test-results")
    def test_selected(self, event: DataTable.RowSelected) -> None:
        if self.report is None or not 0 <= event.cursor_row < len(self.names):
            return
        outcome = self.report.tests[self.names[event.cursor_row]]
        line = tests_line(outcome.traceback or "")
        if line is None:
            self.notify("this test's traceback names no line of tests.py", timeout=3)
        else:
            self.post_message(self.FollowTraceback(line))
