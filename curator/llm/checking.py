"""The one place where LLM operations run a task in the sandbox (through the validation stage).

Every proposal is validated before it is shown as ready; pre-evaluation runs each sampled
solution against the task's tests.
"""

from __future__ import annotations

from curator.llm.proposals import ProposalCheck
from curator.models import Task


def check_task(task: Task) -> ProposalCheck:
    """Validate one version of a task with branch coverage, as the validation stage does."""
    from curator.validation import validate_task

    report = validate_task(task, coverage=True)
    return ProposalCheck(
        verdict=report.verdict,
        tests_total=len(report.tests),
        tests_passed=sum(1 for outcome in report.tests.values() if _passed(outcome)),
        failures={
            name: _describe(outcome)
            for name, outcome in report.tests.items()
            if not _passed(outcome)
        },
        branch_coverage=report.branch_coverage,
        line_coverage=report.line_coverage,
        missed_lines=list(report.missed_lines),
        missed_branches=[tuple(arc) for arc in report.missed_branches],
        static_problems=[str(problem) for problem in report.static_problems],
    )


def run_solution(task: Task, program: str) -> ProposalCheck:
    """Run a candidate solution (a whole program) against the task's tests, without coverage."""
    from curator.validation import validate_task

    candidate = task.model_copy(update={"complete_prompt": program, "canonical_solution": ""})
    report = validate_task(candidate, coverage=False)
    return ProposalCheck(
        verdict=report.verdict,
        tests_total=len(report.tests),
        tests_passed=sum(1 for outcome in report.tests.values() if _passed(outcome)),
        failures={
            name: _describe(outcome)
            for name, outcome in report.tests.items()
            if not _passed(outcome)
        },
    )


def _passed(outcome: object) -> bool:
    return str(getattr(outcome, "status", outcome)) == "pass"


def _describe(outcome: object) -> str:
    return str(outcome)
