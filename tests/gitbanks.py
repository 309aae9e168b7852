"""Helpers for tests on banks in real git repositories (never the user's own git config)."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from curator.bank import Bank
from curator.environment import fingerprint
from curator.flaky.evidence import EVIDENCE_FILE, FlakyEvidence
from curator.history import commit_new_bank, commit_task
from curator.models import Stage, Task, ValidationSummary, Verdict
from curator.validation import REPORT_FILE, ValidationReport

ANNOTATOR = "Ada Annotator"
ENVIRONMENT = fingerprint()  # curator's own: a bank with no environment/ validates there


def isolate_git(monkeypatch: pytest.MonkeyPatch, home: Path) -> None:
    """Keep git (here and in subprocesses) away from the global config; give it an identity."""
    home.mkdir(parents=True, exist_ok=True)
    empty = home / "gitconfig"
    empty.write_text("")
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", str(empty))
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")
    monkeypatch.setenv("HOME", str(home))
    for role in ("AUTHOR", "COMMITTER"):
        monkeypatch.setenv(f"GIT_{role}_NAME", ANNOTATOR)
        monkeypatch.setenv(f"GIT_{role}_EMAIL", "ada@example.org")
    monkeypatch.delenv("CURATOR_ANNOTATOR", raising=False)


def git(cwd: Path, *args: str) -> str:
    return subprocess.run(
        ["git", *args], cwd=cwd, check=True, capture_output=True, text=True
    ).stdout


def new_bank(root: Path) -> Bank:
    """A bank whose marker is committed, as `curator init` leaves it."""
    bank = Bank.init(root)
    commit_new_bank(bank)
    return bank


def passing(task: Task, coverage: float = 100.0) -> Task:
    """`task` with a passing validation of its current content."""
    task.validation = ValidationSummary(
        verdict=Verdict.PASS,
        content_hash=task.content_hash(),
        environment=ENVIRONMENT,
        tests_total=3,
        tests_passed=3,
        branch_coverage=coverage,
    )
    return task


def save(bank: Bank, task: Task) -> None:
    """Save `task`; with a validation summary, also its report, as validation stores both."""
    with bank.lock():
        bank.save(task)
        summary = task.validation
        if summary is not None:
            figures = summary.model_dump(exclude={"static_problems", "runtime", "at"})
            report = ValidationReport(task_id=task.task_id, **figures)
            bank.write_sidecar(task.task_id, REPORT_FILE, report)


def flaky_checked(bank: Bank, task: Task) -> None:
    """Store a completed flaky check of `task`'s current content that found nothing flaky."""
    evidence = FlakyEvidence(
        task_id=task.task_id,
        content_hash=task.content_hash(),
        detection_seed=1,
        runs_requested=20,
        timeout_s=task.time_limit(bank.timeout_s),
        tests=["test_counts"],
    )
    with bank.lock():
        bank.write_sidecar(task.task_id, EVIDENCE_FILE, evidence)


def save_and_commit(
    bank: Bank, task: Task, message: str, stage: Stage | None = None, annotator: str | None = None
) -> str:
    """Save and commit `task`; as accepted, first give it what the gate asks beyond validation
    (an instruction and a flaky check of its content)."""
    if stage is Stage.ACCEPTED:
        task.instruct_prompt = task.instruct_prompt or "Count the words of a text."
    save(bank, task)
    if stage is Stage.ACCEPTED:
        flaky_checked(bank, task)
    return commit_task(bank, task.task_id, stage, message, annotator).sha


def head(cwd: Path) -> str:
    return git(cwd, "rev-parse", "HEAD").strip()
