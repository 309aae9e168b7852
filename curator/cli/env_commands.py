"""`curator env`: declare, lock, build and inspect the bank's task environment."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.markup import escape
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from curator import envbuild
from curator.cli.context import CliContext, pass_cli
from curator.envcheck import CANNOT_RUN_NOW, NO_ENVIRONMENT, EnvironmentCheck, check_whole_bank
from curator.environment import (
    Environment,
    EnvironmentProblem,
    declared_environment,
    environment_dir,
    fingerprint,
    lock_environment,
)


def source_options(command: Callable[..., None]) -> Callable[..., None]:
    """Where uv finds distributions (an offline machine: --no-index --find-links DIR)."""
    command = click.option(
        "--find-links",
        "find_links",
        multiple=True,
        type=click.Path(path_type=Path),
        help="A directory (or URL) of wheels to install from; repeatable.",
    )(command)
    return click.option(
        "--no-index", is_flag=True, help="Use only --find-links, never a package index."
    )(command)


@contextmanager
def progress_report(cli: CliContext, what: str) -> Iterator[envbuild.Report]:
    """A spinner with the step uv is at, on stderr (a terminal's: elsewhere it would leave
    an empty line before what follows)."""
    with Progress(
        SpinnerColumn(),
        TextColumn(what),
        TimeElapsedColumn(),
        TextColumn("{task.fields[step]}"),
        console=cli.err,
        transient=True,
        disable=not cli.err.is_terminal,
    ) as progress:
        bar = progress.add_task(what, total=None, step="")

        def report(step: str) -> None:
            progress.update(bar, step=escape(step[:100]))
            if not step.startswith(("resolving:", "installing:", "creating:")):
                progress.console.print(f"[dim]{escape(step)}[/]")

        yield report


@click.group("env")
def env_group() -> None:
    """The bank's task environment: `environment/` (requirements, lock, Python, data)."""


@env_group.command("lock")
@click.option("--python", help="Python version to lock for (major.minor), e.g. 3.11.")
@click.option(
    "--as-of",
    "as_of",
    metavar="YYYY-MM-DD|none",
    help="Resolve from what was uploaded before this day (kept for later locks); none: today's.",
)
@source_options
@pass_cli
def lock_command(
    cli: CliContext,
    python: str | None,
    as_of: str | None,
    find_links: tuple[Path, ...],
    no_index: bool,
) -> None:
    """Resolve environment/requirements.txt into environment/requirements.lock."""
    bank = cli.open_bank()
    changes: dict[str, object] = {}
    if python:
        changes["python"] = python
    if as_of is not None:
        changes["as_of"] = None if as_of.lower() == "none" else as_of
    source = envbuild.PackageSource(find_links, no_index)
    with progress_report(cli, "locking") as report:
        locked = envbuild.relock(bank.root, changes, source, report)
    cli.out.print(f"locked {escape(str(locked.lock_path))}: fingerprint {locked.fingerprint}")


@env_group.command("add")
@click.argument("requirements", nargs=-1)
@click.option(
    "--from",
    "from_file",
    type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Also add every requirement listed in this file.",
)
@source_options
@pass_cli
def add_command(
    cli: CliContext,
    requirements: tuple[str, ...],
    from_file: Path | None,
    find_links: tuple[Path, ...],
    no_index: bool,
) -> None:
    """Add distributions (optionally pinned: pandas==2.2.3) and re-lock."""
    bank = cli.open_bank()
    wanted = list(requirements)
    if from_file is not None:
        wanted += [
            line.strip()
            for line in from_file.read_text().splitlines()
            if envbuild.requirement_name(line)
        ]
    if not wanted:
        raise click.UsageError("give distributions to add, or --from FILE")
    source = envbuild.PackageSource(find_links, no_index)
    listed = envbuild.listed_names(bank.root)
    named = {envbuild.requirement_name(requirement) for requirement in wanted}
    with progress_report(cli, "locking") as report:
        locked = envbuild.add(bank.root, wanted, source, report)
    # Counted by distribution: a name given twice, or listed already, is not one more.
    added, replaced = len(named - listed), len(named & listed)
    said = f"added {added} requirement(s)"
    if replaced:  # "replaced the line of 0 listed already" read as a slip
        said += f", replaced the line of {replaced} listed already"
    cli.out.print(f"{said}; fingerprint {locked.fingerprint} (run `curator env sync` to build it)")


@env_group.command("remove")
@click.argument("names", nargs=-1, required=True)
@source_options
@pass_cli
def remove_command(
    cli: CliContext, names: tuple[str, ...], find_links: tuple[Path, ...], no_index: bool
) -> None:
    """Remove distributions from requirements.txt and re-lock."""
    bank = cli.open_bank()
    source = envbuild.PackageSource(find_links, no_index)
    with progress_report(cli, "locking") as report:
        locked = envbuild.remove(bank.root, list(names), source, report)
    cli.out.print(f"removed {len(names)}; fingerprint {locked.fingerprint}")


@env_group.command("sync")
@click.option(
    "--lock",
    "lock_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Build this lock instead of the bank's (with the bank's Python and data).",
)
@click.option(
    "--data-mirror",
    type=click.Path(file_okay=False, exists=True, path_type=Path),
    help="Copy library data from this directory (its nltk_data/) instead of downloading.",
)
@source_options
@pass_cli
def sync_command(
    cli: CliContext,
    lock_file: Path | None,
    data_mirror: Path | None,
    find_links: tuple[Path, ...],
    no_index: bool,
) -> None:
    """Build the bank's environment from its lock into the user's cache (shared by banks)."""
    environment = chosen_environment(cli, lock_file)
    source = envbuild.PackageSource(find_links, no_index, data_mirror)
    with progress_report(cli, f"syncing {environment.fingerprint}") as report:
        built = envbuild.sync(environment, source, report)
    cli.out.print(
        f"environment {built.fingerprint}: Python {built.python}, "
        f"{len(built.distributions)} distributions, in {escape(str(environment.directory))}"
    )


def chosen_environment(cli: CliContext, lock_file: Path | None) -> Environment:
    bank = cli.open_bank()
    declared = declared_environment(bank.root)
    if lock_file is not None:
        return lock_environment(lock_file, declared.spec if declared else None)
    if declared is None:
        raise EnvironmentProblem(
            f"{environment_dir(bank.root)}: the bank has no environment "
            "(it runs in curator's own interpreter); create one with `curator env add DIST`"
        )
    return declared


FACT_WORDS = {
    ("declared", True): "yes (environment/)",
    ("declared", False): "no",
    ("built", True): "yes",
    ("built", False): "not yet (`curator env sync` builds it)",
    ("python", None): "curator's own",
    ("as_of", None): "none (resolved from what the index holds today)",
    ("python_full", None): "known once built",
}


def shown_fact(key: str, value: object) -> str:
    """A fact of `env show` in words (it printed Python's: True, None, {'nltk': []})."""
    if isinstance(value, bool | None) and (key, value) in FACT_WORDS:
        return FACT_WORDS[key, value]
    if key == "data" and isinstance(value, dict):
        corpora = value.get("nltk") or []
        return f"nltk: {', '.join(corpora)}" if corpora else "none"
    return str(value)


@env_group.command("show")
@click.option("--json", "as_json", is_flag=True, help="One JSON object on stdout.")
@pass_cli
def show_command(cli: CliContext, as_json: bool) -> None:
    """Python, lock hash, fingerprint, and the distributions with their versions."""
    bank = cli.open_bank()
    declared = declared_environment(bank.root)
    if declared is None:
        facts: dict[str, object] = {
            "declared": False,
            "fingerprint": fingerprint(),
            "python": None,
            "note": "no environment/: tasks run in curator's own interpreter",
        }
    else:
        built = declared.built()
        facts = {
            "declared": True,
            "fingerprint": declared.fingerprint,
            "python": declared.spec.python,
            "as_of": declared.spec.as_of.isoformat() if declared.spec.as_of else None,
            "lock_hash": declared.lock_hash,
            "built": built is not None,
            "path": str(declared.directory),
            "python_full": built.python if built else None,
            "data": declared.spec.data.model_dump(),
            "distributions": built.distributions if built else locked_pins(declared.lock_text),
        }
    if as_json:
        click.echo(json.dumps(facts))
        return
    for key, value in facts.items():
        if key != "distributions":
            cli.out.print(f"{key}: {escape(shown_fact(key, value))}")
    distributions = facts.get("distributions")
    if isinstance(distributions, dict):
        table = Table(title=f"{len(distributions)} distribution(s)")
        table.add_column("distribution")
        table.add_column("version")
        for name, version in distributions.items():
            table.add_row(escape(name), escape(version))
        cli.out.print(table)


def locked_pins(lock_text: str) -> dict[str, str]:
    pins = {}
    for line in lock_text.splitlines():
        name, _, version = line.split("#", 1)[0].strip().partition("==")
        if name and version:
            pins[name] = version.split(";")[0].strip()
    return pins


@env_group.command("check")
@click.option("--json", "as_json", is_flag=True, help="One JSON object on stdout.")
@pass_cli
def check_command(cli: CliContext, as_json: bool) -> None:
    """Per task, the modules it imports that the environment lacks; exit 1 if a task lacks a
    module or library data where it runs (in a bank that declares no environment, in
    curator's own interpreter), or a folder could not be read."""
    bank = cli.open_bank()
    check = check_whole_bank(bank)
    if as_json:
        click.echo(check.model_dump_json())
    else:
        print_check(cli, check)
    lacking = check.cannot_run_now() if check.fingerprint == NO_ENVIRONMENT else check.tasks
    if lacking or check.data or check.unreadable:
        raise SystemExit(1)


def print_check(cli: CliContext, check: EnvironmentCheck) -> None:
    for unreadable in check.unreadable:
        where, why = escape(unreadable.path), escape(unreadable.problem)
        cli.err.print(f"[red]not checked:[/] {where}: {why}")
    if now := check.cannot_run_now():
        cli.out.print(escape(CANNOT_RUN_NOW))
    for task in now:
        cli.out.print(
            f"{escape(task.task_id)}: {escape(', '.join(m.module for m in task.missing))}"
        )
    if check.tasks:
        cli.out.print(escape(check.missing_from()))
    for task in check.tasks:
        missing = ", ".join(f"{item.module} ({item.distribution})" for item in task.missing)
        cli.out.print(f"{escape(task.task_id)}: {escape(missing)}")
    if check.data:
        cli.out.print("library data the last validation lacked:")
    for lacking in check.data:
        cli.out.print(f"{escape(lacking.task_id)}: {escape(lacking.lacking)}")
    if not check.tasks:
        cli.out.print(escape(check.nothing_missing()))
        return
    needed = check.distributions()
    for distribution, tasks in needed.items():
        cli.out.print(f"  {escape(distribution)}: {len(tasks)} task(s)")
    cli.out.print("add them with: curator env add " + escape(" ".join(needed)))


COMMANDS = [env_group]
