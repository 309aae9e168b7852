"""The environment screen: shows what tasks lack and builds the environment in a worker."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from app_support import SIZE, app_on, git_bank, run_async, settle
from test_environment import tiny_task
from textual.widgets import Log, Static
from wheels import build_tiny_wheel, pack_installed

from curator import envbuild
from curator.app.screens.environment import EnvironmentScreen
from curator.models import ValidationSummary, Verdict


@run_async
async def test_environment_screen_shows_missing_modules_and_syncs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    wheels = tmp_path / "wheels"
    build_tiny_wheel(wheels, "tinydist", "1.0", "def answer():\n    return 42\n")
    pack_installed("coverage", wheels)
    # The app syncs with uv's defaults: point them at the local wheels only (offline).
    monkeypatch.setenv("UV_OFFLINE", "1")
    monkeypatch.setenv("UV_FIND_LINKS", str(wheels))
    monkeypatch.setenv("UV_CACHE_DIR", str(tmp_path / "uv-cache"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg-cache"))
    bank = git_bank(tmp_path, monkeypatch, [tiny_task()])
    environment = envbuild.add(bank.root, ["tinydist"])
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EnvironmentScreen)
        summary = str(screen.query_one("#environment-summary", Static).render())
        assert environment.fingerprint in summary and "not built" in summary
        unbuilt = str(screen.query_one("#environment-check", Static).render())
        # Judged from the lock before the build (it said only "run `curator env sync`").
        assert "comes with the lock's distributions, judged by their names" in unbuilt
        assert "curator env sync" in unbuilt

        await pilot.press("y")
        await settle(pilot)
        assert environment.built() is not None
        log = "\n".join(screen.query_one(Log).lines)
        assert "installing the lock" in log and "built " in log
        summary = str(screen.query_one("#environment-summary", Static).render())
        # Built with the interpreter running the tests (uv's default): 3.11 or any later one.
        assert f"built: Python {sys.version_info.major}.{sys.version_info.minor}" in summary
        check = str(screen.query_one("#environment-check", Static).render())
        assert "every module the tasks import is in the environment" in check

        # A task whose last run here lacked NLTK data, which no import shows.
        task = tiny_task("Tiny/2")
        lacking = "data: test_x needs NLTK resource 'punkt' (declare it …)"
        summary_here = ValidationSummary(
            verdict=Verdict.ENVIRONMENT,
            content_hash=task.content_hash(),
            environment=environment.fingerprint,
            lacking=lacking,
        )
        bank.save(task.model_copy(update={"validation": summary_here}))
        await pilot.press("ctrl+r")
        await settle(pilot)
        check = str(screen.query_one("#environment-check", Static).render())
        assert f"library data the last validation lacked:\n  Tiny/2: {lacking}" in check


@run_async
async def test_environment_screen_checks_the_readable_tasks_and_names_the_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bank = git_bank(tmp_path, monkeypatch, [tiny_task("Tiny/1"), tiny_task("Tiny/2")])
    broken = bank.task_dir("Tiny/2") / "task.json"
    broken.write_text("{not json")
    app = app_on(bank)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, EnvironmentScreen)
        check = str(screen.query_one("#environment-check", Static).render())
        assert f"not checked: {broken}" in check
        assert "Tiny/1: tinydist (tinydist)" in check
