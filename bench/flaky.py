"""Cost of a flaky-test detection against one cold validation of the same task.

For each task, in one run on one machine:
- cold validation: one sandboxed run in a fresh interpreter with branch coverage, as
  validation does for a task it has not seen (interpreter start-up and imports included);
- detection: `curator flaky --runs 20` on it (the warm worker is up, as in a session).
Then the same detections once more through the real command line, on a temporary bank.

Goal: a detection costs at most 4x one cold validation.

    .venv/bin/python bench/flaky.py [JSONL] [--limit N] [--runs 20]

JSONL defaults to ../shared/bcb-sample/BigCodeBench-sample40.jsonl; tasks whose libraries
the sandbox lacks are skipped.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from curator.bank import Bank
from curator.flaky.runner import DetectionSettings, detect_flaky
from curator.interchange import read_jsonl
from curator.sandbox import RunOptions, Sandbox

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT_JSONL)
    parser.add_argument("--limit", type=int, default=12, help="Tasks to measure (default 12).")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--seed", type=int, default=1)
    arguments = parser.parse_args()
    tasks = read_jsonl(arguments.jsonl)
    settings = DetectionSettings(runs=arguments.runs, seed=arguments.seed)
    rows = []
    with Sandbox() as sandbox:
        sandbox.start()
        for task in tasks:
            if len(rows) == arguments.limit:
                break
            began = time.perf_counter()
            cold = sandbox.run(
                task.program,
                task.test,
                task.entry_point,
                RunOptions(fresh_interpreter=True, coverage=True),
            )
            cold_s = time.perf_counter() - began
            if cold.status != "completed":
                print(f"skip {task.task_id}: {cold.status} {cold.message or ''}"[:100])
                continue
            began = time.perf_counter()
            evidence = detect_flaky(task, sandbox, settings)
            flaky_s = time.perf_counter() - began
            flagged = len(evidence.flaky_tests())
            rows.append((task, cold_s, flaky_s, len(evidence.runs), flagged))
            print(
                f"{task.task_id:24} cold validation {cold_s:6.2f} s   flaky ({len(evidence.runs)} "
                f"runs) {flaky_s:6.2f} s   ratio {flaky_s / cold_s:5.2f}   flagged {flagged}"
            )
    if not rows:
        sys.exit("no task could run")
    cold_total = sum(row[1] for row in rows)
    flaky_total = sum(row[2] for row in rows)
    ratios = [row[2] / row[1] for row in rows]
    print(
        f"\n{len(rows)} tasks: cold validation {cold_total:.2f} s, flaky {flaky_total:.2f} s; "
        f"ratio of totals {flaky_total / cold_total:.2f}x, median per task "
        f"{statistics.median(ratios):.2f}x, worst {max(ratios):.2f}x (goal <= 4x)"
    )
    with tempfile.TemporaryDirectory() as scratch:
        bank = Bank.init(Path(scratch) / "bank")
        with bank.lock():
            bank.add_all([row[0] for row in rows])
        began = time.perf_counter()
        command = [sys.executable, "-m", "curator", "--bank", str(bank.root), "flaky", "--all"]
        command += ["--runs", str(arguments.runs), "--seed", str(arguments.seed), "--json"]
        subprocess.run(command, capture_output=True, check=False)
        cli_s = time.perf_counter() - began
    print(
        f"`curator flaky --all --runs {arguments.runs}` on the same {len(rows)} tasks: "
        f"{cli_s:.2f} s wall ({cli_s / cold_total:.2f}x the cold validations, start-up included)"
    )


if __name__ == "__main__":
    main()
