"""The mutation score in the bank browser and the Mutants tab, driven through Pilot."""

from __future__ import annotations

from app_support import SIZE, app_on, demo_tasks, git_bank, run_async, settle
from textual.widgets import Static, TabbedContent

from curator.app.rows import COLUMN_KEYS
from curator.app.screens.workspace import TaskWorkspace
from curator.app.widgets.mutants import MutantsView
from curator.app.widgets.task_table import TaskTable
from curator.mutation import mark_equivalent, mutate_task, read_report, store_report
from curator.sandbox import Sandbox

WEAK_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_counts(self):
        task_func("a b a", top=1)
"""


async def mutants_tab_of(app, pilot, task_id: str) -> TaskWorkspace:
    """The task's workspace, opened, with its Mutants tab shown (F3 from tab to tab)."""
    app.screen.open_task(task_id)
    await pilot.pause()
    workspace = next(s for s in app.screen_stack if isinstance(s, TaskWorkspace))
    tabs = workspace.query_one(TabbedContent)
    for _ in range(10):
        if tabs.active == "mutants":
            break
        await pilot.press("f3")
    assert tabs.active == "mutants"
    return workspace


@run_async
async def test_browser_shows_the_score_and_the_mutants_tab_shows_survivor_diffs(
    tmp_path, monkeypatch
):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    task = bank.load("Demo/1").model_copy(update={"test": WEAK_TESTS})
    with bank.lock():
        bank.save(task)
    with Sandbox(protect=[bank.root]) as sandbox:
        report = mutate_task(task, sandbox)
    store_report(bank, report)
    survivor = report.survivors()[0]
    assert report.score is not None
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        rows = {row.task_id: row for row in app.screen.query_one(TaskTable).rows}
        column = COLUMN_KEYS.index("mutation")
        assert rows["Demo/1"].cells[column] == f"{report.score:.0f}%"
        assert rows["Demo/2"].cells[column] == ""
        workspace = await mutants_tab_of(app, pilot, "Demo/1")
        shown = workspace.query_one("#mutants-view", Static)
        text = "".join(segment.text for segment in app.console.render(shown.content))
        assert f"mutation score {report.score:.1f}%" in text
        assert survivor.id in text and survivor.diff.splitlines()[-1].strip() in text

        # The tab gave only the number of marks: a reviewer could not see which mutants were
        # marked, by whom or why, to check a mark before the score counted it.
        mark_equivalent(bank, "Demo/1", survivor.id, "same output either way", "Bo Reviewer")
        workspace.query_one(MutantsView).show(bank, task)
        text = "".join(segment.text for segment in app.console.render(shown.content))
        marked = text.split("marked equivalent (take one back: curator mutate Demo/1 --unmark ID)")
        assert len(marked) == 2 and survivor.id not in marked[0]
        assert survivor.id in marked[1] and "by Bo Reviewer: same output either way" in marked[1]

        # A task never mutated named the command with "ID" for its id.
        workspace.query_one(MutantsView).show(bank, bank.load("Demo/2"))
        text = "".join(segment.text for segment in app.console.render(shown.content))
        assert text.strip() == (
            "no mutation analysis yet: press r here to run it (or `curator mutate Demo/2`)"
        )


@run_async
async def test_r_in_the_mutants_tab_runs_the_analysis(tmp_path, monkeypatch):
    """The tab said "run `curator mutate ID`", and the app had no way to run it: a bank whose
    quality bar asks for a mutation score sent annotators to the command line."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with bank.lock():
        bank.save(bank.load("Demo/1").model_copy(update={"test": WEAK_TESTS}))
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        workspace = await mutants_tab_of(app, pilot, "Demo/1")
        shown = workspace.query_one("#mutants-view", Static)
        assert "press r here to run it" in str(shown.render())
        assert workspace.focused is workspace.query_one(MutantsView)
        await pilot.press("r")
        await app.workers.wait_for_complete()
        await settle(pilot)
        stored = read_report(bank, "Demo/1")
        assert stored is not None and stored.score is not None and stored.survivors()
        text = "".join(segment.text for segment in app.console.render(shown.content))
        assert f"mutation score {stored.score:.1f}%" in text and "  ·  r reruns\n" in text
        status = str(workspace.query_one("#status", Static).render())
        assert status.startswith(f"mutation score {stored.score:.1f}%: ")


@run_async
async def test_at_80_columns_the_mutants_tab_s_footer_keeps_its_help_key(tmp_path, monkeypatch):
    """With `r` added the footer ran off at "f9 His", and F1, the key to every other, was gone."""
    from textual.widgets import Footer

    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=(80, 24)) as pilot:
        workspace = await mutants_tab_of(app, pilot, "Demo/1")
        await settle(pilot)
        keys = {key.key: key for key in workspace.query_one(Footer).query("FooterKey")}
        assert workspace.region.contains_region(keys["f1"].region)
        assert "press r here to run it" in str(workspace.query_one("#mutants-view").render())
        # F1 lists it (the footer leaves it out).
        await pilot.press("f1")
        await settle(pilot)
        help_text = "".join(
            segment.text
            for static in app.screen.query("Static")
            for segment in app.console.render(static.content)
        )
        assert "mutants: Run mutants" in help_text
