"""Helpers for the app tests: banks in real git repositories, and waiting without sleeping."""

from __future__ import annotations

import asyncio
import functools
import shutil
import subprocess
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

import pytest
from gitbanks import isolate_git
from textual.pilot import Pilot

from conftest import PROJECT_ROOT, make_task
from curator.app.main import CuratorApp, make_app
from curator.app.settings import AppSettings
from curator.bank import Bank
from curator.history import commit_new_bank, import_tasks
from curator.models import Stage, Task

SIZE = (120, 34)

UNCOVERED_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(task_func("a b a", top=1), [("a", 2)])
"""

FAILING_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(task_func("a b a", top=1), [("b", 9)])

    def test_bad_top(self):
        with self.assertRaises(ValueError):
            task_func("a", top=0)
"""


def demo_tasks() -> list[Task]:
    """A small bank: drafts, a refined task, an accepted one, and tasks using numpy/pandas."""
    return [
        make_task("Demo/1", instruct_prompt=""),
        make_task("Demo/2", stage=Stage.REFINED, test=UNCOVERED_TESTS, instruct_prompt=""),
        make_task("Demo/3", stage=Stage.REFINED, test=FAILING_TESTS),
        make_task("Demo/4", stage=Stage.ACCEPTED, libs=["numpy", "pandas"]),
        make_task("Demo/10", libs=["numpy"]),
    ]


def git_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, tasks: list[Task]) -> Bank:
    """A bank of `tasks`, committed, in a git repository that ignores the user's config."""
    isolate_git(monkeypatch, tmp_path / "home")
    monkeypatch.setenv("CURATOR_CONFIG", str(tmp_path / "no-config.toml"))
    bank = Bank.init(tmp_path / "bank")
    commit_new_bank(bank)
    outcome = import_tasks(bank, tasks, Path("demo.jsonl"))
    assert outcome.sha is not None, outcome.not_committed
    return bank


def app_on(bank: Bank, keymap: dict[str, str] | None = None) -> CuratorApp:
    return make_app(bank, AppSettings(keymap=keymap or {}, annotator="Ada Annotator"))


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker has finished and the messages they posted are handled, including
    workers that those messages start in turn."""
    await pilot.pause()
    while any(not worker.is_finished for worker in pilot.app.workers):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
    await pilot.pause()


def run_async(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async Pilot test on its own event loop (no pytest plugin needed)."""

    @functools.wraps(test)
    def runner(*args: Any, **kwargs: Any) -> None:
        asyncio.run(test(*args, **kwargs))

    return runner


def demo_bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Bank:
    """A copy of the demo bank `tasks/` in its own git repository (never the real one)."""
    isolate_git(monkeypatch, tmp_path / "home")
    monkeypatch.setenv("CURATOR_CONFIG", str(tmp_path / "no-config.toml"))
    root = tmp_path / "demo"
    shutil.copytree(PROJECT_ROOT / "tasks", root)
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, check=True)
    subprocess.run(["git", "add", "-A"], cwd=root, check=True)
    subprocess.run(["git", "commit", "-q", "-m", "demo bank"], cwd=root, check=True)
    return Bank.open(root)
