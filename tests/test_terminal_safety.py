"""Strangers' text never acts on the terminal: an escape sequence in a task's code (from a
JSONL, an LLM, a pulled bank) reached the terminal as it was, from `curator show` and `diff`
and from the app (a new window title, a cleared screen), and nothing named it."""

from __future__ import annotations

from app_support import SIZE, app_on, git_bank, run_async, settle
from gitbanks import isolate_git, new_bank, save_and_commit
from rich.console import Console
from rich.segment import Segment
from textual.strip import Strip
from textual.widgets import TextArea

from conftest import make_task
from curator.app.terminal import guard_the_terminal, render_without_controls
from curator.cli.context import without_controls
from curator.static_checks import static_problems

# Sets the window title, rings the bell, clears the screen, moves the cursor (8-bit CSI).
HOSTILE_LINE = "# note \x1b]0;owned\x07 \x1b[2J \x9b1;1H done\n"


def hostile_task(task_id: str = "Test/1"):
    task = make_task(task_id)
    task.canonical_solution += HOSTILE_LINE
    return task


def test_the_command_line_shows_control_characters_as_symbols(
    tmp_path, monkeypatch, run_cli
) -> None:
    isolate_git(monkeypatch, tmp_path / "home")
    bank = new_bank(tmp_path / "bank")
    save_and_commit(bank, make_task(), "Add")
    bank.save(hostile_task())
    for command in (["show", "Test/1"], ["diff", "Test/1"]):
        result = run_cli("--bank", bank.root, *command)
        assert result.returncode == 0, result.stderr
        shown = result.stdout
        assert not any(char in shown for char in "\x1b\x07\x9b"), (command, shown)
        assert "# note ␛]0;owned" in shown and "␛[2J <U+009B>1;1H done" in shown
    assert without_controls("a\x1b[31mb\tc\nd") == "a␛[31mb\tc\nd"


def test_condense_shows_an_instructions_control_characters_as_symbols(
    tmp_path, monkeypatch, run_cli
) -> None:
    """The instruction condensed from a docstring holding an escape sequence was printed as it
    was (click.echo)."""
    isolate_git(monkeypatch, tmp_path / "home")
    bank = new_bank(tmp_path / "bank")
    task = make_task()
    task.complete_prompt = task.complete_prompt.replace(
        "return the most common ones.", "return the most common ones \x1b[2J."
    )
    bank.save(task)
    result = run_cli("--bank", bank.root, "condense", "Test/1")
    assert "\x1b" not in result.stdout, result.stdout
    assert "the most common ones ␛[2J." in result.stdout, result.stdout


def test_the_static_checks_name_each_line_with_control_characters() -> None:
    task = hostile_task()
    task.test += "# \u202e reversed\n"
    found = [p for p in static_problems(task) if p.code == "control-character"]
    program_line = task.program.splitlines().index(HOSTILE_LINE.rstrip("\n")) + 1
    assert [(p.file, p.line) for p in found] == [
        ("task.py", program_line),
        ("tests.py", len(task.test.splitlines())),
    ]
    assert "U+0007, U+001B, U+009B" in found[0].message
    assert "U+202E" in found[1].message
    assert not [p for p in static_problems(make_task()) if p.code == "control-character"]


def test_a_strip_drops_its_texts_control_characters_and_keeps_its_styles() -> None:
    console = Console(color_system="truecolor", force_terminal=True)
    strip = Strip([Segment("a\x1b]0;owned\x07b", None), Segment("\x9bc", None)])
    assert render_without_controls(strip, console) == "a]0;ownedbc"
    styled = Strip([Segment("plain", console.get_style("bold"))])
    assert render_without_controls(styled, console) == styled.render(console)


@run_async
async def test_the_app_writes_no_control_character_of_a_tasks_code(tmp_path, monkeypatch):
    guard_the_terminal()
    bank = git_bank(tmp_path, monkeypatch, [hostile_task("Demo/1")])
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.screen.open_task("Demo/1")
        await settle(pilot)
        editor = app.screen.query_one("#program-editor", TextArea)
        assert HOSTILE_LINE in editor.text  # the file's text is kept as it is
        line = editor.text.splitlines().index(HOSTILE_LINE.rstrip("\n"))
        editor.scroll_to(y=line, animate=False)
        await pilot.pause()
        written = "".join(
            editor.render_line(y).render(app.console) for y in range(editor.size.height)
        )
        assert "]0;owned" in written  # the line is on screen
        assert "\x1b]0;" not in written and "\x1b[2J" not in written and "\x9b" not in written
