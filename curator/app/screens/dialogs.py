"""Small modal questions: pick one of a few choices, or type a line of text."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label


def key_label(key: str) -> str:
    return "Esc" if key == "escape" else key


class ChoiceDialog(ModalScreen[str]):
    """A question with one button per choice, each (value, label, key), its key shown on it.

    Escape picks "cancel" (add a ("cancel", "Cancel", "escape") choice to show it); ↑↓ or Tab
    move between the buttons and Enter presses one.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "choose('cancel')", "Cancel", id="dialog.cancel"),
        Binding("down,right", "app.focus_next", "Next", show=False),
        Binding("up,left", "app.focus_previous", "Previous", show=False),
    ]

    def __init__(
        self, question: str, choices: list[tuple[str, str, str]], default: str | None = None
    ) -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.choices = choices
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            # A long question scrolls; the choices stay on screen at any size.
            with VerticalScroll(classes="dialog-question-scroll"):
                yield Label(self.question, classes="dialog-question", markup=False)
            with Vertical(classes="dialog-buttons"):
                for value, label, key in self.choices:
                    yield Button(
                        Content(f"{label}  [{key_label(key)}]"),
                        id=f"choice-{value}",
                        compact=True,
                        classes="dialog-choice",
                    )

    def on_mount(self) -> None:
        for value, _label, key in self.choices:
            if key != "escape":
                self._bindings.bind(key, f"choose('{value}')", show=False)
        default = self.query(f"#choice-{self.default}") if self.default else None
        (default.first() if default else self.query(Button).first()).focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss((event.button.id or "choice-cancel").removeprefix("choice-"))

    def action_choose(self, value: str) -> None:
        self.dismiss(value)


class TextDialog(ModalScreen[str | None]):
    """Ask for one line of text; Enter accepts (if not empty), Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel-text")
    ]

    def __init__(self, question: str, value: str = "", placeholder: str = "") -> None:
        super().__init__(classes="dialog")
        self.question = question
        self.value = value
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label(self.question, classes="dialog-question", markup=False)
            yield Input(self.value, placeholder=self.placeholder, id="dialog-input")
            yield Label("Enter accept · Esc cancel", classes="dialog-hint")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.dismiss(event.value.strip())
        else:
            self.notify("type something first", severity="warning")

    def action_cancel(self) -> None:
        self.dismiss(None)
