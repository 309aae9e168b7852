"""Alternative solutions: other correct programs a task's tests must accept too.

A task folder may hold `alternatives/NAME.py`, each a whole task program (prompt and another
solution) written by hand or kept from elsewhere. Each runs against the task's tests; a test
that fails an alternative passing every other test is reported as possibly over-strict, with
the alternative's diff, until the test changes (the task's content hash moves on) or a reviewer
records that the alternative is wrong. `alternatives.json` beside the task keeps the latest
runs (keyed by the task's content hash, the alternatives' hashes and the environment) and the
reviewers' "wrong" marks (each for one version of an alternative).

The folder is a sidecar like any other: a task save carries it over, loading a task and
exporting the bank never read it.
"""

from __future__ import annotations

import difflib
import hashlib
import re
from datetime import datetime
from pathlib import Path

from pydantic import Field

from curator import environment
from curator.bank import Bank
from curator.errors import CuratorError, TaskFileError
from curator.fsutil import atomic_write, read_text
from curator.models import StrictModel, Task, utc_now
from curator.program import docstring_span, entry_function, parse_quietly
from curator.quality import record_quality
from curator.sandbox import RunOptions, Sandbox
from curator.validation import run_fingerprint

ALTERNATIVES_DIR = "alternatives"
RESULT_FILE = "alternatives.json"
_NAME = re.compile(r"[^A-Za-z0-9_-]+")


class AlternativeError(CuratorError):
    """An alternative that cannot be added or decided on, named with the reason."""


class WrongMark(StrictModel):
    """A reviewer's decision that one version of an alternative is not a correct solution."""

    content_hash: str = Field(description="The alternative's version the mark is for.")
    reason: str
    who: str
    at: datetime = Field(default_factory=utc_now)


class AlternativeResult(StrictModel):
    name: str
    content_hash: str
    tests: dict[str, str] = Field(default_factory=dict, description="Test name -> outcome.")
    failed: dict[str, str] = Field(
        default_factory=dict, description="Failing test -> its assertion or exception line."
    )
    problem: str | None = Field(default=None, description="Why the run did not complete.")
    diff: str = Field(
        default="",
        description="Unified diff, reference program to alternative, without the docstring.",
    )


class OverStrictFinding(StrictModel):
    """A test that fails an alternative which passes every other test."""

    test: str
    alternative: str
    message: str | None = None
    diff: str


class AlternativesReport(StrictModel):
    task_id: str
    content_hash: str
    environment: str
    results: list[AlternativeResult] = Field(default_factory=list)
    wrong: dict[str, WrongMark] = Field(default_factory=dict)
    findings: list[OverStrictFinding] = Field(default_factory=list)
    at: datetime = Field(default_factory=utc_now)

    def refresh_findings(self) -> None:
        """Findings of every alternative not marked wrong in its current version."""
        self.findings = []
        for result in self.results:
            mark = self.wrong.get(result.name)
            if mark is not None and mark.content_hash == result.content_hash:
                continue
            if result.problem is None and len(result.failed) == 1 and len(result.tests) > 1:
                test, message = next(iter(result.failed.items()))
                self.findings.append(
                    OverStrictFinding(
                        test=test, alternative=result.name, message=message, diff=result.diff
                    )
                )


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def alternatives_dir(bank: Bank, task_id: str) -> Path:
    return bank.task_dir(task_id) / ALTERNATIVES_DIR


def read_alternatives(bank: Bank, task_id: str) -> dict[str, str]:
    """Name -> program of every `alternatives/*.py` of the task."""
    directory = alternatives_dir(bank, task_id)
    if not directory.is_dir():
        return {}
    found = {}
    for path in sorted(directory.glob("*.py")):
        try:
            found[path.stem] = read_text(path)
        except UnicodeDecodeError as error:
            raise TaskFileError(path, f"not UTF-8 ({error})") from error
    return found


def as_program(task: Task, source: str) -> str:
    """A whole program from a file: as it is if it defines the entry point, else the prompt
    followed by the file as the solution body."""
    try:
        if entry_function(parse_quietly(source), task.entry_point) is not None:
            return source
    except SyntaxError:
        pass  # perhaps a solution body, indented to follow the prompt
    program = task.complete_prompt + source
    try:
        parse_quietly(program)
    except SyntaxError as error:
        raise AlternativeError(
            f"the alternative does not define {task.entry_point} and does not complete the "
            f"prompt as a solution body: {error}"
        ) from error
    return program


def add_alternative(bank: Bank, task: Task, source: str, name: str) -> str:
    """Store an alternative under `alternatives/NAME.py`; returns the name used."""
    clean = _NAME.sub("-", name).strip("-") or "alternative"
    program = as_program(task, source)
    with bank.lock():
        directory = alternatives_dir(bank, task.task_id)
        directory.mkdir(exist_ok=True)
        atomic_write(directory / f"{clean}.py", program)
    return clean


def code_lines(program: str, entry_point: str) -> list[str]:
    """The program's lines without the entry point's docstring: an alternative written from the
    instruction alone has none, and its diff showed some forty docstring lines deleted around
    the one line of code that differed."""
    lines = program.splitlines(keepends=True)
    span = docstring_span(program, entry_point)
    if span is None:
        return lines
    first, last = span
    return lines[: first - 1] + lines[last:]


def diff_from_reference(task: Task, program: str, name: str) -> str:
    """How another solution of the task differs from its reference, docstrings left out
    (`code_lines`), every line ending in a newline."""
    return "".join(
        line if line.endswith("\n") else line + "\n"
        for line in difflib.unified_diff(
            code_lines(task.program, task.entry_point),
            code_lines(program, task.entry_point),
            "a/task.py",
            f"b/{name}",
            n=2,
        )
    )


def run_alternatives(
    task: Task, alternatives: dict[str, str], sandbox: Sandbox, timeout_s: float
) -> AlternativesReport:
    """Run each alternative solution against the task's tests, under `timeout_s` (the limit the
    task validates under, `validation.task_timeout`)."""
    report = AlternativesReport(
        task_id=task.task_id,
        content_hash=task.content_hash(),
        environment=run_fingerprint(sandbox),
    )
    for name, program in alternatives.items():
        run = sandbox.run(
            program, task.test, task.entry_point, RunOptions(coverage=False, timeout_s=timeout_s)
        )
        diff = diff_from_reference(task, program, f"{ALTERNATIVES_DIR}/{name}.py")
        result = AlternativeResult(name=name, content_hash=content_hash(program), diff=diff)
        if run.status != "completed":
            result.problem = run.message or run.status
        result.tests = {test.name: test.outcome for test in run.tests}
        result.failed = {
            test.name: test.message or test.outcome
            for test in run.tests
            if test.outcome not in ("pass", "skip")
        }
        report.results.append(result)
    return report


def read_report(bank: Bank, task_id: str) -> AlternativesReport | None:
    return bank.read_sidecar(task_id, RESULT_FILE, AlternativesReport)


def current_report(bank: Bank, task: Task) -> AlternativesReport | None:
    """The stored report if it is of this task content, these alternatives and environment."""
    report = read_report(bank, task.task_id)
    if report is None or report.content_hash != task.content_hash():
        return None
    if report.environment != environment.bank_fingerprint(bank.root):
        return None
    now = {name: content_hash(text) for name, text in read_alternatives(bank, task.task_id).items()}
    if now != {result.name: result.content_hash for result in report.results}:
        return None
    return report


def store_report(bank: Bank, report: AlternativesReport) -> AlternativesReport:
    """Write `alternatives.json`, keeping the reviewers' marks; refuses a stale run."""
    with bank.lock():
        bank.load_unchanged(
            report.task_id,
            report.content_hash,
            "its alternatives ran",
            "alternatives",
            AlternativeError,
        )
        try:
            previous = read_report(bank, report.task_id)
        except TaskFileError:
            previous = None
        if previous is not None:
            report.wrong = {**previous.wrong, **report.wrong}
        report.refresh_findings()
        bank.write_sidecar(report.task_id, RESULT_FILE, report)
        record_summary(bank, report)
    return report


def record_summary(bank: Bank, report: AlternativesReport) -> None:
    """The over-strict tests in task.json, where the stage gate and the release read them."""
    record_quality(
        bank,
        report.task_id,
        report.content_hash,
        over_strict=[f"{f.test} ({f.alternative})" for f in report.findings],
        alternatives_content_hash=report.content_hash,
    )


def mark_wrong(bank: Bank, task_id: str, name: str, reason: str, who: str) -> AlternativesReport:
    """Record that the current version of an alternative is not a correct solution."""
    if not reason.strip():
        raise AlternativeError("give a reason (--reason) why the alternative is wrong")
    with bank.lock():
        report = read_report(bank, task_id)
        result = (
            None if report is None else next((r for r in report.results if r.name == name), None)
        )
        if report is None or result is None:
            raise AlternativeError(
                f"{task_id}: no checked alternative {name!r} (run `curator alternatives` first)"
            )
        report.wrong[name] = WrongMark(
            content_hash=result.content_hash, reason=reason.strip(), who=who
        )
        report.refresh_findings()
        bank.write_sidecar(task_id, RESULT_FILE, report)
        record_summary(bank, report)
    return report
