"""What the next release would hold, before building it: changes since the last release and
what blocks it. The release screen shows this; `release.build_release` makes the release."""

from __future__ import annotations

from dataclasses import dataclass, field

from curator.bank import Bank
from curator.environment import bank_fingerprint
from curator.gitbank import GitBank
from curator.history import gate_facts
from curator.models import Stage
from curator.pipeline import stage_blockers
from curator.release import (
    UNSETTLED_REASON,
    ReleaseChanges,
    compare_releases,
    previous_release,
    uncommitted_release_tasks,
    uncommitted_settings,
    unreadable_blockers,
)


@dataclass
class ReleasePlan:
    previous: str | None  # the latest release tag reachable from HEAD
    accepted: int
    changes: ReleaseChanges
    blockers: dict[str, list[str]] = field(default_factory=dict)  # task id or path -> reasons

    @property
    def ready(self) -> bool:
        return self.refusal is None

    @property
    def repeats_previous(self) -> bool:
        """Whether a release now would hold the same tasks as the last one."""
        changes = self.changes
        return bool(self.previous) and not (changes.added or changes.removed or changes.changed)

    @property
    def refusal(self) -> str | None:
        """Why no release can be made now, if so."""
        if self.blockers:
            return f"{len(self.blockers)} blocker(s), each named with its reasons: fix them"
        if not self.accepted:
            return (
                "no accepted task to release: accept tasks first (F8 in a task, or "
                "`curator commit ID --stage accepted`)"
            )
        return None


def plan_release(bank: Bank) -> ReleasePlan:
    """Accepted tasks of the work tree against the last release, and every blocker named."""
    repository = GitBank(bank)
    scan = bank.scan()
    accepted = [task for task in scan.tasks if task.stage is Stage.ACCEPTED]
    blockers = unreadable_blockers(scan)
    environment = bank_fingerprint(bank.root)  # read once, not per task
    for task in accepted:
        reasons = stage_blockers(task, Stage.ACCEPTED, gate_facts(bank, task, environment))
        if reasons:
            blockers[task.task_id] = reasons
    for task_id in uncommitted_release_tasks(bank, repository, {t.task_id for t in accepted}):
        # "or discard them" sent a fresh clone's maintainer round: discarding a validation
        # made here leaves the task stale, which blocks it too (walk).
        blockers.setdefault(task_id, []).append(
            f"uncommitted changes: commit them (F8 in the task, or `curator commit {task_id} "
            "-m MESSAGE`)"
        )
    for path in uncommitted_settings(repository):
        blockers[path] = [f"uncommitted changes: {UNSETTLED_REASON} (commit or discard them)"]
    previous = None
    previous_tasks = []
    if repository.has_commits():
        previous = previous_release(repository, repository.commit("HEAD"))
    if previous is not None:
        scan_then = repository.scan_at(repository.commit(previous))
        previous_tasks = [t for t in scan_then.tasks if t.stage is Stage.ACCEPTED]
    return ReleasePlan(
        previous=previous,
        accepted=len(accepted),
        changes=compare_releases(previous_tasks, accepted),
        blockers=blockers,
    )
