"""The task workspace: editors for the program, tests and instruction, and the pipeline."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.widgets import (
    Footer,
    Header,
    ProgressBar,
    RichLog,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from curator.app.messages import RunLog, TaskChanged, WorkRefused
from curator.app.screens.base import CuratorScreen
from curator.app.screens.dialogs import ChoiceDialog
from curator.app.widgets.stepper import PipelineStepper
from curator.bank import Bank
from curator.drafts import TaskTexts, apply_edits, clear_draft, recoverable_draft, write_draft
from curator.models import Task
from curator.pipeline import PipelineFacts, StepState, mark_refined, pipeline_status

AUTOSAVE_SECONDS = 2.0
VIEWS = ("program", "tests", "instruction", "results", "coverage", "log")

# The binding that performs each pipeline step, for the stepper's hint.
STEP_BINDINGS = {
    "draft": "task.save",
    "refine": "task.refine",
    "validate": "task.validate",
    "flaky": "task.flaky",
    "condense": "task.condense",
    "commit": "task.commit",
}


class TaskWorkspace(CuratorScreen):
    COMMAND_CATEGORY = "task"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="task.save", priority=True, tooltip="Save edits"),
        Binding("f2", "refine", "Mark refined", id="task.refine", tooltip="Mark refined"),
        Binding("f3", "next_view", "Next view", id="task.next-view", tooltip="Next tab"),
        Binding("escape", "back", "Back", id="task.back", priority=True, tooltip="To the bank"),
    ]

    def __init__(self, bank: Bank, task_id: str) -> None:
        super().__init__(classes="workspace")
        self.bank = bank
        self.task_id = task_id
        self.current: Task = bank.load(task_id)
        self.last_autosaved: TaskTexts | None = None
        self.unsaved = False

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield PipelineStepper(id="stepper")
        with TabbedContent(id="views"):
            with TabPane("Program", id="program"):
                yield TextArea.code_editor(
                    self.current.program, language="python", id="program-editor"
                )
            with TabPane("Tests", id="tests"):
                yield TextArea.code_editor(self.current.test, language="python", id="tests-editor")
            with TabPane("Instruction", id="instruction"):
                yield TextArea(
                    self.current.instruct_prompt,
                    language="markdown",
                    soft_wrap=True,
                    id="instruction-editor",
                )
            with TabPane("Log", id="log"):
                yield RichLog(id="run-log", wrap=True, markup=True)
        with Horizontal(id="status-bar"):
            yield Static("", id="status")
            yield ProgressBar(id="progress", show_eta=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.task_id
        self.query_one("#progress", ProgressBar).display = False
        self.refresh_pipeline()
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)
        self.query_one("#program-editor", TextArea).focus()
        self.offer_recovery()

    # -- editing, saving, autosave -----------------------------------------------------------

    def editor_texts(self) -> TaskTexts:
        return TaskTexts(
            program=self.query_one("#program-editor", TextArea).text,
            tests=self.query_one("#tests-editor", TextArea).text,
            instruction=self.query_one("#instruction-editor", TextArea).text,
        )

    def load_texts(self, texts: TaskTexts) -> None:
        self.query_one("#program-editor", TextArea).load_text(texts.program)
        self.query_one("#tests-editor", TextArea).load_text(texts.tests)
        self.query_one("#instruction-editor", TextArea).load_text(texts.instruction)

    @on(TextArea.Changed)
    def edited(self) -> None:
        unsaved = self.editor_texts() != TaskTexts.of(self.current)
        if unsaved != self.unsaved:
            self.unsaved = unsaved
            self.refresh_pipeline()

    def autosave(self) -> None:
        """Keep unsaved edits on disk so that a crash loses at most a few seconds of work."""
        if not self.unsaved:
            return
        texts = self.editor_texts()
        if texts != self.last_autosaved:
            write_draft(self.bank, self.task_id, texts)
            self.last_autosaved = texts

    def offer_recovery(self) -> None:
        draft = recoverable_draft(self.bank, self.current)
        if draft is None:
            return

        def answered(choice: str | None) -> None:
            if choice == "recover":
                self.load_texts(draft.texts)
                self.notify("recovered the autosaved edits; save them with Ctrl+S")
            elif choice == "discard":
                clear_draft(self.bank, self.task_id)

        when = draft.saved_at.strftime("%Y-%m-%d %H:%M:%S")
        self.app.push_screen(
            ChoiceDialog(
                f"{self.task_id} has unsaved edits autosaved at {when} UTC. Recover them?",
                [("recover", "Recover", "r"), ("discard", "Discard", "d")],
            ),
            answered,
        )

    def save(self) -> bool:
        """Write the edits to the bank; True when the bank holds what the editors show."""
        texts = self.editor_texts()
        annotator = self.app.settings.annotator  # type: ignore[attr-defined]
        updated = apply_edits(self.current, texts, annotator)
        if updated is not self.current:
            self.write_task(updated)
        clear_draft(self.bank, self.task_id)
        self.last_autosaved = None
        self.unsaved = False
        self.refresh_pipeline()
        return True

    def write_task(self, task: Task) -> None:
        with self.bank.lock():
            self.bank.save(task)
        self.current = task
        self.app.post_task_changed(task)  # type: ignore[attr-defined]

    def discard(self) -> None:
        clear_draft(self.bank, self.task_id)
        self.unsaved = False

    # -- the pipeline ------------------------------------------------------------------------

    def facts(self) -> PipelineFacts:
        return PipelineFacts(unsaved=self.unsaved)

    def refresh_pipeline(self) -> None:
        stepper = self.query_one(PipelineStepper)
        stepper.keys = {
            step: self.app.key_for(binding_id)  # type: ignore[attr-defined]
            for step, binding_id in STEP_BINDINGS.items()
        }
        stepper.statuses = pipeline_status(self.current, self.facts())
        self.sub_title = f"{self.current.stage.value}{' · unsaved' if self.unsaved else ''}"

    def step_state(self, step: str) -> StepState:
        return next(s.state for s in pipeline_status(self.current, self.facts()) if s.step == step)

    def write_log(self, text: str) -> None:
        self.query_one("#run-log", RichLog).write(text)

    @on(RunLog)
    def show_run_log(self, event: RunLog) -> None:
        self.write_log(event.text)
        bar = self.query_one("#progress", ProgressBar)
        if event.progress is not None:
            bar.display = True
            bar.update(total=1.0, progress=event.progress)

    @on(WorkRefused)
    def show_refusal(self, event: WorkRefused) -> None:
        self.set_status(f"{event.action} refused: {event.reason}")
        self.notify(event.reason, title=f"{event.action} refused", severity="warning", timeout=10)

    def set_status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    def worker_failed(self, group: str, message: str) -> None:
        self.query_one("#progress", ProgressBar).display = False
        self.set_status(f"{group} failed: {message}")
        self.write_log(f"[red]{group} failed:[/] {message}")

    # -- actions -----------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.save():
            self.set_status("saved")
            self.notify("saved", timeout=2)

    def action_refine(self) -> None:
        self.save()
        if self.step_state("refine") is StepState.BLOCKED:
            self.notify("finish the draft first", severity="warning")
            return
        updated = mark_refined(self.current, self.app.settings.annotator)  # type: ignore[attr-defined]
        if updated is not self.current:
            self.write_task(updated)
        self.refresh_pipeline()
        self.set_status("marked refined")

    def action_next_view(self) -> None:
        tabs = self.query_one(TabbedContent)
        panes = [pane.id for pane in tabs.query(TabPane) if pane.id]
        index = panes.index(tabs.active) if tabs.active in panes else -1
        self.show_view(panes[(index + 1) % len(panes)])

    def show_view(self, view: str) -> None:
        self.query_one(TabbedContent).active = view

    def action_back(self) -> None:
        if not self.unsaved:
            self.app.pop_screen()
            return

        def answered(choice: str | None) -> None:
            if choice == "save":
                self.save()
                self.app.pop_screen()
            elif choice == "discard":
                self.discard()
                self.app.pop_screen()

        self.app.push_screen(
            ChoiceDialog(
                f"{self.task_id} has unsaved edits.",
                [("save", "Save", "s"), ("discard", "Discard", "d"), ("cancel", "Cancel", "c")],
            ),
            answered,
        )

    @on(TaskChanged)
    def task_changed(self, event: TaskChanged) -> None:
        if event.task.task_id == self.task_id and event.task is not self.current:
            self.current = event.task
            self.refresh_pipeline()
