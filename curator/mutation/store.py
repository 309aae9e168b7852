"""`mutation.json`: a task's latest mutation analysis and the reviewers' equivalence marks.

The analysis is keyed by the task's content hash and the environment fingerprint, like
validation: `current_report` returns it only while both still match. Equivalence marks are kept
by mutant id across reruns (an id hashes the change itself, not where it sits), so a reviewer
decides once per mutant.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from pydantic import Field

from curator import environment
from curator.bank import Bank
from curator.errors import CuratorError, TaskFileError
from curator.models import StrictModel, Task, utc_now
from curator.quality import record_quality

MUTATION_FILE = "mutation.json"


class MutantStatus(StrEnum):
    KILLED = "killed"
    SURVIVED = "survived"
    TIMEOUT = "timeout"
    ERROR = "error"
    NON_VIABLE = "non-viable"
    """The mutant's run ended before any test started (its program did not load) or showed
    tampering: no test noticed anything, as a program that checks its own code at load would
    make every mutant do."""


UNSCORED = (MutantStatus.ERROR, MutantStatus.NON_VIABLE)


class MutantResult(StrictModel):
    """One mutant of the reference solution and how the tests took it."""

    id: str = Field(description="Hash of the operator and the changed lines; stable across edits.")
    operator: str
    line: int = Field(description="First changed line of task.py.")
    description: str
    diff: str = Field(description="Unified diff of task.py, reference to mutant.")
    status: MutantStatus
    killed_by: str | None = Field(default=None, description="The first test that failed.")
    message: str | None = Field(default=None, description="Why it was killed, or what failed.")
    covered: bool = Field(
        default=True, description="False: no test runs the line, so it was not run at all."
    )
    duration_s: float = 0.0


class EquivalentMark(StrictModel):
    """A reviewer's decision that a mutant behaves like the reference (no test can kill it)."""

    reason: str
    who: str
    at: datetime = Field(default_factory=utc_now)


class MutationReport(StrictModel):
    """Everything one mutation analysis found; stored as the task's `mutation.json` sidecar."""

    task_id: str
    content_hash: str
    environment: str = Field(description="Fingerprint of the Python and library versions.")
    problem: str | None = Field(
        default=None, description="Why no mutant was run (the reference does not pass)."
    )
    mutants: list[MutantResult] = Field(default_factory=list)
    equivalent: dict[str, EquivalentMark] = Field(
        default_factory=dict, description="Mutant id -> the reviewer's equivalence mark."
    )
    duration_s: float = 0.0
    at: datetime = Field(default_factory=utc_now)

    def count(self, status: MutantStatus) -> int:
        return sum(mutant.status is status for mutant in self.mutants)

    @property
    def score(self) -> float | None:
        """Percent of non-equivalent mutants the tests detect (killed or timed out).

        Mutants the sandbox could not run (`error`) or that ended before a test noticed
        anything (`non-viable`) say nothing about the tests and are left out; None when nothing
        is left to score.
        """
        counted = [
            mutant
            for mutant in self.mutants
            if mutant.id not in self.equivalent and mutant.status not in UNSCORED
        ]
        if not counted:
            return None
        detected = sum(
            mutant.status in (MutantStatus.KILLED, MutantStatus.TIMEOUT) for mutant in counted
        )
        return round(100.0 * detected / len(counted), 1)

    def survivors(self) -> list[MutantResult]:
        """Surviving mutants no reviewer has marked equivalent."""
        return [
            mutant
            for mutant in self.mutants
            if mutant.status is MutantStatus.SURVIVED and mutant.id not in self.equivalent
        ]

    def equivalent_ids(self) -> list[str]:
        """Mutants of this analysis that a reviewer marked equivalent."""
        return sorted(set(self.equivalent) & {mutant.id for mutant in self.mutants})

    def json_row(self) -> dict[str, object]:
        """The `curator mutate --json` line."""
        return {
            "task_id": self.task_id,
            "score": self.score,
            "mutants": len(self.mutants),
            "killed": self.count(MutantStatus.KILLED),
            "timeout": self.count(MutantStatus.TIMEOUT),
            "error": self.count(MutantStatus.ERROR),
            "non_viable": self.count(MutantStatus.NON_VIABLE),
            "equivalent": self.equivalent_ids(),
            "survived": [
                {
                    "id": mutant.id,
                    "operator": mutant.operator,
                    "line": mutant.line,
                    "diff": mutant.diff,
                }
                for mutant in self.survivors()
            ],
            "problem": self.problem,
            "duration_s": round(self.duration_s, 3),
            "content_hash": self.content_hash,
            "environment": self.environment,
        }


class MutationError(CuratorError):
    """A mutation request the stored analysis cannot satisfy (no analysis, no such mutant)."""


def read_report(bank: Bank, task_id: str) -> MutationReport | None:
    return bank.read_sidecar(task_id, MUTATION_FILE, MutationReport)


def current_report(bank: Bank, task: Task) -> MutationReport | None:
    """The stored analysis, if it is of this exact content in this environment."""
    report = read_report(bank, task.task_id)
    if report is None or report.content_hash != task.content_hash():
        return None
    if report.environment != environment.bank_fingerprint(bank.root):
        return None
    return report


def store_report(bank: Bank, report: MutationReport) -> None:
    """Write `mutation.json`, keeping every equivalence mark made before; refuses stale runs."""
    with bank.lock():
        bank.load_unchanged(
            report.task_id, report.content_hash, "its mutants ran", "mutate", MutationError
        )
        try:
            previous = read_report(bank, report.task_id)
        except TaskFileError:
            previous = None  # an unreadable old analysis: the new one replaces it
        if previous is not None:
            report.equivalent = {**previous.equivalent, **report.equivalent}
        if previous is None or findings(previous) != findings(report):
            bank.write_sidecar(report.task_id, MUTATION_FILE, report)
        record_summary(bank, report)


# What a rerun may change without finding anything new: its timings.
TIMINGS: dict[str, object] = {
    "duration_s": True,
    "at": True,
    "mutants": {"__all__": {"duration_s"}},
}


def findings(report: MutationReport) -> dict[str, object]:
    """The report without its timings: a rerun (`mutate --force`) that finds the same is not
    written, so an accepted task's folder stays as committed (its timestamps alone kept a
    release waiting for a commit of nothing)."""
    return report.model_dump(exclude=TIMINGS)  # type: ignore[arg-type]


def record_summary(bank: Bank, report: MutationReport) -> None:
    """The score in task.json, where the stage gate and the release read it."""
    record_quality(
        bank,
        report.task_id,
        report.content_hash,
        mutation_score=report.score,
        mutants=len(report.mutants),
        survived=len(report.survivors()),
        mutation_content_hash=report.content_hash,
    )


def mark_equivalent(
    bank: Bank, task_id: str, mutant_id: str, reason: str, who: str
) -> MutationReport:
    """Record that a surviving mutant of the stored analysis is equivalent to the reference."""
    if not reason.strip():
        raise MutationError("give a reason (--reason) why the mutant is equivalent")
    with bank.lock():
        report = read_report(bank, task_id)
        if report is None:
            raise MutationError(f"{task_id}: no mutation analysis yet (run `curator mutate`)")
        mutant = next((m for m in report.mutants if m.id == mutant_id), None)
        if mutant is None:
            raise MutationError(f"{task_id}: no mutant {mutant_id!r} in its mutation analysis")
        if mutant.status is not MutantStatus.SURVIVED:
            raise MutationError(
                f"{task_id}: mutant {mutant_id} was {mutant.status.value}, not survived: "
                "the tests already tell it apart"
            )
        marked = report.equivalent.get(mutant_id)
        if marked is not None:  # a second mark replaced the first reviewer's reason
            raise MutationError(
                f"{task_id}: mutant {mutant_id} is marked equivalent already, by {marked.who}: "
                f"{marked.reason}"
            )
        report.equivalent[mutant_id] = EquivalentMark(reason=reason.strip(), who=who)
        bank.write_sidecar(task_id, MUTATION_FILE, report)
        record_summary(bank, report)
    return report


def unmark_equivalent(
    bank: Bank, task_id: str, mutant_id: str
) -> tuple[MutationReport, EquivalentMark]:
    """Take back a reviewer's equivalence mark (a mistaken one held the score up for good);
    returns the report without it and the mark. A surviving mutant counts again."""
    with bank.lock():
        report = read_report(bank, task_id)
        if report is None:
            raise MutationError(f"{task_id}: no mutation analysis yet (run `curator mutate`)")
        removed = report.equivalent.pop(mutant_id, None)
        if removed is None:
            marked = ", ".join(sorted(report.equivalent)) or "none"
            raise MutationError(
                f"{task_id}: mutant {mutant_id!r} is not marked equivalent (marked: {marked})"
            )
        bank.write_sidecar(task_id, MUTATION_FILE, report)
        record_summary(bank, report)
    return report, removed
