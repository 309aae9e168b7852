"""A writer killed mid-write leaves the bank readable and each task whole, old or new."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
from gitbanks import git, head, isolate_git, new_bank, save_and_commit

from conftest import make_task
from curator.bank import Bank
from curator.errors import BankError, CuratorError
from curator.history import commit_task
from curator.models import Provenance, Stage, Task
from curator.validation import REPORT_FILE, ValidationReport

TESTS_DIR = Path(__file__).resolve().parent

# Saves the old and the new version of one task in turn, as fast as it can, until killed.
WRITER = """
import sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from curator.bank import Bank
from test_crash import versions

bank = Bank.open(Path(sys.argv[1]))
cycle = versions()
print("writing", flush=True)
turn = 0
while True:
    with bank.lock():
        bank.save(cycle[turn % 2])
    turn += 1
"""

HOLDER = """
import sys, time
from pathlib import Path
from curator.bank import Bank

with Bank.open(Path(sys.argv[1])).lock():
    print("locked", flush=True)
    time.sleep(60)
"""


def versions() -> tuple[Task, Task]:
    """Two versions of one task that differ in every file, the new one large."""
    when = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    old = make_task("Test/1", provenance=Provenance(created_at=when, updated_at=when))
    new = make_task(
        "Test/1",
        stage=Stage.REFINED,
        provenance=old.provenance,
        instruct_prompt="Count the words of a text.\n" * 4000,
        canonical_solution=old.canonical_solution + "    # checked\n" * 4000,
        test=old.test + "    # more tests to come\n" * 4000,
    )
    return old, new


def spawn(script: str, *args: str | Path) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-c", script, *map(str, args)],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.readline()  # the child is ready
    return process


def test_a_writer_killed_mid_write_leaves_the_task_old_or_new(bank: Bank) -> None:
    old, new = versions()
    with bank.lock():
        bank.save(old)
    seen = {"old": 0, "new": 0}
    chance = random.Random(8)
    for _ in range(30):
        writer = spawn(WRITER, bank.root, TESTS_DIR)
        time.sleep(chance.uniform(0.0, 0.08))
        writer.send_signal(signal.SIGKILL)
        writer.wait()
        scan = bank.scan()
        assert scan.problems == []
        [task] = scan.tasks
        assert task in (old, new), "the task is a mix of two versions"
        seen["old" if task == old else "new"] += 1
        with bank.lock(timeout=2):  # the dead writer's lock went with it
            pass
    assert seen["old"] and seen["new"], seen


def test_a_second_process_cannot_write_while_the_bank_is_locked(bank: Bank) -> None:
    holder = spawn(HOLDER, bank.root)
    try:
        locked = f"locked by another curator process \\(pid {holder.pid}\\)"
        with pytest.raises(BankError, match=locked), bank.lock(timeout=0.3):
            pass
    finally:
        holder.kill()
        holder.wait()
    with bank.lock(timeout=2):
        pass


def test_threads_of_one_process_take_the_bank_lock_in_turn(bank: Bank) -> None:
    held, release = threading.Event(), threading.Event()

    def hold() -> None:
        with Bank(bank.root).lock():  # another Bank object of the same bank
            held.set()
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    held.wait(5)
    try:
        with pytest.raises(BankError, match="another thread of this process"), bank.lock(0.2):
            pass
    finally:
        release.set()
        holder.join()
    with bank.lock(timeout=2):
        pass


# Rewrites one sidecar, killed (SIGKILL) after the new file is written, before it replaces the
# old one: what a kill -9 during `curator validate` can do.
KILLED_SIDECAR_WRITER = """
import os, signal, sys
sys.path.insert(0, sys.argv[2])
from pathlib import Path
from curator.bank import Bank
from curator.validation import REPORT_FILE

from test_crash import leftover_report

os.replace = lambda *names: os.kill(os.getpid(), signal.SIGKILL)
bank = Bank.open(Path(sys.argv[1]))
with bank.lock():
    bank.write_sidecar("Test/1", REPORT_FILE, leftover_report())
"""


def leftover_report() -> ValidationReport:
    return ValidationReport(task_id="Test/1", verdict="pass", content_hash="0", environment="x")


def leftover_of_a_killed_write(bank: Bank) -> Path:
    writer = subprocess.run(
        [sys.executable, "-c", KILLED_SIDECAR_WRITER, bank.root, TESTS_DIR], check=False
    )
    assert writer.returncode == -signal.SIGKILL
    [leftover] = bank.task_dir("Test/1").glob(".validation.json.*.tmp")
    return leftover


def test_the_next_write_removes_what_a_killed_write_left(bank: Bank) -> None:
    with bank.lock():
        bank.save(make_task("Test/1"))
    leftover = leftover_of_a_killed_write(bank)
    folder = bank.task_dir("Test/1")
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        in_flight = folder / f".validation.json.{running.pid}.1.tmp"
        in_flight.write_text("{")
        with bank.lock():
            bank.write_sidecar("Test/1", REPORT_FILE, leftover_report())
        assert not leftover.exists()
        assert in_flight.exists(), "a write of a process that still runs was removed"
    finally:
        running.kill()
        running.wait()


def test_a_commit_never_takes_what_a_killed_write_left(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    bank = new_bank(tmp_path / "bank")
    save_and_commit(bank, make_task("Test/1"), "Add")
    leftover = leftover_of_a_killed_write(bank)
    (bank.task_dir("Test/1") / "instruction.md").write_text("Count the words.\n")
    commit_task(bank, "Test/1", None, "Edit the instruction")
    assert not leftover.exists()
    assert git(bank.root, "show", "--name-only", "--format=", "HEAD").split() == [
        "Test__1/instruction.md"
    ]

    in_flight = bank.task_dir("Test/1") / f".task.json.{os.getpid()}.1.tmp"
    in_flight.write_text("{")
    (bank.task_dir("Test/1") / "instruction.md").write_text("Count words.\n")
    before = head(bank.root)
    with pytest.raises(CuratorError, match=r"\.task\.json\.\d+\.1\.tmp: a temporary file of a "):
        commit_task(bank, "Test/1", None, "Edit again")
    assert head(bank.root) == before
