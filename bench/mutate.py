"""Time `curator mutate` on tasks with about 30 mutants against one validation of each.

    python bench/mutate.py [JSONL] [--tasks 3] [--mutants 30]

From the sample (default: ../shared/bcb-sample/BigCodeBench-sample40.jsonl) it picks the tasks
whose mutant count is nearest `--mutants` (at least that many, capped to it), imports them into
a temporary bank and measures, per task:

- warm: in one process with one started sandbox, `validate_task` (median of 3) against
  `mutate_task` (which includes its own reference run), with 1 and 2 batches of mutants at a
  time;
- cold: the whole `curator validate ID --force` command against `curator mutate ID --force`,
  from process start to exit (sandbox start included, as a user sees it).

Prints the times, the ratios and each task's score. The goal: mutating costs at most 5x one
validation.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from curator.bank import Bank
from curator.interchange import read_jsonl
from curator.models import Verdict
from curator.mutation import generate_mutants, mutate_task
from curator.sandbox import Sandbox
from curator.validation import validate_task

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"


def cli_seconds(bank: Path, *args: str) -> float:
    started = time.perf_counter()
    completed = subprocess.run(
        [sys.executable, "-m", "curator", "--bank", str(bank), *args],
        capture_output=True,
        text=True,
    )
    if completed.returncode not in (0, 1):
        sys.exit(f"curator {' '.join(args)} failed:\n{completed.stderr}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT_JSONL)
    parser.add_argument("--tasks", type=int, default=3)
    parser.add_argument("--mutants", type=int, default=30)
    args = parser.parse_args()
    records = read_jsonl(args.jsonl)
    counts = {
        task.task_id: len(generate_mutants(task.program, len(task.complete_prompt)))
        for task in records
    }
    eligible = [task for task in records if counts[task.task_id] >= args.mutants]
    eligible.sort(key=lambda task: counts[task.task_id])
    print(
        f"tasks with >= {args.mutants} mutants from {args.jsonl.name} whose reference passes "
        f"here, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as temporary:
        bank = Bank.init(Path(temporary) / "bank")
        with bank.lock():
            bank.add_all(eligible)
        with Sandbox(protect=[bank.root]) as sandbox:
            sandbox.start()
            measured = 0
            for task in eligible:
                if measured == args.tasks:
                    break
                reports = [validate_task(task, sandbox) for _ in range(3)]
                if reports[0].verdict is not Verdict.PASS:
                    continue  # a library missing here, or a task that fails: nothing to mutate
                measured += 1
                validation = statistics.median(report.duration_s for report in reports)
                serial = mutate_task(task, sandbox, max_mutants=args.mutants)
                parallel = mutate_task(task, sandbox, max_mutants=args.mutants, jobs=2)

                cold_validate = cli_seconds(bank.root, "validate", task.task_id, "--force")
                cold_mutate = cli_seconds(
                    bank.root,
                    "mutate",
                    task.task_id,
                    "--force",
                    "--max-mutants",
                    str(args.mutants),
                )
                print(
                    json.dumps(
                        {
                            "task": task.task_id,
                            "mutants": len(serial.mutants),
                            "score": serial.score,
                            "validate_warm_s": round(validation, 2),
                            "mutate_warm_s": round(serial.duration_s, 2),
                            "mutate_warm_2jobs_s": round(parallel.duration_s, 2),
                            "ratio_warm": round(serial.duration_s / validation, 1),
                            "ratio_warm_2jobs": round(parallel.duration_s / validation, 1),
                            "validate_cold_s": round(cold_validate, 2),
                            "mutate_cold_s": round(cold_mutate, 2),
                            "ratio_cold": round(cold_mutate / cold_validate, 1),
                        }
                    )
                )
    print("goal: ratio <= 5x")


if __name__ == "__main__":
    main()
