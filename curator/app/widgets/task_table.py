"""A table of task rows that renders only the lines on screen.

DataTable builds per-row state when rows are added (about 1.2 s for 10,000 rows on this
machine), which is too slow to rebuild on every filter keystroke. This widget keeps a plain
list of `TaskRow`s and draws visible lines through the Line API, so replacing 10,000 rows
costs nothing until they are drawn.
"""

from __future__ import annotations

from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from curator.app.rows import COLUMN_KEYS, COLUMNS, Column, TaskRow

# Below this many columns the id column narrows so that libraries keep room; an id too long
# for it loses its start, which ids share ("…CodeBench/1139"), not its number.
WIDE = 140
NARROW_ID = 15
# Below this many columns (80 is the smallest terminal we design for) the last change shows its
# date only and the narrow columns lose their padding, so that every column stays on screen:
# rows are 78 columns wide in an 80-column terminal, 76 beside the scrollbar of a long bank.
NARROW = 100
NARROW_WIDTHS = {"stage": 9, "changed": 10, "flaky": 5, "coverage": 10, "tests": 5}
FLEXIBLE_MIN = 9
# Narrower still (a split pane, a 60-column terminal), the columns a curator needs least in a
# list give way, in this order, so that the flaky flags stay on screen; they used to run off
# its edge. A hidden column has width 0.
TIGHT = 76
TIGHT_ID = 13
GIVE_WAY = ("changed", "mutation")


def column_widths(total: int) -> list[int]:
    """Fixed widths for each column; the flexible column takes what is left (at least
    FLEXIBLE_MIN); 0 for a column hidden to make room."""
    widths = [column.width for column in COLUMNS]
    if total < WIDE:
        widths[0] = NARROW_ID
    if total < NARROW:
        widths = [
            NARROW_WIDTHS.get(column.key, width)
            for column, width in zip(COLUMNS, widths, strict=True)
        ]
    hidden: set[int] = set()
    if total < TIGHT:
        widths[0] = TIGHT_ID
        for key in GIVE_WAY:
            if fixed_width(widths, hidden) + FLEXIBLE_MIN + 1 <= total:
                break
            hidden.add(COLUMN_KEYS.index(key))
    flexible = max(FLEXIBLE_MIN, total - fixed_width(widths, hidden) - 1)
    return [0 if index in hidden else width or flexible for index, width in enumerate(widths)]


def fixed_width(widths: list[int], hidden: set[int]) -> int:
    """The room the fixed columns take, each with the space before it."""
    return sum(width + 1 for index, width in enumerate(widths) if width and index not in hidden)


def fit_cell(key: str, text: str, width: int) -> str:
    """A cell at its column's width; a timestamp too narrow for its time keeps its date, an id
    too long keeps its end."""
    if key == "changed" and len(text) > width >= len("YYYY-MM-DD"):
        text = text[:width]
    if key == "id" and len(text) > width > 1:
        text = "…" + text[len(text) - width + 1 :]
    return fit(text, width)


def header_cell(column: Column, arrow: str, width: int) -> str:
    """A column's title at its width, with the sort arrow kept: at 80 columns "last change"
    read "last chan…", and "tests" sorted lost its arrow, so no title said which was sorted."""
    title = column.title
    if len(title) > width and column.narrow_title:
        title = column.narrow_title
    if not arrow:
        return fit(title, width)
    if len(title) + 2 <= width:
        return fit(f"{title} {arrow}", width)
    return fit(title[: width - 1] + arrow, width)


def fit(text: str, width: int) -> str:
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)


class ColumnHeader(Widget):
    """Column titles with the sort arrow; clicking a title sorts by it."""

    class SortRequested(Message):
        def __init__(self, column: str) -> None:
            self.column = column
            super().__init__()

    sort_column: reactive[str] = reactive("id")
    sort_descending: reactive[bool] = reactive(False)

    def widths(self) -> list[int]:
        """The rows' column widths: those of the table below, whose scrollbar takes room."""
        tables = self.screen.query(TaskTable)
        return column_widths(tables.first().row_width if tables else self.size.width)

    def render(self) -> str:
        parts = []
        for column, width in zip(COLUMNS, self.widths(), strict=True):
            if not width:
                continue
            arrow = ""
            if column.key == self.sort_column:
                arrow = "▼" if self.sort_descending else "▲"
            parts.append(header_cell(column, arrow, width))
        return " " + " ".join(parts)

    def on_click(self, event: events.Click) -> None:
        x = 1
        for column, width in zip(COLUMNS, self.widths(), strict=True):
            if not width:
                continue
            if x <= event.x < x + width + 1:
                self.post_message(self.SortRequested(column.key))
                return
            x += width + 1


class TaskTable(ScrollView, can_focus=True):
    """Keyboard and mouse navigable rows; posts Highlighted and Selected with the task id."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"task-table--cursor", "task-table--flagged"}

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "Up", show=False, id="table.up"),
        Binding("down", "cursor_down", "Down", show=False, id="table.down"),
        Binding("pageup", "page_up", "Page up", show=False, id="table.page-up"),
        Binding("pagedown", "page_down", "Page down", show=False, id="table.page-down"),
        Binding("home", "first", "First", show=False, id="table.first"),
        Binding("end", "last", "Last", show=False, id="table.last"),
    ]

    class Highlighted(Message):
        def __init__(self, task_id: str | None) -> None:
            self.task_id = task_id
            super().__init__()

    class Selected(Message):
        def __init__(self, task_id: str) -> None:
            self.task_id = task_id
            super().__init__()

    cursor: reactive[int] = reactive(0, always_update=True)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows: list[TaskRow] = []

    @property
    def current_task_id(self) -> str | None:
        return self.rows[self.cursor].task_id if self.rows else None

    def set_rows(self, rows: list[TaskRow]) -> None:
        """Replace the rows, keeping the cursor on the same task where it is still shown."""
        keep = self.current_task_id
        self.rows = rows
        self.virtual_size = Size(0, len(rows))
        position = 0
        if keep is not None:
            position = next((i for i, row in enumerate(rows) if row.task_id == keep), 0)
        self.cursor = position
        self.refresh()

    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self.rows) - 1))

    def watch_cursor(self, value: int) -> None:
        top, height = self.scroll_offset.y, self.size.height
        if height and not top <= value < top + height:
            self.scroll_to_region(Region(0, value, 1, 1), animate=False, force=True)
        self.refresh()
        self.post_message(self.Highlighted(self.current_task_id))

    @property
    def row_width(self) -> int:
        """The width rows are laid out for: beside the vertical scrollbar, once the bank is
        longer than the screen (in an 80-column terminal it takes two of the 78 columns)."""
        return self.scrollable_content_region.width

    def render_line(self, y: int) -> Strip:
        index = self.scroll_offset.y + y
        width = self.row_width
        if index >= len(self.rows):
            return Strip.blank(width, self.rich_style)
        row = self.rows[index]
        if index == self.cursor and self.has_focus:
            style = self.get_component_rich_style("task-table--cursor")
        elif index == self.cursor:
            style = self.rich_style + Style(reverse=True, dim=True)
        elif row.flagged:
            style = self.get_component_rich_style("task-table--flagged")
        else:
            style = self.rich_style
        text = " " + " ".join(
            fit_cell(column.key, cell, cell_width)
            for column, cell, cell_width in zip(
                COLUMNS, row.cells, column_widths(width), strict=True
            )
            if cell_width
        )
        return Strip([Segment(fit(text, width), style)], width)

    def on_resize(self) -> None:
        self.virtual_size = Size(0, len(self.rows))  # rows fit the width: never scrolled sideways
        self.refresh_header()

    def watch_show_vertical_scrollbar(self) -> None:
        """The scrollbar comes and goes with the rows, not with a resize: `row_width` changes."""
        self.refresh_header()

    def refresh_header(self) -> None:
        for header in self.screen.query(ColumnHeader):  # its widths follow this table's
            header.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

    def on_click(self, event: events.Click) -> None:
        index = self.scroll_offset.y + event.y
        if index < len(self.rows):
            self.cursor = index
            if event.chain >= 2:
                self.action_select()

    def action_cursor_up(self) -> None:
        self.cursor -= 1

    def action_cursor_down(self) -> None:
        self.cursor += 1

    def action_page_up(self) -> None:
        self.cursor -= max(1, self.size.height - 1)

    def action_page_down(self) -> None:
        self.cursor += max(1, self.size.height - 1)

    def action_first(self) -> None:
        self.cursor = 0

    def action_last(self) -> None:
        self.cursor = len(self.rows) - 1

    def action_select(self) -> None:
        if self.rows:
            self.post_message(self.Selected(self.rows[self.cursor].task_id))
