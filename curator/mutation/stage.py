"""The mutation stage: mutate each task's reference solution, run its tests against the mutants
and store the analysis.

    results = mutate_tasks(bank, ids)     # runs, stores mutation.json, records task.quality

The CLI and the app only display what this returns and reports through its callback.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from curator.bank import Bank
from curator.models import Task
from curator.mutation.run import DEFAULT_MAX_MUTANTS, mutate_task
from curator.mutation.store import MutationReport, current_report, store_report
from curator.sandbox import Sandbox
from curator.validation import current_report as current_validation
from curator.validation import sandbox_for, stored_or_due, task_timeout


@dataclass
class MutationResults:
    """The reports of one `mutate_tasks` call, in the order asked, and which were reused."""

    reports: list[MutationReport]
    cached: set[str] = field(default_factory=set)


def mutate_tasks(
    bank: Bank,
    ids: Sequence[str],
    sandbox: Sandbox | None = None,
    force: bool = False,
    *,
    max_mutants: int = DEFAULT_MAX_MUTANTS,
    timeout_s: float | None = None,
    jobs: int = 1,
    on_start: Callable[[Task], None] | None = None,
) -> MutationResults:
    """Mutation analysis of each task, stored as it finishes; a stored analysis is reused while
    it is current (unless `force`). The reference run reuses a current validation. Runs go to
    `sandbox`, or to one made for the bank (its environment) and closed at the end."""
    tasks = [bank.load(task_id) for task_id in ids]
    reports, to_run = stored_or_due(tasks, lambda task: current_report(bank, task), force)
    cached = set(reports)
    if to_run and sandbox is None:
        with sandbox_for(bank, tasks=to_run) as own:
            return mutate_tasks(
                bank,
                ids,
                own,
                force,
                max_mutants=max_mutants,
                timeout_s=timeout_s,
                jobs=jobs,
                on_start=on_start,
            )
    for task in to_run:
        assert sandbox is not None
        if on_start:
            on_start(task)
        report = mutate_task(
            task,
            sandbox,
            validation=current_validation(bank, task),
            max_mutants=max_mutants,
            timeout_s=timeout_s or task_timeout(bank, task),
            jobs=jobs,
        )
        store_report(bank, report)
        reports[task.task_id] = report
    return MutationResults([reports[task.task_id] for task in tasks], cached)
