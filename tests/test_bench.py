"""The benchmark scripts run: mypy checks only `curator/`, so a change of the core's API that
breaks a script shows here, not when someone next measures (the breakdown of
`bench/validate.py` once stopped on `run_uncharged`'s new return value)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from conftest import PROJECT_ROOT, make_task
from curator.interchange import write_jsonl
from curator.sandbox import Sandbox

BENCH = PROJECT_ROOT / "bench"


def run_bench(script: str, *args: str) -> str:
    """Run a bench script as its users do; its standard output, once it has succeeded."""
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bench" / script), *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout


def test_the_validation_bench_runs_a_file_end_to_end(tmp_path: Path) -> None:
    source = tmp_path / "tasks.jsonl"
    write_jsonl([make_task("Bench/1"), make_task("Bench/2")], source)
    printed = run_bench("validate.py", "--jsonl", str(source), "--jobs", "1")
    assert "per-task breakdown (2 tasks, core API, --jobs 1)" in printed
    assert "Bench/1" in printed and "pass" in printed
    assert "  static_checks " in printed and "by the wall: " in printed
    assert "  CPU per task by process: " in printed and "    warm workers (forks" in printed
    assert "the full release (1,140 tasks) at this rate: " in printed


def validation_bench() -> ModuleType:
    """bench/validate.py as a module, for its functions."""
    spec = importlib.util.spec_from_file_location("bench_validate", BENCH / "validate.py")
    assert spec is not None and spec.loader is not None
    bench = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = bench  # where its dataclasses look their annotations up
    spec.loader.exec_module(bench)
    return bench


def test_the_validation_bench_finds_the_cpu_of_a_sandbox_s_processes_by_role() -> None:
    bench = validation_bench()
    tests = (
        "import unittest\nclass TestCases(unittest.TestCase):\n"
        "    def test_sum(self):\n        self.assertEqual(task_func(), 499500)\n"
    )
    with Sandbox(preload=False) as sandbox:
        runs = [
            sandbox.run("def task_func():\n    return sum(range(1000))\n", tests) for _ in range(4)
        ]
        cpu = bench.sandbox_cpu(sandbox.worker_pids())
    assert all(run.passed for run in runs)
    # The worker's start-up, and four supervisors with their runs: each a tick or more.
    assert cpu["workers"] > 0 and cpu["supervisors"] > 0, cpu


def test_the_validation_bench_prints_the_median_of_its_rounds(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """With --rounds, each way's figure is the median of the rounds and each ratio the median
    of the rounds' own ratios (a slow round moves neither), every round's ratio listed."""
    bench = validation_bench()

    def one_round(floor: float, unit: float, cold: float) -> object:
        return bench.Round(
            floor=(floor, None, 10),
            floor_process=(floor + 0.1, floor, None),
            floor_covered=(floor + 0.5, floor * 1.5, 10),
            unittest=(unit, unit * 2, 10),
            pytest=None,
            cold=(cold, cold * 2, 10),
            stored=(0.1, 0.1, 10),
            one_task=(0.4, 0.5, None),
            verdicts={"pass": 10},
        )

    rounds = [one_round(1.0, 4.0, 2.0), one_round(3.0, 9.0, 6.0), one_round(1.2, 4.4, 2.0)]
    bench.print_comparison(rounds, 10, 2)
    printed = capsys.readouterr().out

    def figures(way: str) -> list[str]:
        line = next(line for line in printed.splitlines() if line.startswith(way))
        return line.removeprefix(way).split()

    # wall s, CPU s, ms/task, passed, the wall range
    assert figures("unittest per file, 2 at a time") == ["4.40", "8.80", "440.0", "10", "4.00-9.00"]
    assert figures("curator cold, --jobs 2") == ["2.00", "4.00", "200.0", "10", "2.00-6.00"]
    assert "unittest per file / curator cold: 2.00x (rounds: 2.00, 1.50, 2.20) wall" in printed
    assert "curator cold / floor: 2.00x (rounds: 2.00, 2.00, 1.67) the tests' time" in printed
    assert "curator verdicts: {'pass': 10}" in printed
    # unittest's CPU over the covered floor's (8/1.5, 18/4.5, 8.8/1.8); curator's CPU beyond
    # the covered floor's, per task: the median of 2.5, 7.5 and 2.2 s over 10 tasks
    assert "floor process with branch coverage: 4.89x (rounds: 5.33, 4.00, 4.89) CPU" in printed
    assert "curator cold's CPU beyond that floor: 250.0 ms per task" in printed
    # At 2x: half unittest's CPU less the covered floor's (2.5, 4.5, 2.6 s), then less the
    # one-task bank's 0.5 s (2.0, 4.0, 2.1 s), over 10 tasks
    assert "at 2x: 260.0 ms per task beyond that floor" in printed
    assert "takes 50.0 ms per task of it" in printed
    assert "leaving 210.0 ms\n  per task for each run's isolation" in printed


def test_the_validation_bench_projects_the_whole_release_two_ways(capsys) -> None:
    """Scaled wall and scaled CPU over the cores; a release takes at least its longest task."""
    bench = validation_bench()
    rows = [{"total": 1.0}] * 570 + [{"total": 30.0}] * 570
    bench.print_release_projection(rows, 600.0, {"runs": 500.0, "this process": 100.0}, 2)
    printed = capsys.readouterr().out
    assert "the full release (1,140 tasks) at this rate: 10.0 min (wall scaled);" in printed
    assert "5.0 min with 2 cores busy (this run's 600 CPU s, scaled;" in printed
    bench.print_release_projection([{"total": 600.0}], 600.0, {"runs": 0.1}, 2)
    assert "10.0 min with 2 cores busy" in capsys.readouterr().out  # its one task's 600 s


def test_the_validation_bench_gives_its_banks_the_time_limit_asked(tmp_path: Path) -> None:
    sleeping = (
        "import time\nimport unittest\n\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_sleeps(self):\n        time.sleep(3)\n"
        "        self.assertEqual(task_func('a b a', top=1), [('a', 2)])\n"
    )
    source = tmp_path / "tasks.jsonl"
    write_jsonl([make_task("Bench/1", test=sleeping)], source)
    printed = run_bench("validate.py", "--jsonl", str(source), "--timeout", "1")
    assert "time limit 1 s per task run" in printed
    assert [line.split()[3] for line in printed.splitlines() if "Bench/1 " in line] == ["timeout"]


def test_the_validation_bench_compares_each_test_with_a_fresh_interpreter(tmp_path: Path) -> None:
    """`--fresh` also runs each task as BigCodeBench evaluates it, in one fresh interpreter,
    and names every test whose outcome differs from curator's: here, one that asks whether it
    runs in curator's sandbox."""
    sandboxed = (
        "import os\nimport unittest\n\n\nclass TestCases(unittest.TestCase):\n"
        "    def test_counts(self):\n"
        "        self.assertEqual(task_func('a b a', top=1), [('a', 2)])\n\n"
        "    def test_in_a_sandbox(self):\n"
        "        self.assertTrue(os.environ.get('CURATOR_SANDBOX'))\n"
    )
    source = tmp_path / "tasks.jsonl"
    write_jsonl([make_task("Bench/1"), make_task("Bench/2", test=sandboxed)], source)
    printed = run_bench("validate.py", "--jsonl", str(source), "--fresh")
    assert "one fresh interpreter per task (BigCodeBench's way): " in printed
    assert "  Bench/2 test_in_a_sandbox: fail there, pass in curator" in printed
    assert "tests with another outcome than in curator: 1 of " in printed


def test_the_sandbox_run_bench_prints_a_runs_cost() -> None:
    printed = run_bench("sandbox_run.py", "--runs", "2")
    assert "median:" in printed
    assert "isolation on :" in printed and "isolation off:" in printed
