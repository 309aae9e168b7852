"""How reliably the default plan classifies the `tests/flaky/` suite, over many detection seeds.

A flaky test that fails with probability p in the runs that vary its cause goes unseen with
probability (1-p)^k for k such runs; this prints, per task, how often every test got its
expected class, and the time one detection takes.

    .venv/bin/python bench/flaky_suite.py [--seeds 10] [--runs 20]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from curator.flaky.runner import DetectionSettings, detect_flaky
from curator.sandbox import Sandbox

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests" / "flaky"))
from flaky_suite import expected_classes, load_suite_task, suite_names

# The backoff tasks need a limit their slow test comes near (as in tests/test_flaky.py).
TIME_LIMITS = {"timing_backoff": 1.5, "quick_backoff": 1.5}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=10, help="Detection seeds 1..N.")
    parser.add_argument("--runs", type=int, default=20)
    arguments = parser.parse_args()
    correct: Counter[str] = Counter()
    durations: list[float] = []
    misses: list[str] = []
    with Sandbox() as sandbox:
        sandbox.start()
        for seed in range(1, arguments.seeds + 1):
            for name in suite_names():
                settings = DetectionSettings(
                    runs=arguments.runs, seed=seed, timeout_s=TIME_LIMITS.get(name, 60.0)
                )
                began = time.perf_counter()
                evidence = detect_flaky(load_suite_task(name), sandbox, settings)
                durations.append(time.perf_counter() - began)
                got = {test: v.classification.value for test, v in evidence.verdicts.items()}
                if got == expected_classes(name):
                    correct[name] += 1
                else:
                    wrong = {t: c for t, c in got.items() if expected_classes(name).get(t) != c}
                    misses.append(f"seed {seed} {name}: {wrong}")
            print(f"seed {seed} done", file=sys.stderr)
    print(f"{'task':24} correct of {arguments.seeds} seeds ({arguments.runs} runs each)")
    for name in suite_names():
        print(f"{name:24} {correct[name]:3d}")
    for miss in misses:
        print("miss:", miss)
    print(
        f"{len(durations)} detections, {sum(durations) / len(durations):.2f} s each on average "
        f"(timing_backoff included)"
    )


if __name__ == "__main__":
    main()
