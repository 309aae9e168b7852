"""Classification: a pure function from the run matrix to a verdict and likely cause per test.

Detection runs vary everything at once, so a flip in one says only that the test is flaky.
Attribution says why: the flipped run's differences from the baseline are tried one at a time,
and the one that brings the flip back is the cause. A classification other than
nondeterministic rests on replays: the baseline, the flipped run and the deciding one-factor
run must each give the same outcome again, or the test is nondeterministic after all.
`attribution_runs` asks for the runs a judgement still lacks.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from curator.flaky.evidence import (
    Cell,
    Classification,
    Failure,
    FlakyVerdict,
    RunKind,
    RunRecord,
    RunSpec,
    detection_counts,
)
from curator.flaky.hints import Hint, HintKind

# A test that takes half the time limit on this machine can exceed it on one twice as slow.
TIMING_FRACTION = 0.5

ORDER_KINDS = {RunKind.REVERSED, RunKind.SHUFFLED, RunKind.ISOLATED}
RELEVANT_HINTS = {
    Classification.NONDETERMINISTIC: {HintKind.RANDOM, HintKind.CLOCK, HintKind.NETWORK},
    Classification.ORDER_DEPENDENT: {HintKind.SHARED_STATE},
    Classification.TIMING: {HintKind.NETWORK},
    Classification.STABLE_FAIL: {HintKind.NETWORK, HintKind.CLOCK},
}
ENVIRONMENT_HINTS = {RunKind.HASH_SEED: {HintKind.SET_ORDER}, RunKind.CLOCK: {HintKind.CLOCK}}

_FRAME = re.compile(r'File "([^"]*)", line (\d+), in (\S+)')


def failure_digest(outcome: str, traceback: str, message: str = "") -> str:
    """Identify a failure by where it happened and what was raised, not by the values involved,
    so the same assertion failing with other random numbers counts as the same failure."""
    frames = [
        f"{path.rsplit('/', 1)[-1]}:{line}:{function}"
        for path, line, function in _FRAME.findall(traceback)
    ]
    payload = "\n".join([outcome, exception_type(traceback) or message.split(":", 1)[0], *frames])
    return hashlib.sha256(payload.encode()).hexdigest()[:12]


def exception_type(traceback: str) -> str:
    """The exception's type: the first unindented line after the last frame, up to a colon
    (the message after it may run over many lines, some unindented, as assertEqual's diffs do)."""
    lines = traceback.splitlines()
    frames = [index for index, line in enumerate(lines) if _FRAME.search(line)]
    for line in lines[frames[-1] + 1 if frames else 0 :]:
        if line and not line[0].isspace() and not line.startswith("Traceback"):
            return line.split(":", 1)[0].strip()
    return ""


@dataclass
class Judgement:
    classification: Classification
    reasons: list[str] = field(default_factory=list)
    hint_kinds: set[HintKind] = field(default_factory=set)
    needs: list[RunSpec] = field(default_factory=list)  # attribution runs still to run


def _cells(runs: list[RunRecord], test: str) -> list[tuple[RunSpec, Cell]]:
    return [(run.spec, run.results[test]) for run in runs if test in run.results]


def _describe_runs(specs: list[RunSpec], limit: int = 4) -> str:
    listed = ", ".join(str(spec.index) for spec in specs[:limit])
    return listed + (f" and {len(specs) - limit} more" if len(specs) > limit else "")


def judge(test: str, runs: list[RunRecord], timeout_s: float, now: datetime) -> Judgement:
    """The verdict on one test from the runs so far, and the attribution runs it still needs.
    `now`: when the detection ran (the real clock that the baseline saw)."""
    cells = _cells(runs, test)
    if not cells:
        statuses = sorted({run.status for run in runs})
        return Judgement(Classification.STABLE_FAIL, [f"never ran (suite: {', '.join(statuses)})"])
    timeouts = [spec for spec, cell in cells if cell.outcome == "timeout"]
    slowest = max(cell.duration_s for _, cell in cells)
    if len(timeouts) == len(cells):
        return Judgement(Classification.STABLE_FAIL, ["exceeds the time limit in every run"])
    if timeouts or slowest >= TIMING_FRACTION * timeout_s:
        reason = f"takes up to {slowest:.2f} s of the {timeout_s:g} s limit"
        if timeouts:
            reason += f"; timed out in run(s) {_describe_runs(timeouts)}"
        return Judgement(Classification.TIMING, [reason])
    failed = [cell.outcome.failed for _, cell in cells]
    if not any(failed):
        return Judgement(Classification.STABLE_PASS)
    if all(failed):
        return Judgement(Classification.STABLE_FAIL)
    return _Attribution(test, runs, now).judge()


NONDETERMINISTIC_HINTS = RELEVANT_HINTS[Classification.NONDETERMINISTIC]
RecordOrNone = RunRecord | None


class _Attribution:
    """Detect, then attribute: the first detection run in which the test flipped is taken
    apart one factor at a time (each factor of it alone on the baseline), replays tell
    factors from chance, and a clock-driven flip is bisected down to the day it starts."""

    def __init__(self, test: str, runs: list[RunRecord], now: datetime) -> None:
        self.test = test
        self.runs = runs
        self.now = now
        self.by_key = {_key(run.spec): run for run in runs}
        originals = [run for run in runs if run.spec.kind is not RunKind.REPLAY]
        baselines = [run for run in originals if run.spec.kind is RunKind.BASELINE]
        self.baseline = baselines[0].spec if baselines else None
        if baselines and test in baselines[0].results:
            self.reference = baselines[0].results[test].outcome.failed
        else:
            self.reference = Counter(
                run.results[test].outcome.failed for run in originals if test in run.results
            ).most_common(1)[0][0]
        self.detection = [
            run for run in originals if run.spec.kind is RunKind.DETECTION and test in run.results
        ]
        self.flipped = [run for run in self.detection if self._flipped(run)]
        self.verb = "passes" if self.reference else "fails"
        self.originals = [(run.spec, run.results[test]) for run in originals if test in run.results]

    def _flipped(self, run: RecordOrNone) -> bool | None:
        """Whether the test's outcome in `run` differs from the baseline's; None: not run."""
        if run is None or self.test not in run.results:
            return None
        return run.results[self.test].outcome.failed != self.reference

    def _find(self, spec: RunSpec) -> RecordOrNone:
        return self.by_key.get(_key(spec))

    def judge(self) -> Judgement:
        if not self.flipped or self.baseline is None:
            return Judgement(
                Classification.NONDETERMINISTIC,
                ["outcome changed between runs"],
                hint_kinds=NONDETERMINISTIC_HINTS,
            )
        first = self.flipped[0]
        counted = f"{self.verb} in {len(self.flipped)} of {len(self.detection)} detection runs"
        stage = [self.baseline.replay(-1), first.spec.replay(-1)]
        stage += factor_runs(self.baseline, first.spec)
        needs = [spec for spec in stage if self._find(spec) is None]
        if needs:
            return self._pending(needs)
        unreproduced = self._unreproduced([self.baseline, first.spec])
        if unreproduced:
            return unreproduced
        factors = [self._find(spec) for spec in stage[2:]]
        reproducing = [run.spec for run in factors if run and self._flipped(run)]
        if not reproducing:
            varied = ", ".join(FACTOR_NAMES[spec.kind] for spec in stage[2:])
            return Judgement(
                Classification.NONDETERMINISTIC,
                [
                    counted,
                    f"cause unknown: run {first.spec.index}'s outcome came back in a replay but "
                    f"with none of its differences ({varied}) alone: they act together",
                ],
                hint_kinds=NONDETERMINISTIC_HINTS,
            )
        decisive = min(reproducing, key=lambda spec: FACTOR_PRIORITY.index(spec.kind))
        replay = decisive.replay(-1)
        clock_needs = self._date_needs() if decisive.kind is RunKind.CLOCK else []
        needs = [replay] if self._find(replay) is None else []
        if needs or clock_needs:
            return self._pending(needs + clock_needs)
        unreproduced = self._unreproduced([decisive])
        if unreproduced:
            return unreproduced
        if decisive.kind is RunKind.CLOCK and self._flips_with_any_date():
            near = self._date_run(self._sides()[0], self._same_day_shift())
            found = self._find(near)
            if found is None:
                return self._pending([near])
            if self._flipped(found):
                return self._machine_time(found.spec)
        confirmed = f"confirmed by replaying run {decisive.index}"
        others = sorted(
            {FACTOR_NAMES[spec.kind] for spec in reproducing} - {FACTOR_NAMES[decisive.kind]}
        )
        also = [f"also changes with the {', '.join(others)} alone"] if others else []
        if decisive.kind is RunKind.RANDOM_STATE:
            alone = (
                f"{self.verb} with only the random seed changed "
                f"(random seed {decisive.random_seed}, run {decisive.index})"
            )
            return Judgement(
                Classification.NONDETERMINISTIC,
                [counted, alone, *also, confirmed],
                hint_kinds=NONDETERMINISTIC_HINTS,
            )
        if decisive.kind in ORDER_KINDS:
            reasons = _order_reasons(self.test, self.originals, self.reference)
            return Judgement(
                Classification.ORDER_DEPENDENT,
                [*reasons, *also, confirmed],
                hint_kinds=RELEVANT_HINTS[Classification.ORDER_DEPENDENT],
            )
        if decisive.kind is RunKind.HASH_SEED:
            alone = (
                f"{self.verb} with only the string hash seed changed "
                f"(PYTHONHASHSEED={decisive.hash_seed}, run {decisive.index})"
            )
            reasons = [counted, alone]
        else:
            reasons = [self._clock_cause(decisive)]
        return Judgement(
            Classification.ENVIRONMENT_SENSITIVE,
            [*reasons, *also, confirmed],
            hint_kinds=ENVIRONMENT_HINTS[decisive.kind],
        )

    def _pending(self, needs: list[RunSpec]) -> Judgement:
        return Judgement(
            Classification.NONDETERMINISTIC,
            ["attribution not finished"],
            hint_kinds=NONDETERMINISTIC_HINTS,
            needs=needs,
        )

    def _unreproduced(self, specs: list[RunSpec]) -> Judgement | None:
        for spec in specs:
            replay = self._find(spec.replay(-1))
            original = self._find(spec)
            outcomes = {self._flipped(original), self._flipped(replay)}
            if replay is not None and None not in outcomes and len(outcomes) == 2:
                return Judgement(
                    Classification.NONDETERMINISTIC,
                    [
                        f"a replay with the same order and seeds gave another outcome "
                        f"(run {spec.index}, replayed in run {replay.spec.index})"
                    ],
                    hint_kinds=NONDETERMINISTIC_HINTS,
                )
        return None

    # -- the clock: which date, or which time zone ---------------------------------------

    def _sides(self) -> list[RunSpec]:
        """Per direction (ahead of `now`, behind it), the flipped detection run whose clock
        is nearest to now: where a date boundary, if any, is bracketed most tightly."""
        sides = []
        for ahead in (True, False):
            shifted = [
                run.spec
                for run in self.flipped
                if run.spec.clock_at is not None and (run.spec.clock_at > self.now) is ahead
            ]
            if shifted:
                sides.append(min(shifted, key=lambda spec: abs(_at(spec) - self.now)))
        return sides

    def _date_points(self, side: RunSpec) -> list[tuple[datetime, bool]]:
        """(clock, flipped) of the date runs on one side so far."""
        points = []
        for run in self.runs:
            if run.spec.kind is RunKind.DATE and run.spec.attribution_of == side.index:
                flipped = self._flipped(run)
                if flipped is not None:
                    points.append((_at(run.spec), flipped))
        return points

    def _bracket(self, side: RunSpec) -> tuple[datetime, datetime] | None:
        """The last clock that keeps the baseline outcome and the first that flips, walking
        from now towards the side's run; None if the side's own date in UTC does not flip."""
        points = self._date_points(side)
        if not any(flipped for at, flipped in points if at == _at(side)):
            return None

        def distance(at: datetime) -> timedelta:
            return abs(at - self.now)

        first_flip = min((at for at, flipped in points if flipped), key=distance)
        kept = [self.now] + [at for at, flipped in points if not flipped]
        closer = [at for at in kept if distance(at) < distance(first_flip)]
        return max(closer, key=distance), first_flip

    def _date_needs(self) -> list[RunSpec]:
        needs = []
        for side in self._sides():
            first = self._date_run(side, _at(side))
            if self._find(first) is None:
                needs.append(first)
                continue
            bracket = self._bracket(side)
            if bracket is None:
                continue
            kept, flipped = bracket
            middle = kept + (flipped - kept) / 2
            middle = middle.replace(hour=12, minute=0, second=0, microsecond=0)
            step = self._date_run(side, middle)
            # A date run the test did not run in (the run ended early) ends the halving.
            if middle.date() not in (kept.date(), flipped.date()) and self._find(step) is None:
                needs.append(step)
        return needs

    def _flips_with_any_date(self) -> bool:
        """The test flips at the first day the clock moves, on every side it was moved to."""
        brackets = [self._bracket(side) for side in self._sides()]
        found = [bracket for bracket in brackets if bracket is not None]
        return bool(found) and all(kept == self.now for kept, _ in found)

    def _same_day_shift(self) -> datetime:
        """The clock an hour from now, on the same day in UTC."""
        later = self.now + SAME_DAY_SHIFT
        return later if later.date() == self.now.date() else self.now - SAME_DAY_SHIFT

    def _machine_time(self, near: RunSpec) -> Judgement:
        """A test that flips even with the clock an hour off on the same day compares the clock
        with the machine's own time (file times, other programs), which the check cannot move
        with it: on a real clock it keeps its outcome (BigCodeBench/971 checks that a file's
        `st_ctime` lies within a second of `datetime.now()`)."""
        return Judgement(
            Classification.STABLE_FAIL if self.reference else Classification.STABLE_PASS,
            [
                f"{self.verb} whenever the check moves the clock, even by an hour on the same day "
                f"(run {near.index}): the test compares the clock with the machine's own time "
                "(file times, other programs), which the check cannot move with it; not flaky "
                "on a real clock"
            ],
        )

    def _date_run(self, side: RunSpec, at: datetime) -> RunSpec:
        """The baseline with only the clock moved to `at`, in UTC, up to the test."""
        assert self.baseline is not None
        order = self.baseline.order
        if self.test in order:
            order = order[: order.index(self.test) + 1]
        return self.baseline.model_copy(
            update={
                "index": -1,
                "kind": RunKind.DATE,
                "order": order,
                "tz": "UTC",
                "clock_at": at,
                "attribution_of": side.index,
            }
        )

    def _clock_cause(self, decisive: RunSpec) -> str:
        boundaries = []
        for side in self._sides():
            bracket = self._bracket(side)
            if bracket is None:
                continue
            kept, flipped = bracket
            if flipped > kept:
                boundaries.append(f"{self.verb} from {flipped:%Y-%m-%d}")
            else:
                boundaries.append(f"{self.verb} before {kept:%Y-%m-%d}")
        if boundaries:
            return f"depends on the current date: {' and '.join(boundaries)}"
        return (
            f"{self.verb} with the clock shifted (clock at {_at(decisive):%Y-%m-%d %H:%M} UTC, "
            f"TZ={decisive.tz}, run {decisive.index}) but not at the same instant in UTC: "
            f"depends on the time zone"
        )


SAME_DAY_SHIFT = timedelta(hours=1)
"""How far a last run moves the clock, within the day, for a test that flips on any date."""

FACTOR_PRIORITY = (
    RunKind.RANDOM_STATE,
    RunKind.ISOLATED,
    RunKind.REVERSED,
    RunKind.SHUFFLED,
    RunKind.HASH_SEED,
    RunKind.CLOCK,
)
FACTOR_NAMES = {
    RunKind.RANDOM_STATE: "random seed",
    RunKind.ISOLATED: "test order",
    RunKind.REVERSED: "test order",
    RunKind.SHUFFLED: "test order",
    RunKind.HASH_SEED: "hash seed",
    RunKind.CLOCK: "clock and time zone",
}


def _at(spec: RunSpec) -> datetime:
    assert spec.clock_at is not None
    return spec.clock_at


def _key(spec: RunSpec) -> tuple[object, ...]:
    """What makes an attribution run the one a judgement asks for, whatever its index."""
    if spec.kind is RunKind.REPLAY:
        return (spec.kind, spec.replay_of)
    if spec.kind is RunKind.DATE:
        return (spec.kind, spec.attribution_of, spec.clock_at)
    if spec.attribution_of is not None:
        return (spec.kind, spec.attribution_of)
    return (spec.kind, spec.index)


def factor_runs(baseline: RunSpec, flipped: RunSpec) -> list[RunSpec]:
    """The baseline with one of `flipped`'s differences from it at a time."""
    runs = []

    def one(kind: RunKind, **update: object) -> None:
        update.update(index=-1, kind=kind, attribution_of=flipped.index)
        runs.append(baseline.model_copy(update=update))

    if flipped.random_seed != baseline.random_seed:
        one(RunKind.RANDOM_STATE, random_seed=flipped.random_seed)
    if flipped.isolated:
        one(RunKind.ISOLATED, isolated=True)
    elif flipped.order != baseline.order:
        kind = RunKind.REVERSED if flipped.order == baseline.order[::-1] else RunKind.SHUFFLED
        one(kind, order=flipped.order, order_seed=flipped.order_seed)
    if flipped.hash_seed != baseline.hash_seed:
        one(RunKind.HASH_SEED, hash_seed=flipped.hash_seed)
    if (flipped.tz, flipped.clock_at) != (baseline.tz, baseline.clock_at):
        one(RunKind.CLOCK, tz=flipped.tz, clock_at=flipped.clock_at)
    return runs


def attribution_runs(
    runs: list[RunRecord], tests: list[str], timeout_s: float, now: datetime
) -> list[RunSpec]:
    """The next attribution runs for the tests whose outcome flipped (none: all settled),
    numbered after the last run. Called again after they ran, until it returns none."""
    next_index = max(run.spec.index for run in runs) + 1
    wanted: dict[tuple[object, ...], RunSpec] = {}
    for test in tests:
        for spec in judge(test, runs, timeout_s, now).needs:
            # Two tests may ask for the same date run, each up to itself: the longer order
            # runs them both (the shorter left the later test's question unanswered).
            asked = wanted.get(_key(spec))
            if asked is None or len(spec.order) > len(asked.order):
                wanted[_key(spec)] = spec
    specs = []
    for spec in wanted.values():
        specs.append(spec.model_copy(update={"index": next_index}))
        next_index += 1
    return specs


def _preceding(spec: RunSpec, test: str) -> set[str]:
    if spec.isolated or test not in spec.order:
        return set()
    return set(spec.order[: spec.order.index(test)])


def _order_reasons(test: str, originals: list[tuple[RunSpec, Cell]], reference: bool) -> list[str]:
    """Which tests' running first makes the difference, where all the runs agree on it."""
    reasons = []
    alone = [cell.outcome.failed for spec, cell in originals if spec.isolated]
    in_suite = [cell.outcome.failed for spec, cell in originals if not spec.isolated]
    if alone and all(alone) and not all(in_suite):
        reasons.append("fails when run alone")
    elif alone and not any(alone) and any(in_suite):
        reasons.append("passes when run alone")
    failing = [_preceding(spec, test) for spec, cell in originals if cell.outcome.failed]
    passing = [_preceding(spec, test) for spec, cell in originals if not cell.outcome.failed]
    if failing and passing:
        polluters = set.intersection(*failing) - set[str]().union(*passing)
        setters = set.intersection(*passing) - set[str]().union(*failing)
        if polluters:
            reasons.append(f"fails when run after {', '.join(sorted(polluters))}")
        if setters:
            reasons.append(f"passes only when run after {', '.join(sorted(setters))}")
    if not reasons:
        reasons.append(f"{'passes' if reference else 'fails'} in some test orders")
    return reasons


def classify(
    runs: list[RunRecord],
    tests: list[str],
    timeout_s: float,
    failures: list[Failure],
    hints: dict[str, list[Hint]],
    now: datetime,
) -> dict[str, FlakyVerdict]:
    """Verdict per test. `failures`: the distinct failures seen in `runs`;
    `hints`: test -> static hints that bear on it; `now`: when the detection ran."""
    verdicts = {}
    for test in tests:
        judgement = judge(test, runs, timeout_s, now)
        counted, failed = detection_counts(runs, test)
        reasons = list(judgement.reasons)
        own_failures = [failure for failure in failures if failure.test == test]
        if judgement.classification is Classification.STABLE_FAIL and own_failures:
            reasons.append(f"fails in every run: {_first_line(own_failures[0].message)}")
        if len(own_failures) > 1:
            reasons.append(f"{len(own_failures)} different failures across runs")
        wanted = judgement.hint_kinds or RELEVANT_HINTS.get(judgement.classification, set())
        if judgement.classification is not Classification.STABLE_PASS:
            reasons += [str(hint) for hint in hints.get(test, []) if hint.kind in wanted]
        verdicts[test] = FlakyVerdict(
            classification=judgement.classification,
            cause="; ".join(dict.fromkeys(reasons)) or None,  # a hint found twice, said once
            runs=counted,
            failures=failed,
        )
    return verdicts


def _first_line(message: str, limit: int = 160) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "no message"
    return line if len(line) <= limit else line[: limit - 3] + "..."
