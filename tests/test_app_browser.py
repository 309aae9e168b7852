"""The bank browser, driven through Pilot: loading, filtering, sorting, keys and help."""

from __future__ import annotations

import os
import shutil
import time
from datetime import UTC, datetime

from app_support import FAILING_TESTS, SIZE, app_on, demo_tasks, git_bank, run_async, settle
from gitbanks import ENVIRONMENT, passing
from textual.command import CommandList
from textual.widgets import Input, Label, Static

from conftest import WORD_COUNT_TESTS, make_task, unwritable
from curator.app.messages import BankChunkLoaded
from curator.app.rows import CACHE_FILE, COLUMN_KEYS, RowCache, filter_rows, sort_rows, task_row
from curator.app.screens.browser import ASK_BEFORE_VALIDATING, BankBrowser, build_row
from curator.app.screens.dialogs import ChoiceDialog, NewTaskDialog
from curator.app.screens.help import HelpScreen
from curator.app.screens.workspace import TaskWorkspace
from curator.app.widgets.task_table import TaskTable
from curator.models import (
    Flag,
    FlagEvent,
    FlagStatus,
    ProvenanceEvent,
    Task,
    ValidationSummary,
    Verdict,
)


def last_notice(app) -> str:
    return list(app._notifications)[-1].message


def shown_ids(app) -> list[str]:
    return [row.task_id for row in app.screen.query_one(TaskTable).rows]


@run_async
async def test_the_bank_loads_in_a_worker_and_counts_stages(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    messages = []
    app = app_on(bank)
    async with app.run_test(size=SIZE, message_hook=messages.append) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, BankBrowser)
        assert shown_ids(app) == ["Demo/1", "Demo/2", "Demo/3", "Demo/4", "Demo/10"]
        loaded = [m for m in messages if isinstance(m, BankChunkLoaded)]
        assert loaded and loaded[-1].done and loaded[-1].total == 5
        counts = str(app.screen.query_one("#counts", Static).render())
        assert "5 of 5 tasks" in counts
        assert "draft 2" in counts and "refined 2" in counts and "accepted 1" in counts


@run_async
async def test_v_validates_the_tasks_shown_whose_validation_does_not_count_here(
    tmp_path, monkeypatch
):
    """A copied bank, a new environment: every row read "stale", and the app validated one
    task at a time (open it, F5). `v` validates those shown whose result does not count."""
    tasks = [
        make_task("Mine/1"),
        passing(make_task("Mine/2")),
        make_task("Mine/3", test=FAILING_TESTS),
    ]
    bank = git_bank(tmp_path, monkeypatch, tasks)
    kept = bank.load("Mine/2").validation
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        counts = app.screen.query_one("#counts", Static)
        assert "3 of 3 tasks · 2 to validate: v" in str(counts.render())
        await pilot.press("slash", *"Mine/1", "enter", "v")
        await settle(pilot)
        assert bank.load("Mine/1").validation_is_current
        assert bank.load("Mine/3").validation is None  # filtered out: not shown, not run
        assert last_notice(app) == "validated 1 task(s): 1 pass"
        await pilot.press("escape", "v")
        await settle(pilot)
        assert bank.load("Mine/3").validation.verdict is Verdict.FAIL
        assert bank.load("Mine/2").validation == kept  # its result counted: not run again
        assert last_notice(app) == "validated 1 task(s): 1 fail"
        assert "to validate" not in str(counts.render())
        row = next(row for row in app.screen.query_one(TaskTable).rows if row.task_id == "Mine/3")
        assert row.cells[COLUMN_KEYS.index("tests")] == "1/2"
        await pilot.press("v")
        assert "every task shown counts here" in last_notice(app)


@run_async
async def test_v_asks_before_validating_many_tasks(tmp_path, monkeypatch):
    """On a copied BigCodeBench bank one key started 286 validations unasked."""
    many = ASK_BEFORE_VALIDATING + 1
    bank = git_bank(tmp_path, monkeypatch, [make_task(f"Mine/{n}") for n in range(many)])
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.question.startswith(f"Validate {many} tasks, ")
        await pilot.press("enter")  # the default: cancel
        await settle(pilot)
        assert all(bank.load(f"Mine/{n}").validation is None for n in range(many))
        await pilot.press("slash", *"Mine/1", "enter", "v")  # Mine/1 and Mine/10: no question
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceDialog)
        assert last_notice(app) == "validated 2 task(s): 2 pass"


@run_async
async def test_v_says_an_unbuilt_environment_before_asking(tmp_path, monkeypatch):
    """It asked "Validate 40 tasks, 2 at a time?", and said the environment was not built only
    once answered."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "empty-cache"))
    bank = git_bank(tmp_path, monkeypatch, [make_task(f"Mine/{n}") for n in range(12)])
    folder = bank.root / "environment"
    folder.mkdir()
    (folder / "environment.json").write_text('{"python": "3.10"}\n')
    (folder / "requirements.txt").write_text("")
    (folder / "requirements.lock").write_text("coverage==7.6.0\n")
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        assert not isinstance(app.screen, ChoiceDialog)
        assert last_notice(app) == (
            f"the environment of {folder / 'requirements.lock'} is not built: run "
            "`curator env sync` (or e, then y)"
        )


@run_async
async def test_v_again_stops_a_validation_under_way(tmp_path, monkeypatch):
    """Once started, a validation of many tasks could not be stopped short of quitting the
    app. `v` again asks; the runs under way finish and are kept, the rest do not start."""
    many = ASK_BEFORE_VALIDATING + 1
    slow = WORD_COUNT_TESTS.replace(
        "    def test_counts(self):\n", "    def test_counts(self):\n        time.sleep(0.6)\n"
    )
    tasks = [make_task(f"Mine/{n}", test="import time\n" + slow) for n in range(many)]
    bank = git_bank(tmp_path, monkeypatch, tasks)
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v", "v")  # ask, then Validate
        assert "validating 0/" in str(app.screen.query_one("#counts", Static).render())
        await pilot.press("v")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.question.startswith("Stop validating? The runs under way finish")
        await pilot.press("v")  # Stop
        await settle(pilot)
        validated = [n for n in range(many) if bank.load(f"Mine/{n}").validation is not None]
        assert 0 < len(validated) < many
        notice = last_notice(app)
        assert notice == (
            f"validated {len(validated)} task(s): {len(validated)} pass; "
            f"stopped: {many - len(validated)} not run"
        )
        assert "validating" not in str(app.screen.query_one("#counts", Static).render())


@run_async
async def test_the_stop_question_closes_when_the_validation_ends(tmp_path, monkeypatch):
    """It stayed open after the runs had finished, and `v` in it then answered "the last
    validation of every task shown counts here"."""
    slow = WORD_COUNT_TESTS.replace(
        "    def test_counts(self):\n", "    def test_counts(self):\n        time.sleep(0.6)\n"
    )
    tasks = [make_task(f"Mine/{n}", test="import time\n" + slow) for n in range(2)]
    app = app_on(git_bank(tmp_path, monkeypatch, tasks))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("v")
        await pilot.press("v")
        assert isinstance(app.screen, ChoiceDialog)
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, BankBrowser)
        assert last_notice(app) == "validated 2 task(s): 2 pass"


@run_async
async def test_filter_as_you_type_over_id_text_libraries_and_stage(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"numpy")
        assert shown_ids(app) == ["Demo/4", "Demo/10"]
        await pilot.press(*" pandas")
        assert shown_ids(app) == ["Demo/4"]
        app.screen.query_one("#filter", Input).value = "refined"
        await pilot.pause()
        assert shown_ids(app) == ["Demo/2", "Demo/3"]
        app.screen.query_one("#filter", Input).value = "most common"
        await pilot.pause()
        assert len(shown_ids(app)) == 5
        counts = str(app.screen.query_one("#counts", Static).render())
        assert counts.startswith("5 of 5")
        app.screen.query_one("#filter", Input).value = "no such words"
        await pilot.pause()
        assert shown_ids(app) == []
        await pilot.press("enter")
        assert isinstance(app.focused, TaskTable)


@run_async
async def test_sort_by_any_column_and_reverse(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")  # stage
        assert shown_ids(app)[-1] == "Demo/4"
        await pilot.press("d")
        assert shown_ids(app)[0] == "Demo/4"
        await pilot.click("#columns", offset=(2, 0))  # the id column title
        assert shown_ids(app) == ["Demo/1", "Demo/2", "Demo/3", "Demo/4", "Demo/10"]


def test_rows_filter_and_sort_without_textual():
    rows = [task_row(task) for task in demo_tasks()]
    assert sort_rows(rows, "id", descending=True)[0].task_id == "Demo/10"
    assert [r.task_id for r in filter_rows(rows, "DEMO/1")] == ["Demo/1", "Demo/10"]
    assert filter_rows(rows, "  ") is rows
    # Ids that match come first: `Ord` put Demo/1 ("words") above Ord/1, which Enter opened.
    ordered = [*rows, task_row(make_task("Ord/1"))]
    assert [r.task_id for r in filter_rows(ordered, "ord")][:2] == ["Ord/1", "Demo/1"]
    assert [r.task_id for r in filter_rows(ordered, "ord 1")][:2] == ["Ord/1", "Demo/1"]


def test_the_flaky_column_counts_confirmed_flags_as_the_gate_does():
    """A confirmed flag is a flaky test that keeps the task from acceptance; its ⚑ went away
    from the browser as the maintainer confirmed it (a newcomer's report)."""
    flagged = make_task("Flag/1")
    flagged.flags = [
        Flag(test="test_a", classification="nondeterministic", status=FlagStatus.CONFIRMED),
        Flag(test="test_b", classification="nondeterministic", status=FlagStatus.DISMISSED),
    ]
    flaky = COLUMN_KEYS.index("flaky")
    assert task_row(flagged).cells[flaky] == "⚑ 1"
    assert task_row(make_task("Clean/1")).cells[flaky] == ""


def test_the_last_change_counts_stage_changes_decisions_and_validations():
    """A task accepted today, or whose flag was decided today, or edited by hand and validated
    today, read as last changed on the day its content was (a maintainer sorting by recent
    activity missed it)."""
    changed = COLUMN_KEYS.index("changed")
    task = make_task("Old/1")
    task.provenance.updated_at = datetime(2026, 11, 26, 9, 0, tzinfo=UTC)
    assert task_row(task).cells[changed] == "2026-11-26 09:00"
    task.provenance.events.append(
        ProvenanceEvent(
            operation="stage",
            detail="condensed -> accepted",
            at=datetime(2026, 12, 5, 10, 30, tzinfo=UTC),
        )
    )
    assert task_row(task).cells[changed] == "2026-12-05 10:30"
    decided = FlagEvent(
        status=FlagStatus.DISMISSED,
        who="m",
        why="seeded",
        at=datetime(2026, 12, 6, 8, 0, tzinfo=UTC),
    )
    task.flags = [Flag(test="test_a", classification="nondeterministic", history=[decided])]
    assert task_row(task).cells[changed] == "2026-12-06 08:00"
    # A test added by hand, then validated: the validation of the new content dates it.
    task.validation = ValidationSummary(
        verdict=Verdict.PASS,
        content_hash=task.content_hash(),
        environment="test",
        at=datetime(2026, 12, 6, 9, 15, tzinfo=UTC),
    )
    assert task_row(task).cells[changed] == "2026-12-06 09:15"


@run_async
async def test_enter_opens_the_highlighted_task(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        assert isinstance(app.screen, TaskWorkspace)
        assert app.screen.task_id == "Demo/3"
        await pilot.press("escape")
        assert isinstance(app.screen, BankBrowser)


@run_async
async def test_n_starts_a_task_by_hand_and_opens_it(tmp_path, monkeypatch):
    """The by-hand way into the pipeline (`curator new`): an id and libraries, then the new
    draft's workspace; an id in use is refused, naming it, and nothing opens."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        # Enter in the id field goes on to the libraries; Enter there creates the task.
        await pilot.press("n", *"Mine/1", "enter", *"json,re", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TaskWorkspace) and app.screen.task_id == "Mine/1"
        created = bank.load("Mine/1")
        assert created.libs == ["json", "re"] and created.stage.value == "draft"
        assert created.provenance.events[-1].annotator == "Ada Annotator"
        assert not [n for n in app._notifications if n.title == "check the libraries"]
        # F2 had marked the untouched template refined.
        await pilot.press("f2")
        await settle(pilot)
        assert bank.load("Mine/1").stage.value == "draft"
        refusals = [n.message for n in app._notifications if n.title == "refine refused"]
        assert len(refusals) == 1 and refusals[0].startswith(
            "finish the draft first: replace the template's text: task.py lines 7, 10, 13, 16"
        )
        stepper = str(app.screen.query_one("#stepper").render())
        assert "next: draft — replace the template's text: task.py lines 7, 10, 13, 16" in stepper
        await pilot.press("escape")
        await settle(pilot)
        assert "Mine/1" in shown_ids(app)
        await pilot.press("n", *"Demo/1", "tab", *"json,re", "enter")
        await settle(pilot)
        # The refusal shows in the dialog, above its fields (a toast covered them), and the
        # answer comes back to be corrected, the id's field selected to type over.
        assert isinstance(app.screen, NewTaskDialog)
        assert "Demo/1 is already in the bank" in refusal_shown(app)
        id_field = app.screen.query_one("#new-task-id", Input)
        assert app.screen.focused is id_field and id_field.value == "Demo/1"
        await pilot.press(*"Mine/3", "enter")
        await settle(pilot)
        assert isinstance(app.screen, TaskWorkspace) and app.screen.task_id == "Mine/3"
        assert bank.load("Mine/3").libs == ["json", "re"]
        await pilot.press("escape")
        await settle(pilot)
        # Libraries that are not module names: the libraries' field is the one to correct (in
        # one field, split at the first space, an id with a space was blamed on them).
        await pilot.press("n", *"Mine/4", "tab", *"re,task re", "enter")
        await settle(pilot)
        assert "Mine/4" not in bank.task_ids()
        assert isinstance(app.screen, NewTaskDialog)
        assert "not the name of a module: 'task re'" in refusal_shown(app)
        assert app.screen.focused is app.screen.query_one("#new-task-libraries", Input)
        await pilot.press("escape")
        assert isinstance(app.screen, BankBrowser)
        # A library that imports nowhere: created (a draft to correct), with a warning.
        await pilot.press("n", *"Mine/2", "enter", *"json,jsno", "enter")
        await app.workers.wait_for_complete()
        await settle(pilot)
        assert isinstance(app.screen, TaskWorkspace) and app.screen.task_id == "Mine/2"
        warnings = [n.message for n in app._notifications if n.title == "check the libraries"]
        assert len(warnings) == 1 and "as this bank declares no environment): jsno;" in warnings[0]


def refusal_shown(app) -> str:
    return str(app.screen.query_one("#new-task-refusal", Label).render())


@run_async
async def test_ctrl_c_says_how_to_quit_in_words(tmp_path, monkeypatch):
    """Textual's notice is markup, which the app's notices show as written: "Press
    [b]ctrl+q[/b] to quit the app"."""
    app = app_on(git_bank(tmp_path, monkeypatch, demo_tasks()))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        said = [n.message for n in app._notifications if n.title == "Do you want to quit?"]
        assert said == ["Press ^q to quit the app"] and app.is_running


@run_async
async def test_an_unreadable_task_folder_is_reported_not_fatal(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    (bank.task_dir("Demo/2") / "task.json").write_text("{ not json")
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "Demo/2" not in shown_ids(app)
        assert "1 unreadable: u" in str(app.screen.query_one("#counts", Static).render())
        assert any("task.json" in n.message for n in app._notifications)
        # Named in a toast alone, gone in seconds (walk 47): `u` names each, with why.
        await pilot.press("u")
        dialog = app.screen
        assert isinstance(dialog, ChoiceDialog)
        assert dialog.question.startswith("1 task folder(s) could not be read:")
        assert f"{bank.task_dir('Demo/2') / 'task.json'}: " in dialog.question
        await pilot.press("escape")
        assert not isinstance(app.screen, ChoiceDialog)


@run_async
async def test_keys_can_be_remapped_by_binding_id(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank, keymap={"bank.filter": "ctrl+f"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert isinstance(app.focused, TaskTable)
        await pilot.press("ctrl+f")
        assert isinstance(app.focused, Input)
        assert app.key_for("bank.filter") == "ctrl+f"


@run_async
async def test_a_bank_outside_git_is_said_at_the_start(tmp_path, monkeypatch):
    """A copy of the demo bank outside git: every step worked until the commit, the last one,
    was refused. The app says so as it opens; a bank in git hears nothing of it."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    async with app_on(bank).run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not [n for n in pilot.app._notifications if n.title == "No git repository"]
    shutil.rmtree(bank.root / ".git")
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        said = [n.message for n in app._notifications if n.title == "No git repository"]
        assert said == [
            f"{bank.root}: the bank is not inside a git repository; `curator init {bank.root}` "
            "makes one here and commits bank.json; every step but the commit works until then"
        ]


@run_async
async def test_a_remap_of_a_binding_id_that_does_not_exist_is_said(tmp_path, monkeypatch):
    """A misspelt id in [keymap] remapped nothing and said nothing; the remaps that name a
    binding (here one of a screen not opened yet) still apply, and only the others are named."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank, keymap={"bank.filtr": "ctrl+f", "task.validate": "ctrl+b"})
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warnings = [n.message for n in app._notifications if n.severity == "warning"]
        assert len(warnings) == 1 and "names no key binding: bank.filtr (" in warnings[0]
        assert "task.validate" not in warnings[0]
        await pilot.press("enter")
        await settle(pilot)
        assert app.key_for("task.validate") == "ctrl+b"


@run_async
async def test_palette_entries_read_category_action_and_follow_the_screen(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "bank: filter  (/)" in titles and "bank: sort  (s)" in titles
        assert "app: help  (f1)" in titles
        assert "app: open task…" in titles and "app: release" in titles
        assert not any(title.startswith("task: validate") for title in titles)
        assert [title for title in titles if "quit" in title.lower()] == ["app: quit  (^q)"]
        await pilot.press("enter")
        titles = [command.title for command in app.get_system_commands(app.screen)]
        assert "task: validate  (f5)" in titles and "task: commit  (f8)" in titles
        assert "app: flaky-test queue" in titles
        assert not any(title.startswith("bank: filter") for title in titles)


@run_async
async def test_help_lists_every_key_with_its_binding_id(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("enter", "f1")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.key_table()
        ids = list(table.columns[2].cells)
        assert "task.validate" in ids and "task.commit" in ids and "app.help" in ids
        await pilot.press("escape")
        assert isinstance(app.screen, TaskWorkspace)


def test_the_row_cache_reuses_unchanged_folders_and_rebuilds_changed_ones(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    built = []

    def build(directory):
        built.append(directory.name)
        return build_row(directory)

    first = RowCache.read(bank.private_dir)
    rows = [first.row(directory, build) for directory in bank.task_dirs()]
    first.write()
    assert len(built) == 5

    built.clear()
    task = bank.load("Demo/2")
    task.instruct_prompt = "Count words, changed."
    with bank.lock():
        bank.save(task)
    second = RowCache.read(bank.private_dir)
    again = [second.row(directory, build) for directory in bank.task_dirs()]
    assert built == ["Demo__2"]
    assert [r for r in again if r.task_id != "Demo/2"] == [r for r in rows if r.task_id != "Demo/2"]
    assert "changed" in next(r for r in again if r.task_id == "Demo/2").search
    # cached rows (read back from JSON) sort together with freshly built ones
    assert [r.task_id for r in sort_rows(again, "id")] == [r.task_id for r in sort_rows(rows, "id")]

    (bank.private_dir / CACHE_FILE).write_text("{ not json")
    built.clear()
    third = RowCache.read(bank.private_dir)
    assert [third.row(d, build) for d in bank.task_dirs()] == again
    assert len(built) == 5


def test_a_bank_this_user_cannot_write_keeps_no_row_cache_and_says_nothing_of_it(
    tmp_path, monkeypatch
):
    """On a bank of another user's the rows loaded, and a toast said "loading the bank failed:
    PermissionError … browser-rows.json": it is only a cache (walk 47)."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    bank.private_dir.mkdir(exist_ok=True)
    cache = RowCache.read(bank.private_dir)
    for directory in bank.task_dirs():
        cache.row(directory, build_row)
    with unwritable(bank.private_dir):
        cache.write()
    assert not (bank.private_dir / CACHE_FILE).exists()


def test_the_row_cache_is_kept_for_its_environment_and_time_limit_only(tmp_path, monkeypatch):
    """Rows mark results of another environment or time limit stale: built for one, they are
    reused for it (as loading the bank again does) and rebuilt for another."""
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    built = []

    def build(directory):
        built.append(directory.name)
        return build_row(directory, "py3.10-0123456789abcdef", 240.0)

    def load(here, limit):
        built.clear()
        cache = RowCache.read(bank.private_dir, here, limit)
        rows = [cache.row(directory, build) for directory in bank.task_dirs()]
        cache.write()
        return rows

    load("py3.10-0123456789abcdef", 240.0)
    assert len(built) == 5
    load("py3.10-0123456789abcdef", 240.0)
    assert built == []
    load("py3.10-0123456789abcdef", None)
    assert len(built) == 5
    load("py3.10-fedcba9876543210", None)
    assert len(built) == 5


def test_coverage_of_a_validation_under_another_time_limit_shows_stale():
    task = passing(make_task())
    assert task.validation is not None
    task.validation.timeout_s = 60
    here = task.validation.environment
    assert task_row(task, here, None).cells[4] == "100%"
    assert task_row(task, here, 240).cells[4] == "100% stale"
    assert task_row(task.model_copy(update={"timeout_s": 60.0}), here, 240).cells[4] == "100%"


@run_async
async def test_a_task_broken_after_loading_is_named_not_fatal(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (bank.task_dir("Demo/1") / "tests.py").unlink()
        await pilot.press("enter")
        assert isinstance(app.screen, BankBrowser)
        assert any(
            n.title == "cannot open Demo/1" and "tests.py" in n.message for n in app._notifications
        )


@run_async
async def test_a_palette_entry_runs_its_action(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, demo_tasks())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"bank: open")
        commands = app.screen.query_one(CommandList)
        while commands.option_count == 0:  # the palette searches in the background
            await pilot.pause()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, TaskWorkspace) and app.screen.task_id == "Demo/1"


def test_a_row_marks_results_of_another_environment_stale() -> None:
    """A stored result of the same content run in another environment (another machine, a
    re-locked bank environment) shows its coverage, marked stale."""
    task = passing(make_task("Test/1"), coverage=88.0)
    assert task.validation is not None
    column = COLUMN_KEYS.index("coverage")
    here = task.validation.environment
    assert not task_row(task, here).cells[column].endswith("stale")
    assert task_row(task, "py3.11-some-other-environment").cells[column].endswith(" stale")


def with_result(task: Task, verdict: Verdict, passed: int, total: int) -> Task:
    """`task` with a validation of its current content that ended in `verdict`."""
    task.validation = ValidationSummary(
        verdict=verdict,
        content_hash=task.content_hash(),
        environment=ENVIRONMENT,
        tests_total=total,
        tests_passed=passed,
    )
    return task


def tasks_with_results() -> list[Task]:
    """Res/1 passed, Res/2 failed two of three tests, Res/3 stopped by the environment, Res/4
    passed and changed since, Res/5 never run, Res/6 timed out."""
    changed = passing(make_task("Res/4"))
    changed.test += "\n# changed since it passed\n"
    return [
        passing(make_task("Res/1")),
        with_result(make_task("Res/2"), Verdict.FAIL, 1, 3),
        with_result(make_task("Res/3"), Verdict.ENVIRONMENT, 0, 0),
        changed,
        make_task("Res/5"),
        with_result(make_task("Res/6"), Verdict.TIMEOUT, 0, 3),
    ]


def test_the_tests_column_shows_the_last_result_and_sorts_failures_first():
    rows = {row.task_id: row for row in map(task_row, tasks_with_results())}
    column = COLUMN_KEYS.index("tests")
    tests = str(make_task().test.count("    def test_"))
    assert {task_id: row.cells[column] for task_id, row in rows.items()} == {
        "Res/1": "3/3",
        "Res/2": "1/3",
        "Res/3": "env",
        "Res/4": tests,  # changed since: its tests, counted
        "Res/5": tests,
        "Res/6": "time",
    }
    ordered = [row.task_id for row in sort_rows(list(rows.values()), "tests")]
    assert ordered == ["Res/6", "Res/2", "Res/3", "Res/1", "Res/4", "Res/5"]
    assert [row.task_id for row in filter_rows(list(rows.values()), "environment")] == ["Res/3"]


@run_async
async def test_the_browser_sorts_and_filters_tasks_by_their_last_result(tmp_path, monkeypatch):
    bank = git_bank(tmp_path, monkeypatch, tasks_with_results())
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "s", "s")  # stage, libraries, then tests
        assert shown_ids(app)[:3] == ["Res/6", "Res/2", "Res/3"]
        await pilot.press("slash", *"timeout")
        assert shown_ids(app) == ["Res/6"]
    # Read back from the row cache, beside a row built anew (its folder changed), the rows sort
    # as they did when built.
    assert (bank.private_dir / CACHE_FILE).exists()
    touched = bank.task_dir("Res/2") / "task.json"
    os.utime(touched, ns=(time.time_ns(), time.time_ns()))
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s", "s", "s")
        assert shown_ids(app)[:3] == ["Res/6", "Res/2", "Res/3"]
