"""Bank commands: init, new, import, export, list, show, schema."""

from __future__ import annotations

import json
import shlex
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table

from curator.bank import Bank, BankScan
from curator.cli.context import CliContext, annotator_option, pass_cli
from curator.config import resolve_annotator
from curator.drafts import new_task
from curator.envcheck import check_bank
from curator.environment import bank_fingerprint, declared_environment
from curator.errors import CuratorError
from curator.history import commit_new_bank, import_tasks
from curator.interchange import export_tasks, read_jsonl
from curator.models import Stage, Task, unwaived_runtime_findings
from curator.schema import stale_schemas, write_schemas

STAGE_CHOICE = click.Choice([stage.value for stage in Stage])


def report_problems(cli: CliContext, scan: BankScan) -> None:
    for problem in scan.problems:
        cli.err.print(f"[red]problem:[/] {escape(str(problem))}")


@click.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--name", help="The bank's name (default: the directory's name).")
@pass_cli
def init_command(cli: CliContext, directory: Path, name: str | None) -> None:
    """Create a new, empty bank in DIRECTORY (a git repository unless already inside one)."""
    bank = Bank.init(directory, name)
    cli.out.print(f"created bank [bold]{escape(bank.name)}[/] at {escape(str(bank.root))}")
    try:
        commit_new_bank(bank)
    except CuratorError as error:
        cli.err.print(f"[yellow]not committed:[/] {escape(str(error))}")


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
    libraries = [library.strip() for library in libs.split(",") if library.strip()]
    task = new_task(task_id, libraries, resolve_annotator(annotator, bank.root))
    with bank.lock():
        bank.add_all([task])
    folder = bank.task_dir(task_id)
    cli.out.print(
        f"created {escape(task_id)} in {escape(str(folder))}: write the program in task.py "
        "(docstring, then the solution) and the tests in tests.py, or open it in the app; "
        f"then `curator validate {escape(shlex.quote(task_id))}`"
    )


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--stage",
    type=STAGE_CHOICE,
    default=Stage.DRAFT.value,
    show_default=True,
    help="Stage to give the imported tasks (a released benchmark can come in as accepted).",
)
@click.option("--annotator", help="Recorded as the author of the imported tasks.")
@pass_cli
def import_command(cli: CliContext, file: Path, stage: str, annotator: str | None) -> None:
    """Import a BigCodeBench JSONL(.gz) FILE into the bank, all records or none."""
    bank = cli.open_bank()
    tasks = read_jsonl(file, Stage(stage), annotator)
    outcome = import_tasks(bank, tasks, file, annotator)
    cli.out.print(f"imported {len(tasks)} task(s) from {escape(str(file))} as {stage}")
    if outcome.not_committed:
        cli.err.print(f"[yellow]not committed:[/] {escape(outcome.not_committed)}")
    try:
        needed = check_bank(bank.root, tasks).distributions()
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
@click.argument("out", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--stage", type=STAGE_CHOICE, help="Only tasks in this stage.")
@pass_cli
def export_command(cli: CliContext, out: Path, stage: str | None) -> None:
    """Export tasks to OUT in BigCodeBench's JSONL format (gzipped if OUT ends in .gz).

    OUT must be outside the bank, in a folder that exists."""
    count = export_tasks(cli.open_bank(), out, Stage(stage) if stage else None)
    cli.err.print(f"exported {count} task(s) to {escape(str(out))}")


def coverage_text(task: Task) -> str:
    summary = task.validation
    if summary is None or summary.branch_coverage is None:
        return ""
    return f"{summary.branch_coverage:.0f}%"


def preeval_text(task: Task) -> str:
    """Solve rates of the last pre-evaluation, marked stale if the task changed since."""
    summary = task.preeval
    if summary is None:
        return ""
    rates = [
        f"{kind} {rate:.0%}"
        for kind, rate in (("complete", summary.complete_rate), ("instruct", summary.instruct_rate))
        if rate is not None
    ]
    stale = "" if summary.content_hash == task.content_hash() else " (stale)"
    return f"{', '.join(rates)} solved by {summary.model} (k={summary.k}){stale}"


def validation_text(task: Task, environment: str, bank_timeout_s: float | None) -> str:
    if task.validation is None:
        return "not run"
    if not task.validation_is_current:
        return f"{task.validation.verdict.value} (stale)"
    if not task.validation_counts(environment, None):
        return f"{task.validation.verdict.value} (stale: other environment)"
    if not task.validation_counts(environment, task.time_limit(bank_timeout_s)):
        return f"{task.validation.verdict.value} (stale: other time limit)"
    return task.validation.verdict.value


def list_row(task: Task, environment: str, bank_timeout_s: float | None) -> dict[str, object]:
    return {
        "task_id": task.task_id,
        "stage": task.stage.value,
        "libs": task.libs,
        "validation": task.validation.verdict.value if task.validation else None,
        "validation_current": task.validation_counts(environment, task.time_limit(bank_timeout_s)),
        "branch_coverage": task.validation.branch_coverage if task.validation else None,
        "open_flags": len(task.open_flags()),
        "runtime_unwaived": unwaived_runtime_findings(task),
    }


@click.command("list")
@click.option("--stage", type=STAGE_CHOICE, help="Only tasks in this stage.")
@click.option("--lib", "library", help="Only tasks that use this library.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per task.")
@pass_cli
def list_command(cli: CliContext, stage: str | None, library: str | None, as_json: bool) -> None:
    """List the bank's tasks (exit 1 if some task folders could not be read)."""
    bank = cli.open_bank()
    scan = bank.scan()
    environment, bank_timeout_s = bank_fingerprint(bank.root), bank.timeout_s
    tasks = [
        task
        for task in scan.tasks
        if (stage is None or task.stage == stage) and (library is None or library in task.libs)
    ]
    if as_json:
        for task in tasks:
            click.echo(json.dumps(list_row(task, environment, bank_timeout_s)))
    else:
        table = Table(title=f"{len(tasks)} task(s)")
        table.add_column("task", overflow="fold")  # whole: every command takes it
        for column in ("stage", "libraries", "validation", "branch cov.", "flags", "runtime"):
            table.add_column(column)
        for task in tasks:
            flags = len(task.open_flags())
            unwaived = unwaived_runtime_findings(task)
            table.add_row(
                escape(task.task_id),
                task.stage.value,
                escape(", ".join(task.libs)),
                validation_text(task, environment, bank_timeout_s),
                coverage_text(task),
                f"[yellow]{flags} open[/]" if flags else "",
                f"[yellow]{escape(', '.join(unwaived))}[/]" if unwaived else "",
            )
        cli.out.print(table)
    report_problems(cli, scan)
    if scan.problems:
        sys.exit(1)


@click.command("show")
@click.argument("task_id")
@click.option("--json", "as_json", is_flag=True, help="The whole task as JSON.")
@pass_cli
def show_command(cli: CliContext, task_id: str, as_json: bool) -> None:
    """Show one task: metadata, program, tests and instruction."""
    bank = cli.open_bank()
    task = bank.load(task_id)
    if as_json:
        click.echo(task.model_dump_json(indent=2))
        return
    out = cli.out
    out.rule(f"[bold]{escape(task.task_id)}[/] · {task.stage.value}")
    out.print(f"libraries: {escape(', '.join(task.libs)) or '-'}")
    out.print(f"origin: {task.provenance.origin.value}  source: {task.provenance.source or '-'}")
    validation = validation_text(task, bank_fingerprint(bank.root), bank.timeout_s)
    out.print(f"validation: {validation}  branch coverage: {coverage_text(task) or '-'}")
    if task.preeval is not None:
        out.print(f"pre-evaluation: {escape(preeval_text(task))}")
    for flag in task.flags:
        out.print(
            f"flag: {escape(flag.test)} {flag.classification} [{flag.status.value}]"
            f" {escape(flag.cause or '')}"
        )
    out.rule("task program")
    out.print(Syntax(task.program, "python", line_numbers=True))
    out.rule("tests")
    out.print(Syntax(task.test, "python", line_numbers=True))
    out.rule("instruction")
    out.print(escape(task.instruct_prompt) or "[dim](none yet)[/]")


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
        stale = stale_schemas(out)
        for name in stale:
            cli.err.print(f"stale: {escape(str(out / name))} (run `curator schema`)")
        if stale:
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
    list_command,
    show_command,
    schema_command,
]
