"""Issue 14: what a newcomer ran into, each replayed with the keys that showed it."""

from __future__ import annotations

import json

from app_support import (
    SIZE,
    app_on,
    demo_bank,
    demo_tasks,
    git_bank,
    run_async,
    settle,
)
from textual.geometry import Region
from textual.widgets import Button, DataTable, Footer, Input, Static

from conftest import make_task
from curator.app.main import make_app
from curator.app.messages import ValidationFinished
from curator.app.rows import COLUMN_KEYS, task_row
from curator.app.screens.browser import BankBrowser
from curator.app.screens.dialogs import ChoiceDialog, TextDialog
from curator.app.screens.flaky_review import FlakyReview
from curator.app.screens.help import HelpScreen
from curator.app.screens.release import ReleaseScreen
from curator.app.screens.workspace import TaskWorkspace
from curator.app.settings import AppSettings
from curator.app.widgets.coverage import CoverageView
from curator.app.widgets.stepper import PipelineStepper
from curator.app.widgets.task_table import ColumnHeader, TaskTable, column_widths, fit_cell
from curator.config import LLMSettings
from curator.drafts import new_task
from curator.environment import bank_fingerprint
from curator.gitbank import GitBank
from curator.history import gate_facts, task_log
from curator.llm.scripted_server import ScriptedLLMServer
from curator.models import FlagStatus, PreEvalSummary, Stage, ValidationSummary, Verdict
from curator.pipeline import Step, StepState, allowed_stages
from curator.validation import REPORT_FILE

# A suite that takes three seconds, so that a save surely lands while it runs.
SLOW_TESTS = """import time
import unittest

class TestCases(unittest.TestCase):
    def test_counts(self):
        time.sleep(3)
        self.assertEqual(task_func("a b a", top=1), [("a", 2)])
"""

BROKEN_TESTS = """import unittest

undefined_helper()

class TestCases(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(task_func("a b a", top=1), [("a", 2)])
"""


async def open_task(pilot, task_id: str) -> TaskWorkspace:
    await settle(pilot)
    pilot.app.screen.open_task(task_id)
    await pilot.pause()
    assert isinstance(pilot.app.screen, TaskWorkspace)
    return pilot.app.screen


def rendered(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def editor_text(workspace: TaskWorkspace, view: str) -> str:
    return workspace.editor(view).text


# -- 1. F6 and F7 belong to the pipeline, also while an editor has focus ------------------------


@run_async
async def test_f5_f6_f7_run_pipeline_steps_while_the_program_editor_has_focus(
    tmp_path, monkeypatch
):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        program = editor_text(workspace, "program")
        assert workspace.focused is workspace.editor("program")
        for key, action in (("f5", "validate"), ("f6", "flaky"), ("f7", "condense")):
            assert workspace.active_bindings[key].binding.action == action
        await pilot.press("f7", "Z")
        # F7 was refused (no validation yet); the editor did not select everything for Z.
        assert editor_text(workspace, "program") == "Z" + program
        footer_keys = {
            key for key, active in workspace.active_bindings.items() if active.binding.show
        }
        assert {"f5", "f6", "f7", "f8", "f9", "escape"} <= footer_keys


# -- 2. a save while validation runs is kept, and the old results show as stale -------------


@run_async
async def test_a_save_during_validation_stays_saved_and_the_results_show_stale(
    tmp_path, monkeypatch
):
    bank = git_bank(tmp_path, monkeypatch, [make_task("Demo/2", test=SLOW_TESTS)])
    messages = []
    async with app_on(bank).run_test(size=SIZE, message_hook=messages.append) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        await pilot.press("f5")
        assert workspace.running
        await pilot.press("2", "#", "enter", "ctrl+s")
        assert workspace.running, "the save must land while the validation still runs"
        await settle(pilot)
        assert [m for m in messages if isinstance(m, ValidationFinished)]
        on_disk = bank.load("Demo/2")
        assert on_disk.test.startswith("#\n")
        assert workspace.current.test == on_disk.test
        assert not workspace.unsaved and "unsaved" not in workspace.sub_title
        # The stepper does not vouch for content that was never validated.
        assert workspace.step(Step.VALIDATE).state is StepState.READY
        assert "STALE: the task changed since this run" in rendered(workspace, "#verdict")
        await pilot.press("escape")
        assert isinstance(pilot.app.screen, BankBrowser), "nothing unsaved, so no question"


@run_async
async def test_a_run_that_ends_leaves_the_tab_the_annotator_moved_to(tmp_path, monkeypatch):
    """After F5, the annotator went back to the Program tab and typed; when the validation
    ended, the Results tab took the view and the focus, and the keys typed after that went
    to its table: lost. A run's outcome now takes the view only from the run's own tab."""
    bank = git_bank(tmp_path, monkeypatch, [make_task("Demo/2", test=SLOW_TESTS)])
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        program = editor_text(workspace, "program")
        await pilot.press("f5")
        assert workspace.query_one("#views").active == "log"
        await pilot.press("1", "a")
        assert workspace.running, "the keys must land while the validation still runs"
        await settle(pilot)
        assert not workspace.running
        await pilot.press("b")
        assert workspace.query_one("#views").active == "program"
        assert workspace.focused is workspace.editor("program")
        assert editor_text(workspace, "program") == "ab" + program
        assert "validation: pass" in rendered(workspace, "#status")
        # Watched to its end, the run still shows its results.
        await pilot.press("ctrl+s", "f5")
        await settle(pilot)
        assert workspace.query_one("#views").active == "results"


# -- 3. stored results from another machine are shown, marked stale with the reason -----------


@run_async
async def test_results_from_another_environment_show_marked_stale(tmp_path, monkeypatch):
    bank = demo_bank(tmp_path, monkeypatch)
    folder = bank.task_dir("Demo/4")
    report = json.loads((folder / REPORT_FILE).read_text())
    report["environment"] = "cpython-3.99.0 another-machine"
    (folder / REPORT_FILE).write_text(json.dumps(report))
    meta = json.loads((folder / "task.json").read_text())
    meta["validation"]["environment"] = report["environment"]
    (folder / "task.json").write_text(json.dumps(meta))
    async with app_on(bank).run_test(size=SIZE) as pilot:
        # The browser showed "100%" and the stepper "✓ validate" where `curator list` said
        # "(stale)" and the gate "its validation ran in another environment".
        await settle(pilot)
        (row,) = [
            row for row in pilot.app.screen.query_one(TaskTable).rows if row.task_id == "Demo/4"
        ]
        assert row.cells[COLUMN_KEYS.index("coverage")].endswith("stale")
        workspace = await open_task(pilot, "Demo/4")
        validate = workspace.step(Step.VALIDATE)
        assert (validate.state, validate.reason) == (
            StepState.READY,
            "results are from another environment: validate again",
        )
        await pilot.press("f3", "f3", "f3")
        assert workspace.query_one("#views").active == "results"
        verdict = rendered(workspace, "#verdict")
        assert "STALE: it ran in another environment (cpython-3.99.0 another-machine" in verdict
        assert "PASS" in verdict
        assert workspace.query_one("#test-results", DataTable).row_count == len(report["tests"])
        await pilot.press("f4")
        coverage = rendered(workspace, "#coverage-view")
        assert "STALE: it ran in another environment" in coverage
        assert "branch coverage" in coverage


# -- 4. the coverage view opens at the first miss and steps from miss to miss ----------------


@run_async
async def test_the_coverage_view_steps_from_miss_to_miss_by_key(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("f4")
        view = workspace.query_one(CoverageView)
        assert workspace.focused is view
        assert len(view.misses) >= 2, "Demo/2 misses the raise and the branch to it"
        assert view.current == view.misses[0]
        await pilot.press("n")
        assert view.current == view.misses[1]
        await pilot.press("p")
        assert view.current == view.misses[0]
        await pilot.press("p")
        assert view.current == view.misses[-1]


# -- 5. switching tabs moves the focus; closing a dialog gives it back ------------------------


@run_async
async def test_tab_keys_move_focus_and_a_dialog_gives_it_back(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        # Nothing showed that `2` would be typed into the program, not open the Tests tab.
        program = workspace.editor("program")
        assert (program.border_title, program.border_subtitle) == (
            "task.py",
            "typing here · f3 next tab",
        )
        tests = editor_text(workspace, "tests")
        await pilot.press("f3", "Z")
        assert workspace.query_one("#views").active == "tests"
        assert editor_text(workspace, "tests") == "Z" + tests
        assert not program.border_subtitle
        assert workspace.editor("tests").border_subtitle == "typing here · f3 next tab"
        await pilot.press("f3")
        assert workspace.focused is workspace.editor("instruction")
        await pilot.press("f3")
        assert workspace.focused is workspace.query_one("#test-results", DataTable)
        await pilot.press("2", "ctrl+g")
        assert isinstance(pilot.app.screen, TextDialog)
        await pilot.press("escape")
        assert workspace.focused is workspace.editor("tests")


# -- 6 and 7. the Proposal tab after a failed request; Ctrl+L tests on a broken module ---------


@run_async
async def test_a_failed_request_shows_why_in_the_proposal_tab(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    with ScriptedLLMServer([{"status": 401, "body": "bad key"}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model", max_retries=0)
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=(160, 45)) as pilot:
            workspace = await open_task(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            shown = rendered(workspace, "#proposal-view")
            assert "waiting for the model" not in shown
            assert shown.startswith("no proposal: ") and "401" in shown
            # Titled "LLM refused", as every request that came to nothing was.
            titles = [n.title for n in app._notifications]
            assert "no proposal" in titles and "LLM refused" not in titles


@run_async
async def test_the_app_says_why_an_llm_request_is_being_retried(tmp_path, monkeypatch):
    """A refused connection took seconds of retries under "waiting for the model…" alone."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    steps = [{"status": 503, "body": "busy"}, {"status": 429, "retry_after": "0.1"}]
    with ScriptedLLMServer(steps) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model", max_retries=1)
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=(160, 45)) as pilot:
            workspace = await open_task(pilot, "Demo/2")
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            workspace.show_view("log")  # a log not yet shown holds its lines back
            await pilot.pause()
            log = "\n".join(str(line.text) for line in workspace.query_one("#run-log").lines)
            assert "HTTP 503: retrying in 1.0 s (attempt 2 of 2)" in log


@run_async
async def test_ctrl_l_tests_on_a_broken_test_module_says_the_tests_did_not_run(
    tmp_path, monkeypatch
):
    tasks = [make_task("Demo/1", stage=Stage.REFINED, test=BROKEN_TESTS)]
    bank = git_bank(tmp_path, monkeypatch, tasks)
    with ScriptedLLMServer([{"answer": "unused"}]) as server:
        llm = LLMSettings(base_url=server.base_url, model="scripted-model")
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=SIZE) as pilot:
            workspace = await open_task(pilot, "Demo/1")
            await pilot.press("ctrl+l", "t")
            await settle(pilot)
            shown = rendered(workspace, "#proposal-view")
            assert "every line and branch" not in shown
            assert "the tests did not run" in shown and "NameError" in shown
            assert not server.requests


# -- 8. the browser's tests column when validation could not run -----------------------------


def test_the_tests_column_names_the_environment_when_it_stopped_the_run():
    task = make_task("Demo/9")
    task.validation = ValidationSummary(
        verdict=Verdict.ENVIRONMENT,
        content_hash=task.content_hash(),
        environment="here",
        tests_total=0,
        tests_passed=0,
    )
    assert task_row(task).cells[3] == "env"  # not "0/0"


# -- 9. the Ctrl+L dialog fits, shows Cancel, and every button its key ------------------------


@run_async
async def test_the_llm_dialog_fits_and_shows_cancel_and_its_keys(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    llm = LLMSettings(base_url="http://127.0.0.1:9/v1", model="m")
    for size in ((160, 45), (80, 24)):
        app = make_app(bank, AppSettings(annotator="Ada Annotator", llm=llm))
        async with app.run_test(size=size) as pilot:
            await open_task(pilot, "Demo/2")
            await pilot.press("ctrl+l")
            dialog = app.screen
            assert isinstance(dialog, ChoiceDialog)
            labels = [str(button.label) for button in dialog.query(Button)]
            assert labels[-1] == "Cancel  [Esc]"
            assert all(label.endswith("]") for label in labels)
            screen_region = dialog.region
            for button in dialog.query(Button):
                assert screen_region.contains_region(button.region), (size, button.label)
                assert button.region.width >= len(str(button.label))
            await pilot.press("escape")


# -- 10. Esc in the filter clears it and leaves it ---------------------------------------------


@run_async
async def test_escape_in_the_filter_clears_it_and_returns_to_the_table(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        await settle(pilot)
        browser = pilot.app.screen
        await pilot.press("slash", *"zzz")
        assert browser.query_one(TaskTable).rows == []
        await pilot.press("escape")
        assert browser.query_one("#filter", Input).value == ""
        assert browser.focused is browser.query_one(TaskTable)
        assert len(browser.query_one(TaskTable).rows) == 5


# -- 11. flag decisions and any-stage commits end in a commit from the app ---------------------


@run_async
async def test_a_flag_decision_is_committed_and_the_release_is_not_blocked_by_it(
    tmp_path, monkeypatch
):
    bank = demo_bank(tmp_path, monkeypatch)
    assert bank.load("Demo/6").open_flags()
    async with app_on(bank).run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        queue = pilot.app.screen
        assert isinstance(queue, FlakyReview)
        assert queue.sub_title == "1 open flag"
        await pilot.press("b", *"order-dependent on purpose", "enter")
        await settle(pilot)
        status = rendered(queue, "#review-status")
        assert "committed" in status, status
        assert not GitBank(bank).changed_tasks()
        log = task_log(bank, "Demo/6")
        assert log[0].subject.startswith("Send back the flaky flag on ")
        assert log[0].stage == "draft"
        assert bank.load("Demo/6").flags[0].status is FlagStatus.CONFIRMED
        await pilot.press("escape", "r")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ReleaseScreen)
        assert "uncommitted" not in rendered(pilot.app.screen, "#release-plan")


@run_async
async def test_f8_commits_in_a_stage_the_gate_allows(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        await pilot.press("f2", "f8")
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        offered = [value for value, _, _ in dialog.choices]
        assert offered == ["draft", "refined", "rejected", "cancel"]
        task = bank.load("Demo/1")
        gate = allowed_stages(task, gate_facts(bank, task))  # what `curator commit` allows
        assert offered[:-1] == [stage.value for stage in gate]
        assert "✗ validated, condensed, accepted: it has never been validated" in dialog.question
        await pilot.press("r")
        assert isinstance(pilot.app.screen, TextDialog)
        await pilot.press("enter")
        await settle(pilot)
        log = task_log(bank, "Demo/1")
        assert log[0].stage == "refined" and log[0].subject == "Record as refined: Demo/1"
        assert workspace.committed


@run_async
async def test_f8_and_the_stepper_hold_the_banks_quality_bar_as_the_commit_does(
    tmp_path, monkeypatch
):
    """The app built the gate's facts itself, without the bank's quality bar: F8 offered
    accepted and the stepper pointed at it; the commit was then refused."""
    bank = demo_bank(tmp_path, monkeypatch)
    for task in bank.load_all():  # the demo's validations as if made here
        if task.validation is not None:
            task.validation.environment = bank_fingerprint(bank.root)
            with bank.lock():
                bank.save(task)
    marker = bank.root / "bank.json"
    marker.write_text(
        json.dumps({**json.loads(marker.read_text()), "quality": {"min_mutation_score": 90}})
    )
    GitBank(bank).run("commit", "-qam", "A bar of 90%")
    task = bank.load("Demo/1")
    assert task.stage is Stage.ACCEPTED
    allowed = allowed_stages(task, gate_facts(bank, task))  # what `curator commit` allows
    assert Stage.CONDENSED in allowed and Stage.ACCEPTED not in allowed
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        commit = workspace.step(Step.COMMIT)
        assert commit.state is StepState.BLOCKED
        assert commit.reason.startswith("no current mutation score (the bank requires 90%")
        await pilot.press("f8")
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "accepted" not in [value for value, _, _ in dialog.choices]
        assert "✗ accepted: no current mutation score (the bank requires 90%" in dialog.question


@run_async
async def test_f8_asks_before_it_saves_and_names_each_refusal_once(tmp_path, monkeypatch):
    """F8 wrote unsaved edits to task.py though the annotator then cancelled; its dialog
    repeated one long reason for each stage, never named refined, and at 60x20 pushed every
    choice off the screen."""
    bank = git_bank(tmp_path, monkeypatch, [*demo_tasks(), new_task("Mine/1", ["json", "re"])])
    async with app_on(bank).run_test(size=(60, 20)) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        on_disk = bank.load("Demo/1").program
        await pilot.press("#", "f8")
        assert isinstance(pilot.app.screen, ChoiceDialog)
        assert "unsaved edits" in pilot.app.screen.question
        await pilot.press("escape")
        assert bank.load("Demo/1").program == on_disk
        assert workspace.editor("program").text == "#" + on_disk
        await pilot.press("f8", "s")
        await settle(pilot)
        assert bank.load("Demo/1").program == "#" + on_disk
        assert isinstance(pilot.app.screen, ChoiceDialog)
        assert "Commit Demo/1" in pilot.app.screen.question
        await pilot.press("escape", "escape")
        await settle(pilot)
        await open_task(pilot, "Mine/1")
        await pilot.press("f8")
        dialog = pilot.app.screen
        assert isinstance(dialog, ChoiceDialog)
        refusals = [line for line in dialog.question.splitlines() if line.startswith("✗")]
        assert refusals[0].startswith(
            "✗ refined, validated, condensed, accepted: replace the template's text: task.py lines"
        )
        assert sum("template's text" in line for line in refusals) == 1
        screen = pilot.app.screen.region
        for button in dialog.query(Button):
            assert screen.contains_region(button.region), button.label


# -- 12. text ----------------------------------------------------------------------------------


@run_async
async def test_help_shows_the_keymap_header_and_the_queue_its_status_words(tmp_path, monkeypatch):
    bank = demo_bank(tmp_path, monkeypatch)
    async with app_on(bank).run_test(size=(160, 45)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        texts = [str(s.render()) for s in pilot.app.screen.query(Static)]
        assert any('[keymap]\n"task.validate" = "ctrl+b"' in text for text in texts)
        await pilot.press("escape", "f", "a")  # all flags: their status column
        await settle(pilot)
        table = pilot.app.screen.query_one("#flags", DataTable)
        status_column = table.ordered_columns[1]
        assert status_column.get_render_width(table) >= len("dismissed")
        assert str(table.get_row_at(0)[1]) == "open"
        region = table.region
        assert region.x + status_column.get_render_width(table) * 2 < region.right


@run_async
async def test_a_question_mark_opens_help_where_it_is_not_typed(tmp_path, monkeypatch):
    """A newcomer pressed `?` for help, as in less and lazygit, and nothing happened. It opens
    the help from the table and closes it; in the filter and in an editor it is typed."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, HelpScreen)
        await pilot.press("question_mark")
        assert isinstance(pilot.app.screen, BankBrowser)
        await pilot.press("slash", "question_mark")
        assert pilot.app.screen.query_one(Input).value == "?"
        await pilot.press("escape")
        workspace = await open_task(pilot, "Demo/1")
        program = editor_text(workspace, "program")
        await pilot.press("question_mark")
        assert pilot.app.screen is workspace
        assert editor_text(workspace, "program") == "?" + program


@run_async
async def test_the_stepper_keeps_its_two_lines_at_60_columns(tmp_path, monkeypatch):
    """At 60x20 the steps wrapped onto the stepper's second line and pushed "next: …" out of
    sight. The steps close up to fit; a long reason ends in "…" and shows whole on hover."""
    bank = git_bank(tmp_path, monkeypatch, [new_task("Mine/1", ["json", "re"])])
    for size in ((60, 20), (80, 24)):
        async with app_on(bank).run_test(size=size) as pilot:
            workspace = await open_task(pilot, "Mine/1")
            stepper = workspace.query_one("#stepper", PipelineStepper)
            lines = stepper.render_lines(Region(0, 0, *stepper.outer_size))
            first, second = (strip.text.rstrip() for strip in lines)
            shown = [word for word in first.split() if word not in "✓●✗›"]
            assert shown == [step.value for step in Step]
            # What to do comes first: "(task.py line 7" was cut off at 80 columns, and then
            # "…still hold the new-t…".
            assert second.startswith(" next: draft — replace the template's text: task.py")
            assert second.endswith("…")
            assert str(stepper.tooltip).endswith("what the function does with its arguments.', …)")
            # Saved already: the draft's hint was ^s, which then did nothing.
            assert "draft" not in stepper.keys
            if size == (80, 24):  # the last app: its autosave is never offered back
                await pilot.press("x")
                assert stepper.keys["draft"] == "^s"
                # The key comes before the reason, which the width cuts: it read "[f…".
                await pilot.pause()
                lines = stepper.render_lines(Region(0, 0, *stepper.outer_size))
                assert lines[1].text.startswith(
                    " next: draft [^s] — replace the template's text: task.py lines 7, 10, 13, 16"
                )


@run_async
async def test_the_editor_selects_all_and_jumps_to_its_ends_and_help_lists_its_keys(
    tmp_path, monkeypatch
):
    """To replace the template a newcomer pressed Shift+Down thirty times: F7 (TextArea's
    select all) is Condense, Ctrl+A went to the line's start, Ctrl+Home did nothing, and the
    help listed no editor key."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        editor = workspace.editor("program")
        program = editor.text
        await pilot.press("ctrl+end", "#")
        assert editor.text == program + "#"
        await pilot.press("ctrl+home", "#")
        assert editor.text == "#" + program + "#"
        await pilot.press("ctrl+a", "Z")
        assert editor.text == "Z"
        await pilot.press("ctrl+z")
        assert editor.text == "#" + program + "#"
        await pilot.press("f1")
        assert isinstance(pilot.app.screen, HelpScreen)
        actions = list(pilot.app.screen.key_table().columns[1].cells)
        for entry in ("editor: Select all", "editor: Undo", "editor: Start of the text"):
            assert entry in actions


# -- friction ----------------------------------------------------------------------------------


@run_async
async def test_accept_edit_reject_show_only_with_a_proposal(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        for key in ("ctrl+o", "ctrl+t", "ctrl+r"):
            assert key not in workspace.active_bindings or not workspace.check_action(
                workspace.active_bindings[key].binding.action, ()
            )


@run_async
async def test_a_traceback_line_leads_to_the_tests_editor(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/3")
        await pilot.press("f5")
        await settle(pilot)
        assert workspace.focused is workspace.query_one("#test-results", DataTable)
        traceback = rendered(workspace, "#traceback")
        assert 'tests.py", line 5' in traceback
        await pilot.press("enter")
        assert workspace.query_one("#views").active == "tests"
        editor = workspace.editor("tests")
        assert workspace.focused is editor
        assert editor.cursor_location == (4, 0)


@run_async
async def test_find_and_go_to_line_in_the_editors(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        editor = workspace.editor("program")
        await pilot.press("ctrl+g", *"3", "enter")
        assert editor.cursor_location == (2, 0)
        await pilot.press("ctrl+f", *"ValueError", "enter")
        assert editor.selected_text == "ValueError"
        row = editor.cursor_location[0]
        assert "ValueError" in editor.document.get_line(row)


def test_the_id_column_gives_way_to_libraries_at_100_columns():
    widths = column_widths(100)
    assert widths[0] == 15 and widths[2] >= 20
    assert column_widths(160)[0] == 22


def test_every_column_stays_on_screen_at_80_columns():
    """At 80 columns the last change keeps its date, an id its number, and nothing runs off
    the edge."""
    # The rows' width in an 80-column terminal: 78, and 76 beside the scrollbar of a long bank.
    for total in (76, 78, 80):
        assert 1 + sum(column_widths(total)) + len(COLUMN_KEYS) - 1 <= total
    widths = column_widths(76)
    changed = COLUMN_KEYS.index("changed")
    assert fit_cell("changed", "2026-11-30 14:22", widths[changed]) == "2026-11-30"
    assert fit_cell("id", "BigCodeBench/1139", widths[0]) == "…CodeBench/1139"
    assert fit_cell("id", "BigCodeBench/13", widths[0]) == "BigCodeBench/13"
    assert column_widths(120)[changed] == 17


def test_below_80_columns_the_last_change_and_mutation_score_give_way_to_the_flaky_flags():
    """At 60 columns the flaky column ran off the screen's edge; the rows no longer do."""
    for total in (58, 66, 75):
        widths = column_widths(total)
        assert 1 + sum(width + 1 for width in widths if width) - 1 <= total
        assert widths[COLUMN_KEYS.index("flaky")] == 5
    shown = dict(zip(COLUMN_KEYS, column_widths(58), strict=True))
    assert shown["changed"] == shown["mutation"] == 0 and shown["libraries"] >= 9
    assert column_widths(70)[COLUMN_KEYS.index("mutation")] == 5  # room for it there


@run_async
async def test_at_80_columns_the_titles_keep_their_sort_arrow_and_the_status_every_stage(
    tmp_path, monkeypatch
):
    """At 80 columns the header read "last chan…", sorted by tests it read "test…" with no
    arrow (nothing said which column was sorted), and the status line lost the last stages."""
    bank = demo_bank(tmp_path, monkeypatch)
    async with app_on(bank).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        header = pilot.app.screen.query_one(ColumnHeader)
        titles = str(header.render())
        assert "changed" in titles and "…" not in titles, titles
        assert "id ▲" in titles
        for _ in range(3):
            await pilot.press("s")
        titles = str(header.render())
        assert header.sort_column == "tests" and "test▲" in titles, titles
        await pilot.press("d")
        assert "test▼" in str(header.render())
        counts = pilot.app.screen.query_one("#counts", Static)
        said = str(counts.render())
        assert "to validate" in said and "accepted 2" in said, said
        assert counts.size.height == 2  # wrapped, not cut at the edge


@run_async
async def test_below_80_columns_the_browser_footer_keeps_its_help_key(tmp_path, monkeypatch):
    """At 60 columns the browser's footer ran off the screen before F1, the one key a newcomer
    looks for. Below 80 columns the footer drops the padding around its keys."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    for width, compact in ((60, True), (80, False)):
        async with app_on(bank).run_test(size=(width, 20)) as pilot:
            await settle(pilot)
            footer = pilot.app.screen.query_one(Footer)
            assert footer.compact is compact
            keys = {key.key: key for key in footer.query("FooterKey")}
            assert pilot.app.screen.region.contains_region(keys["f1"].region), width


@run_async
async def test_a_bank_longer_than_the_screen_keeps_every_column_on_screen_at_80_columns(
    tmp_path, monkeypatch
):
    """With more tasks than lines the table's scrollbar takes two columns: the rows and the
    header fit what is left, and no horizontal scrollbar appears (the last change used to be
    cut to "2026-12-")."""
    tasks = [make_task(f"Demo/{number}") for number in range(1, 41)]
    bank = git_bank(tmp_path, monkeypatch, tasks)
    async with app_on(bank).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        table = pilot.app.screen.query_one(TaskTable)
        assert table.show_vertical_scrollbar
        assert not table.show_horizontal_scrollbar
        visible = table.scrollable_content_region.width
        line = "".join(segment.text for segment in table.render_line(0))
        assert len(line) <= visible
        date = tasks[0].provenance.updated_at.strftime("%Y-%m-%d")
        assert line.rstrip().endswith(date), line


@run_async
async def test_at_80_columns_every_tests_outcome_is_on_screen(tmp_path, monkeypatch):
    """The results table shares 80 columns with the traceback: a test's long name used to push
    its outcome off the table's edge ("p" for pass, behind a scrollbar)."""
    bank = demo_bank(tmp_path, monkeypatch)
    async with app_on(bank).run_test(size=(80, 24)) as pilot:
        workspace = await open_task(pilot, "Demo/4")
        await pilot.press("f3", "f3", "f3")
        assert workspace.query_one("#views").active == "results"
        table = workspace.query_one("#test-results", DataTable)
        assert table.row_count >= 3
        visible = table.scrollable_content_region.width
        left = 0
        for column in table.ordered_columns:
            width = column.get_render_width(table)
            if str(column.label) == "outcome":
                assert left + width <= visible, (left, width, visible)
            left += width
        outcomes = [str(table.get_row_at(row)[0]) for row in range(table.row_count)]
        assert set(outcomes) <= {"pass", "fail", "error", "skip"}
        # Whole names, the traceback under them: beside it, names were cut at 30 characters
        # ("test_skips_blank_missing_and_" for test_skips_blank_missing_and_text_cells).
        names = [str(table.get_row_at(row)[2]) for row in range(table.row_count)]
        longest = max(names, key=len)
        assert len(longest) > 30
        assert left <= visible and table.ordered_columns[2].get_render_width(table) > len(longest)
        traceback = workspace.query_one("#traceback-scroll")
        assert traceback.region.y >= table.region.bottom


@run_async
async def test_a_test_the_run_never_reached_reads_not_run(tmp_path, monkeypatch):
    """When a run times out, the tests after the one running are never started: their outcome
    is an error of the run's, and the table says `not run` rather than a red `error`. The test
    killed at the deadline has no measured time."""
    bank = demo_bank(tmp_path, monkeypatch)
    report_path = bank.task_dir("Demo/4") / REPORT_FILE
    stored = json.loads(report_path.read_text())
    names = sorted(stored["tests"])
    stored["tests"][names[0]].update(
        outcome="error", message="not run: the suite timed out", started=False, duration_s=0.0
    )
    stored["tests"][names[1]].update(outcome="timeout", duration_s=0.0)  # killed at the deadline
    report_path.write_text(json.dumps(stored))
    async with app_on(bank).run_test(size=(80, 24)) as pilot:
        workspace = await open_task(pilot, "Demo/4")
        await pilot.press("f3", "f3", "f3")
        table = workspace.query_one("#test-results", DataTable)
        rows = [[str(cell) for cell in table.get_row_at(row)] for row in range(table.row_count)]
        assert ["not run", "-", names[0]] in rows
        assert ["timeout", "-", names[1]] in rows
        assert all(row[0] != "not run" for row in rows if row[2] != names[0])
        assert all(row[1] != "-" for row in rows if row[2] not in names[:2])


@run_async
async def test_the_results_give_the_last_pre_evaluation_s_solve_rates(tmp_path, monkeypatch):
    """`curator preeval` stored solve rates that only the CLI's `show` gave; a task never
    validated shows them too, and they are marked stale once the task changes, as the results
    are (they read as current until the task was opened again)."""
    bank = demo_bank(tmp_path, monkeypatch)
    for task_id in ("Demo/4", "Demo/8"):
        task = bank.load(task_id)
        task.preeval = PreEvalSummary(
            model="qwen",
            k=5,
            complete_rate=0.4,
            instruct_rate=0.2,
            content_hash=task.content_hash(),
        )
        bank.save(task)
    (bank.task_dir("Demo/8") / REPORT_FILE).unlink()
    async with app_on(bank).run_test(size=(80, 24)) as pilot:
        workspace = await open_task(pilot, "Demo/4")
        solved = "pre-evaluation: complete 40%, instruct 20% solved by qwen (k=5)"
        await pilot.press("f5")
        await settle(pilot)
        assert rendered(workspace, "#verdict").startswith("PASS")
        assert solved in rendered(workspace, "#verdict")
        workspace.editor("program").focus()
        await pilot.press("2", "ctrl+s")
        await settle(pilot)
        verdict = rendered(workspace, "#verdict")
        assert verdict.startswith("STALE: the task changed since this run"), verdict
        assert f"{solved} (stale)" in verdict
        await pilot.press("escape")
        workspace = await open_task(pilot, "Demo/8")
        verdict = rendered(workspace, "#verdict")
        assert verdict.startswith("not validated yet (F5)") and solved in verdict, verdict


@run_async
async def test_toasts_stand_above_each_screen_s_status_line(tmp_path, monkeypatch):
    """A toast covered the status line, which says the same at once, and cut it in two for as
    long as it stayed: in the browser, the workspace and the flaky queue (walk 47)."""
    from textual.widgets._toast import Toast

    bank = demo_bank(tmp_path, monkeypatch)
    async with app_on(bank).run_test(size=(80, 24), notifications=True) as pilot:
        await settle(pilot)

        async def toast_clear_of(selector: str) -> None:
            pilot.app.notify("a toast of several words, as long as a status line's message")
            await pilot.pause(0.2)
            toast = pilot.app.screen.query(Toast).last()
            status = pilot.app.screen.query_one(selector)
            assert toast.region.bottom <= status.region.y, (toast.region, status.region)

        await toast_clear_of("#counts")
        workspace = await open_task(pilot, "Demo/1")
        await toast_clear_of("#status-bar")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("f")
        await settle(pilot)
        assert isinstance(pilot.app.screen, FlakyReview) and workspace is not pilot.app.screen
        await toast_clear_of("#review-status-bar")
