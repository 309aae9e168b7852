"""Bank-scale flaky checks under a time budget: the likeliest-to-matter tasks first.

A whole bank at 20 runs a task can take longer than a maintainer has. The order puts first
the tasks whose tests have risky-test warnings (clock, network, chance) and whose content
changed since their last detection (or that never had one); then changed ones, then risky
ones, then the rest, longest unchecked first. A task is started only while the budget still
holds its detection: its runs take about as long as its last validation's run, `jobs` at a
time (a task that sleeps 20 s takes minutes); a task never validated is expected to take the
average seen so far. A task too long for what is left gives way to the shorter ones after it.
What is left is reported, not dropped.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime

from curator.bank import Bank
from curator.errors import TaskFileError
from curator.flaky.evidence import FlakyEvidence
from curator.flaky.flags import read_evidence
from curator.models import Task
from curator.static_checks import risky_test_warnings
from curator.validation import expected_duration_s


@dataclass(frozen=True)
class Candidate:
    task: Task
    risky: bool
    changed: bool  # no detection yet, or one of other content
    last_checked: datetime | None

    @property
    def reason(self) -> str:
        parts = []
        if self.risky:
            parts.append("risky-test warnings")
        if self.last_checked is None:
            parts.append("never checked")
        elif self.changed:
            parts.append("changed since its last check")
        return ", ".join(parts) or f"last checked {self.last_checked:%Y-%m-%d %H:%M}"


def _last_evidence(bank: Bank, task: Task) -> FlakyEvidence | None:
    try:
        return read_evidence(bank, task.task_id)
    except TaskFileError:
        return None  # unreadable evidence counts as none: the task is due


def prioritise(bank: Bank, tasks: list[Task]) -> list[Candidate]:
    """The tasks in the order a budgeted check should take them."""
    candidates = []
    for task in tasks:
        evidence = _last_evidence(bank, task)
        candidates.append(
            Candidate(
                task=task,
                risky=bool(risky_test_warnings(task)),
                changed=evidence is None or not evidence.ran(task),
                last_checked=evidence.at if evidence else None,
            )
        )

    def rank(candidate: Candidate) -> tuple[int, float]:
        tier = {(True, True): 0, (False, True): 1, (True, False): 2, (False, False): 3}
        checked = candidate.last_checked.timestamp() if candidate.last_checked else 0.0
        return tier[(candidate.risky, candidate.changed)], checked

    return sorted(candidates, key=rank)


@dataclass(frozen=True)
class NotReached:
    """A task the budget did not start: its detection was expected to take `expected_s`, and
    `left_s` was left (a shorter task after it may have fit)."""

    candidate: Candidate
    expected_s: float
    left_s: float


@dataclass
class BudgetRun:
    """Hands out candidates while the budget lasts; `not_reached` holds the rest."""

    candidates: list[Candidate]
    budget_s: float
    runs: int
    jobs: int
    clock: Callable[[], float] = time.monotonic
    not_reached: list[NotReached] = field(default_factory=list)
    durations: list[float] = field(default_factory=list)

    def expected_s(self, candidate: Candidate) -> float:
        if candidate.task.validation is not None:
            return expected_duration_s(candidate.task) * self.runs / self.jobs
        return sum(self.durations) / len(self.durations) if self.durations else 0.0

    def __iter__(self) -> Iterator[Candidate]:
        began = self.clock()
        for candidate in self.candidates:
            left = self.budget_s - (self.clock() - began)
            expected = self.expected_s(candidate)
            if expected > left:
                self.not_reached.append(NotReached(candidate, expected, max(left, 0.0)))
                continue
            started = self.clock()
            yield candidate
            self.durations.append(self.clock() - started)
