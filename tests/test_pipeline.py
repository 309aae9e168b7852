"""The pipeline's pure answer: each step done, ready or blocked, and why."""

from __future__ import annotations

from datetime import timedelta

from conftest import make_task
from curator.drafts import new_task
from curator.models import Flag, FlagEvent, FlagStatus, Stage, ValidationSummary, Verdict
from curator.pipeline import (
    PipelineFacts,
    Step,
    StepState,
    allowed_stages,
    mark_refined,
    next_step,
    pipeline_status,
    stage_blockers,
    step_status,
)
from curator.static_checks import static_problems


def states(task, facts=None):
    return {status.step: status.state for status in pipeline_status(task, facts)}


def passing(task, verdict=Verdict.PASS):
    task.validation = ValidationSummary(
        verdict=verdict,
        content_hash=task.content_hash(),
        environment="test",
        tests_total=3,
        tests_passed=3 if verdict is Verdict.PASS else 1,
        branch_coverage=100.0,
    )
    return task


def test_a_broken_draft_blocks_everything_after_it_but_its_validation():
    """Validating a draft that does not run yet reports its problem where it is (a syntax
    error's line), as `curator validate` does: the app refused F5 with "finish the draft
    first" while the command ran."""
    task = make_task(test="import unittest\n")
    result = pipeline_status(task)
    assert result[0].state is StepState.READY
    assert "TestCases" in result[0].reason
    assert [s.state for s in result[1:]] == [
        StepState.BLOCKED,
        StepState.READY,
        *[StepState.BLOCKED] * 3,
    ]


def test_the_new_task_template_s_text_keeps_the_draft_unwritten():
    """An untouched `curator new` template whose solution passed was condensed and committed
    as accepted, its docstring still saying "Say in a sentence or two what the function
    does"; F2 marked it refined. The draft is not written while the template's text is there:
    every stage past draft is refused, naming the template's line; the static checks list
    each line."""
    template = new_task("Mine/1", ["json", "re"])
    task = passing(template.model_copy(update={"instruct_prompt": "Sum the numbers."}))
    unwritten = (
        "replace the template's text: task.py lines 7, 10, 13, 16 "
        "('Say in a sentence or two what the function does with its arguments.', …)"
    )
    facts = PipelineFacts(flaky_checked_hash=task.content_hash())
    assert stage_blockers(task, Stage.ACCEPTED, facts) == [unwritten]
    for stage in (Stage.REFINED, Stage.VALIDATED, Stage.CONDENSED):
        assert stage_blockers(task, stage) == [unwritten]
    assert allowed_stages(task) == [Stage.DRAFT, Stage.REJECTED]
    draft, refine, *_, condense, _ = pipeline_status(task)
    assert (draft.state, draft.reason) == (StepState.READY, unwritten)
    assert (refine.state, refine.reason) == (
        StepState.BLOCKED,
        f"finish the draft first: {unwritten}",
    )
    assert condense.state is StepState.BLOCKED and "the template's text" in condense.reason
    found = [p.line for p in static_problems(task) if p.code == "doc-placeholder"]
    assert found == [7, 10, 13, 16]
    written = task.model_copy(
        update={
            "complete_prompt": task.complete_prompt.replace(
                "Say in a sentence or two what the function does with its arguments.",
                "Sum the numbers.",
            )
            .replace("data (list): What the argument holds.", "data (list): Numbers.")
            .replace("int: What the function returns.", "int: Their sum.")
            .replace("ValueError: When, if ever, it raises.", "TypeError: For a non-number.")
        }
    )
    assert stage_blockers(passing(written), Stage.CONDENSED) == []
    assert pipeline_status(written)[0].state is StepState.DONE
    assert not [p for p in static_problems(written) if p.code == "doc-placeholder"]


def test_a_program_that_does_not_parse_names_the_line():
    task = make_task(complete_prompt="def task_func(:\n", canonical_solution="")
    draft = pipeline_status(task)[0]
    assert draft.state is StepState.READY
    assert "line 1" in draft.reason


def test_a_fresh_draft_is_ready_to_refine_and_validate():
    result = states(make_task())
    assert result[Step.DRAFT] is StepState.DONE
    assert result[Step.REFINE] is StepState.READY
    assert result[Step.VALIDATE] is StepState.READY
    assert result[Step.FLAKY] is StepState.BLOCKED
    assert result[Step.COMMIT] is StepState.BLOCKED


def test_stale_validation_is_not_done_and_says_so():
    task = passing(make_task(stage=Stage.REFINED))
    task.test += "\n# changed\n"
    validate = pipeline_status(task)[2]
    assert validate.state is StepState.READY
    assert "stale" in validate.reason


def test_failing_validation_names_the_verdict_and_blocks_the_commit():
    task = passing(make_task(stage=Stage.REFINED), Verdict.FAIL)
    result = pipeline_status(task)
    assert result[2].state is StepState.READY
    assert "fail" in result[2].reason
    assert result[5].state is StepState.BLOCKED
    assert result[5].reason.startswith("validate:")


def test_open_flags_block_flaky_and_name_the_tests():
    task = passing(make_task(stage=Stage.REFINED))
    task.flags = [Flag(test="test_counts", classification="nondeterministic")]
    flaky = pipeline_status(task, PipelineFacts(flaky_checked_hash=task.content_hash()))[3]
    assert flaky.state is StepState.BLOCKED
    assert "test_counts" in flaky.reason


def test_everything_done_makes_the_commit_ready_unless_edits_are_unsaved():
    task = passing(make_task(stage=Stage.REFINED, instruct_prompt="Count words."))
    ready = pipeline_status(task, PipelineFacts(flaky_checked_hash=task.content_hash()))
    assert ready[5].state is StepState.READY
    assert next_step(ready).step is Step.COMMIT
    assert allowed_stages(task, checked(task))[-2] is Stage.ACCEPTED
    unsaved = pipeline_status(task, PipelineFacts(task.content_hash(), unsaved=True))
    assert unsaved[5].state is StepState.BLOCKED
    assert "save" in unsaved[5].reason


def test_a_committed_accepted_task_is_done():
    task = passing(make_task(stage=Stage.ACCEPTED, instruct_prompt="Count words."))
    result = pipeline_status(task, PipelineFacts(task.content_hash(), committed=True))
    assert next_step(result) is None


def checked(task):
    return PipelineFacts(flaky_checked_hash=task.content_hash())


def test_an_instruction_holding_escape_sequences_is_not_the_benchmarks_prompt():
    """An LLM's condensed instruction carrying ESC and a clipboard write (OSC 52) was written
    to instruction.md, committed as accepted and exported in the release."""
    task = passing(make_task(stage=Stage.VALIDATED))
    task.instruct_prompt = "Count the words.\n\x1b]52;c;cm0gLXJmIH4=\x07Return the top ones.\n"
    expected = "instruction.md line 2 holds U+0007, U+001B, which no screen shows as it is"
    for stage in (Stage.CONDENSED, Stage.ACCEPTED):
        assert any(expected in blocker for blocker in stage_blockers(task, stage, checked(task)))
    condense = next(s for s in pipeline_status(task, checked(task)) if s.step is Step.CONDENSE)
    assert condense.state is StepState.READY and expected in condense.reason
    task.instruct_prompt = "Count the words.\nReturn the top ones.\n"
    assert stage_blockers(task, Stage.ACCEPTED, checked(task)) == []


def test_the_gate_names_what_each_stage_lacks():
    draft = make_task()
    assert allowed_stages(draft) == [Stage.DRAFT, Stage.REFINED, Stage.REJECTED]
    assert "never been validated" in stage_blockers(draft, Stage.VALIDATED)[0]
    task = passing(make_task(stage=Stage.REFINED))
    assert stage_blockers(task, Stage.VALIDATED) == []
    assert "no instruction" in stage_blockers(task, Stage.CONDENSED)[0]
    task.instruct_prompt = "Count words."
    unchecked = stage_blockers(task, Stage.ACCEPTED)
    assert unchecked == ["it has not been checked for flaky tests (run the flaky check)"]
    stale = stage_blockers(task, Stage.ACCEPTED, PipelineFacts(flaky_checked_hash="0" * 16))
    assert "flaky check is stale" in stale[0]
    # A check under a shorter limit found timeouts a validation under the task's would not.
    other_limit = PipelineFacts(
        flaky_checked_hash=task.content_hash(), flaky_checked_timeout_s=60.0, timeout_s=240.0
    )
    assert stage_blockers(task, Stage.ACCEPTED, other_limit) == [
        "its flaky check ran under another time limit (60 s; now 240 s): check it again"
    ]
    assert stage_blockers(task, Stage.ACCEPTED, checked(task)) == []
    task.flags = [Flag(test="test_counts", classification="nondeterministic")]
    assert stage_blockers(task, Stage.ACCEPTED, checked(task)) == [
        "it has 1 unresolved flaky flag: test_counts (open)"
    ]
    assert Stage.ACCEPTED not in allowed_stages(task, checked(task))
    assert Stage.CONDENSED in allowed_stages(task, checked(task))
    # Confirmed is a flaky test a maintainer has seen: it blocks until fixed or dismissed.
    task.flags[0].status = FlagStatus.CONFIRMED
    assert stage_blockers(task, Stage.ACCEPTED, checked(task)) == [
        "it has 1 unresolved flaky flag: test_counts (confirmed)"
    ]
    for settled in (FlagStatus.DISMISSED, FlagStatus.FIXED):
        task.flags[0].status = settled
        assert stage_blockers(task, Stage.ACCEPTED, checked(task)) == []


def test_a_validation_from_another_environment_does_not_count():
    """The list and the results call it stale; the gate (and so commit and release) agrees."""
    task = passing(make_task(stage=Stage.REFINED))
    here = PipelineFacts(environment=task.validation.environment)
    assert stage_blockers(task, Stage.VALIDATED, here) == []
    elsewhere = PipelineFacts(environment="py3.10-0123456789abcdef")
    (reason,) = stage_blockers(task, Stage.VALIDATED, elsewhere)
    assert "ran in another environment" in reason and "py3.10-0123456789abcdef" in reason


def test_the_stepper_commit_step_follows_the_gate():
    task = passing(make_task(stage=Stage.REFINED, instruct_prompt="Count words."))
    stale = pipeline_status(task, PipelineFacts(flaky_checked_hash="0" * 16))
    assert stale[3].state is StepState.READY
    assert stale[5].state is StepState.BLOCKED


def test_the_commit_step_is_ready_whenever_the_gate_allows_accepted():
    """The stepper said "✗ commit" for a draft never marked refined, while F8 offered and
    made the accepted commit: refine is a step the gate does not ask for."""
    task = passing(make_task(stage=Stage.DRAFT, instruct_prompt="Count words."))
    result = pipeline_status(task, checked(task))
    assert [status.state for status in result] == [
        StepState.DONE,
        StepState.READY,
        *[StepState.DONE] * 3,
        StepState.READY,
    ]
    assert Stage.ACCEPTED in allowed_stages(task, checked(task))
    assert next_step(result).step is Step.REFINE
    unchecked = pipeline_status(task)
    assert (unchecked[5].state, unchecked[5].reason) == (
        StepState.BLOCKED,
        "refine: improve the task, then mark it refined",
    )


def test_mark_refined_records_the_decision_and_never_moves_back():
    task = make_task()
    refined = mark_refined(task, "ann")
    assert refined.stage is Stage.REFINED
    assert refined.provenance.events[-1].operation == "refined"
    assert task.stage is Stage.DRAFT
    accepted = make_task(stage=Stage.ACCEPTED)
    assert mark_refined(accepted) is accepted


def test_a_draft_sent_back_says_why_in_its_refine_step():
    """A maintainer's reason for sending a task back was in the History tab alone: its
    annotator opened a draft that said "improve the task" (walk 47). The latest send-back
    counts; a flag reopened since is no longer a reason."""
    task = make_task(stage=Stage.DRAFT)
    sent = FlagEvent(
        status=FlagStatus.CONFIRMED, who="Seed", why="seed the shuffle", sent_back=True
    )
    earlier = sent.model_copy(update={"why": "older", "at": sent.at - timedelta(days=1)})
    opened = FlagEvent(status=FlagStatus.OPEN, who="curator", why="detected")
    task.flags = [
        Flag(
            test="test_draw", classification="nondeterministic",
            status=FlagStatus.CONFIRMED, history=[opened, sent],
        ),
        Flag(
            test="test_old", classification="nondeterministic",
            status=FlagStatus.CONFIRMED, history=[opened, earlier],
        ),
        Flag(
            test="test_reopened", classification="nondeterministic",
            status=FlagStatus.OPEN, history=[opened, sent, opened],
        ),
    ]  # fmt: skip
    refine = step_status(task, Step.REFINE)
    assert (refine.state, refine.reason) == (
        StepState.READY,
        "sent back by Seed (test_draw): seed the shuffle; fix it, then mark it refined",
    )
