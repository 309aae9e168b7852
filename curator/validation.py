"""The validation stage: run a task's tests in the sandbox, measure coverage, check statically.

    results = validate_tasks(bank, ids, jobs=4)   # run what is not current, store, in order
    report = validate_task(task, sandbox)         # one task, nothing stored
    store_report(bank, task, report)              # validation.json sidecar + task.validation

The verdict reflects execution only (`pass`, `fail`, `error`, `timeout`, `environment`);
static problems and risky-test warnings are reported beside it and never turn a passing run into
a failure, except `invalid` for a task that cannot run at all (does not compile, no entry point,
no TestCases). Reports are keyed by the task's content hash and the environment fingerprint:
`current_report` returns a stored report only while both still match.
"""

from __future__ import annotations

import contextlib
import json
import re
import shlex
import stat
import sys
import threading
import time
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Executor, Future, ThreadPoolExecutor, as_completed
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, TypeVar

from pydantic import BaseModel, Field, ValidationError

from curator import environment
from curator.bank import Bank, describe_validation_error
from curator.environment import Environment, declared_environment
from curator.errors import CuratorError, TaskFileError
from curator.imports import one_slip_from, provider
from curator.models import (
    DEFAULT_TIMEOUT_S,
    FindingWaiver,
    Task,
    ValidationSummary,
    Verdict,
    other_time_limit,
    utc_now,
)
from curator.program import docstring_span, literal_sleep_s
from curator.sandbox import (
    Company,
    DoctestResult,
    Interpreter,
    RunOptions,
    RuntimeFinding,
    Sandbox,
    SuiteRun,
    TestOutcome,
    imported_packages,
    imports_heavy_library,
    read_ahead,
    waited,
)
from curator.sandbox.protocol import EXAMPLES_FINDING
from curator.static_checks import (
    StaticProblem,
    blocking_problems,
    doctest_eligible,
    risky_test_warnings,
    ruff_input,
    ruff_problems_batch,
    shape_problems,
    static_problems,
)

REPORT_FILE = "validation.json"
HARNESS_VERSION = 64
"""Reports of an older harness (no tampering checks, no runtime findings; 2: no network
attempts of failed tests, no optional dependencies pandas asks for, so a failure for want of
either could stand as `fail` or `error`; 3: docstring examples cut short by the time limit
turned finished tests into a timeout; 4: no overtime for coverage, so a run late only for it
had no coverage figures; 5: a trace function set by task code went unseen, so an assertion it
rewrote could pass; 6: so did a mock told to equal anything, or a task's `__eq__` wrapped by a
library; 7: and objects equal to anything inside a list, tuple, set or dict; 8: a trace function
set by task code posing as coverage.py; 9: an answer of the task's that tells unittest from the
harness by its caller's frame, or a zero difference passing assertAlmostEqual; 10: an object
equal to anything in the tests' own `assertTrue(a == b)` or `assert a == b`; 11: a container
claiming any member in their `assertTrue(a in b)`, and `assert None == None` an error; 12: an
object equal to anything in an array or a column numpy's or pandas' assertions compare, or
numpy's comparison behind them replaced; 13: one in the tests' own `all(a == b for ...)`; 14: a
test skipped by decorator was tampering on Python 3.12.0 and 3.12.1; 15: a solution that read
the running test's expected answer through a stack frame it took, `inspect.currentframe().f_back`,
could pass; 16: or through the frame Python hands a signal handler of the task's; 17: or
through `traceback` capturing the stack's locals; 18: or through `logging.currentframe()`, an
asyncio task's `get_stack()` or a `types.coroutine` wrapper's `gi_frame`, or changed a list a
test compares through a `sys.monitoring` callback, or read a frame an audit hook of its own was
handed, or the expected answers in the code of the tests' methods; 19: or switched the audit
hook off through a guard (`tamper.__self__`), blinded it by rebinding the harness's globals,
replacing `os.getpid` or a function it calls for a moment, or running out of stack, or ran in
it unseen (an argument's `__str__`), or rewrote the records through `json.dumps` or the
outcome while `traceback` worded it, or blinded the machinery check through its globals, or
raised unittest's `_ShouldStop`, gave its module a class or builtins of its own, replaced a
library's comparison with a C method, looked up Python's C API through ctypes, read a frame
through a format field, returned a fresh `mock.ANY` or `test.support.ALWAYS_EQ`, or an
object whose `__eq__` answers with a truthy string; and tests that define a named tuple or an
enum were tampering; 20: an object of the task's that told the harness's questions apart by
their order, or said yes to None, passed comparing assertions, and one equal to anything passed
the tests' `assertFalse(a != b)`, `if a != b: self.fail()` or `assertEqual(a == b, True)`, and
an array of the task's saying yes everywhere their `(a == b).all()`; 21: an object of the
task's that answers numpy through its protocols (`__array_function__`, `__array_ufunc__`), or a
frame whose `equals` is the task's, passed the tests' `np.allclose`, `np.array_equal`,
`np.isclose`, `assert_array_equal` and `.equals` (a frame or an array of objects equal to
anything passed `.equals`, `np.array_equal` and `(a == b).all()`), one that replaced a helper
in the module of pandas' assertions passed `assert_frame_equal`, and one that wrote memory with
the C library's `memcpy` was not tampering; 22: a program that ran its functions as it loaded,
`task_func` at module level, had the branches they took counted as covered, as had code compiled
under the program's name, and one that replaced `time.perf_counter` had its tests timed by
it; tests over 200, or named in over 200 characters, ran; 23: an anonymous temporary file,
`tempfile.TemporaryFile()`, was a `write_outside` finding: it opens the scratch folder itself;
24: a program that found the run's copy of the audit hook's class (`object.__subclasses__()`)
and cleared its dispatch table or rebound a builtin its functions read, that set
`traceback.__file__` to its own file for a moment, or that put a property on the hook's class
through its dictionary, passed while answering wrongly, and a signed record of another shape or
of unknown values crashed the command; 25: a program that put a twin of a library in
`sys.modules`, or rebound a module the tests read of its imports, passed while answering
wrongly, the findings of processes it forked and threads it left running from its load went
unreported, and memory files escaped the budget) are not current."""


def task_timeout(bank: Bank, task: Task) -> float:
    """The task's own limit, else the bank's, else the default (`Task.time_limit`)."""
    return task.time_limit(bank.timeout_s)


class ValidationReport(BaseModel):
    """Everything one validation found; stored as the task's `validation.json` sidecar."""

    task_id: str
    verdict: Verdict
    message: str | None = Field(default=None, description="Why the verdict is not `pass`.")
    content_hash: str
    environment: str = Field(description="Fingerprint of the Python and library versions.")
    run_status: str | None = Field(default=None, description="The sandbox run's status.")
    tests: dict[str, TestOutcome] = Field(default_factory=dict)
    tests_total: int = 0
    tests_passed: int = 0
    branch_coverage: float | None = None
    line_coverage: float | None = None
    missed_lines: list[int] = Field(default_factory=list, description="Lines of task.py.")
    missed_branches: list[tuple[int, int]] = Field(
        default_factory=list, description="Arcs of task.py not taken: (from line, to line)."
    )
    static: list[StaticProblem] = Field(default_factory=list)
    warnings: list[StaticProblem] = Field(
        default_factory=list, description="Risky-test detections and failing docstring examples."
    )
    doctest: DoctestResult | None = None
    tampering: list[str] = Field(
        default_factory=list, description="What the task did to the test machinery."
    )
    fixture_errors: list[TestOutcome] = Field(default_factory=list)
    runtime: list[RuntimeFinding] = Field(
        default_factory=list, description="What the task did at run time that it should not."
    )
    missing_module: str | None = None
    environment_reason: Literal["module", "network", "data"] | None = Field(
        default=None, description="Why the verdict is `environment`."
    )
    sandbox_error: bool = Field(
        default=False, description="The sandbox failed; the result is not kept as current."
    )
    duration_s: float = 0.0
    waited: bool = Field(
        default=False, description="The run spent its time waiting, not computing (`waited`)."
    )
    ran_alone: bool = Field(
        default=False,
        description="The run that decided had no other computing run beside it, as it had "
        "timed out beside others (`run_uncharged`).",
    )
    timeout_s: float | None = Field(
        default=None,
        description="The time limit per run it ran under; none when nothing ran. Stale under "
        "another limit (`stale_reason`).",
    )
    network_isolated: bool = False
    notes: list[str] = Field(default_factory=list)
    time_limit_notes: list[str] = Field(
        default_factory=list,
        description="How the time limit was applied when the first run timed out: run again "
        "alone, judged without coverage, or not run again; and a run expected to wait that "
        "failed beside the runs that compute, run again as one of them (`run_uncharged`).",
    )
    stdout_tail: str = ""
    stderr_tail: str = ""
    at: str = Field(default_factory=lambda: utc_now().isoformat())
    harness_version: int = Field(default=0, description="The sandbox harness that ran it.")
    outcomes_varied: dict[str, list[str]] = Field(
        default_factory=dict,
        description="Tests whose outcome differed between validations of this content, in "
        "this environment, under this time limit: each with the outcomes seen, first seen "
        "first (`varied_outcomes`). The flaky check flags them.",
    )

    @property
    def network_exposed(self) -> bool:
        """The task's code ran with the network reachable. Not when nothing ran (a blocking
        static problem) or the sandbox failed before the run: its isolation is then unknown,
        and a warning about it would hide what went wrong."""
        return self.run_status is not None and not self.sandbox_error and not self.network_isolated

    def summary(self) -> ValidationSummary:
        return ValidationSummary(
            verdict=self.verdict,
            content_hash=self.content_hash,
            environment=self.environment,
            tests_total=self.tests_total,
            tests_passed=self.tests_passed,
            branch_coverage=self.branch_coverage,
            line_coverage=self.line_coverage,
            static_problems=len(self.static),
            duration_s=self.duration_s,
            waited=self.waited,
            ran_alone=self.ran_alone,
            timeout_s=self.timeout_s,
            runtime=[finding.code for finding in self.runtime if finding.needs_waiver],
            lacking=self.message if self.verdict is Verdict.ENVIRONMENT else None,
        )

    def json_row(self) -> dict[str, object]:
        """The `curator validate --json` line."""
        row = self.model_dump(
            mode="json",
            include={
                "task_id",
                "verdict",
                "message",
                "branch_coverage",
                "line_coverage",
                "missed_lines",
                "missed_branches",
                "static",
                "warnings",
                "missing_module",
                "environment_reason",
                "duration_s",
                "network_isolated",
                "content_hash",
                "environment",
                "runtime",
                "tampering",
                "time_limit_notes",
                "waited",
                "ran_alone",
            },
        )
        row["tests"] = {name: outcome.outcome for name, outcome in self.tests.items()}
        return row


NETWORK_ERRORS = re.compile(
    r"gaierror|Temporary failure in name resolution|Name or service not known|"
    r"No address associated with hostname|NameResolutionError|Network is unreachable|"
    r"\[Errno 101\]|getaddrinfo failed"
)
CONNECTION_REFUSED = re.compile(r"Connection refused|\[Errno 111\]")
REFUSED_HOST = re.compile(r"host='([^']+)'|https?://([^/:\s'\"]+)")
LOCAL_HOSTS = ("localhost", "127.", "::1", "0.0.0.0")
ANSI_ESCAPE = re.compile(r"\x1b\[[0-9;]*m")
NLTK_RESOURCE = re.compile(r"Resource\s+(\S+)\s+not\s+found")
TASK_FRAME = re.compile(r'File "[^"]*/(task\.py|tests\.py)", line (\d+)')


def environment_cause(text: str) -> tuple[Literal["network", "data"], str] | None:
    """Whether an error text shows missing network or missing library data, and which."""
    text = ANSI_ESCAPE.sub("", text)
    if "LookupError" in text and (found := NLTK_RESOURCE.search(text)):
        resource = found.group(1)
        return "data", (
            f"NLTK resource {resource!r} (declare it in environment/environment.json, "
            f'{{"data": {{"nltk": [{json.dumps(resource)}]}}}}, then `curator env sync`)'
        )
    if "MissingCorpusError" in text:
        return "data", "TextBlob corpora"
    if NETWORK_ERRORS.search(text):
        return "network", "the network"
    if CONNECTION_REFUSED.search(text):
        hosts = [next(filter(None, match)) for match in REFUSED_HOST.findall(text)]
        if any(not host.startswith(LOCAL_HOSTS) for host in hosts):
            return "network", "the network"
    return None


def environment_finding(run: SuiteRun) -> tuple[Literal["network", "data"], str] | None:
    """A failure caused by the sandbox's missing network or missing library data.

    Returns the reason and a message naming the test, what is missing, and the error line.
    """
    failed = [
        (test.name, test.message or "", test.traceback or "")
        for test in run.tests
        if test.outcome in ("fail", "error")
    ]
    if run.status == "invalid":
        failed.append(("loading", run.message or "", "\n".join(run.notes)))
    for name, message, trace in failed:
        cause = environment_cause(message + "\n" + trace)
        if cause is not None:
            reason, what = cause
            frames = TASK_FRAME.findall(trace)
            where = f" at {frames[-1][0]}:{frames[-1][1]}" if frames else ""
            return reason, f"{reason}: {name} needs {what}{where}: {first_line(message)}"
    # Task code that swallows the network error fails on something else (a lookup's None):
    # the audit hook saw the failed test try to reach the network, and there is none here.
    if run.network_isolated:
        for test in run.tests:
            if test.outcome in ("fail", "error") and test.network:
                attempts = "; ".join(test.network)
                return "network", (
                    f"network: {test.name} tried to reach the network ({attempts}) and failed: "
                    f"{first_line(test.message or '')}"
                )
    return None


def first_line(message: str) -> str:
    """The first line of an error message that says something, without terminal colours; with
    the next such line where it ends in a colon (NLTK's message starts on a line of its own:
    'the task program raised LookupError:' said nothing)."""
    lines = [part.strip() for part in ANSI_ESCAPE.sub("", message).splitlines()]
    saying = [line for line in lines if line.strip(" *")]
    if not saying:
        return ""
    first = saying[0]
    if first.endswith(":") and len(saying) > 1:
        first += " " + saying[1]
    return first[:300]


def verdict_of(run: SuiteRun) -> tuple[Verdict, str | None]:
    """Map a sandbox run to a verdict, with the reason when it is not `pass`."""
    if run.tampering:
        return Verdict.ERROR, "tampering: " + "; ".join(run.tampering[:3])
    if run.status == "environment":
        return Verdict.ENVIRONMENT, run.message
    if run.status in ("invalid", "completed") and (finding := environment_finding(run)):
        return Verdict.ENVIRONMENT, finding[1]
    if run.status == "invalid":
        return Verdict.INVALID, run.message
    if run.status == "timeout":
        return Verdict.TIMEOUT, run.message
    if run.status in ("memory", "crashed"):
        return Verdict.ERROR, run.message
    fixture = next((found for found in run.fixture_errors if found.outcome == "error"), None)
    if fixture is not None:
        return Verdict.ERROR, f"{fixture.name}: {fixture.message}"
    failing = [test for test in run.tests if test.outcome not in ("pass", "skip")]
    if any(test.outcome == "error" for test in failing):
        first = next(test for test in failing if test.outcome == "error")
        return Verdict.ERROR, f"{first.name}: {first.message}"
    if failing:
        return Verdict.FAIL, f"{failing[0].name}: {failing[0].message}"
    if not any(test.outcome == "pass" for test in run.tests):
        return Verdict.FAIL, "no test passed"
    return Verdict.PASS, None


StaticChecks = tuple[list[StaticProblem], list[StaticProblem]]


def static_checks(task: Task, ruff: list[StaticProblem] | None = None) -> StaticChecks:
    """The static problems and the risky-test warnings of a task: no execution involved.
    `ruff` are its ruff findings if ruff already ran on it (`static_checks_batch`)."""
    return static_problems(task, ruff), risky_test_warnings(task)


def static_checks_batch(tasks: Sequence[Task]) -> list[StaticChecks]:
    """`static_checks` of many tasks, with one ruff process for all of them."""
    found = ruff_problems_batch([ruff_input(task) for task in tasks])
    return [static_checks(task, ruff) for task, ruff in zip(tasks, found, strict=True)]


def checks_before_runs(tasks: Sequence[Task]) -> list[StaticChecks]:
    """What validating a batch needs before its runs: `static_checks_batch`, and what each
    run's request reads from the code (`read_ahead`), on the checker's thread rather than on
    each run's path."""
    checks = static_checks_batch(tasks)
    for task in tasks:
        read_ahead(task.program, task.test)
    return checks


def run_fingerprint(sandbox: Sandbox | None) -> str:
    """The environment a sandbox runs: a bank environment's, else curator's own."""
    if sandbox is not None and sandbox.interpreter.fingerprint is not None:
        return sandbox.interpreter.fingerprint
    return environment.fingerprint()


def validate_task(
    task: Task,
    sandbox: Sandbox | None = None,
    *,
    coverage: bool = True,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    checks: StaticChecks | None = None,
    company: Company = Company.SHARED,
) -> ValidationReport:
    """Validate one task. Without a sandbox, a temporary one is started and stopped.

    `checks` are the task's static checks if the caller ran them already (`static_checks`),
    for example while the sandbox was starting. `company`: how the run shares the sandbox
    (`company_for`).
    """
    started = time.perf_counter()
    static, warnings = checks if checks is not None else static_checks(task)
    report = ValidationReport(
        task_id=task.task_id,
        verdict=Verdict.INVALID,
        content_hash=task.content_hash(),
        environment=run_fingerprint(sandbox),
        harness_version=HARNESS_VERSION,
        static=static,
        warnings=warnings,
    )
    blocking = blocking_problems(static)
    if blocking:
        report.message = "; ".join(f"{problem.where}: {problem.message}" for problem in blocking)
    else:
        options = RunOptions(
            coverage=coverage, timeout_s=timeout_s, doctests=doctest_eligible(task)
        )
        if sandbox is None:
            with Sandbox(preload=False) as own:
                decided = run_uncharged(own, task, options, company)
        else:
            decided = run_uncharged(sandbox, task, options, company)
        report.time_limit_notes, report.ran_alone = decided.notes, decided.alone
        report.timeout_s = timeout_s
        apply_run(report, decided.run, docstring_span(task.program, task.entry_point))
    report.duration_s = time.perf_counter() - started
    return report


def sleeps_s(task: Task) -> float:
    """Seconds the task's solution and tests sleep for (`literal_sleep_s`)."""
    return literal_sleep_s(task.program) + literal_sleep_s(task.test)


EXPECTED_WAIT_S = 1.0
"""A task without a validation of its content whose code sleeps this long (`sleeps_s`) is
expected to wait: on 300 BigCodeBench tasks, four of the five that waited, and one that
computed for 2 s."""


def company_for(task: Task, timeout_s: float) -> Company:
    """How to run the task, from its last validation of this very content: a run that waited
    (a socket server or a timer that times out, tests that sleep) starts beside the `jobs` that
    compute, as it leaves the CPUs to them (on 300 BigCodeBench tasks, five wait, one of them
    for a whole minute); a run that timed out beside others and was run again alone starts
    alone, rather than time out beside others first (one, TensorFlow's). Without such a
    validation, a task whose code sleeps (`EXPECTED_WAIT_S`) is expected to wait: guessed
    wrong, it computes beside the jobs, and if it then times out, it is run again alone. Under
    another time limit (`timeout_s`) than the last one, it may not need to run alone."""
    last = task.validation
    if last is None or last.content_hash != task.content_hash():
        return Company.WAITING if sleeps_s(task) >= EXPECTED_WAIT_S else Company.SHARED
    if last.waited:
        return Company.WAITING
    alone = last.ran_alone and not other_time_limit(last.timeout_s, timeout_s)
    return Company.ALONE if alone else Company.SHARED


@dataclass
class DecidingRun:
    """The run that decides a validation, and how it came to (`run_uncharged`)."""

    run: SuiteRun
    notes: list[str]
    company: Company

    @property
    def alone(self) -> bool:
        return self.company.alone


COVERAGE_OVERTIME_SHARE = 0.5
"""Coverage's overtime, as a share of the time limit: branch coverage slows down code that
computes in Python (BigCodeBench/417's Keras training: 45 to 51 s without it, 57 to 58 s with
it, against a 60 s limit), and a run late only for it is judged without it rather than lost."""


def slowed_by_coverage(run: SuiteRun, options: RunOptions) -> bool:
    """Whether coverage may have cost the run its outcome: its tests were computing at the
    limit (`late`, or timed out without having waited) and it did not tamper. A run without
    coverage then decides (validation's `run_uncharged`, the flaky check's runs)."""
    stopped_computing = run.status == "timeout" and not waited(run.cpu_s, options.timeout_s)
    return options.coverage and (run.late or stopped_computing) and not run.tampering


def run_uncharged(
    sandbox: Sandbox, task: Task, options: RunOptions, company: Company = Company.SHARED
) -> DecidingRun:
    """Run the task; neither coverage's overhead nor the other runs of the sandbox are charged
    to its time limit, so that its verdict is the one a run at `--jobs 1` would get. A run that
    computed and timed out beside other runs is run again alone (`run_in_company`). A run with
    coverage may go on past the limit for coverage's overtime (`COVERAGE_OVERTIME_SHARE`): if
    its tests end in it (`late`: it stops there), a run without coverage decides, docstring
    examples included, and has the late run's coverage; if they do not end even then, a run
    without coverage decides, with no coverage figures. A run that tampered stands. The notes
    say how the run that decides came to (the report's `time_limit_notes`)."""
    why = ["run alone: a validation of this content timed out beside other runs"] * (
        company is Company.ALONE
    )
    if options.coverage:
        overtime = COVERAGE_OVERTIME_SHARE * options.timeout_s
        options = options.model_copy(update={"coverage_overtime_s": overtime})
    run, company = run_in_company(sandbox, task, options, company, why)
    if run.status == "timeout" and waited(run.cpu_s, options.timeout_s):
        why.append(
            f"not run again: it timed out having computed for {run.cpu_s or 0:.2f} s of its "
            f"{options.timeout_s:g} s (it was waiting, which neither coverage nor other "
            "runs slow down)"
        )
        return DecidingRun(run, why, company)
    if slowed_by_coverage(run, options):
        plain_options = options.model_copy(update={"coverage": False, "coverage_overtime_s": 0.0})
        plain, company = run_in_company(sandbox, task, plain_options, company, why)
        with_coverage = (
            f"with it the run exceeded {options.timeout_s:g} s and the "
            f"{options.coverage_overtime_s:g} s more granted to coverage"
            if run.status == "timeout"
            else f"with it the tests ran past the {options.timeout_s:g} s limit"
        )
        if plain.status == "timeout":
            why.append(f"judged without coverage: {with_coverage}; without it, it timed out too")
        elif run.status == "timeout":
            why.append(f"coverage not measured: {with_coverage}")
        else:
            why.append(
                f"judged without coverage: {with_coverage}; without it the run took "
                f"{plain.duration_s:.2f} s (coverage is the late run's)"
            )
            plain.coverage, plain.lines = run.coverage, run.lines
        run = plain
    return DecidingRun(run, why, company)


def run_in_company(
    sandbox: Sandbox, task: Task, options: RunOptions, company: Company, why: list[str]
) -> tuple[SuiteRun, Company]:
    """Run the task; a run that computed and timed out beside other runs is run again alone
    (`Company.ALONE`), and one that timed out alone beside a run expected to wait, with no run
    at all beside it (`Company.STRICTLY_ALONE`). A run expected to wait, started beside the
    `jobs` that compute, whose tests failed there is run again as one of them
    (`Company.SHARED`): its tests wait on timers and servers, and under the others' load a
    server thread may not be listening yet when its test connects (BigCodeBench/1040, 1 s
    after starting it); as one of the jobs it has a core, as at `--jobs 1`, and the other jobs
    go on (alone, the machine would idle while it waits). Returns the last run and its
    company; each run again is noted in `why`."""
    run = sandbox.run(task.program, task.test, task.entry_point, options, company=company)
    while True:
        failed = [test.name for test in run.tests if test.outcome in ("fail", "error")]
        if (
            run.status == "timeout"
            and run.overlapped
            and company is not Company.STRICTLY_ALONE
            and not waited(run.cpu_s, options.timeout_s)
        ):
            company = Company.STRICTLY_ALONE if company.alone else Company.ALONE
            why.append(
                f"run again {company}: it timed out beside other runs, having computed for "
                f"{run.cpu_s or 0:.2f} s of its {options.timeout_s:g} s"
            )
        elif company is Company.WAITING and run.overlapped and failed and not run.tampering:
            company = Company.SHARED
            why.append(
                "run again as one of the jobs: expected to wait (a server, a timer), it ran "
                f"beside them, and {', '.join(failed[:3])} failed there (under their load a "
                "server may not listen yet when its test connects)"
            )
        else:
            return run, company
        run = sandbox.run(task.program, task.test, task.entry_point, options, company=company)


def drop_pending_runs(pools: Iterable[Executor], sandbox: Sandbox, error: BaseException) -> None:
    """After an error or Ctrl+C in a command that runs many runs: the runs not yet started are
    dropped, not all run before the error is raised (Ctrl+C waited for every remaining task,
    and a flaky check stopped 9 to 25 s after it, walk 47·21); Ctrl+C also ends those under
    way."""
    for pool in pools:
        pool.shutdown(wait=False, cancel_futures=True)
    if isinstance(error, KeyboardInterrupt):
        sandbox.close()


def apply_run(
    report: ValidationReport, run: SuiteRun, docstring: tuple[int, int] | None = None
) -> None:
    report.verdict, report.message = verdict_of(run)
    report.waited = waited(run.cpu_s, run.duration_s)
    report.run_status = run.status
    report.tests = {test.name: test for test in run.tests}
    report.tests_total = len(run.tests)
    report.tests_passed = sum(test.outcome == "pass" for test in run.tests)
    report.missing_module = run.missing_module
    if run.missing_module is not None and report.message is not None:
        module = run.missing_module.partition(".")[0]
        near = one_slip_from(module, set(sys.stdlib_module_names))
        if near is not None:  # `env add jsno` was advised once the task had run
            report.message += f": {module} looks like a typo of {near}: correct the import"
        else:
            report.message += (
                f": add it with `curator env add {provider(module)}`, or fix the import"
            )
    if report.verdict is Verdict.ENVIRONMENT:
        finding = environment_finding(run)
        report.environment_reason = finding[0] if finding else "module"
    report.network_isolated = run.network_isolated
    report.notes = run.notes
    report.stdout_tail = run.stdout_tail[-4000:]
    report.stderr_tail = run.stderr_tail[-4000:]
    report.doctest = run.doctest
    report.sandbox_error = run.sandbox_error
    report.tampering = run.tampering
    report.fixture_errors = run.fixture_errors
    report.runtime = run.runtime
    if run.coverage is not None and run.status == "completed":
        report.branch_coverage = round(run.coverage.branch_coverage, 2)
        report.line_coverage = round(run.coverage.line_coverage, 2)
        report.missed_lines = run.coverage.missed_lines
        report.missed_branches = run.coverage.missed_branches
    if run.doctest is not None and (run.doctest.failed or run.doctest.unfinished):
        # What the examples met that the sandbox withholds (the network) may be why.
        met = dict.fromkeys(
            finding.code for finding in run.runtime if finding.message.startswith(EXAMPLES_FINDING)
        )
        report.warnings.append(
            StaticProblem(
                code="doctest",
                message=(
                    f"the docstring examples did not finish: {run.doctest.unfinished}"
                    if run.doctest.unfinished
                    else f"{run.doctest.failed} of {run.doctest.attempted} docstring example(s) "
                    "give other output than shown"
                )
                + (f" (runtime findings of the examples: {', '.join(met)})" if met else ""),
                line=docstring[0] if docstring else None,
            )
        )


def bank_notes(bank: Bank) -> list[str]:
    """Warn when the sandbox's unprivileged user could write the bank."""
    notes = []
    for path in (bank.root, *bank.root.iterdir()):
        try:
            mode = path.stat().st_mode
        except OSError:
            continue
        if mode & stat.S_IWOTH:
            notes.append(f"{path} is world-writable: task code could change it")
            break
    return notes


def stale_reason(
    report: ValidationReport, task: Task, here: str, timeout_s: float | None
) -> str | None:
    """Why a stored report no longer speaks for `task` in environment `here` (a fingerprint,
    `environment.bank_fingerprint`) under time limit `timeout_s` (`task_timeout`; None: not
    checked); None while it does. A verdict depends on the limit: a task that timed out may
    pass under a longer one, and its coverage may then be measured."""
    if report.content_hash != task.content_hash():
        return f"the task changed since this run (it ran on content {report.content_hash})"
    if report.environment != here:
        return f"it ran in another environment ({report.environment}; here: {here})"
    if report.harness_version != HARNESS_VERSION:
        return f"an older test harness ran it (version {report.harness_version})"
    if other_time_limit(report.timeout_s, timeout_s):
        return f"it ran under another time limit ({report.timeout_s:g} s; now {timeout_s:g} s)"
    return None


def stored_report(bank: Bank, task: Task) -> ValidationReport | None:
    """The stored report, current or not (None when there is none or the sandbox failed)."""
    report = bank.read_sidecar(task.task_id, REPORT_FILE, ValidationReport)
    return None if report is None or report.sandbox_error else report


def report_problem(task: Task, report: bytes | None, where: str) -> str | None:
    """Why the stored report (`report`, the bytes of `validation.json` at `where`; None when
    there is none) does not back the validation summary the task's `task.json` holds; None
    when it does. The stage gate trusts the summary only while its report is there to show
    for it, so that a lost or garbled report is never committed or released."""
    summary = task.validation
    again = f"validate it again: curator validate {shlex.quote(task.task_id)} --force"
    if report is None:
        if summary is None:
            return None
        return f"{where} is missing, though task.json records a validation ({again})"
    try:
        stored = ValidationReport.model_validate_json(report)
    except ValidationError as error:
        problem = describe_validation_error(error)
        return f"{where} is not a readable validation report: {problem} ({again})"
    if summary is None:
        return None
    if (stored.content_hash, stored.verdict) != (summary.content_hash, summary.verdict):
        return (
            f"{where} does not match task.json: the report is {stored.verdict.value} on content "
            f"{stored.content_hash}, task.json records {summary.verdict.value} on content "
            f"{summary.content_hash} ({again})"
        )
    return None


def current_report(
    bank: Bank, task: Task, timeout_s: float | None = None
) -> ValidationReport | None:
    """The stored report, if it is for this exact content, this environment and this time
    limit (`timeout_s`, else the task's: `task_timeout`). A report that cannot be read (a
    hand edit, a merge) is none: the task runs again and its new report replaces it."""
    try:
        report = stored_report(bank, task)
    except TaskFileError:
        return None
    limit = timeout_s or task_timeout(bank, task)
    if report is None or stale_reason(report, task, environment.bank_fingerprint(bank.root), limit):
        return None
    return report


TIMING_FIELDS = {"duration_s", "waited", "ran_alone", "time_limit_notes", "at"}
"""What differs between two runs of the same task whose results are the same."""


def same_result(stored: ValidationReport, new: ValidationReport) -> bool:
    """Whether two reports say the same of the same content, their timings aside."""

    def result(report: ValidationReport) -> dict[str, object]:
        data = report.model_dump(exclude=TIMING_FIELDS)
        for test in [*data["tests"].values(), *data["fixture_errors"]]:
            test.pop("duration_s")
        return data

    return result(stored) == result(new)


def varied_outcomes(stored: ValidationReport | None, new: ValidationReport) -> dict[str, list[str]]:
    """The tests whose outcome differed between validations of `new`'s content, environment
    and time limit: those `stored` carries, and those it and `new` disagree on (runs that
    ended whole, untampered). Red team: a test that told the flaky check's runs from a
    validation's looked stable there, and failed one validation in two."""

    def run_of(report: ValidationReport) -> tuple[object, ...]:
        return (report.content_hash, report.environment, report.timeout_s, report.harness_version)

    if stored is None or run_of(stored) != run_of(new):
        return {}
    varied = {name: list(seen) for name, seen in stored.outcomes_varied.items()}
    whole = [report.run_status == "completed" and not report.tampering for report in (stored, new)]
    if not all(whole):
        return varied
    for name, outcome in new.tests.items():
        before = stored.tests.get(name)
        if before is None:
            continue
        seen = varied.get(name) or [before.outcome]
        if outcome.outcome not in seen:
            varied[name] = [*seen, outcome.outcome]
    return varied


def outcomes_varied_warning(varied: dict[str, list[str]]) -> StaticProblem:
    tests = "; ".join(f"{name} ({', then '.join(seen)})" for name, seen in varied.items())
    return StaticProblem(
        code="outcome-varies",
        message=f"outcomes differ between validations of this content: {tests}; a flaky "
        "test, which the flaky check flags even where its own runs agree",
        file="tests.py",
    )


def store_report(bank: Bank, task: Task, report: ValidationReport) -> None:
    """Write `validation.json` and the task's summary (its `task.json` only), unless the task
    changed meanwhile, or the stored report and summary say the same, timings aside: a
    `validate --force` before a release rewrote every accepted task's files with new timings,
    and the release refused them as uncommitted."""
    with bank.lock():
        on_disk = bank.load(task.task_id)
        if on_disk.content_hash() == report.content_hash:
            try:
                stored = stored_report(bank, on_disk)
            except TaskFileError:
                stored = None
            report.outcomes_varied = varied_outcomes(stored, report)
            if report.outcomes_varied:
                report.warnings.append(outcomes_varied_warning(report.outcomes_varied))
            summary = on_disk.validation
            if (
                stored is not None
                and summary is not None
                and same_result(stored, report)
                and summary.model_copy(update={"at": None})
                == stored.summary().model_copy(update={"at": None})
            ):
                task.validation = on_disk.validation
                return
            on_disk.validation = report.summary()
            bank.write_sidecar(task.task_id, REPORT_FILE, report, meta=on_disk)
        else:
            bank.write_sidecar(task.task_id, REPORT_FILE, report)
    task.validation = report.summary()


def waivable_findings(task: Task) -> list[str]:
    """The codes a reviewer may waive now: the runtime findings of the task's last validation
    and its departures from the benchmark's shape (`shape_problems`)."""
    runtime = task.validation.runtime if task.validation is not None else []
    shape = [problem.code for problem in shape_problems(task)]
    return list(dict.fromkeys([*runtime, *shape]))


def waive_finding(bank: Bank, task_id: str, code: str, reason: str, who: str) -> Task:
    """Record a reviewer's waiver of one finding the task has now (`waivable_findings`)."""
    if not reason.strip():
        raise CuratorError("give a --reason for the waiver")
    with bank.lock():
        task = bank.load(task_id)
        found = waivable_findings(task)
        if code not in found:
            has = ", ".join(found) or "none"
            raise CuratorError(
                f"{task_id}: it has no runtime or shape finding {code!r} now (it has: {has})"
            )
        waiver = FindingWaiver(
            code=code, reason=reason.strip(), who=who, content_hash=task.content_hash()
        )
        task.waivers = [kept for kept in task.waivers if kept.code != code] + [waiver]
        bank.save(task)
        return task


def sandbox_for(
    bank: Bank, other: Environment | None = None, *, tasks: Sequence[Task] = ()
) -> Sandbox:
    """A sandbox that hides the bank from task code and runs the bank's environment (or
    `other`); raises `EnvironmentProblem` when that environment is not built. `tasks`: those
    it will run, where the caller knows them; for one task alone, its warm workers preload
    only what that task imports (a command on one task starts in a fraction of the time:
    `Sandbox`'s `preload_only`)."""
    chosen = other or declared_environment(bank.root)
    only = tasks[0] if len(tasks) == 1 else None
    preload_only = None if only is None else imported_packages(only.program, only.test)
    if chosen is None:
        return Sandbox(protect=[Path(bank.root)], preload_only=preload_only)
    if problem := chosen.unbuilt_problem():
        raise problem
    interpreter = Interpreter(
        executable=str(chosen.python),
        variables=tuple(chosen.run_variables().items()),
        fingerprint=chosen.fingerprint,
    )
    return Sandbox(protect=[Path(bank.root)], interpreter=interpreter, preload_only=preload_only)


ReportCallback = Callable[[ValidationReport, bool], None]
Stored = TypeVar("Stored")
Checked = TypeVar("Checked")


def stored_or_due(
    tasks: Sequence[Task], current: Callable[[Task], Stored | None], force: bool
) -> tuple[dict[str, Stored], list[Task]]:
    """A stage's current stored results by task id (none with `force`), and the tasks it
    still has to run."""
    stored: dict[str, Stored] = {}
    due: list[Task] = []
    for task in tasks:
        result = None if force else current(task)
        if result is None:
            due.append(task)
        else:
            stored[task.task_id] = result
    return stored, due


@dataclass
class ValidationResults:
    """The reports of one `validate_tasks` call, in the order asked, and which were reused."""

    reports: list[ValidationReport]
    cached: set[str] = field(default_factory=set)
    # Task folders that could not be read: the others are validated all the same (one broken
    # folder among 1,140 stopped every validation).
    unreadable: list[TaskFileError] = field(default_factory=list)
    not_run: list[str] = field(default_factory=list)
    """Tasks left out because the validation was stopped (`stop`) before their runs began."""

    @property
    def all_pass(self) -> bool:
        return all(report.verdict is Verdict.PASS for report in self.reports)


def validate_tasks(
    bank: Bank,
    ids: Sequence[str],
    sandbox: Sandbox | None = None,
    force: bool = False,
    jobs: int = 1,
    on_report: ReportCallback | None = None,
    *,
    coverage: bool = True,
    timeout_s: float | None = None,
    other: Environment | None = None,
    stop: threading.Event | None = None,
) -> ValidationResults:
    """The validation stage: validate the tasks and store each result as it arrives.

    A stored report is reused while it is current (unless `force`). The rest run `jobs` at a
    time, in `sandbox` or in one made for the bank (`sandbox_for`) and closed at the end.
    `on_report(report, cached)` is called once per task as its report is known, from the
    calling thread. Results are stored as they come, so an interrupted run keeps what finished;
    a run the sandbox failed (`sandbox_error`) is not, so the task keeps its last result.
    `timeout_s` overrides each task's own limit (`task_timeout`). A task folder that cannot be
    read is listed in `unreadable` and the rest run. With `other`, an environment
    other than the bank's, every task runs in it and nothing is stored (upgrade impact).
    Once `stop` is set, no run begins: the runs under way finish and are stored, and the
    tasks left are listed in `not_run`.
    """
    force = force or other is not None
    unreadable: list[TaskFileError] = []
    tasks: list[Task] = []
    with contextlib.ExitStack() as own:
        for task_id in ids:
            try:
                tasks.append(bank.load(task_id))
            except TaskFileError as problem:
                unreadable.append(problem)
            if force and sandbox is None and tasks:
                # Every task runs: the warm worker starts (about 0.15 s) while the rest load.
                first = tasks[0]
                known = [first] if len(ids) == 1 else []
                sandbox = own.enter_context(sandbox_for(bank, other, tasks=known))
                threading.Thread(
                    target=sandbox.start_for, args=(first.program, first.test), daemon=True
                ).start()
        bank_limit = bank.timeout_s  # read once, not once per task

        def limit(task: Task) -> float:
            return timeout_s or task.time_limit(bank_limit)

        results, to_run = stored_or_due(
            tasks, lambda task: current_report(bank, task, limit(task)), force
        )
        cached = set(results)
        if on_report:
            for report in results.values():
                on_report(report, True)
        if to_run:
            if sandbox is None:
                sandbox = own.enter_context(sandbox_for(bank, other, tasks=to_run))
            _run_and_store(
                bank,
                to_run,
                sandbox,
                jobs,
                coverage,
                limit,
                results,
                on_report,
                other is None,
                stop,
            )
    return ValidationResults(
        [results[task.task_id] for task in tasks if task.task_id in results],
        cached,
        unreadable,
        [task.task_id for task in tasks if task.task_id not in results],
    )


STATIC_BATCH = 64


def static_batch_sizes(count: int) -> list[int]:
    """Sizes of the batches static checks run in: 2, 8, 32, then STATIC_BATCH at a time."""
    sizes: list[int] = []
    size = 2
    while count > 0:
        sizes.append(min(size, count))
        count -= sizes[-1]
        size = min(size * 4, STATIC_BATCH)
    return sizes


def checks_in_batches(
    checker: ThreadPoolExecutor,
    tasks: list[Task],
    check: Callable[[list[Task]], Checked],
) -> dict[str, tuple[Future[Checked], int]]:
    """Submit the tasks' static checks to `checker`, `check` (ruff once) per batch of
    `static_batch_sizes`: each task's batch and its place in it. A small first batch, so that
    the first runs need not wait."""
    batches: dict[str, tuple[Future[Checked], int]] = {}
    start = 0
    for size in static_batch_sizes(len(tasks)):
        batch = tasks[start : start + size]
        checked = checker.submit(check, batch)
        for index, task in enumerate(batch):
            batches[task.task_id] = (checked, index)
        start += size
    return batches


HEAVY_LIBRARY_RUN_S = 30.0
"""What validating a task never validated that imports TensorFlow or Keras is expected to take:
such tasks train models (on 300 BigCodeBench tasks the three that do took 13 to 111 s, the
longest run of all that compute). Started last, the longest held the whole validation up."""


def expected_duration_s(task: Task) -> float:
    """How long validating the task should take: its last validation's time; never validated,
    the seconds its solution and tests sleep for (`sleeps_s`), which single out the tasks
    that wait on servers and timers (on 300 BigCodeBench tasks, the five that sleep are
    five of the twelve slowest; the slowest serves sockets for a minute), and
    `HEAVY_LIBRARY_RUN_S` more for one that trains models."""
    if task.validation is not None:
        return task.validation.duration_s
    expected = sleeps_s(task)
    if imports_heavy_library(task.program, task.test):
        expected += HEAVY_LIBRARY_RUN_S
    return expected


def longest_first(tasks: list[Task]) -> list[Task]:
    """The tasks in the order to run them: the longest expected first (the rest in the order
    asked). A long run started last would keep one worker busy long after the others had
    finished."""
    return sorted(tasks, key=expected_duration_s, reverse=True)


def _run_and_store(
    bank: Bank,
    tasks: list[Task],
    sandbox: Sandbox,
    jobs: int,
    coverage: bool,
    limit: Callable[[Task], float],
    results: dict[str, ValidationReport],
    on_report: ReportCallback | None,
    store: bool,
    stop: threading.Event | None,
) -> None:
    tasks = longest_first(tasks)
    # The warm worker's imports overlap with the first tasks' static checks, which need no
    # sandbox.
    first = tasks[0]
    threading.Thread(
        target=sandbox.start_for, args=(first.program, first.test), daemon=True
    ).start()
    checker = ThreadPoolExecutor(max_workers=1)
    batches = checks_in_batches(checker, tasks, checks_before_runs)

    def work(task: Task, company: Company, coming: Task | None) -> ValidationReport | None:
        if stop is not None and stop.is_set():
            return None  # stopped before its run began
        if coming is not None:  # the task whose run begins about when this one's ends
            sandbox.compile_ahead(coming.program, coming.test, coming.entry_point)
        checked, index = batches[task.task_id]
        return validate_task(
            task,
            sandbox,
            coverage=coverage,
            timeout_s=limit(task),
            checks=checked.result()[index],
            company=company,
        )

    # Workers run tasks; this thread stores each result as it arrives, so that writes to the
    # bank overlap with runs. A run the sandbox failed says nothing of the task: it is
    # reported, not stored over the task's last result. Tasks that waited last time have
    # workers of their own: `jobs` counts the runs that compute.
    with (
        checker,
        ThreadPoolExecutor(max_workers=jobs) as pool,
        ThreadPoolExecutor(max_workers=jobs) as waiters,
    ):
        futures = {}
        for place, task in enumerate(tasks):
            company = company_for(task, limit(task))
            workers = waiters if company is Company.WAITING else pool
            coming = tasks[place + jobs] if place + jobs < len(tasks) else None
            futures[workers.submit(work, task, company, coming)] = task
        try:
            for future in as_completed(futures):
                report = future.result()
                if report is None:
                    continue
                if store and not report.sandbox_error:
                    store_report(bank, futures[future], report)
                results[report.task_id] = report
                if on_report:
                    on_report(report, False)
        except BaseException as error:
            drop_pending_runs((pool, waiters), sandbox, error)
            raise
