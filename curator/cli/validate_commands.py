"""`curator validate`: run tasks' tests in the sandbox, with coverage and static checks."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from curator.bank import Bank
from curator.cli.context import (
    CliContext,
    annotator_option,
    jobs_option,
    pass_cli,
    print_item,
    task_rows_table,
)
from curator.environment import declared_environment, lock_environment
from curator.models import MAX_TIMEOUT_S, Task, Verdict
from curator.validation import (
    REPORT_FILE,
    ValidationReport,
    bank_notes,
    validate_tasks,
    waivable_findings,
    waive_finding,
)

VERDICT_STYLE = {
    Verdict.PASS: "green",
    Verdict.FAIL: "red",
    Verdict.ERROR: "red",
    Verdict.TIMEOUT: "magenta",
    Verdict.ENVIRONMENT: "yellow",
    Verdict.INVALID: "red bold",
}


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}%"


def summary_table(reports: list[ValidationReport], cached: set[str]) -> Table:
    table = task_rows_table(f"validation of {len(reports)} task(s)")
    table.add_column("task", no_wrap=True)
    table.add_column("verdict", no_wrap=True)
    for column in ("tests", "branch", "lines", "static", "warn", "time"):
        table.add_column(column, justify="right", no_wrap=True)
    for report in reports:
        style = VERDICT_STYLE[report.verdict]
        table.add_row(
            escape(report.task_id),
            f"[{style}]{report.verdict.value}[/]",
            f"{report.tests_passed}/{report.tests_total}",
            percent(report.branch_coverage),
            percent(report.line_coverage),
            str(len(report.static)) if report.static else "",
            str(len(report.warnings)) if report.warnings else "",
            "[dim]cached[/]" if report.task_id in cached else f"{report.duration_s:.2f}s",
        )
    return table


def at_most(text: str, limit: int = 300) -> str:
    """`text` cut to `limit` characters, saying so (a path cut mid-word looked whole)."""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def print_reasons(cli: CliContext, reports: list[ValidationReport]) -> None:
    """One line per task that did not pass, saying why; one per runtime finding; one per
    rerun the time limit called for (or refused)."""
    for report in reports:
        task = escape(report.task_id)
        for finding in report.runtime:
            label = f"[yellow]runtime[/] {task}: {finding.code}: "
            print_item(cli.out, label, at_most(finding.message))
        for note in report.time_limit_notes:
            print_item(cli.out, f"[dim]time limit[/] {task}: ", note)
        if report.verdict is not Verdict.PASS:
            reason = (report.message or "").strip().splitlines()
            label = f"[{VERDICT_STYLE[report.verdict]}]{report.verdict.value}[/] {task}: "
            print_item(cli.out, label, at_most(reason[0]) if reason else "")


@click.command("validate")
@click.argument("task_ids", nargs=-1)
@click.option("--all", "all_tasks", is_flag=True, help="Validate every task in the bank.")
@jobs_option("Tasks", " (a task whose last run only waited, as a server does, runs beside them)")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per task on stdout.")
@click.option("--force", is_flag=True, help="Rerun tasks whose stored result is current.")
@click.option(
    "--timeout",
    "timeout_s",
    type=click.FloatRange(1, MAX_TIMEOUT_S),
    help="Wall-clock limit per task, in seconds [default: the task's timeout_s, else the "
    "bank's (bank.json), else 60].",
)
@click.option("--no-coverage", is_flag=True, help="Skip branch coverage (a little faster).")
@click.option(
    "--env",
    "other_lock",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Validate in the environment of this lock (built with `env sync --lock`) without "
    "storing results; print which tasks change verdict.",
)
@pass_cli
def validate_command(
    cli: CliContext,
    task_ids: tuple[str, ...],
    all_tasks: bool,
    jobs: int,
    as_json: bool,
    force: bool,
    timeout_s: float | None,
    no_coverage: bool,
    other_lock: Path | None,
) -> None:
    """Run tasks' tests in the sandbox; exit 1 if any verdict is not `pass`, 2 if a task
    folder could not be read (the others are validated all the same).

    Results are stored with each task (validation.json) and reused while the task and the
    environment are unchanged; --force reruns them.
    """
    bank = cli.open_bank()
    ids = cli.select_task_ids(bank, task_ids, all_tasks)
    for note in bank_notes(bank):
        cli.err.print(f"[yellow]warning:[/] {escape(note)}")
    other = None
    if other_lock is not None:
        declared = declared_environment(bank.root)
        other = lock_environment(other_lock, declared.spec if declared else None)
    progress = Progress(
        TextColumn("validating"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.fields[last]}"),
        console=cli.err,
        transient=True,
        disable=not cli.err.is_terminal,
    )
    bar = progress.add_task("validate", total=len(ids), last="")

    def show(report: ValidationReport, cached: bool) -> None:
        progress.update(bar, advance=1, last=escape(report.task_id))

    with progress:
        results = validate_tasks(
            bank,
            ids,
            force=force,
            jobs=jobs,
            on_report=show,
            coverage=not no_coverage,
            timeout_s=timeout_s,
            other=other,
        )
    ordered, cached = results.reports, results.cached
    if any(r.network_exposed for r in ordered if r.task_id not in cached):
        cli.err.print("[yellow]warning:[/] network not isolated on this machine")
    if other is not None:
        reports = {report.task_id: report for report in ordered}
        tasks = [bank.load(report.task_id) for report in ordered]
        print_verdict_changes(cli, bank, tasks, reports, other_lock)
    if as_json:
        for report in ordered:
            click.echo(json.dumps(report.json_row()))
    else:
        cli.out.print(summary_table(ordered, cached))
        print_reasons(cli, ordered)
        counts: dict[str, int] = {}
        for report in ordered:
            counts[report.verdict.value] = counts.get(report.verdict.value, 0) + 1
        cli.out.print(", ".join(f"{count} {verdict}" for verdict, count in sorted(counts.items())))
    for problem in results.unreadable:
        cli.err.print(f"[red]not validated:[/] {escape(str(problem))}")
    if results.unreadable:
        sys.exit(2)  # input the command refuses, as a task folder it cannot read is elsewhere
    if not results.all_pass:
        sys.exit(1)


@click.command("waive")
@click.argument("task_id")
@click.argument("code")
@click.option("--reason", required=True, help="Why this finding is acceptable for this task.")
@annotator_option("Who waives")
@pass_cli
def waive_command(
    cli: CliContext, task_id: str, code: str, reason: str, annotator: str | None
) -> None:
    """Waive finding CODE of TASK_ID: a runtime finding of its last validation (e.g. network) or
    a departure from the benchmark's shape (e.g. libs-few; see `validate`). Accepted needs each
    of them fixed or waived."""
    bank = cli.open_bank()
    from curator.config import resolve_annotator  # here: only `waive` needs the settings

    who = resolve_annotator(annotator, bank.root)
    task = waive_finding(bank, task_id, code, reason, who)
    waived = {waiver.code for waiver in task.waivers}
    left = [found for found in waivable_findings(task) if found not in waived]
    cli.out.print(
        f"{escape(task_id)}: {escape(code)} waived by {escape(who)}"
        + (f"; still to waive: {escape(', '.join(left))}" if left else "")
    )


def print_verdict_changes(
    cli: CliContext,
    bank: Bank,
    tasks: list[Task],
    reports: dict[str, ValidationReport],
    lock: Path | None,
) -> None:
    """Which tasks get another verdict than their stored one (for the same content)."""
    changes = 0
    for task in tasks:
        stored = bank.read_sidecar(task.task_id, REPORT_FILE, ValidationReport)
        if stored is None or stored.content_hash != task.content_hash():
            continue
        new = reports[task.task_id]
        if stored.verdict is not new.verdict:
            changes += 1
            cli.err.print(
                f"changes: {escape(task.task_id)}: {stored.verdict.value} -> "
                f"[{VERDICT_STYLE[new.verdict]}]{new.verdict.value}[/] "
                f"{escape((new.message or '').splitlines()[0][:200] if new.message else '')}"
            )
    cli.err.print(
        f"{changes} task(s) change verdict with {escape(str(lock))} "
        "(stored results left as they were)"
    )


COMMANDS = [validate_command, waive_command]
