"""The workspace's code editors: a TextArea without the bindings that shadow pipeline keys,
with find (Ctrl+F) and go to line (Ctrl+G)."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import TextArea

# TextArea's own F5/F6/F7 (select word, line, all) would swallow validate, flaky and condense.
PIPELINE_KEYS = frozenset({"f5", "f6", "f7"})


def location(text: str, index: int) -> tuple[int, int]:
    """The (row, column) of a character index in `text`."""
    row = text.count("\n", 0, index)
    return row, index - (text.rfind("\n", 0, index) + 1)


class TaskEditor(TextArea, inherit_bindings=False):
    BINDINGS: ClassVar[list[BindingType]] = [
        binding
        for binding in TextArea.BINDINGS
        if not (isinstance(binding, Binding) and binding.key in PIPELINE_KEYS)
    ]

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
