"""`suggest --op alternative`: another solution, written by the LLM from the instruction alone.

The model never sees the reference solution or the tests, so its program is an independent
reading of the prompt; run against the tests, one that fails a single test points at a test
that may be tied to the reference. Stored (with --apply) as `alternatives/llm-HASH.py`.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from curator.llm import parsing
from curator.llm.checking import run_solution
from curator.llm.operations import Assistant, NothingToPropose
from curator.llm.preeval import PromptKind, prompt_texts
from curator.llm.proposals import ProposalCheck
from curator.llm.templates import render
from curator.models import Task


@dataclass(frozen=True)
class AlternativeProposal:
    name: str
    program: str
    check: ProposalCheck
    model: str


def propose_alternative(assistant: Assistant, task: Task) -> AlternativeProposal:
    source, text = prompt_texts(task)[PromptKind.INSTRUCT]
    if not text.strip():
        raise NothingToPropose(f"{task.task_id}: {source}")
    prompt = render("preeval_instruct", prompt=text.rstrip())
    answer = assistant.ask(prompt)
    program = parsing.solution_program(
        answer.text, answer.finish_reason, task.complete_prompt, task.entry_point
    )
    name = "llm-" + hashlib.sha256(program.encode()).hexdigest()[:8]
    check = run_solution(task, program, assistant.sandbox)
    return AlternativeProposal(name=name, program=program, check=check, model=answer.model)
