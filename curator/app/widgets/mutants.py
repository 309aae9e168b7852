"""The Mutants tab: the task's mutation score and each surviving mutant as a diff.

Reads `mutation.json` (written by `curator mutate`); a survivor is a planted bug no test
noticed, which a reviewer either kills with a new assertion or marks equivalent.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.syntax import Syntax
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from curator.bank import Bank
from curator.errors import CuratorError
from curator.models import Task
from curator.mutation import MutationReport, read_report


def not_run(task_id: str) -> str:
    return f"no mutation analysis yet: press r here to run it (or `curator mutate {task_id}`)"


def mutants_renderable(report: MutationReport | None, task: Task) -> RenderableType:
    """The score line, every survivor not marked equivalent with its diff, then the marked ones
    with who marked them and why, for a reviewer to check."""
    if report is None:
        return Text(not_run(task.task_id), style="dim")
    lines: list[RenderableType] = []
    header = Text()
    if report.problem:
        header.append(f"not run: {report.problem}", style="red")
    else:
        score = "-" if report.score is None else f"{report.score:.1f}%"
        header.append(f"mutation score {score}", style="bold")
        header.append(
            f"  ·  {len(report.mutants)} mutants, {len(report.survivors())} surviving, "
            f"{len(report.equivalent_ids())} equivalent"
        )
    if report.content_hash != task.content_hash():
        header.append("  ·  stale: the task changed since", style="yellow")
    header.append("  ·  r reruns", style="dim")
    lines.append(header)
    for mutant in report.survivors():
        title = Text(f"\n{mutant.id}  {mutant.operator}  line {mutant.line}: ", style="bold")
        title.append(mutant.description, style="")
        if not mutant.covered:
            title.append("  (no test runs this line)", style="dim")
        lines.append(title)
        lines.append(Syntax(mutant.diff.rstrip("\n"), "diff", theme="ansi_dark"))
    if not report.survivors() and not report.problem:
        lines.append(Text("\nevery mutant is killed or marked equivalent", style="green"))
    marked = [mutant for mutant in report.mutants if mutant.id in report.equivalent]
    if marked:
        lines.append(
            Text(f"\nmarked equivalent (take one back: curator mutate {task.task_id} --unmark ID)")
        )
    for mutant in marked:
        mark = report.equivalent[mutant.id]
        title = Text(f"\n{mutant.id}  {mutant.operator}  line {mutant.line}: ", style="dim bold")
        title.append(f"{mutant.description}\n", style="dim")
        title.append(f"by {mark.who}: {mark.reason}", style="italic")
        lines.append(title)
        lines.append(Text(mutant.diff.rstrip("\n"), style="dim"))
    return Group(*lines)


class MutantsView(VerticalScroll):
    """Scrolls the survivors of the task's latest mutation analysis; `r` runs one (it could be
    run from the command line alone, where a bank's quality bar may require a score)."""

    HELP_CATEGORY = "mutants"  # F1 lists `r`, which the footer leaves out

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer, where it pushed F1 off at 80 columns: the tab's text says it.
        Binding(
            "r", "run", "Run mutants", id="task.mutate", tooltip="Mutation analysis", show=False
        )
    ]

    class RunRequested(Message):
        """Run the task's mutation analysis (`curator mutate ID`)."""

    def action_run(self) -> None:
        self.post_message(self.RunRequested())

    def compose(self) -> ComposeResult:
        yield Static(id="mutants-view")  # `show` fills it

    def show(self, bank: Bank, task: Task) -> None:
        try:
            report = read_report(bank, task.task_id)
        except CuratorError as error:
            self.query_one("#mutants-view", Static).update(Text(str(error), style="red"))
            return
        self.query_one("#mutants-view", Static).update(mutants_renderable(report, task))
