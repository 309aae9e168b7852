"""Snapshots of the main screens on a copy of the demo bank, at 120×34 and at 80×24 (the
smallest terminal we design for), with no cursor blink.

Regenerate after an intended change with `pytest tests/test_app_snapshots.py --snapshot-update`
and review the SVGs under tests/__snapshots__/.
"""

from __future__ import annotations

import subprocess

import pytest
from app_support import SIZE, demo_bank, settle
from app_support import app_on as live_app_on
from textual.widgets import Input, TextArea

from curator.environment import bank_fingerprint

SIZES = pytest.mark.parametrize("size", [SIZE, (80, 24)], ids=["120x34", "80x24"])


def app_on(bank):
    """The app with animations off, so no screenshot catches a tab underline mid-slide."""
    app = live_app_on(bank)
    app.animation_level = "none"
    return app


def validated_here(bank):
    """The demo's stored validations as if made in this machine's environment, committed: the
    fingerprint differs from one install to the next, and a screen that names it (a stale
    validation, the release's blockers) would read differently on every machine."""
    for task in bank.load_all():
        if task.validation is not None:
            task.validation.environment = bank_fingerprint(bank.root)
            with bank.lock():
                bank.save(task)
    subprocess.run(["git", "commit", "-qam", "Validated here"], cwd=bank.root, check=True)
    return bank


async def steady(pilot) -> None:
    """Let workers finish, stop every cursor blinking and take the focus away, so that no
    screenshot depends on when a cursor blinked or focus arrived."""
    await settle(pilot)
    for widget in pilot.app.screen.query("Input, TextArea"):
        if isinstance(widget, Input | TextArea):
            widget.cursor_blink = False
    pilot.app.screen.set_focus(None)
    await pilot.pause()


@SIZES
def test_bank_browser(snap_compare, tmp_path, monkeypatch, size):
    app = app_on(validated_here(demo_bank(tmp_path, monkeypatch)))
    assert snap_compare(app, terminal_size=size, run_before=steady)


def test_bank_browser_filtered_and_sorted(snap_compare, tmp_path, monkeypatch):
    app = app_on(validated_here(demo_bank(tmp_path, monkeypatch)))

    async def filter_and_sort(pilot) -> None:
        await settle(pilot)
        await pilot.press("s", "slash", *"numpy")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=filter_and_sort)


@SIZES
def test_task_workspace(snap_compare, tmp_path, monkeypatch, size):
    app = app_on(validated_here(demo_bank(tmp_path, monkeypatch)))

    async def open_draft(pilot) -> None:
        await settle(pilot)
        await pilot.press("slash", *"draft", "enter", "enter")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_draft)


def test_help_screen(snap_compare, tmp_path, monkeypatch):
    app = app_on(validated_here(demo_bank(tmp_path, monkeypatch)))

    async def open_help(pilot) -> None:
        await settle(pilot)
        await pilot.press("enter", "f1")
        await steady(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_help)


@SIZES
def test_release_screen(snap_compare, tmp_path, monkeypatch, size):
    app = app_on(validated_here(demo_bank(tmp_path, monkeypatch)))

    async def open_release(pilot) -> None:
        await settle(pilot)
        await pilot.press("r")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_release)


@SIZES
def test_flaky_review_queue(snap_compare, tmp_path, monkeypatch, size):
    app = app_on(validated_here(demo_bank(tmp_path, monkeypatch)))

    async def open_queue(pilot) -> None:
        await settle(pilot)
        await pilot.press("f")
        await steady(pilot)

    assert snap_compare(app, terminal_size=size, run_before=open_queue)
