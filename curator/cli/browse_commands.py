"""Commands that read the bank: list, show. Their module imports only what reading takes
(no git, no schemas, no environment checks), so they answer at once."""

from __future__ import annotations

import json
import sys
from collections import Counter
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table
from rich.text import Text

from curator.bank import BankScan
from curator.cli.context import STAGE_CHOICE, CliContext, pass_cli, print_item
from curator.envcheck import unimportable_libraries
from curator.environment import bank_fingerprint
from curator.errors import TaskFileError
from curator.flaky.flags import read_evidence
from curator.models import Task, Verdict, unwaived_runtime_findings

if TYPE_CHECKING:
    from curator.validation import ValidationReport


def report_problems(cli: CliContext, scan: BankScan) -> None:
    for problem in scan.problems:
        cli.err.print(f"[red]problem:[/] {escape(str(problem))}")


def coverage_text(task: Task) -> str:
    summary = task.validation
    if summary is None or summary.branch_coverage is None:
        return ""
    return f"{summary.branch_coverage:.0f}%"


STALE_REASONS = {
    "": "changed since their validation",
    "other environment": "validated in another environment",
    "other time limit": "validated under another time limit",
}


def stale_reason(task: Task, environment: str, bank_timeout_s: float | None) -> str | None:
    """Why the task's validation no longer counts (a key of `STALE_REASONS`), or None."""
    if task.validation is None:
        return None
    if not task.validation_is_current:
        return ""
    if not task.validation_counts(environment, None):
        return "other environment"
    if not task.validation_counts(environment, task.time_limit(bank_timeout_s)):
        return "other time limit"
    return None


def validation_text(task: Task, environment: str, bank_timeout_s: float | None) -> str:
    if task.validation is None:
        return "not run"
    reason = stale_reason(task, environment, bank_timeout_s)
    if reason is None:
        return task.validation.verdict.value
    return f"{task.validation.verdict.value} (stale{': ' + reason if reason else ''})"


def flags_text(task: Task) -> str:
    """The task's unresolved flags by status: both keep it from acceptance."""
    statuses = Counter(flag.status.value for flag in task.unresolved_flags())
    return ", ".join(
        f"{count} {status}" for status, count in sorted(statuses.items(), reverse=True)
    )


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
        print_list(cli, tasks, environment, bank_timeout_s)
    report_problems(cli, scan)
    if scan.problems:
        sys.exit(1)


def print_list(
    cli: CliContext, tasks: list[Task], environment: str, bank_timeout_s: float | None
) -> None:
    """The table, narrow enough for 80 columns: a stale validation is marked in its cell and
    explained once under the table; the flags and runtime columns appear when a task has some."""
    reasons = [stale_reason(task, environment, bank_timeout_s) for task in tasks]
    flags = [flags_text(task) for task in tasks]
    unwaived = [", ".join(unwaived_runtime_findings(task)) for task in tasks]
    extra = [
        (name, cells) for name, cells in (("flags", flags), ("runtime", unwaived)) if any(cells)
    ]
    table = Table(title=f"{len(tasks)} task(s)")
    table.add_column("task", overflow="fold")  # whole: every command takes it
    for column in ("stage", "libraries", "validation", "branch cov.", *(name for name, _ in extra)):
        table.add_column(column)
    for index, task in enumerate(tasks):
        verdict = task.validation.verdict.value if task.validation else "not run"
        marked = reasons[index] is not None
        table.add_row(
            escape(task.task_id),
            task.stage.value,
            escape(", ".join(task.libs)),
            f"{verdict} [dim](stale)[/]" if marked else verdict,
            coverage_text(task),
            *(f"[yellow]{escape(cells[index])}[/]" for _, cells in extra),
        )
    cli.out.print(table)
    for reason, count in Counter(reason for reason in reasons if reason is not None).items():
        cli.out.print(
            f"(stale): {count} task(s) {STALE_REASONS[reason]}: their results no longer count "
            "(curator validate IDS, or --all, again)"
        )


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
    if task.validation is None:
        # `new` warned of a library that does not import; until a run, `show` said "not run".
        unimportable = unimportable_libraries(bank.root, task.libs)
        if unimportable:
            out.print(f"[yellow]warning:[/] {escape(unimportable)}")
    if task.preeval is not None:
        out.print(f"pre-evaluation: {escape(task.preeval.describe(task.content_hash()))}")
    for flag in task.flags:
        out.print(
            f"flag: {escape(flag.test)} {flag.classification} \\[{flag.status.value}]"
            f" {escape(flag.cause or '')}"
        )
    from curator.validation import stored_report  # what `validate` prints as counts alone

    try:
        report = stored_report(bank, task)
    except TaskFileError as error:  # the rest of the task is still shown
        report = None
        out.print(f"[yellow]unreadable:[/] {escape(str(error))} (`curator validate` runs it again)")
    for kind, problems in (
        (("static", report.static), ("warning", report.warnings)) if report else ()
    ):
        for problem in problems:
            place = f"{problem.file}:{problem.line}" if problem.line else problem.file
            print_item(out, f"{kind}: {escape(place)} {problem.code}: ", problem.message)
    if report is not None:
        show_run(cli, task, report)
    try:
        read_evidence(bank, task.task_id)
    except TaskFileError as error:  # a release called it "not checked for flaky tests"
        out.print(f"[yellow]unreadable:[/] {escape(str(error))} (`curator flaky` runs it again)")
    out.rule("task program")  # code wraps in a terminal, and is whole in a pipe
    out.print(Syntax(task.program, "python", line_numbers=True, word_wrap=not out.soft_wrap))
    out.rule("tests")
    out.print(Syntax(task.test, "python", line_numbers=True, word_wrap=not out.soft_wrap))
    out.rule("instruction")
    # As written: through markup, a regex's `\[` read `[`.
    out.print(Text(task.instruct_prompt) if task.instruct_prompt else Text("(none yet)", "dim"))


def show_run(cli: CliContext, task: Task, report: ValidationReport) -> None:
    """What a maintainer judges a run by, beside its counts: the runtime findings (which
    acceptance needs fixed or waived), each test that did not pass with the first line of
    why, and the lines and branches the tests miss."""
    from curator.validation import first_line

    if report.verdict is not Verdict.PASS and report.message:
        # Why a run ended as it did: for `environment`, the module to add (it was not said).
        cli.out.print(f"why: {escape(report.message)}")
    waivers = {waiver.code: waiver for waiver in task.waivers}
    for finding in report.runtime:
        waiver = waivers.get(finding.code)
        waived = (
            f" [dim](waived by {escape(waiver.who)}: {escape(waiver.reason)})[/]" if waiver else ""
        )
        cli.out.print(f"runtime: {finding.code}: {escape(finding.message)}{waived}")
    for name, outcome in report.tests.items():
        if outcome.outcome not in ("pass", "skip"):
            why = first_line(outcome.message or "")
            cli.out.print(
                f"test: {escape(name)} {outcome.outcome}" + (f": {escape(why)}" if why else "")
            )
    lines = report.missed_lines
    missed = [f"line{'s' * (len(lines) > 1)} {', '.join(map(str, lines))}"] if lines else []
    missed += [
        f"branch {start}→{end if end > 0 else 'exit'}" for start, end in report.missed_branches
    ]
    if missed:
        cli.out.print(f"missed: {'; '.join(missed)}")


COMMANDS = [list_command, show_command]
