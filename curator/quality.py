"""The test-quality gate: a bank's minimum mutation score and its stance on over-strict tests.

The settings live in `bank.json` under `"quality"`:

    {"format": 1, "name": "...", "quality": {"min_mutation_score": 70, "over_strict_blocks": true,
                                             "min_flaky_runs": 20, "min_branch_coverage": 95}}

`quality_gate_problems(task, settings)` names what keeps a task from acceptance, from the
figures kept in its task.json (`task.quality`), which `curator mutate` and
`curator alternatives` record.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ConfigDict, Field, ValidationError

from curator.bank import MARKER, Bank, describe_validation_error
from curator.errors import BankError
from curator.fsutil import read_text
from curator.models import QualitySummary, StrictModel, Task

FLAKY_RUNS_REQUIRED = 20
"""The runs a flaky check needs to count for acceptance, unless the bank says otherwise: 20 runs
(order, seeds and clock varied, the hash seed in every fifth) catch a test that fails one run
in four with probability 1 - 0.75**20 > 99.6%; a check of one run varies nothing."""


class QualitySettings(StrictModel):
    """The bank's test-quality requirements for accepting a task. Strict: "20" or `true` for a
    number, or "no" for a boolean, was taken silently and meant something else."""

    model_config = ConfigDict(extra="forbid", strict=True)

    min_mutation_score: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Accept a task only with a current mutation score at least this (percent); "
        "None: no requirement.",
    )
    min_branch_coverage: float | None = Field(
        default=None,
        ge=0,
        le=100,
        description="Accept a task only when its current validation measured at least this "
        "branch coverage of the solution (percent; BigCodeBench's tests cover 99% on average); "
        "None: no requirement.",
    )
    min_flaky_runs: int = Field(
        default=FLAKY_RUNS_REQUIRED,
        ge=1,
        description="Accept a task only after a flaky check of at least this many runs.",
    )
    over_strict_blocks: bool = Field(
        default=False,
        description="Possibly over-strict tests (failing only an otherwise-passing "
        "alternative) keep a task from acceptance until fixed or the alternative is marked wrong.",
    )


def open_bank(root: Path) -> Bank:
    """The bank at `root`, its settings read whole: a bad quality setting in bank.json was
    named by `commit` and `release` alone, while `list`, `validate` and the app went on."""
    bank = Bank.open(root)
    quality_settings(bank)
    _ = bank.timeout_s  # raises, naming the file, for a limit that is not one
    return bank


def quality_settings(bank: Bank) -> QualitySettings:
    """The `quality` section of the bank's `bank.json` (defaults if there is none)."""
    marker = bank.root / MARKER
    try:
        section = json.loads(read_text(marker)).get("quality", {})
    except (json.JSONDecodeError, AttributeError) as error:
        raise BankError(f"{marker}: not a JSON object ({error})") from error
    if not isinstance(section, dict):
        raise BankError(
            f"{marker}: quality must be a JSON object such as "
            f'{{"min_mutation_score": 70, "over_strict_blocks": true}}, not {json.dumps(section)}'
        )
    try:
        return QualitySettings.model_validate(section)
    except ValidationError as error:
        raise BankError(f"{marker}: quality: {describe_validation_error(error)}") from error


def quality_gate_problems(task: Task, settings: QualitySettings) -> list[str]:
    """Why the task's tests do not meet the bank's quality bar (empty: they do)."""
    problems = []
    quality = task.quality or QualitySummary()
    current_hash = task.content_hash()
    if settings.min_mutation_score is not None:
        minimum = settings.min_mutation_score
        if quality.mutation_content_hash != current_hash or quality.mutation_score is None:
            problems.append(
                f"no current mutation score (the bank requires {minimum:g}%; run `curator mutate`)"
            )
        elif quality.mutation_score < minimum:
            problems.append(
                f"mutation score {quality.mutation_score:g}% is below the bank's minimum "
                f"{minimum:g}% ({quality.survived} surviving mutant(s); see `curator mutate`)"
            )
    if settings.min_branch_coverage is not None:
        minimum = settings.min_branch_coverage
        measured = task.validation.branch_coverage if task.validation else None
        if measured is None:
            problems.append(
                f"no branch coverage measured (the bank requires {minimum:g}%; "
                "`curator validate` measures it)"
            )
        elif measured < minimum:
            problems.append(
                f"branch coverage {measured:g}% is below the bank's minimum {minimum:g}% "
                "(the branches its tests miss: `curator show`, or the app's Coverage tab)"
            )
    if (
        settings.over_strict_blocks
        and quality.alternatives_content_hash == current_hash
        and quality.over_strict
    ):
        problems.append(
            "possibly over-strict test(s): "
            + ", ".join(quality.over_strict)
            + " (fix the test or mark the alternative wrong: `curator alternatives --wrong`)"
        )
    return problems


def record_quality(bank: Bank, task_id: str, content_hash: str, **figures: object) -> None:
    """Update `task.quality` in task.json, if the task is still the version measured.

    Call under the bank's lock.
    """
    task = bank.load(task_id)
    if task.content_hash() != content_hash:
        return
    task.quality = (task.quality or QualitySummary()).model_copy(update=figures)
    bank.save(task)
