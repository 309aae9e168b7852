"""The flaky-check stage: detect flaky tests in each task and record the evidence and flags.

    results = check(bank, ids, annotator="ann")    # runs, stores flaky.json, updates flags

The CLI and the app only display what this returns and reports through its callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from curator.bank import Bank
from curator.flaky.evidence import Classification, FlakyEvidence
from curator.flaky.flags import FlagChange, FlagError, StoredCheckKept, record_detection
from curator.flaky.plan import new_detection_seed, suite_hash_seeds
from curator.flaky.runner import DetectionSettings, detect_flaky
from curator.sandbox import Sandbox
from curator.validation import ValidationReport, current_report, sandbox_for

# (task id, runs done, runs planned) while a task's runs go on.
RunProgress = Callable[[str, int, int], None]


@dataclass
class FlakyCheck:
    """One task's detection and what recording it did (or why it was not stored)."""

    evidence: FlakyEvidence
    changes: list[FlagChange] = field(default_factory=list)
    not_stored: str | None = None
    kept_stored: str | None = None
    """Why the stored check of the same content stays (`StoredCheckKept`): not a problem."""

    @property
    def found_problems(self) -> bool:
        """A test was found flaky, the suite could not run, some runs did not finish, or
        nothing was stored."""
        evidence = self.evidence
        return bool(
            self.not_stored
            or evidence.problem
            or evidence.flaky_tests()
            or evidence.unfinished_runs()
        )


def flag_varied_validations(
    evidence: FlakyEvidence, validation: ValidationReport | None
) -> FlakyEvidence:
    """A test whose outcome varied between validations of this content is flaky, though the
    check's own runs agree: a test can tell them from a validation (the random state each
    test starts from, the time zone) and pass only there (red team)."""
    if validation is None or validation.content_hash != evidence.content_hash:
        return evidence
    for test, seen in validation.outcomes_varied.items():
        verdict = evidence.verdicts.get(test)
        if verdict is not None and not verdict.classification.is_flaky:
            verdict.classification = Classification.NONDETERMINISTIC
            verdict.cause = (
                f"its outcome varied between validations of this content ({', then '.join(seen)})"
                f" but not across this check's runs, which it may tell from a validation's"
            )
    return evidence


def check(
    bank: Bank,
    ids: Iterable[str],
    annotator: str,
    settings: DetectionSettings | None = None,
    sandbox: Sandbox | None = None,
    on_progress: RunProgress | None = None,
    on_result: Callable[[FlakyCheck], None] | None = None,
) -> list[FlakyCheck]:
    """Check each task for flaky tests, one after another, storing each result as it comes.

    `ids` is read lazily, so a budget (`curator.flaky.budget.BudgetRun`) can stop handing out
    tasks once its time is spent.

    The runs go to `sandbox`, or to one made for the bank and closed at the end. The evidence
    of a task that changed while its runs went on is not stored (`not_stored` says why).
    Every task's detection has the same seed (drawn here unless `settings` gives one): the
    tasks' runs then have the same few hash seeds, whose runs fork from warm workers of those
    seeds while the check goes on (`Sandbox.warm_hash_seeds`), not each from a fresh
    interpreter. A check of one task keeps fresh interpreters: each seed runs once or twice.
    """
    settings = settings or DetectionSettings()
    seed = settings.seed if settings.seed is not None else new_detection_seed()
    settings = replace(settings, seed=seed)
    # `ids` may be read lazily: only a list of one (`curator flaky ID`) is known ahead.
    alone = ids[0] if isinstance(ids, list | tuple) and len(ids) == 1 else None
    if sandbox is None:
        known = [bank.load(alone)] if alone is not None else []
        with sandbox_for(bank, tasks=known) as own:
            return check(bank, ids, annotator, settings, own, on_progress, on_result)
    seeds = suite_hash_seeds(seed, settings.runs) if alone is None else set()
    with sandbox.warm_hash_seeds(seeds):
        return _check_each(bank, ids, annotator, settings, sandbox, on_progress, on_result)


def _check_each(
    bank: Bank,
    ids: Iterable[str],
    annotator: str,
    settings: DetectionSettings,
    sandbox: Sandbox,
    on_progress: RunProgress | None,
    on_result: Callable[[FlakyCheck], None] | None,
) -> list[FlakyCheck]:
    results = []
    bank_limit = bank.timeout_s  # read once, not once per task
    for task_id in ids:
        task = bank.load(task_id)

        def progress(done: int, total: int, task_id: str = task_id) -> None:
            if on_progress:
                on_progress(task_id, done, total)

        limit = settings.timeout_s or task.time_limit(bank_limit)  # the limit it validates under
        evidence = detect_flaky(task, sandbox, replace(settings, timeout_s=limit), progress)
        result = FlakyCheck(flag_varied_validations(evidence, current_report(bank, task, limit)))
        try:
            result.changes = record_detection(bank, result.evidence, annotator)
        except StoredCheckKept as kept:
            result.kept_stored = str(kept)
        except FlagError as error:
            result.not_stored = str(error)
        results.append(result)
        if on_result:
            on_result(result)
    return results
