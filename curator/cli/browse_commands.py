"""Commands that read the bank: list, show. Their module imports only what reading takes
(no git, no schemas, no environment checks), so they answer at once."""

from __future__ import annotations

import json
import sys

import click
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table

from curator.bank import BankScan
from curator.cli.context import STAGE_CHOICE, CliContext, pass_cli
from curator.environment import bank_fingerprint
from curator.models import Task, unwaived_runtime_findings


def report_problems(cli: CliContext, scan: BankScan) -> None:
    for problem in scan.problems:
        cli.err.print(f"[red]problem:[/] {escape(str(problem))}")


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
            f"flag: {escape(flag.test)} {flag.classification} \\[{flag.status.value}]"
            f" {escape(flag.cause or '')}"
        )
    from curator.validation import stored_report  # what `validate` prints as counts alone

    report = stored_report(bank, task)
    for kind, problems in (
        (("static", report.static), ("warning", report.warnings)) if report else ()
    ):
        for problem in problems:
            place = f"{problem.file}:{problem.line}" if problem.line else problem.file
            out.print(f"{kind}: {place} {problem.code}: {escape(problem.message)}")
    out.rule("task program")
    out.print(Syntax(task.program, "python", line_numbers=True))
    out.rule("tests")
    out.print(Syntax(task.test, "python", line_numbers=True))
    out.rule("instruction")
    out.print(escape(task.instruct_prompt) or "[dim](none yet)[/]")


COMMANDS = [list_command, show_command]
