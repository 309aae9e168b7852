"""Where a task stands in the curation pipeline, and what blocks its next step.

The pipeline is draft → refine → validate → flaky → condense → commit. Each step is `done`,
`ready` (can be done now) or `blocked` (an earlier step must be done first), with a reason a
person can act on. The app's stepper and the CLI read the same answer from here.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from enum import StrEnum

from curator.models import (
    ProvenanceEvent,
    Stage,
    Task,
    Verdict,
    unwaived_runtime_findings,
    utc_now,
)
from curator.program import entry_function, parse_quietly


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

    `flaky_clean`: a flaky run covered the task's current content and flagged nothing.
    `unsaved`: the annotator has edits not yet written to the bank.
    `committed`: the task's folder has no changes since its last git commit.
    """

    flaky_clean: bool = False
    unsaved: bool = False
    committed: bool = False


# Stages in pipeline order; a rejected task sits outside it.
STAGE_ORDER = (Stage.DRAFT, Stage.REFINED, Stage.VALIDATED, Stage.CONDENSED, Stage.ACCEPTED)


def stage_rank(stage: Stage) -> int:
    return STAGE_ORDER.index(stage) if stage in STAGE_ORDER else -1


def draft_problems(task: Task) -> list[str]:
    """What a draft still lacks before it can run at all."""
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
    return problems


def _validation_status(task: Task) -> tuple[StepState, str]:
    summary = task.validation
    if summary is None:
        return StepState.READY, "not validated yet"
    if not task.validation_is_current:
        return StepState.READY, "results are stale: the task changed since the last run"
    counts = f"{summary.tests_passed}/{summary.tests_total} tests passed"
    if summary.verdict is not Verdict.PASS:
        return StepState.READY, f"last run: {summary.verdict.value}, {counts}; fix and rerun"
    coverage = (
        f", {summary.branch_coverage:.0f}% branch coverage"
        if summary.branch_coverage is not None
        else ""
    )
    return StepState.DONE, f"pass, {counts}{coverage}"


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
        steps.append(StepStatus(Step.REFINE, StepState.BLOCKED, "finish the draft first"))
    elif stage_rank(task.stage) >= stage_rank(Stage.REFINED):
        steps.append(StepStatus(Step.REFINE, StepState.DONE, "marked refined"))
    else:
        steps.append(
            StepStatus(Step.REFINE, StepState.READY, "improve the task, then mark it refined")
        )

    if not draft_done:
        steps.append(StepStatus(Step.VALIDATE, StepState.BLOCKED, "finish the draft first"))
    else:
        state, reason = _validation_status(task)
        steps.append(StepStatus(Step.VALIDATE, state, reason))
    validated = steps[-1].state is StepState.DONE

    open_flags = task.open_flags()
    if not validated:
        steps.append(
            StepStatus(Step.FLAKY, StepState.BLOCKED, "needs a current, passing validation")
        )
    elif open_flags:
        tests = ", ".join(flag.test for flag in open_flags)
        steps.append(
            StepStatus(
                Step.FLAKY,
                StepState.BLOCKED,
                f"{len(open_flags)} open flaky flag(s) to review: {tests}",
            )
        )
    elif facts.flaky_clean:
        steps.append(StepStatus(Step.FLAKY, StepState.DONE, "no flaky tests at this content"))
    else:
        steps.append(
            StepStatus(Step.FLAKY, StepState.READY, "not checked for flakiness at this content")
        )

    if not validated:
        steps.append(
            StepStatus(Step.CONDENSE, StepState.BLOCKED, "needs a current, passing validation")
        )
    elif not task.instruct_prompt.strip():
        steps.append(StepStatus(Step.CONDENSE, StepState.READY, "no instruction yet"))
    else:
        steps.append(StepStatus(Step.CONDENSE, StepState.DONE, "instruction written"))

    unfinished = [status for status in steps if status.state is not StepState.DONE]
    if unfinished:
        first = unfinished[0]
        steps.append(
            StepStatus(Step.COMMIT, StepState.BLOCKED, f"{first.step.value}: {first.reason}")
        )
    elif unwaived := unwaived_runtime_findings(task):
        reason = f"runtime findings to waive or fix: {', '.join(unwaived)}"
        steps.append(StepStatus(Step.COMMIT, StepState.BLOCKED, reason))
    elif facts.unsaved:
        steps.append(StepStatus(Step.COMMIT, StepState.BLOCKED, "save your edits first"))
    elif facts.committed and task.stage is Stage.ACCEPTED:
        steps.append(StepStatus(Step.COMMIT, StepState.DONE, "committed as accepted"))
    else:
        steps.append(StepStatus(Step.COMMIT, StepState.READY, "commit the task as accepted"))
    return steps


def next_step(statuses: list[StepStatus]) -> StepStatus | None:
    """The first step that is not done: what the annotator should do now."""
    return next((status for status in statuses if status.state is not StepState.DONE), None)


def earned_stage(task: Task, statuses: list[StepStatus]) -> Stage:
    """The furthest stage the task's current state justifies, for a commit."""
    done = {status.step for status in statuses if status.state is StepState.DONE}
    every_step = {Step.DRAFT, Step.REFINE, Step.VALIDATE, Step.FLAKY, Step.CONDENSE}
    if every_step <= done and not unwaived_runtime_findings(task):
        return Stage.ACCEPTED
    if {Step.VALIDATE, Step.CONDENSE} <= done:
        return Stage.CONDENSED
    if Step.VALIDATE in done:
        return Stage.VALIDATED
    if Step.REFINE in done:
        return Stage.REFINED
    return task.stage if task.stage is Stage.REJECTED else Stage.DRAFT


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
