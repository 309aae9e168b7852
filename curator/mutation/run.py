"""The mutation stage: run the task's tests against mutants of its reference solution.

    report = mutate_task(task, sandbox)       # MutationReport
    store_report(bank, report)                # mutation.json beside the task

A reference run first, with coverage, says which lines each test runs (coverage contexts,
one per test: validation does not pay for them), how long each takes and which modules the
run imports. A mutant can only be noticed by a test that runs its changed
lines: one that no test runs survives without a run, and each other mutant runs only the
tests that run its lines, the tests that killed most mutants so far first, stopping at the
first failing test. The mutants run in batches (`Sandbox.run_variants`): one sandbox run sets
up the isolation and imports once, and forks each mutant from there, alone in the run. A mutant
a batch could not finish runs again on its own, and so does every mutant of a program that
binds sockets (a port can stay taken after a run: each needs a network of its own).
"""

from __future__ import annotations

import ast
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from curator.models import Task, Verdict
from curator.mutation.operators import Mutant, generate_mutants
from curator.mutation.store import MutantResult, MutantStatus, MutationReport
from curator.program import entry_function, parse_quietly, split_program
from curator.sandbox import RunOptions, Sandbox, SuiteRun, TestLines, Variant
from curator.validation import ValidationReport, drop_pending_runs, run_fingerprint

DEFAULT_MAX_MUTANTS = 60
# A mutant's run may take this many times the reference run (an infinite loop is a timeout).
TIMEOUT_FACTOR = 5.0
MIN_MUTANT_TIMEOUT_S = 3.0
# In a batch, a mutant's test may use this much CPU time, against the same test's wall time in
# the reference run (under coverage, itself slower): a mutant that loops is a timeout at once.
# The batch has imported what the reference imported, so a test that happens to run first
# pays no import the reference's first test paid; a mutant run alone might, and has no limit.
TEST_CPU_FACTOR = 10.0
TEST_CPU_BASE_S = 0.5
BATCH_SIZE = 32
"""Mutants per sandbox run at most. One batch of 30 costs less than two of 15 (each batch sets
up a run, about 50 ms), though later batches order their tests by the kills of earlier ones."""


def task_mutants(task: Task, max_mutants: int = DEFAULT_MAX_MUTANTS) -> list[Mutant]:
    """The mutants of the task's solution (never of its prompt), at most `max_mutants`.

    When there are more, a subset chosen by mutant id is kept: the same one on every run.
    """
    split = split_program(task.program, task.entry_point)
    solution_start = len(split[0]) if split is not None else len(task.complete_prompt)
    mutants = generate_mutants(task.program, solution_start)
    if len(mutants) > max_mutants:
        kept = {mutant.id for mutant in sorted(mutants, key=lambda m: m.id)[:max_mutants]}
        mutants = [mutant for mutant in mutants if mutant.id in kept]
    return mutants


def outcome_of(run: SuiteRun) -> tuple[MutantStatus, str | None, str | None]:
    """(status, the test that killed it, message) for one mutant's run."""
    if run.sandbox_error or run.status == "environment":
        return MutantStatus.ERROR, None, run.message
    if run.tampering or run.status == "invalid" or not any(test.started for test in run.tests):
        # Nothing a test checked: a program that checks its own code as it loads (and fails,
        # or loops) would have every mutant killed so (red team: a score of 25% became 100%).
        if run.tampering:
            return MutantStatus.NON_VIABLE, None, "tampering: " + "; ".join(run.tampering)
        return MutantStatus.NON_VIABLE, None, f"no test ran: {run.message or run.status}"
    if run.status == "timeout":
        return MutantStatus.TIMEOUT, None, run.message
    if run.status in ("memory", "crashed"):
        return MutantStatus.KILLED, None, run.message
    failing = next(
        (test for test in run.tests if test.started and test.outcome not in ("pass", "skip")),
        None,
    )
    if failing is not None:
        return MutantStatus.KILLED, failing.name, failing.message
    if not any(test.outcome == "pass" for test in run.tests):
        return MutantStatus.KILLED, None, "no test passed"
    return MutantStatus.SURVIVED, None, None


class TestOrder:
    """Orders the tests for the next mutant: most kills so far first, then the fastest."""

    __test__ = False  # not a pytest test class

    def __init__(self, durations: dict[str, float]) -> None:
        self.durations = durations
        self.kills: Counter[str] = Counter()
        self.lock = threading.Lock()

    def next(self) -> list[str]:
        with self.lock:
            return sorted(self.durations, key=lambda t: (-self.kills[t], self.durations[t]))

    def killed(self, name: str | None) -> None:
        if name is not None:
            with self.lock:
                self.kills[name] += 1


def selected_tests(mutant: Mutant, lines: TestLines, order: list[str]) -> list[str]:
    """The tests, in `order`, that run one of the mutant's lines (all of them when a line runs
    outside any one test, as module-level code and class fixtures do)."""
    first, last = mutant.lines
    running: set[str] = set()
    for line in range(first, last + 1):
        tests = lines.tests_running(line)
        if tests is None:
            return order
        running.update(tests)
    return [name for name in order if name in running]


@dataclass
class Reference:
    """What the reference run says for the mutants: each test's lines (and the modules the run
    imported), each test's time and the run's."""

    lines: TestLines
    durations: dict[str, float]
    duration_s: float


def validation_problem(validation: ValidationReport | None, content_hash: str) -> str | None:
    """Why a current validation of this content says the reference does not pass, if it does."""
    if validation is None or validation.content_hash != content_hash:
        return None
    if validation.verdict is Verdict.PASS:
        return None
    return validation.message or f"its validation says {validation.verdict.value}"


NOT_PASSING = "the reference solution does not pass: "


SHAM_NAME = "_curator_sham"


def sham_program(program: str) -> str | None:
    """The program with a line assigning an unused local added at the top of every function:
    it does what the program does, with other bytecode and constants, its comments and
    layout kept (a function on one line is left as it is). None if it does not parse."""
    try:
        tree = ast.parse(program)
    except (SyntaxError, ValueError):
        return None
    lines = program.splitlines(keepends=True)
    inserts: list[tuple[int, str]] = []  # (line index to insert before, indentation)
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        documented = ast.get_docstring(node, clean=False) is not None
        if documented and len(node.body) == 1:
            docstring = node.body[0]
            at, like = docstring.end_lineno or docstring.lineno, docstring.lineno
        else:
            statement = node.body[1 if documented else 0]
            decorators = getattr(statement, "decorator_list", [])
            at = like = min([statement.lineno, *(d.lineno for d in decorators)]) - 1
            like += 1
        if like == node.lineno or node.body[0].lineno == node.lineno:
            continue  # `def f(): return 1`
        line = lines[like - 1]
        inserts.append((at, line[: len(line) - len(line.lstrip())]))
    for at, indent in sorted(inserts, reverse=True):
        lines.insert(at, f"{indent}{SHAM_NAME} = {SHAM_NAME!r}\n")
    sham = "".join(lines)
    try:
        ast.parse(sham)
    except (SyntaxError, ValueError):
        return None
    return sham


def depends_on_bytecode(
    task: Task, sandbox: Sandbox, options: RunOptions, lines: TestLines, tests: list[str]
) -> str | None:
    """Why the tests tell the program from a copy that differs in its bytecode alone, if they
    do: a program (or tests) comparing the program's code with itself kills every mutant for
    that alone, however it reads it (as it loads, through a generator's `gi_code`, from the
    tests: red team). A score then says nothing of the tests. The copy runs as the mutants
    run, in a batch: a program that went wrong only there (its parent is not the run's first
    process) had every mutant a test reached killed (red team)."""
    sham = sham_program(task.program)
    if sham is None:
        return None
    run: SuiteRun | None = None
    if not lines.bound_sockets:  # as `run_batch`: else each runs alone
        (run,) = sandbox.run_variants(
            [Variant(program=sham, test_order=tests)],
            task.test,
            task.entry_point,
            options,
            lines.modules,
        )
    if run is None:
        run = sandbox.run(sham, task.test, task.entry_point, options)
    failing = [test.name for test in run.tests if test.outcome not in ("pass", "skip")]
    if run.status == "completed" and not run.tampering and not failing:
        return None
    why = ", ".join(failing[:3]) or run.message or f"the run ended {run.status}"
    return (
        "no score: the tests fail on a copy of the program that differs in its bytecode alone "
        f"({why}): they, or the program, depend on its code, so any mutant would fail them"
    )


def entry_run_at_load(task: Task, lines: TestLines) -> int | None:
    """The first line of the entry function's body that ran as the program loaded, if any."""
    try:
        function = entry_function(parse_quietly(task.program), task.entry_point)
    except SyntaxError:
        return None
    if function is None:
        return None
    body = range(function.body[0].lineno, (function.end_lineno or 0) + 1)
    return next((line for line in lines.at_load if line in body), None)


def run_reference(task: Task, sandbox: Sandbox, timeout_s: float) -> Reference | str:
    """A run of the reference recording each test's lines; else why the mutants cannot be
    scored (it does not pass, or it reads its own code; the bytecode control comes after,
    under the mutants' options)."""
    run = sandbox.run(
        task.program,
        task.test,
        task.entry_point,
        RunOptions(test_lines=True, timeout_s=timeout_s),
    )
    own_code = next((found for found in run.runtime if found.code == "reads_own_code"), None)
    if own_code is not None:
        # Red team: a program adding its bytecode's hash to its answer failed every mutant
        # the tests reached, and scored 97.6% where the same tests scored 83.3%.
        return f"no score: the program {own_code.message}"
    if run.passed and run.lines is not None:
        if line := entry_run_at_load(task, run.lines):
            # Red team: a decorator called task_func as it was defined, on answers it knew,
            # and put a function returning None in place of any mutant that differed: every
            # mutant a test reached was killed (88.2% where the tests score 35.3%).
            return (
                f"no score: the program runs {task.entry_point} as it loads (line {line}), "
                "so that a check of its own can fail its mutants for their difference alone"
            )
        if wrapper := run.lines.entry_wrapper:
            # Red team: the same check, lazily, at task_func's first call (88.2%, not 35.3%).
            return (
                f"no score: {task.entry_point} is the program's {wrapper}, not the function its "
                "def makes: what wraps it is never mutated, and can judge the mutants"
            )
        durations = {test.name: test.duration_s for test in run.tests}
        return Reference(run.lines, durations, run.duration_s)
    failing = next((test for test in run.tests if test.outcome not in ("pass", "skip")), None)
    if run.status != "completed" or run.tampering or failing is None:
        return NOT_PASSING + (run.message or f"the run ended {run.status}")
    return NOT_PASSING + f"{failing.name} {failing.outcome}: {failing.message}"


def mutate_task(
    task: Task,
    sandbox: Sandbox,
    *,
    validation: ValidationReport | None = None,
    max_mutants: int = DEFAULT_MAX_MUTANTS,
    timeout_s: float = 60.0,
    jobs: int = 1,
) -> MutationReport:
    """Mutation analysis of one task; `jobs` batches of mutants run at a time. A current
    `validation` that did not pass says why without another run of the reference."""
    started = time.perf_counter()
    report = MutationReport(
        task_id=task.task_id,
        content_hash=task.content_hash(),
        environment=run_fingerprint(sandbox),
    )
    problem = validation_problem(validation, report.content_hash)
    reference = NOT_PASSING + problem if problem else run_reference(task, sandbox, timeout_s)
    if isinstance(reference, str):
        report.problem = reference
        report.duration_s = time.perf_counter() - started
        return report
    lines = reference.lines
    order = TestOrder(reference.durations)
    options = RunOptions(
        coverage=False,
        fail_fast=True,
        timeout_s=min(timeout_s, max(MIN_MUTANT_TIMEOUT_S, TIMEOUT_FACTOR * reference.duration_s)),
        test_cpu_limits_s={
            name: TEST_CPU_BASE_S + TEST_CPU_FACTOR * duration
            for name, duration in reference.durations.items()
        },
    )
    # Under the mutants' options, in a batch as theirs: the program cannot tell the control
    # from them by its parent, its CPU limit or fail-fast (red team).
    sham = depends_on_bytecode(task, sandbox, options, lines, list(order.durations))
    if sham is not None:
        report.problem = sham
        report.duration_s = time.perf_counter() - started
        return report
    results: dict[str, MutantResult] = {}
    to_run: list[Mutant] = []
    mutants = task_mutants(task, max_mutants)
    for mutant in mutants:
        results[mutant.id] = MutantResult(
            id=mutant.id,
            operator=mutant.operator,
            line=mutant.line,
            description=mutant.description,
            diff=mutant.diff,
            status=MutantStatus.SURVIVED,
        )
        if selected_tests(mutant, lines, list(order.durations)):
            to_run.append(mutant)
        else:
            results[mutant.id].covered = False
            results[mutant.id].message = "no test runs this line"

    def record(mutant: Mutant, run: SuiteRun) -> None:
        result = results[mutant.id]
        result.status, result.killed_by, result.message = outcome_of(run)
        result.duration_s = run.duration_s
        order.killed(result.killed_by)

    def run_batch(batch: list[Mutant]) -> None:
        variants = [
            Variant(program=mutant.program, test_order=selected_tests(mutant, lines, order.next()))
            for mutant in batch
        ]
        runs: list[SuiteRun | None] = [None] * len(batch)
        if not lines.bound_sockets:  # else each mutant needs a network of its own: alone
            runs = sandbox.run_variants(
                variants, task.test, task.entry_point, options, lines.modules
            )
        for mutant, variant, run in zip(batch, variants, runs, strict=True):
            if run is None:  # the batch ended early: this one runs on its own
                single = options.model_copy(
                    update={"test_order": variant.test_order, "test_cpu_limits_s": None}
                )
                run = sandbox.run(mutant.program, task.test, task.entry_point, single)
            record(mutant, run)

    count = max(jobs, -(-len(to_run) // BATCH_SIZE))
    batches = [batch for batch in (to_run[at::count] for at in range(count)) if batch]
    if jobs > 1:
        with ThreadPoolExecutor(max_workers=jobs) as pool:
            try:
                list(pool.map(run_batch, batches))
            except BaseException as error:
                drop_pending_runs((pool,), sandbox, error)
                raise
    else:
        for batch in batches:
            run_batch(batch)
    report.mutants = [results[mutant.id] for mutant in mutants]
    report.duration_s = time.perf_counter() - started
    return report
