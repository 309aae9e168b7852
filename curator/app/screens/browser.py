"""The bank browser: every task in a table, filtered as you type, sorted by any column."""

from __future__ import annotations

import threading
from collections import Counter
from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Footer, Header, Input, Static

from curator import environment
from curator.app.messages import BankChunkLoaded, TaskChanged
from curator.app.rows import (
    COLUMN_KEYS,
    RowCache,
    RowFilter,
    TaskRow,
    sort_rows,
    stage_counts,
    task_row,
)
from curator.app.screens.base import CuratorScreen
from curator.app.screens.dialogs import ChoiceDialog, NewTaskAnswer, NewTaskDialog, NewTaskField
from curator.app.widgets.task_table import ColumnHeader, TaskTable
from curator.bank import Bank, load_bank_folder
from curator.config import default_jobs, resolve_annotator
from curator.drafts import library_names, new_task
from curator.envcheck import unimportable_libraries
from curator.errors import CuratorError, TaskFileError
from curator.models import Task
from curator.pipeline import STAGE_ORDER
from curator.validation import ValidationReport, validate_tasks

CHUNK = 1000


def build_row(
    directory: Path, here: str | None = None, bank_timeout_s: float | None = None
) -> TaskRow:
    return task_row(load_bank_folder(directory), here, bank_timeout_s)


ASK_BEFORE_VALIDATING = 10
"""`v` asks before validating more tasks than this: on a copied BigCodeBench bank one key
started 286 validations (its TensorFlow tasks among them) unasked."""


class BankBrowser(CuratorScreen):
    COMMAND_CATEGORY = "bank"
    AUTO_FOCUS = "#tasks"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("slash", "focus_filter", "Filter", id="bank.filter", tooltip="Filter tasks"),
        Binding("escape", "leave_filter", "Clear filter", id="bank.clear-filter", show=False),
        Binding("enter", "open_task", "Open", id="bank.open", tooltip="Open the task"),
        Binding("n", "new_task", "New", id="bank.new", tooltip="Start a task by hand"),
        Binding("s", "sort_next", "Sort", id="bank.sort", tooltip="Sort by the next column"),
        Binding("d", "reverse_sort", "Reverse", id="bank.reverse", show=False, tooltip="Reverse"),
        Binding("f", "flaky_review", "Flaky queue", id="bank.flaky", tooltip="Review flags"),
        Binding("r", "release", "Release", id="bank.release", tooltip="Release screen"),
        Binding(
            "e",
            "environment",
            "Environment",
            id="bank.environment",
            tooltip="The bank's environment: missing modules, env sync",
            show=False,  # in the palette and the help; the footer is full
        ),
        Binding(
            "v",
            "validate_due",
            "Validate",
            id="bank.validate",
            tooltip="Validate the tasks shown whose last validation does not count here",
            show=False,  # the status line offers it when some do not; the footer is full
        ),
        Binding("ctrl+r", "reload", "Reload", id="bank.reload", show=False, tooltip="Reload"),
        Binding(
            "u",
            "show_unreadable",
            "Unreadable",
            id="bank.unreadable",
            tooltip="The task folders that could not be read, each with why",
            show=False,  # the status line offers it when some could not
        ),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__(id="browser")
        self.bank = bank
        self.all_rows: list[TaskRow] = []
        self.problems: list[TaskFileError] = []
        self.row_filter = RowFilter()
        self.sort_column = "id"
        self.sort_descending = False
        self.still_loading = True
        self.total = 0
        self.validating = ""  # the batch validation's progress, while one runs
        self.stop_validating = threading.Event()  # set: the batch starts no more runs
        self.stop_question: ChoiceDialog | None = None  # "Stop validating?", while it is open

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter by id, text, library, stage or verdict  ( / )", id="filter")
        yield ColumnHeader(id="columns")
        yield TaskTable(id="tasks")
        yield Static("loading…", id="counts")
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.bank.name
        self.load_bank()

    # -- loading -----------------------------------------------------------------------------

    @work(thread=True, exclusive=True, exit_on_error=False, group="bank", name="loading the bank")
    def load_bank(self) -> None:
        directories = self.bank.task_dirs()
        total = len(directories)
        here, limit = environment.bank_fingerprint(self.bank.root), self.bank_timeout_s()
        cache = RowCache.read(self.bank.private_dir, here, limit)
        if not directories:
            self.post_message(BankChunkLoaded([], [], 0, 0))
        for start in range(0, total, CHUNK):
            rows, problems = [], []
            for directory in directories[start : start + CHUNK]:
                try:
                    rows.append(cache.row(directory, lambda path: build_row(path, here, limit)))
                except TaskFileError as problem:
                    problems.append(problem)
            loaded = min(start + CHUNK, total)
            self.post_message(BankChunkLoaded(rows, problems, loaded, total))
        cache.write()

    def bank_timeout_s(self) -> float | None:
        """The bank's time limit per run (bank.json): rows mark results of another stale. A
        malformed one is reported where runs need it."""
        try:
            return self.bank.timeout_s
        except CuratorError:
            return None

    @on(BankChunkLoaded)
    def add_loaded_rows(self, event: BankChunkLoaded) -> None:
        if event.loaded <= CHUNK:
            self.all_rows, self.problems = [], []
        self.all_rows.extend(event.rows)
        self.problems.extend(event.problems)
        self.still_loading = not event.done
        self.total = event.total
        self.resort()
        if event.done and self.problems:
            self.notify_unreadable(self.problems)

    @on(TaskChanged)
    def refresh_task(self, event: TaskChanged) -> None:
        here = environment.bank_fingerprint(self.bank.root)
        row = task_row(event.task, here, self.bank_timeout_s())
        self.all_rows = [row if old.task_id == row.task_id else old for old in self.all_rows]
        if all(old.task_id != row.task_id for old in self.all_rows):
            self.all_rows.append(row)
        self.resort()

    # -- filtering and sorting ---------------------------------------------------------------

    def resort(self) -> None:
        self.all_rows = sort_rows(self.all_rows, self.sort_column, self.sort_descending)
        header = self.query_one(ColumnHeader)
        header.sort_column = self.sort_column
        header.sort_descending = self.sort_descending
        self.apply_filter()

    def apply_filter(self) -> None:
        shown = self.row_filter.apply(self.all_rows, self.query_one("#filter", Input).value)
        self.query_one(TaskTable).set_rows(shown)
        self.show_counts(shown)

    def show_counts(self, shown: list[TaskRow]) -> None:
        counts = stage_counts(shown)
        per_stage = " · ".join(
            f"{stage.value} {counts[stage.value]}" for stage in STAGE_ORDER if counts[stage.value]
        )
        rejected = counts.get("rejected")
        if rejected:
            per_stage += f" · rejected {rejected}"
        status = f"{len(shown)} of {len(self.all_rows)} tasks"
        if self.still_loading:
            status += f" (loading {len(self.all_rows)}/{self.total}…)"
        if self.problems:
            # They were named in a toast alone, gone in seconds (walk 47).
            key = self.app.key_for("bank.unreadable", self)
            status += f" · {len(self.problems)} unreadable: {key}"
        due = sum(not row.validation_counts for row in shown)
        if self.validating:
            status += f" · {self.validating}"
        elif due and not self.still_loading:
            status += f" · {due} to validate: {self.app.key_for('bank.validate', self)}"
        self.query_one("#counts", Static).update(f"{status}   {per_stage}")

    @on(Input.Changed, "#filter")
    def filter_changed(self) -> None:
        self.apply_filter()

    @on(Input.Submitted, "#filter")
    def filter_submitted(self) -> None:
        self.query_one(TaskTable).focus()

    @on(ColumnHeader.SortRequested)
    def sort_requested(self, event: ColumnHeader.SortRequested) -> None:
        if event.column == self.sort_column:
            self.sort_descending = not self.sort_descending
        else:
            self.sort_column, self.sort_descending = event.column, False
        self.resort()

    # -- actions -----------------------------------------------------------------------------

    def action_focus_filter(self) -> None:
        self.query_one("#filter", Input).focus()

    def action_leave_filter(self) -> None:
        """Esc in the filter clears it (a second Esc, or Esc on the table, leaves it empty)."""
        filter_input = self.query_one("#filter", Input)
        if filter_input.value:
            filter_input.value = ""
        self.query_one(TaskTable).focus()

    def action_sort_next(self) -> None:
        index = (COLUMN_KEYS.index(self.sort_column) + 1) % len(COLUMN_KEYS)
        self.sort_column, self.sort_descending = COLUMN_KEYS[index], False
        self.resort()

    def action_reverse_sort(self) -> None:
        self.sort_descending = not self.sort_descending
        self.resort()

    def action_show_unreadable(self) -> None:
        if not self.problems:
            self.notify("every task folder was read", timeout=3)
            return
        listed = "\n\n".join(str(problem) for problem in self.problems)
        self.app.push_screen(
            ChoiceDialog(
                f"{len(self.problems)} task folder(s) could not be read:\n\n{listed}",
                [("cancel", "Close", "escape")],
            )
        )

    def action_reload(self) -> None:
        self.still_loading = True
        self.load_bank()

    def action_open_task(self) -> None:
        task_id = self.query_one(TaskTable).current_task_id
        if task_id is not None:
            self.open_task(task_id)

    @on(TaskTable.Selected)
    def row_selected(self, event: TaskTable.Selected) -> None:
        self.open_task(event.task_id)

    def open_task(self, task_id: str) -> None:
        self.app.open_task(task_id)

    def action_new_task(
        self,
        typed: NewTaskAnswer | None = None,
        refusal: str = "",
        field: NewTaskField = "id",
    ) -> None:
        """Start a task by hand (`curator new`): its id and libraries, then its workspace. A
        refused answer comes back in the dialog, with the reason, to be corrected."""

        def answered(answer: NewTaskAnswer | None) -> None:
            if answer is None:
                return
            if not self.app.identified(lambda: answered(answer)):
                return
            try:
                libraries = library_names(answer.libraries)
            except CuratorError as error:
                self.action_new_task(answer, str(error), "libraries")
                return
            annotator = resolve_annotator(self.app.settings.annotator, self.bank.root)
            try:
                task = new_task(answer.task_id, libraries, annotator)
                with self.bank.lock():
                    self.bank.add_all([task])
            except CuratorError as error:
                self.action_new_task(answer, str(error), "id")
                return
            self.action_reload()
            self.open_task(task.task_id)
            self.warn_of_unimportable(task.libs)

        self.app.push_screen(NewTaskDialog(typed, refusal, field), answered)

    @work(thread=True, group="libraries")
    def warn_of_unimportable(self, libraries: list[str]) -> None:
        """Asks the bank's interpreter (a subprocess), so off the UI thread."""
        unimportable = unimportable_libraries(self.bank.root, libraries)
        if unimportable:
            self.app.call_from_thread(
                self.app.notify, unimportable, title="check the libraries", severity="warning"
            )

    # -- validating what does not count here (a new environment, a copied bank) ---------------

    def action_validate_due(self) -> None:
        """Validate the tasks shown whose last validation does not count here: never run,
        changed since, or run in another environment or under another time limit."""
        if self.validating:
            self.stop_question = self.ask(
                "Stop validating? The runs under way finish and are kept; the tasks not "
                "started yet do not run.",
                ("Stop", "v"),
                self.stop_validating.set,
            )
            return
        due = [row.task_id for row in self.query_one(TaskTable).rows if not row.validation_counts]
        declared = environment.declared_environment(self.bank.root)
        unbuilt = declared.unbuilt_problem() if declared is not None else None
        if due and unbuilt is not None:
            # Said before the question, not after the 40 tasks it offered to validate.
            self.notify(f"{unbuilt} (or e, then y)", title="validate", severity="warning")
            return
        if not due:
            self.notify("the last validation of every task shown counts here", title="validate")
            return
        if len(due) <= ASK_BEFORE_VALIDATING:
            self.start_validating(due)
            return
        self.ask(
            f"Validate {len(due)} tasks, {default_jobs()} at a time? None has a validation "
            "that counts here (never run, or run on other content, in another environment or "
            "under another time limit). What finishes is kept; v again stops the rest.",
            ("Validate", "v"),
            lambda: self.start_validating(due),
        )

    def start_validating(self, due: list[str]) -> None:
        self.stop_validating = threading.Event()
        self.validating = f"validating 0/{len(due)}…"
        self.apply_filter()
        self.validate_due(due)

    @work(thread=True, exclusive=True, exit_on_error=False, group="validate", name="validation")
    def validate_due(self, ids: list[str]) -> None:
        done = 0

        def reported(report: ValidationReport, cached: bool) -> None:
            nonlocal done
            done += 1
            progress = f"validating {done}/{len(ids)}: {report.task_id} {report.verdict.value}"
            self.app.call_from_thread(self.validated_one, self.bank.load(report.task_id), progress)

        results = validate_tasks(
            self.bank,
            ids,
            self.app.sandbox(),
            jobs=default_jobs(),
            on_report=reported,
            stop=self.stop_validating,
        )
        verdicts = Counter(report.verdict.value for report in results.reports)
        if results.unreadable:
            verdicts["unreadable"] = len(results.unreadable)
        counted = ", ".join(f"{count} {verdict}" for verdict, count in verdicts.most_common())
        summary = f"validated {len(results.reports)} task(s): {counted}"
        if results.not_run:
            summary += f"; stopped: {len(results.not_run)} not run"
        self.app.call_from_thread(self.validated_all, summary)

    def validated_one(self, task: Task, progress: str) -> None:
        self.validating = progress
        self.app.post_task_changed(task)

    def validated_all(self, summary: str) -> None:
        self.validating = ""
        self.close_stop_question()
        self.apply_filter()
        self.notify(summary, title="validate")

    def worker_failed(self, name: str, message: str) -> None:
        if name == "validation":
            self.validating = ""
            self.close_stop_question()
            self.apply_filter()

    def close_stop_question(self) -> None:
        """Nothing is left to stop: the question stayed open after the runs had ended."""
        if self.stop_question is not None and self.stop_question.is_current:
            self.stop_question.dismiss("cancel")
        self.stop_question = None

    def action_flaky_review(self) -> None:
        self.app.open_flaky()

    def action_environment(self) -> None:
        from curator.app.screens.environment import EnvironmentScreen

        self.app.push_screen(EnvironmentScreen(self.bank))

    def action_release(self) -> None:
        self.app.open_release()
