"""The maintainers' review of flaky-test flags: the evidence to decide on, and sending a task
back to its annotator. The flag states themselves are `curator.flaky.flags`'."""

from __future__ import annotations

import difflib
import json

from curator.bank import Bank
from curator.flaky.evidence import FlakyEvidence, Outcome, RunRecord
from curator.flaky.flags import (
    SEND_BACK,
    FlagAction,
    FlagError,
    action_refusal,
    apply_action,
    find_flag,
)
from curator.models import FlagEvent, FlagStatus, ReviewerNote, Stage, Task
from curator.pipeline import stage_rank


def pass_fail_pair(evidence: FlakyEvidence, test: str) -> tuple[RunRecord, RunRecord] | None:
    """A run where `test` passed and one where it failed, preferring the baseline as the pass."""
    passed = [r for r in evidence.runs if r.results.get(test) and r.results[test].outcome == "pass"]
    failed = [
        r for r in evidence.runs if r.results.get(test) and Outcome(r.results[test].outcome).failed
    ]
    if not passed or not failed:
        return None
    return passed[0], failed[0]


def run_settings_diff(passing: RunRecord, failing: RunRecord) -> str:
    """What the failing run did differently: a unified diff of the two runs' settings."""

    def lines(run: RunRecord) -> list[str]:
        spec = run.spec.model_dump(mode="json", exclude={"index"})
        return [f"{key}: {json.dumps(value)}\n" for key, value in sorted(spec.items())]

    return "".join(
        difflib.unified_diff(
            lines(passing),
            lines(failing),
            f"run {passing.spec.index} (pass)",
            f"run {failing.spec.index} (fail)",
        )
    )


def failure_tracebacks(evidence: FlakyEvidence, test: str) -> list[str]:
    return [failure.traceback for failure in evidence.failures.values() if failure.test == test]


def traceback_diff(first: str, second: str) -> str:
    """Where two distinct failures of one test differ (different assertions, places)."""
    return "".join(
        difflib.unified_diff(
            first.splitlines(keepends=True),
            second.splitlines(keepends=True),
            "first failure",
            "second failure",
        )
    )


def send_back(bank: Bank, task_id: str, test: str, who: str, why: str) -> Task:
    """The flag is real and the annotator must fix it: confirm the flag, leave a note, and put
    the task back to draft so it leaves the accepted queue."""
    with bank.lock():
        task = bank.load(task_id)
        flag = find_flag(task, test)
        if flag is not None and (refusal := action_refusal(task_id, flag, SEND_BACK)):
            raise FlagError(refusal)
        if flag is not None and flag.status in (FlagStatus.DISMISSED, FlagStatus.FIXED):
            apply_action(task, test, FlagAction.REOPEN, who, why)
        if flag is None or flag.status is not FlagStatus.CONFIRMED:
            flag = apply_action(task, test, FlagAction.CONFIRM, who, why)
            flag.history[-1].sent_back = True
        else:
            flag.history.append(FlagEvent(status=flag.status, who=who, why=why, sent_back=True))
        task.notes.append(ReviewerNote(author=who, text=f"flaky test {test}: {why}"))
        if stage_rank(task.stage) > stage_rank(Stage.DRAFT):
            task.stage = Stage.DRAFT
        bank.save(task)
    return task
