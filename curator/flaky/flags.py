"""Flags on flaky tests and the maintainers' decisions on them, kept in `task.flags`.

A flag opens when a detection finds a test flaky. Maintainers confirm or dismiss it, or reopen
it. It closes as `fixed` only when a detection on a changed task finds the test clean: a clean
run of the same code only means the flakiness did not show this time.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from curator.bank import Bank
from curator.errors import CuratorError, TaskFileError
from curator.flaky.evidence import EVIDENCE_FILE, Classification, FlakyEvidence
from curator.models import Flag, FlagEvent, FlagStatus, Task


class FlagError(CuratorError):
    """A flag change that the flag's state does not allow, or a flag that does not exist."""


class StoredCheckKept(FlagError):
    """A check of fewer runs than the stored one of the same content, finding no flaky test
    that one did not: the stored check stays (a quick look with `--runs 3` replaced an accepted
    task's 20-run check, and its commit was then refused)."""


def stronger_stored_check(previous: FlakyEvidence | None, new: FlakyEvidence) -> str | None:
    """Why `previous` is kept instead of `new` (`StoredCheckKept`), or None."""
    if (
        previous is None
        or previous.problem is not None
        or previous.content_hash != new.content_hash
        or previous.timeout_s != new.timeout_s
        or previous.runs_requested <= new.runs_requested
        or new.problem is not None
        or not set(new.flaky_tests()) <= set(previous.flaky_tests())
    ):
        return None
    return (
        f"kept the stored flaky check of this content ({previous.runs_requested} runs); this one "
        f"made {new.runs_requested} and found nothing it did not"
    )


class FlagAction(StrEnum):
    CONFIRM = "confirm"
    DISMISS = "dismiss"
    REOPEN = "reopen"


# The queue's decision that the test is flaky and its annotator must fix it (`send_back`).
SEND_BACK = "send-back"

DECISION_VERBS = {
    "confirm": "Confirm",
    "dismiss": "Dismiss",
    "reopen": "Reopen",
    SEND_BACK: "Send back",
}


def decision_message(decision: str, test: str, reason: str) -> str:
    """The commit message of a decision on a flag (a `FlagAction`, or `send-back`), in the app's
    queue and `curator flag` alike."""
    return f"{DECISION_VERBS[decision]} the flaky flag on {test}: {reason}"


# action -> (statuses it applies to, status it leads to)
TRANSITIONS: dict[FlagAction, tuple[frozenset[FlagStatus], FlagStatus]] = {
    FlagAction.CONFIRM: (frozenset({FlagStatus.OPEN}), FlagStatus.CONFIRMED),
    FlagAction.DISMISS: (frozenset({FlagStatus.OPEN, FlagStatus.CONFIRMED}), FlagStatus.DISMISSED),
    FlagAction.REOPEN: (
        frozenset({FlagStatus.CONFIRMED, FlagStatus.DISMISSED, FlagStatus.FIXED}),
        FlagStatus.OPEN,
    ),
}
STILL_FLAKY = frozenset({FlagStatus.OPEN, FlagStatus.CONFIRMED})


@dataclass(frozen=True)
class FlagChange:
    """What a detection did to one test's flag, for the report."""

    test: str
    status: FlagStatus
    note: str


def find_flag(task: Task, test: str) -> Flag | None:
    return next((flag for flag in task.flags if flag.test == test), None)


def apply_action(task: Task, test: str, action: FlagAction, who: str, why: str) -> Flag:
    """A maintainer's decision on one flag; raises FlagError if the flag's state forbids it."""
    if not why.strip():
        raise FlagError("give a reason (--reason) for the change")
    if not who.strip():
        raise FlagError("give who decides (--annotator)")
    flag = find_flag(task, test)
    if flag is None:
        flagged = ", ".join(flag.test for flag in task.flags) or "none"
        raise FlagError(f"{task.task_id}: no flag on test {test!r} (flagged tests: {flagged})")
    refusal = action_refusal(task.task_id, flag, action)
    if refusal is not None:
        raise FlagError(refusal)
    flag.status = TRANSITIONS[action][1]
    flag.history.append(FlagEvent(status=flag.status, who=who, why=why))
    return flag


def action_refusal(task_id: str, flag: Flag, action: FlagAction | str) -> str | None:
    """Why the flag's state forbids `action` (or a send-back), or None: asked before the reason
    too (the app asked "why?" and then refused to confirm a flag that was fixed)."""
    if action == SEND_BACK:  # any flag, but not twice: a second one buried the first's reason
        last = flag.history[-1] if flag.history else None
        if last is None or not last.sent_back or flag.status is not FlagStatus.CONFIRMED:
            return None
        return (
            f"{task_id} {flag.test}: sent back already, by {last.who} ({last.why}); its "
            "annotator fixes it, and the flaky check then closes the flag"
        )
    action = FlagAction(action)
    allowed = TRANSITIONS[action][0]
    if flag.status in allowed:
        return None
    reopen = (
        f"; reopen it first (o in the flaky queue, `curator flag {task_id} {flag.test} --reopen`)"
        if flag.status in TRANSITIONS[FlagAction.REOPEN][0]
        else ""
    )
    return (
        f"{task_id} {flag.test}: cannot {action.value} a flag that is {flag.status.value} "
        f"(only one that is {' or '.join(sorted(status.value for status in allowed))}){reopen}"
    )


def update_flags(
    task: Task, evidence: FlakyEvidence, previous: FlakyEvidence | None, who: str
) -> list[FlagChange]:
    """Open, refresh, reopen or close the task's flags after a detection."""
    changes: list[FlagChange] = []
    run = f"{len(evidence.runs)} runs, detection seed {evidence.detection_seed}"
    changed_since = previous is None or previous.content_hash != evidence.content_hash
    # The limit of the last detection, if this one ran under a longer one: a test found too
    # slow for it may now run clean.
    raised_from = (
        previous.timeout_s
        if previous is not None and evidence.timeout_s > previous.timeout_s
        else None
    )
    for test, verdict in evidence.verdicts.items():
        flag = find_flag(task, test)
        if verdict.classification.is_flaky:
            why = f"{verdict.classification.value} in {run}: {verdict.cause or 'no cause found'}"
            if flag is None:
                flag = Flag(test=test, classification=verdict.classification.value)
                flag.history.append(FlagEvent(status=FlagStatus.OPEN, who=who, why=why))
                task.flags.append(flag)
                changes.append(FlagChange(test, FlagStatus.OPEN, "found flaky"))
            elif flag.status is FlagStatus.FIXED:
                flag.status = FlagStatus.OPEN
                flag.history.append(
                    FlagEvent(
                        status=FlagStatus.OPEN, who=who, why="flaky again after a fix: " + why
                    )
                )
                changes.append(FlagChange(test, FlagStatus.OPEN, "flaky again after a fix"))
            else:
                changes.append(FlagChange(test, flag.status, "still flaky"))
            flag.classification = verdict.classification.value
            flag.cause = verdict.cause
        elif flag is not None and flag.status in STILL_FLAKY:
            if verdict.classification is not Classification.STABLE_PASS:
                changes.append(
                    FlagChange(test, flag.status, f"not fixed: {verdict.classification}")
                )
            elif changed_since:
                _close(flag, who, f"clean after a change to the task: {run}")
                changes.append(
                    FlagChange(test, FlagStatus.FIXED, "clean after a change to the task")
                )
            elif raised_from is not None and flag.classification == Classification.TIMING.value:
                limits = f"the {evidence.timeout_s:g} s limit (found under {raised_from:g} s)"
                _close(flag, who, f"clean under {limits}: {run}")
                changes.append(FlagChange(test, FlagStatus.FIXED, f"clean under {limits}"))
            else:
                changes.append(
                    FlagChange(
                        test,
                        flag.status,
                        "clean this time, but the task has not changed since it was found flaky",
                    )
                )
    for flag in task.flags:
        if flag.test not in evidence.verdicts and flag.status in STILL_FLAKY and changed_since:
            _close(flag, who, f"the test is gone from the suite: {run}")
            changes.append(
                FlagChange(flag.test, FlagStatus.FIXED, "the test is gone from the suite")
            )
    return changes


def _close(flag: Flag, who: str, why: str) -> None:
    flag.status = FlagStatus.FIXED
    flag.history.append(FlagEvent(status=FlagStatus.FIXED, who=who, why=why))


def read_evidence(bank: Bank, task_id: str) -> FlakyEvidence | None:
    return bank.read_sidecar(task_id, EVIDENCE_FILE, FlakyEvidence)


def record_detection(bank: Bank, evidence: FlakyEvidence, who: str) -> list[FlagChange]:
    """Store the evidence beside the task and update its flags, under the bank's lock.

    Refuses if the task changed while the runs went on: the evidence would be of other code;
    keeps a stronger stored check (`StoredCheckKept`).
    """
    with bank.lock():
        task = bank.load_unchanged(
            evidence.task_id, evidence.content_hash, "its flaky runs went on", "flaky", FlagError
        )
        try:
            previous = read_evidence(bank, task.task_id)
        except TaskFileError:
            previous = None  # unreadable old evidence: the new evidence replaces it
        if kept := stronger_stored_check(previous, evidence):
            raise StoredCheckKept(kept)
        changes = update_flags(task, evidence, previous, who) if not evidence.problem else []
        bank.write_sidecar(task.task_id, EVIDENCE_FILE, evidence)
        if changes:
            bank.save(task)
    return changes


def change_flag(
    bank: Bank, task_id: str, test: str, action: FlagAction, who: str, why: str
) -> Flag:
    with bank.lock():
        task = bank.load(task_id)
        flag = apply_action(task, test, action, who, why)
        bank.save(task)
    return flag


def all_flags(tasks: list[Task], status: FlagStatus | None = None) -> list[tuple[Task, Flag]]:
    return [
        (task, flag)
        for task in tasks
        for flag in task.flags
        if status is None or flag.status is status
    ]
