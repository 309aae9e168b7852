"""Shared fixtures: real banks in temp dirs, a real `curator` subprocess, a small valid task."""

from __future__ import annotations

import os
import pwd
import subprocess
import sys
import sysconfig
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from curator.bank import Bank
from curator.envbuild import installed_python
from curator.environment import OLDEST_PYTHON
from curator.flaky.evidence import Cell, FlakyEvidence, Outcome, RunCoverage, RunRecord
from curator.flaky.plan import plan_runs
from curator.imports import task_dependencies
from curator.models import DocStruct, Stage, Task
from curator.sandbox.worker import world_readable

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE_JSONL = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"

WORD_COUNT_PROGRAM = '''import collections
import re

def task_func(text, top=3):
    """
    Count the words of a text and return the most common ones.

    Parameters:
    text (str): The text to count.
    top (int): How many words to return. Defaults to 3.

    Returns:
    list[tuple[str, int]]: The most common words with their counts.

    Raises:
    - ValueError: If top is not positive.

    Requirements:
    - collections
    - re

    Example:
    >>> task_func("a b a", top=1)
    [('a', 2)]
    """
    if top <= 0:
        raise ValueError("top must be positive")
    words = re.findall(r"[a-z']+", text.lower())
    return collections.Counter(words).most_common(top)
'''

WORD_COUNT_TESTS = """import unittest

class TestCases(unittest.TestCase):
    def test_counts(self):
        self.assertEqual(task_func("a b a", top=1), [("a", 2)])

    def test_case_insensitive(self):
        self.assertEqual(task_func("A a", top=1), [("a", 2)])

    def test_bad_top(self):
        with self.assertRaises(ValueError):
            task_func("a", top=0)
"""


def make_task(task_id: str = "Test/1", stage: Stage = Stage.DRAFT, **fields: object) -> Task:
    """A small, valid, fully covered task; override any field."""
    prompt, _, solution = WORD_COUNT_PROGRAM.partition('    """\n    if top')
    task = Task(
        task_id=task_id,
        stage=stage,
        libs=["collections", "re"],
        complete_prompt=prompt + '    """\n',
        canonical_solution="    if top" + solution,
        code_prompt="import collections\nimport re\ndef task_func(text, top=3):\n",
        test=WORD_COUNT_TESTS,
        doc_struct=DocStruct(
            description=["Count the words of a text and return the most common ones."],
            params=[
                "text (str): The text to count.",
                "top (int): How many words to return. Defaults to 3.",
            ],
            returns=["list[tuple[str, int]]: The most common words with their counts."],
            raises=["- ValueError: If top is not positive."],
            reqs=["collections", "re"],
            examples=['>>> task_func("a b a", top=1)', "[('a', 2)]"],
        ),
    )
    task = task.model_copy(update=fields)
    task.dependencies = task_dependencies(task)
    return task


def luck_evidence(task: Task, runs: int = 4) -> FlakyEvidence:
    """A flaky check of `task`'s current content in which no test flipped, but every other run
    missed the branch from line 12 to 14: coverage that is luck."""
    records = [
        RunRecord(
            spec=spec,
            status="completed",
            results={"test_counts": Cell(outcome=Outcome.PASS)},
            coverage=RunCoverage(
                branch_coverage=75.0 if spec.index % 2 else 100.0,
                line_coverage=100.0,
                missed_branches=[(12, 14)] if spec.index % 2 else [],
            ),
        )
        for spec in plan_runs(["test_counts"], runs, detection_seed=5)
    ]
    return FlakyEvidence(
        task_id=task.task_id, content_hash=task.content_hash(), detection_seed=5,
        runs_requested=runs, timeout_s=60, tests=["test_counts"], runs=records,
    )  # fmt: skip


@pytest.fixture
def bank(tmp_path: Path) -> Bank:
    return Bank.init(tmp_path / "bank")


@pytest.fixture
def run_cli() -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run the real `curator` command in a subprocess."""

    def run(
        *args: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        environment = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
        environment.pop("CURATOR_BANK", None)
        environment.update(env or {})
        return subprocess.run(
            [sys.executable, "-m", "curator", *map(str, args)],
            capture_output=True,
            text=True,
            cwd=cwd,
            env=environment,
            timeout=600,
        )

    return run


@contextmanager
def unwritable(folder: Path) -> Iterator[None]:
    """`folder` cannot be changed while inside: immutable (`chattr +i`) for root, whom file
    modes do not stop; read-only for another user. Skips where that cannot be done."""
    if os.geteuid() != 0:
        folder.chmod(0o555)
        try:
            yield
        finally:
            folder.chmod(0o755)
        return
    made = subprocess.run(["chattr", "+i", str(folder)], capture_output=True, text=True)
    if made.returncode != 0:
        pytest.skip(f"cannot make {folder} immutable here: {made.stderr.strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)


# -- an ordinary user (CI runs as root) ---------------------------------------------------------

SYSTEM_PYTHON = Path("/usr/bin/python3")
NOBODY = 65534


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temporary folder another user can reach (pytest's own is private to root)."""
    with tempfile.TemporaryDirectory(prefix="curator-user-test-") as name:
        folder = Path(name)
        folder.chmod(0o755)
        yield folder


def skip_unless_system_python_matches() -> None:
    """Skip unless Debian's python3 is there and of this interpreter's version, so that it can
    load this venv's compiled libraries."""
    if not SYSTEM_PYTHON.is_file():
        pytest.skip(f"no {SYSTEM_PYTHON}")
    version = subprocess.run(
        [SYSTEM_PYTHON, "-c", "import sys; print(sys.version_info[:2])"],
        capture_output=True,
        text=True,
    ).stdout.strip()
    if version != str(sys.version_info[:2]):
        pytest.skip(f"{SYSTEM_PYTHON} is Python {version}, the libraries are built for another")


@pytest.fixture
def user_python(shared_tmp: Path) -> Path:
    """Debian's own python3 (one under root's home is not readable by another uid), given this
    project and its installed libraries by a .pth file."""
    if os.geteuid() != 0:
        pytest.skip("switching to another uid needs root")
    skip_unless_system_python_matches()
    packages = Path(sysconfig.get_paths()["purelib"])
    if not world_readable([str(packages), str(PROJECT_ROOT)]):
        pytest.skip(f"{packages} or {PROJECT_ROOT} is not readable by other users")
    venv = shared_tmp / "user-venv"
    subprocess.run([str(SYSTEM_PYTHON), "-m", "venv", "--without-pip", str(venv)], check=True)
    (site,) = (venv / "lib").glob("python3*/site-packages")
    (site / "curator-project.pth").write_text(f"{packages}\n{PROJECT_ROOT}\n")
    return venv / "bin" / "python"


UNNAMED_UID = 63999
"""A uid without a passwd entry (a container's `docker run -u`): no login name. Below the
sandbox's own uids (64000 + slot)."""


@pytest.fixture
def unnamed_home(shared_tmp: Path) -> Path:
    """A HOME of `UNNAMED_UID`'s own; skipped where that uid has a passwd entry."""
    try:
        pwd.getpwuid(UNNAMED_UID)
    except KeyError:
        home = shared_tmp / "home"
        home.mkdir()
        os.chown(home, UNNAMED_UID, UNNAMED_UID)
        return home
    pytest.skip(f"uid {UNNAMED_UID} has a passwd entry here")


def run_as_nobody(
    command: list[str], home: Path | None, timeout_s: float = 300, uid: int = NOBODY
) -> subprocess.CompletedProcess[str]:
    """Run `command` as `nobody` (or `uid`), in its own HOME (None: $HOME unset, as `env -i`
    leaves it), as an ordinary user would."""
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        user=uid,
        group=uid,
        extra_groups=[],
        env={"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8"} | ({"HOME": str(home)} if home else {}),
        cwd=home or "/",
        timeout=timeout_s,
    )


def oldest_python_venv(directory: Path) -> Path:
    """A venv (no pip) of the oldest Python a bank environment may have, made in `directory`;
    the test is skipped where no such Python runs."""
    return python_venv(directory, ".".join(map(str, OLDEST_PYTHON)))


def python_venv(directory: Path, *versions: str) -> Path:
    """A venv (no pip) of the first of `versions` (major.minor) this machine has, made in
    `directory`; the test is skipped where none runs."""
    found = next(filter(None, map(installed_python, versions)), None)
    if found is None:
        pytest.skip(f"no Python {' or '.join(versions)} on this machine")
    venv = directory / "venv"
    subprocess.run([str(found), "-m", "venv", "--without-pip", str(venv)], check=True)
    return venv


def expected_verdicts(stated: str) -> set[str]:
    """The verdicts a header allows: one, or several (`fail or error`) where which one a run
    gets depends on when the task's own timer or collection fires, and none is a pass."""
    return set(stated.split(" or "))
