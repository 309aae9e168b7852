"""The task workspace: editors for the program, tests and instruction, and the pipeline.

Every pipeline step is one key (see STEP_BINDINGS); slow steps run in thread workers that post
the messages in `curator.app.messages`, and the handlers here own the screen's state.
"""

from __future__ import annotations

import threading
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    ProgressBar,
    RichLog,
    Static,
    TabbedContent,
    TabPane,
    TextArea,
)

from curator.app.messages import (
    Committed,
    FlakyFinished,
    HistoryLoaded,
    LLMChunk,
    ProposalReady,
    RunLog,
    TaskChanged,
    ValidationFinished,
    WorkRefused,
)
from curator.app.screens.base import CuratorScreen
from curator.app.screens.dialogs import ChoiceDialog, TextDialog
from curator.app.views import (
    OUTCOME_STYLES,
    coverage_text,
    diff_text,
    proposal_text,
    report_header,
    traceback_view,
)
from curator.app.widgets.stepper import PipelineStepper
from curator.bank import INSTRUCTION_FILE, PROGRAM_FILE, TESTS_FILE, Bank
from curator.condense import apply_instruction, condense_task, information_loss
from curator.drafts import TaskTexts, apply_edits, clear_draft, recoverable_draft, write_draft
from curator.errors import CuratorError
from curator.flaky.evidence import FlakyEvidence, flaky_checked_hash
from curator.flaky.flags import read_evidence, record_detection
from curator.flaky.runner import DetectionSettings, detect_flaky
from curator.gitbank import GitBank
from curator.history import CommitRefused, commit_task, resolve_annotator, task_diff, task_log
from curator.llm import operations
from curator.llm.checking import check_task
from curator.llm.client import LLMCancelled
from curator.llm.operations import Assistant
from curator.llm.proposals import ProposedChange, apply
from curator.models import Stage, Task
from curator.pipeline import (
    PipelineFacts,
    Step,
    StepState,
    StepStatus,
    mark_refined,
    pipeline_status,
)
from curator.validation import ValidationReport, current_report, store_report, validate_task

AUTOSAVE_SECONDS = 2.0

# Which editor (a TaskTexts field) shows each file a proposal changes.
EDITOR_OF_FILE = {PROGRAM_FILE: "program", TESTS_FILE: "tests", INSTRUCTION_FILE: "instruction"}

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
    AUTO_FOCUS = "#program-editor"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save", id="task.save", priority=True, tooltip="Save edits"),
        Binding("f2", "refine", "Mark refined", id="task.refine", tooltip="Refine step done"),
        Binding("f3", "next_view", "Next view", id="task.next-view", tooltip="Next tab"),
        Binding("f4", "coverage", "Coverage", id="task.coverage", tooltip="Coverage view"),
        Binding("f5", "validate", "Validate", id="task.validate", tooltip="Run the tests"),
        Binding("f6", "flaky", "Flaky check", id="task.flaky", tooltip="Rerun the tests"),
        Binding("f7", "condense", "Condense", id="task.condense", tooltip="Write instruction"),
        Binding("f8", "commit", "Commit", id="task.commit", tooltip="Commit as accepted"),
        Binding("ctrl+l", "ask_llm", "Ask LLM", id="task.llm", tooltip="LLM proposal"),
        Binding("ctrl+o", "accept_proposal", "Accept", id="task.accept", tooltip="Accept it"),
        Binding("ctrl+t", "edit_proposal", "Edit it", id="task.edit-proposal", tooltip="Edit"),
        Binding("ctrl+r", "reject_proposal", "Reject", id="task.reject", tooltip="Reject it"),
        Binding("f9", "history", "History", id="task.history", tooltip="Log and diff"),
        Binding("escape", "back", "Back", id="task.back", priority=True, tooltip="To the bank"),
    ]

    def __init__(self, bank: Bank, task_id: str) -> None:
        super().__init__(classes="workspace")
        self.bank = bank
        self.task_id = task_id
        self.current: Task = bank.load(task_id)
        self.report: ValidationReport | None = None
        self.result_names: list[str] = []
        self.last_autosaved: TaskTexts | None = None
        self.unsaved = False
        self.committed = False
        self.running: str | None = None
        self.evidence: FlakyEvidence | None = None
        self.proposal: ProposedChange | None = None
        self.editing_proposal = False
        self.streamed = ""
        self.cancel_llm = threading.Event()

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
                yield Static("", id="condense-notes")
            with TabPane("Results", id="results"):
                yield Static("not validated yet (F5)", id="verdict")
                with Horizontal(id="results-body"):
                    yield DataTable(id="test-results", cursor_type="row")
                    with VerticalScroll(id="traceback-scroll"):
                        yield Static("", id="traceback")
            with TabPane("Coverage", id="coverage"), VerticalScroll(id="coverage-scroll"):
                yield Static("not validated yet (F5)", id="coverage-view")
            with TabPane("Proposal", id="proposal"), VerticalScroll(id="proposal-scroll"):
                yield Static(
                    "no proposal (Ctrl+L asks the LLM, if one is configured)", id="proposal-view"
                )
            with TabPane("History", id="history"), VerticalScroll(id="history-scroll"):
                yield Static("press F9 to load the history", id="history-view")
            with TabPane("Log", id="log"):
                yield RichLog(id="run-log", wrap=True, markup=True)
        with Horizontal(id="status-bar"):
            yield Static("", id="status")
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
        yield Footer()

    def on_mount(self) -> None:
        self.title = self.task_id
        self.query_one("#progress", ProgressBar).display = False
        self.query_one("#test-results", DataTable).add_columns("test", "outcome", "time")
        self.committed = self.folder_committed()
        self.evidence = self.read_flaky_evidence()
        self.show_report(current_report(self.bank, self.current))
        self.refresh_pipeline()
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)
        self.offer_recovery()

    # -- editing, saving, autosave -----------------------------------------------------------

    def editor_texts(self) -> TaskTexts:
        return TaskTexts(
            program=self.query_one("#program-editor", TextArea).text,
            tests=self.query_one("#tests-editor", TextArea).text,
            instruction=self.query_one("#instruction-editor", TextArea).text,
        )

    def load_texts(self, texts: TaskTexts) -> None:
        for editor_id, text in (
            ("#program-editor", texts.program),
            ("#tests-editor", texts.tests),
            ("#instruction-editor", texts.instruction),
        ):
            editor = self.query_one(editor_id, TextArea)
            if editor.text != text:
                editor.load_text(text)
        self.edited()

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

    def save(self) -> None:
        """Write the editors' texts to the bank (nothing to do when they match it)."""
        updated = apply_edits(self.current, self.editor_texts(), self.annotator)
        if updated is not self.current:
            self.write_task(updated)
        clear_draft(self.bank, self.task_id)
        self.last_autosaved = None
        self.unsaved = False
        self.refresh_pipeline()

    def write_task(self, task: Task) -> None:
        with self.bank.lock():
            self.bank.save(task)
        self.current = task
        self.committed = self.folder_committed()
        self.app.post_task_changed(task)  # type: ignore[attr-defined]

    def discard(self) -> None:
        clear_draft(self.bank, self.task_id)
        self.unsaved = False

    @property
    def annotator(self) -> str | None:
        return self.app.settings.annotator  # type: ignore[attr-defined]

    # -- the pipeline ------------------------------------------------------------------------

    def folder_committed(self) -> bool:
        """The task's folder matches the last commit (git status is clean for it)."""
        try:
            repository = GitBank(self.bank)
            if not repository.has_commits():
                return False
            return not repository.changed_paths(repository.task_path(self.task_id))
        except CuratorError:
            return False

    def read_flaky_evidence(self) -> FlakyEvidence | None:
        try:
            return read_evidence(self.bank, self.task_id)
        except CuratorError as error:
            self.notify(str(error), title="unreadable flaky evidence", severity="warning")
            return None

    def facts(self) -> PipelineFacts:
        return PipelineFacts(
            unsaved=self.unsaved,
            committed=self.committed,
            flaky_checked_hash=flaky_checked_hash(self.evidence),
        )

    def statuses(self) -> list[StepStatus]:
        return pipeline_status(self.current, self.facts())

    def step(self, step: Step) -> StepStatus:
        return next(status for status in self.statuses() if status.step is step)

    def refresh_pipeline(self) -> None:
        stepper = self.query_one(PipelineStepper)
        stepper.keys = {
            step: self.app.key_for(binding_id, self)  # type: ignore[attr-defined]
            for step, binding_id in STEP_BINDINGS.items()
        }
        stepper.statuses = self.statuses()
        self.sub_title = f"{self.current.stage.value}{' · unsaved' if self.unsaved else ''}"

    def refuse(self, action: str, reason: str) -> None:
        self.post_message(WorkRefused(action, reason))

    def start_run(self, what: str) -> None:
        self.running = what
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=None)
        self.set_status(f"{what}…")
        self.write_log(f"[bold]{what}[/]")

    def end_run(self, status: str) -> None:
        self.running = None
        self.query_one("#progress", ProgressBar).display = False
        self.set_status(status)

    def write_log(self, text: str) -> None:
        self.query_one("#run-log", RichLog).write(text)

    def set_status(self, text: str) -> None:
        self.query_one("#status", Static).update(text)

    @on(RunLog)
    def show_run_log(self, event: RunLog) -> None:
        if event.text:
            self.write_log(event.text)
        if event.progress is not None:
            self.query_one("#progress", ProgressBar).update(total=1.0, progress=event.progress)

    @on(WorkRefused)
    def show_refusal(self, event: WorkRefused) -> None:
        self.end_run(f"{event.action} refused: {event.reason}")
        self.write_log(f"[yellow]{event.action} refused:[/] {event.reason}")
        self.notify(event.reason, title=f"{event.action} refused", severity="warning", timeout=10)

    def worker_failed(self, name: str, message: str) -> None:
        self.end_run(f"{name} failed: {message}")
        self.write_log(f"[red]{name} failed:[/] {message}")

    @on(TaskChanged)
    def task_changed(self, event: TaskChanged) -> None:
        if event.task.task_id == self.task_id and event.task is not self.current:
            self.current = event.task
            self.edited()
            self.refresh_pipeline()

    # -- refine ------------------------------------------------------------------------------

    def action_save(self) -> None:
        self.save()
        self.set_status("saved")
        self.notify("saved", timeout=2)

    def action_refine(self) -> None:
        self.save()
        status = self.step(Step.REFINE)
        if status.state is StepState.BLOCKED:
            self.refuse("refine", status.reason)
            return
        updated = mark_refined(self.current, self.annotator)
        if updated is not self.current:
            self.write_task(updated)
        self.refresh_pipeline()
        self.set_status("marked refined")

    # -- validate ----------------------------------------------------------------------------

    def action_validate(self) -> None:
        if self.running:
            self.notify(f"{self.running} is still running", severity="warning")
            return
        self.save()
        status = self.step(Step.VALIDATE)
        if status.state is StepState.BLOCKED:
            self.refuse("validate", status.reason)
            return
        self.start_run(f"validating {self.task_id}")
        self.show_view("log")
        self.run_validation(self.current)

    @work(thread=True, exclusive=True, exit_on_error=False, group="validate", name="validation")
    def run_validation(self, task: Task) -> None:
        self.post_message(RunLog(f"content {task.content_hash()}: starting the sandbox"))
        sandbox = self.app.sandbox()  # type: ignore[attr-defined]
        report = validate_task(task, sandbox)
        for name, outcome in report.tests.items():
            self.post_message(RunLog(f"{outcome.outcome:>7}  {name}  {outcome.duration_s:.3f} s"))
        store_report(self.bank, task, report)
        self.post_message(ValidationFinished(self.bank.load(task.task_id), report))

    @on(ValidationFinished)
    def validation_finished(self, event: ValidationFinished) -> None:
        self.current = event.task
        self.committed = self.folder_committed()
        self.edited()
        self.show_report(event.report)
        self.refresh_pipeline()
        self.app.post_task_changed(event.task)  # type: ignore[attr-defined]
        verdict = event.report.verdict.value
        self.end_run(f"validation: {verdict}")
        self.write_log(report_header(event.report))
        self.show_view("results")

    def show_report(self, report: ValidationReport | None) -> None:
        self.report = report
        table = self.query_one("#test-results", DataTable)
        table.clear()
        if report is None:
            return
        self.query_one("#verdict", Static).update(report_header(report))
        self.result_names = sorted(
            report.tests, key=lambda name: (report.tests[name].outcome == "pass", name)
        )
        for name in self.result_names:
            outcome = report.tests[name]
            style = OUTCOME_STYLES.get(outcome.outcome, "")
            table.add_row(name, Text(outcome.outcome, style=style), f"{outcome.duration_s:.3f}s")
        first = self.result_names[0] if self.result_names else None
        self.query_one("#traceback", Static).update(traceback_view(report, first))
        self.query_one("#coverage-view", Static).update(coverage_text(self.current.program, report))

    @on(DataTable.RowHighlighted, "#test-results")
    def test_highlighted(self, event: DataTable.RowHighlighted) -> None:
        if self.report is not None and 0 <= event.cursor_row < len(self.result_names):
            test = self.result_names[event.cursor_row]
            self.query_one("#traceback", Static).update(traceback_view(self.report, test))

    def action_coverage(self) -> None:
        self.show_view("coverage")

    # -- flaky -------------------------------------------------------------------------------

    def action_flaky(self) -> None:
        if self.running:
            self.notify(f"{self.running} is still running", severity="warning")
            return
        self.save()
        status = self.step(Step.FLAKY)
        if status.state is StepState.BLOCKED and not self.current.open_flags():
            self.refuse("flaky check", status.reason)
            return
        self.start_run(f"checking {self.task_id} for flaky tests")
        self.show_view("log")
        self.run_flaky(self.current, DetectionSettings())

    @work(thread=True, exclusive=True, exit_on_error=False, group="flaky", name="flaky check")
    def run_flaky(self, task: Task, settings: DetectionSettings) -> None:
        sandbox = self.app.sandbox()  # type: ignore[attr-defined]

        def progress(done: int, total: int) -> None:
            line = f"run {done}/{total}" if done == total or done % 5 == 0 else ""
            self.post_message(RunLog(line, progress=done / max(total, 1)))

        self.post_message(RunLog(f"{settings.runs} runs varying order, seeds, hash seed, clock"))
        evidence = detect_flaky(task, sandbox, settings, progress)
        who = resolve_annotator(self.bank, self.annotator)
        changes = record_detection(self.bank, evidence, who)
        self.post_message(FlakyFinished(self.bank.load(task.task_id), evidence, changes))

    @on(FlakyFinished)
    def flaky_finished(self, event: FlakyFinished) -> None:
        self.current = event.task
        self.evidence = event.evidence
        self.committed = self.folder_committed()
        self.edited()
        self.refresh_pipeline()
        self.app.post_task_changed(event.task)  # type: ignore[attr-defined]
        flaky = event.evidence.flaky_tests()
        if event.evidence.problem:
            self.write_log(f"[red]the suite could not be rerun:[/] {event.evidence.problem}")
        for test, verdict in event.evidence.verdicts.items():
            style = "red" if verdict.classification.is_flaky else "green"
            cause = f": {verdict.cause}" if verdict.cause else ""
            self.write_log(
                f"[{style}]{verdict.classification.value:>22}[/]  {test}  "
                f"{verdict.failures}/{verdict.runs} failed{cause}"
            )
        for change in event.changes:
            self.write_log(f"flag {change.test}: {change.status.value} ({change.note})")
        summary = f"{len(flaky)} flaky test(s)" if flaky else "no flaky tests"
        self.end_run(f"flaky check: {summary} in {len(event.evidence.runs)} runs")

    # -- condense ----------------------------------------------------------------------------

    def action_condense(self) -> None:
        self.save()
        status = self.step(Step.CONDENSE)
        if status.state is StepState.BLOCKED:
            self.refuse("condense", status.reason)
            return
        condensed = condense_task(self.current)
        if condensed.parsed is None or condensed.instruction is None:
            self.refuse("condense", f"{self.current.entry_point} has no docstring to condense")
            return
        warnings = [
            *condensed.parsed.warnings,
            *information_loss(
                condensed.parsed.doc_struct, condensed.instruction, self.current.entry_point
            ),
        ]
        updated = apply_instruction(
            self.current,
            condensed.instruction,
            condensed.parsed.doc_struct,
            annotator=self.annotator,
        )
        self.write_task(updated)
        self.load_texts(TaskTexts.of(updated))
        notes = Text("rule-based instruction written; review and edit it, then save.\n")
        for warning in warnings:
            where = f" (line {warning.line})" if warning.line else ""
            notes.append(f"⚠ {warning.kind}{where}: {warning.message}\n", style="yellow")
        if not warnings:
            notes.append("no information-loss warnings", style="green")
        self.query_one("#condense-notes", Static).update(notes)
        self.refresh_pipeline()
        self.show_view("instruction")
        self.set_status(f"condensed: {len(warnings)} warning(s) to review")

    # -- LLM proposals -----------------------------------------------------------------------

    LLM_OPERATIONS: ClassVar[list[tuple[str, str, str]]] = [
        ("refine", "Refine from validation", "r"),
        ("tests", "Tests for missed branches", "t"),
        ("flaky", "Fix a flaky test", "f"),
        ("condense", "Condense the docstring", "c"),
        ("cancel", "Cancel", "escape"),
    ]

    def action_ask_llm(self) -> None:
        settings = self.app.settings.llm  # type: ignore[attr-defined]
        if not settings.configured:
            self.refuse(
                "LLM",
                "no LLM is configured (set CURATOR_LLM_BASE_URL and CURATOR_LLM_MODEL, or "
                "[llm] in the config); every step works by hand",
            )
            return
        if self.running:
            self.notify(f"{self.running} is still running", severity="warning")
            return
        self.save()

        def answered(operation: str | None) -> None:
            if operation and operation != "cancel":
                self.cancel_llm = threading.Event()
                self.streamed = ""
                self.start_run(f"asking the LLM: {operation}")
                self.show_view("proposal")
                self.query_one("#proposal-view", Static).update("waiting for the model…")
                self.run_llm(self.current, operation)

        choices = [(value, label, key) for value, label, key in self.LLM_OPERATIONS]
        self.app.push_screen(ChoiceDialog("Ask the LLM for a proposal:", choices), answered)

    @work(thread=True, exclusive=True, exit_on_error=False, group="llm", name="LLM proposal")
    def run_llm(self, task: Task, operation: str) -> None:
        settings = self.app.settings.llm  # type: ignore[attr-defined]
        assistant = Assistant.from_settings(
            settings,
            on_chunk=lambda chunk: self.post_message(LLMChunk(chunk)),
            cancel=self.cancel_llm,
        )
        assistant.sandbox = self.app.sandbox()  # type: ignore[attr-defined]
        try:
            if operation == "condense":
                change = operations.condense(assistant, task)
            else:
                baseline = check_task(task, assistant.sandbox)
                propose = {
                    "refine": operations.refine,
                    "tests": operations.cover_missed,
                    "flaky": operations.fix_flaky,
                }[operation]
                change = propose(assistant, task, baseline)
        except LLMCancelled:
            self.post_message(WorkRefused("LLM", "cancelled"))
            return
        except CuratorError as error:
            self.post_message(WorkRefused("LLM", str(error)))
            return
        self.post_message(ProposalReady(change))

    @on(LLMChunk)
    def show_chunk(self, event: LLMChunk) -> None:
        self.streamed += event.text
        self.query_one("#proposal-view", Static).update(Text(self.streamed, style="dim"))

    @on(ProposalReady)
    def show_proposal(self, event: ProposalReady) -> None:
        self.proposal = event.change
        self.query_one("#proposal-view", Static).update(proposal_text(event.change))
        self.show_view("proposal")
        self.end_run("proposal ready: Ctrl+O accepts, Ctrl+R rejects")

    def action_edit_proposal(self) -> None:
        """Put the proposal into the editors, to change before accepting it with Ctrl+O."""
        if self.proposal is None:
            self.notify("no proposal to edit", severity="warning")
            return
        texts = TaskTexts.of(self.current).model_dump()
        for file in self.proposal.files:
            texts[EDITOR_OF_FILE[file.name]] = file.after
        self.editing_proposal = True
        self.load_texts(TaskTexts(**texts))
        self.show_view("tests" if self.proposal.file(TESTS_FILE) else "program")
        if self.proposal.file(INSTRUCTION_FILE):
            self.show_view("instruction")
        self.set_status("editing the proposal: Ctrl+O accepts your version, Ctrl+R rejects it")

    def action_accept_proposal(self) -> None:
        if self.proposal is None:
            self.notify("no proposal to accept", severity="warning")
            return
        edited: dict[str, str] | None = None
        if self.editing_proposal:
            texts = self.editor_texts().model_dump()
            edited = {file.name: texts[EDITOR_OF_FILE[file.name]] for file in self.proposal.files}
        else:
            self.save()
        try:
            task = apply(self.bank, self.proposal, self.annotator, edited_after=edited)
        except CuratorError as error:
            self.refuse("accept", str(error))
            return
        self.editing_proposal = False
        clear_draft(self.bank, self.task_id)
        self.current = task
        self.committed = self.folder_committed()
        self.load_texts(TaskTexts.of(task))
        self.proposal = None
        self.query_one("#proposal-view", Static).update("proposal accepted and saved")
        self.refresh_pipeline()
        self.app.post_task_changed(task)  # type: ignore[attr-defined]
        self.set_status("proposal accepted; validate again (F5)")

    def action_reject_proposal(self) -> None:
        self.cancel_llm.set()
        if self.editing_proposal:
            self.editing_proposal = False
            self.load_texts(TaskTexts.of(self.current))
        self.proposal = None
        self.query_one("#proposal-view", Static).update("proposal rejected: nothing changed")
        self.set_status("proposal rejected")

    # -- commit and history ------------------------------------------------------------------

    def action_commit(self) -> None:
        self.save()
        status = self.step(Step.COMMIT)
        if status.state is StepState.BLOCKED:
            self.refuse("commit", status.reason)
            return

        def answered(message: str | None) -> None:
            if message:
                self.start_run(f"committing {self.task_id}")
                self.run_commit(message)

        self.app.push_screen(
            TextDialog(
                f"Commit {self.task_id} as accepted. Message:",
                value=f"Accept {self.task_id}",
            ),
            answered,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="git", name="commit")
    def run_commit(self, message: str) -> None:
        try:
            result = commit_task(self.bank, self.task_id, Stage.ACCEPTED, message, self.annotator)
        except CommitRefused as refused:
            self.post_message(WorkRefused("commit", "; ".join(refused.reasons)))
            return
        except CuratorError as error:
            self.post_message(WorkRefused("commit", str(error)))
            return
        self.post_message(Committed(self.bank.load(self.task_id), result))

    @on(Committed)
    def committed_task(self, event: Committed) -> None:
        self.current = event.task
        self.committed = self.folder_committed()
        self.edited()
        self.refresh_pipeline()
        self.app.post_task_changed(event.task)  # type: ignore[attr-defined]
        self.end_run(f"committed {event.result.sha[:10]} as {event.result.stage.value}")
        self.write_log(f"[green]committed[/] {event.result.sha[:10]}: {event.result.message}")
        self.notify(f"committed {event.result.sha[:10]}", title="commit")

    def action_history(self) -> None:
        self.show_view("history")
        self.query_one("#history-view", Static).update("loading…")
        self.load_history()

    @work(thread=True, exclusive=True, exit_on_error=False, group="git", name="history")
    def load_history(self) -> None:
        entries = task_log(self.bank, self.task_id)
        diffs = task_diff(self.bank, self.task_id) if entries else []
        self.post_message(HistoryLoaded(entries, diffs))

    @on(HistoryLoaded)
    def show_history(self, event: HistoryLoaded) -> None:
        text = Text()
        if not event.entries:
            text.append("no commits of this task yet\n", style="dim")
        for entry in event.entries:
            stage = entry.stage or "deleted"
            if entry.previous_stage is None:
                change = " (new)"
            elif entry.stage_changed:
                change = f" ({entry.previous_stage} → {stage})"
            else:
                change = ""
            text.append(f"{entry.sha[:10]} ", style="yellow")
            text.append(f"{entry.date:%Y-%m-%d %H:%M} {entry.annotator}: {entry.subject}")
            text.append(f" [{stage}]{change}\n", style="cyan")
        changed = [diff for diff in event.diffs if diff.text]
        if event.entries:
            text.append("\nuncommitted changes:\n" if changed else "\nno uncommitted changes\n")
        for diff in changed:
            text.append_text(diff_text(diff.text))
        self.query_one("#history-view", Static).update(text)

    # -- moving around -----------------------------------------------------------------------

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
