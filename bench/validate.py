"""Time `curator validate` against the ways BigCodeBench-style tasks are usually run.

    python bench/validate.py [JSONL] [--jobs 2]

On the same tasks (default: ../shared/bcb-sample/BigCodeBench-sample40.jsonl), in one run:

- curator: `curator validate --all --jobs N --force` on a fresh bank (sandboxed, with branch
  coverage, static checks and doctests), the whole command from process start to exit;
- anchor: one `python -m pytest FILE` process per task, N at a time, as the BigCodeBench
  annotation repository's CI ran them (FILE holds the program and its tests);
- floor: every task's tests in one warm process (numpy, pandas and matplotlib already imported),
  no isolation, no coverage: the time spent in the tests themselves.

Prints the three times (wall clock, and CPU seconds of all processes involved, which a busy
machine distorts less) and the ratios. The goal: curator >= 4x faster than the anchor and within
4x of the floor.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_JSONL = PROJECT_ROOT.parent / "shared" / "bcb-sample" / "BigCodeBench-sample40.jsonl"

FLOOR_SCRIPT = r"""
import json, os, sys, tempfile, time, types, unittest, io
os.environ.setdefault("MPLBACKEND", "Agg")
for name in ("numpy", "pandas", "matplotlib.pyplot"):
    try:
        __import__(name)
    except ImportError:
        pass
records = [json.loads(line) for line in open(sys.argv[1]) if line.strip()]
home = os.getcwd()
started = time.perf_counter()
outcomes = {}
for record in records:
    directory = tempfile.mkdtemp()
    os.chdir(directory)
    module = types.ModuleType("__test__")
    sys.modules["__test__"] = module
    try:
        exec(compile(record["complete_prompt"] + record["canonical_solution"] + "\n"
                     + record["test"], "task.py", "exec"), module.__dict__)
        suite = unittest.TestLoader().loadTestsFromTestCase(module.TestCases)
        result = unittest.TextTestRunner(stream=io.StringIO(), verbosity=0).run(suite)
        outcomes[record["task_id"]] = result.wasSuccessful()
    except BaseException as error:
        outcomes[record["task_id"]] = f"{type(error).__name__}: {error}"
    os.chdir(home)
elapsed = time.perf_counter() - started
print(json.dumps({"elapsed": elapsed, "outcomes": outcomes}))
"""


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_curator(jsonl: Path, jobs: int, workdir: Path) -> tuple[float, list[dict]]:
    bank = workdir / "bank"
    curator = [sys.executable, "-m", "curator", "--bank", str(bank)]
    subprocess.run(
        [sys.executable, "-m", "curator", "init", str(bank)], check=True, capture_output=True
    )
    subprocess.run([*curator, "import", str(jsonl)], check=True, capture_output=True)
    started = time.perf_counter()
    cpu = children_cpu()
    completed = subprocess.run(
        [*curator, "validate", "--all", "--jobs", str(jobs), "--force", "--json"],
        capture_output=True,
        text=True,
    )
    elapsed = time.perf_counter() - started
    cpu = children_cpu() - cpu
    if completed.returncode not in (0, 1):
        sys.exit(f"curator validate failed:\n{completed.stderr}")
    return elapsed, cpu, [json.loads(line) for line in completed.stdout.splitlines()]


def run_anchor(
    records: list[dict], jobs: int, workdir: Path
) -> tuple[float, float, dict[str, int]]:
    files = []
    for index, record in enumerate(records):
        directory = workdir / f"anchor-{index}"
        directory.mkdir()
        path = directory / f"test_task_{index}.py"
        path.write_text(
            record["complete_prompt"] + record["canonical_solution"] + "\n\n" + record["test"]
        )
        files.append((record["task_id"], path))

    def one(item: tuple[str, Path]) -> tuple[str, int]:
        task_id, path = item
        completed = subprocess.run(
            [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", path.name],
            cwd=path.parent,
            capture_output=True,
            env={**os.environ, "MPLBACKEND": "Agg"},
        )
        return task_id, completed.returncode

    started = time.perf_counter()
    cpu = children_cpu()
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        codes = dict(pool.map(one, files))
    return time.perf_counter() - started, children_cpu() - cpu, codes


def run_floor(jsonl: Path, workdir: Path) -> tuple[float, float, float, dict]:
    script = workdir / "floor.py"
    script.write_text(FLOOR_SCRIPT)
    started = time.perf_counter()
    cpu = children_cpu()
    completed = subprocess.run(
        [sys.executable, str(script), str(jsonl)],
        capture_output=True,
        text=True,
        cwd=workdir,
        env={**os.environ, "MPLBACKEND": "Agg"},
    )
    total = time.perf_counter() - started
    cpu = children_cpu() - cpu
    result = json.loads(completed.stdout.strip().splitlines()[-1])
    return result["elapsed"], total, cpu, result["outcomes"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("jsonl", nargs="?", type=Path, default=DEFAULT_JSONL)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    records = [json.loads(line) for line in args.jsonl.read_text().splitlines() if line.strip()]
    print(
        f"{len(records)} tasks from {args.jsonl}, {args.jobs} jobs, {os.cpu_count()} CPUs, "
        f"load average {os.getloadavg()[0]:.1f}"
    )
    with tempfile.TemporaryDirectory(prefix="curator-bench-") as temporary:
        workdir = Path(temporary)
        floor, floor_process, floor_cpu, floor_outcomes = run_floor(args.jsonl, workdir)
        anchor, anchor_cpu, anchor_codes = run_anchor(records, args.jobs, workdir)
        curator, curator_cpu, rows = run_curator(args.jsonl, args.jobs, workdir)
    verdicts: dict[str, int] = {}
    for row in rows:
        verdicts[row["verdict"]] = verdicts.get(row["verdict"], 0) + 1
    passed_floor = sum(outcome is True for outcome in floor_outcomes.values())
    passed_anchor = sum(code == 0 for code in anchor_codes.values())
    print(
        f"curator validate --jobs {args.jobs}: {curator:7.2f} s  ({curator_cpu:6.2f} CPU s)  "
        f"verdicts {verdicts}"
    )
    print(
        f"pytest per file, {args.jobs} at a time: {anchor:7.2f} s  ({anchor_cpu:6.2f} CPU s)  "
        f"{passed_anchor} files passed"
    )
    print(
        f"floor, one warm process:     {floor:7.2f} s  in the tests; {floor_process:.2f} s "
        f"({floor_cpu:.2f} CPU s) with interpreter start and imports; "
        f"{passed_floor} tasks passed"
    )
    print(
        f"anchor / curator: {anchor / curator:5.1f}x faster (goal >= 4x); "
        f"{anchor_cpu / curator_cpu:.1f}x in CPU seconds"
    )
    print(
        f"curator / floor:  {curator / floor:5.1f}x the floor's test time (goal <= 4x); "
        f"{curator / floor_process:.1f}x the floor process; "
        f"{curator_cpu / floor_cpu:.1f}x its CPU seconds"
    )


if __name__ == "__main__":
    main()
