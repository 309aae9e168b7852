"""Proposed changes: what an LLM operation suggests, shown as a diff, applied only on acceptance.

A proposal carries the files before and after, the model and a hash of the prompt, and the
validation result of the proposed version, so the annotator decides on evidence. Applying one
checks that the task has not changed since the proposal was made, writes under the bank lock, and
records who accepted what from which model.
"""

from __future__ import annotations

import difflib
import re
from datetime import datetime
from enum import StrEnum
from pathlib import Path

from pydantic import Field, ValidationError

from curator.bank import (
    INSTRUCTION_FILE,
    PROGRAM_FILE,
    TESTS_FILE,
    Bank,
    describe_validation_error,
    folder_name,
)
from curator.condense.loss import information_loss
from curator.condense.stage import apply_instruction, condense_task
from curator.docstring import parse_program
from curator.errors import CuratorError, TaskFileError
from curator.fsutil import atomic_write
from curator.imports import imported_modules, task_dependencies
from curator.models import (
    Origin,
    Provenance,
    ProvenanceEvent,
    Stage,
    StrictModel,
    Task,
    Verdict,
    utc_now,
)
from curator.program import derive_code_prompt, split_program

# How the condensation stage tells an LLM instruction from a rule-based one in provenance.
LLM_CONDENSE_DETAIL = "llm"


class Operation(StrEnum):
    DRAFT = "draft"
    REFINE = "refine"
    TESTS = "tests"
    FLAKY = "flaky"
    CONDENSE = "condense"
    KILL = "kill"
    ALTERNATIVE = "alternative"


class ProposalConflict(CuratorError):
    """The task changed after the proposal was made; applying it would undo that change."""


class ProposalRegression(CuratorError):
    """The proposed version is worse than the task as it is (`ProposedChange.regressions`)."""

    def __init__(self, task_id: str, regressions: list[str]) -> None:
        self.regressions = regressions
        super().__init__(
            f"{task_id}: the proposal is worse than the task as it is: {'; '.join(regressions)}"
        )


TEST_METHOD = re.compile(r"^[ \t]+def (test\w*)\s*\(", re.MULTILINE)
"""A test method's definition, as unittest finds it (read without parsing: a proposal's tests
may not parse)."""
ASSERTION = re.compile(r"\bself\.(?:assert\w*|fail\w*)\s*\(|^[ \t]*assert\b", re.MULTILINE)
"""An assertion of a test: unittest's methods, `self.fail`, and the `assert` statement."""
PROBLEM_LINE = re.compile(r":[^:]*:")  # the line of "task.py:12: message (code)"


class FileChange(StrictModel):
    name: str = Field(description="task.py, tests.py or instruction.md")
    before: str
    after: str

    @property
    def changes(self) -> bool:
        return self.before != normalised_text(self.name, self.after)

    def diff(self) -> str:
        """A unified diff; a last line without a newline is marked as git marks it (joined to
        the next line of the diff, a removed last line read as part of the added one)."""
        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True),
            normalised_text(self.name, self.after).splitlines(keepends=True),
            fromfile=f"a/{self.name}" if self.before else "/dev/null",
            tofile=f"b/{self.name}",
        )
        return "".join(
            line if line.endswith("\n") else f"{line}\n\\ No newline at end of file\n"
            for line in lines
        )


class ProposalCheck(StrictModel):
    """The validation result of one version of a task, as far as a proposal needs it."""

    verdict: Verdict
    tests_total: int = 0
    tests_passed: int = 0
    failures: dict[str, str] = Field(
        default_factory=dict, description="Test name -> outcome and message, for tests not passed."
    )
    branch_coverage: float | None = None
    line_coverage: float | None = None
    missed_lines: list[int] = Field(default_factory=list)
    missed_branches: list[tuple[int, int]] = Field(default_factory=list)
    static_problems: list[str] = Field(default_factory=list)
    message: str = Field(default="", description="Why the run failed as a whole, if it did.")

    def headline(self) -> str:
        parts = [self.verdict.value, f"{self.tests_passed}/{self.tests_total} tests passed"]
        if self.branch_coverage is not None:
            parts.append(f"branch coverage {self.branch_coverage:.0f}%")
        if self.static_problems:
            parts.append(f"{len(self.static_problems)} static problem(s)")
        # Why a run with no failing test to show did not pass (an invalid one, one that hung).
        why = f": {self.message}" if self.message and not self.failures else ""
        return ", ".join(parts) + why


class ProposedChange(StrictModel):
    """One operation's suggestion for one task, with the evidence to judge it."""

    operation: Operation
    task_id: str
    files: list[FileChange]
    model: str
    prompt_hash: str
    created_at: datetime = Field(default_factory=utc_now)
    source: str | None = Field(default=None, description="For a draft: the seed it came from.")
    explanation: str = Field(default="", description="The model's prose around its code.")
    baseline: ProposalCheck | None = Field(
        default=None, description="Validation of the task as it is."
    )
    check: ProposalCheck | None = Field(
        default=None, description="Validation of the proposed version."
    )
    reference: str | None = Field(
        default=None, description="For condense: the rule-based instruction, shown beside it."
    )
    warnings: list[str] = Field(default_factory=list)

    def diff(self) -> str:
        return "".join(change.diff() for change in self.files)

    def regressions(self) -> list[str]:
        """How the proposed version is worse than the task as it is (empty: it is not): a model
        that answers with unrelated tests must not replace the task's own without a second
        look. An annotator's edit is judged as the version it is (`edited`)."""
        found = []
        tests = self.file(TESTS_FILE)
        if tests is not None:
            removed = sorted(
                set(TEST_METHOD.findall(tests.before)) - set(TEST_METHOD.findall(tests.after))
            )
            if removed:
                found.append(f"it removes test(s) {', '.join(removed)}")
            asserted, asserting = (len(ASSERTION.findall(t)) for t in (tests.before, tests.after))
            if asserting < asserted:
                found.append(f"its tests make {asserting} assertion(s) where {asserted} were")
        before, after = self.baseline, self.check
        if before is None or after is None:
            return found
        # By file, message and code: the proposal may move a problem the task has to another line.
        had = {PROBLEM_LINE.sub(":", problem, count=1) for problem in before.static_problems}
        added = [p for p in after.static_problems if PROBLEM_LINE.sub(":", p, count=1) not in had]
        if added:
            found.append(f"it adds static problem(s): {'; '.join(added[:3])}")
        if before.verdict is Verdict.PASS and after.verdict is not Verdict.PASS:
            found.append(f"the verdict falls from pass to {after.verdict.value}")
        if after.tests_passed < before.tests_passed:
            found.append(f"{after.tests_passed} test(s) pass where {before.tests_passed} did")
        if (
            before.branch_coverage is not None
            and after.branch_coverage is not None
            and after.branch_coverage < before.branch_coverage
        ):
            found.append(
                f"branch coverage falls from {before.branch_coverage:.0f}% to "
                f"{after.branch_coverage:.0f}%"
            )
        return found

    def edited(self, texts: dict[str, str], check: ProposalCheck | None) -> ProposedChange:
        """The proposal as the annotator edited it (file name -> text), with the check of that
        version (None: not run, so only what its text shows is judged: removed tests)."""
        files = [
            file.model_copy(update={"after": texts.get(file.name, file.after)})
            for file in self.files
        ]
        return self.model_copy(update={"files": files, "check": check})

    def file(self, name: str) -> FileChange | None:
        return next((change for change in self.files if change.name == name), None)


KEPT_DIR = "proposals"
"""Under the bank's private folder: the last proposal shown and not applied, per task and
operation, for `suggest --apply-last` to apply as it was reviewed."""


def kept_path(bank: Bank, task_id: str, operation: Operation) -> Path:
    return bank.private_dir / KEPT_DIR / f"{folder_name(task_id)}.{operation.value}.json"


def keep_proposal(bank: Bank, change: ProposedChange) -> None:
    """Keep a proposal shown and not applied: `--apply` asked the LLM again, and what was then
    written could differ from what the annotator had read (walk 45)."""
    path = kept_path(bank, change.task_id, change.operation)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write(path, change.model_dump_json(indent=2) + "\n")


def kept_proposal(bank: Bank, task_id: str, operation: Operation) -> ProposedChange:
    path = kept_path(bank, task_id, operation)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CuratorError(
            f"no {operation.value} proposal kept for {task_id}: `curator suggest {task_id} "
            f"--op {operation.value}` shows one and keeps it"
        ) from None
    try:
        return ProposedChange.model_validate_json(data)
    except ValidationError as error:
        problem = describe_validation_error(error)
        raise TaskFileError(path, f"unreadable proposal ({problem})") from None


def apply(
    bank: Bank,
    change: ProposedChange,
    annotator: str | None,
    edited_after: dict[str, str] | None = None,
    despite_regressions: bool = False,
    edited_check: ProposalCheck | None = None,
) -> Task:
    """Accept a proposal (with the annotator's edits, file name -> text, and the check of the
    edited version if it ran) and record provenance.

    A proposal worse than the task as it is (`regressions`), edited or not, is refused unless
    the annotator, shown why, accepts it `despite_regressions`: an edit that appended a comment
    let a proposal deleting every test through."""
    edited_after = edited_after or {}
    judged = change.edited(edited_after, edited_check) if edited_after else change
    regressions = judged.regressions()
    if regressions and not despite_regressions:
        raise ProposalRegression(change.task_id, regressions)
    unknown = sorted(set(edited_after) - {file.name for file in change.files})
    if unknown:
        raise CuratorError(f"edits for files the proposal does not change: {', '.join(unknown)}")
    texts = {
        file.name: normalised_text(file.name, edited_after.get(file.name, file.after))
        for file in change.files
    }
    proposed = {file.name: normalised_text(file.name, file.after) for file in change.files}
    edited = sorted(name for name in edited_after if texts[name] != proposed[name])
    event = ProvenanceEvent(
        operation=change.operation.value,
        annotator=annotator,
        model=change.model,
        prompt_hash=change.prompt_hash,
        detail=f"edited before accepting: {', '.join(edited)}" if edited else None,
    )
    with bank.lock():
        if change.operation is Operation.DRAFT:
            task = drafted_task(change, texts, annotator)
            task.provenance.events.append(event)
            bank.add_all([task])
            return task
        task = bank.load(change.task_id)
        current = current_files(task)
        stale = [file.name for file in change.files if current[file.name] != file.before]
        if stale:
            raise ProposalConflict(
                f"{change.task_id}: {', '.join(stale)} changed since the proposal was made; "
                "ask for a new proposal"
            )
        if change.operation is Operation.CONDENSE:
            lost = instruction_losses(task, texts[INSTRUCTION_FILE], change.reference)
            if lost and not despite_regressions:
                raise ProposalRegression(
                    change.task_id,
                    [f"its instruction leaves out what the docstring says: {'; '.join(lost)}"],
                )
            task = accepted_instruction(task, texts[INSTRUCTION_FILE], event)
        else:
            task = task_with_files(task, texts)
            task.provenance.events.append(event)
        task.provenance.model = change.model
        task.provenance.updated_at = event.at
        if annotator and annotator not in task.provenance.authors:
            task.provenance.authors.append(annotator)
        bank.save(task)
        return task


def instruction_warnings(task: Task, instruction: str) -> list[str]:
    """What the docstring states that `instruction` leaves out (the condensation stage's check)."""
    parsed = condense_task(task).parsed
    if parsed is None:
        return []
    losses = information_loss(parsed.doc_struct, instruction, task.entry_point, task.program)
    return [loss.message for loss in losses]


def instruction_losses(task: Task, instruction: str, reference: str | None) -> list[str]:
    """What `instruction` leaves out of the docstring that the task's instruction (else the
    rule-based `reference`) says: an exception the tests assert, a value range. Such an
    instruction is worse than the task's, as tests that assert less are: BigCodeBench/85's
    model instruction dropped the ValueError its tests expect and was accepted unasked."""
    parsed = condense_task(task).parsed  # once, for both instructions
    if parsed is None:
        return []

    def losses(text: str) -> list[str]:
        found = information_loss(parsed.doc_struct, text, task.entry_point, task.program)
        return [loss.message for loss in found]

    kept = task.instruct_prompt if task.instruct_prompt.strip() else reference
    had = set(losses(kept)) if kept else set()
    return [loss for loss in losses(instruction) if loss not in had]


def accepted_instruction(task: Task, instruction: str, event: ProvenanceEvent) -> Task:
    """Record an LLM instruction the way the condensation stage records any accepted one."""
    parsed = parse_program(task.complete_prompt, task.entry_point)
    return apply_instruction(
        task,
        instruction,
        parsed.doc_struct if parsed else task.doc_struct,
        detail=LLM_CONDENSE_DETAIL + (f"; {event.detail}" if event.detail else ""),
        annotator=event.annotator,
        model=event.model,
        prompt_hash=event.prompt_hash,
    )


def current_files(task: Task) -> dict[str, str]:
    return {
        PROGRAM_FILE: task.program,
        TESTS_FILE: task.test,
        INSTRUCTION_FILE: task.instruct_prompt,
    }


def task_with_files(task: Task, texts: dict[str, str]) -> Task:
    """A copy of `task` with new file contents, its derived fields brought up to date."""
    task = task.model_copy(deep=True)
    if TESTS_FILE in texts:
        task.test = texts[TESTS_FILE]
    if INSTRUCTION_FILE in texts:
        task.instruct_prompt = texts[INSTRUCTION_FILE]
    if PROGRAM_FILE in texts and texts[PROGRAM_FILE] != task.program:
        program = texts[PROGRAM_FILE]
        old_imports = imported_modules(task.program)
        old_prompt = task.complete_prompt
        task.complete_prompt, task.canonical_solution = split_program(
            program, task.entry_point
        ) or (program, "")
        if task.complete_prompt != old_prompt:
            parsed = parse_program(task.complete_prompt, task.entry_point)
            if parsed is not None and parsed.doc_struct != task.doc_struct:
                task.doc_struct = parsed.doc_struct
                task.interchange.doc_struct = None
        task.code_prompt = derive_code_prompt(task.complete_prompt, task.entry_point) or ""
        task.interchange.prompt_chars = None
        task.interchange.code_prompt = None
        new_imports = imported_modules(task.program)
        if new_imports != old_imports:
            task.libs = new_imports
            task.interchange.libs = None
    task.dependencies = task_dependencies(task)
    return task


def drafted_task(change: ProposedChange, texts: dict[str, str], annotator: str | None) -> Task:
    task = Task(
        task_id=change.task_id,
        stage=Stage.DRAFT,
        provenance=Provenance(
            origin=Origin.LLM_ASSISTED,
            source=change.source,
            model=change.model,
            authors=[annotator] if annotator else [],
        ),
    )
    return task_with_files(task, texts)


def normalised_text(name: str, text: str) -> str:
    """Code files end with a newline; an instruction ends with its code fence, as in the
    benchmark (editors add a final newline that would break that layout)."""
    if name == INSTRUCTION_FILE:
        return text.rstrip("\n")
    if not text or text.endswith("\n"):
        return text
    return text + "\n"
