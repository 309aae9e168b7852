"""Small modal questions: pick one of a few choices, type a line of text, name a new task."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar, Literal

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


@dataclass(frozen=True)
class NewTaskAnswer:
    """What the new-task dialog was given, as typed (`curator new ID --libs LIBS`)."""

    task_id: str
    libraries: str


NewTaskField = Literal["id", "libraries"]


class NewTaskDialog(ModalScreen[NewTaskAnswer | None]):
    """A new task's id and its libraries, each in its own field: in one field, split at the
    first space, an id with a space was blamed on the libraries. A refused answer comes back
    with the reason above the fields, not in a toast that covered them."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="dialog.cancel-new-task")
    ]

    def __init__(
        self,
        answer: NewTaskAnswer | None = None,
        refusal: str = "",
        field: NewTaskField = "id",
    ) -> None:
        super().__init__(classes="dialog")
        self.answer = answer or NewTaskAnswer("", "")
        self.refusal = refusal
        self.field = field

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog-box"):
            yield Label("New task, written by hand", classes="dialog-question")
            if self.refusal:
                yield Label(self.refusal, id="new-task-refusal", markup=False)
            yield Label("Its id:")
            yield Input(self.answer.task_id, placeholder="Mine/1", id="new-task-id")
            yield Label("The libraries it will use, comma-separated:")
            yield Input(self.answer.libraries, placeholder="json,re", id="new-task-libraries")
            # Enter in the id field goes on to the libraries: "Enter accept" did not say so.
            yield Label("Enter next field, then create · Esc cancel", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one(f"#new-task-{self.field}", Input).focus()

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        """Enter in the id field goes on to the libraries while they are empty; Enter in the
        libraries field accepts."""
        task_id = self.query_one("#new-task-id", Input)
        libraries = self.query_one("#new-task-libraries", Input)
        if not task_id.value.strip():
            task_id.focus()
            self.notify("type the task's id first", severity="warning")
        elif event.input is task_id and not libraries.value.strip():
            libraries.focus()
        else:
            self.dismiss(NewTaskAnswer(task_id.value.strip(), libraries.value.strip()))

    def action_cancel(self) -> None:
        self.dismiss(None)
