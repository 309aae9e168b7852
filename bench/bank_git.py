"""Time the git side of a bank: committing one task in big banks, building a release.

    python bench/bank_git.py [--sizes 1140 10000] [--release-size 1140] [--repeat 10]

Banks are synthetic: the BigCodeBench sample's 40 tasks under new ids, repeated, each with a
passing validation, all accepted and committed. Prints one line per figure. Each timed commit
is `commit_task` end to end (stage gate, trailers, git), after a small edit of the task.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from curator.bank import Bank
from curator.history import commit_new_bank, commit_task
from curator.interchange import read_jsonl
from curator.models import Stage, Task, ValidationSummary, Verdict
from curator.release import build_release, export_tagged_release

PROJECT_ROOT = Path(__file__).resolve().parent.parent
SAMPLE = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"


def synthetic_tasks(count: int) -> list[Task]:
    sample = read_jsonl(SAMPLE)
    tasks = []
    for number in range(count):
        task = sample[number % len(sample)].model_copy(deep=True)
        task.task_id = f"Synthetic/{number}"
        task.stage = Stage.ACCEPTED
        task.validation = ValidationSummary(
            verdict=Verdict.PASS,
            content_hash=task.content_hash(),
            environment="cpython-3.11 bench",
            tests_total=5,
            tests_passed=5,
            branch_coverage=90.0,
        )
        tasks.append(task)
    return tasks


def make_bank(root: Path, count: int) -> Bank:
    started = time.perf_counter()
    bank = Bank.init(root)
    # No background `git gc --auto` halfway through the timings (nor while deleting the bank).
    subprocess.run(["git", "config", "gc.auto", "0"], cwd=root, check=True)
    commit_new_bank(bank)
    with bank.lock():
        bank.add_all(synthetic_tasks(count))
    subprocess.run(["git", "add", "--all"], cwd=root, check=True)
    subprocess.run(["git", "commit", "--quiet", "-m", f"{count} tasks"], cwd=root, check=True)
    elapsed = time.perf_counter() - started
    print(f"setup: bank of {count} tasks built and committed in {elapsed:.1f} s", flush=True)
    return bank


def time_commits(bank: Bank, count: int, repeat: int) -> None:
    timings = []
    for turn in range(repeat):
        task_id = f"Synthetic/{(turn * 997) % count}"
        with bank.lock():
            task = bank.load(task_id)
            task.instruct_prompt += f"\nRevision {turn}."
            bank.save(task)
        started = time.perf_counter()
        commit_task(bank, task_id, Stage.ACCEPTED, f"Revise {task_id}", "bench")
        timings.append((time.perf_counter() - started) * 1000)
    print(
        f"commit one task, bank of {count:>6} tasks: median {statistics.median(timings):6.1f} ms"
        f"  min {min(timings):6.1f} ms  max {max(timings):6.1f} ms  ({repeat} commits)",
        flush=True,
    )


def time_release(bank: Bank, count: int) -> None:
    started = time.perf_counter()
    release = build_release(bank, "v-bench")
    built = time.perf_counter() - started
    started = time.perf_counter()
    export_tagged_release(bank, "v-bench", release.out.parent / "again")
    again = time.perf_counter() - started
    print(
        f"release of {release.manifest.counts.tasks} tasks (bank of {count}): build {built:.2f} s,"
        f" --from-tag {again:.2f} s",
        flush=True,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1140, 10000])
    parser.add_argument("--release-size", type=int, default=1140)
    parser.add_argument("--repeat", type=int, default=10)
    options = parser.parse_args()
    if not SAMPLE.is_file():
        sys.exit(f"{SAMPLE}: the BigCodeBench sample is missing")
    os.environ.setdefault("GIT_AUTHOR_NAME", "bench")
    os.environ.setdefault("GIT_AUTHOR_EMAIL", "bench@example.org")
    os.environ.setdefault("GIT_COMMITTER_NAME", "bench")
    os.environ.setdefault("GIT_COMMITTER_EMAIL", "bench@example.org")
    cores = os.cpu_count()
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(f"machine: {cores} cores, load average {load} (other work skews the figures)")
    scratch = tempfile.TemporaryDirectory(prefix="curator-bench-", ignore_cleanup_errors=True)
    with scratch as directory:
        for size in options.sizes:
            bank = make_bank(Path(directory) / f"bank-{size}", size)
            time_commits(bank, size, options.repeat)
            if size == options.release_size:
                time_release(bank, size)
        if options.release_size not in options.sizes:
            bank = make_bank(Path(directory) / "bank-release", options.release_size)
            time_release(bank, options.release_size)


if __name__ == "__main__":
    main()
