"""The `curator` command line: a thin layer over the core library.

Exit codes: 0 success, 1 task problems found, 2 usage or input errors.
Each group of commands lives in its own module and registers itself on `main`.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path

import click

from curator.cli.context import CliContext
from curator.errors import CuratorError


class CuratorGroup(click.Group):
    """Turns any `CuratorError` into a one-line message on stderr and exit code 2."""

    def invoke(self, ctx: click.Context) -> object:
        try:
            return super().invoke(ctx)
        except CuratorError as error:
            click.secho(f"error: {error}", fg="red", err=True)
            sys.exit(2)


@click.group(cls=CuratorGroup, invoke_without_command=True)
@click.option(
    "--bank",
    "bank_path",
    type=click.Path(file_okay=False, path_type=Path),
    default=lambda: os.environ.get("CURATOR_BANK", "."),
    show_default="$CURATOR_BANK, else the current directory",
    help="The task bank to work on.",
)
@click.version_option(package_name="curator")
@click.pass_context
def main(ctx: click.Context, bank_path: Path) -> None:
    """Build and maintain an execution-based Python coding benchmark.

    With no command, opens the app on the bank.
    """
    ctx.obj = CliContext(bank_path=Path(bank_path))
    if ctx.invoked_subcommand is None:
        from curator.app import run_app

        run_app(ctx.obj.open_bank())


def _bank_after_command(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    """`curator list --bank X` means the same as `curator --bank X list`."""
    if value is not None:
        ctx.ensure_object(CliContext).bank_path = value


def _register() -> None:
    """Add the commands of every `curator.cli.*_commands` module (each lists its `COMMANDS`),
    each also taking `--bank` after its name."""
    for info in pkgutil.iter_modules(__path__):
        if info.name.endswith("_commands"):
            module = importlib.import_module(f"curator.cli.{info.name}")
            for command in module.COMMANDS:
                command.params.append(
                    click.Option(
                        ["--bank"],
                        type=click.Path(file_okay=False, path_type=Path),
                        expose_value=False,
                        callback=_bank_after_command,
                        help="The task bank to work on (as before the command).",
                    )
                )
                main.add_command(command)


_register()
