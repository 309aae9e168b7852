"""The pipeline stepper: each step's state, and what blocks the next one."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from curator.pipeline import StepState, StepStatus, next_step

MARKS = {StepState.DONE: "✓", StepState.READY: "●", StepState.BLOCKED: "✗"}
STYLES = {StepState.DONE: "bold green", StepState.READY: "bold yellow", StepState.BLOCKED: "dim"}


class PipelineStepper(Static):
    """Two lines: the steps with their marks, then the next step and why."""

    statuses: reactive[list[StepStatus]] = reactive(list, always_update=True)
    keys: reactive[dict[str, str]] = reactive(dict)

    def render(self) -> Text:
        line = self.steps_line("  ›  ")
        if line.cell_len > self.size.width:  # below 80 columns the steps would wrap
            line = self.steps_line(" ")
        line.append("\n")
        upcoming = next_step(self.statuses)
        if upcoming is None:
            line.append("every step is done", style="green")
        else:
            # The key comes before the reason, which a narrow screen cuts: at 60 columns the
            # hint at its end read "[f…".
            key = self.keys.get(upcoming.step.value)
            line.append(f"next: {upcoming.step.value}", style="bold")
            if key:
                line.append(f" [{key}]", style="bold")
            line.append(f" — {upcoming.reason}")
        return line

    def watch_statuses(self, statuses: list[StepStatus]) -> None:
        upcoming = next_step(statuses)
        self.tooltip = None if upcoming is None else f"{upcoming.step.value}: {upcoming.reason}"

    def steps_line(self, separator: str) -> Text:
        line = Text()
        for index, status in enumerate(self.statuses):
            if index:
                line.append(separator, style="dim")
            line.append(f"{MARKS[status.state]} {status.step.value}", style=STYLES[status.state])
        return line
