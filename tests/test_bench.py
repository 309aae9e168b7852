"""The benchmark scripts run: mypy checks only `curator/`, so a change of the core's API that
breaks a script shows here, not when someone next measures (the breakdown of
`bench/validate.py` once stopped on `run_uncharged`'s new return value)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from conftest import PROJECT_ROOT, make_task
from curator.interchange import write_jsonl


def test_the_validation_bench_runs_a_file_end_to_end(tmp_path: Path) -> None:
    source = tmp_path / "tasks.jsonl"
    write_jsonl([make_task("Bench/1"), make_task("Bench/2")], source)
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bench" / "validate.py"), "--jsonl", str(source)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "per-task breakdown (2 tasks, core API, --jobs 2)" in result.stdout
    assert "Bench/1" in result.stdout and "pass" in result.stdout


def test_the_sandbox_run_bench_prints_a_runs_cost() -> None:
    result = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "bench" / "sandbox_run.py"), "--runs", "2"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "median:" in result.stdout
    assert "isolation on :" in result.stdout and "isolation off:" in result.stdout
