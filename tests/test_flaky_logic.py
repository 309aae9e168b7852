"""Flaky-test detection without the sandbox: plan, classifier on synthetic run matrices,
traceback digests, static hints, and the flag state machine."""

from __future__ import annotations

import io
import itertools
import random
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from rich.console import Console

from conftest import make_task
from curator.app.views import coverage_text
from curator.cli.context import CliContext
from curator.cli.flaky_commands import print_evidence
from curator.flaky.classify import (
    TIMING_FRACTION,
    attribution_runs,
    classify,
    exception_type,
    failure_digest,
)
from curator.flaky.evidence import (
    Cell,
    Classification,
    CoverageVariation,
    Failure,
    FlakyEvidence,
    FlakyVerdict,
    Outcome,
    RunCoverage,
    RunKind,
    RunRecord,
    RunSpec,
    failure_diff,
)
from curator.flaky.flags import (
    FlagAction,
    FlagError,
    StoredCheckKept,
    apply_action,
    read_evidence,
    record_detection,
    update_flags,
)
from curator.flaky.hints import HintKind, code_hints, hints_for_test, task_hints
from curator.flaky.plan import BASELINE_HASH_SEED, CLOCK_SETTINGS, baseline_run, plan_runs
from curator.flaky.runner import MAX_ATTRIBUTION_ROUNDS
from curator.models import FlagStatus, Task
from curator.validation import ValidationReport

TESTS = ["test_a", "test_b", "test_c"]
TIMEOUT = 10.0
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)

OutcomeRule = Callable[[RunSpec, str], Outcome]


def matrix(specs: list[RunSpec], rule: OutcomeRule, duration: float = 0.01) -> list[RunRecord]:
    """The run records a suite whose outcomes follow `rule` would give."""
    return [
        RunRecord(
            spec=spec,
            status="completed",
            results={
                test: Cell(outcome=rule(spec, test), duration_s=duration) for test in spec.order
            },
        )
        for spec in specs
    ]


def detected(rule: OutcomeRule, seed: int, runs: int = 20) -> list[RunRecord]:
    """Detection runs, then attribution rounds until none is asked for, as the runner does."""
    records = matrix(plan_runs(TESTS, runs, seed), rule)
    for _ in range(MAX_ATTRIBUTION_ROUNDS):
        attribution = attribution_runs(records, TESTS, TIMEOUT, NOW)
        if not attribution:
            return records
        records += matrix(attribution, rule)
    raise AssertionError("attribution did not settle")


def verdicts(runs: list[RunRecord]) -> dict[str, FlakyVerdict]:
    return classify(runs, TESTS, TIMEOUT, [], {}, NOW)


def passes(spec: RunSpec, test: str) -> Outcome:
    return Outcome.PASS


def draw(spec: RunSpec, test: str, probability: float) -> bool:
    """A failure drawn from the run's random seed, as a test using seeded `random` would."""
    return random.Random(f"{spec.random_seed}/{test}").random() < probability


def clock_of(spec: RunSpec) -> datetime:
    return spec.clock_at or NOW


# -- plan --------------------------------------------------------------------------------------


def test_every_detection_run_varies_everything_at_once():
    specs = plan_runs(TESTS, 20, detection_seed=11)
    baseline, detection = specs[0], specs[1:]
    assert len(specs) == 20 and baseline.kind is RunKind.BASELINE
    assert baseline.hash_seed == BASELINE_HASH_SEED and baseline.tz == "UTC"
    assert baseline.clock_at is None and baseline.order == TESTS and not baseline.isolated
    assert all(spec.kind is RunKind.DETECTION for spec in detection)
    random_seeds = [spec.random_seed for spec in specs]
    assert len(set(random_seeds)) == 20
    assert all(spec.tz != "UTC" and spec.clock_at is not None for spec in detection)
    orders = {tuple(spec.order) for spec in detection if not spec.isolated}
    assert orders == set(itertools.permutations(TESTS))  # new orders first, then any
    assert sum(spec.isolated for spec in detection) == 1
    assert detection[0].order == TESTS[::-1]
    hash_seeds = [spec.hash_seed for spec in detection if spec.hash_seed != BASELINE_HASH_SEED]
    assert len(set(hash_seeds)) == 4  # fresh interpreters: every fifth run, where it costs
    # Every clock setting is used; they reach decades ahead and behind, DST rules included.
    assert {(spec.tz, spec.clock_at) for spec in detection} == set(CLOCK_SETTINGS)
    years = [clock_of(spec).year for spec in detection]
    assert min(years) < 2000 and max(years) >= 2099
    assert any("," in spec.tz for spec in detection)  # a POSIX TZ with DST rules


def test_plan_is_replayable_from_its_seed():
    assert plan_runs(TESTS, 20, 99) == plan_runs(TESTS, 20, 99)
    assert plan_runs(TESTS, 20, 99) != plan_runs(TESTS, 20, 100)
    # The baseline runs before the test names are known, with the seeds the plan gives it.
    first = baseline_run(99)
    assert first.order == [] and first == plan_runs(TESTS, 20, 99)[0].model_copy(
        update={"order": []}
    )


def test_small_plans_and_single_test_suites():
    assert [spec.kind for spec in plan_runs(TESTS, 1, 3)] == [RunKind.BASELINE]
    single = plan_runs(["test_a"], 20, 3)
    assert len(single) == 20
    assert all(spec.order == ["test_a"] and not spec.isolated for spec in single)


# -- classifier --------------------------------------------------------------------------------


def test_stable_suites_need_no_attribution():
    specs = plan_runs(TESTS, 20, 1)

    def rule(spec: RunSpec, test: str) -> Outcome:
        return Outcome.FAIL if test == "test_c" else Outcome.PASS

    failure = Failure(
        digest="d", test="test_c", outcome=Outcome.FAIL, message="AssertionError: 3 != 4\nmore"
    )
    runs = matrix(specs, rule)
    assert attribution_runs(runs, TESTS, TIMEOUT, NOW) == []
    result = classify(runs, TESTS, TIMEOUT, [failure], {}, NOW)
    assert result["test_a"].classification is Classification.STABLE_PASS
    assert result["test_a"].cause is None
    assert result["test_c"].classification is Classification.STABLE_FAIL
    assert result["test_c"].cause == "fails in every run: AssertionError: 3 != 4"
    assert (result["test_c"].runs, result["test_c"].failures) == (19, 19)  # detection runs


def test_random_state_dependence_is_attributed_to_the_random_seed():
    def rule(spec: RunSpec, test: str) -> Outcome:
        return Outcome.FAIL if test == "test_b" and draw(spec, test, 0.3) else Outcome.PASS

    runs = detected(rule, seed=2)
    attribution = [run.spec for run in runs[20:]]
    reference = runs[0].results["test_b"].outcome.failed
    first_flip = next(
        run.spec.index for run in runs[1:20] if run.results["test_b"].outcome.failed != reference
    )
    # One-factor runs of the first flipped run, each on the baseline.
    factors = {spec.kind for spec in attribution if spec.attribution_of == first_flip}
    assert factors >= {RunKind.RANDOM_STATE, RunKind.CLOCK}
    random_alone = next(spec for spec in attribution if spec.kind is RunKind.RANDOM_STATE)
    assert random_alone.model_dump(exclude={"index", "kind", "random_seed", "attribution_of"}) == (
        runs[0].spec.model_dump(exclude={"index", "kind", "random_seed", "attribution_of"})
    )
    assert {spec.replay_of for spec in attribution if spec.kind is RunKind.REPLAY} == {
        0,
        first_flip,
        random_alone.index,
    }
    verdict = verdicts(runs)["test_b"]
    assert verdict.classification is Classification.NONDETERMINISTIC
    assert "with only the random seed changed" in verdict.cause
    assert f"confirmed by replaying run {random_alone.index}" in verdict.cause
    assert verdicts(runs)["test_a"].classification is Classification.STABLE_PASS
    # The rate shown beside the cause is the cause's own: the attribution runs, which replay
    # the failure, were counted too ("failed 8 of 27 runs" beside "fails in 5 of 19").
    failed = sum(run.results["test_b"].outcome.failed for run in runs[1:20])
    flipped = failed if not reference else 19 - failed
    verb = "passes" if reference else "fails"
    assert verdict.cause.startswith(f"{verb} in {flipped} of 19 detection runs")
    assert (verdict.failures, verdict.runs) == (failed, 19)
    # Evidence stored before counted every run: read back, it shows the same rate.
    stored = FlakyEvidence(
        task_id="Test/1",
        content_hash="c",
        detection_seed=2,
        runs_requested=20,
        timeout_s=TIMEOUT,
        tests=TESTS,
        runs=runs,
        verdicts={"test_b": verdict.model_copy(update={"runs": len(runs), "failures": 99})},
    )
    reread = FlakyEvidence.model_validate_json(stored.model_dump_json()).verdicts["test_b"]
    assert (reread.failures, reread.runs) == (failed, 19)


def test_a_replay_that_does_not_reproduce_means_nondeterministic():
    def rule(spec: RunSpec, test: str) -> Outcome:
        return Outcome.FAIL if test == "test_c" and spec.index == 3 else Outcome.PASS

    verdict = verdicts(detected(rule, seed=3))["test_c"]
    assert verdict.classification is Classification.NONDETERMINISTIC
    assert "a replay with the same order and seeds gave another outcome (run 3" in verdict.cause


def test_victim_of_a_polluting_test_is_order_dependent():
    def rule(spec: RunSpec, test: str) -> Outcome:
        polluted = (
            test == "test_a"
            and not spec.isolated
            and "test_c" in spec.order
            and spec.order.index("test_c") < spec.order.index("test_a")
        )
        return Outcome.FAIL if polluted else Outcome.PASS

    verdict = verdicts(detected(rule, seed=4))["test_a"]
    assert verdict.classification is Classification.ORDER_DEPENDENT
    assert "fails when run after test_c" in verdict.cause
    assert "passes when run alone" in verdict.cause
    assert "confirmed by replaying" in verdict.cause


def test_test_that_needs_another_to_run_first_is_order_dependent():
    def rule(spec: RunSpec, test: str) -> Outcome:
        if test != "test_b":
            return Outcome.PASS
        prepared = not spec.isolated and spec.order.index("test_a") < spec.order.index("test_b")
        return Outcome.PASS if prepared else Outcome.ERROR

    verdict = verdicts(detected(rule, seed=6))["test_b"]
    assert verdict.classification is Classification.ORDER_DEPENDENT
    assert "fails when run alone" in verdict.cause
    assert "passes only when run after test_a" in verdict.cause


def test_hash_seed_and_time_zone_dependence_are_environment_sensitive():
    def rule(spec: RunSpec, test: str) -> Outcome:
        if test == "test_a" and spec.hash_seed != BASELINE_HASH_SEED:
            return Outcome.FAIL
        if test == "test_b" and spec.tz != "UTC":
            return Outcome.FAIL
        return Outcome.PASS

    result = verdicts(detected(rule, seed=7))
    assert result["test_a"].classification is Classification.ENVIRONMENT_SENSITIVE
    assert "only the string hash seed changed (PYTHONHASHSEED=" in result["test_a"].cause
    assert result["test_b"].classification is Classification.ENVIRONMENT_SENSITIVE
    assert "clock shifted" in result["test_b"].cause and "TZ=" in result["test_b"].cause
    assert "depends on the time zone" in result["test_b"].cause
    assert result["test_c"].classification is Classification.STABLE_PASS


@pytest.mark.parametrize("seed", [8, 9, 10])
def test_a_time_bomb_is_found_and_dated_to_the_day(seed: int):
    def rule(spec: RunSpec, test: str) -> Outcome:
        day = clock_of(spec).date()
        bomb = test == "test_a" and not date(2025, 1, 1) <= day < date(2041, 1, 1)
        only_later = test == "test_b" and day >= date(2067, 3, 15)
        return Outcome.FAIL if bomb or only_later else Outcome.PASS

    runs = detected(rule, seed)
    result = verdicts(runs)
    assert result["test_a"].classification is Classification.ENVIRONMENT_SENSITIVE
    assert result["test_a"].cause.startswith(
        "depends on the current date: fails from 2041-01-01 and fails before 2025-01-01"
    )
    assert result["test_b"].cause.startswith("depends on the current date: fails from 2067-03-15")
    assert result["test_c"].classification is Classification.STABLE_PASS
    dates = [run.spec for run in runs if run.spec.kind is RunKind.DATE]
    assert all(spec.tz == "UTC" for spec in dates)
    assert len(dates) <= 3 * 18  # a halving per run: days over a century take 16


@pytest.mark.parametrize("seed", [8, 11])
def test_a_test_comparing_the_clock_with_the_machine_s_time_is_not_a_time_bomb(seed: int):
    """BigCodeBench/971 checks that a file's st_ctime (the kernel's clock, which the check
    cannot move) lies within a second of datetime.now(): it failed on every date but today,
    and was flagged 'fails from tomorrow and fails before today'. A test that only holds
    today (a date written in it) still is a time bomb."""

    def rule(spec: RunSpec, test: str) -> Outcome:
        moved = spec.clock_at is not None and abs(spec.clock_at - NOW) > timedelta(seconds=1)
        machine_time = test == "test_a" and moved
        only_today = test == "test_b" and clock_of(spec).date() != NOW.date()
        return Outcome.FAIL if machine_time or only_today else Outcome.PASS

    result = verdicts(detected(rule, seed))
    assert result["test_a"].classification is Classification.STABLE_PASS
    assert "even by an hour on the same day" in result["test_a"].cause
    assert "not flaky on a real clock" in result["test_a"].cause
    assert result["test_b"].classification is Classification.ENVIRONMENT_SENSITIVE
    assert result["test_b"].cause.startswith(
        "depends on the current date: fails from 2026-12-01 and fails before 2026-11-30"
    )


def test_a_flip_no_single_factor_brings_back_is_said_to_be_unknown():
    def rule(spec: RunSpec, test: str) -> Outcome:
        together = spec.order != TESTS and spec.hash_seed != BASELINE_HASH_SEED
        return Outcome.FAIL if test == "test_a" and together else Outcome.PASS

    verdict = verdicts(detected(rule, seed=12))["test_a"]
    assert verdict.classification is Classification.NONDETERMINISTIC
    assert "cause unknown" in verdict.cause and "act together" in verdict.cause


def test_timing_near_the_limit_and_timeouts():
    specs = plan_runs(TESTS, 10, 9)
    slow = matrix(specs, passes, duration=TIMING_FRACTION * TIMEOUT + 0.1)
    assert verdicts(slow)["test_a"].classification is Classification.TIMING
    assert verdicts(matrix(specs, passes, duration=0.2))["test_a"].classification is (
        Classification.STABLE_PASS
    )

    def sometimes_times_out(spec: RunSpec, test: str) -> Outcome:
        return Outcome.TIMEOUT if spec.index == 3 else Outcome.PASS

    verdict = verdicts(matrix(specs, sometimes_times_out))["test_a"]
    assert verdict.classification is Classification.TIMING and "timed out" in verdict.cause

    def always_times_out(spec: RunSpec, test: str) -> Outcome:
        return Outcome.TIMEOUT

    verdict = verdicts(matrix(specs, always_times_out))["test_a"]
    assert verdict.classification is Classification.STABLE_FAIL


def test_tests_that_never_ran_and_causes_from_hints_and_failures():
    def rule(spec: RunSpec, test: str) -> Outcome:
        return Outcome.FAIL if draw(spec, "any", 0.5) else Outcome.PASS

    runs = detected(rule, seed=10)
    for run in runs:
        run.results.pop("test_c", None)
    hints = task_hints("import random\ndef task_func():\n    return random.random()\n", "")
    failures = [
        Failure(digest="d1", test="test_a", outcome=Outcome.FAIL, message="AssertionError: 1"),
        Failure(digest="d2", test="test_a", outcome=Outcome.ERROR, message="KeyError: 'x'"),
    ]
    # BigCodeBench/589 named one hint twice; a test's own hint reads "a test ...", not "tests".
    tests_hints = task_hints(
        "", "import time\nclass T:\n    def test_a(self):\n        time.time()\n"
    )
    twice = hints + hints + tests_hints
    result = classify(runs, TESTS, TIMEOUT, failures, {"test_a": twice, "test_b": []}, NOW)
    assert result["test_a"].classification is Classification.NONDETERMINISTIC
    assert "2 different failures across runs" in result["test_a"].cause
    assert "solution uses random without a seed (random.random(), line 3)" in result["test_a"].cause
    assert result["test_a"].cause.count("solution uses random without a seed") == 1
    assert "solution uses random" not in result["test_b"].cause
    assert result["test_c"].classification is Classification.STABLE_FAIL
    assert "never ran" in result["test_c"].cause and result["test_c"].runs == 0


# -- traceback digests -------------------------------------------------------------------------

TRACEBACK = """Traceback (most recent call last):
  File "/tmp/run-{run}/tests.py", line {line}, in test_order
    self.assertEqual(task_func("b a"), ["a", "b"])
  File "/usr/lib/python3.11/unittest/case.py", line 873, in assertEqual
    assertion_func(first, second, msg=msg)
AssertionError: Lists differ: {value} != ['a', 'b']

- ['b', 'a']
+ ['a', 'b']
"""


def test_coverage_variation_compares_runs_with_the_baselines_outcomes():
    """A run where a test failed covers less for a reason the verdicts give: it is left out,
    as are runs without coverage; a line reached by a listed branch is not named twice."""
    specs = plan_runs(TESTS, 6, detection_seed=3)
    runs = matrix(specs, lambda spec, test: Outcome.FAIL if spec.index == 5 else Outcome.PASS)
    full = RunCoverage(branch_coverage=100.0, line_coverage=100.0)
    for run in runs:
        run.coverage = full
    evidence = FlakyEvidence(
        task_id="T/1", content_hash="h", detection_seed=3, runs_requested=6,
        timeout_s=TIMEOUT, tests=TESTS, runs=runs,
    )  # fmt: skip
    runs[5].coverage = RunCoverage(
        branch_coverage=50.0, line_coverage=80.0, missed_lines=[9], missed_branches=[(8, 9)]
    )
    assert evidence.coverage_variation() is None  # only the failing run differs
    runs[3].coverage = runs[5].coverage
    runs[4].coverage = None
    runs[2].coverage = RunCoverage(
        branch_coverage=75.0, line_coverage=90.0, missed_lines=[9, 12], missed_branches=[(8, 9)]
    )
    variation = evidence.coverage_variation()
    assert variation is not None
    assert variation.runs == 4 and variation.branch_coverage == (50.0, 100.0)
    assert variation.branches == {(8, 9): 2} and variation.lines == {9: 2, 12: 1}
    assert variation.note().startswith("coverage varies between runs (50.00% to 100.00% of")
    assert variation.note().endswith(
        "reached by chance only: branch 8→9 (missed in 2), line 12 (missed in 1)"
    )
    for run in runs[1:]:
        run.coverage = runs[2].coverage
    assert evidence.coverage_variation() is not None  # the baseline alone reached them
    runs[0].coverage = runs[2].coverage
    assert evidence.coverage_variation() is None  # missed in every run: not luck


def test_the_coverage_view_marks_what_the_runs_reached_by_chance():
    """Lines this validation ran, whose branch or themselves some flaky-check runs missed,
    get ≈ and the count, as do those it missed (luck explains the miss); without the flaky
    check's variation, ✗ and ◐ as before."""
    program = "def f(x):\n    if x:\n        return 1\n    return 2\n"
    report = ValidationReport.model_construct(
        branch_coverage=100.0, line_coverage=100.0, missed_lines=[], missed_branches=[]
    )
    chance = CoverageVariation(runs=10, branch_coverage=(50.0, 100.0), lines={3: 4, 4: 1},
                               branches={(2, 3): 4})  # fmt: skip
    shown = coverage_text(program, report, chance=chance).plain.splitlines()
    assert shown[0].endswith("· ≈ 2 reached by chance in the flaky check")
    assert shown[3] == "≈    2     if x:   ≈ by chance: branch to 3 missed in 4 of 10 runs"
    assert shown[4] == "≈    3         return 1   ≈ by chance: missed in 4 of 10 runs"
    assert shown[5] == "≈    4     return 2   ≈ by chance: missed in 1 of 10 runs"
    assert "≈" not in coverage_text(program, report).plain
    missed = report.model_copy(update={"missed_lines": [3], "missed_branches": [(2, 3)]})
    shown = coverage_text(program, missed, chance=chance).plain.splitlines()
    assert shown[3] == (  # luck explains the miss
        "≈    2     if x:   ← branch to 3 never taken   ≈ by chance: branch to 3 missed in 4 of "
        "10 runs"
    )
    assert shown[4] == "≈    3         return 1   ≈ by chance: missed in 4 of 10 runs"
    assert coverage_text(program, missed).plain.splitlines()[4] == "✗    3         return 1"


def test_failure_digest_ignores_values_and_paths_but_not_places():
    first = TRACEBACK.format(run=1, line=5, value="['b', 'a']")
    same_place = TRACEBACK.format(run=2, line=5, value="['c', 'a']")
    elsewhere = TRACEBACK.format(run=1, line=9, value="['b', 'a']")
    assert exception_type(first) == "AssertionError"
    assert failure_digest("fail", first) == failure_digest("fail", same_place)
    assert failure_digest("fail", first) != failure_digest("fail", elsewhere)
    assert failure_digest("fail", first) != failure_digest("error", first)
    assert failure_digest("timeout", "", "") == failure_digest("timeout", "", "")


def test_failure_diff_shows_where_two_failures_part():
    first = Failure(
        digest="a", test="t", outcome=Outcome.FAIL, runs=[1, 4],
        traceback=TRACEBACK.format(run=1, line=5, value="x"),
    )  # fmt: skip
    second = Failure(
        digest="b", test="t", outcome=Outcome.FAIL, runs=[7],
        traceback=TRACEBACK.format(run=1, line=9, value="x"),
    )  # fmt: skip
    diff = failure_diff(first, second)
    assert "failure a (runs 1, 4)" in diff and "failure b (runs 7)" in diff
    assert '-  File "/tmp/run-1/tests.py", line 5' in diff
    assert '+  File "/tmp/run-1/tests.py", line 9' in diff


# -- static hints ------------------------------------------------------------------------------


def kinds(source: str) -> set[HintKind]:
    return {hint.kind for hint in code_hints(source, "solution")}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import time\nx = time.time()\n", {HintKind.CLOCK}),
        ("from datetime import date\nx = date.today()\n", {HintKind.CLOCK}),
        ("import datetime\nx = datetime.datetime.now()\n", {HintKind.CLOCK}),
        ("import time\nx = time.strftime('%Y', (2020,) * 9)\n", set()),
        ("import random\nx = random.choice([1, 2])\n", {HintKind.RANDOM}),
        ("import random\nrandom.seed(1)\nx = random.choice([1, 2])\n", set()),
        ("import numpy as np\nx = np.random.rand(3)\n", {HintKind.RANDOM}),
        ("import numpy as np\nx = np.random.default_rng(0).random()\n", set()),
        ("x = list(set('abc'))\n", {HintKind.SET_ORDER}),
        ("s = {'a', 'b'}\nfor c in s:\n    print(c)\n", {HintKind.SET_ORDER}),
        ("x = [c for c in set('ab') | set('cd')]\n", {HintKind.SET_ORDER}),
        ("x = sorted(set('abc'))\n", set()),
        ("x = ', '.join(set(['a', 'b']))\n", {HintKind.SET_ORDER}),
        ("import requests\n", {HintKind.NETWORK}),
        ("from urllib.request import urlopen\n", {HintKind.NETWORK}),
        ("import socket\n", {HintKind.NETWORK}),
        ("_SEEN = []\ndef f(x):\n    _SEEN.append(x)\n", {HintKind.SHARED_STATE}),
        ("_SEEN = {}\ndef f(x):\n    _SEEN[x] = 1\n", {HintKind.SHARED_STATE}),
        ("class T:\n    cache = {}\n", {HintKind.SHARED_STATE}),
        ("def f(:\n", set()),
    ],
)
def test_code_hints(source: str, expected: set[HintKind]):
    assert kinds(source) == expected


def test_hints_for_a_test_skip_other_test_methods():
    tests = (
        "import unittest, time\n"
        "class TestCases(unittest.TestCase):\n"
        "    def setUp(self):\n"
        "        self.t = time.time()\n"
        "    def test_one(self):\n"
        "        self.assertTrue(time.time())\n"
        "    def test_two(self):\n"
        "        self.assertTrue(True)\n"
    )
    hints = task_hints("import random\ndef f():\n    return random.random()\n", tests)
    one = {(hint.where, hint.line) for hint in hints_for_test(hints, tests, "test_one")}
    two = {(hint.where, hint.line) for hint in hints_for_test(hints, tests, "test_two")}
    assert one == {("solution", 3), ("tests", 4), ("tests", 6)}
    assert two == {("solution", 3), ("tests", 4)}


# -- flags -------------------------------------------------------------------------------------


def evidence(content_hash: str, classes: dict[str, Classification]) -> FlakyEvidence:
    return FlakyEvidence(
        task_id="Test/1",
        content_hash=content_hash,
        detection_seed=42,
        runs_requested=20,
        timeout_s=TIMEOUT,
        tests=list(classes),
        verdicts={
            name: FlakyVerdict(classification=value, cause="because", runs=20, failures=3)
            for name, value in classes.items()
        },
    )


FLAKY = Classification.NONDETERMINISTIC
CLEAN = Classification.STABLE_PASS


def test_flag_opens_and_closes_only_when_a_changed_task_runs_clean():
    task = Task(task_id="Test/1")
    first = evidence("aaa", {"test_a": FLAKY, "test_b": CLEAN})
    changes = update_flags(task, first, None, "ann")
    assert [(change.test, change.status) for change in changes] == [("test_a", FlagStatus.OPEN)]
    flag = task.flags[0]
    assert (flag.test, flag.classification, flag.cause) == ("test_a", "nondeterministic", "because")
    assert flag.history[0].who == "ann" and "detection seed 42" in flag.history[0].why

    clean_same_code = evidence("aaa", {"test_a": CLEAN, "test_b": CLEAN})
    update_flags(task, clean_same_code, first, "ann")
    assert flag.status is FlagStatus.OPEN  # unchanged code: the flakiness just did not show

    apply_action(task, "test_a", FlagAction.CONFIRM, "maintainer", "seen it fail in CI")
    still_failing_stably = evidence("bbb", {"test_a": Classification.STABLE_FAIL, "test_b": CLEAN})
    update_flags(task, still_failing_stably, clean_same_code, "ann")
    assert flag.status is FlagStatus.CONFIRMED

    clean_after_fix = evidence("ccc", {"test_a": CLEAN, "test_b": CLEAN})
    changes = update_flags(task, clean_after_fix, still_failing_stably, "ann")
    assert flag.status is FlagStatus.FIXED
    assert [event.status for event in flag.history] == [
        FlagStatus.OPEN,
        FlagStatus.CONFIRMED,
        FlagStatus.FIXED,
    ]
    assert flag.history[1].who == "maintainer" and flag.history[1].why == "seen it fail in CI"

    flaky_again = evidence("ddd", {"test_a": Classification.ORDER_DEPENDENT, "test_b": CLEAN})
    changes = update_flags(task, flaky_again, clean_after_fix, "ann")
    assert flag.status is FlagStatus.OPEN and flag.classification == "order-dependent"
    assert "flaky again" in changes[0].note and len(task.flags) == 1


def test_a_timing_flag_closes_when_the_test_runs_clean_under_a_longer_limit():
    """A BigCodeBench bank's 240 s: a check under 60 s found its socket tests too slow."""
    task = Task(task_id="Test/1")
    short = evidence("aaa", {"test_slow": Classification.TIMING, "test_odd": FLAKY})
    update_flags(task, short, None, "ann")
    longer = evidence("aaa", {"test_slow": CLEAN, "test_odd": CLEAN}).model_copy(
        update={"timeout_s": 240.0}
    )
    changes = {change.test: change for change in update_flags(task, longer, short, "ann")}
    by_test = {flag.test: flag for flag in task.flags}
    assert by_test["test_slow"].status is FlagStatus.FIXED
    assert changes["test_slow"].note == f"clean under the 240 s limit (found under {TIMEOUT:g} s)"
    # A limit says nothing of a nondeterministic test: it may just not have shown.
    assert by_test["test_odd"].status is FlagStatus.OPEN
    shorter_again = evidence("aaa", {"test_slow": CLEAN, "test_odd": CLEAN})
    update_flags(task, shorter_again, longer, "ann")
    assert by_test["test_odd"].status is FlagStatus.OPEN


def test_flag_of_a_removed_test_closes_and_dismissed_flags_stay_dismissed():
    task = Task(task_id="Test/1")
    first = evidence("aaa", {"test_a": FLAKY, "test_b": FLAKY})
    update_flags(task, first, None, "ann")
    apply_action(task, "test_b", FlagAction.DISMISS, "maintainer", "harmless")
    second = evidence("bbb", {"test_b": FLAKY})
    update_flags(task, second, first, "ann")
    by_test = {flag.test: flag for flag in task.flags}
    assert by_test["test_a"].status is FlagStatus.FIXED
    assert "gone from the suite" in by_test["test_a"].history[-1].why
    assert by_test["test_b"].status is FlagStatus.DISMISSED


def test_flag_transitions_that_are_not_allowed():
    task = Task(task_id="Test/1")
    update_flags(task, evidence("aaa", {"test_a": FLAKY}), None, "ann")
    with pytest.raises(FlagError, match="cannot reopen a flag that is open"):
        apply_action(task, "test_a", FlagAction.REOPEN, "m", "why")
    with pytest.raises(FlagError, match="no flag on test 'test_z'"):
        apply_action(task, "test_z", FlagAction.CONFIRM, "m", "why")
    with pytest.raises(FlagError, match="reason"):
        apply_action(task, "test_a", FlagAction.CONFIRM, "m", "  ")
    apply_action(task, "test_a", FlagAction.DISMISS, "m", "not a problem")
    with pytest.raises(FlagError, match="cannot confirm a flag that is dismissed"):
        apply_action(task, "test_a", FlagAction.CONFIRM, "m", "why")
    apply_action(task, "test_a", FlagAction.REOPEN, "m", "it is a problem after all")
    assert task.flags[0].status is FlagStatus.OPEN
    assert [event.status for event in task.flags[0].history] == [
        FlagStatus.OPEN,
        FlagStatus.DISMISSED,
        FlagStatus.OPEN,
    ]


def test_a_weaker_check_of_the_same_content_keeps_the_stored_one(bank):
    """`flaky --runs 3` replaced an accepted task's 20-run check (its commit was then refused
    for too few runs); a weaker check that finds a flaky test the stored one did not, or one
    of other content, is stored."""
    task = make_task("Test/1")
    with bank.lock():
        bank.add_all([task])
    stored = evidence(task.content_hash(), {"test_counts": CLEAN, "test_bad_top": CLEAN})
    record_detection(bank, stored, "ann")
    quick = stored.model_copy(update={"runs_requested": 3, "detection_seed": 7})
    with pytest.raises(
        StoredCheckKept,
        match=r"kept the stored flaky check of this content \(20 runs\); this one made 3",
    ):
        record_detection(bank, quick, "ann")
    assert read_evidence(bank, "Test/1") == stored
    finding = evidence(task.content_hash(), {"test_counts": FLAKY, "test_bad_top": CLEAN})
    finding = finding.model_copy(update={"runs_requested": 3})
    assert record_detection(bank, finding, "ann")  # a new flaky test: stored, flag opened
    assert read_evidence(bank, "Test/1") == finding
    more = evidence(task.content_hash(), {"test_counts": FLAKY, "test_bad_top": CLEAN})
    more = more.model_copy(update={"runs_requested": 50})
    record_detection(bank, more, "ann")
    assert read_evidence(bank, "Test/1") == more


def test_record_detection_stores_evidence_and_flags_and_refuses_stale_evidence(bank):
    task = make_task("Test/1")
    with bank.lock():
        bank.add_all([task])
    found = evidence(task.content_hash(), {"test_counts": FLAKY, "test_bad_top": CLEAN})
    changes = record_detection(bank, found, "ann")
    assert [(change.test, change.status) for change in changes] == [
        ("test_counts", FlagStatus.OPEN)
    ]
    assert read_evidence(bank, "Test/1") == found
    assert [flag.test for flag in bank.load("Test/1").flags] == ["test_counts"]

    stale = evidence("0000", {"test_counts": CLEAN, "test_bad_top": CLEAN})
    with pytest.raises(FlagError, match="the task changed while its flaky runs went on"):
        record_detection(bank, stale, "ann")
    assert read_evidence(bank, "Test/1") == found
    assert bank.load("Test/1").flags[0].status is FlagStatus.OPEN


@pytest.mark.parametrize("name_length", [32, 40, 46])
def test_the_flag_column_keeps_a_status_whole_at_80_columns(name_length):
    """With a long test name and "nondeterministic", the flag column wrapped "sent" / "back"
    (or cut it to "s"); a name longer than what is left folds instead."""
    name = "test_first_team_is_random_sample_of_the_league"[:name_length]
    evidence = FlakyEvidence(
        task_id="Demo/6", content_hash="x", detection_seed=5, runs_requested=6, timeout_s=60,
        tests=[name], verdicts={
            name: FlakyVerdict(classification=Classification.NONDETERMINISTIC, runs=5, failures=2)
        },
    )  # fmt: skip
    out = Console(file=io.StringIO(), width=80, no_color=True)
    print_evidence(CliContext(bank_path=Path("."), out=out), evidence, {name: "sent back"})
    lines = out.file.getvalue().splitlines()
    assert all(len(line) <= 80 for line in lines), lines
    [row] = [line for line in lines if "nondeterministic" in line]
    assert "│ sent back │" in row and row.startswith(f"│ {name[:32]}"), lines
