"""The application shell over the core; one factory for the CLI, tests and snapshot apps."""

from __future__ import annotations

import contextlib
import importlib
import pkgutil
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.dom import DOMNode
from textual.notifications import SeverityLevel
from textual.screen import Screen

from curator.app.messages import TaskChanged
from curator.app.screens.base import CuratorScreen, palette_commands
from curator.app.screens.browser import BankBrowser
from curator.app.screens.dialogs import ChoiceDialog, TextDialog
from curator.app.screens.help import HelpScreen
from curator.app.settings import (
    AppSettings,
    load_app_settings,
    missing_annotator,
    with_annotator,
)
from curator.app.terminal import guard_the_terminal
from curator.bank import Bank
from curator.errors import BankError, CuratorError
from curator.gitbank import GitBank, GitError
from curator.models import Task
from curator.quality import open_bank

if TYPE_CHECKING:
    from curator.app.screens.workspace import TaskWorkspace
    from curator.sandbox import Sandbox


def binding_ids() -> set[str]:
    """Every binding id a `[keymap]` can remap: the app's and those of each of its screens and
    widgets, their modules imported first (a screen not opened yet is one too)."""
    from curator.app import screens, widgets

    for package in (screens, widgets):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    ids = set()
    classes: list[type] = [DOMNode]
    while classes:
        cls = classes.pop()
        classes.extend(cls.__subclasses__())
        if cls.__module__.startswith("curator.app"):
            ids |= {
                binding.id
                for binding in cls.__dict__.get("BINDINGS", [])
                if isinstance(binding, Binding) and binding.id
            }
    return ids


class CuratorApp(App[None]):
    TITLE = "curator"
    CSS_PATH: ClassVar[list[str]] = ["styles/global.tcss", "styles/app.tcss"]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f1", "help", "Help", id="app.help", tooltip="Keys and how to remap them"),
        # Where typing does not take it (an editor or a field types it), as in less and lazygit.
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+q", "quit", "Quit", id="app.quit", priority=True, show=False, tooltip="Quit"),
    ]

    def __init__(self, bank: Bank, settings: AppSettings) -> None:
        super().__init__()
        self.bank = bank
        self.settings = settings
        self._sandbox: Sandbox | None = None
        self._sandbox_lock = threading.Lock()
        self._closing = False

    def get_default_screen(self) -> Screen[object]:
        return BankBrowser(self.bank)

    def on_mount(self) -> None:
        self.warn_of_no_repository()
        if self.settings.keymap:
            self.set_keymap(self.settings.keymap)
            unknown = sorted(set(self.settings.keymap) - binding_ids())
            if unknown:
                self.notify(
                    f"[keymap] in the user config names no key binding: {', '.join(unknown)} "
                    "(a typo? F1 lists each screen's binding ids)",
                    title="Keys not remapped",
                    severity="warning",
                    timeout=30,
                )

    @work(thread=True, exit_on_error=False, group="start", name="repository check")
    def warn_of_no_repository(self) -> None:
        """Every step works in a bank outside git but the commit: said at the start, not when
        the task is ready to commit (a newcomer's copy of the demo bank). In a thread: GitPython
        takes tens of milliseconds to load, which the first screen need not wait for."""
        try:
            self.bank.repo()
        except BankError as error:
            self.call_from_thread(
                self.notify,
                f"{error}; every step but the commit works until then",
                title="No git repository",
                severity="warning",
                timeout=30,
            )

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every notification shows its text as written: it carries the core's messages, task
        ids and config names (`[llm]`), which Rich's markup would take for tags and drop."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=False)

    def action_help_quit(self) -> None:
        """Ctrl+C outside a selection: how to quit, in words (Textual's own notice is markup,
        which `notify` shows as written: "Press [b]ctrl+q[/b]")."""
        key = self.key_for("app.quit", self.screen)
        self.notify(f"Press {key} to quit the app", title="Do you want to quit?")

    # -- shared services for screens ---------------------------------------------------------

    def sandbox(self) -> Sandbox:
        """One warm sandbox for the whole session, started by the first run that needs it (or
        by `warm_sandbox_for`)."""
        from curator.validation import sandbox_for

        with self._sandbox_lock:
            if self._closing:
                raise RuntimeError("the app is closing")
            if self._sandbox is None:
                self._sandbox = sandbox_for(self.bank)
            return self._sandbox

    def warm_sandbox_for(self, task: Task) -> None:
        """Start in the background the warm worker that validating `task` would use, so that
        the first F5 on a task waits for its run alone (BigCodeBench/589 in BigCodeBench's
        environment: 2.30 s for the first run and 0.29 s for the next, once the libraries'
        worker had started). A sandbox or worker that cannot start is said by the run that
        needs it."""

        def start() -> None:
            with contextlib.suppress(CuratorError, OSError, RuntimeError):
                self.sandbox().start_for(task.program, task.test)

        threading.Thread(target=start, name="warm-sandbox", daemon=True).start()

    def restart_sandbox(self) -> None:
        """Close the session's sandbox: the next run starts one in the bank's (new) environment."""
        with self._sandbox_lock:
            old, self._sandbox = self._sandbox, None
        if old is not None:
            old.close()

    def on_unmount(self) -> None:
        with self._sandbox_lock:
            self._closing = True  # a warm-up still under way must not start another sandbox
            if self._sandbox is not None:
                self._sandbox.close()

    def post_task_changed(self, task: Task) -> None:
        """Tell every open screen that a task was written, so none shows it stale."""
        for screen in self.screen_stack:
            screen.post_message(TaskChanged(task))

    def key_for(self, binding_id: str, node: DOMNode | None = None) -> str:
        """The key a user presses for a binding id, after their remaps."""
        remapped = self.settings.keymap.get(binding_id)
        if remapped:
            return remapped.split(",")[0]
        for owner in (node or self.screen, self):
            for binding in owner.BINDINGS:
                if isinstance(binding, Binding) and binding.id == binding_id:
                    return self.get_key_display(binding)
        return ""

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        # Textual's own "Quit" beside "app: quit (^q)" listed one action twice.
        yield from (c for c in super().get_system_commands(screen) if c.title != "Quit")
        if isinstance(screen, CuratorScreen):
            yield from screen.palette()
        app_bindings = [b for b in self.BINDINGS if isinstance(b, Binding)]
        yield from palette_commands(
            app_bindings, "app", self.run_action, lambda b: self.key_for(b.id or "", self)
        )
        yield SystemCommand("app: open task…", "Open a task by its id", self.ask_task_id)
        yield SystemCommand("app: flaky-test queue", "Review flaky-test flags", self.open_flaky)
        yield SystemCommand("app: release", "What the next release holds", self.open_release)

    def identified(self, then: Callable[[], object]) -> bool:
        """Whether curator knows who the annotator is, whose name every change records. When
        nothing says (no setting, no git user.name, no login name: a container's uid), asks
        for the name, keeps it in the user config, and calls `then` once it is given."""
        unknown = missing_annotator(self.settings, self.bank.root)
        if unknown is None:
            return True

        def answered(name: str | None) -> None:
            if not name:
                self.notify("nothing was changed: a change needs a name", severity="warning")
                return
            self.settings, kept = with_annotator(self.settings, name)
            self.notify(f"{self.settings.annotator}: {kept}", title="annotator")
            self.ask_git_identity(self.settings.annotator or name.strip(), then)

        self.push_screen(
            TextDialog(
                "Who are you? curator records a name with every change, and nothing here "
                f"says yours (no git user.name, no login name). It is kept in "
                f"{unknown.config_file}.",
                placeholder="your name",
            ),
            answered,
        )
        return False

    def ask_git_identity(self, name: str, then: Callable[[], object]) -> None:
        """Where git knows no author either (it refused the commit after the name was given),
        ask for an email and name both in the bank's own git config; then `then`."""
        try:
            repository = GitBank(self.bank)
            if repository.knows_committer():
                then()
                return
        except CuratorError:
            then()  # no repository: the commit says why
            return

        def answered(email: str | None) -> None:
            if email and email.strip():
                try:
                    repository.set_identity(name, email.strip())
                except GitError as error:
                    self.notify(str(error), title="git identity", severity="error")
                else:
                    self.notify(
                        f"{name} <{email.strip()}> in {repository.top}/.git/config",
                        title="git identity",
                    )
            then()

        self.push_screen(
            TextDialog(
                f"git does not know who you are either, and commits need a name and an email. "
                f"Your email, kept with {name!r} in this bank's .git/config (empty: set them "
                "yourself with `git config user.name` and `git config user.email`):",
                placeholder="you@example.org",
            ),
            answered,
        )

    # -- screens any screen can open ---------------------------------------------------------

    def open_task(self, task_id: str) -> None:
        """A workspace on the task, unless one is open already: two would each save over the
        other's edits (and one could discard the other's autosave)."""
        from curator.app.screens.workspace import TaskWorkspace

        workspaces = (s for s in self.screen_stack if isinstance(s, TaskWorkspace))
        existing = next((s for s in workspaces if s.task_id == task_id), None)
        if existing is not None:
            where = "here" if existing is self.screen else "under this screen (Esc goes back)"
            self.notify(
                f"{task_id} is already open {where}: one workspace per task, so that neither "
                "saves over the other's edits",
                title="already open",
                severity="warning",
            )
            return
        try:
            workspace = TaskWorkspace(self.bank, task_id)
        except CuratorError as error:
            self.notify(str(error), title=f"cannot open {task_id}", severity="error")
            return
        self.push_screen(workspace)

    def ask_task_id(self) -> None:
        def answered(task_id: str | None) -> None:
            if task_id:
                self.open_task(task_id)

        self.push_screen(TextDialog("Open task (id, e.g. Demo/7):"), answered)

    def open_flaky(self) -> None:
        from curator.app.screens.flaky_review import FlakyReview

        self.push_screen(FlakyReview(self.bank))

    def open_release(self) -> None:
        from curator.app.screens.release import ReleaseScreen

        self.push_screen(ReleaseScreen(self.bank))

    # -- help and quitting -------------------------------------------------------------------

    def action_help(self) -> None:
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def unsaved_workspaces(self) -> list[TaskWorkspace]:
        from curator.app.screens.workspace import TaskWorkspace

        return [s for s in self.screen_stack if isinstance(s, TaskWorkspace) and s.unsaved]

    async def action_quit(self) -> None:
        unsaved = self.unsaved_workspaces()
        if not unsaved:
            self.exit()
            return
        names = ", ".join(screen.task_id for screen in unsaved)

        def answered(choice: str | None) -> None:
            if choice == "save":
                saved = [screen.save() for screen in unsaved]
                if all(saved):
                    self.exit()
            elif choice == "discard":
                for screen in unsaved:
                    screen.discard()
                self.exit()

        self.push_screen(
            ChoiceDialog(
                f"Unsaved edits in {names}. Quit anyway?",
                [
                    ("save", "Save and quit", "s"),
                    ("discard", "Discard", "d"),
                    ("cancel", "Cancel", "c"),
                ],
                # Enter alone keeps the edits unsaved and the task open: a stray key, Esc,
                # Enter saved `1import base64` into an accepted task.
                default="cancel",
            ),
            answered,
        )


def make_app(bank: Bank | Path | str, settings: AppSettings | None = None) -> CuratorApp:
    """The app on a bank; the one constructor the CLI, the tests and the snapshot apps use."""
    opened = bank if isinstance(bank, Bank) else open_bank(Path(bank))
    guard_the_terminal()
    return CuratorApp(opened, settings if settings is not None else load_app_settings())
