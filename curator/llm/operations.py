"""LLM operations on tasks: each asks the model once and returns a validated `ProposedChange`.

Nothing here writes to the bank: the caller shows the proposal and applies it only when the
annotator accepts it (`proposals.apply`).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from curator.bank import INSTRUCTION_FILE, PROGRAM_FILE, TESTS_FILE, Bank, task_sort_key
from curator.condense.render import render_instruction
from curator.condense.stage import condense_task
from curator.config import LLMSettings
from curator.errors import CuratorError
from curator.flaky.evidence import FlakyEvidence
from curator.flaky.hints import task_hints
from curator.llm import parsing
from curator.llm.checking import check_task
from curator.llm.client import ChatAnswer, ChatClient, RetryNotice
from curator.llm.proposals import (
    FileChange,
    Operation,
    ProposalCheck,
    ProposedChange,
    instruction_warnings,
    task_with_files,
)
from curator.llm.templates import Prompt, numbered, render
from curator.models import DocStruct, Task
from curator.sandbox import Sandbox

DRAFT_PREFIX = "Draft"
FAILURE_TRACEBACK_LINES = 6


class NothingToPropose(CuratorError):
    """The operation has no material: full coverage, no flaky evidence, nothing failing; or,
    `blocked`, the task cannot give it any yet (tests that do not run, no docstring), which a
    script must tell from "done"."""

    def __init__(self, message: str, blocked: bool = False) -> None:
        self.blocked = blocked
        super().__init__(message)


@dataclass
class Assistant:
    """A chat client, how this caller wants answers delivered (streamed, cancellable), and the
    sandbox that validates proposals (one is started per check when none is given)."""

    client: ChatClient
    on_chunk: Callable[[str], None] | None = None
    cancel: threading.Event | None = None
    sandbox: Sandbox | None = None
    bank_timeout_s: float | None = None
    """The bank's time limit per run (bank.json): a task without its own runs under it."""

    @classmethod
    def from_settings(
        cls,
        settings: LLMSettings,
        *,
        on_chunk: Callable[[str], None] | None = None,
        on_retry: Callable[[RetryNotice], None] | None = None,
        cancel: threading.Event | None = None,
        bank_timeout_s: float | None = None,
    ) -> Assistant:
        """An assistant for the configured server; `LLMNotConfigured` says how to set one up."""
        return cls(
            ChatClient(settings, on_retry=on_retry),
            on_chunk=on_chunk,
            cancel=cancel,
            bank_timeout_s=bank_timeout_s,
        )

    @property
    def model(self) -> str:
        return self.client.model

    def ask(self, prompt: Prompt, temperature: float | None = None) -> ChatAnswer:
        return self.client.chat(
            prompt.messages,
            temperature=temperature,
            stream=self.on_chunk is not None,
            on_chunk=self.on_chunk,
            cancel=self.cancel,
        )


def next_draft_id(bank: Bank) -> str:
    numbers = [
        task_sort_key(task_id)[1]
        for task_id in bank.task_ids()
        if task_id.startswith(DRAFT_PREFIX + "/")
    ]
    return f"{DRAFT_PREFIX}/{max([0, *numbers]) + 1}"


def draft(
    assistant: Assistant, seed: str, libs: list[str], task_id: str, source: str | None = None
) -> ProposedChange:
    """A complete new task from a seed snippet or question and the libraries to use."""
    if not seed.strip():
        raise CuratorError("the seed is empty: give a code snippet or a question")
    prompt = render(
        "draft",
        entry_point="task_func",
        seed=seed.strip(),
        libs=", ".join(libs) or "(any; prefer the standard library)",
    )
    answer = assistant.ask(prompt)
    code = parsing.task_code(answer.text, answer.finish_reason, "task_func")
    if code.program is None or code.tests is None:
        missing = "task program" if code.program is None else "tests"
        raise parsing.UnusableAnswer(f"the answer has no {missing}: a draft needs both")
    change = ProposedChange(
        operation=Operation.DRAFT,
        task_id=task_id,
        files=[
            FileChange(name=PROGRAM_FILE, before="", after=code.program),
            FileChange(name=TESTS_FILE, before="", after=code.tests),
        ],
        model=answer.model,
        prompt_hash=prompt.hash,
        source=source,
        explanation=code.explanation,
    )
    return with_check(assistant, change, Task(task_id=task_id))


def refine(assistant: Assistant, task: Task, baseline: ProposalCheck) -> ProposedChange:
    """Repair a task from its validation report: failing tests, errors, static problems."""
    if baseline.verdict == "pass" and not baseline.static_problems:
        raise NothingToPropose(
            f"{task.task_id}: validation passes with no static problems; nothing to refine"
        )
    prompt = render(
        "refine",
        entry_point=task.entry_point,
        program_numbered=numbered(task.program),
        tests=task.test.rstrip(),
        report=report_text(baseline),
    )
    return _code_proposal(assistant, task, baseline, prompt, Operation.REFINE)


def cover_missed(assistant: Assistant, task: Task, baseline: ProposalCheck) -> ProposedChange:
    """New tests for the lines and branches that coverage reported as never run."""
    if baseline.branch_coverage is None or not baseline.tests_total:
        why = f": {baseline.message}" if baseline.message else ""
        raise NothingToPropose(
            f"{task.task_id}: coverage was not measured because the tests did not run "
            f"(verdict {baseline.verdict}{why}); ask for a refinement first",
            blocked=True,
        )
    if not baseline.missed_lines and not baseline.missed_branches:
        raise NothingToPropose(
            f"{task.task_id}: the tests already run every line and branch; nothing to cover"
        )
    coverage = (
        f"{baseline.branch_coverage:.0f}%" if baseline.branch_coverage is not None else "unknown"
    )
    prompt = render(
        "tests",
        entry_point=task.entry_point,
        program_numbered=numbered(task.program),
        tests=task.test.rstrip(),
        branch_coverage=coverage,
        missed=missed_text(task.program, baseline),
    )
    return _code_proposal(assistant, task, baseline, prompt, Operation.TESTS, tests_only=True)


def fix_flaky(
    assistant: Assistant,
    task: Task,
    baseline: ProposalCheck,
    extra_evidence: str = "",
    detection: FlakyEvidence | None = None,
) -> ProposedChange:
    """A fix for a flaky test from its evidence: the flaky-test detection's verdicts and
    failures, the open flags, what the annotator adds, and the static cause hints."""
    evidence = flaky_evidence(task, detection)
    if extra_evidence.strip():
        evidence.append(extra_evidence.strip())
    if not evidence:
        raise NothingToPropose(
            f"{task.task_id}: no flaky test detected or flagged and no evidence given; "
            "run the flaky check first or pass the evidence (--evidence FILE)"
        )
    evidence += [f"- hint: {hint}" for hint in task_hints(task.program, task.test)]
    prompt = render(
        "flaky",
        program_numbered=numbered(task.program),
        tests=task.test.rstrip(),
        evidence="\n".join(evidence),
    )
    return _code_proposal(assistant, task, baseline, prompt, Operation.FLAKY)


def flaky_evidence(task: Task, detection: FlakyEvidence | None) -> list[str]:
    """The detection's findings on this version of the task (its flaky tests, and the code its
    runs reached only by chance, which a fix can make every run reach), then the flags it
    does not cover."""
    lines = []
    covered = set()
    if detection is not None and detection.ran(task):
        for test, verdict in detection.flaky_tests().items():
            covered.add(test)
            cause = f"; cause: {verdict.cause}" if verdict.cause else ""
            lines.append(
                f"- {test}: {verdict.classification.value}, failed {verdict.failures} of "
                f"{verdict.runs} detection runs{cause}"
            )
            for failure in detection.failures.values():
                if failure.test == test:
                    tail = failure.traceback.strip().splitlines()[-FAILURE_TRACEBACK_LINES:]
                    runs = ", ".join(map(str, failure.runs))
                    lines.append(f"  {failure.outcome.value} in run(s) {runs}: {failure.message}")
                    lines += [f"    {line}" for line in tail]
        if variation := detection.coverage_variation():
            lines.append(f"- {variation.note()} (line numbers of task.py)")
    for flag in task.open_flags():
        if flag.test not in covered:
            cause = f"; cause: {flag.cause}" if flag.cause else ""
            lines.append(f"- {flag.test}: {flag.classification}{cause}")
    return lines


def _code_proposal(
    assistant: Assistant,
    task: Task,
    baseline: ProposalCheck,
    prompt: Prompt,
    operation: Operation,
    tests_only: bool = False,
) -> ProposedChange:
    answer = assistant.ask(prompt)
    code = parsing.task_code(answer.text, answer.finish_reason, task.entry_point)
    answered = []
    if code.program is not None and not tests_only:
        answered.append(FileChange(name=PROGRAM_FILE, before=task.program, after=code.program))
    if code.tests is not None:
        answered.append(FileChange(name=TESTS_FILE, before=task.test, after=code.tests))
    if not answered:
        raise parsing.UnusableAnswer("the answer has no test module (class TestCases)")
    files = [file for file in answered if file.changes]
    if not files:
        raise parsing.UnusableAnswer("the answer repeats the task unchanged")
    change = ProposedChange(
        operation=operation,
        task_id=task.task_id,
        files=files,
        model=answer.model,
        prompt_hash=prompt.hash,
        explanation=code.explanation,
        baseline=baseline,
    )
    return with_check(assistant, change, task)


def with_check(assistant: Assistant, change: ProposedChange, task: Task) -> ProposedChange:
    """Validate the proposed version in the sandbox: a proposal is ready only with its result."""
    proposed = task_with_files(task, {file.name: file.after for file in change.files})
    check = check_task(proposed, assistant.sandbox, assistant.bank_timeout_s)
    return change.model_copy(update={"check": check})


def report_text(check: ProposalCheck) -> str:
    lines = [f"Verdict: {check.headline()}"]
    if check.message:
        lines.append(f"Problem: {check.message}")
    lines += [f"- {name}: {outcome}" for name, outcome in check.failures.items()]
    lines += [f"- static check: {problem}" for problem in check.static_problems]
    return "\n".join(lines)


def missed_text(program: str, check: ProposalCheck) -> str:
    """Name each missed line and branch with its source, so the model can find it."""
    source = program.splitlines()

    def line(number: int) -> str:
        text = source[number - 1].strip() if 0 < number <= len(source) else ""
        return f"line {number} `{text}`"

    described = [f"- {line(number)} never runs" for number in check.missed_lines]
    for start, end in check.missed_branches:
        target = line(end) if end > 0 else "the function's exit"
        described.append(f"- the branch from {line(start)} to {target} is never taken")
    return "\n".join(described)


def condense(assistant: Assistant, task: Task) -> ProposedChange:
    """A shorter, human-style instruction, proposed beside the rule-based one.

    The information-loss check of the condensation stage lists what the proposed text leaves
    out of the docstring, for the reviewer.
    """
    condensed = condense_task(task)
    if condensed.parsed is None or condensed.instruction is None:
        raise NothingToPropose(
            f"{task.task_id}: {task.entry_point} has no docstring to condense", blocked=True
        )
    prompt = render("condense", program=task.program.rstrip(), reference=condensed.instruction)
    answer = assistant.ask(prompt)
    text = parsing.instruction_text(answer.text, answer.finish_reason)
    # The model writes the prose; the code to start from follows in the benchmark's layout.
    instruction = render_instruction(DocStruct(description=[text]), task.code_prompt)
    return ProposedChange(
        operation=Operation.CONDENSE,
        task_id=task.task_id,
        files=[FileChange(name=INSTRUCTION_FILE, before=task.instruct_prompt, after=instruction)],
        model=answer.model,
        prompt_hash=prompt.hash,
        reference=condensed.instruction,
        warnings=instruction_warnings(task, instruction),
    )
