"""Compare curator's branch coverage with coverage.py run by hand on the same files.

    python bench/coverage_agreement.py [JSONL] [--jobs 2]

For every task (default: ../shared/bcb-sample/BigCodeBench-sample40.jsonl) whose tests pass in
the sandbox: curator's numbers come from `validate_task`; the by-hand numbers from
`coverage run --branch --include=task.py -m pytest test_by_hand.py` in a temporary directory,
where task.py is the task program and test_by_hand.py is `from task import *` plus the tests.
Prints both per task and exits 1 if any branch or line percentage differs by 0.5 points or more.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from curator.interchange import read_jsonl
from curator.models import Task, Verdict
from curator.sandbox import Sandbox
from curator.validation import validate_task

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"
TOLERANCE = 0.5


def by_hand(task: Task) -> dict | None:
    """coverage.py's own summary of task.py, or None if the tests do not pass that way."""
    with tempfile.TemporaryDirectory(prefix="curator-coverage-") as temporary:
        directory = Path(temporary)
        (directory / "task.py").write_text(task.program)
        (directory / "test_by_hand.py").write_text("from task import *\n" + task.test)
        coverage = [sys.executable, "-m", "coverage"]
        run = subprocess.run(
            [
                *coverage,
                "run",
                "--branch",
                "--include=task.py",
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                "test_by_hand.py",
            ],
            cwd=directory,
            capture_output=True,
            env={"MPLBACKEND": "Agg", "PATH": "/usr/bin:/bin", "HOME": temporary},
        )
        if run.returncode != 0:
            return None
        subprocess.run([*coverage, "json", "-q", "-o", "cov.json"], cwd=directory, check=True)
        report = json.loads((directory / "cov.json").read_text())["files"]["task.py"]
        return report["summary"] | {"missing_lines": report["missing_lines"]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT_JSONL)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    tasks = read_jsonl(args.jsonl)
    with Sandbox() as sandbox, ThreadPoolExecutor(args.jobs) as pool:
        reports = list(pool.map(lambda task: validate_task(task, sandbox), tasks))
        hand = list(pool.map(by_hand, tasks))
    worst = 0.0
    compared = 0
    print(f"{'task':22} {'curator br/ln':>15} {'by hand br/ln':>15}  diff")
    for task, report, manual in zip(tasks, reports, hand, strict=True):
        if report.verdict is not Verdict.PASS or manual is None:
            why = report.verdict.value if manual is not None else "tests fail by hand too"
            print(f"{task.task_id:22} {'skipped':>15} ({why})")
            continue
        branch_hand = manual["percent_branches_covered"] if manual["num_branches"] else 100.0
        line_hand = manual["percent_statements_covered"]
        difference = max(
            abs(branch_hand - report.branch_coverage), abs(line_hand - report.line_coverage)
        )
        worst = max(worst, difference)
        compared += 1
        same_lines = (
            "" if manual["missing_lines"] == report.missed_lines else " missed lines differ"
        )
        print(
            f"{task.task_id:22} {report.branch_coverage:6.1f}/{report.line_coverage:6.1f}  "
            f"{branch_hand:6.1f}/{line_hand:6.1f}  {difference:4.2f}{same_lines}"
        )
    print(
        f"compared {compared} task(s); largest difference {worst:.2f} points "
        f"(tolerance {TOLERANCE})"
    )
    sys.exit(0 if worst < TOLERANCE else 1)


if __name__ == "__main__":
    main()
