"""Smoke test: the real `curator` command in a real terminal (tmux), driven by keys.

Skipped where tmux is not installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import tomllib
import uuid
from pathlib import Path

import pytest
from app_support import demo_bank, git_bank

from conftest import PROJECT_ROOT, UNNAMED_UID, make_task

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


class Terminal:
    def __init__(
        self, command: list[str], env: dict[str, str], size: tuple[int, int] = (120, 34)
    ) -> None:
        self.name = f"curator-smoke-{uuid.uuid4().hex[:8]}"
        # The terminal's own size, not a COLUMNS another test left in this process's environment.
        env = {key: value for key, value in env.items() if key not in ("COLUMNS", "LINES")}
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

    def open_demo_task(self, task_id: str) -> None:
        """From the demo bank's browser, filter to `task_id` and open its workspace."""
        self.wait_for("10 of 10 tasks", "Demo/1 ")
        # Typed again, the filter emptied first (Ctrl+U), where the keys came before the
        # filter had the focus: on a loaded machine they once went to the table.
        for attempt in range(3):
            self.keys("/")
            time.sleep(0.3)
            self.keys("C-u")
            self.keys(task_id, literal=True)
            try:
                self.wait_for("1 of 10 tasks", timeout=20)
                break
            except AssertionError:
                if attempt == 2:
                    raise
        self.keys("Enter")
        time.sleep(0.5)
        self.keys("Enter")
        self.wait_for("next: refine")

    def quit_app(self) -> None:
        self.keys("C-q")
        deadline = time.monotonic() + 20
        while self.alive() and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not self.alive(), "curator did not quit on Ctrl+Q"

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
        terminal.quit_app()
    finally:
        terminal.close()


@pytest.mark.parametrize("stdout", ["", "| cat"])
def test_in_a_terminal_each_flaky_report_starts_on_a_line_of_its_own(tmp_path, monkeypatch, stdout):
    """The report of a task was printed on stdout while the next task's bar was drawn on
    stderr: "Demo/9 ━━━╸━━━ 1/6 0:00:00Demo/9 · 6 runs · detection seed …"; with stdout
    piped to a reader that writes to the same terminal, still so."""
    bank = demo_bank(tmp_path, monkeypatch)
    env = {**os.environ, "TERM": "xterm-256color", "CURATOR_ANNOTATOR": "Ada"}
    command = [sys.executable, "-m", "curator", "--bank", str(bank.root), "flaky"]
    runs = ["Demo/4", "Demo/9", "--runs", "4"]
    terminal = Terminal([*command, *runs, stdout, "; sleep 60"], env, (80, 60))
    try:
        screen = terminal.wait_for(
            "2 task(s) checked", "Demo/4 · 4 runs", "Demo/9 · 4 runs", timeout=120
        )
        for task_id in ("Demo/4", "Demo/9"):
            [line] = [line for line in screen.splitlines() if f"{task_id} · 4 runs" in line]
            assert line.startswith(f"{task_id} · 4 runs · detection seed "), screen
        # Wrapped between words by curator, not mid-word by the terminal ("coul|d not run").
        lines = screen.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("2 task(s) checked"))
        summary = " ".join(line.strip() for line in lines[start : start + 2])
        assert summary == (
            "2 task(s) checked: 0 with flaky tests, 0 with another problem (a suite that could "
            "not run, runs that did not finish, a check that could not be recorded)"
        ), screen
    finally:
        terminal.close()


def test_in_a_terminal_flags_folds_each_paragraph_under_its_flag(tmp_path, monkeypatch):
    """In a terminal the flag's cause folds between words and stays indented (in a pipe it
    is one line: `test_cli_bank`)."""
    bank = demo_bank(tmp_path, monkeypatch)
    [flag] = bank.load("Demo/6").flags
    assert flag.cause and len(flag.cause) > 160
    env = {**os.environ, "TERM": "xterm-256color"}
    command = [sys.executable, "-m", "curator", "--bank", str(bank.root), "flags"]
    terminal = Terminal([*command, "; sleep 60"], env, (80, 24))
    try:
        screen = terminal.wait_for("1 flag(s)", "Demo/6 test_first_team_is_random_sample")
        lines = screen.rstrip().splitlines()
        start = lines.index("Demo/6 test_first_team_is_random_sample")
        paragraphs = lines[start + 1 :]
        assert paragraphs[0].startswith("  nondeterministic · opened by curator demo, "), screen
        assert all(line.startswith("  ") and len(line) <= 80 for line in paragraphs), screen
        assert " ".join(line.strip() for line in paragraphs[1:]) == flag.cause, screen
    finally:
        terminal.close()


def test_in_a_terminal_a_refusal_s_reasons_fold_under_themselves(tmp_path, monkeypatch):
    """A reason's second line started at the first column, where it read as another item."""
    bank = demo_bank(tmp_path, monkeypatch)
    program = bank.task_dir("Demo/2") / "task.py"
    program.write_text(program.read_text() + "\n# edited\n")
    env = {**os.environ, "TERM": "xterm-256color"}
    command = [sys.executable, "-m", "curator", "--bank", str(bank.root), "commit"]
    terminal = Terminal([*command, "Demo/2", "-m", "y", "; sleep 60"], env, (80, 24))
    try:
        screen = terminal.wait_for("fix that first")
        lines = screen.splitlines()
        start = lines.index("refused: Demo/2 cannot be accepted")
        end = next(i for i, line in enumerate(lines) if line.startswith("fix that first"))
        items = lines[start + 1 : end]
        assert len(items) > 2 and items[0].startswith("  - its validation is stale: "), screen
        assert all(line.startswith(("  - ", "    ")) for line in items), screen
    finally:
        terminal.close()


def test_in_a_terminal_a_command_s_error_wraps_between_words(tmp_path, monkeypatch):
    """The terminal wrapped a long "error: …" line where the width fell: mid-word."""
    bank = demo_bank(tmp_path, monkeypatch)
    env = {**os.environ, "TERM": "xterm-256color"}
    task_id = "Demo/1 and a name long enough to need a second line of the terminal"
    command = [sys.executable, "-m", "curator", "--bank", str(bank.root), "show"]
    terminal = Terminal([*command, f"'{task_id}'", "; sleep 60"], env, (80, 24))
    try:
        screen = terminal.wait_for("in the bank")
        lines = screen.splitlines()
        start = next(i for i, line in enumerate(lines) if line.startswith("error: "))
        assert " ".join(line.strip() for line in lines[start : start + 2]) == (
            f"error: no task '{task_id}' in the bank"
        ), screen
    finally:
        terminal.close()


def test_in_a_terminal_a_request_to_the_llm_says_where_it_goes(tmp_path, monkeypatch):
    """A server that never answered showed a blank terminal for two minutes."""
    from llm_helpers import llm_env

    from curator.llm.scripted_server import ScriptedLLMServer

    bank = demo_bank(tmp_path, monkeypatch)
    with ScriptedLLMServer([{"delay_s": 20, "answer": "no"}] * 3) as server:
        env = {**os.environ, **llm_env(tmp_path, server.base_url), "TERM": "xterm-256color"}
        command = [sys.executable, "-m", "curator", "--bank", str(bank.root), "suggest"]
        terminal = Terminal([*command, "Demo/1", "--op", "alternative", "; sleep 60"], env)
        try:
            screen = terminal.wait_for(f"asking scripted-model at {server.base_url}")
            assert "each try waits up to 5 s, 3 tries; Ctrl+C stops" in screen
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
        terminal.open_demo_task("Demo/7")
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
    header = next((line for line in lines if "changed" in line), None)
    rows = [line for line in lines if "…CodeBench/11" in line]
    if header is None or len(rows) <= 10:
        return f"no header, or {len(rows)} rows"
    for row in rows:  # (the scrollbar's thumb may follow the date)
        if date not in row:
            return f"no whole date in {row!r}"
        if row.index(date) != header.index("changed") or (
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


def test_a_user_whom_nothing_names_validates_unasked_and_names_themself_once(
    unnamed_home: Path, user_python: Path
) -> None:
    """A container's uid (no passwd entry, no $USER, no git identity): F5 on a task it has not
    edited validates without asking (it used to refuse: "not saved: who is the annotator?
    give --annotator NAME", an option the app does not have); a change that records a name
    asks for it (declined, at a flag decision: nothing changes; given, at a new task, which
    used to crash the app: the task is made), keeps it in the user's config, and does not
    ask again. Git knowing no author either, it asks for an email too, kept with the name in
    the bank's git config (the first commit was refused after the name was given)."""
    home = unnamed_home
    bank = home / "demo"
    shutil.copytree(PROJECT_ROOT / "tasks", bank)
    for path in (bank, *bank.rglob("*")):
        os.chown(path, UNNAMED_UID, UNNAMED_UID, follow_symlinks=False)
    user = ["setpriv", f"--reuid={UNNAMED_UID}", f"--regid={UNNAMED_UID}", "--clear-groups"]
    environment = ["env", "-i", f"HOME={home}", "PATH=/usr/bin:/bin", "LANG=C.UTF-8"]
    git = [*user, *environment, "git", "-C", str(bank)]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    seed = ["-c", "user.name=Seed", "-c", "user.email=seed@example.org"]
    subprocess.run([*git, *seed, "commit", "-qm", "Seed"], check=True)
    command = [*user, *environment, "TERM=xterm-256color", str(user_python), "-m", "curator"]
    terminal = Terminal([*command, "--bank", str(bank)], dict(os.environ), size=(80, 24))
    try:
        terminal.open_demo_task("Demo/7")
        terminal.keys("F5")
        screen = terminal.wait_for("validation: pass", timeout=120)
        assert "Who are you?" not in screen
        terminal.keys("Escape")
        terminal.wait_for("/ Filter")
        terminal.keys("f")  # the flaky-test queue: Demo/6's flag
        terminal.wait_for("Demo/6")
        terminal.keys("c")
        terminal.wait_for("Who are you?")
        terminal.keys("Escape")
        terminal.wait_for("nothing was changed")
        terminal.keys("Escape")
        terminal.wait_for("/ Filter")
        terminal.keys("n")
        terminal.wait_for("New task")
        terminal.keys("Mine/1", literal=True)
        terminal.keys("Tab")
        # At a person's pace: keys sent with the Tab reach the field it leaves (Textual hands
        # each key to the widget that had the focus when the key arrived).
        time.sleep(0.5)
        terminal.keys("numpy,pandas", literal=True)
        terminal.keys("Enter")
        terminal.wait_for("Who are you?")
        terminal.keys("Ada Lovelace", literal=True)
        terminal.keys("Enter")
        terminal.wait_for("git does not know who you are either")
        terminal.keys("ada@example.org", literal=True)
        terminal.keys("Enter")
        terminal.wait_for("Mine/1 — draft", "import pandas")
        config = home / ".config" / "curator" / "config.toml"
        assert tomllib.loads(config.read_text()) == {"annotator": "Ada Lovelace"}
        assert config.stat().st_mode & 0o777 == 0o600
        task_json = (bank / "Mine__1" / "task.json").read_text()
        assert '"annotator": "Ada Lovelace"' in task_json
        terminal.keys("Escape")
        terminal.wait_for("/ Filter")
        terminal.keys("f")
        terminal.wait_for("Demo/6")
        terminal.keys("c")  # the name is known now: straight to the reason
        terminal.wait_for("why?")
        terminal.keys("seen failing twice", literal=True)
        terminal.keys("Enter")
        terminal.wait_for("confirm")
        deadline = time.monotonic() + 30
        while "seen failing twice" not in (bank / "Demo__6" / "task.json").read_text():
            assert time.monotonic() < deadline, terminal.screen()
            time.sleep(0.2)
        assert '"who": "Ada Lovelace"' in (bank / "Demo__6" / "task.json").read_text()
        deadline = time.monotonic() + 30
        while True:  # the decision is committed, in the name given
            last = subprocess.run(
                [*git, "log", "-1", "--format=%an <%ae> %s"], capture_output=True, text=True
            ).stdout
            if "Confirm" in last or time.monotonic() > deadline:
                break
            time.sleep(0.2)
        assert last.startswith("Ada Lovelace <ada@example.org> Confirm"), last
        terminal.quit_app()
    finally:
        terminal.close()
