"""The help screen: every key of the screen below it, by binding id, and how to remap."""

from __future__ import annotations

from typing import ClassVar

from rich.table import Table
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

INTRO = """\
The pipeline: draft → refine → validate → flaky → condense → commit. The stepper at the top \
of a task shows each step (✓ done, ● ready, ✗ blocked) and what to do next.

Ctrl+P opens the command palette (every action below, as "category: action").
F1 opens this help anywhere; ? does too, where it is not typed into an editor or a field.
Edits are autosaved every few seconds and offered back if curator stops before you save.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape,f1,q,question_mark", "dismiss", "Close", id="help.close", tooltip="Close help"
        ),
    ]

    def __init__(self, below: Screen[object]) -> None:
        super().__init__(id="help")
        self.below = below

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog-box"):
            yield Static("[b]curator help[/b]  (Escape to close)")
            yield Static(INTRO)
            yield Static(self.key_table())
            yield Static(
                "Remap keys by binding id in the user config ($CURATOR_CONFIG, else "
                '~/.config/curator/config.toml):\n[keymap]\n"task.validate" = "ctrl+b"',
                markup=False,
            )

    def key_table(self) -> Table:
        table = Table(box=None, pad_edge=False)
        table.add_column("key", style="bold")
        table.add_column("action")
        table.add_column("binding id", style="dim")
        category = getattr(self.below, "COMMAND_CATEGORY", "app")
        seen = set()
        for node, source in ((self.below, category), (self.app, "app")):
            for key, active in node._bindings.key_to_bindings.items():
                for binding in active:
                    if not binding.id or binding.id in seen or not binding.description:
                        continue
                    seen.add(binding.id)
                    display = self.app.get_key_display(binding)
                    what = f"{source}: {binding.description}"
                    if binding.tooltip and binding.tooltip != binding.description:
                        what += f" ({binding.tooltip})"  # what the footer's few words mean
                    table.add_row(display or key, what, binding.id)
        focused = self.below.focused
        label = getattr(focused, "HELP_CATEGORY", None)
        if focused is not None and label:  # the editor's own keys: select, undo, copy, ...
            for key, active in focused._bindings.key_to_bindings.items():
                for binding in active:
                    if binding.description:
                        display = self.app.get_key_display(binding) or key
                        table.add_row(display, f"{label}: {binding.description}", "")
        return table
