"""Snapshots of the main screens on a copy of the demo bank, at 120×34 with no cursor blink.

Regenerate after an intended change with `pytest tests/test_app_snapshots.py --snapshot-update`
and review the SVGs under tests/__snapshots__/.
"""

from __future__ import annotations

from app_support import SIZE, app_on, demo_bank, settle
from textual.widgets import Input, TextArea


async def steady(pilot) -> None:
    """Let workers finish, then stop every cursor blinking so screenshots are stable."""
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    await pilot.pause()


def test_bank_browser(snap_compare, tmp_path, monkeypatch):
    app = app_on(demo_bank(tmp_path, monkeypatch))
    assert snap_compare(app, terminal_size=SIZE, run_before=steady)


def test_bank_browser_filtered_and_sorted(snap_compare, tmp_path, monkeypatch):
    app = app_on(demo_bank(tmp_path, monkeypatch))

    async def filter_and_sort(pilot) -> None:
        await settle(pilot)
        await pilot.press("s", "slash", *"numpy")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=filter_and_sort)


def test_task_workspace(snap_compare, tmp_path, monkeypatch):
    app = app_on(demo_bank(tmp_path, monkeypatch))

    async def open_draft(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"draft", "enter", "enter")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_draft)


def test_help_screen(snap_compare, tmp_path, monkeypatch):
    app = app_on(demo_bank(tmp_path, monkeypatch))

    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter", "f1")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)


def test_release_screen(snap_compare, tmp_path, monkeypatch):
    app = app_on(demo_bank(tmp_path, monkeypatch))

    async def open_release(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_release)
