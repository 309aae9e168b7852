"""`curator alternatives`: run other correct solutions against a task's tests."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.markup import escape

from curator.alternatives import (
    add_alternative,
    current_report,
    mark_wrong,
    read_alternatives,
    run_alternatives,
    store_report,
)
from curator.cli.context import CliContext, annotator_option, pass_cli
from curator.config import resolve_annotator
from curator.fsutil import read_text
from curator.llm.alternative import keep_near_misses
from curator.validation import sandbox_for, task_timeout


@click.command("alternatives")
@click.argument("task_id")
@click.option(
    "--add",
    "add_file",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="Add this file (a whole program, or a solution body) as an alternative, then run.",
)
@click.option("--name", help="Name of the added alternative (default: the file's name).")
@click.option(
    "--from-preeval",
    is_flag=True,
    help="Keep the pre-evaluation samples that fail one test only as alternatives, then run.",
)
@click.option("--wrong", "wrong_name", help="Record that this alternative is not correct.")
@click.option("--reason", default="", help="Why the alternative is wrong (with --wrong).")
@annotator_option("Recorded as who decided")
@click.option("--force", is_flag=True, help="Rerun even if the stored result is current.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_cli
def alternatives_command(
    cli: CliContext,
    task_id: str,
    add_file: Path | None,
    name: str | None,
    from_preeval: bool,
    wrong_name: str | None,
    reason: str,
    annotator: str | None,
    force: bool,
    as_json: bool,
) -> None:
    """Run each of the task's alternatives/*.py against its tests.

    A test that fails an alternative which passes every other test is reported as possibly
    over-strict (exit 1), with the alternative's diff, until the test is fixed or the
    alternative is recorded as wrong with --wrong NAME --reason TEXT.
    """
    bank = cli.open_bank()
    task = bank.load(task_id)
    if wrong_name is not None:
        report = mark_wrong(
            bank, task_id, wrong_name, reason, resolve_annotator(annotator, bank.root)
        )
    else:
        if add_file is not None:
            added = add_alternative(bank, task, read_text(add_file), name or add_file.stem)
            cli.err.print(f"added alternatives/{escape(added)}.py")
        if from_preeval:
            with sandbox_for(bank, tasks=[task]) as sandbox:
                kept = keep_near_misses(bank, task, sandbox)
            cli.err.print(f"kept {len(kept)} pre-evaluation sample(s) failing one test only")
        changed = add_file is not None or from_preeval
        stored = None if force or changed else current_report(bank, task)
        if stored is not None:
            report = stored
        else:
            alternatives = read_alternatives(bank, task_id)
            if not alternatives:  # a state of the task's, not a usage error (walk 47)
                cli.err.print(
                    f"{escape(task_id)} has no alternatives yet: add one with --add FILE, or "
                    "keep a pre-evaluation's near misses with --from-preeval"
                )
                return
            with sandbox_for(bank, tasks=[task]) as sandbox:
                limit = task_timeout(bank, task)
                report = store_report(bank, run_alternatives(task, alternatives, sandbox, limit))
    if as_json:
        click.echo(json.dumps(report.model_dump(mode="json")))
    else:
        for result in report.results:
            mark = report.wrong.get(result.name)
            wrong = (
                " [dim](marked wrong)[/]"
                if mark and mark.content_hash == result.content_hash
                else ""
            )
            passed = sum(outcome in ("pass", "skip") for outcome in result.tests.values())
            state = result.problem or f"{passed}/{len(result.tests)} tests pass"
            cli.out.print(f"{escape(result.name)}: {escape(state)}{wrong}")
        for finding in report.findings:
            cli.out.print(
                f"[yellow]possibly over-strict[/] {escape(finding.test)}: fails only "
                f"alternative {escape(finding.alternative)} ({escape(finding.message or '')})"
            )
            cli.out.print(escape(finding.diff.rstrip()), style="dim")
    if report.findings:
        sys.exit(1)


COMMANDS = [alternatives_command]
