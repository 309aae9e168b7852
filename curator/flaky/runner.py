"""Running a detection: the plan's runs through the sandbox, attribution, then the verdicts.

The baseline runs first (it finds the tests' names and default order); the other detection
runs go to the sandbox in parallel; then, only if some test flipped, attribution runs in
rounds (each round's runs in parallel) until every flipped test has its cause. Warm forked
workers serve every run except the hash-seed ones, which the sandbox starts in fresh
interpreters because a fork inherits the parent's hash seed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from curator.flaky.classify import attribution_runs, classify, failure_digest
from curator.flaky.evidence import (
    Cell,
    Failure,
    FlakyEvidence,
    Outcome,
    RunCoverage,
    RunRecord,
    RunSpec,
)
from curator.flaky.hints import hints_for_test, task_hints
from curator.flaky.plan import (
    BASELINE_HASH_SEED,
    DEFAULT_RUNS,
    baseline_run,
    measures_coverage,
    new_detection_seed,
    plan_runs,
)
from curator.models import Task
from curator.sandbox import RunOptions, Sandbox, SuiteRun, TestOutcome
from curator.validation import COVERAGE_OVERTIME_SHARE, drop_pending_runs, slowed_by_coverage

# Worst first: how an isolated run, made of one sandbox run per test, ended as a whole.
STATUS_SEVERITY = ("invalid", "environment", "crashed", "memory", "timeout", "completed")
# Attribution rounds: one of one-factor runs, one of replays, then one per halving of the
# date range of a clock-driven flip (a day's precision over a century).
MAX_ATTRIBUTION_ROUNDS = 24

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class DetectionSettings:
    runs: int = DEFAULT_RUNS
    seed: int | None = None
    timeout_s: float | None = None
    """A suite run's time limit; None: the task's validation limit (the task's own, else the
    bank's as `flaky.stage.check` passes it, else the default), so that a task validated under
    a long limit is not found to time out in every run."""
    jobs: int = 2


def run_options(
    spec: RunSpec, order: list[str] | None, timeout_s: float, coverage: bool
) -> RunOptions:
    """What the sandbox needs for one run; a shifted clock is set relative to now, so that the
    task's clock reads `clock_at` when the run starts. A run with coverage has the overtime a
    validation grants it."""
    offset = spec.clock_at.timestamp() - time.time() if spec.clock_at else 0.0
    return RunOptions(
        test_order=order,
        hash_seed=spec.hash_seed,
        random_seed=spec.random_seed,
        tz=spec.tz,
        clock_offset_s=offset,
        coverage=coverage,
        coverage_overtime_s=COVERAGE_OVERTIME_SHARE * timeout_s if coverage else 0.0,
        timeout_s=timeout_s,
    )


class Detection:
    """One detection on one task: collects runs and distinct failures as they come in."""

    def __init__(self, task: Task, sandbox: Sandbox, settings: DetectionSettings) -> None:
        self.task = task
        self.sandbox = sandbox
        self.settings = settings
        self.timeout_s = settings.timeout_s or task.time_limit(None)
        self.seed = settings.seed if settings.seed is not None else new_detection_seed()
        self.failures: dict[str, Failure] = {}
        self.coverage_left_out = False
        """Set once a run timed out computing with coverage and again without it: each later
        run would pay coverage's overtime and a rerun for nothing (a test that loops)."""

    def run(self, progress: Progress | None = None) -> FlakyEvidence:
        settings = self.settings
        baseline_spec = baseline_run(self.seed)
        baseline_suite = self._sandbox_run(baseline_spec, None)
        tests = [outcome.name for outcome in baseline_suite.tests]
        specs = plan_runs(tests, settings.runs, self.seed)
        baseline = self._record(specs[0], [baseline_suite])
        evidence = FlakyEvidence(
            task_id=self.task.task_id,
            content_hash=self.task.content_hash(),
            detection_seed=self.seed,
            runs_requested=settings.runs,
            timeout_s=self.timeout_s,
            tests=tests,
            runs=[baseline],
        )
        if not tests:
            evidence.problem = (
                f"the suite did not run ({baseline_suite.status}): "
                f"{baseline_suite.message or 'no tests'}"
            )
            return evidence
        total = len(specs)
        if progress:
            progress(1, total)
        evidence.runs += self._run_all(specs[1:], progress, offset=1, total=total)
        for _ in range(MAX_ATTRIBUTION_ROUNDS):
            attribution = attribution_runs(evidence.runs, tests, self.timeout_s, evidence.at)
            if not attribution:
                break
            total += len(attribution)
            evidence.runs += self._run_all(
                attribution, progress, offset=len(evidence.runs), total=total
            )
        evidence.failures = self.failures
        hints = task_hints(self.task.program, self.task.test)
        evidence.verdicts = classify(
            evidence.runs,
            tests,
            self.timeout_s,
            list(self.failures.values()),
            {test: hints_for_test(hints, self.task.test, test) for test in tests},
            evidence.at,
        )
        return evidence

    def _run_all(
        self, specs: list[RunSpec], progress: Progress | None, offset: int, total: int
    ) -> list[RunRecord]:
        """Run specs in parallel; an isolated run is one sandbox run per test."""
        units: list[tuple[RunSpec, list[str]]] = []
        for spec in specs:
            if spec.isolated:
                units += [(spec, [test]) for test in spec.order]
            else:
                units.append((spec, spec.order))
        # Fresh interpreters (other hash seeds) take longest: start them first.
        units.sort(key=lambda unit: unit[0].hash_seed == BASELINE_HASH_SEED)
        results: dict[int, list[SuiteRun]] = {spec.index: [] for spec in specs}
        done = offset
        with ThreadPoolExecutor(max_workers=max(1, self.settings.jobs)) as pool:
            futures = [(spec, pool.submit(self._sandbox_run, spec, order)) for spec, order in units]
            try:
                for spec, future in futures:
                    results[spec.index].append(future.result())
                    if len(results[spec.index]) == (len(spec.order) if spec.isolated else 1):
                        done += 1
                        if progress:
                            progress(done, total)
            except BaseException as error:
                drop_pending_runs((pool,), self.sandbox, error)
                raise
        return [self._record(spec, results[spec.index]) for spec in specs]

    def _sandbox_run(self, spec: RunSpec, order: list[str] | None) -> SuiteRun:
        """One run; if coverage slowed its computing tests past the limit, the outcomes are a
        run's without coverage, as in a validation, so that coverage makes no test `timing`."""
        coverage = measures_coverage(spec) and not self.coverage_left_out
        options = run_options(spec, order, self.timeout_s, coverage)
        run = self._run_with(options)
        if not slowed_by_coverage(run, options):
            return run
        plain = self._run_with(
            options.model_copy(update={"coverage": False, "coverage_overtime_s": 0.0})
        )
        if run.status != "timeout":  # late: its tests all ended, so its coverage is whole
            plain.coverage = run.coverage
        elif plain.status == "timeout":
            self.coverage_left_out = True
        return plain

    def _run_with(self, options: RunOptions) -> SuiteRun:
        return self.sandbox.run(
            self.task.program, self.task.test, entry_point=self.task.entry_point, options=options
        )

    def _record(self, spec: RunSpec, suites: list[SuiteRun]) -> RunRecord:
        results: dict[str, Cell] = {}
        for suite in suites:
            for outcome in suite.tests:
                # A test the sandbox never started (an earlier one ended the run) is absent
                # from the matrix, not a failure; the test that was running does count.
                if not outcome.started:
                    continue
                cell = Cell(outcome=Outcome(outcome.outcome), duration_s=outcome.duration_s)
                if cell.outcome.failed:
                    cell.digest = self._failure(spec.index, outcome.name, suite, outcome)
                results[outcome.name] = cell
        statuses = [suite.status for suite in suites]
        status = min(statuses, key=STATUS_SEVERITY.index)
        messages = [suite.message for suite in suites if suite.message]
        measured = suites[0].coverage if len(suites) == 1 and status == "completed" else None
        return RunRecord(
            spec=spec,
            status=status,
            duration_s=sum(suite.duration_s for suite in suites),
            detail="; ".join(dict.fromkeys(messages)) or None,
            results=results,
            coverage=RunCoverage.model_validate(measured, from_attributes=True)
            if measured
            else None,
        )

    def _failure(self, run: int, test: str, suite: SuiteRun, outcome: TestOutcome) -> str:
        traceback = outcome.traceback or ""
        message = outcome.message or suite.message or ""
        digest = failure_digest(outcome.outcome, traceback, message)
        failure = self.failures.setdefault(
            digest,
            Failure(
                digest=digest,
                test=test,
                outcome=Outcome(outcome.outcome),
                message=message,
                traceback=traceback,
            ),
        )
        failure.runs.append(run)
        return digest


def detect_flaky(
    task: Task,
    sandbox: Sandbox,
    settings: DetectionSettings = DetectionSettings(),
    progress: Progress | None = None,
) -> FlakyEvidence:
    """Rerun a task's suite as the plan says and classify every test."""
    return Detection(task, sandbox, settings).run(progress)
