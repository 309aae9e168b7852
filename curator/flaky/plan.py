"""The run plan: which of N runs varies what, all derived from one recorded detection seed.

Every run differs from the baseline in exactly one respect (or none, for a repeat), so that a
test whose outcome changes points at what changed it. Forked warm workers share the parent's
string-hash seed, so only the hash-seed runs need fresh interpreters; every other run can reuse
a warm one. Stdlib `random` and numpy's global generator are reseeded before each test from the
run's random seed: a forked worker alone would give numpy the same state on every run.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from curator.flaky.evidence import RunKind, RunSpec

DEFAULT_RUNS = 20
BASELINE_HASH_SEED = 0

# Shifted clocks at the edges where clock bugs show (a day, month and year boundary; a leap
# day), each in a time zone far from UTC. POSIX TZ strings need no tz database.
CLOCK_SETTINGS: tuple[tuple[str, datetime], ...] = (
    ("<+14>-14", datetime(2031, 12, 31, 23, 30, tzinfo=UTC)),  # local: 1 January 2032
    ("<-12>+12", datetime(2028, 3, 1, 0, 30, tzinfo=UTC)),  # local: 29 February 2028
    ("<+0530>-05:30", datetime(2029, 6, 30, 20, 0, tzinfo=UTC)),  # local: 1 July 2029
    ("<-0930>+09:30", datetime(2030, 1, 1, 5, 0, tzinfo=UTC)),  # local: 31 December 2029
)

# Kinds that every plan of this many runs has, in order of importance; then the rest of the
# runs go round SPREAD. Random-state runs get the most: a failure with probability p needs
# about ln(0.05)/ln(1-p) runs to show.
ESSENTIAL = (
    RunKind.RANDOM_STATE,
    RunKind.REVERSED,
    RunKind.HASH_SEED,
    RunKind.CLOCK,
    RunKind.ISOLATED,
    RunKind.REPEAT,
    RunKind.CLOCK,
    RunKind.HASH_SEED,
)
SPREAD = (
    RunKind.RANDOM_STATE,
    RunKind.SHUFFLED,
    RunKind.RANDOM_STATE,
    RunKind.HASH_SEED,
    RunKind.RANDOM_STATE,
    RunKind.SHUFFLED,
    RunKind.RANDOM_STATE,
    RunKind.REPEAT,
    RunKind.RANDOM_STATE,
    RunKind.SHUFFLED,
)
ORDER_KINDS = (RunKind.REVERSED, RunKind.SHUFFLED, RunKind.ISOLATED)


def new_detection_seed() -> int:
    return random.SystemRandom().randrange(1, 2**31)


def plan_kinds(runs: int, test_count: int) -> list[RunKind]:
    """The kind of each of `runs` runs; order-varying kinds only where there are two tests."""
    usable = [kind for kind in ESSENTIAL if test_count > 1 or kind not in ORDER_KINDS]
    spread = [kind for kind in SPREAD if test_count > 1 or kind not in ORDER_KINDS]
    kinds = [RunKind.BASELINE]
    kinds += usable[: max(0, runs - 1)]
    while len(kinds) < runs:
        kinds.append(spread[(len(kinds) - 1 - len(usable)) % len(spread)])
    return kinds


def baseline_run(detection_seed: int) -> RunSpec:
    """The plan's first run, which needs no test names: it is the run that finds them."""
    return plan_runs([], 1, detection_seed)[0]


def plan_runs(tests: list[str], runs: int, detection_seed: int) -> list[RunSpec]:
    """The runs of one detection; `tests` is the suite's default order. The baseline's seeds
    do not depend on `tests`, so `baseline_run` gives the same first run."""
    rng = random.Random(detection_seed)
    base_random_seed = rng.randrange(2**31)
    used_random_seeds = {base_random_seed}
    used_hash_seeds = {BASELINE_HASH_SEED}
    clock_settings = list(CLOCK_SETTINGS)
    rng.shuffle(clock_settings)
    seen_orders = {tuple(tests), tuple(reversed(tests))}
    specs: list[RunSpec] = []
    for index, kind in enumerate(plan_kinds(runs, len(tests))):
        spec = RunSpec(
            index=index,
            kind=kind,
            order=list(tests),
            hash_seed=BASELINE_HASH_SEED,
            random_seed=base_random_seed,
        )
        if kind is RunKind.RANDOM_STATE:
            spec.random_seed = _fresh(rng, used_random_seeds, 2**31)
        elif kind is RunKind.REVERSED:
            spec.order = list(reversed(tests))
        elif kind is RunKind.SHUFFLED:
            spec.order_seed = rng.randrange(2**31)
            spec.order = _new_order(tests, spec.order_seed, seen_orders)
        elif kind is RunKind.ISOLATED:
            spec.isolated = True
        elif kind is RunKind.HASH_SEED:
            spec.hash_seed = _fresh(rng, used_hash_seeds, 2**32)
        elif kind is RunKind.CLOCK:
            clock_count = sum(1 for earlier in specs if earlier.kind is RunKind.CLOCK)
            spec.tz, spec.clock_at = clock_settings[clock_count % len(clock_settings)]
        specs.append(spec)
    return specs


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
