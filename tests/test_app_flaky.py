"""The flaky-test review queue, driven through Pilot on a real detection's evidence."""

from __future__ import annotations

import sys
from pathlib import Path

from app_support import SIZE, app_on, demo_bank, git_bank, run_async, settle
from gitbanks import git
from textual.widgets import DataTable, Footer, ProgressBar, RichLog, Static

from curator.app.screens.dialogs import TextDialog
from curator.app.screens.flaky_review import FlakyReview
from curator.app.screens.workspace import TaskWorkspace
from curator.app.widgets.task_table import TaskTable
from curator.flaky.flags import read_evidence, record_detection
from curator.flaky.runner import DetectionSettings, detect_flaky
from curator.models import FlagStatus, Stage, Task
from curator.program import split_program
from curator.sandbox import Sandbox

sys.path.insert(0, str(Path(__file__).resolve().parent / "flaky"))
from flaky_suite import load_suite_task

TASK = "Flaky/random_dice"
FLAKY_TEST = "test_six_comes_up"


def flagged_bank(tmp_path, monkeypatch):
    task = load_suite_task("random_dice").model_copy(update={"stage": Stage.REFINED})
    bank = git_bank(tmp_path, monkeypatch, [task])
    with Sandbox(protect=[bank.root]) as sandbox:
        evidence = detect_flaky(bank.load(TASK), sandbox, DetectionSettings(seed=2026))
    record_detection(bank, evidence, "detector")
    assert [flag.test for flag in bank.load(TASK).open_flags()] == [FLAKY_TEST]
    return bank


def evidence_shown(screen) -> str:
    return str(screen.query_one("#evidence", Static).render())


@run_async
async def test_review_shows_the_evidence_and_records_decisions(tmp_path, monkeypatch):
    bank = flagged_bank(tmp_path, monkeypatch)
    app = app_on(bank)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, FlakyReview)
        flags = screen.query_one("#flags", DataTable)
        assert flags.row_count == 1
        # Open flags need no status column: at 80 columns it cut the test's name to 20.
        labels = [str(column.label) for column in flags.columns.values()]
        assert labels == ["task", "test", "class"]
        # At 80 columns the flags stand above their evidence: beside it, the class column
        # was cut off behind a horizontal scrollbar.
        assert screen.has_class("stacked") and not flags.show_horizontal_scrollbar
        row_width = sum(column.get_render_width(flags) for column in flags.ordered_columns)
        assert row_width <= flags.scrollable_content_region.width
        shown = evidence_shown(screen)
        assert f"{FLAKY_TEST}: nondeterministic" in shown
        assert "run  kind" in shown and "baseline" in shown
        # Dated, as the flag's history is: that may speak of an older check.
        evidence = read_evidence(bank, TASK)
        assert f"checked {evidence.at:%Y-%m-%d %H:%M}: detection seed 2026; " in shown
        # How many runs of each kind: "27 runs" over "failed 5 of 19" read as a miscount.
        assert f"{len(evidence.runs)} runs: 1 baseline, 19 detection, " in shown
        assert "what the failing run did differently" in shown and "+random_seed" in shown
        assert "AssertionError" in shown

        await pilot.press("c")
        assert isinstance(app.screen, TextDialog)
        await pilot.press(*"four rolls miss a six half the time", "enter")
        await settle(pilot)
        flag = bank.load(TASK).flags[0]
        assert flag.status is FlagStatus.CONFIRMED
        assert flag.history[-1].why == "four rolls miss a six half the time"
        assert flag.history[-1].who == "Ada Annotator"
        assert screen.query_one("#flags", DataTable).row_count == 0  # no open flags left
        # A key on the empty queue did nothing and said nothing.
        await pilot.press("x")
        assert not isinstance(app.screen, TextDialog)
        assert [n.message for n in app._notifications][-1] == (
            "no flag to act on: the queue is empty"
        )

        await pilot.press("a")
        await settle(pilot)
        assert screen.query_one("#flags", DataTable).row_count == 1
        assert [str(column.label) for column in flags.columns.values()][1] == "status"
        assert flags.get_row_at(0)[1] == "confirmed"
        # Who closed the flag and why comes first (it was at the end of a long pane).
        first_line = evidence_shown(screen).splitlines()[0]
        assert first_line.startswith("confirmed ") and first_line.endswith(
            " by Ada Annotator: four rolls miss a six half the time"
        ), first_line
        # Refused as the key is pressed: it asked "why?" first, then refused.
        await pilot.press("c")
        await settle(pilot)
        assert app.screen is screen
        refused = str(screen.query_one("#review-status", Static).render())
        assert "cannot confirm a flag that is confirmed" in refused
        assert f"reopen it first (o in the flaky queue, `curator flag {TASK} {FLAKY_TEST}" in (
            refused
        )

        await pilot.press("b")
        dialog = app.screen
        assert isinstance(dialog, TextDialog)  # it read "send-back the flag on …"
        assert dialog.question == f"Send back the flag on {TASK} {FLAKY_TEST}: why?"
        await pilot.press(*"seed the dice in the test", "enter")
        await settle(pilot)
        task = bank.load(TASK)
        assert task.stage is Stage.DRAFT
        assert task.notes[-1].text == f"flaky test {FLAKY_TEST}: seed the dice in the test"
        # It read "confirmed", as a confirmation did: nothing said it went back to draft.
        assert flags.get_row_at(0)[1] == "sent back"
        first_line = evidence_shown(screen).splitlines()[0]
        assert first_line.startswith("sent back (confirmed) ") and first_line.endswith(
            " by Ada Annotator: seed the dice in the test"
        ), first_line
        # Not twice: a second send-back buried the first one's reason.
        await pilot.press("b")
        await settle(pilot)
        assert app.screen is screen
        assert "sent back already, by Ada Annotator (seed the dice in the test)" in str(
            screen.query_one("#review-status", Static).render()
        )

        await pilot.press("x", *"seeded upstream", "enter")
        await settle(pilot)
        assert bank.load(TASK).flags[0].status is FlagStatus.DISMISSED
        first_line = evidence_shown(screen).splitlines()[0]
        assert first_line.startswith("dismissed ") and first_line.endswith(
            " by Ada Annotator: seeded upstream"
        ), first_line
        # A mistaken dismissal is undone here: only `curator flag --reopen` did it.
        await pilot.press("o", *"dismissed by mistake", "enter")
        await settle(pilot)
        reopened = bank.load(TASK).flags[0]
        assert reopened.status is FlagStatus.OPEN
        assert reopened.history[-1].why == "dismissed by mistake"
        await pilot.press("x", *"seeded upstream", "enter")
        await settle(pilot)
        # The browser below shows the decisions (it showed the stage and flag of before).
        await pilot.press("escape")
        await settle(pilot)
        [row] = [row for row in app.screen.query_one(TaskTable).rows if row.task_id == TASK]
        assert (row.stage, row.flagged) == ("draft", False)


@run_async
async def test_one_unreadable_task_folder_does_not_empty_the_queue(tmp_path, monkeypatch):
    """A broken task.json elsewhere in the bank left the queue empty ("loading flags failed"),
    while `curator flags` listed the open flag and named the folder."""
    bank = flagged_bank(tmp_path, monkeypatch)
    broken = bank.root / "Broken__1"
    broken.mkdir()
    (broken / "task.json").write_text("{")
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert app.screen.query_one("#flags", DataTable).row_count == 1
        status = str(app.screen.query_one("#review-status", Static).render())
        assert status.startswith("flags of unreadable task folders not shown: ")
        assert "Broken__1/task.json" in status


@run_async
async def test_rerun_with_more_runs_updates_the_evidence(tmp_path, monkeypatch):
    bank = flagged_bank(tmp_path, monkeypatch)
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("m")
        dialog = app.screen
        assert isinstance(dialog, TextDialog) and dialog.value == "60"
        # One run replaced the evidence with a check that varies nothing, and it counted.
        await pilot.press(*("backspace",) * 2, *"1", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TextDialog) and app.screen.value == "1"
        assert any(
            n.message.startswith("give a number of runs, at least 20: the bank counts no flaky")
            for n in app._notifications
        )
        await pilot.press("backspace", *"30", "enter")
        await settle(pilot)
        status = str(app.screen.query_one("#review-status", Static).render())
        assert status.startswith(f"{TASK}: ") and "runs" in status
        assert "still flaky" in status
        bar = app.screen.query_one("#review-progress", ProgressBar)
        assert bar.total == 1.0 and bar.progress == 1.0, "the rerun's progress filled the bar"
        assert not bar.display, "and the bar goes once the rerun is done"
    evidence = read_evidence(bank, TASK)
    assert evidence.runs_requested == 30 and len(evidence.runs) >= 30


@run_async
async def test_a_decision_git_would_not_commit_is_said_whole_at_80_columns(tmp_path, monkeypatch):
    """With HEAD detached the decision is kept but not committed: the one-line status cut the
    reason ("not committed: /tmp/…: HEAD is det") and the notice looked like any other."""
    bank = flagged_bank(tmp_path, monkeypatch)
    git(bank.root, "checkout", "--quiet", "--detach")
    app = app_on(bank)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        await pilot.press("c", *"real", "enter")
        await settle(pilot)
        assert bank.load(TASK).flags[0].status is FlagStatus.CONFIRMED
        status = app.screen.query_one("#review-status", Static)
        shown = " ".join(
            strip.text.strip() for strip in status.render_lines(status.region.reset_offset)
        )
        assert "not committed:" in shown and shown.rstrip().endswith("e.g. `git switch main`")
        assert status.region.bottom <= app.screen.query_one(Footer).region.y
        (notice,) = app._notifications
        assert notice.severity == "warning" and notice.title == "flaky review: not committed"


async def flaky_check_in_workspace(pilot, task_id: str, *before: str) -> TaskWorkspace:
    """Open the task from the browser, press `before`, then F6 and wait for the check."""
    await settle(pilot)
    await pilot.press("slash", *task_id, "enter", "enter")
    workspace = pilot.app.screen
    assert isinstance(workspace, TaskWorkspace)
    await pilot.press(*before)
    await settle(pilot)
    await pilot.press("f6")
    await settle(pilot)
    return workspace


@run_async
async def test_the_flaky_check_says_which_runs_did_not_finish(tmp_path, monkeypatch):
    """A run that crashed checked none of the tests under its variations: the status line and
    the log say so, where the check used to read "no flaky tests in 20 runs"."""
    bank = demo_bank(tmp_path, monkeypatch)
    task = bank.load("Demo/7")
    task.complete_prompt = (
        'import os\nimport signal\n\nif os.environ.get("PYTHONHASHSEED") not in (None, "0"):\n'
        "    os.kill(os.getpid(), signal.SIGSEGV)\n" + task.complete_prompt
    )
    with bank.lock():
        bank.save(task)
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        # Refined, then validated: the check's prerequisites.
        workspace = await flaky_check_in_workspace(pilot, "Demo/7", "f2", "f5")
        evidence = read_evidence(bank, "Demo/7")
        assert evidence is not None
        unfinished = len(evidence.unfinished_runs())
        assert unfinished > 0
        status = str(workspace.query_one("#status", Static).render())
        assert f"({unfinished} did not finish: see the log)" in status
        log = "\n".join(line.text for line in workspace.query_one("#run-log", RichLog).lines)
        assert "runs did not finish (crashed: the test process was killed by SIGSEGV)" in log


@run_async
async def test_the_flaky_check_says_when_coverage_varies_between_runs(tmp_path, monkeypatch):
    """The "future" branch runs only under the clocks decades ahead that some runs set: the
    log names it and the status line says the coverage varies, though no test is flaky."""
    program = (
        "from datetime import date\n\n\n"
        'def task_func():\n    """Say whether the year is far off."""\n'
        "    if date.today().year >= 2040:\n"
        '        return "future"\n'
        '    return "now"\n'
    )
    tests = (
        "import unittest\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_says_something(self):\n"
        '        self.assertIn(task_func(), ("future", "now"))\n'
    )
    prompt, solution = split_program(program, "task_func")
    task = Task(
        task_id="Clock/1",
        complete_prompt=prompt,
        canonical_solution=solution,
        test=tests,
        stage=Stage.REFINED,
    )
    bank = git_bank(tmp_path, monkeypatch, [task])
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await flaky_check_in_workspace(pilot, "Clock/1", "f5")
        status = str(workspace.query_one("#status", Static).render())
        assert "no flaky tests in 20 runs; coverage varies: 2 reached by chance" in status
        lines = workspace.query_one("#run-log", RichLog).lines
        log = " ".join(" ".join(line.text for line in lines).split())  # as one line, unwrapped
        assert "coverage varies between runs (50.00% of branches in each, not the same" in log
        # The runs' kinds, then each test by its name first (after a class padded to 22 the
        # line wrapped its count away from its name at 80 columns).
        assert "20 runs: 1 baseline, 19 detection; a test's failures count the detection" in log
        assert "test_says_something: stable-pass, failed 0/19" in log
        assert "branch 6→7 (missed in" in log and "branch 6→8 (missed in" in log
        await pilot.press("f4")  # the coverage view marks the line whose branches are luck
        await settle(pilot)
        coverage = str(workspace.query_one("#coverage-view", Static).render())
        assert "≈ 2 reached by chance in the flaky check" in coverage
        (marked,) = [line for line in coverage.splitlines() if "date.today()" in line]
        assert "≈ by chance: branch to 7 missed in" in marked
        assert "; branch to 8 missed in" in marked
