"""`curator condense`: the rule-based Instruct prompt, its check against the stored one, writing it.

Exit codes: 0 when every task is fine; 1 when a task has no docstring to condense, when
`--write` or `--accept` is refused for a task (the condense step needs a current, passing
validation, as in the app), or (with
`--check`) when a task's stored instruction differs for a reason that is not a named fix of the
original converter nor an instruction an annotator accepted (it is stale or unexplained), or
(with `--check --strict`) when any warning is listed; 2 for usage errors.
"""

from __future__ import annotations

import json
import sys

import click
from rich.markup import escape

from curator.bank import Bank
from curator.cli.context import CliContext, annotator_option, pass_cli
from curator.condense.reasons import CondenseReport, ReasonKind
from curator.condense.stage import (
    EDITED_DETAIL,
    accepted_instruction,
    apply_instruction,
    check_task,
    condense_task,
)
from curator.config import resolve_annotator
from curator.history import step_blocked
from curator.models import Task
from curator.pipeline import Step

KIND_STYLE = {
    ReasonKind.FIX: "green",
    ReasonKind.ACCEPTED: "cyan",
    ReasonKind.UPDATE: "yellow",
    ReasonKind.UNEXPLAINED: "red",
}


@click.command("condense")
@click.argument("ids", nargs=-1)
@click.option("--all", "all_tasks", is_flag=True, help="Every task in the bank.")
@click.option(
    "--check",
    is_flag=True,
    help="Compare each stored instruction with the regenerated one and name every difference.",
)
@click.option(
    "--write",
    is_flag=True,
    help="Store the regenerated instruction (and the doc_struct it came from) in the bank.",
)
@click.option(
    "--accept",
    is_flag=True,
    help="Keep each stored instruction as written (e.g. edited by hand) and record it as "
    "accepted, so --check no longer reports it.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per task.")
@click.option("--strict", is_flag=True, help="With --check, exit 1 also when a warning is listed.")
@annotator_option("Recorded with --write or --accept as who did it")
@pass_cli
def condense_command(
    cli: CliContext,
    ids: tuple[str, ...],
    all_tasks: bool,
    check: bool,
    write: bool,
    accept: bool,
    as_json: bool,
    strict: bool,
    annotator: str | None,
) -> None:
    """Condense the docstrings of tasks IDS (or --all) into BigCodeBench Instruct prompts.

    Without --check, --write or --accept, prints each regenerated instruction with its
    warnings.
    --write and --accept need a current, passing validation of each task (the pipeline's
    condense step, as in the app).
    --check names the reason for every difference from the stored instruction: a fix of the
    original converter, an update (the docstring or code prompt changed), an instruction an
    annotator accepted, or unexplained. Exit 1 when a task has no docstring, or with --check
    when a difference is an update or unexplained (with --strict also on any warning).
    """
    if write and accept:
        raise click.UsageError("--write replaces instructions and --accept keeps them: pick one")
    if accept and all_tasks:
        raise click.UsageError("--accept takes task ids: accept instructions one by one")
    bank = cli.open_bank()
    # As `validate --all`: one folder that cannot be read stopped the check of all the others.
    scan = cli.select_readable(bank, ids, all_tasks)
    tasks = scan.tasks
    reports = [check_task(task) for task in tasks]
    for report in reports:
        if as_json:
            click.echo(json.dumps(report.model_dump(mode="json")))
        elif check:
            print_check(cli, report)
        else:
            print_instruction(cli, report)
    if check and not as_json:
        print_summary(cli, reports)
    if not (check or write or accept or as_json):
        cli.err.print("[dim]not written: --write stores these instructions[/]")
    failed = any(report.instruction is None for report in reports)
    if write:
        failed |= not write_instructions(cli, bank, tasks, resolve_annotator(annotator, bank.root))
    if accept:
        who = resolve_annotator(annotator, bank.root)
        failed |= not accept_instructions(cli, bank, tasks, who)
    if check and any(report.needs_attention for report in reports):
        failed = True
    if check and strict and any(report.warnings for report in reports):
        failed = True
    cli.exit_for_unreadable(scan, "condensed")
    if failed:
        sys.exit(1)


def print_instruction(cli: CliContext, report: CondenseReport) -> None:
    cli.out.rule(f"[bold]{escape(report.task_id)}[/]")
    if report.instruction is None:
        for reason in report.reasons:
            cli.out.print(f"[red]cannot condense:[/] {escape(reason.message)}")
        return
    cli.out.print(report.instruction, markup=False, highlight=False, emoji=False)
    print_warnings(cli, report)


def print_check(cli: CliContext, report: CondenseReport) -> None:
    if report.equal:
        verdict = "[green]equal[/]"
    elif report.needs_attention:
        verdict = "[red]differs[/]"
    elif any(reason.kind is ReasonKind.ACCEPTED for reason in report.reasons):
        verdict = "[cyan]accepted instruction[/]"
    else:
        verdict = "[green]differs by named fixes[/]"
    cli.out.print(f"[bold]{escape(report.task_id)}[/]: {verdict}")
    for reason in report.reasons:
        style = KIND_STYLE[reason.kind]
        cli.out.print(
            f"  [{style}]{reason.kind.value}[/] {reason.code.value}: {escape(reason.message)}"
        )
    print_warnings(cli, report)


def print_warnings(cli: CliContext, report: CondenseReport) -> None:
    for warning in report.warnings:
        where = f" (line {warning.line})" if warning.line else ""
        cli.out.print(f"  [yellow]warning[/] {warning.kind}{where}: {escape(warning.message)}")


def print_summary(cli: CliContext, reports: list[CondenseReport]) -> None:
    equal = sum(report.equal for report in reports)
    attention = sum(report.needs_attention for report in reports)
    fixed = len(reports) - equal - attention
    warned = sum(bool(report.warnings) for report in reports)
    cli.err.print(
        f"{len(reports)} task(s): {equal} equal, {fixed} differ only by named fixes or accepted "
        f"instructions, {attention} need attention; {warned} with warnings"
    )


def refused(cli: CliContext, bank: Bank, task: Task) -> bool:
    """Whether the condense step is blocked for `task` (said why): the app's F7 asks the same."""
    blocked = step_blocked(bank, task, Step.CONDENSE)
    if blocked:
        cli.err.print(f"[red]refused:[/] {escape(task.task_id)}: {escape(blocked)}")
    return blocked is not None


def write_instructions(cli: CliContext, bank: Bank, tasks: list[Task], annotator: str) -> bool:
    """Store each regenerated instruction; a task is re-read under the lock before it changes.

    An instruction an annotator accepted (LLM-written or edited) is never overwritten. False
    if the condense step was refused for some task.
    """
    written = kept = skipped = blocked = 0
    with bank.lock():
        for listed in tasks:
            task = bank.load(listed.task_id)
            if refused(cli, bank, task):
                blocked += 1
                continue
            condensed = condense_task(task)
            if condensed.parsed is None or condensed.instruction is None:
                skipped += 1
                continue
            if accepted_instruction(task) and task.instruct_prompt != condensed.instruction:
                kept += 1
                cli.err.print(f"{escape(task.task_id)}: kept the instruction an annotator accepted")
                continue
            if (
                task.instruct_prompt == condensed.instruction
                and task.doc_struct == condensed.parsed.doc_struct
            ):
                continue
            bank.save(
                apply_instruction(
                    task, condensed.instruction, condensed.parsed.doc_struct, annotator=annotator
                )
            )
            written += 1
    unchanged = len(tasks) - written - kept - skipped - blocked
    cli.err.print(
        f"wrote {written} instruction(s); {unchanged} unchanged, {kept} accepted kept, "
        f"{skipped} without a docstring, {blocked} refused"
    )
    return not blocked


def accept_instructions(cli: CliContext, bank: Bank, tasks: list[Task], annotator: str) -> bool:
    """Record each stored instruction as accepted, with the doc_struct it now stands for.

    False if some task had nothing to accept.
    """
    accepted = 0
    with bank.lock():
        for listed in tasks:
            task = bank.load(listed.task_id)
            if refused(cli, bank, task):
                continue
            condensed = condense_task(task)
            if condensed.parsed is None or not task.instruct_prompt.strip():
                cli.err.print(
                    f"{escape(task.task_id)}: nothing to accept (no docstring or no instruction)"
                )
                continue
            bank.save(
                apply_instruction(
                    task,
                    task.instruct_prompt,
                    condensed.parsed.doc_struct,
                    detail=EDITED_DETAIL,
                    annotator=annotator,
                )
            )
            accepted += 1
    cli.err.print(f"accepted {accepted} instruction(s) as written")
    return accepted == len(tasks)


COMMANDS = [condense_command]
