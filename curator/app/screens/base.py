"""What every curator screen shares: worker errors handled once, palette entries from bindings."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from functools import partial
from typing import TYPE_CHECKING

from textual import events, on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer
from textual.worker import Worker, WorkerState

from curator.app.messages import WorkerFailed
from curator.app.screens.dialogs import ChoiceDialog
from curator.errors import CuratorError

if TYPE_CHECKING:
    from textual import getters

    from curator.app.main import CuratorApp

# From this width on, the footer also shows the command palette's key.
WIDE_FOOTER = 100
# Below this width, the footer drops the padding around its keys to keep its last ones (F1).
NARROW_FOOTER = 80


def palette_commands(
    node_bindings: Iterable[Binding],
    category: str,
    run_action: Callable[[str], object],
    key_of: Callable[[Binding], str],
) -> Iterable[SystemCommand]:
    """One palette entry per binding with an id: "category: description (key)"."""
    for binding in node_bindings:
        if binding.id and binding.description:
            key = key_of(binding)
            yield SystemCommand(
                f"{category}: {binding.description.lower()}" + (f"  ({key})" if key else ""),
                binding.tooltip or binding.description,
                partial(run_action, binding.action),
            )


class CuratorScreen(Screen[None]):
    """A screen whose workers report failures as notifications instead of crashing the app."""

    COMMAND_CATEGORY = "app"
    COMPACT_FOOTER = False  # a screen with many keys keeps its footer compact at any width

    if TYPE_CHECKING:  # the curator app, typed: its bank, settings, sandbox and keys
        app = getters.app(CuratorApp)

    def ask(
        self, question: str, act: tuple[str, str], then: Callable[[], None], keep: str = "Cancel"
    ) -> ChoiceDialog:
        """Ask `question` with the button `act` (its label and key) beside `keep` (Escape);
        Enter, pressed as for any accept, keeps things as they are. `then` runs only on `act`.
        Returns the dialog, for a caller whose question events may make moot."""

        def answered(choice: str | None) -> None:
            if choice == "act":
                then()

        label, key = act
        dialog = ChoiceDialog(question, [("act", label, key), ("cancel", keep, "escape")], "cancel")
        self.app.push_screen(dialog, answered)
        return dialog

    def palette(self) -> Iterable[SystemCommand]:
        bindings = [binding for binding in self.BINDINGS if isinstance(binding, Binding)]
        return palette_commands(
            bindings,
            self.COMMAND_CATEGORY,
            self.run_action,
            lambda binding: self.app.key_for(binding.id or "", self),
        )

    @on(events.Resize)
    def fit_footer(self, event: events.Resize) -> None:
        """Below 100 columns the footer's room goes to keys, not to the palette hint; below 80,
        to keys without padding."""
        for footer in self.query(Footer):
            footer.show_command_palette = event.size.width >= WIDE_FOOTER
            footer.compact = self.COMPACT_FOOTER or event.size.width < NARROW_FOOTER

    def notify_unreadable(self, problems: Sequence[object]) -> str:
        """Warn of task folders that could not be read (the rest are shown): the first with
        how many more; returns that text."""
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        text = f"{problems[0]}{more}"
        self.notify(text, title="unreadable task folders", severity="warning")
        return text

    @on(Worker.StateChanged)
    def report_worker_failure(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.ERROR:
            self.report_failure(event.worker)

    @on(WorkerFailed)
    def report_pane_worker_failure(self, event: WorkerFailed) -> None:
        self.report_failure(event.worker)

    def report_failure(self, worker: Worker[object]) -> None:
        error = worker.error
        if isinstance(error, CuratorError):
            message = str(error)
        else:
            message = f"{type(error).__name__}: {error}"
        self.notify(message, title=f"{worker.name} failed", severity="error", timeout=10)
        self.worker_failed(worker.name, message)

    def worker_failed(self, name: str, message: str) -> None:
        """Hook for screens that show a failed run in place (a log, a stepper)."""
