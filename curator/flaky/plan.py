"""The run plan: detection runs that vary everything at once, then attribution runs.

Detection (after iDFlakies): every run after the baseline takes a fresh random seed, a new test
order, a shifted clock in a far time zone and, in every fifth run, a fresh string-hash seed, so
each run is an independent draw and a test failing with probability p per run escapes N runs
with probability (1-p)^N only. Attribution (`curator.flaky.classify.attribution_runs`) then
reruns, for tests whose outcome flipped, one factor of a flipped run at a time.

Forked warm workers share the parent's string-hash seed, so only hash-seed runs need fresh
interpreters (the costly part: "where cheap"); every other run reuses a warm one. Stdlib
`random` and numpy's global generator are reseeded before each test from the run's random seed.
Everything derives from one recorded detection seed.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from curator.flaky.evidence import RunKind, RunSpec
from curator.quality import FLAKY_RUNS_REQUIRED

DEFAULT_RUNS = FLAKY_RUNS_REQUIRED  # a check with the defaults counts for acceptance
BASELINE_HASH_SEED = 0
# Every HASH_SEED_EVERY-th detection run starts a fresh interpreter with another hash seed.
HASH_SEED_EVERY = 5
COVERAGE_UP_TO_RUN = 12
"""The baseline and the detection runs up to this one measure the solution's coverage where
they run the whole suite in a warm worker (`measures_coverage`): ten of the default twenty.
Coverage makes a run about a third longer (24 BigCodeBench tasks, one run of each: 5.86 s
without it, 7.61 s with it); measured in every such run, it made a check 28% longer."""

# Shifted clocks where clock bugs show: decades ahead and behind, year, month and leap-day
# boundaries, DST changes, each in a time zone far from UTC (POSIX TZ strings need no tz
# database). Instants sit at least 10 minutes from a boundary so that one run does not cross it.
CLOCK_SETTINGS: tuple[tuple[str, datetime], ...] = (
    ("<+14>-14", datetime(2031, 12, 31, 23, 30, tzinfo=UTC)),  # local: 1 January 2032
    ("<-12>+12", datetime(2028, 3, 1, 0, 30, tzinfo=UTC)),  # local: 29 February 2028
    ("<+0530>-05:30", datetime(2029, 6, 30, 20, 0, tzinfo=UTC)),  # local: 1 July 2029
    ("<-0930>+09:30", datetime(2030, 1, 1, 5, 0, tzinfo=UTC)),  # local: 31 December 2029
    ("<+13>-13", datetime(2049, 12, 31, 23, 40, tzinfo=UTC)),  # local: 1 January 2050
    ("<-11>+11", datetime(2077, 7, 1, 2, 0, tzinfo=UTC)),  # local: 30 June 2077
    ("<+12>-12", datetime(2099, 12, 31, 22, 0, tzinfo=UTC)),  # local: 1 January 2100
    ("<-10>+10", datetime(2000, 1, 1, 3, 0, tzinfo=UTC)),  # local: 31 December 1999
    ("<+0845>-08:45", datetime(2012, 2, 29, 18, 0, tzinfo=UTC)),  # local: 1 March 2012
    ("<+10>-10", datetime(1996, 12, 31, 16, 0, tzinfo=UTC)),  # local: 1 January 1997
    # 01:50 local, ten minutes before clocks spring forward (US rules, 11 March 2035).
    ("EST5EDT,M3.2.0,M11.1.0", datetime(2035, 3, 11, 6, 50, tzinfo=UTC)),
    # 02:30 local, the hour that happens twice when clocks fall back (EU, 29 October 2045).
    ("CET-1CEST,M3.5.0,M10.5.0/3", datetime(2045, 10, 29, 0, 30, tzinfo=UTC)),
    # 01:50 local, before New Zealand's spring-forward (26 September 2060).
    ("NZST-12NZDT,M9.5.0,M4.1.0/3", datetime(2060, 9, 25, 13, 50, tzinfo=UTC)),
)


def new_detection_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


def baseline_run(detection_seed: int) -> RunSpec:
    """The plan's first run, which needs no test names: it is the run that finds them."""
    return plan_runs([], 1, detection_seed)[0]


def plan_runs(tests: list[str], runs: int, detection_seed: int) -> list[RunSpec]:
    """The detection runs; `tests` is the suite's default order. The baseline's seeds do not
    depend on `tests`, so `baseline_run` gives the same first run."""
    rng = random.Random(detection_seed)
    base_random_seed = rng.randrange(2**31)
    used_random_seeds = {base_random_seed}
    used_hash_seeds = {BASELINE_HASH_SEED}
    clock_settings = list(CLOCK_SETTINGS)
    rng.shuffle(clock_settings)
    seen_orders = {tuple(tests)}
    reorder = len(tests) > 1
    specs = [
        RunSpec(
            index=0,
            kind=RunKind.BASELINE,
            order=list(tests),
            hash_seed=BASELINE_HASH_SEED,
            random_seed=base_random_seed,
        )
    ]
    for index in range(1, runs):
        tz, clock_at = clock_settings[(index - 1) % len(clock_settings)]
        spec = RunSpec(
            index=index,
            kind=RunKind.DETECTION,
            order=list(tests),
            hash_seed=BASELINE_HASH_SEED,
            random_seed=_fresh(rng, used_random_seeds, 2**31),
            tz=tz,
            clock_at=clock_at,
        )
        if index % HASH_SEED_EVERY == HASH_SEED_EVERY - 2:
            spec.hash_seed = _fresh(rng, used_hash_seeds, 2**32)
        if reorder and index == 1:
            spec.order = list(reversed(tests))
            seen_orders.add(tuple(spec.order))
        elif reorder and index == 2:
            spec.isolated = True
        elif reorder:
            spec.order_seed = rng.randrange(2**31)
            spec.order = _new_order(tests, spec.order_seed, seen_orders)
        specs.append(spec)
    return specs


def suite_hash_seeds(detection_seed: int, runs: int) -> set[int]:
    """The hash seeds other than the baseline's that a detection with this seed runs on a
    suite of more than one test (any such suite: the draws before them do not depend on its
    tests); a check of many tasks with one detection seed runs these in each."""
    specs = plan_runs(["first", "second"], runs, detection_seed)
    return {spec.hash_seed for spec in specs} - {BASELINE_HASH_SEED}


def measures_coverage(spec: RunSpec) -> bool:
    """Whether the run measures the solution's coverage: one test alone covers too little to
    compare, and a fresh interpreter (another hash seed) would import the task's libraries
    under the tracer (BigCodeBench/85: 0.89 s without coverage, 1.59 s with it; 0.24 and
    0.38 s in a warm worker)."""
    return (
        spec.index <= COVERAGE_UP_TO_RUN
        and not spec.isolated
        and spec.hash_seed == BASELINE_HASH_SEED
    )


def _fresh(rng: random.Random, used: set[int], limit: int) -> int:
    while True:
        value = rng.randrange(1, limit)
        if value not in used:
            used.add(value)
            return value


def _new_order(tests: list[str], order_seed: int, seen: set[tuple[str, ...]]) -> list[str]:
    """A shuffle of `tests` not tried yet where one is left (a few attempts, then any)."""
    shuffler = random.Random(order_seed)
    order = list(tests)
    for _ in range(20):
        shuffler.shuffle(order)
        if tuple(order) not in seen:
            break
    seen.add(tuple(order))
    return order
