"""Time one sandbox run of a trivial task: the fixed cost each task pays for its isolation.

    python bench/sandbox_run.py [--runs 30]

Starts one warm sandbox, runs a one-test task `--runs` times one after another (with coverage,
as `validate` does) and prints the median and the 90th percentile wall clock of a run, and
the notes of the last run (which namespaces and which memory cap applied). Run it as root and
as an ordinary user to compare the two modes.

It also prints what a run costs the machine: the CPU seconds (user and system) and the page
faults of every process of the sandbox per run, counted over the sandbox's whole life once it
has ended (then every process it forked has been reaped) less a sandbox that ran nothing, with
the sandbox's isolation on and off. At `--jobs 2` on two cores validation is bound by CPU, not
by a run's wall clock.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import time

from curator.sandbox import RunOptions, Sandbox

PROGRAM = "def task_func(x):\n    return x + 1\n"
TESTS = (
    "import unittest\n\nclass TestCases(unittest.TestCase):\n"
    "    def test_one(self):\n        self.assertEqual(task_func(1), 2)\n"
)


def children_usage() -> tuple[float, float, int]:
    """User and system CPU seconds and page faults of every reaped descendant so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime, usage.ru_stime, usage.ru_minflt


def sandbox_life(runs: int, isolate: bool) -> tuple[list[float], list[str], list[float]]:
    """Durations of `runs` runs, the last run's notes, and the CPU and faults of the whole
    sandbox (start, runs, close)."""
    before = children_usage()
    durations = []
    notes: list[str] = []
    with Sandbox(isolate=isolate) as sandbox:
        sandbox.start()
        for _ in range(runs):
            began = time.perf_counter()
            run = sandbox.run(PROGRAM, TESTS, options=RunOptions())
            durations.append(time.perf_counter() - began)
            assert run.passed, run.message
            notes = run.notes
    after = children_usage()
    return durations, notes, [later - earlier for earlier, later in zip(before, after, strict=True)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    arguments = parser.parse_args()
    durations, notes, _ = sandbox_life(arguments.runs, isolate=True)
    durations.sort()
    p90 = durations[int(0.9 * (len(durations) - 1))]
    print(f"runs: {len(durations)}")
    print(f"median: {1000 * statistics.median(durations):.1f} ms   p90: {1000 * p90:.1f} ms")
    print("notes:", notes)
    print("\nper run, every process of the sandbox (its start and end left out):")
    for isolate in (True, False):
        _, _, idle = sandbox_life(0, isolate)
        _, _, busy = sandbox_life(arguments.runs, isolate)
        user, system, faults = ((b - i) / arguments.runs for b, i in zip(busy, idle, strict=True))
        print(
            f"  isolation {'on ' if isolate else 'off'}: {1000 * (user + system):.1f} ms CPU "
            f"({1000 * user:.1f} user, {1000 * system:.1f} system), {faults:.0f} page faults"
        )


if __name__ == "__main__":
    main()
