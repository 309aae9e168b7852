"""What every curator screen shares: worker errors handled once, palette entries from bindings."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from curator.errors import CuratorError


def palette_commands(
    node_bindings: Iterable[Binding], category: str, run_action: object
) -> Iterable[SystemCommand]:
    """One palette entry per binding with an id: "category: description"."""
    for binding in node_bindings:
        if binding.id and binding.description:
            yield SystemCommand(
                f"{category}: {binding.description.lower()}",
                binding.tooltip or binding.description,
                partial(run_action, binding.action),  # type: ignore[operator]
            )


class CuratorScreen(Screen[None]):
    """A screen whose workers report failures as notifications instead of crashing the app."""

    COMMAND_CATEGORY = "app"

    def palette(self) -> Iterable[SystemCommand]:
        bindings = [binding for binding in self.BINDINGS if isinstance(binding, Binding)]
        return palette_commands(bindings, self.COMMAND_CATEGORY, self.run_action)

    @on(Worker.StateChanged)
    def report_worker_failure(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        error = event.worker.error
        if isinstance(error, CuratorError):
            message = str(error)
        else:
            message = f"{type(error).__name__}: {error}"
        self.notify(message, title=f"{event.worker.name} failed", severity="error", timeout=10)
        self.worker_failed(event.worker.name, message)

    def worker_failed(self, name: str, message: str) -> None:
        """Hook for screens that show a failed run in place (a log, a stepper)."""
