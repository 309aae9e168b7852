"""Edits applied to a task, and autosaved drafts that survive a crash."""

from __future__ import annotations

import os

import pytest

from conftest import make_task
from curator.drafts import (
    EditConflict,
    TaskTexts,
    apply_edits,
    clear_draft,
    draft_path,
    new_task,
    read_draft,
    recoverable_draft,
    save_edits,
    write_draft,
)
from curator.errors import TaskFileError
from curator.models import Stage


def test_apply_edits_splits_the_program_after_the_docstring():
    task = make_task()
    texts = TaskTexts.of(task)
    program = texts.program.replace("top <= 0", "top < 1")
    edited = apply_edits(task, texts.model_copy(update={"program": program}), "ann")
    assert edited.complete_prompt == task.complete_prompt
    assert "top < 1" in edited.canonical_solution
    assert edited.provenance.events[-1].detail == "program"
    assert apply_edits(task, texts) is task


def test_a_program_that_does_not_parse_is_kept_whole_as_prompt():
    task = make_task()
    edited = apply_edits(task, TaskTexts(program="def task_func(:\n", tests="", instruction=""))
    assert edited.complete_prompt == "def task_func(:\n"
    assert edited.canonical_solution == ""


def test_a_newer_different_autosave_is_offered_back(bank):
    task = make_task()
    with bank.lock():
        bank.add_all([task])
    saved = bank.load(task.task_id)
    assert recoverable_draft(bank, saved) is None
    texts = TaskTexts.of(saved).model_copy(update={"tests": saved.test + "\n# more\n"})
    write_draft(bank, saved.task_id, texts)
    assert draft_path(bank, saved.task_id).parent.name == "autosave"
    draft = recoverable_draft(bank, saved)
    assert draft is not None and draft.texts == texts
    clear_draft(bank, saved.task_id)
    assert read_draft(bank, saved.task_id) is None


def test_an_autosave_older_than_the_saved_task_is_not_offered(bank):
    task = make_task()
    bank.add_all([task])
    texts = TaskTexts.of(task).model_copy(update={"instruction": "old"})
    write_draft(bank, task.task_id, texts)
    meta = bank.task_dir(task.task_id) / "task.json"
    later = meta.stat().st_mtime + 60
    os.utime(meta, (later, later))
    assert recoverable_draft(bank, task) is None


def test_a_corrupt_autosave_is_named(bank):
    task = make_task()
    bank.add_all([task])
    path = draft_path(bank, task.task_id)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("{}")
    with pytest.raises(TaskFileError, match="autosave"):
        read_draft(bank, task.task_id)


def test_libraries_follow_the_imports_where_they_did():
    """A hand-written task's `libs` track what its program imports (the static checks want
    them equal); a list that already differed (the dataset's own) is kept."""
    task = new_task("Mine/1", ["numpy"])
    assert task.libs == ["numpy"]
    texts = TaskTexts.of(task)
    program = "import json\n" + texts.program
    edited = apply_edits(task, texts.model_copy(update={"program": program}))
    assert edited.libs == ["numpy", "json"]
    dropped = apply_edits(
        edited, texts.model_copy(update={"program": program.replace("import numpy\n", "")})
    )
    assert dropped.libs == ["json"]

    imported = make_task()
    imported.interchange.libs = str(imported.libs)
    texts = TaskTexts.of(imported)
    more = apply_edits(
        imported, texts.model_copy(update={"program": "import csv\n" + texts.program})
    )
    assert more.libs == [*imported.libs, "csv"] and more.interchange.libs is None
    imported.libs = ["something", "else"]
    kept = apply_edits(
        imported, texts.model_copy(update={"program": "import csv\n" + texts.program})
    )
    assert kept.libs == ["something", "else"]


def test_a_program_that_does_not_parse_keeps_its_libraries_until_it_does():
    """A save of `def broken(:` emptied `libs` (and the browser's column) until it parsed."""
    task = new_task("Mine/1", ["json"])
    texts = TaskTexts.of(task)
    broken = apply_edits(task, texts.model_copy(update={"program": texts.program + "def b(:\n"}))
    assert broken.libs == ["json"]
    mended = "import csv\n" + texts.program
    again = apply_edits(broken, texts.model_copy(update={"program": mended}))
    assert again.libs == ["json", "csv"]  # followed the imports again


def test_a_new_task_has_every_docstring_section_to_fill_in():
    task = new_task("Mine/1", ["numpy", "pandas"], "ann")
    assert task.stage.value == "draft" and task.entry_point == "task_func"
    assert task.program.startswith("import numpy\nimport pandas\n")
    for section in ("Parameters:", "Returns:", "Raises:", "Requirements:", "Example:"):
        assert section in task.complete_prompt
    assert "NotImplementedError" in task.canonical_solution
    assert "class TestCases(unittest.TestCase)" in task.test
    assert task.provenance.events[-1].operation == "created"
    assert task.provenance.authors == ["ann"]


def test_saved_edits_keep_what_was_written_meanwhile_beside_them(bank):
    bank.add_all([make_task()])
    base = TaskTexts.of(bank.load("Test/1"))
    meanwhile = bank.load("Test/1").model_copy(update={"stage": Stage.REFINED})
    bank.save(meanwhile)
    texts = base.model_copy(update={"tests": base.tests + "# more\n"})
    write_draft(bank, "Test/1", texts)
    saved = save_edits(bank, "Test/1", base, texts, "ann")
    assert bank.load("Test/1") == saved
    assert saved.test.endswith("# more\n") and saved.stage is Stage.REFINED
    assert read_draft(bank, "Test/1") is None


def test_edits_are_not_saved_over_files_changed_on_disk_since_they_were_loaded(bank):
    bank.add_all([make_task()])
    base = TaskTexts.of(bank.load("Test/1"))
    program = bank.task_dir("Test/1") / "task.py"
    program.write_text("# EXTERNAL EDIT\n" + program.read_text())
    texts = base.model_copy(update={"tests": base.tests + "# more\n"})
    write_draft(bank, "Test/1", texts)
    with pytest.raises(EditConflict) as conflict:
        save_edits(bank, "Test/1", base, texts, "ann")
    assert conflict.value.files == ["task.py"]
    assert str(conflict.value).startswith(f"{bank.task_dir('Test/1')}: task.py changed on disk")
    assert bank.load("Test/1").program.startswith("# EXTERNAL EDIT\n")
    assert read_draft(bank, "Test/1").texts == texts
    saved = save_edits(bank, "Test/1", base, texts, "ann", overwrite=True)
    assert TaskTexts.of(saved) == texts == TaskTexts.of(bank.load("Test/1"))


def test_texts_without_edits_never_write_over_the_disk(bank):
    bank.add_all([make_task()])
    base = TaskTexts.of(bank.load("Test/1"))
    instruction = bank.task_dir("Test/1") / "instruction.md"
    instruction.write_text("Written by condense --write.\n")
    saved = save_edits(bank, "Test/1", base, base, "ann")
    assert saved.instruct_prompt == "Written by condense --write.\n"
    assert instruction.read_text() == "Written by condense --write.\n"


def test_an_edit_saved_then_undone_leaves_the_committed_task_as_it_was(tmp_path, monkeypatch):
    """Saved, undone and saved again, an accepted task held two "edited" events: uncommitted
    changes, which the release refused, with its content as committed."""
    from gitbanks import git, isolate_git, new_bank, save_and_commit

    isolate_git(monkeypatch, tmp_path / "home")
    bank = new_bank(tmp_path / "bank")
    save_and_commit(bank, make_task("Test/1"), "add it")
    base = TaskTexts.of(bank.load("Test/1"))
    edited = base.model_copy(update={"program": base.program + "\n# a note\n"})
    save_edits(bank, "Test/1", base, edited, "ann")
    assert git(bank.root, "status", "--porcelain").strip()
    save_edits(bank, "Test/1", edited, base, "ann")
    assert git(bank.root, "status", "--porcelain").strip() == ""
    # Not as committed: saved with its events, as before.
    save_edits(bank, "Test/1", base, edited, "ann")
    assert bank.load("Test/1").provenance.events[-1].operation == "edited"
