"""The task workspace: editors for the program, tests and instruction, and the pipeline.

Every pipeline step is one key (see STEP_BINDINGS); slow steps run in thread workers that post
the messages in `curator.app.messages`. Whatever a worker wrote, the screen takes the task back
from the bank in one place, `adopt`, so it never shows a copy from before a save. The read-only
panes (results, coverage, proposal, history) are widgets in `curator.app.widgets`.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import ClassVar

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
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

from curator import environment
from curator.app.messages import (
    Committed,
    FlakyFinished,
    LLMChunk,
    ProposalReady,
    RunLog,
    TaskChanged,
    ValidationFinished,
    WorkRefused,
)
from curator.app.screens.base import CuratorScreen
from curator.app.screens.dialogs import ChoiceDialog, TextDialog
from curator.app.views import outcome_cells, report_header
from curator.app.widgets.coverage import CoverageView
from curator.app.widgets.editor import TaskEditor
from curator.app.widgets.history import HistoryPane
from curator.app.widgets.mutants import MutantsView
from curator.app.widgets.proposal import ProposalPane
from curator.app.widgets.results import ResultsPane
from curator.app.widgets.stepper import PipelineStepper
from curator.bank import INSTRUCTION_FILE, PROGRAM_FILE, TESTS_FILE, Bank
from curator.condense.loss import information_loss
from curator.condense.stage import accepted_instruction, apply_instruction, condense_task
from curator.config import default_jobs, resolve_annotator
from curator.drafts import (
    FILE_OF_TEXT,
    EditConflict,
    TaskTexts,
    clear_draft,
    recoverable_draft,
    save_edits,
    write_draft,
)
from curator.errors import CuratorError, TaskFileError, listed
from curator.flaky.evidence import FlakyEvidence
from curator.flaky.flags import FlagChange, read_evidence
from curator.flaky.runner import DetectionSettings
from curator.flaky.stage import check
from curator.gitbank import GitBank
from curator.history import CommitRefused, commit_task, draft_commit, gate_facts
from curator.llm import operations
from curator.llm.checking import check_task
from curator.llm.client import LLMCancelled, RetryNotice
from curator.llm.operations import Assistant
from curator.llm.proposals import Operation, ProposalRegression, ProposedChange, apply
from curator.models import Stage, Task
from curator.mutation import MutationReport
from curator.mutation.stage import mutate_tasks
from curator.pipeline import (
    STAGE_ORDER,
    PipelineFacts,
    Step,
    StepState,
    StepStatus,
    allowed_stages,
    mark_refined,
    pipeline_status,
    stage_blockers,
    step_status,
)
from curator.validation import (
    ValidationReport,
    stale_reason,
    stored_report,
    task_timeout,
    validate_tasks,
)

AUTOSAVE_SECONDS = 2.0
STREAM_REFRESH_S = 0.1  # how often a streamed answer's new pieces are shown

# Which editor (a TaskTexts field) shows each file a proposal changes.
EDITOR_OF_FILE = {file: text for text, file in FILE_OF_TEXT.items()}

# The binding that performs each pipeline step, for the stepper's hint.
ASKING_LLM = "asking the LLM"
"""How a request to the LLM is named while it runs."""

STEP_BINDINGS = {
    "draft": "task.save",
    "refine": "task.refine",
    "validate": "task.validate",
    "flaky": "task.flaky",
    "condense": "task.condense",
    "commit": "task.commit",
}

# The tabs in order; 1 … 8 jump to them (outside the editors).
VIEWS = (
    "program",
    "tests",
    "instruction",
    "results",
    "coverage",
    "mutants",
    "proposal",
    "history",
    "log",
)
EDITORS = {
    "program": "#program-editor",
    "tests": "#tests-editor",
    "instruction": "#instruction-editor",
}
EDITED_FILES = {"program": PROGRAM_FILE, "tests": TESTS_FILE, "instruction": INSTRUCTION_FILE}
# Actions that only mean something while there is a proposal (hidden from the footer otherwise).
PROPOSAL_ACTIONS = frozenset({"accept_proposal", "edit_proposal", "reject_proposal"})


class FolderStatus(Message):
    """Whether the task's folder matches the last commit (git status, run off the UI thread)."""

    def __init__(self, committed: bool) -> None:
        self.committed = committed
        super().__init__()


def tab_bindings() -> list[BindingType]:
    """1 … 8 jump to a tab, as in lazygit and k9s; in an editor the digits are typed instead
    (F3 cycles the tabs from there)."""
    return [
        Binding(
            str(number),
            f"show_view('{view}')",
            view.capitalize(),
            id=f"task.view-{view}",
            show=False,
        )
        for number, view in enumerate(VIEWS, start=1)
    ]


class FocusFollowingTabs(TabbedContent):
    """Tabs that show the pane where the focus went, as TabbedContent does, but only while the
    focus is still there. Each pane handles its own messages, so on a busy machine a pane's
    notice of a focus can arrive after the focus has moved to another tab's widget (F7 moves
    it to the Instruction tab right after opening focused the Program editor): acting on that
    stale notice switched back to a tab that no longer holds the focus."""

    def _on_tab_pane_focused(self, event: TabPane.Focused) -> None:
        """Runs before TabbedContent's own handler (Textual calls each class's), which the
        stale notice is kept from."""
        focused = self.app.focused
        if focused is not None and event.tab_pane not in focused.ancestors_with_self:
            event.prevent_default()
            event.stop()


class TaskWorkspace(CuratorScreen):
    COMMAND_CATEGORY = "task"
    COMPACT_FOOTER = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "Back", id="task.back", priority=True, tooltip="To the bank"),
        Binding("ctrl+s", "save", "Save", id="task.save", priority=True, tooltip="Save edits"),
        Binding("f2", "refine", "Refined", id="task.refine", priority=True, show=False),
        Binding("f3", "next_view", "Next tab", id="task.next-view", priority=True, show=False),
        Binding("f4", "coverage", "Coverage", id="task.coverage", priority=True, show=False),
        # Shown only while there is a proposal (`check_action`), and then first: at 80 columns
        # the footer cut them after F9.
        Binding("ctrl+o", "accept_proposal", "Accept", id="task.accept", priority=True),
        Binding("ctrl+t", "edit_proposal", "Edit it", id="task.edit-proposal", priority=True),
        Binding("ctrl+r", "reject_proposal", "Reject", id="task.reject", priority=True),
        # The same key while the LLM is asked: "Reject" did not say it stops the wait.
        Binding("ctrl+r", "cancel_request", "Cancel", id="task.cancel-request", priority=True),
        Binding("f5", "validate", "Validate", id="task.validate", priority=True),
        Binding("f6", "flaky", "Flaky", id="task.flaky", priority=True, tooltip="Flaky check"),
        Binding("f7", "condense", "Condense", id="task.condense", priority=True),
        Binding("f8", "commit", "Commit", id="task.commit", priority=True, tooltip="Commit"),
        Binding("f9", "history", "History", id="task.history", priority=True),
        Binding("ctrl+l", "ask_llm", "LLM", id="task.llm", priority=True, show=False),
        Binding("ctrl+f", "find", "Find", id="task.find", show=False, tooltip="Find in editor"),
        Binding("ctrl+g", "go_to_line", "Go to line", id="task.go-to-line", show=False),
        *tab_bindings(),
    ]

    def __init__(self, bank: Bank, task_id: str) -> None:
        super().__init__(classes="workspace")
        self.bank = bank
        self.task_id = task_id
        self.current: Task = bank.load(task_id)
        # The texts on disk that the editors' edits started from: a save refuses to write over
        # files that no longer hold them.
        self.base = TaskTexts.of(self.current)
        self.last_autosaved: TaskTexts | None = None
        self.autosave_refused = False  # said once until an autosave works again
        self.unsaved = False
        self.committed = False
        self.running: str | None = None
        self.evidence: FlakyEvidence | None = None
        self.proposal: ProposedChange | None = None
        self.editing_proposal = False
        self.last_search = ""
        self.cancel_llm = threading.Event()

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Header()
        yield PipelineStepper(id="stepper")
        with FocusFollowingTabs(id="views"):
            with TabPane("Program", id="program"):
                yield TaskEditor.code_editor(
                    self.current.program, language="python", id="program-editor"
                )
            with TabPane("Tests", id="tests"):
                yield TaskEditor.code_editor(
                    self.current.test, language="python", id="tests-editor"
                )
            with TabPane("Instruction", id="instruction"):
                yield TaskEditor(
                    self.current.instruct_prompt,
                    language="markdown",
                    soft_wrap=True,
                    id="instruction-editor",
                )
                yield Static("", id="condense-notes")
            with TabPane("Results", id="results"):
                yield ResultsPane(id="results-pane")
            with TabPane("Coverage", id="coverage"):
                yield CoverageView(id="coverage-scroll")
            with TabPane("Mutants", id="mutants"):
                yield MutantsView(id="mutants-scroll")
            with TabPane("Proposal", id="proposal"):
                yield ProposalPane(id="proposal-scroll")
            with TabPane("History", id="history"):
                yield HistoryPane(self.bank, self.task_id, id="history-pane")
            with TabPane("Log", id="log"):
                yield RichLog(id="run-log", wrap=True, markup=True)
        with Horizontal(id="status-bar"):
            yield Static("", id="status", markup=False)
            yield ProgressBar(id="progress", show_eta=False, show_percentage=False)
        yield Footer(compact=self.COMPACT_FOOTER)

    def on_mount(self) -> None:
        self.title = self.task_id
        self.query_one("#progress", ProgressBar).display = False
        self.evidence = self.read_flaky_evidence()
        self.show_stored_report()
        self.query_one(MutantsView).show(self.bank, self.current)
        self.refresh_pipeline()
        self.check_committed()
        self.set_interval(AUTOSAVE_SECONDS, self.autosave)
        next_view = self.app.key_for("task.next-view", self)
        for view, file_name in EDITED_FILES.items():
            self.editor(view).border_title = file_name
            self.editor(view).typing_hint = f"typing here · {next_view} next tab"
        self.set_focus(self.query_one("#program-editor", TaskEditor))  # now, not after a refresh
        self.offer_recovery()
        self.app.warm_sandbox_for(self.current)

    def on_unmount(self) -> None:
        """Leaving the task (Esc, Ctrl+Q) stops a request to the LLM: it ran on to its end,
        its answer thrown away and, with a paid API, its tokens spent for nothing."""
        if (self.running or "").startswith(ASKING_LLM):
            self.cancel_llm.set()
            self.app.notify(f"{self.task_id}: the request to the LLM was cancelled", timeout=4)

    # -- editing, saving, autosave -----------------------------------------------------------

    def editor(self, view: str) -> TaskEditor:
        return self.query_one(EDITORS[view], TaskEditor)

    def editor_texts(self) -> TaskTexts:
        return TaskTexts(
            program=self.editor("program").text,
            tests=self.editor("tests").text,
            instruction=self.editor("instruction").text,
        )

    def load_texts(self, texts: TaskTexts) -> None:
        for view, text in (
            ("program", texts.program),
            ("tests", texts.tests),
            ("instruction", texts.instruction),
        ):
            editor = self.editor(view)
            if editor.text != text:
                editor.load_text(text)
        self.edited()

    def take_bank_texts(self) -> None:
        """Show the texts the bank holds (`current`) in the editors, as the new base of edits."""
        self.base = TaskTexts.of(self.current)
        self.load_texts(self.base)

    @on(TextArea.Changed)
    def edited(self) -> None:
        unsaved = self.editor_texts() != self.base
        if unsaved and not self.unsaved and (self.running or "").startswith(ASKING_LLM):
            # Typing was welcome, and the answer then refused as made for other files.
            self.notify(
                "the LLM answers for the task as it was saved: accepting its proposal needs "
                "these edits undone (Ctrl+Z), or ask again once they are saved",
                title="edited while the LLM answers",
                severity="warning",
            )
        if unsaved != self.unsaved:
            self.unsaved = unsaved
            self.refresh_pipeline()

    def autosave(self) -> None:
        """Keep unsaved edits on disk so that a crash loses at most a few seconds of work: the
        annotator's own, never an LLM proposal in the editors (recovered, it read as a hand
        edit and was saved unchecked); and no longer once the editors hold the saved texts
        again (edits undone came back as "unsaved edits" when the task was opened again)."""
        if not self.unsaved or self.editing_proposal:
            if self.last_autosaved is not None or self.editing_proposal:
                clear_draft(self.bank, self.task_id)
                self.last_autosaved = None
            return
        texts = self.editor_texts()
        if texts != self.last_autosaved:
            try:
                write_draft(self.bank, self.task_id, texts)
            except OSError as error:  # a full disk, an unwritable .curator/: said, not a crash
                if not self.autosave_refused:
                    self.notify(
                        f"{error.filename or self.bank.root}: {error.strerror or error}; the edits "
                        "are only in the editor until they are saved",
                        title="not autosaved",
                        severity="warning",
                    )
                self.autosave_refused = True
                return
            self.autosave_refused = False
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

    def save(self, overwrite: bool = False, then: Callable[[], object] | None = None) -> bool:
        """Write the editors' texts to the bank. False when the bank refused them (the files
        changed on disk meanwhile, or cannot be written): the reason is shown, and the edits
        stay in the editors and their autosave. Edits record who made them: if nobody is
        known, False while the app asks, and `then` (else saving) once named. Refused while the
        editors hold an LLM proposal (Ctrl+T): saved, it went in unchecked, as a hand edit."""
        if self.editing_proposal:
            self.refuse(
                "save",
                "the editors hold the LLM's proposal: Ctrl+O accepts your version of it "
                "(checked against the task as it is), Ctrl+R drops it",
            )
            return False
        texts = self.editor_texts()
        edited = texts != self.base
        if edited and not self.app.identified(then or (lambda: self.save(overwrite))):
            return False
        try:
            saved = save_edits(
                self.bank,
                self.task_id,
                self.base,
                texts,
                self.annotator if edited else None,
                overwrite=overwrite,
            )
        except EditConflict as conflict:
            self.autosave()
            self.ask_about_conflict(conflict)
            return False
        except CuratorError as error:
            self.autosave()
            self.set_status(f"not saved: {error}")
            self.notify(str(error), title="not saved", severity="error", timeout=10)
            return False
        self.base = texts
        self.last_autosaved = None
        if saved != self.current:
            self.adopt()
        self.edited()
        self.refresh_pipeline()
        return True

    def ask_about_conflict(self, conflict: EditConflict) -> None:
        """Neither side is lost unasked: keep editing (the default), save over the disk, or
        take the disk's files and drop the edits."""
        files = ", ".join(conflict.files)

        def answered(choice: str | None) -> None:
            if choice == "overwrite" and self.save(overwrite=True):
                self.set_status(f"saved over the change to {files} on disk")
            elif choice == "reload":
                self.discard()
                self.reload()
                self.take_bank_texts()
                self.set_status(f"reloaded {files} from disk; your edits were dropped")

        self.set_status(f"not saved: {files} changed on disk")
        self.app.push_screen(
            ChoiceDialog(
                f"{files} of {self.task_id} changed on disk since you loaded it "
                f"({conflict.directory}). Your edits are not saved; they are kept here and "
                "in the autosave.",
                [
                    ("cancel", "Keep editing", "escape"),
                    ("overwrite", "Overwrite the disk with my edits", "o"),
                    ("reload", "Reload from disk, dropping my edits", "r"),
                ],
            ),
            answered,
        )

    def discard(self) -> None:
        clear_draft(self.bank, self.task_id)
        self.unsaved = False

    @property
    def annotator(self) -> str:
        """Who edits here: the config's annotator, else the one identity rule of the core."""
        return resolve_annotator(self.app.settings.annotator, self.bank.root)

    @property
    def here(self) -> str:
        """The fingerprint results must carry to be current in this bank's environment."""
        return environment.bank_fingerprint(self.bank.root)

    # -- what the bank holds -----------------------------------------------------------------

    def adopt(self) -> None:
        """Something wrote the task: show what the bank holds now, never a worker's copy.

        A worker's copy may predate a save made while it ran; the bank has the save, and the
        results stored for the old content then show as stale (the Results tab was left as
        it was until the task was opened again).
        """
        self.reload()
        self.show_stored_report()
        self.check_committed()
        self.app.post_task_changed(self.current)

    def reload(self) -> None:
        """Read the task from the bank. Editors without edits show its texts; edits keep
        their base, so that saving them over a change made meanwhile is refused."""
        self.current = self.bank.load(self.task_id)
        if self.editor_texts() == self.base:
            self.take_bank_texts()
        self.evidence = self.read_flaky_evidence()
        self.edited()
        self.refresh_pipeline()

    @work(thread=True, exclusive=True, exit_on_error=False, group="git-status", name="git status")
    def check_committed(self) -> None:
        """The task's folder matches the last commit (git status is clean for it)."""
        try:
            repository = GitBank(self.bank)
            committed = repository.has_commits() and not repository.changed_paths(
                repository.task_path(self.task_id)
            )
        except CuratorError:
            committed = False
        self.post_message(FolderStatus(committed))

    @on(FolderStatus)
    def folder_status(self, event: FolderStatus) -> None:
        self.committed = event.committed
        self.refresh_pipeline()

    def read_flaky_evidence(self) -> FlakyEvidence | None:
        try:
            return read_evidence(self.bank, self.task_id)
        except CuratorError as error:
            self.notify(str(error), title="unreadable flaky evidence", severity="warning")
            return None

    def show_stored_report(self) -> None:
        """The stored results, marked stale with the reason when they are for other content,
        another environment (a fresh clone on another machine) or another time limit."""
        try:
            report = stored_report(self.bank, self.current)
        except TaskFileError as error:  # the task still opens, to be validated again
            self.show_report(None)
            self.query_one(ResultsPane).show_unreadable(str(error))
            self.notify(str(error), title="stored results unreadable", severity="warning")
            return
        self.show_report(report, self.stale(report) if report is not None else None)

    def stale(self, report: ValidationReport) -> str | None:
        return stale_reason(report, self.current, self.here, self.time_limit())

    def time_limit(self) -> float | None:
        """The task's time limit per run; None (not checked) while the bank's is malformed,
        which a validation then reports."""
        try:
            return task_timeout(self.bank, self.current)
        except CuratorError:
            return None

    def show_report(self, report: ValidationReport | None, stale: str | None = None) -> None:
        preeval = self.current.preeval
        solved = preeval.describe(self.current.content_hash()) if preeval else None
        self.query_one(ResultsPane).show(report, stale, solved)
        evidence = self.evidence
        chance = (
            evidence.coverage_variation()
            if evidence is not None and evidence.ran(self.current)
            else None
        )
        self.query_one(CoverageView).show(self.current.program, report, stale, chance)

    # -- the pipeline ------------------------------------------------------------------------

    def facts(self) -> PipelineFacts:
        """The gate's own facts (`history.gate_facts`): the app built its own, without the
        bank's quality bar, and offered a stage that the commit then refused. A file the gate
        cannot read (`bank.json`, `flaky.json`) holds back every stage, as in a commit."""
        try:
            return gate_facts(
                self.bank,
                self.current,
                self.here,
                unsaved=self.unsaved,
                committed=self.committed,
            )
        except CuratorError as error:  # a commit in any stage would be refused with it
            return PipelineFacts(
                unsaved=self.unsaved, committed=self.committed, report_problem=str(error)
            )

    def statuses(self) -> list[StepStatus]:
        return pipeline_status(self.current, self.facts())

    def step(self, step: Step) -> StepStatus:
        return step_status(self.current, step, self.facts())

    def refresh_pipeline(self) -> None:
        stepper = self.query_one(PipelineStepper)
        stepper.keys = {
            step: self.app.key_for(binding_id, self)
            for step, binding_id in STEP_BINDINGS.items()
            if step != "draft" or self.unsaved  # saved already, the draft needs edits, not ^s
        }
        stepper.statuses = self.statuses()
        self.sub_title = f"{self.current.stage.value}{' · unsaved' if self.unsaved else ''}"

    def refuse(self, action: str, reason: str) -> None:
        self.post_message(WorkRefused(action, reason))

    def busy(self) -> bool:
        if self.running:
            self.notify(f"{self.running} is still running", severity="warning")
        return self.running is not None

    def start_run(self, what: str) -> None:
        self.running = what
        bar = self.query_one("#progress", ProgressBar)
        bar.display = True
        bar.update(total=None)
        self.set_status(f"{what}…")
        self.write_log(f"[bold]{escape(what)}[/]")

    def end_run(self, status: str) -> None:
        self.running = None
        self.query_one("#progress", ProgressBar).display = False
        self.set_status(status)
        self.refresh_bindings()

    def write_log(self, text: str | Text) -> None:
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
        if event.action == "LLM":
            self.query_one(ProposalPane).failed(event.reason)
        # An LLM request that came to nothing is no refusal of the model's (a server down, a
        # cancel, nothing to cover): every one was titled "LLM refused".
        what = "no proposal" if event.action == "LLM" else f"{event.action} refused"
        self.end_run(f"{what}: {event.reason}")
        self.write_log(f"[yellow]{what}:[/] {escape(event.reason)}")
        self.notify(event.reason, title=what, severity="warning", timeout=10)

    def worker_failed(self, name: str, message: str) -> None:
        if name == "LLM proposal":
            self.query_one(ProposalPane).failed(message)
        self.end_run(f"{name} failed: {message}")
        self.adopt()
        self.write_log(f"[red]{name} failed:[/] {escape(message)}")

    @on(TaskChanged)
    def task_changed(self, event: TaskChanged) -> None:
        if event.task.task_id == self.task_id and event.task is not self.current:
            self.reload()

    # -- refine ------------------------------------------------------------------------------

    def action_save(self) -> None:
        if self.editing_proposal:  # saving an edited proposal is accepting it, checked
            self.action_accept_proposal()
            return
        if not self.save():
            return
        self.set_status("saved" + (f" ({self.running} goes on)" if self.running else ""))
        self.notify("saved", timeout=2)

    def action_refine(self) -> None:
        if not self.app.identified(self.action_refine) or not self.save():
            return
        status = self.step(Step.REFINE)
        if status.state is StepState.BLOCKED:
            self.refuse("refine", status.reason)
            return
        updated = mark_refined(self.current, self.annotator)
        if updated is not self.current and not self.store("refine", updated):
            return
        self.set_status("marked refined")

    def store(self, action: str, updated: Task) -> bool:
        """Write a task a step changed; False, with the bank's reason shown, if it refused."""
        try:
            with self.bank.lock():
                self.bank.save(updated)
        except CuratorError as error:
            self.refuse(action, str(error))
            return False
        self.adopt()
        return True

    # -- validate ----------------------------------------------------------------------------

    def action_validate(self) -> None:
        if self.busy() or not self.save(then=self.action_validate):
            return
        status = self.step(Step.VALIDATE)
        if status.state is StepState.BLOCKED:
            self.refuse("validate", status.reason)
            return
        self.start_run(f"validating {self.task_id}")
        self.show_view("log")
        self.run_validation(self.current)

    def validate_and_record(self, task: Task) -> ValidationReport:
        """The validation stage for this task, run and recorded by the core (worker thread)."""
        results = validate_tasks(self.bank, [task.task_id], self.app.sandbox(), force=True)
        return results.reports[0]

    @work(thread=True, exclusive=True, exit_on_error=False, group="validate", name="validation")
    def run_validation(self, task: Task) -> None:
        self.post_message(RunLog(f"content {task.content_hash()}: starting the sandbox"))
        report = self.validate_and_record(task)
        for name, outcome in report.tests.items():
            label, duration = outcome_cells(outcome)
            self.post_message(RunLog(f"{label.plain:>7}  {name}  {duration}"))
        self.post_message(ValidationFinished(task, report))

    @on(ValidationFinished)
    def validation_finished(self, event: ValidationFinished) -> None:
        self.adopt()
        self.show_report(event.report, self.stale(event.report))
        verdict = event.report.verdict.value
        saved_since = event.report.content_hash != self.current.content_hash()
        self.end_run(
            f"validation: {verdict}" + (" (of the content before your save)" * saved_since)
        )
        self.write_log(report_header(event.report))
        self.show_outcome("results", run_view="log")

    def action_coverage(self) -> None:
        self.show_view("coverage")

    @on(ResultsPane.FollowTraceback)
    def follow_traceback(self, event: ResultsPane.FollowTraceback) -> None:
        self.show_view("tests")
        self.editor("tests").go_to_line(event.line)
        self.set_status(f"tests.py, line {event.line}")

    # -- mutants -----------------------------------------------------------------------------

    @on(MutantsView.RunRequested)
    def run_mutants_requested(self) -> None:
        if self.busy() or not self.save():
            return
        self.start_run(f"mutation analysis of {self.task_id}")
        self.run_mutants(self.current)

    @work(
        thread=True, exclusive=True, exit_on_error=False, group="mutate", name="mutation analysis"
    )
    def run_mutants(self, task: Task) -> None:
        [report] = mutate_tasks(
            self.bank, [task.task_id], self.app.sandbox(), force=True, jobs=default_jobs()
        ).reports
        self.app.call_from_thread(self.mutants_finished, report)

    def mutants_finished(self, report: MutationReport) -> None:
        self.adopt()
        self.query_one(MutantsView).show(self.bank, self.current)
        if report.problem:
            self.end_run(f"mutation analysis: {report.problem}")
        else:
            score = "-" if report.score is None else f"{report.score:.1f}%"
            self.end_run(
                f"mutation score {score}: {len(report.survivors())} of {len(report.mutants)} "
                "mutants survive (Mutants tab)"
            )

    # -- flaky -------------------------------------------------------------------------------

    def action_flaky(self) -> None:
        if self.busy() or not self.app.identified(self.action_flaky) or not self.save():
            return
        status = self.step(Step.FLAKY)
        if status.state is StepState.BLOCKED and not self.current.unresolved_flags():
            self.refuse("flaky check", status.reason)
            return
        self.start_run(f"checking {self.task_id} for flaky tests")
        self.show_view("log")
        self.run_flaky(self.current, DetectionSettings())

    def check_and_record_flaky(
        self, task: Task, settings: DetectionSettings, progress: Callable[[int, int], None]
    ) -> tuple[FlakyEvidence, list[FlagChange]]:
        """The flaky-check stage for this task, run and recorded by the core (worker thread)."""
        [result] = check(
            self.bank,
            [task.task_id],
            self.annotator,
            settings,
            self.app.sandbox(),
            on_progress=lambda _task_id, done, total: progress(done, total),
        )
        if result.not_stored:
            raise CuratorError(f"the flaky check was not stored: {result.not_stored}")
        if result.kept_stored:
            self.post_message(RunLog(f"not stored: {result.kept_stored}"))
        return result.evidence, result.changes

    @work(thread=True, exclusive=True, exit_on_error=False, group="flaky", name="flaky check")
    def run_flaky(self, task: Task, settings: DetectionSettings) -> None:
        def progress(done: int, total: int) -> None:
            line = f"run {done}/{total}" if done == total or done % 5 == 0 else ""
            self.post_message(RunLog(line, progress=done / max(total, 1)))

        self.post_message(RunLog(f"{settings.runs} runs varying order, seeds, hash seed, clock"))
        evidence, changes = self.check_and_record_flaky(task, settings, progress)
        self.post_message(FlakyFinished(task, evidence, changes))

    @on(FlakyFinished)
    def flaky_finished(self, event: FlakyFinished) -> None:
        self.adopt()
        self.show_stored_report()  # the coverage view marks what the runs reached by chance
        flaky = event.evidence.flaky_tests()
        if event.evidence.problem:
            self.write_log(
                f"[red]the suite could not be rerun:[/] {escape(event.evidence.problem)}"
            )
        self.write_log(escape(event.evidence.runs_note()))
        for test, verdict in event.evidence.verdicts.items():
            # The name first and whole: after a class padded to 22, at 80 columns the line
            # wrapped its count away from its name.
            style = "red" if verdict.classification.is_flaky else "green"
            cause = f"; {verdict.cause}" if verdict.cause else ""
            self.write_log(
                f"{escape(test)}: [{style}]{verdict.classification.value}[/], failed "
                f"{verdict.failures}/{verdict.runs}{escape(cause)}"
            )
        for change in event.changes:
            self.write_log(escape(f"flag {change.test}: {change.status.value} ({change.note})"))
        unfinished = event.evidence.unfinished_note()
        if unfinished:
            self.write_log(f"[yellow]{escape(unfinished)}[/]")
        variation = event.evidence.coverage_variation()
        if variation:
            self.write_log(f"[yellow]{escape(variation.note())}[/]")
        summary = f"{len(flaky)} flaky test(s)" if flaky else "no flaky tests"
        summary += f" in {len(event.evidence.runs)} runs"
        if unfinished:
            summary += f" ({len(event.evidence.unfinished_runs())} did not finish: see the log)"
        if variation:
            summary += f"; coverage varies: {len(variation.misses())} reached by chance"
        self.end_run(f"flaky check: {summary}")

    # -- condense ----------------------------------------------------------------------------

    def action_condense(self, replace_accepted: bool = False) -> None:
        if not self.app.identified(self.action_condense) or not self.save():
            return
        status = self.step(Step.CONDENSE)
        if status.state is StepState.BLOCKED:
            self.refuse("condense", status.reason)
            return
        condensed = condense_task(self.current)
        if condensed.parsed is None or condensed.instruction is None:
            self.refuse("condense", f"{self.current.entry_point} has no docstring to condense")
            return
        accepted = accepted_instruction(self.current)
        if (
            accepted
            and not replace_accepted
            and condensed.instruction != self.current.instruct_prompt
        ):
            self.ask_to_replace_accepted(accepted)
            return
        warnings = [
            *condensed.parsed.warnings,
            *information_loss(
                condensed.parsed.doc_struct,
                condensed.instruction,
                self.current.entry_point,
                self.current.program,
            ),
        ]
        updated = apply_instruction(
            self.current,
            condensed.instruction,
            condensed.parsed.doc_struct,
            annotator=self.annotator,
        )
        if not self.store("condense", updated):
            return
        notes = Text("rule-based instruction written; review and edit it, then save.\n")
        for warning in warnings:
            where = f" (line {warning.line})" if warning.line else ""
            notes.append(f"⚠ {warning.kind}{where}: {warning.message}\n", style="yellow")
        if not warnings:
            notes.append("no information-loss warnings", style="green")
        self.query_one("#condense-notes", Static).update(notes)
        self.show_view("instruction")
        self.set_status(f"condensed: {len(warnings)} warning(s) to review")

    def ask_to_replace_accepted(self, how: str) -> None:
        """F7 wrote the rule-based instruction over one an annotator had accepted (`condense
        --write` keeps it): asked first, Enter keeping it."""
        self.ask(
            f"The instruction is one an annotator accepted ({how}). Replace it with the "
            "rule-based one?",
            ("Replace it", "r"),
            lambda: self.action_condense(replace_accepted=True),
            keep="Keep it",
        )

    # -- LLM proposals -----------------------------------------------------------------------

    LLM_OPERATIONS: ClassVar[list[tuple[str, str, str]]] = [
        ("refine", "Refine", "r"),
        ("tests", "Tests for misses", "t"),
        ("flaky", "Fix flaky test", "f"),
        ("condense", "Condense", "c"),
        ("cancel", "Cancel", "escape"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Accept, edit and reject show only while there is a proposal; cancel while the LLM
        is asked for one."""
        if action in PROPOSAL_ACTIONS:
            return self.proposal is not None
        if action == "cancel_request":
            return self.proposal is None and (self.running or "").startswith(ASKING_LLM)
        return True

    def action_ask_llm(self) -> None:
        settings = self.app.settings.llm
        if settings.problem:
            self.refuse("LLM", f"{settings.problem}; every step works by hand")
            return
        if not settings.configured:
            self.refuse(
                "LLM",
                "no LLM is configured (set CURATOR_LLM_BASE_URL and CURATOR_LLM_MODEL, or "
                "[llm] in the config); every step works by hand",
            )
            return
        if self.busy() or not self.save(then=self.action_ask_llm):
            return

        def answered(operation: str | None) -> None:
            if not operation or operation == "cancel":
                return
            if operation == "condense":  # the step's rule, as F7 and `suggest --op condense`
                condense = self.step(Step.CONDENSE)
                if condense.state is StepState.BLOCKED:
                    self.refuse("condense", condense.reason)
                    return
            self.cancel_llm = threading.Event()
            self.start_run(f"{ASKING_LLM}: {operation}")
            self.refresh_bindings()
            self.show_view("proposal")
            plan = f"{self.app.settings.llm.request_plan()}; Ctrl+R cancels"
            self.query_one(ProposalPane).waiting(plan)
            self.run_llm(self.current, operation)

        self.app.push_screen(
            ChoiceDialog("Ask the LLM for a proposal:", self.LLM_OPERATIONS), answered
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="llm", name="LLM proposal")
    def run_llm(self, task: Task, operation: str) -> None:
        # The pieces are passed on together, a few times a second: one message each (16
        # characters) kept the app from keys for minutes on a large answer, Ctrl+R too.
        pending: list[str] = []
        passed_on = time.monotonic()

        def pass_on() -> None:
            nonlocal passed_on
            if pending:
                self.post_message(LLMChunk("".join(pending)))
                pending.clear()
            passed_on = time.monotonic()

        def on_chunk(chunk: str) -> None:
            pending.append(chunk)
            if time.monotonic() - passed_on >= STREAM_REFRESH_S:
                pass_on()

        def on_retry(notice: RetryNotice) -> None:
            self.app.call_from_thread(self.show_retry, str(notice))

        assistant = Assistant.from_settings(
            self.app.settings.llm,
            on_chunk=on_chunk,
            on_retry=on_retry,
            cancel=self.cancel_llm,
            bank_timeout_s=self.bank.timeout_s,
        )
        assistant.sandbox = self.app.sandbox()
        try:
            if operation == "condense":
                change = operations.condense(assistant, task)
            else:
                baseline = check_task(task, assistant.sandbox, assistant.bank_timeout_s)
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
        pass_on()  # the answer's end, before the proposal replaces it
        self.post_message(ProposalReady(change))

    def show_retry(self, notice: str) -> None:
        self.query_one(ProposalPane).retrying(notice)
        self.write_log(f"[yellow]{escape(notice)}[/]")

    @on(LLMChunk)
    def show_chunk(self, event: LLMChunk) -> None:
        self.query_one(ProposalPane).add_chunk(event.text)

    @on(ProposalReady)
    def show_proposal(self, event: ProposalReady) -> None:
        self.proposal = event.change
        self.query_one(ProposalPane).proposal(event.change)
        self.show_outcome("proposal", run_view="proposal")
        self.end_run("proposal ready: Ctrl+O accepts, Ctrl+T edits it first, Ctrl+R rejects")

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
        # One view: a second call lost to the first's tab change (a condense showed task.py).
        for file, view in ((INSTRUCTION_FILE, "instruction"), (TESTS_FILE, "tests")):
            if self.proposal.file(file):
                self.show_view(view)
                break
        else:
            self.show_view("program")
        self.set_status(
            "editing the proposal: Ctrl+O (or Ctrl+S) accepts your version, Ctrl+R rejects it"
        )

    def action_accept_proposal(self, despite_regressions: bool = False) -> None:
        if self.proposal is None:
            self.notify("no proposal to accept", severity="warning")
            return
        if not self.app.identified(self.action_accept_proposal):
            return
        edited: dict[str, str] | None = None
        if self.editing_proposal:
            texts = self.editor_texts().model_dump()
            edited = {file.name: texts[EDITOR_OF_FILE[file.name]] for file in self.proposal.files}
        elif not self.save():
            return
        try:
            apply(
                self.bank,
                self.proposal,
                self.annotator,
                edited_after=edited,
                despite_regressions=despite_regressions,
            )
        except ProposalRegression as worse:
            self.ask_to_accept_despite(worse.regressions)
            return
        except CuratorError as error:
            self.refuse("accept", str(error))
            return
        instruction = self.proposal.operation is Operation.CONDENSE
        self.editing_proposal = False
        clear_draft(self.bank, self.task_id)
        self.proposal = None
        self.adopt()
        self.take_bank_texts()
        self.query_one(ProposalPane).note("proposal accepted and saved")
        self.refresh_bindings()
        # An instruction leaves the validated content as it was: nothing to validate again.
        self.set_status(
            "instruction accepted" if instruction else "proposal accepted; validate again (F5)"
        )

    def ask_to_accept_despite(self, regressions: list[str]) -> None:
        listed = "\n".join(f"✗ {regression}" for regression in regressions)
        self.ask(
            f"The proposal is worse than the task as it is:\n{listed}\nAccept it anyway?",
            ("Accept anyway", "a"),
            lambda: self.action_accept_proposal(despite_regressions=True),
        )

    def action_cancel_request(self) -> None:
        self.cancel_llm.set()
        self.set_status("cancelling the LLM request")

    def action_reject_proposal(self) -> None:
        self.cancel_llm.set()
        if self.editing_proposal:
            self.editing_proposal = False
            self.take_bank_texts()
            clear_draft(self.bank, self.task_id)
        self.proposal = None
        self.query_one(ProposalPane).note("proposal rejected: nothing changed")
        self.refresh_bindings()
        self.set_status("proposal rejected")

    # -- commit and history ------------------------------------------------------------------

    def commit_choices(self) -> tuple[list[Stage], dict[Stage, list[str]]]:
        """The stages the gate allows now, and why it refuses the others."""
        facts = self.facts()
        allowed = allowed_stages(self.current, facts)
        refused = {
            stage: stage_blockers(self.current, stage, facts)
            for stage in STAGE_ORDER
            if stage not in allowed
        }
        return allowed, refused

    def action_commit(self) -> None:
        """Commit in any stage the gate allows; the dialog names why it refuses the others.
        Unsaved edits are saved only when the annotator says so: a commit records them."""
        if self.busy() or not self.app.identified(self.action_commit):
            return
        if self.editor_texts() != self.base:
            self.ask_to_save_first()
            return
        if not self.save():
            return
        allowed, refused = self.commit_choices()
        question = f"Commit {self.task_id} (now {self.current.stage.value}) as:"
        stages_refused: dict[str, list[str]] = {}  # each reason once, with every stage it blocks
        for stage, reasons in refused.items():
            for reason in reasons:
                stages_refused.setdefault(reason, []).append(stage.value)
        for reason, stages in stages_refused.items():
            question += f"\n✗ {', '.join(stages)}: {reason}"
        keys = {stage: stage.value[0] for stage in allowed}
        keys[Stage.REJECTED] = "x"
        choices = [(stage.value, stage.value.capitalize(), keys[stage]) for stage in allowed]
        choices.append(("cancel", "Cancel", "escape"))

        def chosen(stage: str | None) -> None:
            if stage and stage != "cancel":
                self.ask_commit_message(Stage(stage))

        self.app.push_screen(
            ChoiceDialog(question, choices, default=self.best_stage(allowed)), chosen
        )

    def ask_to_save_first(self) -> None:
        def answered(choice: str | None) -> None:
            if choice == "save" and self.save(then=self.action_commit):
                self.action_commit()

        self.app.push_screen(
            ChoiceDialog(
                f"{self.task_id} has unsaved edits. A commit records the task as saved: "
                "save them first?",
                [("save", "Save, then commit", "s"), ("cancel", "Cancel", "escape")],
            ),
            answered,
        )

    def best_stage(self, allowed: list[Stage]) -> str:
        """The stage the dialog starts on: the furthest the gate allows."""
        ordered = [stage for stage in allowed if stage is not Stage.REJECTED]
        return ordered[-1].value if ordered else Stage.DRAFT.value

    def ask_commit_message(self, stage: Stage) -> None:
        def answered(message: str | None) -> None:
            if message:
                self.start_run(f"committing {self.task_id} as {stage.value}")
                self.run_commit(stage, message)

        draft = draft_commit(self.bank, self.current, stage)
        others = (
            f"\nIt takes in files of yours too: {listed(draft.others)}." if draft.others else ""
        )
        self.app.push_screen(
            TextDialog(f"Commit {self.task_id} as {stage.value}.{others} Message:", draft.message),
            answered,
        )

    @work(thread=True, exclusive=True, exit_on_error=False, group="git", name="commit")
    def run_commit(self, stage: Stage, message: str) -> None:
        try:
            result = commit_task(self.bank, self.task_id, stage, message, self.annotator)
        except CommitRefused as refused:
            self.post_message(WorkRefused("commit", "; ".join(refused.reasons)))
            return
        except CuratorError as error:
            self.post_message(WorkRefused("commit", str(error)))
            return
        self.post_message(Committed(self.current, result))

    @on(Committed)
    def committed_task(self, event: Committed) -> None:
        self.adopt()
        self.end_run(f"committed {event.result.sha[:10]} as {event.result.stage.value}")
        self.write_log(
            f"[green]committed[/] {event.result.sha[:10]}: {escape(event.result.message)}"
        )
        self.notify(f"committed {event.result.sha[:10]}", title="commit")

    def action_history(self) -> None:
        self.show_view("history")
        self.query_one(HistoryPane).load()

    # -- moving around -----------------------------------------------------------------------

    def action_next_view(self) -> None:
        active = self.query_one(TabbedContent).active
        index = VIEWS.index(active) if active in VIEWS else -1
        self.show_view(VIEWS[(index + 1) % len(VIEWS)])

    def action_show_view(self, view: str) -> None:
        self.show_view(view)
        if view == "history":
            self.query_one(HistoryPane).load()

    def show_view(self, view: str) -> None:
        """Show a tab and move the focus into it at once: a pane's notice of an earlier focus,
        still queued, then finds the focus gone and is ignored (`FocusFollowingTabs`)."""
        tabs = self.query_one(TabbedContent)
        tabs.active = view
        target = self.focus_target(tabs.get_pane(view))
        if target is not None:
            self.set_focus(target)

    def show_outcome(self, view: str, run_view: str) -> None:
        """Show a finished run's outcome in `view` if the annotator still watches the tab the
        run put them in (`run_view`): a tab they moved to meanwhile, and the keys they type
        there, stay theirs. The status line says the run ended either way."""
        if self.query_one(TabbedContent).active == run_view:
            self.show_view(view)

    def focus_target(self, pane: TabPane) -> Widget | None:
        """Where typing goes in a tab: its editor, else its first focusable widget."""
        view = pane.id or ""
        if view in EDITORS:
            return self.editor(view)
        return next((w for w in pane.query("*") if w.focusable), None)

    @on(TabbedContent.TabActivated)
    def focus_view(self, event: TabbedContent.TabActivated) -> None:
        """Typing goes where the eyes go: the new tab's editor, table or scrolling view."""
        view = event.pane.id or ""
        target = self.focus_target(event.pane)
        if target is not None and self.focused is not target:
            target.focus()
        if view == "coverage":  # it can only scroll to the first miss once it is shown
            coverage = self.query_one(CoverageView)
            coverage.call_after_refresh(coverage.scroll_to_current)

    def editor_in_view(self) -> TaskEditor | None:
        active = self.query_one(TabbedContent).active
        return self.editor(active) if active in EDITORS else None

    def action_find(self) -> None:
        editor = self.editor_in_view()
        if editor is None:
            self.notify("find works in the Program, Tests and Instruction tabs", timeout=3)
            return

        def answered(needle: str | None) -> None:
            if needle:
                self.last_search = needle
                if not editor.find(needle):
                    self.notify(f"{needle!r} not found", severity="warning", timeout=3)

        self.app.push_screen(
            TextDialog("Find (Enter: next match):", value=self.last_search), answered
        )

    def action_go_to_line(self) -> None:
        editor = self.editor_in_view()
        if editor is None:
            self.notify("go to line works in the Program, Tests and Instruction tabs", timeout=3)
            return

        def answered(line: str | None) -> None:
            if line and line.strip().isdigit():
                editor.go_to_line(int(line))
            elif line:
                self.notify("give a line number", severity="warning", timeout=3)

        self.app.push_screen(TextDialog("Go to line:"), answered)

    def action_back(self) -> None:
        if not self.unsaved:
            self.autosave()  # a clean task leaves no autosave behind (nor a proposal's)
            self.app.pop_screen()
            return

        def answered(choice: str | None) -> None:
            if choice == "save" and self.save(then=self.action_back):
                self.app.pop_screen()
            elif choice == "discard":
                self.discard()
                self.app.pop_screen()

        self.app.push_screen(
            ChoiceDialog(
                f"{self.task_id} has unsaved edits.",
                [("save", "Save", "s"), ("discard", "Discard", "d"), ("cancel", "Cancel", "c")],
                # Enter alone keeps the edits unsaved and the task open: a stray key, Esc,
                # Enter saved `1import base64` into an accepted task.
                default="cancel",
            ),
            answered,
        )
