"""The flaky-test evidence kept with a task in `flaky.json`: every run, every outcome, a verdict.

A maintainer deciding on a flag needs to see what was varied in each run, what each test did,
and the failure itself; a detection is replayable from its recorded seeds.
"""

from __future__ import annotations

import difflib
from dataclasses import replace
from datetime import datetime
from enum import StrEnum

from pydantic import Field

from curator.models import StrictModel, utc_now
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


class RunRecord(StrictModel):
    spec: RunSpec
    status: str = Field(description="How the suite run ended: completed, timeout, crashed, ...")
    duration_s: float = 0.0
    detail: str | None = Field(default=None, description="Why a run did not complete.")
    results: dict[str, Cell] = Field(
        default_factory=dict, description="Test name -> its result; absent if it did not run."
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
    runs: int = Field(description="Runs in which the test ran.")
    failures: int = Field(description="Runs in which it failed, errored or timed out.")


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

    def unfinished_runs(self) -> list[RunRecord]:
        """The runs that ended before their tests did (a crash, the memory limit): the tests
        were not checked under those runs' variations, which no verdict shows. A run that timed
        out is not among them: its timed-out test counts, as a timing problem."""
        return [run for run in self.runs if run.status not in ("completed", "timeout")]

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

    def flaky_tests(self) -> dict[str, FlakyVerdict]:
        return {
            name: verdict
            for name, verdict in self.verdicts.items()
            if verdict.classification.is_flaky
        }


def with_flaky_check(facts: PipelineFacts, evidence: FlakyEvidence | None) -> PipelineFacts:
    """`facts` with the stage gate's "flaky check": the content a completed detection covered
    and the time limit per run it ran under (neither if none completed)."""
    if evidence is None or evidence.problem is not None:
        return facts
    return replace(
        facts, flaky_checked_hash=evidence.content_hash, flaky_checked_timeout_s=evidence.timeout_s
    )
