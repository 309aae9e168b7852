"""State shared by every command: where the bank is, and the consoles to print on."""

from __future__ import annotations

import re
import sys
import textwrap
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click
from rich import box
from rich.console import Console, ConsoleOptions, RenderableType
from rich.markup import escape
from rich.segment import Segment
from rich.table import Table
from rich.text import Text

from curator.bank import Bank, BankScan
from curator.models import Stage
from curator.program import control_characters
from curator.quality import open_bank

F = TypeVar("F", bound=Callable[..., Any])

STAGE_CHOICE = click.Choice([stage.value for stage in Stage])


CONTROL_CHARACTERS = control_characters(kept="\t\n")


def visible(match: re.Match[str]) -> str:
    """A control character as a symbol: ESC as ␛ (U+241B), DEL as ␡, any other as <U+XXXX>."""
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    return "\u2421" if code == 0x7F else f"<U+{code:04X}>"


def without_controls(text: str) -> str:
    return CONTROL_CHARACTERS.sub(visible, text)


class TerminalSafeConsole(Console):
    """A console that shows the control characters of what it prints as symbols. Much of what
    the commands print is strangers' text (task code and tests, what they printed, LLM
    answers): an escape sequence in it reached the terminal as a command to it (a new window
    title, a cleared screen, text written to the clipboard), not as text to read."""

    def render(
        self, renderable: RenderableType, options: ConsoleOptions | None = None
    ) -> Iterable[Segment]:
        for segment in super().render(renderable, options):
            if segment.control is None and CONTROL_CHARACTERS.search(segment.text):
                segment = Segment(without_controls(segment.text), segment.style)
            yield segment

    def on_broken_pipe(self) -> None:
        """The reader went away (`| head`): as any command's output, not rich's exit 1."""
        self.quiet = True
        raise BrokenPipeError


def command_console(stderr: bool = False) -> TerminalSafeConsole:
    """A console that wraps lines at word boundaries in a terminal (the terminal's own wrap
    broke words: "coul|d not run") and never in a log or a pipe, where a message stays one
    line that grep finds."""
    console = TerminalSafeConsole(stderr=stderr, highlight=False)
    console.soft_wrap = not console.is_terminal
    return console


def print_item(console: Console, label: str, text: str) -> None:
    """`label` (markup) then `text` (plain): in a terminal the text folds between words under
    itself, not back at the first column, where a reason's second line read as another item;
    in a pipe one line, as every message there."""
    head = Text.from_markup(label)
    if console.soft_wrap:
        console.print(head + Text(text))
        return
    indent = head.cell_len
    lines = textwrap.wrap(text, max(console.width - indent, 20)) or [""]
    console.print(head + Text(("\n" + " " * indent).join(lines)), soft_wrap=True)


def print_error(message: str) -> None:
    """A command's refusal, "error: …" on stderr: wrapped between words in a terminal (the
    terminal broke them), one line in a pipe; its control characters shown as symbols."""
    command_console(stderr=True).print(Text(f"error: {message}", style="red"))


@dataclass
class CliContext:
    bank_path: Path
    out: Console = field(default_factory=command_console)
    err: Console = field(default_factory=lambda: command_console(stderr=True))

    def open_bank(self) -> Bank:
        return open_bank(self.bank_path)

    def select_readable(self, bank: Bank, ids: tuple[str, ...], all_tasks: bool) -> BankScan:
        """The tasks a command acts on, as `validate --all` takes them: every task that can be
        read, the others named in the scan's problems (`exit_for_unreadable`); ids given are
        each loaded, the first unreadable one stopping the command."""
        check_selection(ids, all_tasks)
        return bank.scan() if all_tasks else BankScan([bank.load(task_id) for task_id in ids])

    def exit_for_unreadable(self, scan: BankScan, verb: str) -> None:
        """Name each folder left out for want of reading it, then exit 2 if there was one."""
        for problem in scan.problems:
            self.err.print(f"[red]not {verb}:[/] {escape(str(problem))}")
        if scan.problems:
            sys.exit(2)  # input the command refuses, as `validate` says it

    def select_task_ids(self, bank: Bank, ids: tuple[str, ...], all_tasks: bool) -> list[str]:
        """The ids of the tasks a command acts on, for a stage that loads them itself (and may
        start its work before they are all loaded)."""
        check_selection(ids, all_tasks)
        return bank.task_ids() if all_tasks else list(ids)


def check_selection(ids: tuple[str, ...], all_tasks: bool) -> None:
    if ids and all_tasks:
        raise click.UsageError("give task ids or --all, not both")
    if not ids and not all_tasks:
        raise click.UsageError("give one or more task ids, or --all")


pass_cli = click.make_pass_decorator(CliContext)


def default_jobs() -> int:
    """`config.default_jobs`, imported when a command runs: the config module loads
    pydantic-settings, which `list` and `show` do without."""
    from curator.config import default_jobs

    return default_jobs()


def jobs_option(what: str, more: str = "") -> Callable[[F], F]:
    """The one `--jobs` option of the commands that run work in the sandbox side by side."""
    return click.option(
        "--jobs",
        "-j",
        type=click.IntRange(1, 32),
        default=default_jobs,
        show_default="number of CPUs, at most 4",
        help=f"{what} to run at the same time{more}.",
    )


def annotator_option(what: str) -> Callable[[F], F]:
    """The one `--annotator` option; unset, `curator.config.resolve_annotator` decides."""
    return click.option("--annotator", help=f"{what} (default: see `curator config`).")


def task_rows_table(title: str) -> Table:
    """A table of one row a task, within 80 columns for ids as long as BigCodeBench's (no
    borders: they took 25 columns, and ids were cut to 'BigCodeBench/1…', 124 and 147 alike)."""
    return Table(
        title=title,
        box=box.SIMPLE_HEAD,
        show_edge=False,
        pad_edge=False,
        collapse_padding=True,
    )
