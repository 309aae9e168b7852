"""The walk a new user takes: a demo draft through every stage to a commit, keyboard only.

Exactly the keys the README's walk lists; the bank is a copy of the demo bank `tasks/`.
"""

from __future__ import annotations

from app_support import SIZE, app_on, demo_bank, run_async, settle
from textual.widgets import Input, Static, TabbedContent

from curator.app.messages import Committed, FlakyFinished, ValidationFinished
from curator.app.screens.browser import BankBrowser
from curator.app.screens.dialogs import ChoiceDialog, TextDialog
from curator.app.screens.workspace import TaskWorkspace
from curator.app.widgets.task_table import TaskTable
from curator.history import task_log
from curator.models import Stage, Verdict
from curator.pipeline import StepState


@run_async
async def test_a_demo_draft_goes_through_every_stage_to_a_commit(tmp_path, monkeypatch):
    bank = demo_bank(tmp_path, monkeypatch)
    assert bank.load("Demo/7").stage is Stage.DRAFT
    messages = []
    app = app_on(bank)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await settle(pilot)
        # 1. "/" then "draft": the drafts only; Enter moves to the table.
        await pilot.press("slash", *"draft", "enter")
        table = app.screen.query_one(TaskTable)
        assert [row.task_id for row in table.rows] == ["Demo/7", "Demo/8", "Demo/10"]
        assert app.focused is table
        # 2. Enter opens the highlighted draft.
        await pilot.press("enter")
        workspace = app.screen
        assert isinstance(workspace, TaskWorkspace) and workspace.task_id == "Demo/7"
        # 3. F2: the draft is refined.
        await pilot.press("f2")
        assert bank.load("Demo/7").stage is Stage.REFINED
        # 4. F5: validation runs in a worker; then F4 shows the coverage view.
        await pilot.press("f5")
        await settle(pilot)
        validated = [m for m in messages if isinstance(m, ValidationFinished)]
        assert validated[-1].report.verdict is Verdict.PASS
        await pilot.press("f4")
        assert "branch coverage 100.0%" in str(workspace.query_one("#coverage-view").render())
        # 5. F6: the flaky check finds nothing flaky.
        await pilot.press("f6")
        await settle(pilot)
        flaky = [m for m in messages if isinstance(m, FlakyFinished)]
        assert flaky and not flaky[-1].evidence.flaky_tests()
        # 6. F7: the rule-based instruction, with its warnings to review.
        await pilot.press("f7")
        assert bank.load("Demo/7").instruct_prompt.startswith("Total a numeric column")
        # 7. F8, Enter, Enter: commit as accepted (the stage offered first) with the offered
        # message.
        await pilot.press("f8")
        assert isinstance(app.screen, ChoiceDialog)
        assert app.screen.focused.id == "choice-accepted"
        await pilot.press("enter")
        assert isinstance(app.screen, TextDialog)
        assert app.screen.query_one(Input).value == "Accept Demo/7"
        await pilot.press("enter")
        await settle(pilot)
        assert [m for m in messages if isinstance(m, Committed)]
        assert all(s.state is StepState.DONE for s in workspace.statuses())
        assert "every step is done" in str(workspace.query_one("#stepper").render())
        # Its mutants run, with a note of the annotator's in the folder: the message offered
        # read "Accept Demo/7" again, and the note went in unsaid.
        (bank.task_dir("Demo/7") / ".notes").write_text("check the totals")
        tabs = workspace.query_one(TabbedContent)
        while tabs.active != "mutants":
            await pilot.press("f3")
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        await pilot.press("f8", "enter")
        assert isinstance(app.screen, TextDialog)
        assert app.screen.query_one(Input).value == "Record the mutation analysis of Demo/7"
        assert "It takes in files of yours too: .notes." in app.screen.question
        await pilot.press("escape")
        await settle(pilot)
        # 8. Escape: back in the bank, the task shows as accepted.
        await pilot.press("escape")
        assert isinstance(app.screen, BankBrowser)
        await pilot.pause()
        row = next(row for row in app.screen.all_rows if row.task_id == "Demo/7")
        assert row.stage == "accepted"
        assert [row.task_id for row in table.rows] == ["Demo/8", "Demo/10"]
        assert "2 of 10 tasks" in str(app.screen.query_one("#counts", Static).render())
    committed = bank.load("Demo/7")
    assert committed.stage is Stage.ACCEPTED
    assert committed.validation_is_current
    log = task_log(bank, "Demo/7")
    assert log[0].subject == "Accept Demo/7" and log[0].stage == "accepted"
    assert log[0].trailers["Stage"] == "accepted"
