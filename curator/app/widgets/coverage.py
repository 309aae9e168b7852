"""The coverage view: the solution with its missed lines and branches, stepped through by key."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from curator.app.views import (
    COVERAGE_HEADER_LINES,
    chance_notes,
    coverage_misses,
    coverage_text,
)
from curator.flaky.evidence import CoverageVariation
from curator.validation import ValidationReport


class CoverageView(VerticalScroll, can_focus=True):
    """Opens at the first miss; `n` and `p` (or `j` and `k`) step through the misses. Lines
    never wrap (the view scrolls sideways), so a program line is one screen line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n,j", "step(1)", "Next miss", id="coverage.next", show=False),
        Binding("p,k", "step(-1)", "Previous miss", id="coverage.previous", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.program = ""
        self.report: ValidationReport | None = None
        self.stale: str | None = None
        self.chance: CoverageVariation | None = None
        self.misses: list[int] = []
        self.current: int | None = None

    def compose(self) -> ComposeResult:
        yield Static("not validated yet (F5)", id="coverage-view")

    def show(
        self,
        program: str,
        report: ValidationReport | None,
        stale: str | None,
        chance: CoverageVariation | None = None,
    ) -> None:
        """`chance`: what the flaky check of this very program reached only by chance."""
        self.program, self.report, self.stale, self.chance = program, report, stale, chance
        missed = coverage_misses(report) if report is not None else []
        self.misses = sorted({*missed, *chance_notes(chance)})
        self.current = self.misses[0] if self.misses else None
        self.redraw()
        self.call_after_refresh(self.scroll_to_current)

    def redraw(self) -> None:
        view = self.query_one("#coverage-view", Static)
        if self.report is None:
            view.update("not validated yet (F5)")
            return
        text = Text()
        if self.stale:
            text.append(f"STALE: {self.stale}; F5 validates again\n", style="bold yellow")
        if self.misses:
            text.append("n / p: next / previous miss\n", style="dim")
        text.append_text(coverage_text(self.program, self.report, self.current, self.chance))
        text.no_wrap = True
        view.update(text)

    def scroll_to_current(self) -> None:
        if self.current is None:
            return
        banner = (1 if self.stale else 0) + 1  # the stale line, the n / p hint
        y = banner + COVERAGE_HEADER_LINES + self.current - 1
        self.scroll_to(y=max(0, y - 3), animate=False)

    def action_step(self, direction: int) -> None:
        if not self.misses:
            self.notify("nothing was missed", timeout=2)
            return
        index = self.misses.index(self.current) if self.current in self.misses else -direction
        self.current = self.misses[(index + direction) % len(self.misses)]
        self.redraw()
        self.scroll_to_current()
