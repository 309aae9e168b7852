"""A writer killed mid-write leaves the bank readable and each task whole, old or new."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from conftest import make_task
from curator.bank import Bank
from curator.errors import BankError
from curator.models import Provenance, Stage, Task

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
