"""The `curator` command line: a thin layer over the core library.

Exit codes: 0 success, 1 task problems found, 2 usage or input errors.
Each group of commands lives in its own module and registers itself on `main`.
"""

from __future__ import annotations

import atexit
import gc
import importlib
import os
import signal
import sys
from pathlib import Path

import click

from curator.cli.context import CliContext, print_error
from curator.errors import CuratorError, UnknownAnnotator

# The module of each command: a command's module is imported only when that command (or the
# list of all) is asked for, so `curator validate` does not load the LLM, config and git
# commands' libraries. tests/test_cli_bank.py checks this table against each module's COMMANDS.
COMMAND_MODULES = {
    "alternatives": "alternatives_commands",
    "init": "bank_commands",
    "new": "bank_commands",
    "import": "bank_commands",
    "export": "bank_commands",
    "list": "browse_commands",
    "show": "browse_commands",
    "schema": "bank_commands",
    "condense": "condense_commands",
    "env": "env_commands",
    "flaky": "flaky_commands",
    "flags": "flaky_commands",
    "flag": "flaky_commands",
    "commit": "git_commands",
    "log": "git_commands",
    "diff": "git_commands",
    "release": "git_commands",
    "sync": "git_commands",
    "config": "llm_commands",
    "draft": "llm_commands",
    "suggest": "llm_commands",
    "preeval": "llm_commands",
    "skeleton": "llm_commands",
    "mutate": "mutate_commands",
    "validate": "validate_commands",
    "waive": "validate_commands",
}


def say_stopping(signum: int, frame: object) -> None:
    """Ctrl+C: say so at once, then stop as before. Ending the runs under way takes seconds
    (a flaky check's workers), and a silent, frozen progress bar was pressed again."""
    click.secho("stopping…", fg="yellow", err=True)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    raise KeyboardInterrupt


class CuratorGroup(click.Group):
    """Loads each command's module when the command is first asked for; turns any
    `CuratorError`, and any file the system refuses (`OSError`), into a one-line message on
    stderr and exit code 2; Ctrl+C into "interrupted" and 130."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        for module in sorted(set(COMMAND_MODULES.values())):
            _register(module)
        return super().list_commands(ctx)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name in COMMAND_MODULES:
            signal.signal(signal.SIGINT, say_stopping)  # a command, not the app (it reads Ctrl+C)
            _register(COMMAND_MODULES[cmd_name])
        return super().get_command(ctx, cmd_name)

    def invoke(self, ctx: click.Context) -> object:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # here, so that a reader gone (`| head`) is met below
            return result
        except UnknownAnnotator as unknown:  # every command that needs a name takes --annotator
            offered = UnknownAnnotator(unknown.config_file, "give --annotator NAME")
            print_error(str(offered))
            sys.exit(2)
        except CuratorError as error:
            print_error(str(error))
            sys.exit(2)
        except BrokenPipeError:  # `curator list --json | head -1`: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # exit flushes here
            sys.exit(141)  # as a command killed by SIGPIPE, and quietly
        except OSError as error:  # what the system refused (permissions, a full disk): named
            names = [str(name) for name in (error.filename, error.filename2) if name]
            where = f"{' -> '.join(names)}: " if names else ""
            print_error(f"{where}{error.strerror or error}")
            sys.exit(2)
        except KeyboardInterrupt:
            click.secho("interrupted", fg="red", err=True)
            sys.exit(130)


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

    Start here: `curator --bank tasks` opens the demo bank; `curator init DIR` makes a bank.
    A task goes new (or draft) -> validate -> flaky -> condense -> commit; accepted tasks
    ship with `release`.
    """
    ctx.obj = CliContext(bank_path=Path(bank_path))
    if ctx.invoked_subcommand is None:
        from curator.app import run_app

        run_app(ctx.obj.open_bank())


def _bank_after_command(ctx: click.Context, _: click.Parameter, value: Path | None) -> None:
    """`curator list --bank X` means the same as `curator --bank X list`."""
    if value is not None:
        ctx.ensure_object(CliContext).bank_path = value


_registered: set[str] = set()

# Everything left at exit dies with the process: frozen, it spares the interpreter's own
# collections while it shuts down (about 0.1 s of every command, with the models loaded).
atexit.register(gc.freeze)


def _register(module_name: str) -> None:
    """Add the commands of `curator.cli.<module_name>` (it lists them in `COMMANDS`), each
    also taking `--bank` after its name."""
    if module_name in _registered:
        return
    _registered.add(module_name)
    module = importlib.import_module(f"curator.cli.{module_name}")
    for command in module.COMMANDS:
        _take_bank_after(command)
        main.add_command(command)


def _take_bank_after(command: click.Command) -> None:
    """`--bank` after the command's name, and after each of its subcommands' (`env show`)."""
    command.params.append(
        click.Option(
            ["--bank"],
            type=click.Path(file_okay=False, path_type=Path),
            expose_value=False,
            callback=_bank_after_command,
            help="The task bank to work on (as before the command).",
        )
    )
    if isinstance(command, click.Group):
        for subcommand in command.commands.values():
            _take_bank_after(subcommand)
