"""State shared by every command: where the bank is, and the consoles to print on."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import click
from rich.console import Console

from curator.bank import Bank
from curator.models import Task

F = TypeVar("F", bound=Callable[..., Any])


@dataclass
class CliContext:
    bank_path: Path
    out: Console = field(default_factory=lambda: Console(highlight=False, soft_wrap=True))
    err: Console = field(default_factory=lambda: Console(stderr=True, highlight=False))

    def open_bank(self) -> Bank:
        return Bank.open(self.bank_path)

    def select_tasks(self, bank: Bank, ids: tuple[str, ...], all_tasks: bool) -> list[Task]:
        """The tasks a command acts on: the ids given, or every task with `--all`."""
        if ids and all_tasks:
            raise click.UsageError("give task ids or --all, not both")
        if not ids and not all_tasks:
            raise click.UsageError("give one or more task ids, or --all")
        if all_tasks:
            return bank.load_all()
        return [bank.load(task_id) for task_id in ids]


pass_cli = click.make_pass_decorator(CliContext)


def annotator_option(what: str) -> Callable[[F], F]:
    """The one `--annotator` option; unset, `curator.config.resolve_annotator` decides."""
    return click.option("--annotator", help=f"{what} (default: see `curator config`).")
