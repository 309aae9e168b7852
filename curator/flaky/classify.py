"""Classification: a pure function from the run matrix to a verdict and likely cause per test.

Each run of the plan differs from the baseline in one respect, so the kinds of run in which a
test's outcome differs from the baseline's say what it depends on. A classification other than
nondeterministic rests on a replay: rerunning a run with its recorded order and seeds must give
the same outcome again, or the test is nondeterministic after all.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from dataclasses import dataclass, field

from curator.flaky.evidence import (
    Cell,
    Classification,
    Failure,
    FlakyVerdict,
    RunKind,
    RunRecord,
    RunSpec,
)
from curator.flaky.hints import Hint, HintKind

# A test that takes half the time limit on this machine can exceed it on one twice as slow.
TIMING_FRACTION = 0.5

ORDER_KINDS = {RunKind.REVERSED, RunKind.SHUFFLED, RunKind.ISOLATED}
ENVIRONMENT_KINDS = {RunKind.HASH_SEED, RunKind.CLOCK}
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
    decisive_runs: list[int] = field(default_factory=list)  # flipped runs a replay should check
    hint_kinds: set[HintKind] = field(default_factory=set)
    confirmed: bool = False


def _cells(runs: list[RunRecord], test: str) -> list[tuple[RunSpec, Cell]]:
    return [(run.spec, run.results[test]) for run in runs if test in run.results]


def _describe_runs(specs: list[RunSpec], limit: int = 4) -> str:
    listed = ", ".join(str(spec.index) for spec in specs[:limit])
    return listed + (f" and {len(specs) - limit} more" if len(specs) > limit else "")


def judge(test: str, runs: list[RunRecord], timeout_s: float) -> Judgement:
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
    return _judge_flaky(test, cells)


def _judge_flaky(test: str, cells: list[tuple[RunSpec, Cell]]) -> Judgement:
    by_index = {spec.index: cell for spec, cell in cells}
    originals = [(spec, cell) for spec, cell in cells if spec.kind is not RunKind.REPLAY]
    baseline = [cell for spec, cell in originals if spec.kind is RunKind.BASELINE]
    if baseline:
        reference = baseline[0].outcome.failed
    else:
        reference = Counter(cell.outcome.failed for _, cell in originals).most_common(1)[0][0]
    flips: dict[RunKind, list[RunSpec]] = {}
    for spec, cell in originals:
        if spec.kind is not RunKind.BASELINE and cell.outcome.failed != reference:
            flips.setdefault(spec.kind, []).append(spec)
    replays = [(spec, cell) for spec, cell in cells if spec.kind is RunKind.REPLAY]
    unreproduced = [
        spec
        for spec, cell in replays
        if spec.replay_of in by_index
        and by_index[spec.replay_of].outcome.failed != cell.outcome.failed
    ]
    replayed = {spec.replay_of for spec, _ in replays} - {spec.replay_of for spec in unreproduced}
    verb = "passes" if reference else "fails"

    if RunKind.REPEAT in flips:
        specs = flips[RunKind.REPEAT]
        return Judgement(
            Classification.NONDETERMINISTIC,
            [f"different outcomes under identical order and seeds (runs {_describe_runs(specs)})"],
            hint_kinds=RELEVANT_HINTS[Classification.NONDETERMINISTIC],
        )
    if unreproduced:
        originals_listed = ", ".join(str(spec.replay_of) for spec in unreproduced)
        return Judgement(
            Classification.NONDETERMINISTIC,
            [f"a replay with the same seeds gave another outcome (runs {originals_listed})"],
            hint_kinds=RELEVANT_HINTS[Classification.NONDETERMINISTIC],
        )
    if RunKind.RANDOM_STATE in flips:
        specs = flips[RunKind.RANDOM_STATE]
        seeds = ", ".join(str(spec.random_seed) for spec in specs[:4])
        reasons = [
            f"{verb} with {len(specs)} of {_count(originals, RunKind.RANDOM_STATE)} other random "
            f"states (random seed {seeds}{' ...' if len(specs) > 4 else ''})"
        ]
        return _confirmed(
            Judgement(
                Classification.NONDETERMINISTIC,
                reasons,
                [spec.index for spec in specs],
                RELEVANT_HINTS[Classification.NONDETERMINISTIC],
            ),
            replayed,
        )
    order_flips = [spec for kind in ORDER_KINDS for spec in flips.get(kind, [])]
    if order_flips:
        reasons = _order_reasons(test, originals, reference)
        reasons += _also(flips, ENVIRONMENT_KINDS)
        return _confirmed(
            Judgement(
                Classification.ORDER_DEPENDENT,
                reasons,
                sorted(spec.index for spec in order_flips),
                RELEVANT_HINTS[Classification.ORDER_DEPENDENT],
            ),
            replayed,
        )
    environment_flips = [spec for kind in ENVIRONMENT_KINDS for spec in flips.get(kind, [])]
    if environment_flips:
        reasons = []
        hint_kinds: set[HintKind] = set()
        if RunKind.HASH_SEED in flips:
            specs = flips[RunKind.HASH_SEED]
            seeds = ", ".join(str(spec.hash_seed) for spec in specs[:4])
            reasons.append(
                f"{verb} with {len(specs)} of {_count(originals, RunKind.HASH_SEED)} other string "
                f"hash seeds (PYTHONHASHSEED={seeds})"
            )
            hint_kinds |= ENVIRONMENT_HINTS[RunKind.HASH_SEED]
        if RunKind.CLOCK in flips:
            settings = "; ".join(
                f"clock at {spec.clock_at:%Y-%m-%d %H:%M} UTC, TZ={spec.tz}"
                for spec in flips[RunKind.CLOCK]
            )
            reasons.append(f"{verb} with the clock shifted ({settings})")
            hint_kinds |= ENVIRONMENT_HINTS[RunKind.CLOCK]
        return _confirmed(
            Judgement(
                Classification.ENVIRONMENT_SENSITIVE,
                reasons,
                sorted(spec.index for spec in environment_flips),
                hint_kinds,
            ),
            replayed,
        )
    return Judgement(
        Classification.NONDETERMINISTIC,
        ["outcome changed between runs"],
        hint_kinds=RELEVANT_HINTS[Classification.NONDETERMINISTIC],
    )


def _count(originals: list[tuple[RunSpec, Cell]], kind: RunKind) -> int:
    return sum(1 for spec, _ in originals if spec.kind is kind)


def _also(flips: dict[RunKind, list[RunSpec]], kinds: set[RunKind]) -> list[str]:
    extra = sorted(kind.value for kind in kinds if kind in flips)
    return [f"also changes in {', '.join(extra)} runs"] if extra else []


def _confirmed(judgement: Judgement, replayed: set[int | None]) -> Judgement:
    confirming = [index for index in judgement.decisive_runs if index in replayed]
    if confirming:
        judgement.confirmed = True
        judgement.reasons.append(f"confirmed by replaying run {confirming[0]}")
    else:
        judgement.reasons.append("not confirmed by a replay")
    return judgement


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
) -> dict[str, FlakyVerdict]:
    """Verdict per test. `failures`: the distinct failures seen in `runs`;
    `hints`: test -> static hints that bear on it."""
    verdicts = {}
    for test in tests:
        judgement = judge(test, runs, timeout_s)
        cells = _cells(runs, test)
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
            cause="; ".join(reasons) or None,
            runs=len(cells),
            failures=sum(1 for _, cell in cells if cell.outcome.failed),
        )
    return verdicts


def _first_line(message: str, limit: int = 160) -> str:
    line = message.strip().splitlines()[0] if message.strip() else "no message"
    return line if len(line) <= limit else line[: limit - 3] + "..."


def replays_needed(runs: list[RunRecord], tests: list[str], timeout_s: float) -> list[RunSpec]:
    """The runs to replay so that each flaky verdict rests on a reproduced outcome: the first
    decisive run of each flaky test, and the baseline where no repeat run backs it."""
    wanted: list[int] = []
    for test in tests:
        judgement = judge(test, runs, timeout_s)
        if judgement.decisive_runs and not judgement.confirmed:
            wanted.append(judgement.decisive_runs[0])
    if not wanted:
        return []
    already = {run.spec.replay_of for run in runs if run.spec.kind is RunKind.REPLAY}
    has_repeat = any(run.spec.kind is RunKind.REPEAT for run in runs)
    baseline = [run.spec.index for run in runs if run.spec.kind is RunKind.BASELINE]
    if not has_repeat:
        wanted += baseline
    by_index = {run.spec.index: run.spec for run in runs}
    next_index = max(by_index) + 1
    specs = []
    for index in dict.fromkeys(wanted):
        if index in already:
            continue
        specs.append(by_index[index].replay(next_index))
        next_index += 1
    return specs
