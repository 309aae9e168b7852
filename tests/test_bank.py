"""The bank on disk: folder names, loading, named problems, locking, all-or-nothing adds."""

from __future__ import annotations

import errno
import json
import multiprocessing
import os
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import make_task, unwritable
from curator.bank import Bank, folder_name, task_id_from_folder
from curator.errors import BankError, TaskFileError, TaskNotFound
from curator.models import FlagStatus, Stage
from curator.validation import ValidationReport


@pytest.mark.parametrize(
    ("task_id", "folder"),
    [
        ("BigCodeBench/123", "BigCodeBench__123"),
        ("my_task/1", "my_5Ftask__1"),
        ("a b/c:d", "a_20b__c_3Ad"),
        ("../etc", "_2E.__etc"),
        ("日本/1", "_u0065E5_u00672C__1"),
        ("Demo/1.v2-x", "Demo__1.v2-x"),
    ],
)
def test_folder_names_are_safe_and_reversible(task_id: str, folder: str) -> None:
    assert folder_name(task_id) == folder
    assert task_id_from_folder(folder) == task_id
    assert "/" not in folder and not folder.startswith(".")


@pytest.mark.parametrize("name", ["_zz", "a_", "x_u12"])
def test_foreign_folder_names_are_rejected(name: str) -> None:
    with pytest.raises(ValueError, match="not a task folder name"):
        task_id_from_folder(name)


def test_save_and_load_round_trip(bank: Bank) -> None:
    task = make_task("Demo/3", stage=Stage.REFINED, instruct_prompt="Count words.\n")
    bank.save(task)
    loaded = Bank.open(bank.root).load("Demo/3")
    assert loaded == task
    files = sorted(path.name for path in bank.task_dir("Demo/3").iterdir())
    assert files == ["instruction.md", "task.json", "task.py", "tests.py"]
    assert "def task_func" in (bank.task_dir("Demo/3") / "task.py").read_text()
    assert "def task_func" not in (bank.task_dir("Demo/3") / "task.json").read_text()


def test_a_save_keeps_every_other_file_of_the_folder_hidden_ones_too(bank: Bank) -> None:
    """A save swapped in a new folder carrying only the files whose names did not start with a
    dot: a reviewer's `.notes` and a committed `.gitignore` were lost. Only curator's own
    temporaries (of a process that is gone) are left behind."""
    task = make_task("Demo/3")
    bank.save(task)
    folder = bank.task_dir("Demo/3")
    (folder / ".notes").write_text("ask about the empty input\n")
    (folder / ".gitignore").write_text("*.png\n")
    (folder / "data").mkdir()
    (folder / "data" / ".keep").write_text("")
    (folder / ".task.py.999999999.1.tmp").write_text("half written")
    bank.save(task.model_copy(update={"instruct_prompt": "Count the words.\n"}))
    assert (folder / ".notes").read_text() == "ask about the empty input\n"
    assert (folder / ".gitignore").read_text() == "*.png\n"
    assert (folder / "data" / ".keep").exists()
    assert not (folder / ".task.py.999999999.1.tmp").exists()
    assert (folder / "instruction.md").read_text() == "Count the words.\n"


def test_a_draft_saved_while_it_did_not_parse_splits_again_once_it_does(bank: Bank) -> None:
    """A save of a half-typed program (all of it counts as prompt) keeps no prompt length, nor
    an empty code prompt: once the program parses again, its solution is its solution again,
    and what an older save left so (the whole length, an empty `code_prompt.py`) is read as
    the derived split."""
    task = make_task("Demo/3")
    bank.save(task)
    directory = bank.task_dir("Demo/3")
    program = (directory / "task.py").read_text()
    (directory / "task.py").write_text(program + "\ndef (:\n")
    half_typed = bank.load("Demo/3")
    assert half_typed.canonical_solution == ""
    bank.save(half_typed)
    assert json.loads((directory / "task.json").read_text())["interchange"]["prompt_chars"] is None
    assert not (directory / "code_prompt.py").exists()
    (directory / "task.py").write_text(program)
    mended = bank.load("Demo/3")
    assert (mended.complete_prompt, mended.canonical_solution) == (
        task.complete_prompt,
        task.canonical_solution,
    )
    assert mended.code_prompt == task.code_prompt
    # as an earlier save left it
    meta = json.loads((directory / "task.json").read_text())
    meta["interchange"]["prompt_chars"] = len(program + "\ndef (:\n")
    (directory / "task.json").write_text(json.dumps(meta))
    (directory / "code_prompt.py").write_text("")
    left = bank.load("Demo/3")
    assert left.canonical_solution == task.canonical_solution
    assert left.code_prompt == task.code_prompt


@pytest.mark.parametrize(
    ("name", "spoil", "problem"),
    [
        ("task.py", lambda path: (path.unlink(), os.mkfifo(path)), "is not a regular file"),
        ("tests.py", lambda path: (path.unlink(), path.mkdir()), "is not a regular file"),
        ("task.json", lambda path: (path.unlink(), path.mkdir()), "is not a regular file"),
        ("instruction.md", lambda path: path.write_bytes(b"\xff\n"), "is not UTF-8"),
        # 50 MB: `curator show` and `diff` took a minute each
        ("tests.py", lambda path: path.write_bytes(b"#" * (1 << 20) + b"\n"), "holds 1,048,577"),
    ],
)
def test_a_task_file_that_is_no_readable_text_is_that_tasks_problem(
    bank: Bank, name: str, spoil: Callable[[Path], object], problem: str
) -> None:
    """A FIFO (reading it waited for a writer: every command on the bank hung), a folder or
    bytes that are not UTF-8 where a task file should be: the file is named with what is wrong,
    and the other tasks still load."""
    bank.save(make_task("Demo/1"))
    bank.save(make_task("Demo/2"))
    path = bank.task_dir("Demo/1") / name
    spoil(path)
    with pytest.raises(TaskFileError) as refused:
        bank.load("Demo/1")
    assert str(refused.value).startswith(f"{path}: {problem}")
    scan = bank.scan()
    assert [task.task_id for task in scan.tasks] == ["Demo/2"]
    assert [str(found) for found in scan.problems] == [str(refused.value)]


def test_a_task_too_large_for_a_file_is_never_written(bank: Bank) -> None:
    """A pasted megabyte in the tests is refused before anything is written: saved, the task
    could no longer be read. The task on disk stays as it was; an import adds nothing."""
    task = make_task("Demo/1")
    bank.save(task)
    huge = task.model_copy(update={"test": task.test + "#" * (1 << 20)})
    with pytest.raises(BankError, match=r"^Demo/1: tests.py holds 1,04\d,\d{3} bytes; .* at most"):
        bank.save(huge)
    assert bank.load("Demo/1") == task
    with pytest.raises(BankError, match=r"^Demo/2: tests\.py holds"):
        bank.add_all([make_task("Demo/3"), huge.model_copy(update={"task_id": "Demo/2"})])
    assert bank.task_ids() == ["Demo/1"]


def test_a_folder_that_cannot_be_written_is_named_with_the_reason(bank: Bank) -> None:
    task = make_task("Demo/3")
    bank.save(task)
    edited = task.model_copy(update={"test": task.test + "# more\n"})
    directory = bank.task_dir("Demo/3")
    with unwritable(directory), pytest.raises(TaskFileError) as refused:
        bank.save(edited)
    message = str(refused.value)
    assert message.startswith(f"{directory}: cannot save the task (")
    assert "not permitted" in message or "denied" in message
    assert bank.load("Demo/3") == task


def test_a_leftover_of_a_save_that_cannot_be_removed_is_named(bank: Bank) -> None:
    """A file of the task's old folder that cannot be deleted (made immutable by hand) stays
    behind in .curator/saving after the folders swap; every later save then failed with
    "cannot save the task (File exists)"."""
    task = make_task("Demo/3")
    bank.save(task)
    leftover = bank.private_dir / "saving" / folder_name("Demo/3")
    leftover.mkdir(parents=True)
    (leftover / "task.py").write_text("old\n")
    edited = task.model_copy(update={"test": task.test + "# more\n"})
    with unwritable(leftover), pytest.raises(TaskFileError) as refused:
        bank.save(edited)
    message = str(refused.value)
    assert "leftover of an earlier save" in message and "File exists" not in message
    assert str(bank.private_dir / "saving") in message
    assert bank.load("Demo/3") == task
    bank.save(edited)  # once it can be removed, saves work again
    assert bank.load("Demo/3") == edited


def test_tasks_are_listed_in_numeric_order(bank: Bank) -> None:
    for number in (10, 9, 1):
        bank.save(make_task(f"T/{number}"))
    assert bank.task_ids() == ["T/1", "T/9", "T/10"]


def test_a_draft_that_does_not_parse_keeps_all_its_text(bank: Bank) -> None:
    task = make_task(complete_prompt="def task_func(:\n", canonical_solution="    return 1\n")
    bank.save(task)
    loaded = bank.load(task.task_id)
    assert loaded.program == task.program
    assert (loaded.complete_prompt, loaded.canonical_solution) == (
        task.complete_prompt,
        task.canonical_solution,
    )


def test_open_refuses_what_is_not_a_bank(tmp_path: Path) -> None:
    with pytest.raises(BankError, match="no such directory"):
        Bank.open(tmp_path / "absent")
    with pytest.raises(BankError, match="not a curator bank"):
        Bank.open(tmp_path)
    (tmp_path / "bank.json").write_text("{")
    with pytest.raises(BankError, match=r"bank\.json: not valid JSON"):
        Bank.open(tmp_path)
    (tmp_path / "bank.json").write_text('{"format": 99}')
    with pytest.raises(BankError, match="unsupported bank format"):
        Bank.open(tmp_path)
    # A quality setting put at the top level was ignored without a word.
    (tmp_path / "bank.json").write_text('{"format": 1, "name": "x", "min_flaky_runs": 0}')
    with pytest.raises(BankError, match=r"unknown setting\(s\) 'min_flaky_runs' \(a bank's are"):
        Bank.open(tmp_path)


def test_init_twice_is_refused(bank: Bank) -> None:
    with pytest.raises(BankError, match="already a curator bank"):
        Bank.init(bank.root)


def test_corrupt_folders_are_named_and_the_rest_still_loads(bank: Bank) -> None:
    for number in range(1, 5):
        bank.save(make_task(f"T/{number}"))
    (bank.task_dir("T/1") / "task.json").write_text('{"task_id": "T/1", "stage": "bogus"}')
    (bank.task_dir("T/2") / "tests.py").unlink()
    meta = json.loads((bank.task_dir("T/3") / "task.json").read_text())
    meta["task_id"] = "T/99"
    (bank.task_dir("T/3") / "task.json").write_text(json.dumps(meta))
    scan = bank.scan()
    assert [task.task_id for task in scan.tasks] == ["T/4"]
    messages = [str(problem) for problem in scan.problems]
    assert "T__1/task.json: field 'stage'" in messages[0]
    assert "T__2/tests.py: file is missing" in messages[1]
    assert "does not match its folder" in messages[2]
    with pytest.raises(TaskFileError):
        bank.load_all()


def test_a_json_file_a_merge_left_unsettled_is_said_as_such(bank: Bank) -> None:
    """Mid-merge, a conflicted task.json read "Invalid JSON: key must be a string at line 5"."""
    bank.save(make_task("T/1"))
    meta = bank.task_dir("T/1") / "task.json"
    lines = meta.read_text().splitlines(keepends=True)
    lines[3:3] = ["<<<<<<< HEAD\n", lines[3], "=======\n", lines[3], ">>>>>>> origin/main\n"]
    meta.write_text("".join(lines))
    (bank.task_dir("T/1") / "validation.json").write_text("<<<<<<< HEAD\n{}\n=======\n")
    with pytest.raises(TaskFileError, match=r"task\.json: holds git's merge conflict markers"):
        bank.load("T/1")
    with pytest.raises(TaskFileError, match=r"validation\.json: holds git's merge conflict"):
        bank.read_sidecar("T/1", "validation.json", ValidationReport)


def test_unknown_task_is_named(bank: Bank) -> None:
    with pytest.raises(TaskNotFound, match="'Nope/1'"):
        bank.load("Nope/1")


@pytest.mark.parametrize(
    ("command", "said"),
    [
        (["show", ""], "no task '' in the bank (the task id is empty)"),
        (["validate", ""], "no task '' in the bank (the task id is empty)"),
        (["commit", "", "-m", "x"], "no task '' in the bank (the task id is empty)"),
        (["log", ""], "no task '' in the bank (the task id is empty)"),
        (["show", "releases"], "no task 'releases' in the bank (releases/ is the bank's own"),
    ],
)
def test_an_empty_id_or_a_bank_folder_is_no_task_and_exits_2(
    bank: Bank,
    run_cli: Callable[..., subprocess.CompletedProcess[str]],
    command: list[str],
    said: str,
) -> None:
    """`curator show "$ID"` with ID unset printed a traceback (exit 1); `show releases` called
    the bank's release folder a broken task."""
    (bank.root / "releases").mkdir(exist_ok=True)
    result = run_cli("--bank", bank.root, *command)
    assert result.returncode == 2, result.stderr
    assert said in result.stderr and "Traceback" not in result.stderr


def test_a_task_asked_for_by_its_folder_name_is_named(bank: Bank) -> None:
    """`ls` shows `T__2`; asking for it said only that there is no such task."""
    bank.save(make_task("T/2"))
    with pytest.raises(TaskNotFound) as found:
        bank.load("T__2")
    assert str(found.value) == "no task 'T__2' in the bank (T__2 is the folder of task 'T/2')"
    with pytest.raises(TaskNotFound) as missing:
        bank.load("T__3")
    assert str(missing.value) == "no task 'T__3' in the bank"


def test_saving_a_task_as_loaded_changes_no_file(bank: Bank) -> None:
    """A task without a code prompt left an empty code_prompt.py, which loading derives the
    prompt for: the next save (a flaky check's) deleted it, a change nobody made."""
    task = make_task("T/1")
    task.code_prompt = ""
    bank.add_all([task])
    folder = bank.task_dir("T/1")
    written = {path.name: path.read_bytes() for path in folder.iterdir()}
    bank.save(bank.load("T/1"))
    assert {path.name: path.read_bytes() for path in folder.iterdir()} == written


def test_add_all_clears_the_staging_folders_of_imports_killed_midway(bank: Bank) -> None:
    """A killed import left `.curator/staging-PID/` with its tasks for good: each import
    cleared only its own process's."""
    dead = bank.private_dir / "staging-999999999"
    (dead / "T__9").mkdir(parents=True)
    (dead / "T__9" / "task.py").write_text("left behind\n")
    running = bank.private_dir / f"staging-{os.getppid()}"
    running.mkdir()
    bank.add_all([make_task("T/1")])
    assert not dead.exists()
    assert running.is_dir()  # another process's, still running: its import may go on
    assert bank.exists("T/1")


def test_add_all_is_all_or_nothing(bank: Bank) -> None:
    bank.save(make_task("T/2"))
    before = sorted(path.name for path in bank.root.iterdir())
    with pytest.raises(BankError, match=r"T/2 is already in the bank"):
        bank.add_all([make_task("T/1"), make_task("T/2")])
    assert sorted(path.name for path in bank.root.iterdir()) == before


def _hold_lock(root: str, ready: multiprocessing.Event, release: multiprocessing.Event) -> None:
    with Bank.open(Path(root)).lock():
        ready.set()
        release.wait(30)


def test_lock_keeps_a_second_process_out(bank: Bank) -> None:
    context = multiprocessing.get_context("spawn")
    ready, release = context.Event(), context.Event()
    holder = context.Process(target=_hold_lock, args=(str(bank.root), ready, release))
    holder.start()
    try:
        assert ready.wait(30)
        with (
            pytest.raises(
                BankError, match=rf"locked by another curator process \(pid {holder.pid}\)"
            ),
            bank.lock(timeout=0.2),
        ):
            pass
    finally:
        release.set()
        holder.join(30)
    started = time.monotonic()
    with bank.lock(timeout=5):
        assert time.monotonic() - started < 5


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this machine")
def test_a_full_disk_is_named_before_the_bank_is_written(bank: Bank) -> None:
    """Every command takes the lock before it writes: on a full disk, its first write (the
    holder's pid) is named, as the bank's own file, not a bare 'No space left on device'."""
    bank.save(make_task())
    before = (bank.task_dir("Test/1") / "task.json").read_bytes()
    lock = bank.private_dir / "lock"
    lock.unlink(missing_ok=True)
    lock.symlink_to("/dev/full")  # every write to it: ENOSPC
    with pytest.raises(OSError) as raised, bank.lock():
        bank.save(make_task(test="changed"))
    assert (raised.value.errno, raised.value.filename) == (errno.ENOSPC, str(lock))
    assert (bank.task_dir("Test/1") / "task.json").read_bytes() == before


def test_task_helpers(bank: Bank) -> None:
    task = make_task()
    assert not task.validation_is_current
    assert task.content_hash() == make_task().content_hash()
    assert task.content_hash() != make_task(test=task.test + "\n").content_hash()
    assert task.open_flags() == []
    assert FlagStatus.OPEN == "open"


def test_a_task_id_differing_only_in_letter_case_is_refused(bank: Bank) -> None:
    """`demo/1` beside `Demo/1`: one folder on macOS and Windows, where one task would
    overwrite the other (a clone there would lose one). Refused on every system, whether
    added one at a time or in an import."""
    bank.save(make_task("Demo/1"))
    with pytest.raises(BankError, match="differs only in letter case from the folder 'Demo__1'"):
        bank.save(make_task("demo/1"))
    with pytest.raises(BankError, match="differs only in letter case"):
        bank.add_all([make_task("demo/1")])
    with pytest.raises(BankError, match="differs only in letter case"):
        bank.add_all([make_task("Other/1"), make_task("OTHER/1")])
    assert sorted(path.name for path in bank.task_dirs()) == ["Demo__1"]
    bank.save(make_task("Demo/1", instruct_prompt="again\n"))  # the task itself saves
