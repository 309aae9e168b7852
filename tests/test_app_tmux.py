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
from app_support import demo_bank

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(self, command: list[str], env: dict[str, str]) -> None:
        self.name = f"curator-smoke-{uuid.uuid4().hex[:8]}"
        shell = " ".join(command)
        subprocess.run(
            ["tmux", "new-session", "-d", "-s", self.name, "-x", "120", "-y", "34", shell],
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
