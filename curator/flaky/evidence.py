"""The flaky-test evidence kept with a task in `flaky.json`: every run, every outcome, a verdict.

A maintainer deciding on a flag needs to see what was varied in each run, what each test did,
and the failure itself; a detection is replayable from its recorded seeds.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import TypeVar

from pydantic import Field, model_validator

from curator.models import StrictModel, Task, utc_now
from curator.pipeline import PipelineFacts

EVIDENCE_FILE = "flaky.json"


class Classification(StrEnum):
    STABLE_PASS = "stable-pass"
    STABLE_FAIL = "stable-fail"
    NONDETERMINISTIC = "nondeterministic"
    ORDER_DEPENDENT = "order-dependent"
    ENVIRONMENT_SENSITIVE = "environment-sensitive"
    TIMING = "timing"

    @property
    def is_flaky(self) -> bool:
        return self not in (Classification.STABLE_PASS, Classification.STABLE_FAIL)


class RunKind(StrEnum):
    """What a run varies, relative to the baseline run. A detection run varies everything at
    once; an attribution run (random-state to date) varies one factor of a detection run."""

    BASELINE = "baseline"
    DETECTION = "detection"
    REPEAT = "repeat"
    RANDOM_STATE = "random-state"
    REVERSED = "reversed"
    SHUFFLED = "shuffled"
    ISOLATED = "isolated"
    HASH_SEED = "hash-seed"
    CLOCK = "clock"
    DATE = "date"
    REPLAY = "replay"


class RunSpec(StrictModel):
    """One run of a task's suite: everything needed to replay it."""

    index: int
    kind: RunKind
    order: list[str] = Field(
        description="The order the tests run in; for an isolated run, the tests each run alone."
    )
    isolated: bool = Field(default=False, description="Each test runs alone, in its own run.")
    order_seed: int | None = Field(default=None, description="Seed of the shuffled order.")
    hash_seed: int = Field(description="PYTHONHASHSEED of the interpreter.")
    random_seed: int = Field(
        description="Seed of stdlib `random` and numpy's global generator, set before each test."
    )
    tz: str = "UTC"
    clock_at: datetime | None = Field(
        default=None, description="What the clock reads when the run starts; None: the real time."
    )
    replay_of: int | None = Field(default=None, description="The run this one replays.")
    attribution_of: int | None = Field(
        default=None,
        description="The detection run whose outcome this run tries to reproduce with one of "
        "its differences from the baseline (or, for a date run, its date in UTC).",
    )

    def replay(self, index: int) -> RunSpec:
        return self.model_copy(
            update={"index": index, "kind": RunKind.REPLAY, "replay_of": self.index}
        )


class Outcome(StrEnum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"
    SKIP = "skip"
    TIMEOUT = "timeout"

    @property
    def failed(self) -> bool:
        return self in (Outcome.FAIL, Outcome.ERROR, Outcome.TIMEOUT)


class Cell(StrictModel):
    """One cell of the run matrix."""

    outcome: Outcome
    duration_s: float = 0.0
    digest: str | None = Field(
        default=None, description="Digest of the failure's traceback; its text is in `failures`."
    )


class RunCoverage(StrictModel):
    """The solution's coverage in one run of the whole suite, under that run's seeds, order
    and clock: what a validation would have measured had it drawn them."""

    branch_coverage: float
    line_coverage: float
    missed_lines: list[int] = Field(default_factory=list)
    missed_branches: list[tuple[int, int]] = Field(
        default_factory=list, description="(from line, to line); a negative target is an exit."
    )


class RunRecord(StrictModel):
    spec: RunSpec
    status: str = Field(description="How the suite run ended: completed, timeout, crashed, ...")
    duration_s: float = 0.0
    detail: str | None = Field(default=None, description="Why a run did not complete.")
    results: dict[str, Cell] = Field(
        default_factory=dict, description="Test name -> its result; absent if it did not run."
    )
    coverage: RunCoverage | None = Field(
        default=None,
        description="The solution's coverage in this run, if it measured it "
        "(`curator.flaky.plan.measures_coverage`: not in an isolated run, a fresh "
        "interpreter's, or a later run) and completed. None also for a run whose tests ran past "
        "the time limit only under coverage (a run without it gave the outcomes), and in "
        "evidence from before coverage was measured.",
    )


@dataclass(frozen=True)
class CoverageVariation:
    """Lines and branches the tests reach in some runs and not in others: the task's coverage
    figure is then a draw (an unseeded random choice, the clock, the order of the tests), and
    a release may report another one than the validation did."""

    runs: int
    """Runs compared: each completed, with coverage, every test's outcome the baseline's."""
    branch_coverage: tuple[float, float]
    """The lowest and highest branch coverage among them."""
    lines: dict[int, int]
    """Line -> the compared runs that missed it (never 0 or all of them)."""
    branches: dict[tuple[int, int], int]
    """Branch -> the compared runs that missed it (never 0 or all of them)."""

    def misses(self) -> list[str]:
        """Each branch, then each line no listed branch leads to, with the runs that missed
        it."""
        targets = {end for _, end in self.branches}
        misses = [
            f"branch {start}→{end if end > 0 else 'exit'} (missed in {count})"
            for (start, end), count in sorted(self.branches.items())
        ]
        return misses + [
            f"line {line} (missed in {count})"
            for line, count in sorted(self.lines.items())
            if line not in targets
        ]

    def note(self) -> str:
        low, high = self.branch_coverage
        figures = (
            f"{low:.2f}% to {high:.2f}% of branches"
            if low != high
            else f"{low:.2f}% of branches in each, not the same ones"
        )
        return (
            f"coverage varies between runs ({figures}, over {self.runs} runs with the "
            f"baseline's outcomes); reached by chance only: {', '.join(self.misses())}"
        )


class Failure(StrictModel):
    """One distinct failure (same exception type at the same place), with a full traceback."""

    digest: str
    test: str
    outcome: Outcome
    message: str = ""
    traceback: str = ""
    runs: list[int] = Field(default_factory=list, description="The runs it happened in.")


def failure_diff(first: Failure, second: Failure) -> str:
    """A unified diff of two distinct failures' tracebacks: where and how they part."""
    return "".join(
        difflib.unified_diff(
            first.traceback.splitlines(keepends=True),
            second.traceback.splitlines(keepends=True),
            fromfile=f"failure {first.digest} (runs {', '.join(map(str, first.runs))})",
            tofile=f"failure {second.digest} (runs {', '.join(map(str, second.runs))})",
        )
    )


class FlakyVerdict(StrictModel):
    classification: Classification
    cause: str | None = None
    runs: int = Field(
        description="Detection runs in which the test ran (not the baseline, nor the "
        "attribution runs, which replay and isolate a failure)."
    )
    failures: int = Field(
        description="Of those, the runs in which it failed, errored or timed out."
    )


def detection_counts(runs: list[RunRecord], test: str) -> tuple[int, int]:
    """The detection runs in which `test` ran, and how many of those it failed in: the rate
    its verdict shows, over the runs its cause counts (attribution runs replay and isolate a
    failure; counted too, they gave "failed 8 of 27 runs" beside "fails in 5 of 19")."""
    cells = [
        run.results[test]
        for run in runs
        if run.spec.kind is RunKind.DETECTION and test in run.results
    ]
    return len(cells), sum(1 for cell in cells if cell.outcome.failed)


class FlakyEvidence(StrictModel):
    """Everything one flaky-test detection saw on one task."""

    task_id: str
    content_hash: str = Field(description="Content hash of the task the runs executed.")
    detection_seed: int = Field(description="Master seed: rerun with it to replay the plan.")
    runs_requested: int
    timeout_s: float
    tests: list[str] = Field(description="The suite's tests in their default order.")
    problem: str | None = Field(
        default=None, description="Why the suite could not be rerun (it did not load or run)."
    )
    runs: list[RunRecord] = Field(default_factory=list)
    failures: dict[str, Failure] = Field(default_factory=dict)
    verdicts: dict[str, FlakyVerdict] = Field(default_factory=dict)
    at: datetime = Field(default_factory=utc_now)

    @model_validator(mode="after")
    def _count_detection_runs(self) -> FlakyEvidence:
        """Each verdict's rate from the runs, as `detection_counts` says: evidence stored
        before counted the attribution runs too ("failed 8 of 27"). Without its runs, as
        stored, it keeps its counts."""
        for test, verdict in self.verdicts.items() if self.runs else ():
            verdict.runs, verdict.failures = detection_counts(self.runs, test)
        return self

    def ran(self, task: Task) -> bool:
        """Whether these runs ran this very content of the task (not an earlier one)."""
        return self.content_hash == task.content_hash()

    def unfinished_runs(self) -> list[RunRecord]:
        """The runs that ended before their tests did (a crash, the memory limit): the tests
        were not checked under those runs' variations, which no verdict shows. A run that timed
        out is not among them: its timed-out test counts, as a timing problem."""
        return [run for run in self.runs if run.status not in ("completed", "timeout")]

    def runs_title(self) -> str:
        """The runs as asked for (`--runs`), with the attribution runs the check added: "12
        runs" for `--runs 6` read as a miscount."""
        attribution = sum(
            run.spec.kind not in (RunKind.BASELINE, RunKind.DETECTION) for run in self.runs
        )
        asked = f"{len(self.runs) - attribution} runs"
        return f"{asked} (+{attribution} attribution)" if attribution else asked

    def runs_note(self) -> str:
        """What the runs were: "20 runs" above "failed 0 of 19" read as a miscount, since
        a verdict counts detection runs only, not the baseline or the attribution runs."""
        kinds = Counter(run.spec.kind for run in self.runs)
        baseline, detection = kinds.pop(RunKind.BASELINE, 0), kinds.pop(RunKind.DETECTION, 0)
        note = f"{len(self.runs)} runs: {baseline} baseline, {detection} detection"
        if kinds:
            attribution = ", ".join(f"{count} {kind.value}" for kind, count in kinds.items())
            note += f", {kinds.total()} attribution ({attribution})"
        return note + "; a test's failures count the detection runs"

    def unfinished_note(self) -> str | None:
        """`unfinished_runs` in a sentence: how many, why, which."""
        unfinished = self.unfinished_runs()
        if not unfinished:
            return None
        why = "; ".join(dict.fromkeys(f"{run.status}: {run.detail or '-'}" for run in unfinished))
        numbers = ", ".join(str(run.spec.index) for run in unfinished)
        return (
            f"{len(unfinished)} of {len(self.runs)} runs did not finish ({why}) in run(s)"
            f" {numbers}: the tests were not checked under their variations"
        )

    def coverage_variation(self) -> CoverageVariation | None:
        """What the compared runs' coverage disagrees on; None if it agrees or fewer than two
        runs can be compared. Runs where a test's outcome differs from the baseline's are left
        out: a failing test covers less, which its verdict already says."""
        if not self.runs:
            return None
        baseline = {name: cell.outcome for name, cell in self.runs[0].results.items()}
        measured = [
            run.coverage
            for run in self.runs
            if run.coverage is not None
            and run.status == "completed"
            and {name: cell.outcome for name, cell in run.results.items()} == baseline
        ]
        if len(measured) < 2:
            return None
        lines = _sometimes_missed([coverage.missed_lines for coverage in measured])
        branches = _sometimes_missed([coverage.missed_branches for coverage in measured])
        if not lines and not branches:
            return None
        figures = [coverage.branch_coverage for coverage in measured]
        return CoverageVariation(len(measured), (min(figures), max(figures)), lines, branches)

    def flaky_tests(self) -> dict[str, FlakyVerdict]:
        return {
            name: verdict
            for name, verdict in self.verdicts.items()
            if verdict.classification.is_flaky
        }


Miss = TypeVar("Miss", int, tuple[int, int])


def _sometimes_missed(misses_per_run: list[list[Miss]]) -> dict[Miss, int]:
    """What some runs missed and others did not, with how many runs missed it."""
    counts = Counter(miss for misses in misses_per_run for miss in set(misses))
    return {miss: count for miss, count in counts.items() if count < len(misses_per_run)}


def with_flaky_check(facts: PipelineFacts, evidence: FlakyEvidence | None) -> PipelineFacts:
    """`facts` with the stage gate's "flaky check": the content a completed detection covered,
    the time limit per run it ran under and the runs it was asked for (none if none completed)."""
    if evidence is None or evidence.problem is not None:
        return facts
    return replace(
        facts,
        flaky_checked_hash=evidence.content_hash,
        flaky_checked_timeout_s=evidence.timeout_s,
        flaky_checked_runs=evidence.runs_requested,
    )
