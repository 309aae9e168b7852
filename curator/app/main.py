"""The application shell (grows with each pipeline stage)."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import DataTable, Footer, Header

from curator.bank import Bank


class CuratorApp(App[None]):
    TITLE = "curator"

    def __init__(self, bank: Bank) -> None:
        super().__init__()
        self.bank = bank

    def compose(self) -> ComposeResult:
        yield Header()
        yield DataTable(id="tasks")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one("#tasks", DataTable)
        table.add_columns("task", "stage", "libraries")
        for task in self.bank.scan().tasks:
            table.add_row(task.task_id, task.stage.value, ", ".join(task.libs))
