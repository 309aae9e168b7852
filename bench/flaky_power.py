"""Detection power of `curator flaky` at the default run count, and false flags on stable twins.

A synthetic task has tests that fail independently with probability p = 0.05, 0.1, 0.2, 0.5
(a seeded `random.random() < p`, drawn afresh from the run's random seed before each test)
and a stable twin of each (the same draw, asserted only to lie in [0, 1)). Independent runs
would find a test failing with probability p in N runs with probability 1 - (1 - p)^N (the
bound); the goal is to come within 2 points of it, with no stable twin flagged.

Two measurements, both through the real plan, runner and classifier (`detect_flaky`):
- real: the task in the real sandbox, for `--real-seeds` detection seeds;
- replayed: the same detection code for `--seeds` more seeds, with each suite run answered by
  computing the draw the sandbox would make (its outcome is a function of the run's random seed
  and nothing else), cheap enough for the many seeds a rate within 2 points needs. Every real
  run's outcomes are checked against that computation first, so the two cannot drift apart.

    .venv/bin/python bench/flaky_power.py [--real-seeds 50] [--seeds 2000] [--runs 20]
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter

from curator.flaky.evidence import Classification, FlakyEvidence
from curator.flaky.plan import DEFAULT_RUNS
from curator.flaky.runner import DetectionSettings, detect_flaky
from curator.models import Task
from curator.program import split_program
from curator.sandbox import RunOptions, Sandbox, SuiteRun, TestOutcome
from curator.sandbox.models import TestOutcomeName

PROBABILITIES = {"05": 0.05, "10": 0.1, "20": 0.2, "50": 0.5}
PROGRAM = '''import random


def task_func():
    """
    Draw a number uniformly from [0, 1).

    Returns:
    float: The draw.

    Requirements:
    - random

    Example:
    >>> 0 <= task_func() < 1
    True
    """
    return random.random()
'''


def test_source() -> str:
    lines = ["import unittest", "", "", "class TestCases(unittest.TestCase):"]
    for label, probability in PROBABILITIES.items():
        lines += [
            f"    def test_fails_p{label}(self):",
            f"        self.assertGreaterEqual(task_func(), {probability})",
            "",
            f"    def test_stable_twin_p{label}(self):",
            "        self.assertTrue(0 <= task_func() < 1)",
            "",
        ]
    return "\n".join(lines)


def synthetic_task() -> Task:
    split = split_program(PROGRAM, "task_func")
    assert split is not None
    prompt, solution = split
    return Task(
        task_id="Bench/power",
        complete_prompt=prompt,
        canonical_solution=solution,
        test=test_source(),
    )


def test_names() -> list[str]:
    names = [f"test_fails_p{label}" for label in PROBABILITIES]
    return sorted(names + [f"test_stable_twin_p{label}" for label in PROBABILITIES])


def expected_outcome(test: str, random_seed: int) -> TestOutcomeName:
    """What the sandbox gives: `random` is seeded with the run's seed before each test."""
    draw = random.Random(random_seed).random()
    label = test.rsplit("_p", 1)[1]
    failed = test.startswith("test_fails") and draw < PROBABILITIES[label]
    return "fail" if failed else "pass"


class ComputedSandbox:
    """Answers a suite run with the outcomes the real sandbox gives for its random seed."""

    def run(self, program: str, tests: str, entry_point: str, options: RunOptions) -> SuiteRun:
        assert options.random_seed is not None
        order = options.test_order if options.test_order is not None else test_names()
        outcomes = [
            TestOutcome(name=name, outcome=expected_outcome(name, options.random_seed))
            for name in order
        ]
        return SuiteRun(status="completed", tests=outcomes, options=options)


def check_against_computation(evidence: FlakyEvidence) -> list[str]:
    mismatches = []
    for run in evidence.runs:
        for test, cell in run.results.items():
            computed = expected_outcome(test, run.spec.random_seed)
            if cell.outcome.value != computed:
                mismatches.append(f"run {run.spec.index} {test}: {cell.outcome} != {computed}")
    return mismatches


class Tally:
    def __init__(self) -> None:
        self.detections = 0
        self.flagged: Counter[str] = Counter()
        self.correct: Counter[str] = Counter()
        self.runs = 0

    def add(self, evidence: FlakyEvidence) -> None:
        self.detections += 1
        self.runs += len(evidence.runs)
        for test, verdict in evidence.verdicts.items():
            if verdict.classification.is_flaky:
                self.flagged[test] += 1
            if verdict.classification is Classification.NONDETERMINISTIC:
                self.correct[test] += 1

    def print(self, title: str, runs: int) -> bool:
        """Print the table; True if every rate is within 2 points of the bound and no stable
        twin was flagged (judged on the many computed seeds: 50 seeds are too few for that)."""
        count = self.detections
        print(f"\n{title}: {count} detection seeds, {runs} runs each")
        print(f"{'p':>5} {'bound':>7} {'flagged':>8} {'nondeterministic':>17} {'twin flagged':>13}")
        good = True
        for label, probability in PROBABILITIES.items():
            bound = 1 - (1 - probability) ** runs
            flagged = self.flagged[f"test_fails_p{label}"] / count
            correct = self.correct[f"test_fails_p{label}"] / count
            twin = self.flagged[f"test_stable_twin_p{label}"]
            good &= correct >= bound - 0.02 and twin == 0
            print(
                f"{probability:5.2f} {bound:7.1%} {flagged:8.1%} {correct:17.1%} "
                f"{twin:>6} of {count}"
            )
        print(f"runs per detection, attribution included: {self.runs / count:.1f}")
        return good


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--real-seeds", type=int, default=50, help="Seeds run in the sandbox.")
    parser.add_argument("--seeds", type=int, default=2000, help="Seeds with computed runs.")
    parser.add_argument("--runs", type=int, default=DEFAULT_RUNS)
    arguments = parser.parse_args()
    task = synthetic_task()
    real = Tally()
    mismatches: list[str] = []
    began = time.perf_counter()
    with Sandbox() as sandbox:
        sandbox.start()
        for seed in range(1, arguments.real_seeds + 1):
            settings = DetectionSettings(runs=arguments.runs, seed=seed)
            evidence = detect_flaky(task, sandbox, settings)
            mismatches += check_against_computation(evidence)
            real.add(evidence)
    real_s = time.perf_counter() - began
    if mismatches:
        print("the sandbox's outcomes differ from the computed ones:", *mismatches[:10], sep="\n")
        sys.exit(1)
    computed = Tally()
    began = time.perf_counter()
    offset = arguments.real_seeds
    for seed in range(offset + 1, offset + arguments.seeds + 1):
        settings = DetectionSettings(runs=arguments.runs, seed=seed, jobs=1)
        computed.add(detect_flaky(task, ComputedSandbox(), settings))  # type: ignore[arg-type]
    computed_s = time.perf_counter() - began
    if real.detections:
        real.print(f"real sandbox ({real_s:.0f} s)", arguments.runs)
    good = computed.print(f"computed runs ({computed_s:.0f} s)", arguments.runs)
    print(f"\ngoal (computed runs): {'met' if good else 'NOT met'}")


if __name__ == "__main__":
    main()
