"""Cost of a flaky-test detection against one cold validation of the same task.

For each task, in one run on one machine:
- cold validation: `validate_task(task)` with no sandbox given, so it starts its own (a fresh
  interpreter, no preloaded libraries), runs the static checks and the tests with coverage;
- bare cold run: the same tests in a fresh interpreter with coverage, without the validation
  stage's static checks and sandbox start-up (the stricter yardstick);
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
from curator.validation import validate_task

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
            report = validate_task(task)
            validation_s = time.perf_counter() - began
            if report.run_status != "completed":
                print(f"skip {task.task_id}: {report.verdict} {report.message or ''}"[:100])
                continue
            began = time.perf_counter()
            sandbox.run(
                task.program,
                task.test,
                task.entry_point,
                RunOptions(fresh_interpreter=True, coverage=True),
            )
            bare_s = time.perf_counter() - began
            began = time.perf_counter()
            evidence = detect_flaky(task, sandbox, settings)
            flaky_s = time.perf_counter() - began
            rows.append((task, validation_s, bare_s, flaky_s))
            print(
                f"{task.task_id:20} validation {validation_s:5.2f} s  bare cold run {bare_s:5.2f} s"
                f"  flaky ({len(evidence.runs)} runs) {flaky_s:5.2f} s  ratios "
                f"{flaky_s / validation_s:5.2f} {flaky_s / bare_s:5.2f}"
                f"  flagged {len(evidence.flaky_tests())}"
            )
    if not rows:
        sys.exit("no task could run")
    validation_total = sum(row[1] for row in rows)
    bare_total = sum(row[2] for row in rows)
    flaky_total = sum(row[3] for row in rows)
    for label, column, total in (
        ("cold validation", 1, validation_total),
        ("bare cold run", 2, bare_total),
    ):
        ratios = [row[3] / row[column] for row in rows]
        print(
            f"{len(rows)} tasks against {label} ({total:.2f} s): flaky {flaky_total:.2f} s, "
            f"ratio of totals {flaky_total / total:.2f}x, median per task "
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
        f"{cli_s:.2f} s wall, start-up included ({cli_s / validation_total:.2f}x the cold "
        f"validations, {cli_s / bare_total:.2f}x the bare cold runs)"
    )


if __name__ == "__main__":
    main()
