"""`suggest --op alternative`: another solution, written by the LLM from the instruction alone.

The model never sees the reference solution or the tests, so its program is an independent
reading of the prompt; run against the tests, one that fails a single test points at a test
that may be tied to the reference. Stored (with --apply) as `alternatives/llm-HASH.py`.
Pre-evaluation samples that fail one test only are kept the same way (`keep_near_misses`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from curator.alternatives import add_alternative
from curator.bank import Bank
from curator.errors import CuratorError
from curator.llm import parsing
from curator.llm.checking import run_solution
from curator.llm.operations import Assistant, NothingToPropose
from curator.llm.preeval import SIDECAR, PreEvalReport, PromptKind, prompt_texts
from curator.llm.proposals import ProposalCheck
from curator.llm.templates import render
from curator.models import Task, Verdict
from curator.sandbox import Sandbox


@dataclass(frozen=True)
class AlternativeProposal:
    name: str
    program: str
    check: ProposalCheck
    model: str


def propose_alternative(assistant: Assistant, task: Task) -> AlternativeProposal:
    source, text = prompt_texts(task)[PromptKind.INSTRUCT]
    if not text.strip():
        raise NothingToPropose(f"{task.task_id}: {source}", blocked=True)
    prompt = render("preeval_instruct", prompt=text.rstrip())
    answer = assistant.ask(prompt)
    program = parsing.solution_program(
        answer.text, answer.finish_reason, task.complete_prompt, task.entry_point
    )
    name = "llm-" + hashlib.sha256(program.encode()).hexdigest()[:8]
    check = run_solution(task, program, assistant.sandbox, assistant.bank_timeout_s)
    return AlternativeProposal(name=name, program=program, check=check, model=answer.model)


def keep_near_misses(bank: Bank, task: Task, sandbox: Sandbox | None = None) -> list[str]:
    """Keep, as alternatives, the failed pre-evaluation samples that fail one test only.

    A model's solution that passes every test but one is either wrong in one place or a
    correct reading the one test rejects; the alternatives check tells the reviewer which.
    Returns the names kept.
    """
    report = bank.read_sidecar(task.task_id, SIDECAR, PreEvalReport)
    if report is None or report.content_hash != task.content_hash():
        raise CuratorError(
            f"{task.task_id}: no pre-evaluation of the current version (run `curator preeval`)"
        )
    kept = []
    bank_limit = bank.timeout_s  # read once, not once per sample
    for run in report.runs:
        for sample in run.samples:
            if sample.program is None or sample.verdict is not Verdict.FAIL:
                continue
            check = run_solution(task, sample.program, sandbox, bank_limit)
            if check.verdict is Verdict.FAIL and check.tests_total - check.tests_passed == 1:
                name = "preeval-" + hashlib.sha256(sample.program.encode()).hexdigest()[:8]
                kept.append(add_alternative(bank, task, sample.program, name))
    return kept
