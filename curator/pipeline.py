"""Where a task stands in the curation pipeline, and what blocks its next step.

The pipeline is draft → refine → validate → flaky → condense → commit. Each step is `done`,
`ready` (can be done now) or `blocked` (an earlier step must be done first), with a reason a
person can act on. The app's stepper and the CLI read the same answer from here.

The stage gate (`stage_blockers`, `allowed_stages`) is the one rule for which stage a task may
be recorded in; `curator commit`, the app's commit and `curator release` all ask it.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from curator.bank import INSTRUCTION_FILE
from curator.docstring import template_placeholders
from curator.models import (
    FlagStatus,
    ProvenanceEvent,
    Stage,
    Task,
    Verdict,
    other_time_limit,
    unwaived_runtime_findings,
    utc_now,
)
from curator.program import entry_function, parse_quietly
from curator.static_checks import control_character_lines, shape_problems


class Step(StrEnum):
    DRAFT = "draft"
    REFINE = "refine"
    VALIDATE = "validate"
    FLAKY = "flaky"
    CONDENSE = "condense"
    COMMIT = "commit"


class StepState(StrEnum):
    DONE = "done"
    READY = "ready"
    BLOCKED = "blocked"


@dataclass(frozen=True)
class StepStatus:
    step: Step
    state: StepState
    reason: str


@dataclass(frozen=True)
class PipelineFacts:
    """What the pipeline needs to know beyond the task itself.

    `flaky_checked_hash`: the content hash a completed flaky check (`flaky.json`) ran on.
    `flaky_checked_timeout_s`: the time limit per run that check ran under (None: unknown).
    `flaky_checked_runs`: the runs that check was asked for (None: unknown).
    `flaky_runs_required`: the fewest runs a flaky check needs to count (the bank's
    `quality.min_flaky_runs`; 0: any).
    `quality_problems`: why the tests miss the bank's quality bar (`curator.quality`).
    `unsaved`: the annotator has edits not yet written to the bank.
    `committed`: the task's folder has no changes since its last git commit.
    `report_problem`: why the stored `validation.json` does not back the validation summary in
    `task.json` (`curator.validation.report_problem`).
    `environment`: the fingerprint of the bank's environment, where a validation must have run
    to count (None: not checked).
    `timeout_s`: the task's time limit per run (`validation.task_timeout`), under which a
    validation must have run to count (None: not checked).
    `instruction_outdated`: why the stored instruction no longer speaks for the docstring or
    the code prompt it came from (`curator.condense.stage.instruction_outdated`; None: it does, or
    not checked).
    """

    flaky_checked_hash: str | None = None
    flaky_checked_timeout_s: float | None = None
    flaky_checked_runs: int | None = None
    flaky_runs_required: int = 0
    quality_problems: tuple[str, ...] = ()
    unsaved: bool = False
    committed: bool = False
    report_problem: str | None = None
    environment: str | None = None
    timeout_s: float | None = None
    instruction_outdated: str | None = None


# Stages in pipeline order; a rejected task sits outside it.
STAGE_ORDER = (Stage.DRAFT, Stage.REFINED, Stage.VALIDATED, Stage.CONDENSED, Stage.ACCEPTED)


def stage_rank(stage: Stage) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else -1


# -- the stage gate --------------------------------------------------------------------------

# One check of the gate: why the task fails it, or None when it passes.
GateCheck = Callable[[Task, PipelineFacts], "str | None"]


def needs_intact_validation_report(task: Task, facts: PipelineFacts) -> str | None:
    return facts.report_problem


def needs_passing_validation(task: Task, facts: PipelineFacts) -> str | None:
    summary = task.validation
    if summary is None:
        return "it has never been validated (run validation first)"
    if stale := validation_staleness(task, facts):
        return stale[1]
    if summary.verdict is not Verdict.PASS:
        return f"its validation did not pass (verdict: {summary.verdict.value})"
    return None


# What the stepper says of a validation that no longer counts, by `validation_staleness`'s kind.
STALE_STEP_REASONS = {
    "content": "results are stale: the task changed since the last run",
    "environment": "results are from another environment: validate again",
    "time limit": "results ran under another time limit: validate again",
}


def validation_staleness(task: Task, facts: PipelineFacts) -> tuple[str, str] | None:
    """Why the task's stored validation no longer counts, as (kind, the gate's reason), kind a
    key of `STALE_STEP_REASONS`; None while it counts (or there is none)."""
    summary = task.validation
    if summary is None:
        return None
    if not task.validation_is_current:
        return "content", (
            f"its validation is stale: it validated content {summary.content_hash}, "
            f"the content is now {task.content_hash()} (validate it again)"
        )
    if facts.environment is not None and summary.environment != facts.environment:
        return "environment", (
            f"its validation ran in another environment ({summary.environment}; the bank's is "
            f"{facts.environment}): validate it again"
        )
    if other_time_limit(summary.timeout_s, facts.timeout_s):
        return "time limit", (
            f"its validation ran under another time limit ({summary.timeout_s:g} s; now "
            f"{facts.timeout_s:g} s): validate it again"
        )
    return None


NOT_FLAKY_CHECKED = "it has not been checked for flaky tests (run the flaky check)"


def needs_flaky_check(task: Task, facts: PipelineFacts) -> str | None:
    if facts.flaky_checked_hash is None:
        return NOT_FLAKY_CHECKED
    if facts.flaky_checked_hash != task.content_hash():
        return (
            f"its flaky check is stale: it ran on content {facts.flaky_checked_hash}, "
            f"the content is now {task.content_hash()} (check it again)"
        )
    if other_time_limit(facts.flaky_checked_timeout_s, facts.timeout_s):
        return (
            f"its flaky check ran under another time limit ({facts.flaky_checked_timeout_s:g} s; "
            f"now {facts.timeout_s:g} s): check it again"
        )
    runs = facts.flaky_checked_runs
    if runs is not None and runs < facts.flaky_runs_required:
        return (
            f"its flaky check made {runs} run(s), the bank asks for at least "
            f"{facts.flaky_runs_required} (`quality.min_flaky_runs` in bank.json): check it again "
            "with more runs"
        )
    return None


def needs_no_unresolved_flag(task: Task, facts: PipelineFacts) -> str | None:
    unresolved = task.unresolved_flags()
    if not unresolved:
        return None
    tests = ", ".join(f"{flag.test} ({flag.status.value})" for flag in unresolved)
    flags = "flag" if len(unresolved) == 1 else "flags"
    return f"it has {len(unresolved)} unresolved flaky {flags}: {tests}"


def needs_runtime_findings_waived(task: Task, facts: PipelineFacts) -> str | None:
    unwaived = unwaived_runtime_findings(task)
    if not unwaived:
        return None
    return (
        f"its runtime findings are not waived: {', '.join(unwaived)} "
        "(fix the task, or curator waive ID CODE --reason ...)"
    )


def needs_quality_bar(task: Task, facts: PipelineFacts) -> str | None:
    return "; ".join(facts.quality_problems) or None


def template_text_left(task: Task) -> str | None:
    """Where the new-task template's docstring text is still in the program, or None."""
    placeholders = template_placeholders(task.program, task.entry_point)
    if not placeholders:
        return None
    lines = ", ".join(str(line) for line, _ in placeholders)
    plural = "s" if len(placeholders) > 1 else ""
    # What to do and where come first: the stepper's line is cut at 80 columns, where it read
    # "task.py line 7 and 3 more of the docstring still hold the new-t…".
    return (
        f"replace the template's text: task.py line{plural} {lines} "
        f"({placeholders[0][1]!r}{', …' if plural else ''})"
    )


def needs_written_draft(task: Task, facts: PipelineFacts) -> str | None:
    return "; ".join(draft_problems(task)) or None


def needs_benchmark_shape(task: Task, facts: PipelineFacts) -> str | None:
    waived = {waiver.code for waiver in task.waivers}
    unwaived = [problem for problem in shape_problems(task) if problem.code not in waived]
    if not unwaived:
        return None
    # Each code with its own first message: "(doc-example, requirements-missing: the docstring
    # lacks an Example section)" read as if requirements-missing meant the missing example.
    by_code: dict[str, str] = {}
    for problem in unwaived:
        by_code.setdefault(problem.code, problem.message)
    departures = "; ".join(f"{code}: {message}" for code, message in by_code.items())
    return (
        f"it departs from the benchmark's shape ({departures}): fix the task, or "
        "curator waive ID CODE --reason ..."
    )


def instruction_problem(task: Task) -> str | None:
    """What keeps the instruction from being the benchmark's prompt: there is none, or a line
    holds a control character (an LLM's answer may carry escape sequences, which a reader's
    terminal would act on)."""
    if not task.instruct_prompt.strip():
        return "no instruction yet"
    found = control_character_lines(task.instruct_prompt)
    if found:
        number, named = found[0]
        return f"{INSTRUCTION_FILE} line {number} holds {named}, which no screen shows as it is"
    return None


def needs_instruction(task: Task, facts: PipelineFacts) -> str | None:
    problem = instruction_problem(task)
    if problem is None:
        return None
    if not task.instruct_prompt.strip():
        return "it has no instruction (condense it first)"
    return f"its instruction is not ready ({problem})"


def needs_current_instruction(task: Task, facts: PipelineFacts) -> str | None:
    if facts.instruction_outdated is None or instruction_problem(task) is not None:
        return None  # no instruction at all: `needs_instruction` says so
    return f"its instruction is out of date: {facts.instruction_outdated} (condense it again)"


# What each stage asks of a task; adding a requirement is adding one check to a tuple. In any
# stage, a task's records must hold together: a commit in any stage would keep them.
STAGE_GATE: dict[Stage, tuple[GateCheck, ...]] = {
    Stage.DRAFT: (needs_intact_validation_report,),
    Stage.REFINED: (needs_intact_validation_report, needs_written_draft),
    Stage.REJECTED: (needs_intact_validation_report,),
    Stage.VALIDATED: (
        needs_intact_validation_report,
        needs_written_draft,
        needs_passing_validation,
    ),
    Stage.CONDENSED: (
        needs_intact_validation_report,
        needs_written_draft,
        needs_passing_validation,
        needs_instruction,
        needs_current_instruction,
    ),
    Stage.ACCEPTED: (
        needs_intact_validation_report,
        needs_written_draft,
        needs_passing_validation,
        needs_instruction,
        needs_current_instruction,
        needs_flaky_check,
        needs_no_unresolved_flag,
        needs_runtime_findings_waived,
        needs_benchmark_shape,
        needs_quality_bar,
    ),
}


def stage_blockers(task: Task, stage: Stage, facts: PipelineFacts | None = None) -> list[str]:
    """Why `task` may not be recorded in `stage`; empty when it may."""
    facts = facts or PipelineFacts()
    return [reason for check in STAGE_GATE[stage] if (reason := check(task, facts)) is not None]


def allowed_stages(task: Task, facts: PipelineFacts | None = None) -> list[Stage]:
    """The stages the gate lets `task` be recorded in, in pipeline order (rejected last)."""
    return [
        stage for stage in (*STAGE_ORDER, Stage.REJECTED) if not stage_blockers(task, stage, facts)
    ]


# -- the steps -------------------------------------------------------------------------------


def draft_problems(task: Task) -> list[str]:
    """What a draft still lacks: a program and tests that can run, and a docstring of its own
    in place of the new-task template's."""
    problems = []
    try:
        module = parse_quietly(task.program)
    except SyntaxError as error:
        problems.append(f"the task program does not parse (line {error.lineno}: {error.msg})")
    else:
        if entry_function(module, task.entry_point) is None:
            problems.append(f"the task program defines no {task.entry_point}()")
    try:
        tests = parse_quietly(task.test)
    except SyntaxError as error:
        problems.append(f"the tests do not parse (line {error.lineno}: {error.msg})")
    else:
        if not any(
            isinstance(node, ast.ClassDef) and node.name == "TestCases" for node in tests.body
        ):
            problems.append("the tests define no TestCases class")
    if unfinished := template_text_left(task):
        problems.append(unfinished)
    return problems


def _validation_status(task: Task, facts: PipelineFacts) -> tuple[StepState, str]:
    summary = task.validation
    if summary is None:
        return StepState.READY, "not validated yet"
    if stale := validation_staleness(task, facts):
        return StepState.READY, STALE_STEP_REASONS[stale[0]]
    counts = f"{summary.tests_passed}/{summary.tests_total} tests passed"
    if summary.verdict is not Verdict.PASS:
        return StepState.READY, f"last run: {summary.verdict.value}, {counts}; fix and rerun"
    coverage = (
        f", {summary.branch_coverage:.0f}% branch coverage"
        if summary.branch_coverage is not None
        else ""
    )
    return StepState.DONE, f"pass, {counts}{coverage}"


def refine_reason(task: Task) -> str:
    """What refining a draft is for: a maintainer's reason where one sent the task back (it
    was in the History tab alone, walk 47)."""
    sent_back = [
        (flag.history[-1], flag.test)
        for flag in task.flags
        if flag.status is FlagStatus.CONFIRMED and flag.history and flag.history[-1].sent_back
    ]
    if not sent_back:
        return "improve the task, then mark it refined"
    event, test = max(sent_back, key=lambda sent: sent[0].at)
    return f"sent back by {event.who} ({test}): {event.why}; fix it, then mark it refined"


def pipeline_status(task: Task, facts: PipelineFacts | None = None) -> list[StepStatus]:
    """Each step's state and reason, in pipeline order."""
    facts = facts or PipelineFacts()
    steps: list[StepStatus] = []

    problems = draft_problems(task)
    if problems:
        steps.append(StepStatus(Step.DRAFT, StepState.READY, "; ".join(problems)))
    else:
        steps.append(StepStatus(Step.DRAFT, StepState.DONE, "program and tests written"))
    draft_done = not problems

    if not draft_done:
        steps.append(
            StepStatus(Step.REFINE, StepState.BLOCKED, f"finish the draft first: {problems[0]}")
        )
    elif stage_rank(task.stage) >= stage_rank(Stage.REFINED):
        steps.append(StepStatus(Step.REFINE, StepState.DONE, "marked refined"))
    else:
        steps.append(StepStatus(Step.REFINE, StepState.READY, refine_reason(task)))

    # A draft that does not run yet may be validated: the report names its problem where it is
    # (a syntax error's line), as `curator validate` does.
    state, reason = _validation_status(task, facts)
    steps.append(StepStatus(Step.VALIDATE, state, reason))
    # The checks after it need the tests to pass on this content; a run of another
    # environment or time limit still says so (validate marks it to be run again).
    summary = task.validation
    validated = (
        summary is not None and task.validation_is_current and summary.verdict is Verdict.PASS
    )

    flag_problem = needs_no_unresolved_flag(task, facts)
    if not validated:
        steps.append(
            StepStatus(Step.FLAKY, StepState.BLOCKED, "needs a current, passing validation")
        )
    elif flag_problem:
        steps.append(
            StepStatus(Step.FLAKY, StepState.BLOCKED, flag_problem.replace("it has ", "", 1))
        )
    elif needs_flaky_check(task, facts) is None:
        steps.append(
            StepStatus(Step.FLAKY, StepState.DONE, "no unresolved flaky flag at this content")
        )
    else:
        steps.append(
            StepStatus(Step.FLAKY, StepState.READY, "not checked for flakiness at this content")
        )

    if not validated:
        steps.append(
            StepStatus(Step.CONDENSE, StepState.BLOCKED, "needs a current, passing validation")
        )
    elif unfinished_docstring := template_text_left(task):
        steps.append(StepStatus(Step.CONDENSE, StepState.BLOCKED, unfinished_docstring))
    elif instruction_issue := instruction_problem(task):
        steps.append(StepStatus(Step.CONDENSE, StepState.READY, instruction_issue))
    elif facts.instruction_outdated is not None:
        steps.append(
            StepStatus(
                Step.CONDENSE,
                StepState.READY,
                f"instruction out of date: {facts.instruction_outdated}",
            )
        )
    else:
        steps.append(StepStatus(Step.CONDENSE, StepState.DONE, "instruction written"))

    # Commit is ready exactly when the gate allows accepted: a step left undone that the gate
    # does not ask for (refine) does not block it; the first undone step names what does.
    blockers = [] if facts.unsaved else stage_blockers(task, Stage.ACCEPTED, facts)
    unfinished = [status for status in steps if status.state is not StepState.DONE]
    if facts.unsaved:
        steps.append(StepStatus(Step.COMMIT, StepState.BLOCKED, "save your edits first"))
    elif blockers and unfinished:
        first = unfinished[0]
        steps.append(
            StepStatus(Step.COMMIT, StepState.BLOCKED, f"{first.step.value}: {first.reason}")
        )
    elif blockers:
        steps.append(StepStatus(Step.COMMIT, StepState.BLOCKED, blockers[0]))
    elif facts.committed and task.stage is Stage.ACCEPTED:
        steps.append(StepStatus(Step.COMMIT, StepState.DONE, "committed as accepted"))
    else:
        steps.append(StepStatus(Step.COMMIT, StepState.READY, "commit the task as accepted"))
    return steps


def step_status(task: Task, step: Step, facts: PipelineFacts | None = None) -> StepStatus:
    """One step's state and reason (`pipeline_status`): what every way of running it asks."""
    return next(status for status in pipeline_status(task, facts) if status.step is step)


def next_step(statuses: list[StepStatus]) -> StepStatus | None:
    """The first step that is not done: what the annotator should do now."""
    return next((status for status in statuses if status.state is not StepState.DONE), None)


def mark_refined(task: Task, annotator: str | None = None) -> Task:
    """The annotator's decision that the draft is refined; never moves a task backwards."""
    if stage_rank(task.stage) >= stage_rank(Stage.REFINED):
        return task
    updated = task.model_copy(deep=True)
    updated.stage = Stage.REFINED
    updated.provenance.updated_at = utc_now()
    updated.provenance.events.append(
        ProvenanceEvent(operation="refined", annotator=annotator, detail="marked refined")
    )
    return updated
