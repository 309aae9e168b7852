"""The workspace's code editors: a TextArea without the bindings that shadow pipeline keys,
with find (Ctrl+F) and go to line (Ctrl+G)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea

# TextArea's own F5/F6/F7 (select word, line, all) would swallow validate, flaky and condense.
PIPELINE_KEYS = frozenset({"f5", "f6", "f7"})


def location(text: str, index: int) -> tuple[int, int]:
    """The (row, column) of a character index in `text`."""
    row = text.count("\n", 0, index)
    return row, index - (text.rfind("\n", 0, index) + 1)


def editor_bindings() -> list[BindingType]:
    """TextArea's keys without those that shadow pipeline keys, Ctrl+A selecting all (as a
    newcomer expects; Home still starts the line) and Ctrl+Home/End to the text's ends."""
    kept: list[BindingType] = []
    for binding in TextArea.BINDINGS:
        if not isinstance(binding, Binding) or binding.key in PIPELINE_KEYS:
            continue
        if binding.key == "home,ctrl+a":
            binding = replace(binding, key="home")
        kept.append(binding)
    return [
        *kept,
        Binding("ctrl+a", "select_all", "Select all", show=False),
        Binding("ctrl+home", "text_start", "Start of the text", show=False),
        Binding("ctrl+end", "text_end", "End of the text", show=False),
    ]


class TaskEditor(TextArea, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = editor_bindings()
    HELP_CATEGORY = "editor"  # the help lists its keys while it has the focus
    typing_hint = ""
    """Shown under the editor while it has the focus: keys such as `2` (the Tests tab outside
    an editor) are typed here, and a newcomer could not tell."""

    def on_focus(self) -> None:
        self.border_subtitle = self.typing_hint

    def on_blur(self) -> None:
        self.border_subtitle = None

    def action_text_start(self) -> None:
        self.move_cursor((0, 0))

    def action_text_end(self) -> None:
        self.move_cursor(self.document.end)

    def go_to_line(self, line: int) -> None:
        """Put the cursor at the start of 1-based `line` (clamped to the text) and show it."""
        row = min(max(line, 1), self.document.line_count) - 1
        self.move_cursor((row, 0), center=True)
        self.focus()

    def find(self, needle: str) -> bool:
        """Select the next occurrence of `needle` after the cursor, wrapping to the start."""
        if not needle:
            return False
        text = self.text
        row, column = self.selection.end
        start = sum(len(line) + 1 for line in text.split("\n")[:row]) + column
        found = text.find(needle, start)
        if found < 0:
            found = text.find(needle)
        if found < 0:
            return False
        begin, end = location(text, found), location(text, found + len(needle))
        self.move_cursor(begin)
        self.move_cursor(end, select=True, center=True)
        self.focus()
        return True
