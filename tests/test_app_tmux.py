"""Smoke test: the real `curator` command in a real terminal (tmux), driven by keys.

Skipped where tmux is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest
from app_support import demo_bank, git_bank

from conftest import make_task

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(
        self, command: list[str], env: dict[str, str], size: tuple[int, int] = (120, 34)
    ) -> None:
        self.name = f"curator-smoke-{uuid.uuid4().hex[:8]}"
        shell = " ".join(command)
        columns, lines = map(str, size)
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", columns, "-y", lines, shell],
            check=True,
            env=env,
        )

    def screen(self) -> str:
        return subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", self.name],
            capture_output=True,
            text=True,
            check=True,
        ).stdout

    def wait_for(self, *texts: str, timeout: float = 60.0) -> str:
        """The screen once it shows every one of `texts`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            screen = self.screen()
            if all(text in screen for text in texts):
                return screen
            time.sleep(0.2)
        raise AssertionError(f"{texts!r} never all appeared; the screen shows:\n{self.screen()}")

    def keys(self, *keys: str, literal: bool = False) -> None:
        flags = ["-l"] if literal else []
        subprocess.run(["tmux", "send-keys", "-t", self.name, *flags, *keys], check=True)

    def alive(self) -> bool:
        return subprocess.run(["tmux", "has-session", "-t", self.name]).returncode == 0

    def close(self) -> None:
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)


def test_the_real_app_opens_the_bank_filters_opens_a_task_and_quits(tmp_path, monkeypatch):
    bank = demo_bank(tmp_path, monkeypatch)
    env = {**os.environ, "TERM": "xterm-256color"}
    command = [sys.executable, "-m", "curator", "--bank", str(bank.root)]
    terminal = Terminal(command, env)
    try:
        screen = terminal.wait_for("10 of 10 tasks", "/ Filter", "Demo/1 ")
        assert "accepted" in screen and "curator demo bank" in screen
        terminal.keys("/")
        time.sleep(0.3)
        terminal.keys("pandas", literal=True)
        screen = terminal.wait_for("1 of 10 tasks", "Demo/10")
        assert "Demo/1 " not in screen
        terminal.keys("Enter")
        time.sleep(0.5)
        terminal.keys("Enter")
        screen = terminal.wait_for("next: refine", "import numpy")
        assert "Demo/10" in screen
        terminal.keys("C-q")
        deadline = time.monotonic() + 20
        while terminal.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not terminal.alive(), "curator did not quit on Ctrl+Q"
    finally:
        terminal.close()


def test_in_a_real_terminal_f7_and_tab_keys_reach_the_workspace_not_the_editor(
    tmp_path, monkeypatch
):
    """Issue 14, bugs 1 and 5, as a terminal sends the keys: F7 in the focused Program editor
    condenses (it used to select all, so that `Z` replaced the program) and moves the typing
    to the Instruction it wrote; F3 to Results, then 2, moves it to the Tests editor."""
    bank = demo_bank(tmp_path, monkeypatch)
    env = {**os.environ, "TERM": "xterm-256color"}
    terminal = Terminal([sys.executable, "-m", "curator", "--bank", str(bank.root)], env)
    try:
        terminal.wait_for("10 of 10 tasks", "Demo/1 ")
        terminal.keys("/")
        time.sleep(0.3)
        terminal.keys("Demo/7", literal=True)
        terminal.wait_for("1 of 10 tasks")
        terminal.keys("Enter")
        time.sleep(0.5)
        terminal.keys("Enter")
        terminal.wait_for("next: refine")
        program = bank.load("Demo/7").program
        terminal.keys("F7")
        # The Instruction tab on screen (its condense notes), not only the status line: the
        # keys below go to whatever tab is showing.
        terminal.wait_for("condensed:", "rule-based instruction written")
        terminal.keys("Z", literal=True)
        time.sleep(0.5)
        terminal.keys("F3")
        terminal.wait_for("outcome")  # the Results tab's table
        time.sleep(1.0)
        terminal.keys("2")
        terminal.wait_for("1  import unittest")  # the Tests editor
        time.sleep(0.5)
        terminal.keys("Q", literal=True)
        # Ctrl+S is a priority binding, handled as it arrives; wait until the editor has the Q.
        terminal.wait_for("1  Qimport unittest")
        terminal.keys("C-s")
        deadline = time.monotonic() + 30
        while not bank.load("Demo/7").test.startswith("Q") and time.monotonic() < deadline:
            time.sleep(0.2)
        task = bank.load("Demo/7")
        assert task.test.startswith("Q"), terminal.screen()
        assert task.program == program
        assert "Z" in task.instruct_prompt and len(task.instruct_prompt) > 100
        terminal.keys("C-q")
    finally:
        terminal.close()


def misaligned(screen: str, date: str) -> str | None:
    """What is wrong with the bank browser's rows under its titles on `screen`, if anything."""
    lines = screen.splitlines()
    header = next((line for line in lines if "last chan" in line), None)
    rows = [line for line in lines if "…CodeBench/11" in line]
    if header is None or len(rows) <= 10:
        return f"no header, or {len(rows)} rows"
    for row in rows:  # (the scrollbar's thumb may follow the date)
        if date not in row:
            return f"no whole date in {row!r}"
        if row.index(date) != header.index("last chan") or (
            row.index("draft") != header.index("stage")
        ):
            return f"{header!r} stands off {row!r}"
    return None


def test_at_80_columns_a_long_bank_shows_whole_ids_and_dates_under_their_titles(
    tmp_path, monkeypatch
):
    """More tasks than lines: the table's scrollbar takes two columns. Every row still ends
    with its date, an id keeps its number, and the titles stand over their columns (the header
    used to stay laid out for the width without the scrollbar, two columns off). The screen
    is read until it settles: the header is drawn again a frame after the rows."""
    tasks = [make_task(f"BigCodeBench/{number}") for number in range(1100, 1400)]
    bank = git_bank(tmp_path, monkeypatch, tasks)
    env = {**os.environ, "TERM": "xterm-256color"}
    command = [sys.executable, "-m", "curator", "--bank", str(bank.root)]
    terminal = Terminal(command, env, size=(80, 24))
    date = tasks[0].provenance.updated_at.strftime("%Y-%m-%d")
    try:
        screen = terminal.wait_for("300 of 300 tasks", "…CodeBench/1100 ")
        deadline = time.monotonic() + 10
        while (problem := misaligned(screen, date)) and time.monotonic() < deadline:
            time.sleep(0.2)
            screen = terminal.screen()
        assert problem is None, problem
        terminal.keys("C-q")
    finally:
        terminal.close()
