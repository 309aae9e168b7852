"""The validation stage: run a task's tests in the sandbox, measure coverage, check statically.

    report = validate_task(task, sandbox)      # ValidationReport
    store_report(bank, task, report)            # validation.json sidecar + task.validation

The verdict reflects execution only (`pass`, `fail`, `error`, `timeout`, `environment`);
static problems and risky-test warnings are reported beside it and never turn a passing run into
a failure, except `invalid` for a task that cannot run at all (does not compile, no entry point,
no TestCases). Reports are keyed by the task's content hash and the environment fingerprint:
`current_report` returns a stored report only while both still match.
"""

from __future__ import annotations

import stat
import time
from pathlib import Path

from pydantic import BaseModel, Field

from curator import environment
from curator.bank import Bank
from curator.models import Task, ValidationSummary, Verdict, utc_now
from curator.program import docstring_span
from curator.sandbox import DoctestResult, RunOptions, Sandbox, SuiteRun, TestOutcome
from curator.static_checks import (
    StaticProblem,
    blocking_problems,
    doctest_eligible,
    risky_test_warnings,
    static_problems,
)

REPORT_FILE = "validation.json"


class ValidationReport(BaseModel):
    """Everything one validation found; stored as the task's `validation.json` sidecar."""

    task_id: str
    verdict: Verdict
    message: str | None = Field(default=None, description="Why the verdict is not `pass`.")
    content_hash: str
    environment: str = Field(description="Fingerprint of the Python and library versions.")
    run_status: str | None = Field(default=None, description="The sandbox run's status.")
    tests: dict[str, TestOutcome] = Field(default_factory=dict)
    tests_total: int = 0
    tests_passed: int = 0
    branch_coverage: float | None = None
    line_coverage: float | None = None
    missed_lines: list[int] = Field(default_factory=list, description="Lines of task.py.")
    missed_branches: list[tuple[int, int]] = Field(
        default_factory=list, description="Arcs of task.py not taken: (from line, to line)."
    )
    static: list[StaticProblem] = Field(default_factory=list)
    warnings: list[StaticProblem] = Field(
        default_factory=list, description="Risky-test detections and failing docstring examples."
    )
    doctest: DoctestResult | None = None
    missing_module: str | None = None
    sandbox_error: bool = Field(
        default=False, description="The sandbox failed; the result is not kept as current."
    )
    duration_s: float = 0.0
    network_isolated: bool = False
    notes: list[str] = Field(default_factory=list)
    stdout_tail: str = ""
    stderr_tail: str = ""
    at: str = Field(default_factory=lambda: utc_now().isoformat())

    def summary(self) -> ValidationSummary:
        return ValidationSummary(
            verdict=self.verdict,
            content_hash=self.content_hash,
            environment=self.environment,
            tests_total=self.tests_total,
            tests_passed=self.tests_passed,
            branch_coverage=self.branch_coverage,
            line_coverage=self.line_coverage,
            static_problems=len(self.static),
            duration_s=self.duration_s,
        )

    def json_row(self) -> dict[str, object]:
        """The `curator validate --json` line."""
        row = self.model_dump(
            mode="json",
            include={
                "task_id",
                "verdict",
                "message",
                "branch_coverage",
                "line_coverage",
                "missed_lines",
                "missed_branches",
                "static",
                "warnings",
                "missing_module",
                "duration_s",
                "network_isolated",
                "content_hash",
                "environment",
            },
        )
        row["tests"] = {name: outcome.outcome for name, outcome in self.tests.items()}
        return row


def verdict_of(run: SuiteRun) -> tuple[Verdict, str | None]:
    """Map a sandbox run to a verdict, with the reason when it is not `pass`."""
    if run.status == "environment":
        return Verdict.ENVIRONMENT, run.message
    if run.status == "invalid":
        return Verdict.INVALID, run.message
    if run.status == "timeout":
        return Verdict.TIMEOUT, run.message
    if run.status in ("memory", "crashed"):
        return Verdict.ERROR, run.message
    failing = [test for test in run.tests if test.outcome not in ("pass", "skip")]
    if any(test.outcome == "error" for test in failing):
        first = next(test for test in failing if test.outcome == "error")
        return Verdict.ERROR, f"{first.name}: {first.message}"
    if failing:
        return Verdict.FAIL, f"{failing[0].name}: {failing[0].message}"
    if not any(test.outcome == "pass" for test in run.tests):
        return Verdict.FAIL, "no test passed"
    return Verdict.PASS, None


StaticChecks = tuple[list[StaticProblem], list[StaticProblem]]


def static_checks(task: Task) -> StaticChecks:
    """The static problems and the risky-test warnings of a task: no execution involved."""
    return static_problems(task), risky_test_warnings(task)


def validate_task(
    task: Task,
    sandbox: Sandbox | None = None,
    *,
    coverage: bool = True,
    timeout_s: float = 60.0,
    checks: StaticChecks | None = None,
) -> ValidationReport:
    """Validate one task. Without a sandbox, a temporary one is started and stopped.

    `checks` are the task's static checks if the caller ran them already (`static_checks`),
    for example while the sandbox was starting.
    """
    started = time.perf_counter()
    static, warnings = checks if checks is not None else static_checks(task)
    report = ValidationReport(
        task_id=task.task_id,
        verdict=Verdict.INVALID,
        content_hash=task.content_hash(),
        environment=environment.fingerprint(),
        static=static,
        warnings=warnings,
    )
    blocking = blocking_problems(static)
    if blocking:
        report.message = "; ".join(
            f"{problem.file}:{problem.line or '-'}: {problem.message}" for problem in blocking
        )
    else:
        options = RunOptions(
            coverage=coverage, timeout_s=timeout_s, doctests=doctest_eligible(task)
        )
        if sandbox is None:
            with Sandbox(preload=False) as own:
                run = own.run(task.program, task.test, task.entry_point, options)
        else:
            run = sandbox.run(task.program, task.test, task.entry_point, options)
        apply_run(report, run, docstring_span(task.program, task.entry_point))
    report.duration_s = time.perf_counter() - started
    return report


def apply_run(
    report: ValidationReport, run: SuiteRun, docstring: tuple[int, int] | None = None
) -> None:
    report.verdict, report.message = verdict_of(run)
    report.run_status = run.status
    report.tests = {test.name: test for test in run.tests}
    report.tests_total = len(run.tests)
    report.tests_passed = sum(test.outcome == "pass" for test in run.tests)
    report.missing_module = run.missing_module
    report.network_isolated = run.network_isolated
    report.notes = run.notes
    report.stdout_tail = run.stdout_tail[-4000:]
    report.stderr_tail = run.stderr_tail[-4000:]
    report.doctest = run.doctest
    report.sandbox_error = run.sandbox_error
    if run.coverage is not None and run.status == "completed":
        report.branch_coverage = round(run.coverage.branch_coverage, 2)
        report.line_coverage = round(run.coverage.line_coverage, 2)
        report.missed_lines = run.coverage.missed_lines
        report.missed_branches = run.coverage.missed_branches
    if run.doctest is not None and run.doctest.failed:
        report.warnings.append(
            StaticProblem(
                code="doctest",
                message=f"{run.doctest.failed} of {run.doctest.attempted} docstring example(s) "
                "give other output than shown",
                line=docstring[0] if docstring else None,
            )
        )


def bank_notes(bank: Bank) -> list[str]:
    """Warn when the sandbox's unprivileged user could write the bank."""
    notes = []
    for path in (bank.root, *bank.root.iterdir()):
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if mode & stat.S_IWOTH:
            notes.append(f"{path} is world-writable: task code could change it")
            break
    return notes


def stale_reason(report: ValidationReport, task: Task) -> str | None:
    """Why a stored report no longer speaks for `task` here; None while it does."""
    if report.content_hash != task.content_hash():
        return f"the task changed since this run (it ran on content {report.content_hash})"
    here = environment.fingerprint()
    if report.environment != here:
        return f"it ran in another environment ({report.environment}; here: {here})"
    return None


def stored_report(bank: Bank, task: Task) -> ValidationReport | None:
    """The stored report, current or not (None when there is none or the sandbox failed)."""
    report = bank.read_sidecar(task.task_id, REPORT_FILE, ValidationReport)
    return None if report is None or report.sandbox_error else report


def current_report(bank: Bank, task: Task) -> ValidationReport | None:
    """The stored report, if it is for this exact content and this environment."""
    report = stored_report(bank, task)
    return report if report is not None and stale_reason(report, task) is None else None


def store_report(bank: Bank, task: Task, report: ValidationReport) -> None:
    """Write `validation.json` and the task's summary, unless the task changed meanwhile."""
    with bank.lock():
        bank.write_sidecar(task.task_id, REPORT_FILE, report)
        on_disk = bank.load(task.task_id)
        if on_disk.content_hash() == report.content_hash:
            on_disk.validation = report.summary()
            bank.save(on_disk)
    task.validation = report.summary()


def sandbox_for(bank: Bank) -> Sandbox:
    """A sandbox that hides the bank from task code."""
    return Sandbox(protect=[Path(bank.root)])
