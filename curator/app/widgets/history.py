"""The history pane: the task's commits in a table; the highlighted one's diff beside it.

The first row is the work tree (its changes against HEAD, if any), as in lazygit and tig.
Git runs in thread workers, never on the UI thread.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import DataTable, Static
from textual.worker import Worker, WorkerState

from curator.app.messages import WorkerFailed
from curator.app.views import diff_text
from curator.bank import Bank
from curator.errors import CuratorError
from curator.history import FileDiff, LogEntry, task_diff, task_log

WORK_TREE_ROW = "work tree"


class HistoryPane(Horizontal):
    class Loaded(Message):
        def __init__(self, entries: list[LogEntry], changed: bool) -> None:
            self.entries = entries
            self.changed = changed  # the work tree differs from HEAD
            super().__init__()

    class DiffLoaded(Message):
        def __init__(self, title: str, diffs: list[FileDiff] | str) -> None:
            self.title = title
            self.diffs = diffs
            super().__init__()

    def __init__(self, bank: Bank, task_id: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.bank = bank
        self.task_id = task_id
        self.entries: list[LogEntry] = []

    def compose(self) -> ComposeResult:
        yield DataTable(id="history-log", cursor_type="row")
        with VerticalScroll(id="history-scroll"):
            yield Static("press F9 to load the history", id="history-view")

    def on_mount(self) -> None:
        self.query_one(DataTable).add_columns("commit", "message", "stage", "who", "date")

    def load(self) -> None:
        self.query_one("#history-view", Static).update("loading…")
        self.load_log()

    @work(thread=True, exclusive=True, exit_on_error=False, group="history", name="history")
    def load_log(self) -> None:
        entries = task_log(self.bank, self.task_id)
        changed = bool(entries) and any(diff.text for diff in task_diff(self.bank, self.task_id))
        self.post_message(self.Loaded(entries, changed))

    @on(Loaded)
    def show_log(self, event: Loaded) -> None:
        self.entries = event.entries
        table = self.query_one(DataTable)
        table.clear()
        # As the diff beside it says: a clean task read "uncommitted changes" here.
        changes = "uncommitted changes" if event.changed else "no uncommitted changes"
        table.add_row(WORK_TREE_ROW, changes, "", "", "")
        for entry in event.entries:
            stage = entry.stage or "deleted"
            if entry.previous_stage is None:
                stage += " (new)"
            elif entry.stage_changed:
                stage = f"{entry.previous_stage} → {stage}"
            table.add_row(
                entry.sha[:10],
                entry.subject,
                stage,
                entry.annotator,
                f"{entry.date:%Y-%m-%d %H:%M}",
            )
        table.move_cursor(row=0)
        self.load_diff(None)

    @on(DataTable.RowHighlighted, "#history-log")
    def commit_highlighted(self, event: DataTable.RowHighlighted) -> None:
        row = event.cursor_row
        if row == 0:
            self.load_diff(None)
        elif 0 < row <= len(self.entries):
            self.load_diff(self.entries[row - 1])

    @work(thread=True, exclusive=True, exit_on_error=False, group="history-diff", name="diff")
    def load_diff(self, entry: LogEntry | None) -> None:
        if not self.entries:
            self.post_message(self.DiffLoaded("", "no commits of this task yet"))
            return
        if entry is None:
            title = "uncommitted changes (HEAD → work tree)"
            diffs: list[FileDiff] | str = task_diff(self.bank, self.task_id)
        else:
            short = entry.sha[:10]
            title = f"{short} {entry.subject}"
            try:
                diffs = task_diff(self.bank, self.task_id, f"{short}~1", short)
            except CuratorError:
                diffs = task_diff(self.bank, self.task_id, short, short)
        self.post_message(self.DiffLoaded(title, diffs))

    @on(Worker.StateChanged)
    def worker_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            error = event.worker.error
            reason = str(error) if isinstance(error, CuratorError) else repr(error)
            self.query_one("#history-view", Static).update(  # not "loading…" for ever
                Text(f"{event.worker.name} failed: {reason}", style="red")
            )
            self.post_message(WorkerFailed(event.worker))

    @on(DiffLoaded)
    def show_diff(self, event: DiffLoaded) -> None:
        view = self.query_one("#history-view", Static)
        if isinstance(event.diffs, str):
            view.update(Text(event.diffs, style="dim"))
            return
        text = Text(event.title + "\n\n", style="bold")
        changed = [diff for diff in event.diffs if diff.text]
        if not changed:
            text.append("no changes to the program, tests, prompts or metadata\n", style="dim")
        for diff in changed:
            text.append_text(diff_text(diff.text))
        view.update(text)
