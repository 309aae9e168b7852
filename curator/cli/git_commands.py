"""Git commands: commit, log, diff, release, sync."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.syntax import Syntax
from rich.table import Table

from curator.cli.context import STAGE_CHOICE, CliContext, annotator_option, pass_cli, print_item
from curator.errors import CuratorError, listed
from curator.history import CommitRefused, commit_task, task_diff, task_log
from curator.models import Stage
from curator.release import ReleaseRefused, build_release, export_tagged_release
from curator.sync import SyncConflict, sync


@click.command("commit")
@click.argument("task_ids", metavar="ID...", nargs=-1, required=True)
@click.option("--stage", type=STAGE_CHOICE, help="Record the task in this stage (default: as is).")
@click.option("-m", "--message", required=True, help="What changed and why.")
@annotator_option("Who commits")
@pass_cli
def commit_command(
    cli: CliContext,
    task_ids: tuple[str, ...],
    stage: str | None,
    message: str,
    annotator: str | None,
) -> None:
    """Commit each task's folder, one commit per task, with provenance trailers (exit 1 if a
    stage is refused, 2 if a task cannot be committed; the others are committed still)."""
    bank = cli.open_bank()
    worst = 0
    unique = list(dict.fromkeys(task_ids))
    for task_id in unique:
        try:
            result = commit_task(bank, task_id, Stage(stage) if stage else None, message, annotator)
        except CommitRefused as refusal:
            print_refusal(cli, refusal)
            worst = max(worst, 1)
            continue
        except CuratorError as error:
            if len(unique) == 1:
                raise
            cli.err.print(f"[red]error:[/] {escape(str(error))}")
            worst = 2
            continue
        change = (
            f"{result.previous_stage.value} → {result.stage.value}"
            if result.previous_stage is not result.stage
            else result.stage.value
        )
        cli.out.print(f"committed {escape(task_id)} ({change}) as {result.sha[:10]}")
        if result.others:  # they went in unsaid (the app's dialog names them)
            cli.out.print(f"  with files of yours: {escape(listed(result.others))}")
    if worst:
        sys.exit(worst)


def print_refusal(cli: CliContext, refusal: CommitRefused) -> None:
    cli.err.print(f"[red]refused:[/] {escape(refusal.task_id)} cannot be {refusal.stage.value}")
    for reason in refusal.reasons:
        print_item(cli.err, "  - ", reason)
    if refusal.instead is None:
        cli.err.print("fix that first")
    else:
        cli.err.print(f"fix that first, or commit it as {refusal.instead.value} instead")


@click.command("log")
@click.argument("task_id")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per commit.")
@pass_cli
def log_command(cli: CliContext, task_id: str, as_json: bool) -> None:
    """The commits of one task, newest first, with its stage changes."""
    entries = task_log(cli.open_bank(), task_id)
    if as_json:
        for entry in entries:
            row = {
                "commit": entry.sha,
                "date": entry.date.isoformat(),
                "author": entry.author,
                "annotator": entry.annotator,
                "stage": entry.stage,
                "previous_stage": entry.previous_stage,
                "subject": entry.subject,
                "trailers": entry.trailers,
            }
            click.echo(json.dumps(row))
        return
    table = Table(title=f"{escape(task_id)}: {len(entries)} commit(s)")
    for column in ("commit", "date", "annotator", "stage", "message"):
        table.add_column(column)
    for entry in entries:
        stage = entry.stage or "deleted"
        if entry.stage_changed and entry.previous_stage is not None:
            stage = f"[bold]{entry.previous_stage} → {stage}[/]"
        table.add_row(
            entry.sha[:10],
            entry.date.strftime("%Y-%m-%d %H:%M"),
            escape(entry.annotator),
            stage,
            escape(entry.subject),
        )
    cli.out.print(table)


@click.command("diff")
@click.argument("task_id")
@click.argument("old_rev", required=False)
@click.argument("new_rev", required=False)
@pass_cli
def diff_command(cli: CliContext, task_id: str, old_rev: str | None, new_rev: str | None) -> None:
    """Diff a task's program, tests, prompts and metadata (task.json) between versions.

    No revision: HEAD against the work tree; one: that revision against the work tree;
    two: the first against the second (e.g. `release/v0.1 HEAD`).
    """
    diffs = task_diff(cli.open_bank(), task_id, old_rev, new_rev)
    changed = [diff for diff in diffs if diff.text]
    for diff in changed:
        cli.out.rule(f"{diff.part} ({diff.file_name})")
        cli.out.print(
            Syntax(
                diff.text,
                "diff",
                theme="ansi_dark",
                background_color="default",
                word_wrap=not cli.out.soft_wrap,  # wrapped in a terminal; whole in a pipe
            )
        )
    if not changed:
        old = old_rev or "HEAD"
        cli.out.print(
            f"{escape(task_id)}: no differences between {escape(old)} and "
            f"{escape(new_rev or 'the work tree')}"
        )


@click.command("release")
@click.argument("version")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    help="A folder to write the files to, made inside one that exists (default: "
    "releases/VERSION/ inside the bank).",
)
@click.option(
    "--from-tag",
    is_flag=True,
    help="Write the files of the past release VERSION again, byte for byte, from its tag.",
)
@pass_cli
def release_command(cli: CliContext, version: str, out: Path | None, from_tag: bool) -> None:
    """Export the accepted tasks as release VERSION and tag it `release/VERSION`: tasks.jsonl,
    tasks.jsonl.gz, manifest.json and CHANGELOG.md (since the last release), in
    releases/VERSION/ of the bank unless --out says where.

    Exit 1, naming them, when an accepted task is stale, failing or has an unresolved (open or
    confirmed) flaky flag; exit 2 when an accepted task has uncommitted changes or VERSION is
    released already (--from-tag writes its files again).
    """
    bank = cli.open_bank()
    try:
        release = (
            export_tagged_release(bank, version, out)
            if from_tag
            else build_release(bank, version, out)
        )
    except ReleaseRefused as refusal:
        cli.err.print(
            f"[red]refused:[/] release {escape(version)}: {len(refusal.problems)} task(s) unfit"
        )
        for task_id, reasons in refusal.problems.items():
            print_item(cli.err, f"  - {escape(task_id)}: ", "; ".join(reasons))
        sys.exit(1)
    manifest = release.manifest
    verb = "re-exported" if from_tag else "released"
    cli.out.print(
        f"{verb} {escape(version)} ({release.tag} at {manifest.commit[:10]}): "
        f"{manifest.counts.tasks} task(s), {manifest.counts.added} added, "
        f"{manifest.counts.changed} changed, {manifest.counts.removed} removed"
        + (f" since {escape(manifest.previous_release)}" if manifest.previous_release else "")
    )
    for path in release.files:
        cli.out.print(f"  {escape(str(path))}")
    counts = manifest.counts
    if manifest.previous_release and not (counts.added or counts.changed or counts.removed):
        cli.err.print(
            f"[yellow]note:[/] {escape(version)} holds the same tasks as "
            f"{escape(manifest.previous_release)}: nothing changed since"
        )


@click.command("sync")
@click.option("--remote", default="origin", show_default=True, help="The remote to sync with.")
@pass_cli
def sync_command(cli: CliContext, remote: str) -> None:
    """Pull the remote's commits, then push ours (exit 1 when both sides changed a task)."""
    try:
        result = sync(cli.open_bank(), remote)
    except SyncConflict as conflict:
        cli.err.print(f"[red]conflict:[/] {escape(str(conflict))}")
        sys.exit(1)
    how = "merged" if result.merged else "fast-forward" if result.pulled else "nothing to pull"
    cli.out.print(
        f"synced {escape(result.branch)} with {escape(remote)} ({how}): "
        f"{result.pulled} commit(s) pulled, {result.pushed} pushed"
    )
    if result.updated_tasks:
        cli.out.print("updated: " + escape(", ".join(result.updated_tasks)))
    for verb, tags in (("pulled", result.tags_pulled), ("pushed", result.tags_pushed)):
        if tags:
            cli.out.print(f"release tags {verb}: " + escape(", ".join(tags)))


COMMANDS = [commit_command, log_command, diff_command, release_command, sync_command]
