"""The one place where LLM operations run a task in the sandbox (through the validation stage).

Every proposal is validated before it is shown as ready; pre-evaluation runs each sampled
solution against the task's tests.
"""

from __future__ import annotations

from curator.llm.proposals import ProposalCheck
from curator.models import Task
from curator.sandbox import Sandbox
from curator.validation import ValidationReport, validate_task


def check_task(
    task: Task, sandbox: Sandbox | None = None, bank_timeout_s: float | None = None
) -> ProposalCheck:
    """Validate one version of a task with branch coverage, as the validation stage does, under
    the limit it validates under (its own, else the bank's `bank_timeout_s`)."""
    limit = task.time_limit(bank_timeout_s)
    return proposal_check(validate_task(task, sandbox, coverage=True, timeout_s=limit))


def run_solution(
    task: Task, program: str, sandbox: Sandbox | None = None, bank_timeout_s: float | None = None
) -> ProposalCheck:
    """Run a candidate solution (a whole program) against the task's tests, without coverage,
    under the limit the task validates under."""
    candidate = task.model_copy(update={"complete_prompt": program, "canonical_solution": ""})
    limit = task.time_limit(bank_timeout_s)
    return proposal_check(validate_task(candidate, sandbox, coverage=False, timeout_s=limit))


def proposal_check(report: ValidationReport) -> ProposalCheck:
    return ProposalCheck(
        verdict=report.verdict,
        tests_total=report.tests_total,
        tests_passed=report.tests_passed,
        failures={
            name: f"{test.outcome}" + (f": {test.message}" if test.message else "")
            for name, test in report.tests.items()
            if test.outcome != "pass"
        },
        branch_coverage=report.branch_coverage,
        line_coverage=report.line_coverage,
        missed_lines=report.missed_lines,
        missed_branches=report.missed_branches,
        static_problems=[
            f"{problem.where}: {problem.message} ({problem.code})" for problem in report.static
        ],
        message=report.message or "",
    )
