"""LLM assistance commands: config, draft, suggest, preeval; and the offline test skeleton."""

from __future__ import annotations

import difflib
import json
import sys
from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from curator.alternatives import ALTERNATIVES_DIR, add_alternative, diff_from_reference
from curator.bank import INSTRUCTION_FILE, MARKER, Bank
from curator.cli.context import CliContext, F, annotator_option, pass_cli, without_controls
from curator.config import (
    ConfigError,
    LLMSettings,
    annotator_and_source,
    config_path,
    load_settings,
    masked,
    resolve_annotator,
    value_source,
)
from curator.drafts import library_names
from curator.envcheck import unimportable_libraries
from curator.errors import CuratorError, UnknownAnnotator
from curator.flaky.evidence import FlakyEvidence
from curator.flaky.flags import read_evidence
from curator.history import step_blocked
from curator.llm import operations, preeval
from curator.llm.alternative import propose_alternative
from curator.llm.checking import check_task
from curator.llm.client import RetryNotice
from curator.llm.kill import kill_mutant
from curator.llm.operations import Assistant, NothingToPropose
from curator.llm.proposals import (
    Operation,
    ProposalCheck,
    ProposalRegression,
    ProposedChange,
    apply,
    instruction_warnings,
    keep_proposal,
    kept_path,
    kept_proposal,
    normalised_text,
    task_with_files,
)
from curator.models import DEFAULT_TIMEOUT_S, Task
from curator.pipeline import Step
from curator.quality import open_bank, quality_settings
from curator.skeleton import skeleton_for
from curator.validation import sandbox_for, validate_tasks

SUGGEST_OPERATIONS = [
    Operation.REFINE,
    Operation.TESTS,
    Operation.FLAKY,
    Operation.CONDENSE,
    Operation.KILL,
    Operation.ALTERNATIVE,
]
FAILING_DIFF_LINES = 40


class StreamEcho:
    """Writes a streamed answer to stderr as it arrives, its control characters as symbols
    (the model's escape sequences reached the terminal: a cleared screen, a new title);
    `end_line` closes its last line."""

    def __init__(self, cli: CliContext) -> None:
        self.file = cli.err.file
        self.at_line_start = True

    def __call__(self, piece: str) -> None:
        self.file.write(without_controls(piece.replace("\r\n", "\n")))
        self.file.flush()
        self.at_line_start = piece.endswith("\n")

    def end_line(self) -> None:
        if not self.at_line_start:
            self.file.write("\n")
            self.at_line_start = True


def end_stream(assistant: Assistant) -> None:
    if isinstance(assistant.on_chunk, StreamEcho):
        assistant.on_chunk.end_line()


def make_assistant(cli: CliContext, settings: LLMSettings, stream: bool, bank: Bank) -> Assistant:
    """An assistant for `bank` that reports retries on stderr and, with --stream, the answer as
    it comes."""
    echo = StreamEcho(cli) if stream else None
    if cli.err.is_terminal and settings.configured and not settings.problem:
        # A server that never answered showed a blank terminal for two minutes.
        cli.err.print(f"[dim]{escape(settings.request_plan())}; Ctrl+C stops[/]")

    def on_retry(notice: RetryNotice) -> None:
        if echo:
            echo.end_line()
        cli.err.print(f"[yellow]{escape(str(notice))}[/]")

    return Assistant.from_settings(
        settings, on_retry=on_retry, on_chunk=echo, bank_timeout_s=bank.timeout_s
    )


DIFF_STYLES = (("+++", "bold"), ("---", "bold"), ("@@", "cyan"), ("+", "green"), ("-", "red"))


def diff_text(diff: str) -> Text:
    """A unified diff coloured by line, with no padding (so a transcript copies cleanly)."""
    text = Text()
    for line in diff.splitlines(keepends=True):
        style = next((style for prefix, style in DIFF_STYLES if line.startswith(prefix)), "")
        text.append(line if line.endswith("\n") else line + "\n", style=style)
    return text


def print_proposal(cli: CliContext, change: ProposedChange) -> None:
    out = cli.out
    out.rule(
        f"[bold]{change.operation.value}[/] proposal for {escape(change.task_id)} · "
        f"model {escape(change.model)} · prompt {change.prompt_hash}"
    )
    if change.explanation:
        out.print(f"[dim]{escape(change.explanation)}[/]")
    out.print(diff_text(change.diff()), end="")
    if change.reference is not None:
        proposed = change.file(INSTRUCTION_FILE)
        out.rule("rule-based instruction → proposed instruction")
        beside = difflib.unified_diff(
            change.reference.splitlines(keepends=True),
            (proposed.after if proposed else "").splitlines(keepends=True),
            fromfile="rule-based",
            tofile="proposed",
        )
        out.print(diff_text("".join(beside)), end="")
    for warning in change.warnings:
        out.print(f"[yellow]warning:[/] {escape(warning)}")
    if change.baseline is not None:
        out.print(f"current version:  {escape(change.baseline.headline())}")
        missed = missed_summary(change.baseline)
        if missed:
            out.print(f"  never run: {missed}")
    if change.check is not None:
        colour = "green" if change.check.verdict == "pass" else "red"
        out.print(f"proposed version: [{colour}]{escape(change.check.headline())}[/]")
        for name, outcome in change.check.failures.items():
            out.print(f"  [red]{escape(name)}[/]: {escape(outcome)}")
        for problem in change.check.static_problems:
            out.print(f"  [yellow]static:[/] {escape(problem)}")
        missed = missed_summary(change.check)
        if missed:
            out.print(f"  never run: {missed}")


def missed_summary(check: ProposalCheck) -> str:
    lines = [f"line {number}" for number in check.missed_lines]
    branches = [
        f"branch {start}→{end if end > 0 else 'exit'}" for start, end in check.missed_branches
    ]
    return ", ".join(lines + branches)


def proposal_options(command: F) -> F:
    """The options of every command that asks the model for a proposal."""
    command = click.option("--json", "as_json", is_flag=True, help="Print the proposal as JSON.")(
        command
    )
    command = click.option(
        "--stream", is_flag=True, help="Show the answer on stderr as it arrives."
    )(command)
    return annotator_option("Recorded as the author")(command)


@click.command("config")
@click.option("--json", "as_json", is_flag=True, help="The settings as JSON (key masked).")
@pass_cli
def config_command(cli: CliContext, as_json: bool) -> None:
    """Show the settings in effect and where each comes from (the API key masked)."""
    settings = load_settings()
    try:
        path: Path | None = config_path()
        no_file = ""
    except ConfigError as error:
        path, no_file = None, str(error)
    annotator: str | None
    try:
        annotator, annotator_from = annotator_and_source(
            repo=cli.bank_path if cli.bank_path.is_dir() else None
        )
    except UnknownAnnotator:  # what this command is for: showing what is missing
        annotator, annotator_from = None, "nowhere: no setting, no git user.name, no login name"
    values: dict[str, object] = {
        "annotator": annotator,
        "keymap": settings.keymap,
        **{
            f"llm.{name}": getattr(settings.llm, name)
            for name in LLMSettings.model_fields
            if name != "api_key"
        },
        "llm.api_key": masked(settings.llm.api_key),
    }
    sources = {name: value_source(name) for name in values if name != "annotator"}
    sources["annotator"] = annotator_from
    bank_problem = add_bank_settings(cli.bank_path, values, sources)
    if as_json:
        click.echo(
            json.dumps(
                {
                    "config_file": None if path is None else str(path),
                    "config_file_exists": path is not None and path.is_file(),
                    "llm_configured": settings.llm.configured,
                    "settings": values,
                    "annotator_from": annotator_from,
                    "bank_problem": bank_problem,
                    "llm_problem": settings.llm.problem,
                },
                indent=2,
            )
        )
        if bank_problem or settings.llm.problem:
            sys.exit(2)
        return
    if path is None:
        cli.out.print(f"config file: none ({escape(no_file)})")
    else:
        state = "" if path.is_file() else " (does not exist)"
        cli.out.print(f"config file: {escape(str(path))}{state}")
    table = Table()
    # Folded rather than ended in "…": a cut URL or variable name is no use to check.
    table.add_column("setting", no_wrap=True, min_width=max(map(len, values)))
    table.add_column("value", overflow="fold")
    table.add_column("from", overflow="fold")
    for name, value in values.items():
        shown = "(not set)" if value is None else str(value)
        if settings.llm.problem and name.startswith("llm.") and sources[name] != "default":
            # The defaults stand in for what was given, which is unused: they read as its value.
            shown = "(given, not used: see the error below)"
        table.add_row(name, escape(shown), escape(sources[name]))
    cli.out.print(table)
    if bank_problem:
        cli.err.print(f"error: {escape(bank_problem)}")
        sys.exit(2)
    if settings.llm.problem:  # the table shows the LLM's defaults: what was given is unused
        cli.err.print(f"error: {escape(settings.llm.problem)}; the LLM settings are not used")
        sys.exit(2)
    if not settings.llm.configured:
        # It pointed to `curator draft`, the one command that needs the LLM.
        cli.out.print(
            "no LLM is configured: every stage works by hand (`curator new` starts a task); "
            "`draft`, `suggest` and `preeval` need one (README: LLM assistance)."
        )


def add_bank_settings(
    bank_path: Path, values: dict[str, object], sources: dict[str, str]
) -> str | None:
    """Add the bank's own settings (bank.json's time limit and quality bar), which are in effect
    as much as the user's; return what is wrong with bank.json, if anything (the walk found
    `config` content in a bank every other command refused)."""
    if not (bank_path / MARKER).is_file():
        return None
    try:
        bank = open_bank(bank_path)
    except CuratorError as error:
        return str(error)
    timeout_s = bank.timeout_s
    values["bank.timeout_s"] = DEFAULT_TIMEOUT_S if timeout_s is None else timeout_s
    sources["bank.timeout_s"] = "default" if timeout_s is None else MARKER
    quality = quality_settings(bank)
    for name, value in quality:
        values[f"bank.quality.{name}"] = value
        sources[f"bank.quality.{name}"] = MARKER if name in quality.model_fields_set else "default"
    return None


@click.command("draft")
@click.option(
    "--seed",
    "seed_file",
    required=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="A code snippet or question to build the task from.",
)
@click.option("--libs", default="", help="Comma-separated libraries the task should use.")
@click.option("--id", "task_id", help="The new task's id (default: the next Draft/N).")
@proposal_options
@pass_cli
def draft_command(
    cli: CliContext,
    seed_file: Path,
    libs: str,
    task_id: str | None,
    annotator: str | None,
    stream: bool,
    as_json: bool,
) -> None:
    """Draft a complete task from a seed with the LLM, validate it, and add it to the bank."""
    bank = cli.open_bank()
    settings = load_settings()
    assistant = make_assistant(cli, settings.llm, stream, bank)
    try:
        seed = seed_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CuratorError(f"{seed_file}: cannot read the seed ({error})") from None
    task_id = task_id or operations.next_draft_id(bank)
    if bank.task_dir(task_id).exists():
        raise CuratorError(f"task {task_id!r} is already in the bank")
    library_list = library_names(libs)
    unimportable = unimportable_libraries(bank.root, library_list)
    if unimportable:  # said before the request, which a typo would spend on a task that cannot run
        cli.err.print(f"[yellow]warning:[/] {escape(unimportable)}")
    with sandbox_for(bank) as assistant.sandbox:
        try:
            change = operations.draft(assistant, seed, library_list, task_id, source=str(seed_file))
        finally:
            end_stream(assistant)
        task = apply(bank, change, resolve_annotator(annotator, bank.root))
        # Stored as `validate` stores it: the proposal's own check is not a validation, and
        # the browser showed the new task as never run.
        (report,) = validate_tasks(bank, [task.task_id], assistant.sandbox).reports
    if as_json:
        click.echo(change.model_dump_json(indent=2))
    else:
        print_proposal(cli, change)
    cli.err.print(
        f"wrote draft task {escape(task.task_id)} to {escape(str(bank.task_dir(task_id)))}; "
        f"validation: {report.verdict.value} (stored)"
    )


@click.command("suggest")
@click.argument("task_id")
@click.option(
    "--op",
    "operation",
    required=True,
    type=click.Choice([operation.value for operation in SUGGEST_OPERATIONS]),
    help="refine: fix what validation reports; tests: cover missed branches; "
    "flaky: fix a flaky test; condense: a shorter instruction; "
    "kill: a test that kills a surviving mutant (--mutant); "
    "alternative: another solution from the instruction alone (kept in alternatives/).",
)
@click.option("--mutant", "mutant_id", help="For --op kill: the mutant's id (curator mutate).")
@click.option("--apply", "accept", is_flag=True, help="Accept the proposal and write it.")
@click.option(
    "--apply-last",
    "apply_last",
    is_flag=True,
    help="Accept the proposal this command last showed for the task and operation, as shown "
    "(no new request: --apply asks the LLM again).",
)
@click.option(
    "--force",
    is_flag=True,
    help="With --apply, --apply-last or --edit: write it even if it is worse than the task as "
    "it is (fewer tests passing, tests removed, lower coverage).",
)
@click.option(
    "--edit",
    is_flag=True,
    help="Edit the proposed files in $EDITOR first, then accept the edited version.",
)
@click.option(
    "--evidence",
    type=click.Path(dir_okay=False, path_type=Path),
    help="For --op flaky: a file with more evidence (failure output, a diagnosis).",
)
@proposal_options
@pass_cli
def suggest_command(
    cli: CliContext,
    task_id: str,
    operation: str,
    accept: bool,
    apply_last: bool,
    force: bool,
    edit: bool,
    evidence: Path | None,
    annotator: str | None,
    stream: bool,
    as_json: bool,
    mutant_id: str | None,
) -> None:
    """Ask the LLM for a change to a task; show diff and validation; write only with --apply."""
    if (operation == Operation.KILL.value) != (mutant_id is not None):
        raise click.UsageError("--mutant goes with --op kill, and --op kill needs --mutant")
    if force and not (accept or edit or apply_last):
        raise click.UsageError("--force goes with --apply, --apply-last or --edit")
    if apply_last and (accept or edit):
        raise click.UsageError("--apply-last applies a kept proposal: not with --apply or --edit")
    bank = cli.open_bank()
    task = bank.load(task_id)
    op = Operation(operation)
    if apply_last:
        change = kept_proposal(bank, task_id, op)
        if as_json:
            click.echo(change.model_dump_json(indent=2))
        else:
            print_proposal(cli, change)
        accept_proposal(cli, bank, change, annotator, force, ({}, None), "--apply-last --force")
        return
    blocked = step_blocked(bank, task, Step.CONDENSE) if op is Operation.CONDENSE else None
    if blocked:  # before asking the LLM, as the app's Ctrl+L and F7
        cli.err.print(f"[red]refused:[/] condense {escape(task_id)}: {escape(blocked)}")
        sys.exit(1)
    settings = load_settings()
    assistant = make_assistant(cli, settings.llm, stream, bank)
    extra = _read_evidence(evidence)
    if op is Operation.ALTERNATIVE:
        suggest_alternative(cli, assistant, bank, task, accept)
        return
    with sandbox_for(bank, tasks=[task]) as assistant.sandbox:
        try:
            if mutant_id is not None:
                change = kill_mutant(assistant, task, mutant_id)
            else:
                change = propose(assistant, op, task, extra, read_evidence(bank, task_id))
        except NothingToPropose as nothing:
            cli.out.print(escape(str(nothing)))
            if nothing.blocked:  # not "done": a script must not take it for success
                sys.exit(1)
            return
        finally:
            end_stream(assistant)
        if as_json:
            click.echo(change.model_dump_json(indent=2))
        else:
            print_proposal(cli, change)
        try:
            edited, edited_check = (
                edit_proposal(cli, assistant, task, change) if edit else ({}, None)
            )
        except EditCancelled as cancelled:
            cli.err.print(f"[red]not applied:[/] {escape(str(cancelled))}")
            sys.exit(1)
    if edit or accept:
        again = "--edit --force" if edit else "--apply --force"
        accept_proposal(cli, bank, change, annotator, force, (edited, edited_check), again)
    else:
        keep_proposal(bank, change)
        cli.err.print(
            f"not applied: `curator suggest {escape(task_id)} --op {op.value} --apply-last` "
            "applies this very proposal (--apply asks the LLM again)"
        )


def accept_proposal(
    cli: CliContext,
    bank: Bank,
    change: ProposedChange,
    annotator: str | None,
    force: bool,
    edits: tuple[dict[str, str], ProposalCheck | None],
    again: str,
) -> None:
    """Write the proposal (as edited), or say how it is worse, exit 1."""
    edited, edited_check = edits
    try:
        apply(
            bank,
            change,
            resolve_annotator(annotator, bank.root),
            edited_after=edited,
            despite_regressions=force,
            edited_check=edited_check,
        )
    except ProposalRegression as worse:
        cli.err.print(
            f"[red]not applied:[/] {escape(str(worse))} (read the diff; {again} writes it anyway)"
        )
        sys.exit(1)
    kept_path(bank, change.task_id, change.operation).unlink(missing_ok=True)
    how = "an edited" if edited else "the"
    cli.err.print(f"applied {how} {change.operation.value} proposal to {escape(change.task_id)}")


def suggest_alternative(
    cli: CliContext, assistant: Assistant, bank: Bank, task: Task, accept: bool
) -> None:
    """Show an LLM-written solution's diff and test results; keep it with --apply."""
    with sandbox_for(bank, tasks=[task]) as assistant.sandbox:
        try:
            proposal = propose_alternative(assistant, task)
        finally:
            end_stream(assistant)
    cli.out.rule(f"[bold]alternative[/] {proposal.name} · model {escape(proposal.model)}")
    diff = diff_from_reference(task, proposal.program, f"{ALTERNATIVES_DIR}/{proposal.name}.py")
    cli.out.print(diff_text(diff), end="")
    cli.out.print(f"against the tests: {escape(proposal.check.headline())}")
    for test, failure in proposal.check.failures.items():
        cli.out.print(f"  {escape(test)}: {escape(failure)}")
    if accept:
        name = add_alternative(bank, task, proposal.program, proposal.name)
        cli.err.print(f"kept as alternatives/{escape(name)}.py (run `curator alternatives`)")
    else:
        cli.err.print("not kept (run again with --apply to keep it)")


def propose(
    assistant: Assistant,
    op: Operation,
    task: Task,
    evidence: str,
    detection: FlakyEvidence | None,
) -> ProposedChange:
    if op is Operation.CONDENSE:
        return operations.condense(assistant, task)
    baseline = check_task(task, assistant.sandbox, assistant.bank_timeout_s)
    if op is Operation.REFINE:
        return operations.refine(assistant, task, baseline)
    if op is Operation.TESTS:
        return operations.cover_missed(assistant, task, baseline)
    return operations.fix_flaky(assistant, task, baseline, evidence, detection)


class EditCancelled(Exception):
    """The editor closed without saving a file: as `kubectl edit`, that cancels the change."""


def edit_proposal(
    cli: CliContext, assistant: Assistant, task: Task, change: ProposedChange
) -> tuple[dict[str, str], ProposalCheck | None]:
    """Open each proposed file in the editor; validate edited code (its check, else None),
    check an edited instruction. Closing the editor without saving cancels (`EditCancelled`)."""
    edited = {}
    check = None
    for file in change.files:
        text = click.edit(file.after, extension=Path(file.name).suffix, require_save=True)
        if text is None:
            raise EditCancelled(
                f"the editor closed without saving {file.name} (save it, changed or not, to "
                "accept the proposal; --apply accepts it as proposed)"
            )
        if normalised_text(file.name, text) != normalised_text(file.name, file.after):
            edited[file.name] = text
    code_edits = {name: text for name, text in edited.items() if name != INSTRUCTION_FILE}
    if code_edits:
        texts = {file.name: file.after for file in change.files} | code_edits
        check = check_task(
            task_with_files(task, texts), assistant.sandbox, assistant.bank_timeout_s
        )
        cli.out.print(f"edited version:   {escape(check.headline())}")
    if INSTRUCTION_FILE in edited:
        for warning in instruction_warnings(task, edited[INSTRUCTION_FILE]):
            cli.out.print(f"[yellow]warning (edited instruction):[/] {escape(warning)}")
    return edited, check


def _read_evidence(path: Path | None) -> str:
    if path is None:
        return ""
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise CuratorError(f"{path}: cannot read the evidence ({error})") from None


@click.command("preeval")
@click.argument("task_id")
@click.option("--k", "k", default=5, show_default=True, help="Solutions sampled per prompt.")
@click.option("--stream", is_flag=True, help="Show the answers on stderr as they arrive.")
@click.option("--json", "as_json", is_flag=True, help="Print the report as JSON.")
@pass_cli
def preeval_command(cli: CliContext, task_id: str, k: int, stream: bool, as_json: bool) -> None:
    """Have the LLM solve the task K times per prompt; store and show the solve rates."""
    bank = cli.open_bank()
    task = bank.load(task_id)
    settings = load_settings()
    assistant = make_assistant(cli, settings.llm, stream, bank)

    def progress(kind: preeval.PromptKind, index: int, sample: preeval.PreEvalSample) -> None:
        end_stream(assistant)
        mark = "[green]solved[/]" if sample.passed else "[red]failed[/]"
        cli.err.print(f"{kind.value} sample {index + 1}/{k}: {mark}")

    with sandbox_for(bank, tasks=[task]) as assistant.sandbox:
        report = preeval.preevaluate(
            assistant, task, k, settings.llm.sample_temperature, on_sample=progress
        )
    stored = preeval.store(bank, report)
    if as_json:
        click.echo(report.model_dump_json(indent=2))
    else:
        print_preeval(cli, task, report)
    if report.unfinished:
        taken = sum(len(run.samples) for run in report.runs)
        kept = (
            f"the {taken} sample(s) taken are stored"
            if stored
            else "not stored: the finished pre-evaluation of this version is kept"
        )
        stopped = escape(without_controls(report.unfinished))
        cli.err.print(f"[red]error:[/] sampling stopped at {stopped}; {kept}")
        sys.exit(2)


def print_preeval(cli: CliContext, task: Task, report: preeval.PreEvalReport) -> None:
    cli.out.rule(
        f"pre-evaluation of {escape(report.task_id)} · model {escape(report.model)} · k={report.k}"
    )
    for reason in report.skipped:
        cli.out.print(f"[yellow]skipped[/] {escape(reason)}")
    for run in report.runs:
        cli.out.print(
            f"{run.prompt.value}: solved {run.solved}/{len(run.samples)} "
            f"[dim](from {escape(run.prompt_source)})[/]"
        )
    for run in report.runs:
        for index, sample in enumerate(run.samples, start=1):
            if sample.passed:
                continue
            cli.out.rule(f"failing {run.prompt.value} solution {index}")
            cli.out.print(escape(sample.detail))
            if sample.program:
                # Its difference from the reference: printed whole, the one changed line was
                # lost among the docstring's twenty.
                name = f"{run.prompt.value}-{index}.py"
                lines = diff_from_reference(task, sample.program, name).splitlines(keepends=True)
                more = len(lines) - FAILING_DIFF_LINES
                cli.out.print(diff_text("".join(lines[:FAILING_DIFF_LINES])), end="")
                if more > 0:
                    cli.out.print(
                        f"[dim]… {more} more line(s); the solution is in {preeval.SIDECAR}[/]"
                    )


@click.command("skeleton")
@click.argument("task_id")
@pass_cli
def skeleton_command(cli: CliContext, task_id: str) -> None:
    """Print a TestCases skeleton from the signature and docstring examples (no LLM needed)."""
    task = cli.open_bank().load(task_id)
    skeleton = skeleton_for(task)
    # Written as it is into a file; on a terminal, its control characters as symbols.
    sys.stdout.write(without_controls(skeleton) if sys.stdout.isatty() else skeleton)


COMMANDS = [config_command, draft_command, suggest_command, preeval_command, skeleton_command]
