"""Time the harness's guarded comparisons on large values: what checking a big answer costs.

    python bench/assertions.py [--rounds 2]

Each case is one test that compares a large answer with `assertEqual` (or the tests' own `==`,
or `assertIn` in a loop): a list of 100,000 pairs of ints, a list of 1,000 dataclasses, a dict of
10,000 str keys to lists, 50 `assertIn` over a list of 20,000 lists, a list of 100,000 floats.
Each is validated as `validate` does (sandbox, coverage, checks) and run by `python -m unittest`
in a fresh interpreter (the floor: no guard, no sandbox); printed per case are the best wall
clock of `--rounds` of each and their ratio. The guards ask every item of a compared value
whether it claims to equal anything, keep what the values hold to put it back, and ask an
answer of the task's again among stand-ins: this shows what that costs where values are large.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from curator.models import Task
from curator.sandbox import Sandbox
from curator.validation import validate_task

CASES = {
    "100,000 pairs": (
        "def task_func(n):\n    return [(i, i + 1) for i in range(n)]\n",
        "self.assertEqual(task_func(100_000), [(i, i + 1) for i in range(100_000)])",
    ),
    "1,000 dataclasses": (
        "import dataclasses\n\n\n@dataclasses.dataclass\nclass Point:\n    x: int\n    y: int\n\n\n"
        "def task_func(n):\n    return [Point(i, 2 * i) for i in range(n)]\n",
        "self.assertEqual(task_func(1_000), [Point(i, 2 * i) for i in range(1_000)])",
    ),
    "10,000 keys to lists": (
        "def task_func(n):\n    return {str(i): [i, i] for i in range(n)}\n",
        "self.assertEqual(task_func(10_000), {str(i): [i, i] for i in range(10_000)})",
    ),
    "50 assertIn, 20,000 lists": (
        "def task_func(n):\n    return [[i, i * i] for i in range(n)]\n",
        "result = task_func(20_000)\n        for i in range(0, 20_000, 400):\n"
        "            self.assertIn([i, i * i], result)",
    ),
    "100,000 floats (==)": (
        "def task_func(n):\n    return [i / 3 for i in range(n)]\n",
        "self.assertTrue(task_func(100_000) == [i / 3 for i in range(100_000)])",
    ),
}


def tests_of(assertion: str) -> str:
    """A TestCases whose one test makes `assertion`."""
    header = "import unittest\n\n\nclass TestCases(unittest.TestCase):\n    def test_it(self):\n"
    return f"{header}        {assertion}\n"


def unittest_seconds(program: str, tests: str, directory: Path) -> float:
    """Wall clock of `python -m unittest` on the program and tests in one module."""
    (directory / "case_module.py").write_text(program + "\n" + tests)
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "unittest", "-q", "case_module"],
        cwd=directory,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=2)
    rounds = parser.parse_args().rounds
    print(f"{'case':24} {'curator s':>10} {'unittest s':>11} {'ratio':>7}  verdict")
    with tempfile.TemporaryDirectory() as scratch, Sandbox(protect=[Path(scratch)]) as sandbox:
        for name, (program, assertion) in CASES.items():
            tests = tests_of(assertion)
            task = Task(task_id="Bench/assertions", complete_prompt=program, test=tests)
            guarded, floor, verdict = [], [], ""
            for _ in range(rounds):
                started = time.perf_counter()
                report = validate_task(task, sandbox, timeout_s=600)
                guarded.append(time.perf_counter() - started)
                verdict = report.verdict.value
                floor.append(unittest_seconds(program, tests, Path(scratch)))
            print(
                f"{name:24} {min(guarded):10.2f} {min(floor):11.2f} "
                f"{min(guarded) / min(floor):6.1f}x  {verdict}"
            )


if __name__ == "__main__":
    main()
