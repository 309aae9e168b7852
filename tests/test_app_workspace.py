"""The task workspace, driven through Pilot: edit, save, autosave and recovery, quitting,
validation with results and coverage, condensing, and commits that are refused or made."""

from __future__ import annotations

import asyncio
import os
import shutil
import threading
from pathlib import Path

from app_support import SIZE, app_on, demo_tasks, git_bank, run_async, settle
from textual.command import CommandList
from textual.widgets import DataTable, Static, TabbedContent, TabPane, TextArea

from conftest import make_task, unwritable
from curator.app.messages import Committed, ValidationFinished
from curator.app.screens.dialogs import ChoiceDialog
from curator.app.screens.workspace import TaskWorkspace
from curator.app.widgets.results import ResultsPane
from curator.condense.stage import apply_instruction
from curator.drafts import TaskTexts, draft_path, read_draft, write_draft
from curator.history import task_log
from curator.models import Stage, Verdict
from curator.pipeline import Step, StepState
from curator.sandbox.models import RuntimeFinding
from curator.validation import REPORT_FILE, validate_tasks


async def open_task(pilot, task_id: str) -> TaskWorkspace:
    app = pilot.app
    await settle(pilot)
    app.screen.open_task(task_id)
    await pilot.pause()
    return next(screen for screen in app.screen_stack if isinstance(screen, TaskWorkspace))


def rendered(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


@run_async
async def test_edit_save_and_autosave(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        editor = workspace.query_one("#program-editor", TextArea)
        editor.focus()
        editor.move_cursor((0, 0))
        await pilot.press(*"# edited", "enter")
        assert workspace.unsaved
        assert workspace.step(Step.COMMIT).state is StepState.BLOCKED
        workspace.autosave()
        draft = read_draft(bank, "Demo/1")
        assert draft is not None and draft.texts.program.startswith("# edited\n")
        await pilot.press("ctrl+s")
        assert not workspace.unsaved
        assert bank.load("Demo/1").program.startswith("# edited\n")
        assert not draft_path(bank, "Demo/1").exists()


@run_async
async def test_a_newer_autosave_is_offered_back_after_a_crash(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    task = bank.load("Demo/1")
    texts = TaskTexts.of(task).model_copy(update={"instruction": "Recovered words."})
    write_draft(bank, "Demo/1", texts)
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        assert app.screen is workspace
        assert workspace.query_one("#instruction-editor", TextArea).text == "Recovered words."
        assert workspace.unsaved
        assert bank.load("Demo/1").instruct_prompt == ""


@run_async
async def test_quitting_with_unsaved_edits_asks(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        workspace.query_one("#tests-editor", TextArea).insert("# more\n", (0, 0))
        await pilot.pause()
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("c")
        assert app.screen is workspace and app.is_running
        # Enter alone cancels (it saved: a stray key, then quit and Enter, wrote the typo).
        await pilot.press("ctrl+q", "enter")
        assert app.screen is workspace and app.is_running
        assert not bank.load("Demo/1").test.startswith("# more\n")
        await pilot.press("ctrl+q", "s")
        await pilot.pause()
    assert bank.load("Demo/1").test.startswith("# more\n")


@run_async
async def test_leaving_a_task_with_unsaved_edits_asks_and_can_discard(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        workspace.query_one("#tests-editor", TextArea).insert("# more\n", (0, 0))
        await pilot.pause()
        workspace.autosave()
        await pilot.press("escape")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("enter")  # Cancel, the default: the task stays open, unsaved
        assert app.screen is workspace and workspace.unsaved
        assert not bank.load("Demo/1").test.startswith("# more")
        await pilot.press("escape")
        await pilot.press("d")
        assert not isinstance(app.screen, TaskWorkspace)
    assert not bank.load("Demo/1").test.startswith("# more")
    assert read_draft(bank, "Demo/1") is None


@run_async
async def test_validate_shows_results_and_the_coverage_view_marks_missed_code(
    tmp_path, monkeypatch
):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    messages = []
    app = app_on(bank)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        await pilot.press("f5")
        await settle(pilot)
        finished = [m for m in messages if isinstance(m, ValidationFinished)]
        assert len(finished) == 1
        report = finished[0].report
        assert report.verdict is Verdict.PASS
        assert report.missed_lines, "the tests never call task_func with top <= 0"
        assert workspace.query_one("#views").active == "results"
        assert workspace.query_one("#test-results", DataTable).row_count == 1
        assert "PASS" in rendered(workspace, "#verdict")
        await pilot.press("f4")
        assert workspace.query_one("#views").active == "coverage"
        coverage = rendered(workspace, "#coverage-view")
        raise_line = next(
            number
            for number, line in enumerate(workspace.current.program.splitlines(), 1)
            if "raise ValueError" in line
        )
        assert f"✗ {raise_line:4}" in coverage
        assert "never taken" in coverage
        assert workspace.step(Step.VALIDATE).state is StepState.DONE
        assert bank.load("Demo/2").validation.verdict is Verdict.PASS


@run_async
async def test_f5_on_a_draft_that_does_not_parse_shows_where_as_the_command_does(
    tmp_path, monkeypatch
):
    """F5 was refused with "finish the draft first" where `curator validate` reports the
    syntax error's line: the app now runs it too, and shows the report."""
    broken = make_task("Broken/1", canonical_solution="    return sorted(words\n")
    bank = git_bank(tmp_path, monkeypatch, [broken])
    messages = []
    app = app_on(bank)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        workspace = await open_task(pilot, "Broken/1")
        assert workspace.step(Step.DRAFT).state is StepState.READY
        await pilot.press("f5")
        await settle(pilot)
        finished = [m for m in messages if isinstance(m, ValidationFinished)]
        assert finished and finished[-1].report.verdict is Verdict.INVALID
        assert "SyntaxError" in (finished[-1].report.message or "")
        assert "INVALID" in rendered(workspace, "#verdict")


@run_async
async def test_a_failing_test_shows_its_traceback_and_commit_is_refused(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    messages = []
    app = app_on(bank)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        workspace = await open_task(pilot, "Demo/3")
        await pilot.press("f5")
        await settle(pilot)
        finished = [m for m in messages if isinstance(m, ValidationFinished)]
        assert finished[-1].report.verdict is Verdict.FAIL
        traceback = str(workspace.query_one("#traceback", Static).render())
        assert "test_counts: fail" in traceback and "AssertionError" in traceback
        await pilot.press("f8")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert (
            "✗ validated, condensed, accepted: its validation did not pass (verdict: fail)"
            in dialog.question
        )
        offered = [value for value, _label, _key in dialog.choices]
        assert offered == ["draft", "refined", "rejected", "cancel"]
        await pilot.press("escape")
        assert app.screen is workspace
        assert len(task_log(bank, "Demo/3")) == 1


@run_async
async def test_condense_writes_the_rule_based_instruction_with_warnings(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        await pilot.press("f7")
        assert workspace.step(Step.CONDENSE).state is StepState.BLOCKED
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("f7")
        instruction = workspace.query_one("#instruction-editor", TextArea).text
        assert instruction.startswith("Count the words of a text")
        assert "You should write self-contained code starting with:" in instruction
        assert bank.load("Demo/2").instruct_prompt == instruction
        assert workspace.query_one("#views").active == "instruction"
        assert workspace.step(Step.CONDENSE).state is StepState.DONE
        notes = rendered(workspace, "#condense-notes")
        assert "rule-based instruction written" in notes


@run_async
async def test_condense_asks_before_replacing_an_instruction_an_annotator_accepted(
    tmp_path, monkeypatch
):
    """F7 wrote the rule-based instruction over an LLM's that an annotator had accepted, which
    `curator condense --write` keeps: it was lost, never committed."""
    accepted = "Count the words, as the LLM put it.\n"
    tasks = [
        apply_instruction(task, accepted, task.doc_struct, detail="llm", annotator="Ada")
        if task.task_id == "Demo/2"
        else task
        for task in demo_tasks()
    ]
    bank = git_bank(tmp_path, monkeypatch, tasks)
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        await pilot.press("f5")
        await settle(pilot)
        await pilot.press("f7")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "an annotator accepted (llm)" in dialog.question
        await pilot.press("enter")  # the default keeps it
        assert app.screen is workspace
        assert bank.load("Demo/2").instruct_prompt == accepted
        await pilot.press("f7", "r")
        await settle(pilot)
        assert bank.load("Demo/2").instruct_prompt.startswith("Count the words of a text")


@run_async
async def test_a_late_focus_event_of_a_tab_the_focus_has_left_does_not_switch_back(
    tmp_path, monkeypatch
):
    """Each tab's pane tells the tabs when something in it gets focus, and the tabs then show
    that pane. Panes handle their messages on their own, so on a busy machine the Program
    pane's notice of the focus it got at opening could arrive after F7 had moved to the
    Instruction tab (seen in a real terminal: "condensed:" on the status line, the Program tab
    on screen). A notice for a pane that no longer holds the focus is stale."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        workspace.show_view("instruction")
        await pilot.pause()
        assert app.focused is workspace.editor("instruction")
        program_pane = workspace.query_one("#program", TabPane)
        program_pane.post_message(TabPane.Focused(program_pane))
        await pilot.pause()
        assert workspace.query_one("#views", TabbedContent).active == "instruction"
        workspace.editor("tests").focus()  # a focus that is still there still shows its tab
        await pilot.pause()
        assert workspace.query_one("#views", TabbedContent).active == "tests"


@run_async
async def test_a_focus_notice_still_queued_when_a_view_is_shown_does_not_switch_back(
    tmp_path, monkeypatch
):
    """The same race one step earlier (a fresh-clone CI run: "condensed:" on the status line,
    the Program tab on screen): the Program pane's notice is still queued when F7 shows the
    Instruction tab. Showing a view moves the focus at once, not once its tab has been
    announced, so the notice finds the focus gone from its pane."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        assert app.focused is workspace.editor("program")
        program_pane = workspace.query_one("#program", TabPane)
        program_pane.post_message(TabPane.Focused(program_pane))
        workspace.show_view("instruction")
        await pilot.pause()
        assert workspace.query_one("#views", TabbedContent).active == "instruction"
        assert app.focused is workspace.editor("instruction")


@run_async
async def test_commit_is_refused_while_validation_is_stale(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    messages = []
    app = app_on(bank)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        workspace = await open_task(pilot, "Demo/2")
        await pilot.press("f5")
        await settle(pilot)
        workspace.query_one("#tests-editor", TextArea).insert("# touched\n", (0, 0))
        await pilot.pause()
        await pilot.press("f8", "s")  # save the edits first
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert "✗ validated, condensed, accepted: its validation is stale" in dialog.question
        await pilot.press("escape")
        assert not [m for m in messages if isinstance(m, Committed)]


@run_async
async def test_history_of_a_clean_task_says_it_has_no_uncommitted_changes(tmp_path, monkeypatch):
    """Its first row read "uncommitted changes" beside a diff that said there were none."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        await pilot.press("f9")
        await settle(pilot)
        log = workspace.query_one("#history-log", DataTable)
        assert str(log.get_row_at(0)[1]) == "no uncommitted changes"


@run_async
async def test_history_shows_commits_and_uncommitted_changes(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        workspace.query_one("#tests-editor", TextArea).insert("# touched\n", (0, 0))
        await pilot.press("ctrl+s", "f9")
        await settle(pilot)
        history = rendered(workspace, "#history-view")
        assert "uncommitted changes" in history and "+# touched" in history
        log = workspace.query_one("#history-log", DataTable)
        assert log.has_focus
        assert str(log.get_row_at(0)[1]) == "uncommitted changes"
        assert [str(cell) for cell in log.get_row_at(1)][1:4] == [
            "Import 5 task(s) from demo.jsonl",
            "draft (new)",
            "Ada Annotator",
        ]
        await pilot.press("down")
        await settle(pilot)
        commit = rendered(workspace, "#history-view")
        assert "Import 5 task(s) from demo.jsonl" in commit
        assert "--- /dev/null" in commit and "+class TestCases(unittest.TestCase):" in commit
        assert workspace.current.stage is Stage.DRAFT


@run_async
async def test_a_failing_worker_is_reported_and_the_app_keeps_running(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        shutil.rmtree(bank.root / ".git")
        await pilot.press("f9")
        await settle(pilot)
        assert app.is_running and app.screen is workspace
        assert any(
            n.title == "history failed" and "not inside a git repository" in n.message
            for n in app._notifications
        )
        assert "history failed" in rendered(workspace, "#status")
        pane = rendered(workspace, "#history-view")
        assert "loading" not in pane and "not inside a git repository" in pane
        await pilot.press("ctrl+s")
        assert workspace.step(Step.DRAFT).state is StepState.DONE


async def type_in_tests(pilot, workspace: TaskWorkspace, text: str) -> None:
    """Type at the start of the Tests editor, as a person does."""
    workspace.show_view("tests")
    workspace.editor("tests").move_cursor((0, 0))
    await pilot.press(*text, "enter")
    assert workspace.unsaved


@run_async
async def test_a_task_whose_stored_results_cannot_be_read_opens_and_validates_again(
    tmp_path, monkeypatch
):
    """A validation.json garbled by a hand edit or a merge crashed the app with a traceback
    (exit 0) as the task was opened, losing any other task's unsaved edits."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    validate_tasks(bank, ["Demo/1"])
    (bank.task_dir("Demo/1") / REPORT_FILE).write_text("garbage")
    async with app_on(bank).run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        verdict = workspace.query_one("#verdict", Static)
        shown = str(verdict.render())
        assert shown.startswith("the stored results cannot be read: "), shown
        assert "Demo__1/validation.json" in shown and shown.endswith("; F5 validates again")
        await pilot.press("f5")
        await settle(pilot)
        assert str(verdict.render()).startswith("PASS")


@run_async
async def test_a_task_that_cannot_run_is_invalid_without_a_word_on_the_network(
    tmp_path, monkeypatch
):
    """A task whose tests do not parse, validated from the command line, never ran: its
    header in the app says why, and nothing of the network, which no code of the task had
    (it said "network not isolated")."""
    broken = make_task("Demo/5", test=")\n" + demo_tasks()[0].test)
    bank = git_bank(tmp_path, monkeypatch, [*demo_tasks(), broken])
    (stored,) = validate_tasks(bank, ["Demo/5"]).reports
    assert stored.verdict is Verdict.INVALID and stored.run_status is None
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/5")
        header = rendered(workspace, "#verdict")
        assert header.startswith("INVALID") and "tests.py:1:" in header
        assert "network" not in header
        assert header.startswith("INVALID  no test ran in ")  # not "0/0 tests passed"


async def save_over_a_change_on_disk(pilot, bank):
    """Demo/1 open with "# mine" typed in its tests, its task.py changed outside the app,
    then Ctrl+S; returns the workspace."""
    workspace = await open_task(pilot, "Demo/1")
    await type_in_tests(pilot, workspace, "# mine")
    program = bank.task_dir("Demo/1") / "task.py"
    program.write_text("# EXTERNAL EDIT\n" + program.read_text())
    await pilot.press("ctrl+s")
    return workspace


@run_async
async def test_saving_over_a_change_made_on_disk_asks_and_loses_neither_side(tmp_path, monkeypatch):
    """The task's task.py changed outside the app (an editor, `condense --write`, a sync)
    while it was open with edits: Ctrl+S wrote the editors over it, unasked."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await save_over_a_change_on_disk(pilot, bank)
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.question.startswith("task.py of Demo/1 changed on disk since you loaded it")
        assert bank.load("Demo/1").program.startswith("# EXTERNAL EDIT\n")
        draft = read_draft(bank, "Demo/1")
        assert draft is not None and draft.texts.tests.startswith("# mine\n")
        await pilot.press("escape")  # keep editing
        assert app.screen is workspace and workspace.unsaved
        await pilot.press("f5")  # every step saves first: refused the same way
        assert isinstance(app.screen, ChoiceDialog) and workspace.running is None
        await pilot.press("o")
        await settle(pilot)
        assert app.screen is workspace and not workspace.unsaved
        saved = bank.load("Demo/1")
        assert saved.test.startswith("# mine\n")
        assert not saved.program.startswith("# EXTERNAL EDIT")
        assert read_draft(bank, "Demo/1") is None


@run_async
async def test_a_change_on_disk_can_be_taken_instead_of_the_edits(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await save_over_a_change_on_disk(pilot, bank)
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await settle(pilot)
        assert app.screen is workspace and not workspace.unsaved
        assert workspace.editor("program").text.startswith("# EXTERNAL EDIT\n")
        assert not workspace.editor("tests").text.startswith("# mine")
        assert bank.load("Demo/1").program.startswith("# EXTERNAL EDIT\n")
        assert read_draft(bank, "Demo/1") is None


@run_async
async def test_a_task_already_open_is_not_opened_again(tmp_path, monkeypatch):
    """A second workspace on the task offered the first one's autosave (discarding it there)
    and saved the program over the first one's base; the first then saved its stale program
    over the second's save."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        await type_in_tests(pilot, workspace, "# mine")
        workspace.autosave()
        await pilot.press("ctrl+p", *"open task")
        commands = app.screen.query_one(CommandList)
        while commands.option_count == 0:  # the palette searches in the background
            await pilot.pause()
        await pilot.press("enter", *"Demo/1", "enter")
        await settle(pilot)
        assert app.screen is workspace
        assert [s for s in app.screen_stack if isinstance(s, TaskWorkspace)] == [workspace]
        assert any(
            n.title == "already open" and n.message.startswith("Demo/1 is already open here")
            for n in app._notifications
        )
        assert read_draft(bank, "Demo/1").texts.tests.startswith("# mine\n")


@run_async
async def test_a_save_the_system_refuses_is_shown_and_the_edits_stay(tmp_path, monkeypatch):
    """A task folder that cannot be written ended the app with a traceback (exit code 0)."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        await type_in_tests(pilot, workspace, "# mine")
        directory = bank.task_dir("Demo/1")
        with unwritable(directory):
            await pilot.press("ctrl+s")
            await pilot.press("f5")
            await settle(pilot)
        assert app.is_running and app.screen is workspace
        assert workspace.unsaved and workspace.running is None
        refusals = [n for n in app._notifications if n.title == "not saved"]
        assert refusals and refusals[0].message.startswith(f"{directory}: cannot save the task (")
        assert "not saved" in rendered(workspace, "#status")
        assert read_draft(bank, "Demo/1").texts.tests.startswith("# mine\n")
        assert not bank.load("Demo/1").test.startswith("# mine")
        await pilot.press("ctrl+s")
        assert bank.load("Demo/1").test.startswith("# mine\n")


@run_async
async def test_an_autosave_the_system_refuses_is_said_once_not_a_crash(tmp_path, monkeypatch):
    """An unwritable `.curator/` (or a full disk) made the every-two-seconds autosave end the
    app with a traceback."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        autosaves = draft_path(bank, "Demo/1").parent
        autosaves.mkdir(parents=True, exist_ok=True)
        with unwritable(autosaves):
            for text in ("# one", "# two"):
                await type_in_tests(pilot, workspace, text)
                workspace.autosave()
                await pilot.pause()
        assert app.is_running and app.screen is workspace
        refusals = [n for n in app._notifications if n.title == "not autosaved"]
        assert len(refusals) == 1 and "the edits are only in the editor" in refusals[0].message
        workspace.autosave()
        assert read_draft(bank, "Demo/1").texts.tests.startswith("# two\n# one\n")


async def warmed_up() -> None:
    """Wait until the warm-ups the app started (`warm_sandbox_for`) have ended."""
    for thread in threading.enumerate():
        if thread.name == "warm-sandbox":
            await asyncio.to_thread(thread.join, 120)


def own_warm_workers() -> list[int]:
    """The warm workers (comm curator-worker) running below this process."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if not entry.name.isdigit() or (entry / "comm").read_text().strip() != "curator-worker":
                continue
            pid = int(entry.name)
            while pid > 1 and pid != os.getpid():
                pid = int((Path(f"/proc/{pid}/status").read_text()).split("PPid:")[1].split()[0])
        except (OSError, ValueError):
            continue
        if pid == os.getpid():
            found.append(int(entry.name))
    return found


@run_async
async def test_opening_a_task_starts_the_worker_its_first_validation_uses(tmp_path, monkeypatch):
    """The first F5 on a task waits for its run alone, not for a warm worker to start: the
    worker that runs the task starts as the task opens (in BigCodeBench's environment, the
    first F5 took 2.30 s and the next 0.29 s)."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await open_task(pilot, "Demo/2")
        await warmed_up()
        warm = app.sandbox().worker_pids()
        assert len(warm) == 1, "the worker of the task's kind started before any run"
        await pilot.press("f5")
        await settle(pilot)
        assert bank.load("Demo/2").validation.verdict is Verdict.PASS
        assert app.sandbox().worker_pids() == warm, "the run used the worker started at opening"


@run_async
async def test_quitting_while_a_worker_warms_up_leaves_no_worker_running(tmp_path, monkeypatch):
    """A warm-up may reach the sandbox only after the app has closed it (the task was opened
    just before quitting): it must not start a sandbox that nobody closes."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    before = set(own_warm_workers())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await open_task(pilot, "Demo/4")
    await warmed_up()
    assert set(own_warm_workers()) - before == set()
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)  # the browser alone: no sandbox yet
    app.warm_sandbox_for(bank.load("Demo/4"))  # a warm-up that gets there only now
    await warmed_up()
    assert set(own_warm_workers()) - before == set()


@run_async
async def test_a_long_verdict_header_scrolls_at_80x24(tmp_path, monkeypatch):
    """Eight lines hold the verdict and a few findings: the rest of a task's warnings and its
    runtime findings, which block acceptance, were cut off at 80x24 with no way to see them."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    (report,) = validate_tasks(bank, ["Demo/1"]).reports
    findings = [
        RuntimeFinding(code="network", message=f"tried to reach the network: host {number}")
        for number in range(12)
    ]
    async with app_on(bank).run_test(size=(80, 24)) as pilot:
        workspace = await open_task(pilot, "Demo/1")
        workspace.show_view("results")
        pane = workspace.query_one(ResultsPane)
        pane.show(report.model_copy(update={"runtime": findings}), None)
        await settle(pilot)
        scroll = workspace.query_one("#verdict-scroll")
        assert scroll.size.height == 8
        assert workspace.query_one("#verdict", Static).size.height == 13  # verdict + 12
        scroll.scroll_end(animate=False)
        await settle(pilot)
        assert scroll.scroll_y == 13 - 8
