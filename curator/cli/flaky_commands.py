"""Flaky-test commands: flaky (detect), flags (the maintainers' queue), flag (decide on one)."""

from __future__ import annotations

import contextlib
import json
import os
import stat
import sys
from collections.abc import Callable, Iterable

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from curator.cli.context import (
    CliContext,
    F,
    annotator_option,
    pass_cli,
    print_item,
    task_rows_table,
)
from curator.config import resolve_annotator
from curator.errors import CuratorError
from curator.flaky.budget import BudgetRun, prioritise
from curator.flaky.evidence import Classification, FlakyEvidence, failure_diff
from curator.flaky.flags import (
    SEND_BACK,
    FlagAction,
    FlagChange,
    all_flags,
    decision_message,
    find_flag,
    read_evidence,
)
from curator.flaky.plan import DEFAULT_RUNS
from curator.history import commit_review, decide_flag
from curator.models import MAX_TIMEOUT_S, Flag, FlagStatus, Task

CLASS_STYLE = {
    Classification.STABLE_PASS: "green",
    Classification.STABLE_FAIL: "red",
}


def evidence_json(evidence: FlakyEvidence, changes: list[FlagChange]) -> dict[str, object]:
    variation = evidence.coverage_variation()
    return {
        "task_id": evidence.task_id,
        "detection_seed": evidence.detection_seed,
        "runs": len(evidence.runs),
        "problem": evidence.problem,
        "unfinished_runs": evidence.unfinished_note(),
        "coverage_variation": variation
        and {
            "runs": variation.runs,
            "branch_coverage": list(variation.branch_coverage),
            "branches": [
                {"from": start, "to": end, "missed_in": count}
                for (start, end), count in sorted(variation.branches.items())
            ],
            "lines": [
                {"line": line, "missed_in": count}
                for line, count in sorted(variation.lines.items())
            ],
        },
        "tests": {
            name: {
                "classification": verdict.classification.value,
                "runs": verdict.runs,
                "failures": verdict.failures,
                "cause": verdict.cause,
            }
            for name, verdict in evidence.verdicts.items()
        },
        "flags": {
            change.test: {"status": change.status.value, "note": change.note} for change in changes
        },
    }


TABLE_FRAME = 13
"""The columns a four-column table's borders and padding take."""


def print_evidence(cli: CliContext, evidence: FlakyEvidence, notes: dict[str, str]) -> None:
    title = (
        f"{escape(evidence.task_id)} · {evidence.runs_title()} · "
        f"detection seed {evidence.detection_seed}"
    )
    if evidence.problem:
        cli.out.print(f"[red]{title}: {escape(evidence.problem)}[/]")
        return
    table = Table(
        title=title, title_justify="left", caption=evidence.runs_note(), caption_justify="left"
    )
    # Whole names where they fit (`curator flag ID TEST` needs them; at 80 columns they broke
    # mid-word while a cause took the room), and the flag's status whole ("sent" / "back"):
    # a name longer than what is left is folded (`curator flags` lists it whole).
    status_width = min(max((len(note.partition(":")[0]) for note in notes.values()), default=4), 12)
    widest_class = max(
        (len(v.classification.value) for v in evidence.verdicts.values()), default=14
    )
    room = cli.out.width - TABLE_FRAME - max(widest_class, 14) - len("failed") - status_width
    longest = max(map(len, evidence.verdicts), default=4)
    table.add_column(
        "test", no_wrap=longest <= room, overflow="fold", min_width=min(longest, max(room, 12), 48)
    )
    table.add_column("classification", no_wrap=True)
    table.add_column("failed", no_wrap=True)
    table.add_column("flag", min_width=status_width)
    for name, verdict in evidence.verdicts.items():
        style = CLASS_STYLE.get(verdict.classification, "yellow")
        table.add_row(
            escape(name),
            f"[{style}]{verdict.classification.value}[/]",
            f"{verdict.failures}/{verdict.runs}",
            escape(notes.get(name, "")),
        )
    cli.out.print(table)
    # Below the table, the width of the terminal each: in a fifth column, at 80, a cause
    # took a line per two words.
    for name, verdict in evidence.verdicts.items():
        if verdict.cause:
            cli.out.print(f"likely cause, {escape(name)}: {escape(verdict.cause)}")
    if unfinished := evidence.unfinished_note():
        cli.out.print(f"[yellow]{escape(unfinished)}[/]")
    if variation := evidence.coverage_variation():
        cli.out.print(f"[yellow]{escape(variation.note())}[/]")


@click.command("flaky")
@click.argument("task_ids", nargs=-1)
@click.option("--all", "all_tasks", is_flag=True, help="Every task in the bank.")
@click.option(
    "--runs",
    type=click.IntRange(min=1),
    default=DEFAULT_RUNS,
    show_default=True,
    help="Detection runs of each task's suite (attribution runs for flipped tests come on top).",
)
@click.option("--seed", type=int, help="Detection seed, to replay an earlier detection exactly.")
@click.option(
    "--timeout",
    "timeout_s",
    type=click.FloatRange(0.1, MAX_TIMEOUT_S),
    help="Time limit of one suite run in seconds (default: the validation limit).",
)
@click.option(
    "--jobs", type=click.IntRange(min=1), default=2, show_default=True, help="Runs at a time."
)
@click.option(
    "--budget",
    "budget_min",
    type=click.FloatRange(min=0, min_open=True),
    help="Minutes to spend: tasks with risky-test warnings and changed content go first; "
    "the tasks not reached are listed at the end.",
)
@annotator_option("Recorded on the flags this run opens or closes")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per task on stdout.")
@pass_cli
def flaky_command(
    cli: CliContext,
    task_ids: tuple[str, ...],
    all_tasks: bool,
    runs: int,
    seed: int | None,
    timeout_s: float | None,
    jobs: int,
    budget_min: float | None,
    annotator: str | None,
    as_json: bool,
) -> None:
    """Rerun tasks' tests, each run varying order, seeds and clock at once; find what made
    each flipped test flip, and flag flaky tests.

    Evidence goes to each task's flaky.json, flags to its task.json. Exit 1 if any test was
    found flaky, a suite could not run, or some of its runs did not finish. Lines and branches
    of the solution that some runs covered and others did not are listed (a warning: the
    task's coverage figure is then luck).
    """
    from curator.flaky.runner import DetectionSettings
    from curator.flaky.stage import FlakyCheck, check

    bank = cli.open_bank()
    scan = cli.select_readable(bank, task_ids, all_tasks)
    tasks = scan.tasks
    budget = None
    ids: Iterable[str] = [task.task_id for task in tasks]
    if budget_min is not None:
        budget = BudgetRun(prioritise(bank, tasks), budget_min * 60, runs, jobs)
        ids = (candidate.task.task_id for candidate in budget)
    settings = DetectionSettings(runs=runs, seed=seed, timeout_s=timeout_s, jobs=jobs)
    live = bar_console(cli)
    progress = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=live or cli.err,
        transient=True,
        disable=live is None,
    )
    bars: dict[str, TaskID] = {}

    def advance(task_id: str, done: int, total: int) -> None:
        if task_id not in bars:
            bars[task_id] = progress.add_task(escape(task_id), total=runs)
        progress.update(bars[task_id], completed=done, total=total)

    def show(result: FlakyCheck) -> None:
        evidence = result.evidence
        if evidence.task_id in bars:
            progress.remove_task(bars.pop(evidence.task_id))
        if result.not_stored:
            cli.err.print(f"[red]not stored:[/] {escape(result.not_stored)}")
        elif as_json:
            row = evidence_json(evidence, result.changes)
            click.echo(json.dumps(row | {"kept_stored": result.kept_stored}))
        else:
            # A check kept from before changes no flag: the column showed nothing for a test
            # flagged open.
            notes: dict[str, str] = {}
            with contextlib.suppress(CuratorError):
                flags = bank.load(evidence.task_id).flags
                notes = {flag.test: flag.status_label for flag in flags}
            notes |= {c.test: f"{c.status.value}: {c.note}" for c in result.changes}
            print_evidence(cli, evidence, notes)
            if result.kept_stored:
                cli.out.print(f"[yellow]not stored:[/] {escape(result.kept_stored)}")

    with progress:
        results = check(
            bank,
            ids,
            resolve_annotator(annotator, bank.root),
            settings,
            on_progress=advance,
            on_result=show,
        )
    if budget is not None:
        print_budget(cli, budget, budget_min or 0.0)
    flaky = sum(bool(result.evidence.flaky_tests()) for result in results)
    other = sum(result.found_problems for result in results) - flaky
    cli.err.print(
        f"{len(results)} task(s) checked: {flaky} with flaky tests, {other} with another problem "
        "(a suite that could not run, runs that did not finish, a check that could not be recorded)"
    )
    cli.exit_for_unreadable(scan, "checked")
    if any(result.found_problems for result in results):
        sys.exit(1)


def bar_console(cli: CliContext) -> Console | None:
    """Where the bar may be drawn while reports are printed as tasks end: the reports' own
    terminal (on another console it ran into the next report), or stderr's when stdout goes
    to a file. Not when stdout is a pipe: its reader (cat, tee, less) writes the reports to
    that same terminal, under the bar ("… 2/3 0:00:00Demo/3 · 3 runs")."""
    if cli.out.is_terminal:
        return cli.out
    if cli.err.is_terminal and not writes_to_a_pipe(cli.out):
        return cli.err
    return None


def writes_to_a_pipe(console: Console) -> bool:
    try:
        return stat.S_ISFIFO(os.fstat(console.file.fileno()).st_mode)
    except (OSError, ValueError):  # no descriptor (a test's buffer), or a closed one
        return False


def print_budget(cli: CliContext, budget: BudgetRun, minutes: float) -> None:
    """What the budget covered, and each task it did not reach with why it was due."""
    cli.err.print(
        f"budget {minutes:g} min: {len(budget.durations)} task(s) checked in "
        f"{sum(budget.durations) / 60:.1f} min; {len(budget.not_reached)} not reached"
    )
    for skipped in budget.not_reached:
        candidate = skipped.candidate
        cli.err.print(
            f"  not reached: {escape(candidate.task.task_id)} ({candidate.reason}; expected "
            f"{minutes_or_seconds(skipped.expected_s)}, {minutes_or_seconds(skipped.left_s)} left)"
        )


def minutes_or_seconds(seconds: float) -> str:
    return f"{seconds / 60:.1f} min" if seconds >= 60 else f"{seconds:.0f} s"


def last_change(flag: Flag) -> str:
    """Who changed the flag last, when, and (for a decision, not the opening) why."""
    if not flag.history:
        return ""
    event = flag.history[-1]
    text = f"{event.verb} by {event.who}, {event.at:%Y-%m-%d %H:%M}"
    return text + (f": {event.why}" if len(flag.history) > 1 else "")


@click.command("flags")
@click.option(
    "--status",
    type=click.Choice([status.value for status in FlagStatus]),
    help="Only flags with this status.",
)
@click.option("--json", "as_json", is_flag=True, help="One JSON object per flag.")
@pass_cli
def flags_command(cli: CliContext, status: str | None, as_json: bool) -> None:
    """List flaky-test flags: the maintainers' queue."""
    scan = cli.open_bank().scan()
    flags = all_flags(scan.tasks, FlagStatus(status) if status else None)
    if as_json:
        for task, flag in flags:
            click.echo(json.dumps({"task_id": task.task_id, **flag.model_dump(mode="json")}))
    else:
        # A flag a paragraph, not a table's row: at 80 columns a table folded the task and
        # the test (`curator flag ID TEST` needs both whole) and gave one flag 28 rows.
        cli.out.print(f"{len(flags)} flag(s)")
        for task, flag in flags:
            cli.out.print(f"\n[bold]{escape(task.task_id)}[/] {escape(flag.test)}")
            # The last change names the status ("confirmed by Ann"): "confirmed · confirmed
            # by Ann" said it twice.
            for paragraph in (
                f"{flag.classification} · {last_change(flag) or flag.status.value}",
                flag.cause,
            ):
                if paragraph:
                    print_item(cli.out, "  ", paragraph)
    for problem in scan.problems:
        cli.err.print(f"[red]problem:[/] {escape(str(problem))}")
    if scan.problems:
        sys.exit(1)


def decision_option(action: FlagAction, help: str) -> Callable[[F], F]:
    """`--confirm`, `--dismiss`, `--reopen`: each adds its decision, so that two at once can
    be refused (one shared flag value kept the last)."""
    return click.option(
        f"--{action.value}", "decisions", flag_value=action.value, multiple=True, help=help
    )


@click.command("flag")
@click.argument("task_id")
@click.argument("test")
@decision_option(FlagAction.CONFIRM, "It is flaky.")
@decision_option(FlagAction.DISMISS, "Not a problem.")
@decision_option(FlagAction.REOPEN, "Open it again.")
@click.option(
    "--send-back",
    "decisions",
    flag_value=SEND_BACK,
    multiple=True,
    help="It is flaky and its annotator must fix it: confirm it, and put the task back to "
    "draft (the app's queue: b).",
)
@click.option("--reason", help="Why (recorded in the flag's history).")
@annotator_option("Who decides, recorded in the flag's history")
@pass_cli
def flag_command(
    cli: CliContext,
    task_id: str,
    test: str,
    decisions: tuple[str, ...],
    reason: str | None,
    annotator: str | None,
) -> None:
    """Decide on the flag of TEST in task TASK_ID, and commit the decision (as the app's queue
    does); without a decision, show its evidence."""
    bank = cli.open_bank()
    if len(set(decisions)) > 1:  # click kept the last of them
        raise click.UsageError("choose one of --confirm, --dismiss, --reopen and --send-back")
    if not decisions:
        if reason:
            raise click.UsageError(
                "--reason goes with --confirm, --dismiss, --reopen or --send-back"
            )
        show_flag_evidence(cli, read_evidence(bank, task_id), bank.load(task_id), test)
        return
    if not reason:
        raise click.UsageError("give a --reason for the decision")
    who = resolve_annotator(annotator, bank.root)
    flag = decide_flag(bank, task_id, test, decisions[0], who, reason)
    decided = f"{escape(task_id)} {escape(test)}: {flag.status.value}"
    if decisions[0] == SEND_BACK:
        decided += ", the task back to draft"
    try:
        committed = commit_review(bank, task_id, decision_message(decisions[0], test, reason), who)
    except CuratorError as error:
        cli.out.print(decided)
        cli.err.print(f"[yellow]not committed:[/] {escape(str(error))}")
        sys.exit(2)  # decided, but history lacks it: a script must not read success
    cli.out.print(f"{decided}; {escape(committed.note())}")


def show_flag_evidence(
    cli: CliContext, evidence: FlakyEvidence | None, task: Task, test: str
) -> None:
    """The run matrix column of one test, its flag history and its distinct failures."""
    flag = find_flag(task, test)
    if flag is not None:
        cli.out.print(
            f"flag: {flag.classification} \\[{flag.status.value}] {escape(flag.cause or '')}"
        )
        for event in flag.history:
            cli.out.print(
                f"  {event.at:%Y-%m-%d %H:%M} {event.verb} by {escape(event.who)}: "
                f"{escape(event.why)}"
            )
    if evidence is None or test not in evidence.tests:
        if flag is None:  # a typo: said as a decision on it says it (exit 2)
            known = ", ".join(evidence.tests if evidence else [f.test for f in task.flags])
            raise CuratorError(
                f"{task.task_id}: no flag on test {test!r} and no flaky check of it"
                + (f" (checked tests: {known})" if known else " (run `curator flaky` first)")
            )
        cli.out.print(f"no flaky-run evidence for {escape(test)} in {escape(task.task_id)}")
        return
    # Without borders, seeds and clock on two lines each: at 80 columns, eight columns cut
    # every cell ("detecti…", "4766194…", "2030-01…").
    table = task_rows_table(f"{evidence.runs_note()}; detection seed {evidence.detection_seed}")
    for column in ("run", "kind", "outcome", "s", "order", "seeds", "clock"):
        table.add_column(column, no_wrap=column != "clock", overflow="fold")
    for run in evidence.runs:
        cell = run.results.get(test)
        spec = run.spec
        source = spec.replay_of if spec.replay_of is not None else spec.attribution_of
        kind = spec.kind.value + (f" of {source}" if source is not None else "")
        if spec.isolated:
            position = "alone"
        elif test in spec.order:
            position = f"{spec.order.index(test) + 1}/{len(spec.order)}"
        else:
            position = "-"
        clock = f"{spec.clock_at:%Y-%m-%d %H:%M}Z\n{spec.tz}" if spec.clock_at else spec.tz
        outcome = "not run" if cell is None else cell.outcome.value
        style = "red" if cell is not None and cell.outcome.failed else ""
        table.add_row(
            str(spec.index),
            kind,
            f"[{style}]{outcome}[/]" if style else outcome,
            f"{cell.duration_s:.3f}" if cell else "",
            position,
            f"hash {spec.hash_seed}\nrandom {spec.random_seed}",
            escape(clock),
        )
    cli.out.print(table)
    failures = [failure for failure in evidence.failures.values() if failure.test == test]
    for failure in failures:
        cli.out.rule(f"failure {failure.digest} · runs {', '.join(map(str, failure.runs))}")
        cli.out.print(escape(failure.traceback or failure.message))
    for other in failures[1:]:
        cli.out.rule(f"how failure {other.digest} differs from {failures[0].digest}")
        cli.out.print(escape(failure_diff(failures[0], other)))


COMMANDS = [flaky_command, flags_command, flag_command]
