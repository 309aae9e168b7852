"""The environment screen: the bank's environment (fingerprint, build state, the modules each
task lacks) and `env sync` in a worker with its progress (`curator.envbuild.sync`)."""

from __future__ import annotations

from typing import ClassVar

from rich.markup import escape
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Header, Log, ProgressBar, Static

from curator import envbuild
from curator.app.screens.base import CuratorScreen
from curator.bank import Bank
from curator.envcheck import CANNOT_RUN_NOW, EnvironmentCheck, check_whole_bank
from curator.environment import declared_environment, fingerprint
from curator.errors import CuratorError


class EnvironmentLoaded(Message):
    def __init__(self, summary: Text, check: EnvironmentCheck | None, problem: str | None):
        self.summary = summary
        self.check = check
        self.problem = problem
        super().__init__()


class SyncStep(Message):
    def __init__(self, line: str) -> None:
        self.line = line
        super().__init__()


class SyncFinished(Message):
    def __init__(self, error: str | None) -> None:
        self.error = error
        super().__init__()


def environment_summary(bank: Bank) -> Text:
    declared = declared_environment(bank.root)
    text = Text()
    if declared is None:
        text.append("no environment/: tasks run in curator's own interpreter\n", style="bold")
        text.append(f"fingerprint: {fingerprint()}\n")
        return text
    built = declared.built()
    text.append(f"fingerprint: {declared.fingerprint}\n", style="bold")
    text.append(f"Python {declared.spec.python}, lock hash {declared.lock_hash}\n")
    if built is None:
        text.append("not built: press y to sync\n", style="yellow")
    else:
        text.append(
            f"built: Python {built.python}, {len(built.distributions)} distributions, "
            f"in {declared.directory}\n",
            style="green",
        )
    return text


def check_text(check: EnvironmentCheck | None, problem: str | None) -> Text:
    text = Text("missing modules per task\n", style="bold underline")
    if problem is not None:
        text.append(f"  {problem}\n", style="yellow")
        return text
    for unreadable in check.unreadable if check else []:
        text.append(f"  not checked: {unreadable.path}: {unreadable.problem}\n", style="yellow")
    if check is not None and check.data:
        text.append("  library data the last validation lacked:\n")
    for lacking in check.data if check else []:
        text.append(f"  {lacking.task_id}: {lacking.lacking}\n", style="red")
    if check is None:
        text.append("  none: every module the tasks import is present\n", style="green")
        return text
    if not check.tasks:
        text.append(f"  none: {check.nothing_missing()}\n", style="green")
        return text
    if now := check.cannot_run_now():
        text.append(f"  {CANNOT_RUN_NOW}\n")
    for task in now:
        text.append(f"  {task.task_id}: {', '.join(m.module for m in task.missing)}\n", style="red")
    text.append(f"  {check.missing_from()}\n")
    for task in check.tasks:
        missing = ", ".join(f"{item.module} ({item.distribution})" for item in task.missing)
        text.append(f"  {task.task_id}: {missing}\n", style="red")
    text.append(f"\n  curator env add {' '.join(check.distributions())}\n", style="dim")
    return text


class EnvironmentScreen(CuratorScreen):
    COMMAND_CATEGORY = "environment"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "sync", "Sync", id="environment.sync", tooltip="Build the environment"),
        Binding("ctrl+r", "reload", "Reload", id="environment.reload", tooltip="Check again"),
        Binding("escape", "back", "Back", id="environment.back", tooltip="To the bank"),
    ]

    def __init__(self, bank: Bank) -> None:
        super().__init__(id="environment-screen")
        self.bank = bank
        self.syncing = False

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="environment-body"):
            yield Static("reading the environment…", id="environment-summary")
            yield Static("", id="environment-check")
            yield ProgressBar(total=None, show_eta=False, id="environment-progress")
            yield Log(id="environment-log", max_lines=200)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "environment"
        self.query_one(ProgressBar).display = False
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False, group="env", name="environment check")
    def load(self) -> None:
        summary = environment_summary(self.bank)
        try:
            check, problem = check_whole_bank(self.bank), None
        except CuratorError as error:
            check, problem = None, str(error)
        self.post_message(EnvironmentLoaded(summary, check, problem))

    @on(EnvironmentLoaded)
    def show(self, event: EnvironmentLoaded) -> None:
        self.query_one("#environment-summary", Static).update(event.summary)
        self.query_one("#environment-check", Static).update(check_text(event.check, event.problem))

    def action_reload(self) -> None:
        self.load()

    def action_back(self) -> None:
        self.app.pop_screen()

    def action_sync(self) -> None:
        if self.syncing:
            return
        self.syncing = True
        self.query_one(ProgressBar).display = True
        self.query_one(Log).clear()
        self.sync()

    @work(thread=True, exclusive=True, exit_on_error=False, group="env-sync", name="env sync")
    def sync(self) -> None:
        try:
            declared = declared_environment(self.bank.root)
            if declared is None:
                raise CuratorError("the bank has no environment/ (add one with `curator env add`)")

            def report(line: str) -> None:
                self.post_message(SyncStep(line))

            envbuild.sync(declared, report=report)
        except CuratorError as error:
            self.post_message(SyncFinished(str(error)))
            return
        self.post_message(SyncFinished(None))

    @on(SyncStep)
    def step(self, event: SyncStep) -> None:
        self.query_one(Log).write_line(event.line)

    @on(SyncFinished)
    def finished(self, event: SyncFinished) -> None:
        self.syncing = False
        self.query_one(ProgressBar).display = False
        if event.error is not None:
            self.query_one(Log).write_line(f"sync failed: {event.error}")
            self.notify(escape(event.error), title="env sync failed", severity="error")
        else:
            self.app.restart_sandbox()  # type: ignore[attr-defined]
            self.notify("environment built", title="env sync")
        self.load()
