"""Bank commands: init, new, import, export, schema."""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import click
from rich.markup import escape

from curator.bank import MARKER, Bank, make_repository
from curator.cli.context import STAGE_CHOICE, CliContext, annotator_option, pass_cli
from curator.config import resolve_annotator
from curator.drafts import library_names, new_task
from curator.envcheck import check_bank, unimportable_libraries
from curator.environment import declared_environment
from curator.errors import CuratorError, TasksExist, listed
from curator.gitbank import GitBank, GitError
from curator.history import commit_new_bank, import_tasks
from curator.interchange import export_tasks, exported_tasks, read_jsonl, render_jsonl
from curator.models import Stage, Task
from curator.schema import SCHEMA_MODELS, schema_problems, write_schemas


def given_directory(_context: click.Context, _parameter: click.Parameter, value: str) -> Path:
    """An empty DIRECTORY (an unset variable: `curator init "$DIR"`) made the current folder
    a bank, where `.` must be said."""
    if not value.strip():
        raise click.BadParameter("empty: name the folder of the new bank (`.` for this one)")
    return Path(value)


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False), callback=given_directory)
@click.option("--name", help="The bank's name (default: the directory's name).")
@pass_cli
def init_command(cli: CliContext, directory: Path, name: str | None) -> None:
    """Create a new, empty bank in DIRECTORY (a git repository unless already inside one).

    Run again on a bank whose bank.json git could not commit (it knew no identity yet), it
    commits it."""
    if (directory / MARKER).is_file():
        bank = Bank.open(directory)
        # A bank copied without its repository: every git command refused it, this one too.
        made = make_repository(bank.root)
        try:
            uncommitted = GitBank(bank).marker_uncommitted()
        except GitError:
            uncommitted = False  # not in git: already a bank, as Bank.init says
        if uncommitted:
            sha = commit_new_bank(bank)
            cli.out.print(f"committed {MARKER} of bank {escape(bank.name)} ({sha[:10]})")
            if made:
                cli.out.print(
                    f"made a git repository at {escape(str(bank.root))}; its "
                    f"{len(bank.task_ids())} task folder(s) are not committed yet: `curator "
                    "commit ID` commits one through the stage gate (`git add -A && git commit` "
                    "takes them all as they are)"
                )
            return
    bank = Bank.init(directory, name)
    cli.out.print(f"created bank [bold]{escape(bank.name)}[/] at {escape(str(bank.root))}")
    try:
        commit_new_bank(bank)
    except CuratorError as error:
        again = shlex.quote(str(directory))
        cli.err.print(
            f"[yellow]not committed:[/] {escape(str(error))}; then `curator init {escape(again)}` "
            f"again commits {MARKER}, which a clone needs to be a bank"
        )


@click.command("new")
@click.argument("task_id")
@click.option(
    "--libs",
    default="",
    help="Comma-separated libraries the task will import (a task should use at least two).",
)
@annotator_option("Recorded as the task's author")
@pass_cli
def new_command(cli: CliContext, task_id: str, libs: str, annotator: str | None) -> None:
    """Start a task by hand: TASK_ID's folder with a program to fill in (imports, a task_func
    with every docstring section, a solution to write) and one test, as a draft."""
    bank = cli.open_bank()
    task = new_task(task_id, library_names(libs), resolve_annotator(annotator, bank.root))
    with bank.lock():
        bank.add_all([task])
    folder = bank.task_dir(task_id)
    cli.out.print(
        f"created {escape(task_id)} in {escape(str(folder))}: write the program in task.py "
        "(docstring, then the solution) and the tests in tests.py, or open it in the app; "
        f"then `curator validate {escape(shlex.quote(task_id))}`"
    )
    unimportable = unimportable_libraries(bank.root, task.libs)
    if unimportable:
        cli.err.print(f"[yellow]warning:[/] {escape(unimportable)}")


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--stage",
    type=STAGE_CHOICE,
    default=Stage.DRAFT.value,
    show_default=True,
    help="Stage to give the imported tasks (a released benchmark can come in as accepted).",
)
@click.option(
    "--annotator",
    help="Recorded as the author of the imported tasks (without it they have none: they come "
    "from the file); the commit names who imported them, this or as `curator config` says.",
)
@click.option(
    "--update",
    is_flag=True,
    help="Tasks already in the bank take the file's content where it differs (their stage, "
    "flags and history stay; validate them again) instead of refusing the file.",
)
@pass_cli
def import_command(
    cli: CliContext, file: Path, stage: str, annotator: str | None, update: bool
) -> None:
    """Import a BigCodeBench JSONL(.gz) FILE into the bank, all records or none."""
    bank = cli.open_bank()
    tasks = read_jsonl(file, Stage(stage), annotator)
    try:
        outcome = import_tasks(bank, tasks, file, resolve_annotator(annotator, bank.root), update)
    except TasksExist as error:
        raise CuratorError(
            f"{error}; with --update they take the file's content where it differs"
        ) from error
    source = escape(str(file))
    if update:
        cli.out.print(
            f"imported {source}: {len(outcome.added)} new task(s) as {stage}, "
            f"{len(outcome.updated)} updated, {outcome.unchanged} unchanged"
        )
        if outcome.updated:
            cli.out.print(
                "updated: "
                + escape(", ".join(task.task_id for task in outcome.updated[:10]))
                + (" ..." if len(outcome.updated) > 10 else "")
                + "; `curator validate --all` runs them again (not the tasks whose last "
                "result still counts)"
            )
    else:
        cli.out.print(f"imported {len(tasks)} task(s) from {source} as {stage}")
    if outcome.uncommitted:
        cli.err.print(
            f"[yellow]note:[/] {len(outcome.uncommitted)} unchanged task(s) match the file but "
            f"differ from the last commit (an interrupted import?): "
            f"{escape(listed(outcome.uncommitted))}; "
            "`curator commit` them, or discard the changes"
        )
    if outcome.not_committed:
        cli.err.print(f"[yellow]not committed:[/] {escape(outcome.not_committed)}")
    if outcome.written:
        suggest_environment(cli, bank, outcome.written)
    if outcome.not_committed:
        sys.exit(2)  # imported, but history lacks it: a script must not read success


def suggest_environment(cli: CliContext, bank: Bank, written: list[Task]) -> None:
    """The distributions the imported tasks need that the bank's environment lacks, with the
    `env add` that installs them."""
    try:
        needed = check_bank(bank.root, written).distributions()
    except CuratorError as error:
        cli.err.print(f"[yellow]env check:[/] {escape(str(error))}")
        return
    if not needed:
        return
    if declared_environment(bank.root) is None:
        where = (
            "this bank declares no environment (its tasks run in curator's own interpreter); "
            f"to declare one that has the {len(needed)} distribution(s) they import"
        )
    else:
        where = f"{len(needed)} distribution(s) missing from the environment; to add them"
    cli.out.print(
        f"env check: {where}: curator env add {' '.join(needed)} "
        "(`curator env check` lists them per task)"
    )


@click.command("export")
@click.argument("out", type=click.Path(dir_okay=False, allow_dash=True, path_type=Path))
@click.option(
    "--stage", type=STAGE_CHOICE, help="Only tasks in this stage (default: every task, drafts too)."
)
@pass_cli
def export_command(cli: CliContext, out: Path, stage: str | None) -> None:
    """Export tasks to OUT in BigCodeBench's JSONL format (gzipped if OUT ends in .gz): every
    task, drafts and failing ones too, unless --stage says which. A benchmark to ship is a
    release (`curator release VERSION`: the accepted tasks, checked, tagged, with a changelog).

    OUT must be a file outside the bank, in a folder that exists; `-` writes to standard
    output."""
    selected = Stage(stage) if stage else None
    if str(out) == "-":
        tasks = exported_tasks(cli.open_bank(), selected)
        click.echo(render_jsonl(tasks), nl=False)
        where = "standard output"
    else:
        tasks = export_tasks(cli.open_bank(), out, selected)
        where = escape(str(out))
    cli.err.print(f"exported {len(tasks)} task(s) to {where}")
    if unwritten := sum(not task.instruct_prompt.strip() for task in tasks):
        cli.err.print(
            f"[yellow]note:[/] {unwritten} of them have no instruction yet (never condensed): "
            "their instruct_prompt is empty"
        )


@click.command("schema")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Directory for the JSON Schema files.",
)
@click.option("--check", is_flag=True, help="Only check; exit 1 if a file is stale.")
@pass_cli
def schema_command(cli: CliContext, out: Path, check: bool) -> None:
    """Generate the JSON Schema files of the data models."""
    if check:
        problems = schema_problems(out)
        if len(problems) == len(SCHEMA_MODELS) and set(problems.values()) == {"missing"}:
            # Run in a bank, it called every file "stale" and advised writing them there.
            cli.err.print(
                f"{escape(str(out))}: no schema files to check (curator's own repository keeps "
                "them in schemas/; `curator schema --out DIR` writes them to DIR)"
            )
            sys.exit(1)
        for name, problem in problems.items():
            cli.err.print(f"{problem}: {escape(str(out / name))} (run `curator schema`)")
        if problems:
            sys.exit(1)
        cli.out.print(f"{escape(str(out))}: schemas are current")
        return
    for path in write_schemas(out):
        cli.out.print(f"wrote {escape(str(path))}")


COMMANDS = [
    init_command,
    new_command,
    import_command,
    export_command,
    schema_command,
]
