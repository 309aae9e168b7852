"""The release screen: changes since the last release, blockers, export and tag."""

from __future__ import annotations

from app_support import SIZE, app_on, git_bank, run_async, settle
from gitbanks import flaky_checked, passing, save, save_and_commit
from textual.widgets import Static

from conftest import make_task
from curator.app.screens.dialogs import ChoiceDialog, TextDialog
from curator.app.screens.release import ReleaseScreen
from curator.gitbank import GitBank
from curator.history import commit_task
from curator.models import Stage
from curator.release import next_version
from curator.release.plan import plan_release


def release_bank(tmp_path, monkeypatch):
    tasks = [
        passing(make_task("Demo/1", stage=Stage.ACCEPTED, instruct_prompt="Count words.")),
        make_task("Demo/2", stage=Stage.ACCEPTED),  # never validated: blocks a release
        make_task("Demo/3"),
    ]
    bank = git_bank(tmp_path, monkeypatch, tasks)
    save(bank, bank.load("Demo/1"))  # with the validation report its summary came from
    flaky_checked(bank, bank.load("Demo/1"))
    commit_task(bank, "Demo/1", None, "Validation and flaky check")
    return bank


def test_the_plan_names_blockers_and_changes(tmp_path, monkeypatch):
    bank = release_bank(tmp_path, monkeypatch)
    plan = plan_release(bank)
    assert plan.previous is None
    assert plan.accepted == 2
    assert plan.changes.added == ["Demo/1", "Demo/2"]
    assert "never been validated" in plan.blockers["Demo/2"][0]
    assert not plan.ready


@run_async
async def test_with_no_accepted_task_the_release_screen_offers_no_release(tmp_path, monkeypatch):
    """It read "none: ready to release (press e)", and `e` then refused: "no accepted task to
    release; fix them" (fix nothing)."""
    bank = git_bank(tmp_path, monkeypatch, [make_task("Demo/1", stage=Stage.REFINED)])
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, ReleaseScreen)
        plan = str(screen.query_one("#release-plan", Static).render())
        assert "ready to release" not in plan
        assert "no accepted task to release: accept tasks first (F8 in a task" in plan
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is screen, "no version asked for"
        assert str(screen.query_one("#release-result", Static).render()).startswith(
            "release refused: no accepted task to release: accept tasks first"
        )


@run_async
async def test_a_check_that_fails_says_why_on_the_release_screen(tmp_path, monkeypatch):
    """It read "checking the bank…" for good once the toast that said why had gone."""
    bank = git_bank(tmp_path, monkeypatch, [make_task("Demo/1", stage=Stage.ACCEPTED)])
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        marker = bank.root / "bank.json"
        bad = '{"quality": {"min_flaky_runs": "x"},'
        marker.write_text(marker.read_text().replace("{", bad, 1))
        await pilot.press("r")
        await settle(pilot)
        await app.workers.wait_for_complete()
        await settle(pilot)
        plan = str(app.screen.query_one("#release-plan", Static).render())
        assert plan.startswith(f"the bank could not be checked: {marker}: quality: field ")
        assert "(fix it, then Ctrl+R)" in plan


@run_async
async def test_release_screen_refuses_then_releases_once_blockers_are_gone(tmp_path, monkeypatch):
    bank = release_bank(tmp_path, monkeypatch)
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, ReleaseScreen)
        screen = app.screen
        plan = str(screen.query_one("#release-plan", Static).render())
        assert "Demo/2: it has never been validated" in plan
        # It asked for a version it knew it would refuse, then printed the reasons twice.
        await pilot.press("e")
        await settle(pilot)
        assert app.screen is screen, "no version asked for"
        result = str(screen.query_one("#release-result", Static).render())
        assert result == (
            "release refused: 1 blocker(s), each named with its reasons: fix them, then Ctrl+R "
            "checks again"
        )
        assert [n.message for n in app._notifications][-1] == "the reason is on the release screen"
        assert GitBank(bank).tag("release/0.1") is None

        save_and_commit(bank, passing(bank.load("Demo/2")), "validated", Stage.ACCEPTED)
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert "ready to release" in str(screen.query_one("#release-plan", Static).render())
        # The refusal of the check before stayed under "ready to release" (a newcomer's report).
        assert str(screen.query_one("#release-result", Static).render()) == ""
        await pilot.press("e")
        # A first release is offered 0.1 (the prompt started empty), selected to type over.
        assert isinstance(app.screen, TextDialog) and app.screen.value == "0.1"
        await pilot.press(*"0.1", "enter")
        # The tag stays: a typo in the version became one, Enter releasing at once (walk 47).
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog) and dialog.default == "cancel"
        assert " ".join(dialog.question.split()) == (
            "Release 0.1: tag release/0.1 on the last commit, with 2 accepted task(s) (2 "
            "added, 0 changed, 0 removed). The tag stays: curator removes none (`git tag -d "
            "release/0.1` does, before a sync)."
        )
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and GitBank(bank).tag("release/0.1") is None
        await pilot.press("e", *"0.1", "enter", "r")
        await settle(pilot)
        assert "released 0.1: tag release/0.1" in str(
            screen.query_one("#release-result", Static).render()
        )
        assert GitBank(bank).tag("release/0.1") is not None
        shown = str(screen.query_one("#release-plan", Static).render())
        assert "last release: release/0.1" in shown
        # Nothing changed since: it offered "ready to release" as plainly as before.
        assert "none, but nothing changed since release/0.1: a release now would hold" in shown


def test_the_next_version_counts_up_the_last_number_of_the_last_release():
    assert next_version(None) == "0.1"
    assert next_version("release/1.4") == "1.5"
    assert next_version("release/v0.9") == "v0.10"
    assert next_version("release/2026.12-rc1") == "2026.12-rc2"
    assert next_version("release/first") == "first.1"
