"""Pre-evaluation: how often a capable model solves a task, as BigCodeBench's authors measured.

The model solves the task K times from the complete prompt and K times from the instruct
prompt; each solution runs against the tests in the sandbox. A capable model that fails often
points at an unclear docstring or an over-specific test, so failing solutions are kept for the
annotator to read. Results go to the `preeval.json` sidecar, a summary to `task.json`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum

from pydantic import Field

from curator.bank import Bank
from curator.condense.stage import rule_based_instruction
from curator.errors import CuratorError
from curator.llm import parsing
from curator.llm.checking import run_solution
from curator.llm.client import LLMError
from curator.llm.operations import Assistant
from curator.llm.templates import render
from curator.models import PREEVAL_FILE, PreEvalSummary, StrictModel, Task, Verdict, utc_now

SIDECAR = PREEVAL_FILE


class PromptKind(StrEnum):
    COMPLETE = "complete"
    INSTRUCT = "instruct"


class PreEvalSample(StrictModel):
    passed: bool
    verdict: Verdict | None = Field(
        default=None, description="The sandbox verdict; None when the answer was unusable."
    )
    detail: str = Field(default="", description="Why it failed: failing tests or the answer.")
    program: str | None = Field(default=None, description="The solution, kept when it failed.")


class PreEvalRun(StrictModel):
    prompt: PromptKind
    prompt_source: str = Field(description="Which text the model was given.")
    prompt_hash: str
    samples: list[PreEvalSample] = Field(default_factory=list)

    @property
    def solved(self) -> int:
        return sum(sample.passed for sample in self.samples)

    @property
    def rate(self) -> float | None:
        return self.solved / len(self.samples) if self.samples else None


class PreEvalReport(StrictModel):
    """Everything one pre-evaluation found, kept in the task's `preeval.json`."""

    task_id: str
    model: str
    k: int
    content_hash: str
    at: datetime = Field(default_factory=utc_now)
    runs: list[PreEvalRun] = Field(default_factory=list)
    skipped: list[str] = Field(default_factory=list, description="Prompts not run, and why.")
    unfinished: str | None = Field(
        default=None,
        description="Why sampling stopped short of k samples per prompt (a request failed): "
        "the samples taken are kept, and the rates are of them.",
    )

    def run(self, kind: PromptKind) -> PreEvalRun | None:
        return next((run for run in self.runs if run.prompt is kind), None)

    def summary(self) -> PreEvalSummary:
        complete, instruct = self.run(PromptKind.COMPLETE), self.run(PromptKind.INSTRUCT)
        return PreEvalSummary(
            model=self.model,
            k=self.k,
            complete_rate=complete.rate if complete else None,
            instruct_rate=instruct.rate if instruct else None,
            content_hash=self.content_hash,
            at=self.at,
            unfinished=self.unfinished,
        )


def preevaluate(
    assistant: Assistant,
    task: Task,
    k: int,
    temperature: float,
    on_sample: Callable[[PromptKind, int, PreEvalSample], None] | None = None,
) -> PreEvalReport:
    """Sample K solutions per prompt and run each; an unusable answer counts as a failure.

    A request that fails after some samples were taken ends the sampling: the report keeps
    them (they were paid for) and says why it is `unfinished`; with none taken, it raises."""
    if k < 1:
        raise CuratorError("--k must be at least 1")
    if not task.test.strip():
        raise CuratorError(f"{task.task_id}: the task has no tests to run solutions against")
    report = PreEvalReport(
        task_id=task.task_id, model=assistant.model, k=k, content_hash=task.content_hash()
    )
    # What the reference does not pass here (a skip of a module this environment lacks): a
    # sample must pass every other test. Run now, not read from a stored validation, which
    # may be missing or stale (red team: a sample passing with skips alone was then solved).
    reference = run_solution(task, task.program, assistant.sandbox, assistant.bank_timeout_s)
    excused = frozenset(reference.failures)
    for kind, (source, text) in prompt_texts(task).items():
        if not text.strip():
            report.skipped.append(f"{kind.value}: {source}")
            continue
        prompt = render(f"preeval_{kind.value}", prompt=text.rstrip())
        run = PreEvalRun(prompt=kind, prompt_source=source, prompt_hash=prompt.hash)
        for index in range(k):
            try:
                answer = assistant.ask(prompt, temperature=temperature)
            except LLMError as error:
                if not report.runs and not run.samples:
                    raise
                report.unfinished = f"{kind.value} sample {index + 1} of {k}: {error}"
                break
            sample = _judge(task, answer.text, answer.finish_reason, assistant, excused)
            run.samples.append(sample)
            if on_sample:
                on_sample(kind, index, sample)
        if run.samples:
            report.runs.append(run)
        if report.unfinished:
            break
    return report


def prompt_texts(task: Task) -> dict[PromptKind, tuple[str, str]]:
    """What the model solves from: (where the text comes from, the text) per prompt kind.

    A task not condensed yet is solved from its rule-based instruction, as it would be released.
    """
    instruct = ("the stored instruct_prompt", task.instruct_prompt)
    if not task.instruct_prompt.strip():
        rule_based = rule_based_instruction(task)
        instruct = (
            ("the rule-based instruction (none stored yet)", rule_based)
            if rule_based
            else (f"no instruct prompt: {task.entry_point} has no docstring", "")
        )
    return {
        PromptKind.COMPLETE: ("the complete_prompt", task.complete_prompt),
        PromptKind.INSTRUCT: instruct,
    }


def _judge(
    task: Task, text: str, finish_reason: str | None, assistant: Assistant, excused: frozenset[str]
) -> PreEvalSample:
    """Solved where it passes, and passes each test the reference passes (`excused`: those the
    reference does not): a program that made the tests' own guard skip them (an optional
    dependency's) passed with skips alone (red team)."""
    try:
        program = parsing.solution_program(
            text, finish_reason, task.complete_prompt, task.entry_point
        )
    except parsing.UnusableAnswer as problem:
        return PreEvalSample(passed=False, detail=f"unusable answer: {problem}", program=text)
    result = run_solution(task, program, assistant.sandbox, assistant.bank_timeout_s)
    if result.verdict is Verdict.PASS and excused.issuperset(result.failures):
        return PreEvalSample(passed=True, verdict=result.verdict)
    failures = "; ".join(f"{name}: {outcome}" for name, outcome in result.failures.items())
    return PreEvalSample(
        passed=False,
        verdict=result.verdict,
        detail=failures or result.message or result.headline(),
        program=program,
    )


def store(bank: Bank, report: PreEvalReport) -> bool:
    """Write the sidecar and the summary under the lock, if the task is still the one evaluated.

    An unfinished report does not replace a finished one of the same version (False)."""
    with bank.lock():
        task = bank.load_unchanged(
            report.task_id, report.content_hash, "it was pre-evaluated", "preeval", CuratorError
        )
        stored = bank.read_sidecar(report.task_id, SIDECAR, PreEvalReport)
        if (
            report.unfinished
            and stored is not None
            and stored.content_hash == report.content_hash
            and not stored.unfinished
        ):
            return False
        bank.write_sidecar(report.task_id, SIDECAR, report)
        task.preeval = report.summary()
        bank.save(task)
        return True
