"""`curator mutate`: how many planted bugs in the reference solution the tests notice."""

from __future__ import annotations

import json
import sys

import click
from rich.markup import escape
from rich.table import Table

from curator.cli.context import (
    CliContext,
    annotator_option,
    jobs_option,
    pass_cli,
    task_rows_table,
)
from curator.config import resolve_annotator
from curator.models import MAX_TIMEOUT_S, Task
from curator.mutation import MutantStatus, MutationReport, mark_equivalent, unmark_equivalent
from curator.mutation.run import DEFAULT_MAX_MUTANTS
from curator.mutation.stage import mutate_tasks


def score_text(score: float | None) -> str:
    return "-" if score is None else f"{score:.1f}%"


RARE_COLUMNS = (("timeout", "timeout"), ("error", "error"), ("non-viable", "non_viable"))
"""Counts shown only when some task has one: all nine columns took 84 of 80 columns."""


def summary_table(reports: list[MutationReport], cached: set[str]) -> Table:
    """Within 80 columns for BigCodeBench's ids: `killed` of all mutants, the rare counts only
    where some task has one, and a stored analysis's time shown as `cached`."""
    rows = [report.json_row() for report in reports]
    rare = [(title, key) for title, key in RARE_COLUMNS if any(row[key] for row in rows)]
    table = task_rows_table(f"mutation analysis of {len(reports)} task(s)")
    table.add_column("task", no_wrap=True)
    for column in ("score", "killed", "survived", *(title for title, _ in rare), "equiv", "time"):
        table.add_column(column, justify="right", no_wrap=True)
    for report, row in zip(reports, rows, strict=True):
        table.add_row(
            escape(report.task_id),
            score_text(report.score) if report.problem is None else "[red]not run[/]",
            f"{row['killed']}/{row['mutants']}",
            str(len(report.survivors())),
            *(str(row[key]) for _, key in rare),
            str(len(report.equivalent_ids())),
            "[dim]cached[/]" if report.task_id in cached else f"{report.duration_s:.1f}s",
        )
    return table


def print_survivors(cli: CliContext, report: MutationReport) -> None:
    """Each survivor with its diff; of the non-viable mutants, how many and the first one's
    reason (all of them, when the program checks its own code as it loads)."""
    non_viable = [m for m in report.mutants if m.status is MutantStatus.NON_VIABLE]
    if non_viable:
        cli.out.print(
            f"[yellow]non-viable[/] {escape(report.task_id)}: {len(non_viable)} mutant(s), left "
            f"out of the score; line {non_viable[0].line}: {escape(non_viable[0].message or '')}"
        )
    for mutant in report.survivors():
        note = "" if mutant.covered else " [dim](no test runs this line)[/]"
        cli.out.print(
            f"[yellow]survived[/] {escape(report.task_id)} {mutant.id} {mutant.operator} "
            f"line {mutant.line}: {escape(mutant.description)}{note}"
        )
        cli.out.print(escape(mutant.diff.rstrip()), style="dim")


@click.command("mutate")
@click.argument("task_ids", nargs=-1)
@click.option("--all", "all_tasks", is_flag=True, help="Mutate every task in the bank.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per task on stdout.")
@click.option("--force", is_flag=True, help="Rerun tasks whose stored analysis is current.")
@jobs_option("Batches of mutants")
@click.option(
    "--max-mutants",
    type=click.IntRange(1, 1000),
    default=DEFAULT_MAX_MUTANTS,
    show_default=True,
    help="At most this many mutants per task (a stable subset beyond that).",
)
@click.option(
    "--timeout",
    "timeout_s",
    type=click.FloatRange(1, MAX_TIMEOUT_S),
    help="Wall-clock limit of the reference run, in seconds [default: the task's, else the "
    "bank's timeout_s, else 60].",
)
@click.option("--equivalent", "equivalent_id", help="Mark this surviving mutant equivalent.")
@click.option("--reason", default="", help="Why the mutant is equivalent (with --equivalent).")
@click.option(
    "--unmark", "unmark_id", help="Take back the equivalence mark of this mutant (a mistaken one)."
)
@annotator_option("Recorded as who decided")
@pass_cli
def mutate_command(
    cli: CliContext,
    task_ids: tuple[str, ...],
    all_tasks: bool,
    as_json: bool,
    force: bool,
    jobs: int,
    max_mutants: int,
    timeout_s: float | None,
    equivalent_id: str | None,
    reason: str,
    unmark_id: str | None,
    annotator: str | None,
) -> None:
    """Run the tests against mutants of each task's reference solution.

    Each mutant (an operator, a line, a diff) ends killed, survived, timeout or error; the
    score is the percent of non-equivalent mutants the tests detect. Results are stored with
    each task (mutation.json) and reused while the task and the environment are unchanged.
    Exit 1 if a task's reference solution does not pass its tests.

    With --equivalent MUTANT --reason TEXT: record that a surviving mutant of one task behaves
    like the reference, so that it no longer counts against the score. With --unmark MUTANT:
    take such a mark back.
    """
    bank = cli.open_bank()
    if equivalent_id is not None and unmark_id is not None:
        raise click.UsageError("--equivalent and --unmark: give one of them")
    if unmark_id is not None:
        if len(task_ids) != 1 or all_tasks:
            raise click.UsageError("--unmark takes exactly one task id")
        report, removed = unmark_equivalent(bank, task_ids[0], unmark_id)
        cli.out.print(
            f"{escape(task_ids[0])}: mutant {escape(unmark_id)} no longer marked equivalent "
            f"(marked by {escape(removed.who)}: {escape(removed.reason)}); "
            f"score {score_text(report.score)}"
        )
        return
    if equivalent_id is not None:
        if len(task_ids) != 1 or all_tasks:
            raise click.UsageError("--equivalent takes exactly one task id")
        report = mark_equivalent(
            bank, task_ids[0], equivalent_id, reason, resolve_annotator(annotator, bank.root)
        )
        cli.out.print(
            f"{escape(task_ids[0])}: mutant {equivalent_id} marked equivalent; "
            f"score {score_text(report.score)}"
        )
        return
    # As `validate --all`: one unreadable folder stopped every task's mutation (walk 47).
    scan = cli.select_readable(bank, task_ids, all_tasks)
    tasks = scan.tasks

    def starting(task: Task) -> None:
        if not as_json:
            cli.err.print(f"mutating {escape(task.task_id)}...")

    results = mutate_tasks(
        bank,
        [task.task_id for task in tasks],
        force=force,
        max_mutants=max_mutants,
        timeout_s=timeout_s,
        jobs=jobs,
        on_start=starting,
    )
    ordered, cached = results.reports, results.cached
    if as_json:
        for report in ordered:
            click.echo(json.dumps(report.json_row()))
    else:
        cli.out.print(summary_table(ordered, cached))
        for report in ordered:
            if report.problem:
                cli.out.print(f"[red]not run[/] {escape(report.task_id)}: {escape(report.problem)}")
            print_survivors(cli, report)
    cli.exit_for_unreadable(scan, "mutated")
    if any(report.problem for report in ordered):
        sys.exit(1)


COMMANDS = [mutate_command]
