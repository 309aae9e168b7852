"""The maintainers' flaky-test queue: flags, the run matrix, what differs between a passing and
a failing run, and the decisions (confirm, dismiss, send back, rerun with more runs)."""

from __future__ import annotations

import contextlib
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Footer, Header, ProgressBar, Static

from curator.app.messages import RunLog, WorkRefused
from curator.app.screens.base import CuratorScreen
from curator.app.screens.dialogs import TextDialog
from curator.app.views import STACKED_BELOW, diff_text
from curator.bank import Bank
from curator.config import resolve_annotator
from curator.errors import CuratorError
from curator.flaky.evidence import FlakyEvidence, Outcome
from curator.flaky.flags import (
    DECISION_VERBS,
    action_refusal,
    all_flags,
    decision_message,
    read_evidence,
)
from curator.flaky.review import (
    failure_tracebacks,
    pass_fail_pair,
    run_settings_diff,
    traceback_diff,
)
from curator.flaky.runner import DetectionSettings
from curator.flaky.stage import check
from curator.history import check_reviewable, commit_review, decide_flag
from curator.models import Flag, FlagStatus, Task
from curator.quality import quality_settings

MARKS = {
    Outcome.PASS: ("·", "green"),
    Outcome.FAIL: ("F", "bold red"),
    Outcome.ERROR: ("E", "bold red"),
    Outcome.TIMEOUT: ("T", "bold magenta"),
    Outcome.SKIP: ("s", "dim"),
}


class FlagsLoaded(Message):
    def __init__(self, flags: list[tuple[Task, Flag]], unreadable: list[str]) -> None:
        self.flags = flags
        self.unreadable = unreadable  # task folders that could not be read, each with why
        super().__init__()


class ReviewDone(Message):
    def __init__(self, task_id: str, summary: str, committed: bool) -> None:
        self.task_id = task_id
        self.summary = summary
        self.committed = committed  # False: written, but git refused the commit
        super().__init__()


def run_matrix(evidence: FlakyEvidence, focus: str) -> Text:
    """Runs × tests, one coloured mark per cell; the flagged test's column is highlighted."""
    text = Text()
    tests = evidence.tests
    text.append("tests: ", style="bold")
    for column, test in enumerate(tests):
        style = "bold reverse" if test == focus else ""
        text.append(f"{column + 1}={test}", style=style)
        text.append("  ")
    text.append("\n\n")
    text.append("run  kind          " + "".join(f"{i + 1:>3}" for i in range(len(tests))) + "\n")
    for run in evidence.runs:
        text.append(f"{run.spec.index:>3}  {run.spec.kind.value:<12}  ")
        for test in tests:
            cell = run.results.get(test)
            mark, style = ("-", "dim") if cell is None else MARKS[Outcome(cell.outcome)]
            if test == focus:
                style += " reverse"
            text.append(f"{mark:>3}", style=style)
        text.append("\n")
    return text


def evidence_text(evidence: FlakyEvidence | None, flag: Flag) -> Text:
    text = Text()
    if flag.status != FlagStatus.OPEN and flag.history:
        # Who closed it and why: at the end of a long pane, the "all" view hid it.
        last = flag.history[-1]
        text.append(f"{last.verb} {last.at:%Y-%m-%d %H:%M} by {last.who}", style="bold")
        text.append(f": {last.why}\n")
    if evidence is None:
        return text.append("no flaky evidence stored for this task", style="dim")
    verdict = evidence.verdicts.get(flag.test)
    if verdict is not None:
        text.append(f"{flag.test}: {verdict.classification.value}", style="bold")
        text.append(f", failed {verdict.failures} of {verdict.runs} detection runs")
        if verdict.cause:
            text.append(f"\nlikely cause: {verdict.cause}", style="yellow")
    # Dated: the flag's history below may speak of an older check that opened it.
    text.append(
        f"\nchecked {evidence.at:%Y-%m-%d %H:%M}: detection seed {evidence.detection_seed}; "
        f"{evidence.runs_note()}\n\n"
    )
    text.append_text(run_matrix(evidence, flag.test))
    pair = pass_fail_pair(evidence, flag.test)
    if pair is not None:
        text.append("\nwhat the failing run did differently from the passing one\n", style="bold")
        text.append_text(diff_text(run_settings_diff(*pair)))
    tracebacks = failure_tracebacks(evidence, flag.test)
    if len(tracebacks) >= 2:
        text.append("\ntwo distinct failures of this test\n", style="bold")
        text.append_text(diff_text(traceback_diff(tracebacks[0], tracebacks[1])))
    elif tracebacks:
        text.append("\nthe failure\n", style="bold")
        text.append(tracebacks[0], style="red")
    text.append("\nhistory\n", style="bold")
    for event in flag.history:
        when = f"{event.at:%Y-%m-%d %H:%M}"
        text.append(f"  {when} {event.verb} by {event.who}: {event.why}\n")
    return text


class FlakyReview(CuratorScreen):
    COMMAND_CATEGORY = "flaky"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "decide('confirm')", "Confirm", id="flaky.confirm", tooltip="It is flaky"),
        Binding("x", "decide('dismiss')", "Dismiss", id="flaky.dismiss", tooltip="Not flaky"),
        Binding(
            "b",
            "decide('send-back')",
            "Send back",
            id="flaky.send-back",
            tooltip="It is flaky: confirm it, and put the task back to draft for its annotator",
        ),
        Binding(
            "o",
            "decide('reopen')",
            "Reopen",
            id="flaky.reopen",
            tooltip="Open a decided flag again (a mistaken dismissal undone here, not in a shell)",
            show=False,  # F1 and a refusal say it: shown, it pushed F1 Help off at 80 columns
        ),
        Binding("m", "rerun", "Rerun more", id="flaky.rerun", tooltip="More runs"),
        Binding("a", "toggle_all", "All/open", id="flaky.all", tooltip="Show closed flags too"),
        Binding("escape", "back", "Back", id="flaky.back", tooltip="To the bank"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__(id="flaky-review")
        self.bank = bank
        self.flags: list[tuple[Task, Flag]] = []
        self.show_all = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="review-body"):
            yield DataTable(id="flags", cursor_type="row")
            with VerticalScroll(id="evidence-scroll"):
                yield Static("loading the flags…", id="evidence")
        with Horizontal(id="review-status-bar"):
            yield Static("", id="review-status")
            yield ProgressBar(id="review-progress", show_eta=False)
        yield Footer()

    def on_resize(self) -> None:
        """Below 100 columns the flags go above their evidence, not beside it: at 80, beside
        it, the class column was cut off (a scrollbar's thumb showed in its stead) and the
        evidence wrapped a test's name in two."""
        self.set_class(self.size.width < STACKED_BELOW, "stacked")

    def on_mount(self) -> None:
        self.title = "flaky-test review"
        self.query_one("#review-progress", ProgressBar).display = False
        self.load_flags()

    @work(thread=True, exclusive=True, exit_on_error=False, group="flags", name="loading flags")
    def load_flags(self) -> None:
        status = None if self.show_all else FlagStatus.OPEN
        # One broken folder emptied the queue; the flags of the others are still to review.
        scan = self.bank.scan()
        problems = [str(problem) for problem in scan.problems]
        self.post_message(FlagsLoaded(all_flags(scan.tasks, status), problems))

    @on(FlagsLoaded)
    def show_flags(self, event: FlagsLoaded) -> None:
        self.flags = event.flags
        table = self.query_one("#flags", DataTable)
        table.clear(columns=True)
        # The open flags' status goes without saying: at 80 columns the test's name then
        # shows 30 characters, not 20. Among all flags the status comes second, so that a
        # narrow table cuts the test's name, never it.
        table.add_column("task")
        if self.show_all:
            table.add_column("status", width=9)
        table.add_column("test")
        table.add_column("class")
        for task, flag in event.flags:
            status = [flag.status_label] if self.show_all else []
            table.add_row(task.task_id, *status, flag.test, flag.classification)
        which = "flag" if self.show_all else "open flag"
        which += "" if len(event.flags) == 1 else "s"
        self.sub_title = f"{len(event.flags)} {which}"
        if not event.flags:
            self.query_one("#evidence", Static).update(f"no {which}")
        if event.unreadable:
            unreadable = self.notify_unreadable(event.unreadable)
            self.set_status(f"flags of unreadable task folders not shown: {unreadable}")
        table.focus()

    def under_cursor(self) -> tuple[Task, Flag] | None:
        row = self.query_one("#flags", DataTable).cursor_row
        return self.flags[row] if 0 <= row < len(self.flags) else None

    def selected(self) -> tuple[Task, Flag] | None:
        """The flag a key acts on; none, said, in an empty queue (the keys did nothing)."""
        chosen = self.under_cursor()
        if chosen is None:
            self.notify("no flag to act on: the queue is empty", severity="warning")
        return chosen

    @on(DataTable.RowHighlighted, "#flags")
    def flag_highlighted(self) -> None:
        chosen = self.under_cursor()
        if chosen is None:
            return
        task, flag = chosen
        try:
            evidence = read_evidence(self.bank, task.task_id)
        except CuratorError as error:
            self.query_one("#evidence", Static).update(Text(str(error), style="red"))
            return
        self.query_one("#evidence", Static).update(evidence_text(evidence, flag))

    @property
    def who(self) -> str:
        return resolve_annotator(self.app.settings.annotator, self.bank.root)

    def action_decide(self, decision: str) -> None:
        chosen = self.selected()
        if chosen is None or not self.app.identified(lambda: self.action_decide(decision)):
            return
        task, flag = chosen
        refusal = action_refusal(task.task_id, flag, decision)
        if refusal:
            self.refused(WorkRefused(decision, refusal))
            return

        def answered(reason: str | None) -> None:
            if reason:
                self.decide(task.task_id, flag.test, decision, reason)

        self.app.push_screen(
            TextDialog(f"{DECISION_VERBS[decision]} the flag on {task.task_id} {flag.test}: why?"),
            answered,
        )

    # Its own group: reloading the flags once it is done must not cancel it.
    @work(thread=True, exclusive=True, exit_on_error=False, group="decide", name="flag decision")
    def decide(self, task_id: str, test: str, decision: str, reason: str) -> None:
        try:
            decide_flag(self.bank, task_id, test, decision, self.who, reason)
        except CuratorError as error:
            self.post_message(WorkRefused(decision, str(error)))
            return
        summary = f"{task_id} {test}: {decision} ({reason})"
        message = decision_message(decision, test, reason)
        self.post_message(self.commit_review(task_id, message, summary))

    def action_rerun(self, typed: str = "") -> None:
        """Rerun the selected flag's task with more runs; fewer than the bank counts for
        acceptance would replace its evidence with a check that the gate refuses (the task
        would leave accepted), so the answer comes back to be corrected."""
        chosen = self.selected()
        if chosen is None or not self.app.identified(self.action_rerun):
            return
        task, _flag = chosen
        try:
            evidence = read_evidence(self.bank, task.task_id)
            required = quality_settings(self.bank).min_flaky_runs
        except CuratorError as error:
            self.notify(str(error), title="cannot rerun", severity="error")
            return
        suggested = typed or str(max(60, required, 2 * len(evidence.runs) if evidence else 0))

        def answered(runs: str | None) -> None:
            if not runs:
                return
            if runs.isdigit() and int(runs) >= required:
                self.set_status(f"rerunning {task.task_id} with {runs} runs…")
                self.rerun(task.task_id, int(runs))
                return
            self.notify(
                f"give a number of runs, at least {required}: the bank counts no flaky check "
                "of fewer for acceptance (quality.min_flaky_runs in bank.json)",
                severity="warning",
            )
            self.action_rerun(runs)

        question = f"Rerun {task.task_id}: how many runs?"
        self.app.push_screen(TextDialog(question, suggested), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="flaky", name="flaky rerun")
    def rerun(self, task_id: str, runs: int) -> None:
        def progress(_task_id: str, done: int, total: int) -> None:
            self.post_message(RunLog(f"run {done}/{total}", progress=done / max(total, 1)))

        check_reviewable(self.bank, task_id)
        [result] = check(
            self.bank,
            [task_id],
            self.who,
            DetectionSettings(runs=runs),
            self.app.sandbox(),
            on_progress=progress,
        )
        if result.not_stored or result.kept_stored:
            raise CuratorError(
                f"the rerun was not stored: {result.not_stored or result.kept_stored}"
            )
        evidence, changes = result.evidence, result.changes
        notes = ", ".join(f"{c.test} {c.note}" for c in changes) or "no flag changed"
        summary = f"{task_id}: {len(evidence.runs)} runs; {notes}"
        self.post_message(self.commit_review(task_id, f"Rerun {task_id}: {notes}", summary))

    def commit_review(self, task_id: str, message: str, summary: str) -> ReviewDone:
        """Commit what the review wrote (in the worker's thread): `history.commit_review`."""
        try:
            result = commit_review(self.bank, task_id, message, self.who)
        except CuratorError as error:
            return ReviewDone(task_id, f"{summary}; not committed: {error}", committed=False)
        return ReviewDone(task_id, f"{summary}; {result.note()}", committed=True)

    @on(RunLog)
    def show_progress(self, event: RunLog) -> None:
        self.set_status(event.text)
        bar = self.query_one("#review-progress", ProgressBar)
        if event.progress is not None:
            bar.display = True
            bar.update(total=1.0, progress=event.progress)

    @on(ReviewDone)
    def review_done(self, event: ReviewDone) -> None:
        self.query_one("#review-progress", ProgressBar).display = False
        self.set_status(event.summary)
        with contextlib.suppress(CuratorError):  # the queue's reload names an unreadable task
            # The browser under the queue still showed the task's old stage and flags.
            self.app.post_task_changed(self.bank.load(event.task_id))
        if event.committed:
            self.notify(event.summary, title="flaky review")
        else:
            self.notify(event.summary, title="flaky review: not committed", severity="warning")
        self.load_flags()

    @on(WorkRefused)
    def refused(self, event: WorkRefused) -> None:
        self.set_status(f"{event.action} refused: {event.reason}")
        self.notify(event.reason, title=f"{event.action} refused", severity="warning")

    def set_status(self, text: str) -> None:
        self.query_one("#review-status", Static).update(text)

    def worker_failed(self, name: str, message: str) -> None:
        self.set_status(f"{name} failed: {message}")

    def action_toggle_all(self) -> None:
        self.show_all = not self.show_all
        self.load_flags()

    def action_back(self) -> None:
        self.app.pop_screen()
