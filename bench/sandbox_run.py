"""Time one sandbox run of a trivial task: the fixed cost each task pays for its isolation.

    python bench/sandbox_run.py [--runs 30]

Starts one warm sandbox, runs a one-test task `--runs` times one after another (with coverage,
as `validate` does) and prints the median and the 90th percentile wall clock of a run, and
the notes of the last run (which namespaces and which memory cap applied). Run it as root and
as an ordinary user to compare the two modes.
"""

from __future__ import annotations

import argparse
import statistics
import time

from curator.sandbox import RunOptions, Sandbox

PROGRAM = "def task_func(x):\n    return x + 1\n"
TESTS = (
    "import unittest\n\nclass TestCases(unittest.TestCase):\n"
    "    def test_one(self):\n        self.assertEqual(task_func(1), 2)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    arguments = parser.parse_args()
    with Sandbox() as sandbox:
        sandbox.start()
        durations = []
        run = None
        for _ in range(arguments.runs):
            began = time.perf_counter()
            run = sandbox.run(PROGRAM, TESTS, options=RunOptions())
            durations.append(time.perf_counter() - began)
            assert run.passed, run.message
    durations.sort()
    p90 = durations[int(0.9 * (len(durations) - 1))]
    print(f"runs: {len(durations)}")
    print(f"median: {1000 * statistics.median(durations):.1f} ms   p90: {1000 * p90:.1f} ms")
    print("notes:", run.notes if run else [])


if __name__ == "__main__":
    main()
