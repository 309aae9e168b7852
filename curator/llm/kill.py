"""`suggest --op kill --mutant ID`: a test that tells a surviving mutant from the reference.

The proposal is offered only once checked both ways in the sandbox: the revised tests pass on
the reference solution (a normal proposal check) and fail on the mutant.
"""

from __future__ import annotations

from curator.bank import TESTS_FILE
from curator.llm import parsing
from curator.llm.checking import run_solution
from curator.llm.operations import Assistant, with_check
from curator.llm.proposals import FileChange, Operation, ProposedChange, task_with_files
from curator.llm.templates import numbered, render
from curator.models import Task, Verdict
from curator.mutation import MutationError, generate_mutants
from curator.mutation.operators import Mutant
from curator.program import split_program


def find_mutant(task: Task, mutant_id: str) -> Mutant:
    split = split_program(task.program, task.entry_point)
    start = len(split[0]) if split is not None else len(task.complete_prompt)
    for mutant in generate_mutants(task.program, start):
        if mutant.id == mutant_id:
            return mutant
    raise MutationError(f"{task.task_id}: no mutant {mutant_id!r} of the current solution")


def kill_mutant(assistant: Assistant, task: Task, mutant_id: str) -> ProposedChange:
    """Revised tests that pass on the reference and fail on mutant `mutant_id`."""
    mutant = find_mutant(task, mutant_id)
    prompt = render(
        "kill",
        entry_point=task.entry_point,
        program_numbered=numbered(task.program),
        tests=task.test.rstrip(),
        description=mutant.description,
        line=str(mutant.line),
        diff=mutant.diff.rstrip(),
    )
    answer = assistant.ask(prompt)
    code = parsing.task_code(answer.text, answer.finish_reason, task.entry_point)
    if code.tests is None or code.tests == task.test:
        raise parsing.UnusableAnswer("the answer has no new test module (class TestCases)")
    change = with_check(
        assistant,
        ProposedChange(
            operation=Operation.KILL,
            task_id=task.task_id,
            files=[FileChange(name=TESTS_FILE, before=task.test, after=code.tests)],
            model=answer.model,
            prompt_hash=prompt.hash,
            explanation=code.explanation,
        ),
        task,
    )
    if change.check is None or change.check.verdict is not Verdict.PASS:
        headline = change.check.headline() if change.check else "not checked"
        raise parsing.UnusableAnswer(f"the proposed tests fail on the reference: {headline}")
    revised = task_with_files(task, {TESTS_FILE: code.tests})
    on_mutant = run_solution(revised, mutant.program, assistant.sandbox, assistant.bank_timeout_s)
    if on_mutant.verdict is Verdict.PASS:
        raise parsing.UnusableAnswer(
            f"the proposed tests pass on mutant {mutant_id} too: they do not kill it"
        )
    return change
