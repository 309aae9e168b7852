"""Every message a background worker posts, in one place: each flow reads top to bottom.

Workers never touch widgets; they post these, and `@on` handlers on the screens own state.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.message import Message
from textual.worker import Worker

if TYPE_CHECKING:  # the stages' modules load when a task is opened, not at start-up
    from curator.app.rows import TaskRow
    from curator.errors import TaskFileError
    from curator.flaky.evidence import FlakyEvidence
    from curator.flaky.flags import FlagChange
    from curator.history import CommitResult, FileDiff, LogEntry
    from curator.llm.proposals import ProposedChange
    from curator.models import Task
    from curator.validation import ValidationReport


class WorkerFailed(Message):
    """A pane's worker failed; its screen reports it (Worker.StateChanged does not bubble)."""

    def __init__(self, worker: Worker[object]) -> None:
        self.worker = worker
        super().__init__()


# -- bank browser: BankChunkLoaded × n, the last with done=True; TaskChanged after any write --


class BankChunkLoaded(Message):
    def __init__(
        self, rows: list[TaskRow], problems: list[TaskFileError], loaded: int, total: int
    ) -> None:
        self.rows = rows
        self.problems = problems
        self.loaded = loaded
        self.total = total
        super().__init__()

    @property
    def done(self) -> bool:
        return self.loaded >= self.total


class TaskChanged(Message):
    """A task was written to the bank; any view of it should refresh."""

    def __init__(self, task: Task) -> None:
        self.task = task
        super().__init__()


# -- task workspace: a run posts RunLog lines, then its own finished message -----------------


class RunLog(Message):
    """A line for the live log of a validation, flaky or LLM run."""

    def __init__(self, text: str, progress: float | None = None) -> None:
        self.text = text
        self.progress = progress
        super().__init__()


class WorkRefused(Message):
    """The core refused an action, with its reason (a commit of a failing task, ...)."""

    def __init__(self, action: str, reason: str) -> None:
        self.action = action
        self.reason = reason
        super().__init__()


class ValidationFinished(Message):
    """The task was validated and the report stored with it."""

    def __init__(self, task: Task, report: ValidationReport) -> None:
        self.task = task
        self.report = report
        super().__init__()


class Committed(Message):
    def __init__(self, task: Task, result: CommitResult) -> None:
        self.task = task
        self.result = result
        super().__init__()


class HistoryLoaded(Message):
    def __init__(self, entries: list[LogEntry], diffs: list[FileDiff]) -> None:
        self.entries = entries
        self.diffs = diffs
        super().__init__()


class FlakyFinished(Message):
    """A flaky-test detection ran; its evidence and the flag changes are stored."""

    def __init__(self, task: Task, evidence: FlakyEvidence, changes: list[FlagChange]) -> None:
        self.task = task
        self.evidence = evidence
        self.changes = changes
        super().__init__()


# -- LLM proposals: LLMChunk × n while the answer streams, then ProposalReady ----------------


class LLMChunk(Message):
    def __init__(self, text: str) -> None:
        self.text = text
        super().__init__()


class ProposalReady(Message):
    """A proposal, validated in the sandbox, waiting for the annotator to accept or reject."""

    def __init__(self, change: ProposedChange) -> None:
        self.change = change
        super().__init__()
