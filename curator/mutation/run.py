"""The mutation stage: run the task's tests against mutants of its reference solution.

    report = mutate_task(task, sandbox)       # MutationReport
    store_report(bank, report)                # mutation.json beside the task

A reference run first (or a current passing validation, which already holds it) says which
lines the tests execute and how long they take. A mutant of a line no test executes cannot be
noticed: it survives without a run. Every other mutant is one forked run from the warm
zygote, without coverage, stopping at the first failing test, with the tests that killed most
mutants so far first.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

from curator.models import Task, Verdict
from curator.mutation.operators import Mutant, generate_mutants
from curator.mutation.store import MutantResult, MutantStatus, MutationReport
from curator.program import split_program
from curator.sandbox import RunOptions, Sandbox, SuiteRun
from curator.validation import ValidationReport, run_fingerprint, validate_task

DEFAULT_MAX_MUTANTS = 60
# A mutant's run may take this many times the reference run (an infinite loop is a timeout).
TIMEOUT_FACTOR = 5.0
MIN_MUTANT_TIMEOUT_S = 3.0


def task_mutants(task: Task, max_mutants: int = DEFAULT_MAX_MUTANTS) -> list[Mutant]:
    """The mutants of the task's solution (never of its prompt), at most `max_mutants`.

    When there are more, a subset chosen by mutant id is kept: the same one on every run.
    """
    split = split_program(task.program, task.entry_point)
    solution_start = len(split[0]) if split is not None else len(task.complete_prompt)
    mutants = generate_mutants(task.program, solution_start)
    if len(mutants) > max_mutants:
        kept = {mutant.id for mutant in sorted(mutants, key=lambda m: m.id)[:max_mutants]}
        mutants = [mutant for mutant in mutants if mutant.id in kept]
    return mutants


def outcome_of(run: SuiteRun) -> tuple[MutantStatus, str | None, str | None]:
    """(status, the test that killed it, message) for one mutant's run."""
    if run.sandbox_error or run.status == "environment":
        return MutantStatus.ERROR, None, run.message
    if run.status == "timeout":
        return MutantStatus.TIMEOUT, None, run.message
    if run.status in ("invalid", "memory", "crashed"):
        return MutantStatus.KILLED, None, run.message
    failing = next(
        (test for test in run.tests if test.started and test.outcome not in ("pass", "skip")),
        None,
    )
    if failing is not None:
        return MutantStatus.KILLED, failing.name, failing.message
    if not any(test.outcome == "pass" for test in run.tests):
        return MutantStatus.KILLED, None, "no test passed"
    return MutantStatus.SURVIVED, None, None


class TestOrder:
    """Orders the tests for the next mutant: most kills so far first, then the fastest."""

    __test__ = False  # not a pytest test class

    def __init__(self, durations: dict[str, float]) -> None:
        self.durations = durations
        self.kills: Counter[str] = Counter()
        self.lock = threading.Lock()

    def next(self) -> list[str]:
        with self.lock:
            return sorted(self.durations, key=lambda t: (-self.kills[t], self.durations[t]))

    def killed(self, name: str | None) -> None:
        if name is not None:
            with self.lock:
                self.kills[name] += 1


def usable_reference(reference: ValidationReport, content_hash: str) -> bool:
    """A validation of this content that passed with coverage: it tells which lines run."""
    return (
        reference.content_hash == content_hash
        and reference.verdict is Verdict.PASS
        and reference.branch_coverage is not None
    )


def mutate_task(
    task: Task,
    sandbox: Sandbox,
    *,
    reference: ValidationReport | None = None,
    max_mutants: int = DEFAULT_MAX_MUTANTS,
    timeout_s: float = 60.0,
    jobs: int = 1,
) -> MutationReport:
    """Mutation analysis of one task. `reference` is a current validation, if there is one."""
    started = time.perf_counter()
    report = MutationReport(
        task_id=task.task_id,
        content_hash=task.content_hash(),
        environment=run_fingerprint(sandbox),
    )
    if reference is None or not usable_reference(reference, report.content_hash):
        reference = validate_task(task, sandbox, timeout_s=timeout_s)
    if reference.verdict is not Verdict.PASS:
        report.problem = f"the reference solution does not pass: {reference.message}"
        report.duration_s = time.perf_counter() - started
        return report
    missed = set(reference.missed_lines)
    order = TestOrder({name: test.duration_s for name, test in reference.tests.items()})
    mutant_timeout = min(
        timeout_s, max(MIN_MUTANT_TIMEOUT_S, TIMEOUT_FACTOR * reference.duration_s)
    )

    def run_one(mutant: Mutant) -> MutantResult:
        result = MutantResult(
            id=mutant.id,
            operator=mutant.operator,
            line=mutant.line,
            description=mutant.description,
            diff=mutant.diff,
            status=MutantStatus.SURVIVED,
        )
        if mutant.line in missed:
            result.covered = False
            result.message = "no test runs this line"
            return result
        options = RunOptions(
            coverage=False, fail_fast=True, timeout_s=mutant_timeout, test_order=order.next()
        )
        run = sandbox.run(mutant.program, task.test, task.entry_point, options)
        result.status, result.killed_by, result.message = outcome_of(run)
        result.duration_s = run.duration_s
        order.killed(result.killed_by)
        return result

    mutants = task_mutants(task, max_mutants)
    if jobs > 1:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            report.mutants = list(pool.map(run_one, mutants))
    else:
        report.mutants = [run_one(mutant) for mutant in mutants]
    report.duration_s = time.perf_counter() - started
    return report
