"""Work in progress on a task: applying an annotator's edits, and autosaved drafts.

An editor keeps the three texts a person writes (task program, tests, instruction). Edits
become a Task through `apply_edits` and reach the bank through `save_edits`, which refuses to
write over files that changed on disk since the editor loaded them. Until they are saved,
`write_draft` keeps them under `<bank>/.curator/autosave/` so that a crash loses nothing, and
`recoverable_draft` offers them back when the task is opened again.
"""

from __future__ import annotations

import keyword
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from curator.bank import (
    INSTRUCTION_FILE,
    META_FILE,
    PROGRAM_FILE,
    TESTS_FILE,
    Bank,
    describe_validation_error,
    folder_name,
)
from curator.docstring import TEMPLATE_PLACEHOLDERS
from curator.errors import CuratorError, TaskFileError
from curator.fsutil import atomic_write
from curator.gitbank import GitBank
from curator.imports import imported_modules, task_dependencies
from curator.models import ProvenanceEvent, Task, utc_now
from curator.program import derive_code_prompt, split_program, syntax_tree

AUTOSAVE_DIR = "autosave"
# The file that holds each text an annotator edits (a TaskTexts field).
FILE_OF_TEXT = {"program": PROGRAM_FILE, "tests": TESTS_FILE, "instruction": INSTRUCTION_FILE}


class TaskTexts(BaseModel):
    """The three texts an annotator edits."""

    program: str
    tests: str
    instruction: str

    @classmethod
    def of(cls, task: Task) -> TaskTexts:
        return cls(program=task.program, tests=task.test, instruction=task.instruct_prompt)


def changed_files(before: TaskTexts, after: TaskTexts) -> list[str]:
    """The files whose text differs between the two."""
    return [
        file for text, file in FILE_OF_TEXT.items() if getattr(before, text) != getattr(after, text)
    ]


class EditConflict(CuratorError):
    """The files that edits started from changed on disk since (another window, a CLI
    command, a sync): saving the edits over them would undo that change unseen."""

    def __init__(self, task_id: str, directory: Path, files: list[str]) -> None:
        self.task_id = task_id
        self.directory = directory
        self.files = files
        super().__init__(
            f"{directory}: {', '.join(files)} changed on disk since {task_id} was loaded for "
            "editing; the edits were not saved"
        )


class Draft(BaseModel):
    """Unsaved edits of one task, kept until they are saved or discarded."""

    task_id: str
    texts: TaskTexts
    saved_at: datetime = Field(default_factory=utc_now)


def apply_edits(task: Task, texts: TaskTexts, annotator: str | None = None) -> Task:
    """The task with the edited texts; the program is split after the docstring as on load."""
    if TaskTexts.of(task) == texts:
        return task
    split = split_program(texts.program, task.entry_point)
    prompt, solution = split if split is not None else (texts.program, "")
    updated = task.model_copy(deep=True)
    updated.complete_prompt = prompt
    updated.canonical_solution = solution
    updated.test = texts.tests
    updated.instruct_prompt = texts.instruction
    updated.code_prompt = derive_code_prompt(prompt, task.entry_point) or task.code_prompt
    updated.dependencies = task_dependencies(updated)
    updated.libs = edited_libraries(task, updated)
    if updated.libs != task.libs:
        updated.interchange.libs = None  # the dataset's spelling of the old list
    updated.provenance.updated_at = utc_now()
    changed = [
        name
        for name, before, after in (
            ("program", task.program, texts.program),
            ("tests", task.test, texts.tests),
            ("instruction", task.instruct_prompt, texts.instruction),
        )
        if before != after
    ]
    updated.provenance.events.append(
        ProvenanceEvent(operation="edited", annotator=annotator, detail=", ".join(changed))
    )
    return updated


NEW_TASK_TESTS = """import unittest


class TestCases(unittest.TestCase):
    def test_example(self):
        self.assertEqual(task_func([1, 2]), 3)
"""


def library_names(text: str) -> list[str]:
    """The libraries named in `text`, comma-separated (`new --libs`, `draft --libs`, the app's
    new-task dialog); each must be a module's name, which the new program imports: `task re` or
    `os;rm` would be written into it as they are."""
    names = [name.strip() for name in text.split(",") if name.strip()]
    wrong = [
        name
        for name in names
        if not all(part.isidentifier() and not keyword.iskeyword(part) for part in name.split("."))
    ]
    if wrong:
        listed = ", ".join(repr(name) for name in wrong)
        raise CuratorError(
            f"not the name of a module: {listed} (libraries are comma-separated module names, "
            "such as numpy,collections)"
        )
    return names


def new_task(task_id: str, libraries: list[str], annotator: str | None = None) -> Task:
    """A task to write by hand: the program's imports, a `task_func` whose structured docstring
    has every section BigCodeBench's have (to fill in, `TEMPLATE_PLACEHOLDERS`), a solution
    still to write and one test. Stage draft; its libraries are the ones it imports (see
    `apply_edits`)."""
    libraries = library_names(",".join(libraries))
    imports = "".join(f"import {library}\n" for library in libraries)
    requirements = "".join(f"    - {library}\n" for library in libraries)
    requirements = requirements or f"    {TEMPLATE_PLACEHOLDERS['requirements']}\n"
    program = (
        f"{imports}\n\n"
        "def task_func(data):\n"
        '    """\n'
        f"    {TEMPLATE_PLACEHOLDERS['description']}\n\n"
        "    Parameters:\n"
        f"    {TEMPLATE_PLACEHOLDERS['parameters']}\n\n"
        "    Returns:\n"
        f"    {TEMPLATE_PLACEHOLDERS['returns']}\n\n"
        "    Raises:\n"
        f"    {TEMPLATE_PLACEHOLDERS['raises']}\n\n"
        "    Requirements:\n"
        f"{requirements}\n"
        "    Example:\n"
        "    >>> task_func([1, 2])\n"
        "    3\n"
        '    """\n'
        '    raise NotImplementedError("write the reference solution")\n'
    )
    prompt, solution = split_program(program, "task_func") or (program, "")
    task = Task(
        task_id=task_id,
        complete_prompt=prompt,
        canonical_solution=solution,
        code_prompt=derive_code_prompt(prompt, "task_func") or "",
        test=NEW_TASK_TESTS,
        libs=list(libraries),
    )
    task.provenance.authors = [annotator] if annotator else []
    task.provenance.events.append(ProvenanceEvent(operation="created", annotator=annotator))
    task.dependencies = task_dependencies(task)
    return task


def edited_libraries(before: Task, after: Task) -> list[str]:
    """`libs` follow the program's imports where they did (or were never set): the ones still
    imported keep their order, new ones come after. A list that already differed from the
    imports is the annotator's (or the dataset's) and is kept. While the program does not
    parse, its imports are unknown, not none: a save emptied `libs` until it parsed again."""
    if syntax_tree(after.program) is None:
        return before.libs
    parsed_before = syntax_tree(before.program) is not None
    imported_before = imported_modules(before.program) if parsed_before else before.libs
    if before.libs and set(before.libs) != set(imported_before):
        return before.libs
    imported = after.dependencies.solution  # the program's imports, read by `apply_edits`
    kept = [library for library in before.libs if library in imported]
    return kept + [library for library in imported if library not in kept]


def save_edits(
    bank: Bank,
    task_id: str,
    base: TaskTexts,
    texts: TaskTexts,
    annotator: str | None = None,
    overwrite: bool = False,
) -> Task:
    """Save `texts`, edited from `base` (the texts the editor loaded), and drop their autosave;
    returns the task as the bank now holds it.

    When the task's files no longer hold `base`, raises EditConflict naming them, unless
    `overwrite`. Anything else written meanwhile (a validation, flags) is kept: the edits are
    applied to the task as it is on disk. Texts equal to `base` write nothing.
    """
    if texts == base:
        clear_draft(bank, task_id)
        return bank.load(task_id)
    with bank.lock():
        on_disk = bank.load(task_id)
        changed = changed_files(base, TaskTexts.of(on_disk))
        if changed and not overwrite:
            raise EditConflict(task_id, bank.task_dir(task_id), changed)
        updated = apply_edits(on_disk, texts, annotator)
        if updated is not on_disk:
            updated = as_committed_if_unchanged(bank, updated)
            bank.save(updated)
    clear_draft(bank, task_id)
    return updated


def as_committed_if_unchanged(bank: Bank, task: Task) -> Task:
    """The task as committed where it differs from it by the record of its edits alone: an
    edit saved, then undone and saved again, left an accepted task with uncommitted changes
    (two "edited" events), which the release refused."""
    try:
        committed = GitBank(bank).committed_task(task.task_id)
    except CuratorError:  # no repository, or one git cannot read: nothing to compare with
        return task
    if committed is None:
        return task
    unchanged = task.model_copy(update={"provenance": committed.provenance}) == committed
    return committed if unchanged else task


def draft_path(bank: Bank, task_id: str) -> Path:
    return bank.private_dir / AUTOSAVE_DIR / f"{folder_name(task_id)}.json"


def write_draft(bank: Bank, task_id: str, texts: TaskTexts) -> None:
    path = draft_path(bank, task_id)
    path.parent.mkdir(exist_ok=True)
    atomic_write(path, Draft(task_id=task_id, texts=texts).model_dump_json(indent=2) + "\n")


def read_draft(bank: Bank, task_id: str) -> Draft | None:
    path = draft_path(bank, task_id)
    if not path.is_file():
        return None
    try:
        return Draft.model_validate_json(path.read_bytes())
    except ValidationError as error:
        problem = describe_validation_error(error)
        raise TaskFileError(path, f"unreadable autosave ({problem})") from None


def clear_draft(bank: Bank, task_id: str) -> None:
    path = draft_path(bank, task_id)
    path.unlink(missing_ok=True)


def recoverable_draft(bank: Bank, task: Task) -> Draft | None:
    """An autosave newer than the task's saved files and different from them, if any."""
    draft = read_draft(bank, task.task_id)
    if draft is None or draft.texts == TaskTexts.of(task):
        return None
    meta_path = bank.task_dir(task.task_id) / META_FILE
    saved_at = meta_path.stat().st_mtime if meta_path.is_file() else 0.0
    return draft if draft.saved_at.timestamp() >= int(saved_at) else None
