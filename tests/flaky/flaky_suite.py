"""The flaky-test suite: small tasks with known flakiness of each kind, and stable twins.

Each folder under `tasks/` holds `task.py`, `tests.py` and `expected.json` (test name -> the
classification `curator flaky` must give it).
"""

from __future__ import annotations

import json
from pathlib import Path

from curator.models import Task
from curator.program import split_program

TASKS_DIR = Path(__file__).resolve().parent / "tasks"
ID_PREFIX = "Flaky/"


def suite_names() -> list[str]:
    return sorted(path.name for path in TASKS_DIR.iterdir() if (path / "task.py").is_file())


def load_suite_task(name: str) -> Task:
    folder = TASKS_DIR / name
    program = (folder / "task.py").read_text()
    split = split_program(program, "task_func")
    assert split is not None, f"{folder / 'task.py'}: task_func has no docstring"
    prompt, solution = split
    return Task(
        task_id=ID_PREFIX + name,
        complete_prompt=prompt,
        canonical_solution=solution,
        test=(folder / "tests.py").read_text(),
    )


def expected_classes(name: str) -> dict[str, str]:
    return json.loads((TASKS_DIR / name / "expected.json").read_text())
